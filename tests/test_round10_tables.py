"""Round 10: ways of laying out and stating figures found by the fifteenth and sixteenth development sets
(tests/devset/dev15, dev16), each tested apart from them on a snippet written for the test, in other words
and numbers: Tabel 1 under a title with no word of the balance; price levels as "(i 2040-priser)",
"(2040-niveau)", "(2040-PL)" and "2040-pris- og lønniveau"; a group title in a pipe row of its own; row
labels in other words; the conditional block grant stated as what it depends on or as a withheld amount; the
frame for tax increases as a cap on their revenue; the tax-cut schedule set out as aligned lines or carried
on into the next sentence; a press release's headline; a change stated with the level it leads to."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import YEAR, agreement, value

from kommuneokonomi.documents import DocumentError, parse_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.extraction.balance import label_key


def _md(body: str):
    text = (
        f"# Aftale om kommunernes økonomi for {YEAR}\n\n1. juni {YEAR - 1}\n\n## 1. Indledning\n\n"
        f"Regeringen og KL er enige om denne aftale.\n\n## 2. Rammerne\n\n{body}\n"
    )
    return extract(parse_document(text.encode(), "syntetisk.md", ".md"))


def _schedule(r, years: int = 3) -> dict[int, object]:
    return {y: value(r, f"tilskudsprocent.{y}") for y in range(YEAR, YEAR + years)}


def _txt(body: str):
    text = f"Aftale om kommunernes økonomi for {YEAR}\n\n1. juni {YEAR - 1}\n\n1. Rammerne\n\n{body}\n"
    return extract(parse_document(text.encode(), "syntetisk.txt", ".txt"))


def test_a_table_1_titled_without_a_word_of_the_balance_is_read_for_its_rows():
    # "Hovedtal" names neither the balance nor its sides; the rows under it are the balance's
    r = _md(
        f"**Tabel 1. Hovedtal for kommunerne (mia. kr., {YEAR}-priser)**\n\n"
        f"| | Aftale {YEAR} | Aftale {YEAR - 1} (i {YEAR}-priser) |\n|:--|--:|--:|\n"
        "| **Udgifter** | | |\n| Serviceudgifter | 401,7 | 399,0 |\n| Bruttoanlæg | 22,4 | 21,9 |\n"
        "| Udgifter i alt | 424,1 | 420,9 |\n| **Finansiering** | | |\n| Skat | -330,2 | -329,0 |\n"
    )
    # the agreement's column, though last year's names the budget year as its price level
    assert value(r, "balance.serviceudgifter") == 401700
    assert value(r, "balance.bruttoanlaeg") == 22400
    assert value(r, "balance.skatteindtaegter") == -330200
    assert value(r, "balance.udgifter_i_alt") == 424100


def test_a_table_of_pl_rates_under_a_plain_caption_is_not_the_balance():
    r = _md(
        "**Tabel 2. Skøn for udviklingen**\n\n| | Pct. |\n|:--|--:|\n| Service | 2,9 |\n| Anlæg | 2,4 |\n"
    )
    assert value(r, "balance.serviceudgifter") is None


def test_a_price_level_under_a_column_title_and_in_words_in_the_caption():
    # the caption's price level is no column; the line under "Budget …" is that column's price level
    r = _txt(
        "Tabel 1\n"
        f"Kommunernes økonomi ({'mio. kr.'}, {YEAR}-pris- og lønniveau)\n\n"
        f"                                 Budget {YEAR - 1}         Aftale {YEAR}\n"
        f"                                 ({YEAR}-niveau)\n"
        "Service, netto                      300.400             305.100\n"
        "Anlæg, brutto                        19.800              20.300\n"
        "Samlede udgifter                    320.200             325.400\n"
    )
    assert value(r, "balance.serviceudgifter") == 305100
    assert value(r, "balance.bruttoanlaeg") == 20300
    assert value(r, "balance.udgifter_i_alt") == 325400


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Service, netto", "serviceudgifter"),
        ("Kommuneskat", "skatteindtaegter"),
        ("Skat", "skatteindtaegter"),
        ("Tilskud vedrørende beskæftigelse", "beskaeftigelsestilskud"),
        ("- heraf betinget af overholdt budget", "heraf_betinget_bloktilskud"),
        ("heraf tilbageholdt bloktilskud", "heraf_betinget_bloktilskud"),
        ("Sundhed, kommunal medfinansiering", "aktivitetsbestemt_medfinansiering"),
        ("Aktivitetsbestemt medfinan- siering", "aktivitetsbestemt_medfinansiering"),
        # a suspended compound is no wrapped word
        ("Indkomst- og ejendomsskat", "skatteindtaegter"),
    ],
)
def test_row_labels_in_other_words(label, key):
    assert label_key(label)[0] == key


def test_a_group_title_row_keeps_the_pipe_table_together():
    doc = parse_document(
        b"| Post | Aftale |\n|--|--|\n| **Indtaegter** | | |\n| Skat | -1,0 |\n", "x.md", ".md"
    )
    kinds = [(b.kind, b.cells) for b in doc.blocks]
    assert ("table_row", ["Indtaegter", "", ""]) in kinds


@pytest.mark.parametrize(
    ("sentences", "service", "anlaeg"),
    [
        (
            f"Bloktilskuddet for {YEAR} afhænger fortsat af, at kommunerne under ét overholder aftalen. "
            "Et beløb på 2,5 mia. kr. udbetales kun, hvis de budgetterede serviceudgifter holder sig inden for servicerammen.",
            2500,
            None,
        ),
        (
            "Det forudsættes for udbetalingen af 2 mia. kr. af bloktilskuddet, at de budgetterede serviceudgifter ikke overstiger rammen.",
            2000,
            None,
        ),
        (
            "Staten holder en del af bloktilskuddet tilbage, til budgetterne er opgjort. Bloktilskuddet nedsættes med op til "
            "2,5 mia. kr., hvis kommunerne budgetterer med serviceudgifter over rammen, og med op til 0,5 mia. kr., "
            "hvis bruttoanlæggene overstiger det aftalte anlægsniveau.",
            2500,
            500,
        ),
    ],
)
def test_the_conditional_grant_stated_by_what_it_depends_on(sentences, service, anlaeg):
    r = agreement(sentences)
    assert (value(r, "betinget_bloktilskud_service"), value(r, "betinget_bloktilskud_anlaeg")) == (
        service,
        anlaeg,
    )


def test_the_frame_for_tax_increases_as_a_cap_on_their_revenue():
    r = agreement(
        "Kommuner kan sætte skatten op, så længe de samlede forhøjelser under ét ikke giver mere end 150 mio. kr. i provenu."
    )
    assert value(r, "ramme_skatteforhoejelse") == 150


def test_a_schedule_set_out_as_aligned_lines_under_its_lead():
    r = _txt(
        "Kommuner, der nedsætter skatten, får kompenseret denne andel af det tabte provenu:\n\n"
        f"  {YEAR}      80 pct.\n\n  {YEAR + 1}      60 pct.\n\n  {YEAR + 2}      30 pct.\n"
    )
    assert _schedule(r) == {YEAR: 80, YEAR + 1: 60, YEAR + 2: 30}


def test_a_schedule_carried_on_into_the_next_sentence():
    r = agreement(
        f"Tilskuddet til en skattenedsættelse udgør i {YEAR} 75 pct. af provenutabet. "
        f"I {YEAR + 1} udgør det 50 pct. og i {YEAR + 2} 25 pct."
    )
    assert _schedule(r) == {YEAR: 75, YEAR + 1: 50, YEAR + 2: 25}


def test_the_lift_of_the_level_the_service_expenditure_starts_from():
    r = agreement(
        f"Parterne hæver det niveau, som serviceudgifterne for {YEAR} tager afsæt i, med 0,9 mia. kr. ud over pris- og lønudviklingen."
    )
    assert value(r, "serviceramme_loeft") == 900


@pytest.mark.parametrize(("verb", "sign"), [("forhøje", 1), ("reducere", -1)])
def test_the_midtvejsregulering_with_the_verb_before_the_block_grant(verb, sign):
    r = agreement(
        f"Regeringen og KL er enige om at {verb} kommunernes bloktilskud for {YEAR - 1} med 1,3 mia. kr. som følge af nye skøn."
    )
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (sign * 1300, YEAR - 1)


@pytest.mark.parametrize(
    "headline",
    [
        f"# KL og regeringen er enige om kommunernes økonomi for {YEAR}",
        f"# Regeringen og KL har indgået aftale om kommuneøkonomien for {YEAR}",
    ],
)
def test_a_press_release_headline_names_the_agreement_and_its_year(headline):
    # a press release: the headline is the title, the parties' voice is in its first paragraph
    text = (
        f"{headline}\n\n*Pressemeddelelse, 3. juni {YEAR - 1}*\n\nRegeringen og KL har i dag underskrevet "
        f"aftalen.\n\n## Kort fortalt\n\n- Rammen for kommunernes serviceudgifter er 410,3 mia. kr. i {YEAR}.\n"
    )
    r = extract(parse_document(text.encode(), "pressemeddelelse.md", ".md"))
    assert r.meta.year == YEAR
    assert value(r, "serviceramme") == 410300


def test_a_press_release_on_another_matter_is_still_no_agreement():
    text = (
        f"# KL og regeringen er enige om en ny model for ældreplejen\n\n3. juni {YEAR - 1}\n\n"
        "Modellen koster 0,4 mia. kr. og indføres gradvist.\n"
    )
    with pytest.raises(DocumentError, match="ikke en økonomiaftale"):
        extract(parse_document(text.encode(), "pressemeddelelse.md", ".md"))


def test_a_column_price_level_in_capitals():
    r = _md(
        f"**Tabel 1. Kommunernes økonomi (mia. kr., {YEAR}-PL)**\n\n"
        f"| | Aftale {YEAR - 1} ({YEAR}-PL) | Aftale {YEAR} | Ændring |\n|:--|--:|--:|--:|\n"
        "| Serviceudgifter | 399,0 | 401,7 | 2,7 |\n| Bruttoanlæg | 22,9 | 22,4 | -0,5 |\n"
        "| Udgifter i alt | 421,9 | 424,1 | 2,2 |\n"
    )
    assert (value(r, "balance.serviceudgifter"), value(r, "balance.bruttoanlaeg")) == (401700, 22400)


@pytest.mark.parametrize(
    ("sentence", "key", "expected"),
    [
        # a key that is a level or a frame takes the level a change leads to, never the change
        (
            "Rammen for nedsættelser af udskrivningsprocenten, der skal modvirke overudligning, øges med 5 mio. kr. til op til 35 mio. kr.",
            "ramme_skattenedsaettelse_udligning",
            35,
        ),
        (
            "Puljen til tilskud til kommuner, der nedsætter skatten, forhøjes med 25 mio. kr. til 325 mio. kr.",
            "tilskud_skattenedsaettelse",
            325,
        ),
        # a key that is itself a change takes the change
        (
            f"Udgangspunktet for servicerammen hæves med 1,4 mia. kr. til 402,0 mia. kr. i {YEAR}.",
            "serviceramme_loeft",
            1400,
        ),
    ],
)
def test_a_change_with_the_level_it_leads_to(sentence, key, expected):
    assert value(agreement(sentence), key) == expected


def test_a_change_from_a_starting_value_to_the_new_level():
    # change, starting value and new level in one statement: the key is the new level
    r = agreement(
        f"Finansieringstilskuddet reduceres med 0,8 mia. kr. fra 3,0 mia. kr. i {YEAR - 1} til 2,2 mia. kr. i {YEAR}."
    )
    assert value(r, "finansieringstilskud") == 2200


def test_a_price_level_in_words_wrapped_or_tabbed():
    for gap in (" ", "\t", "\n"):
        r = _txt(
            f"Tabel 1\nKommunernes økonomi (mio. kr., {YEAR}-pris- og{gap}lønniveau)\n\n"
            f"                                 Budget {YEAR - 1}         Aftale {YEAR}\n"
            "Serviceudgifter                     300.400             305.100\n"
            "Bruttoanlæg                          19.800              20.300\n"
            "Udgifter i alt                      320.200             325.400\n"
        )
        assert value(r, "balance.serviceudgifter") == 305100, repr(gap)


def test_a_schedule_as_a_row_of_years_over_a_row_of_percentages():
    # the i-th year is the i-th percentage's, not the nearest one's
    r = _txt(
        "Kommuner, der nedsætter skatten, får tilskud, der aftrappes:\n\n"
        "   Tilskud i pct. af provenutabet\n"
        f"   {YEAR}          {YEAR + 1}          {YEAR + 2}\n"
        "   80 pct.       60 pct.       20 pct.\n"
    )
    assert _schedule(r) == {YEAR: 80, YEAR + 1: 60, YEAR + 2: 20}


def test_pandoc_markdown_from_word_minus_signs_and_attributes():
    # pandoc writes Word's en dash as "--" and keeps headings' attributes and bookmarks
    doc = parse_document(
        b"## 2.1 Rammerne {#rammerne .unnumbered}\n\n[]{#_Toc77 .anchor}Tekst.\n\n| Skatter | --698,4 |\n",
        "x.md",
        ".md",
    )
    assert [b.text for b in doc.blocks] == ["2.1 Rammerne", "Tekst.", "Skatter -698,4"]
    assert doc.blocks[-1].cells == ["Skatter", "-698,4"]


def test_kl_s_summary_named_by_the_year_alone():
    text = (
        f"# Økonomiaftalen for {YEAR} – det betyder aftalen for kommunerne\n\n*KL, 2. juni {YEAR - 1}*\n\n"
        f"Regeringen og KL indgik i går aftale om kommunernes økonomi for {YEAR}.\n\n## 1. Rammerne\n\n"
        f"Servicerammen udgør 410,3 mia. kr. i {YEAR}.\n"
    )
    r = extract(parse_document(text.encode(), "kl.md", ".md"))
    assert (r.meta.year, value(r, "serviceramme")) == (YEAR, 410300)


def test_the_regions_summary_named_by_the_year_is_not_the_municipalities():
    text = (
        f"# Økonomiaftalen for {YEAR} – det betyder aftalen for regionerne\n\n2. juni {YEAR - 1}\n\n"
        "Regionernes sundhedsudgifter løftes med 1,0 mia. kr.\n"
    )
    with pytest.raises(DocumentError):
        extract(parse_document(text.encode(), "regioner.md", ".md"))


def test_a_column_price_level_after_i_and_a_gross_construction_label():
    r = _md(
        f"**Tabel 1. Kommunernes økonomi**\n\n| Mia. kr. ({YEAR}-PL) | Aftale {YEAR} | Aftale {YEAR - 1} i {YEAR}-PL |\n"
        "|:--|--:|--:|\n| Serviceudgifter | 401,7 | 399,0 |\n| Bruttoanlægsudgifter | 22,4 | 22,9 |\n"
        "| Udgifter i alt | 424,1 | 421,9 |\n"
    )
    assert (value(r, "balance.serviceudgifter"), value(r, "balance.bruttoanlaeg")) == (401700, 22400)


def test_pl_for_all_expenditure_with_the_transfers_by_their_compound():
    r = agreement(
        f"De kommunale udgifter under ét, inklusive indkomstoverførsler, fremskrives med 2,3 pct. fra {YEAR - 1} til {YEAR} (pris- og lønudviklingen)."
    )
    assert value(r, "pl_samlet") == 2.3


def test_a_change_column_titled_against_last_years_agreement():
    # "Ændring ift. aftale 2030" is one column, not a change column and an agreement column
    r = _md(
        f"**Tabel 1. Balance for kommunerne {YEAR}, mia. kr. ({YEAR}-pl) Aftale {YEAR} Ændring ift. aftale {YEAR - 1}**\n\n"
        "Serviceudgifter 401,7 4,8\n\nBruttoanlæg 22,4 -0,5\n\nUdgifter i alt 424,1 4,3\n"
    )
    assert (value(r, "balance.serviceudgifter"), value(r, "balance.bruttoanlaeg")) == (401700, 22400)
