"""How an agreement states a key figure in running prose (the prose round, dev set 7): rounded headline
figures beside exact ones, enumerations, a cue far from its number in the same clause, years in the
"ÅR: beløb" notation, a conditional grant stated only through the sanction's cap, a level held unchanged
from last year, and a tax-cut schedule in relative years. The sentences are written for these tests, in
other words than the dev set's agreements.
"""

# ruff: noqa: E501  (test sentences are kept whole, one per line, to read as written)
from __future__ import annotations

import pytest

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction.balance import find_balance_table
from kommuneokonomi.extraction.figures import find_text_figures
from kommuneokonomi.extraction.text import tokenize
from kommuneokonomi.models import Block, Document
from test_extraction_meaning import YEAR, agreement, value


def schedule(result) -> dict[int, object]:
    return {
        int(k.split(".")[1]): f.contract_value()
        for k, f in result.figures.items()
        if k.startswith("tilskudsprocent.") and f.value is not None
    }


# -- approximate and exact statements of one figure ------------------------------------------------------


def test_a_rounded_headline_gives_way_to_the_exact_figure():
    r = agreement(
        "Aftalen giver kommunerne en serviceramme på knap 352 mia. kr. og et anlægsniveau på omkring 23 mia. kr.\n\n"
        "Servicerammen for 2031 fastsættes til 351,6 mia. kr. Kommunernes bruttoanlæg udgør 22,8 mia. kr. i 2031."
    )
    assert (value(r, "serviceramme"), value(r, "anlaegsramme")) == (351600, 22800)
    assert not [w for w in r.warnings if w.code == "omtrentligt_tal"]


def test_the_exact_figure_wins_even_where_its_own_cues_are_weak():
    """The headline's cues name the figure; the exact statement, weakly cued, gives its digits."""
    r = agreement(
        "Med aftalen får kommunerne en serviceramme på cirka 352 mia. kr.\n\n"
        "Den kommunale serviceramme svarer for 2031 til et niveau på 351,6 mia. kr."
    )
    assert value(r, "serviceramme") == 351600


def test_a_rounded_figure_of_another_size_is_not_made_exact_by_it():
    r = agreement(
        "Servicerammen for 2031 fastsættes til 351,6 mia. kr. Frem mod 2035 ventes serviceudgifterne at stige "
        "til ca. 380 mia. kr."
    )
    assert value(r, "serviceramme") == 351600


def test_a_rounded_figure_alone_is_taken_with_a_warning():
    r = agreement(
        "Kommunerne kan søge om tilskud til skattenedsættelser inden for en ramme på ca. 40 mio. kr."
    )
    assert value(r, "tilskud_skattenedsaettelse") == 40
    assert [w.code for w in r.warnings if w.code == "omtrentligt_tal"] == ["omtrentligt_tal"]


def test_a_bound_is_not_a_rounded_figure():
    """ "over 200 mio. kr." states a threshold exactly: it is no approximate figure and raises no warning."""
    r = agreement(
        "Kommunerne kan opnå tilskud til skattenedsættelser inden for en pulje på 200 mio. kr. Ansøges der om "
        "nedsættelser for over 200 mio. kr., reduceres tilskuddet."
    )
    assert value(r, "tilskud_skattenedsaettelse") == 200
    assert not [w for w in r.warnings if w.code == "omtrentligt_tal"]


TABLE = (
    "Tabel 1\n\n| Mia. kr. | Aftale 2031 |\n|---|---:|\n| Serviceudgifter | 351,6 |\n| Bruttoanlæg | 22,8 |\n"
)


def test_tabel_1_makes_a_rounded_frame_exact():
    r = agreement("Med aftalen bliver servicerammen godt 351 mia. kr.\n\n" + TABLE)
    assert value(r, "serviceramme") == 351600
    codes = [w.code for w in r.warnings]
    assert "omtrentligt_tal_praeciseret_af_tabel" in codes
    assert "omtrentligt_tal" not in codes


# -- several figures in one sentence, a cue far from its number ------------------------------------------


def test_pl_rates_enumerated_after_one_topic():
    r = agreement(
        "Parterne lægger til grund, at pris- og lønskønnene fra 2030 til 2031 udgør 1,9 pct. for de samlede "
        "kommunale udgifter inkl. overførsler, 2,2 pct. for de kommunale serviceudgifter og 1,6 pct. for de "
        "kommunale anlægsudgifter."
    )
    assert (value(r, "pl_samlet"), value(r, "pl_service"), value(r, "pl_anlaeg")) == (1.9, 2.2, 1.6)


def test_a_subject_many_words_before_its_figure_in_one_clause():
    r = agreement(
        "For de kommunale serviceudgifter under ét forventes pris- og lønudviklingen fra 2030 til 2031 samlet "
        "at andrage 2,2 pct., mens skønnet for anlægsudgifterne er 1,6 pct."
    )
    assert (value(r, "pl_service"), value(r, "pl_anlaeg")) == (2.2, 1.6)


def test_a_year_label_before_a_figure_binds_it():
    """ "(2030: 137 kr. …)" after this year's figure is last year's, not a second candidate for this year."""
    doc = parse_document(
        b"# Aftale om kommunernes \xc3\xb8konomi for 2031\n\nGrundbidraget fasts\xc3\xa6ttes til 140 kr. pr. "
        b"indbygger i 2031 (2030: 137 kr. pr. indbygger).\n",
        "syntetisk.md",
        ".md",
    )
    ranked = find_text_figures(doc, 2031).ranked
    assert [s.value for s in ranked["grundbidrag"]] == [140]


def test_last_years_contribution_in_the_past_tense_with_the_year_first():
    r = agreement(
        "Kommunernes udviklingsbidrag til regionerne på det regionale udviklingsområde udgjorde i 2030 137 kr. "
        "pr. indbygger. Efter regulering med det regionale pris- og lønskøn på 2,2 pct. bliver grundbidraget "
        "140 kr. pr. indbygger i 2031."
    )
    assert (value(r, "grundbidrag_forrige"), value(r, "grundbidrag")) == (137, 140)


# -- a conditional grant through the sanction; a level held from last year --------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Overskrider kommunernes budgetterede serviceudgifter under ét servicerammen, reduceres bloktilskuddet "
        "tilsvarende, dog maksimalt med 2,5 mia. kr.",
        "Budgetterer kommunerne samlet med serviceudgifter over rammen, modregnes merudgiften i bloktilskuddet. "
        "Modregningen kan højst udgøre 2,5 mia. kr.",
    ],
)
def test_the_conditional_grant_stated_through_the_sanctions_cap(body):
    r = agreement(body)
    assert (value(r, "betinget_bloktilskud_service"), value(r, "betinget_bloktilskud_anlaeg")) == (2500, None)


def test_a_cap_on_the_accounts_sanction_is_no_conditional_grant():
    r = agreement(
        "Overskrides servicerammen i regnskabet, modregnes overskridelsen i bloktilskuddet året efter, dog "
        "højst med 2 mia. kr."
    )
    assert value(r, "betinget_bloktilskud_service") is None


def test_a_cap_on_the_tax_sanction_is_no_conditional_grant():
    r = agreement(
        "Stiger skatten for kommunerne under ét, nedsættes bloktilskuddet svarende til stigningen, dog højst "
        "med 0,5 mia. kr."
    )
    assert value(r, "betinget_bloktilskud_service") is None


def test_a_level_held_from_last_years_figure():
    r = agreement(
        "Kommunernes anlægsramme fastholdes i 2031 på niveauet fra aftalen for 2030 på 22,0 mia. kr."
    )
    assert value(r, "anlaegsramme") == 22000


def test_last_years_level_compared_is_not_this_years():
    r = agreement(
        "Anlægsrammen hæves med 1,0 mia. kr. i forhold til niveauet i aftalen for 2030 på 21,0 mia. kr."
    )
    assert value(r, "anlaegsramme") is None


def test_the_regions_frame_is_not_the_municipalities():
    r = agreement("Regionernes anlægsramme er i den regionale aftale fastsat til 9,0 mia. kr. for 2031.")
    assert value(r, "anlaegsramme") is None


@pytest.mark.parametrize(
    "tax", ["nedsætter grundskylden", "nedsætter dækningsafgiften", "sætter indkomstskatten ned"]
)
def test_a_tax_cut_named_by_its_tax(tax):
    r = agreement(f"Der afsættes en ramme på 150 mio. kr., hvorfra kommuner, der {tax}, kan få tilskud.")
    assert value(r, "tilskud_skattenedsaettelse") == 150


# -- the tax-cut schedule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "En kommune, der sætter skatten ned, får et tilskud på 80 pct. af provenutabet det første år, 60 pct. "
        "det andet år og 30 pct. i hvert af de to næste år.",
        "Tilskuddet udgør 80 pct. af provenutabet det første år (2031), 60 pct. året efter og 30 pct. i de "
        "følgende to år.",
        "Tilskuddet udgør 80 pct. af provenutabet i 2031, 60 pct. i 2032 samt 30 pct. i 2033 og i 2034.",
        "Kommunen kompenseres med 80 pct. af provenutabet det første år, 60 pct. det andet år og 30 pct. det "
        "tredje og fjerde år.",
    ],
)
def test_a_schedule_in_relative_years(body):
    assert schedule(agreement(body)) == {2031: 80, 2032: 60, 2033: 30, 2034: 30}


def test_a_year_belongs_to_the_percentage_before_it_in_its_clause_chain():
    r = agreement(
        "Tilskuddet udgør 80 pct. af provenutabet i 2031 og i 2032, 40 pct. i 2033 og i 2034 samt 20 pct. i 2035."
    )
    assert schedule(r) == {2031: 80, 2032: 80, 2033: 40, 2034: 40, 2035: 20}


def test_the_tax_sanctions_share_is_no_schedule():
    r = agreement(
        "Tilskuddet udgør 75 pct. af provenutabet det første år og 50 pct. det andet år. Hæver en kommune "
        "skatten, modregnes 75 pct. af merprovenuet i bloktilskuddet det første år og 50 pct. det andet år."
    )
    assert schedule(r) == {2031: 75, 2032: 50}


def test_open_ended_relative_years_are_not_guessed():
    r = agreement("Tilskuddet udgør 75 pct. af provenutabet i 2031 og 50 pct. i de følgende år.")
    assert schedule(r) == {2031: 75}


# -- Tabel 1 of a grid PDF whose change column the reader set apart ------------------------------------------


def _blocks(items: list[tuple[str, str, list[str] | None]]) -> Document:
    blocks = [
        Block(kind=kind, text=text, offsets=[(0, n + 1)], cells=cells)
        for n, (kind, text, cells) in enumerate(items)
    ]
    return Document(path="tabel.pdf", format="pdf", sha256="0" * 64, n_lines=len(blocks), blocks=blocks)


ROWS = [
    ("Aktivitetsbestemt medfinansiering", "30,5"),
    ("Overførsler", "120,0"),
    ("Bruttoanlæg", "24,0"),
    ("Udgifter i alt", "524,5"),
    ("Skatteindtægter", "-400,0"),
    ("Bloktilskud", "-124,5"),
    ("Indtægter i alt", "-524,5"),
]


def test_a_change_column_set_apart_from_its_rows():
    """The first row keeps its change ("+9,0"), the others' changes come as bare lines before them; each
    row of cells keeps the agreement's value."""
    doc = _blocks(
        [
            ("heading", "Tabel 1. Balance for kommunerne i 2031", None),
            ("heading", "Mia. kr., 2031-pl Aftale 2031 Ændring", None),
            ("paragraph", "Serviceudgifter, netto 350,0 +9,0", None),
            *[
                ("paragraph", change, None)
                for change in ("+1,0", "+2,0", "+0,5", "+12,5", "-8,0", "-4,5", "-12,5", "+0,1", "-0,2")
            ],
            *[("table_row", f"{label} {v}", [label, v]) for label, v in ROWS],
        ]
    )
    table = find_balance_table(doc, 2031)
    assert table is not None
    got = {k.removeprefix("balance."): f.value for k, f in table.figures.items()}
    assert got == {
        "serviceudgifter": 350000,
        "aktivitetsbestemt_medfinansiering": 30500,
        "overfoersler": 120000,
        "bruttoanlaeg": 24000,
        "udgifter_i_alt": 524500,
        "skatteindtaegter": -400000,
        "bloktilskud": -124500,
        "indtaegter_i_alt": -524500,
    }


def test_a_row_left_with_only_its_change_is_not_read():
    doc = _blocks(
        [
            ("heading", "Tabel 1. Balance for kommunerne i 2031", None),
            ("heading", "Mia. kr., 2031-pl Aftale 2031 Ændring", None),
            ("table_row", "Serviceudgifter 350,0 +9,0", ["Serviceudgifter", "350,0", "+9,0"]),
            ("table_row", "Overførsler +3,0", ["Overførsler", "+3,0"]),
        ]
    )
    table = find_balance_table(doc, 2031)
    assert table is not None
    assert {k: f.value for k, f in table.figures.items()} == {"balance.serviceudgifter": 350000}
    assert "tabel_raekke_ulaeselig" in {i.code for i in table.issues}


# -- wording variants (dev set 13): amounts in words, "fra X til Y", the regulation by another name ------


@pytest.mark.parametrize(
    ("word", "mio"), [("to", 2000), ("halvanden", 1500), ("Fem", 5000), ("en halv", 500)]
)
def test_an_amount_in_words_before_its_scale(word, mio):
    r = agreement(
        f"Kommunernes budgetterede serviceudgifter skal holde sig inden for servicerammen; {word} milliarder kroner "
        f"af bloktilskuddet for {YEAR} er betinget heraf."
    )
    assert value(r, "betinget_bloktilskud_service") == mio


def test_a_number_word_is_an_amount_only_before_a_scale():
    tokens = tokenize("De to parter er enige om tre pct. mere og en ramme på ti mio. kr.")
    assert [t.value for t in tokens if t.kind == "quantity"] == [10]


def test_a_change_from_one_level_to_another_gives_the_new_level():
    r = agreement(
        f"Den betingede del af bloktilskuddet, som vedrører kommunernes anlægsbudgetter, hæves fra 0,5 mia. kr. "
        f"til 2 mia. kr. i {YEAR}."
    )
    assert value(r, "betinget_bloktilskud_anlaeg") == 2000


@pytest.mark.parametrize(
    ("key", "sentence", "expected"),
    [
        ("serviceramme", f"Servicerammen for {YEAR} hæves fra 340,0 mia. kr. til 348,9 mia. kr.", 348900),
        (
            "pl_service",
            f"Pris- og lønskønnet for serviceudgifterne fra {YEAR - 1} til {YEAR} er opjusteret fra 2,1 pct. til 2,4 pct.",
            2.4,
        ),
        (
            "finansieringstilskud",
            f"Finansieringstilskuddet nedsættes fra 3,5 mia. kr. til 2,5 mia. kr. i {YEAR}.",
            2500,
        ),
        (
            "tilskud_skattenedsaettelse",
            "Tilskuddet til skattenedsættelser øges fra 200 mio. kr. til 400 mio. kr.",
            400,
        ),
    ],
)
def test_the_new_value_of_a_change_is_the_figure_not_the_old(key, sentence, expected):
    assert value(agreement(sentence), key) == expected


def test_the_starting_value_of_a_change_is_last_years_level():
    r = agreement(
        "Kommunernes grundbidrag til regionernes udviklingsopgaver stiger fra 141 kr. til 144 kr. pr. indbygger."
    )
    assert (value(r, "grundbidrag_forrige"), value(r, "grundbidrag")) == (141, 144)


def test_the_starting_value_of_a_change_is_no_regulation():
    # "forhøjes" and the block grant would make the 0,5 a regulation with no year of its own; it is the
    # conditional grant's former level, and the new one is the conditional grant
    r = agreement(
        "Den del af bloktilskuddet, der er betinget af anlægsbudgetterne, forhøjes fra 0,5 mia. kr. til 2 mia. kr. "
        f"i {YEAR}."
    )
    assert (value(r, "midtvejsregulering"), value(r, "betinget_bloktilskud_anlaeg")) == (None, 2000)


def test_a_change_on_the_way_to_a_new_level_concerns_the_levels_year():
    # "med 1,0 … til 75,0 … i 2031": this year's grant raised, not a regulation of last year's
    r = agreement(f"Bloktilskuddet forhøjes med 1,0 mia. kr. til 75,0 mia. kr. i {YEAR}.")
    assert value(r, "midtvejsregulering") is None
    r = agreement(f"Bloktilskuddet for {YEAR - 1} forhøjes midt i året med 1,0 mia. kr. til 74,0 mia. kr.")
    assert value(r, "midtvejsregulering") == 1000


@pytest.mark.parametrize("when", ["midt i året", "midtvejs"])
def test_a_regulation_in_the_middle_of_the_year_is_the_midtvejsregulering(when):
    r = agreement(f"Kommunernes bloktilskud for {YEAR - 1} nedreguleres {when} med 0,7 mia. kr.")
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (-700, YEAR - 1)


def test_the_regulations_year_from_the_sentence_that_names_it():
    r = agreement(
        f"Parterne er enige om en midtvejsregulering af bloktilskuddet for {YEAR - 1}. Reguleringen beløber sig "
        "til 1,3 mia. kr. som følge af nye skøn for overførslerne."
    )
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (1300, YEAR - 1)


def test_the_regulations_year_from_the_heading_that_names_it():
    r = agreement(
        f"### Midtvejsregulering af bloktilskuddet for {YEAR - 1}\n\nPå baggrund af nye skøn for overførslerne "
        "opreguleres bloktilskuddet med 0,6 mia. kr."
    )
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (600, YEAR - 1)


def test_a_table_row_naming_its_own_unit():
    r = agreement(
        "Bidraget til regionerne fremgår af tabel 3.\n\n**Tabel 3. Bidrag til regionerne**\n\n"
        f"| | {YEAR - 1} | {YEAR} |\n|:--|--:|--:|\n"
        "| Udviklingsbidrag (kr. pr. indbygger) | 150 | 153 |\n| Regionalt PL-skøn, pct. | 2,0 | 2,2 |"
    )
    assert (value(r, "grundbidrag_forrige"), value(r, "grundbidrag"), value(r, "pl_regioner")) == (
        150,
        153,
        2.2,
    )


# Round 8 (dev sets 11 and 12): a whole taken apart by the next sentence, the regions' regulation beside
# the municipalities', a frame for cuts named by lowering the tax rate, and typographic minus signs and
# footnote markers read through to the figure. Written in other words and numbers than those sets.
ROUND8 = [
    # the whole in one sentence, its parts in the next, opened by "Heraf"
    (
        "whole then 'Heraf' sentence",
        "### Service og anlæg\n\nAf bloktilskuddet gøres 4,2 mia.kr. betinget. Heraf knyttes 3,2 mia. kr. "
        "til overholdelse af servicerammen og 1,0 mia. kr. til overholdelse af anlægsrammen.",
        "betinget_bloktilskud_service",
        3200,
    ),
    (
        "whole then 'Heraf' sentence, anlæg",
        "### Service og anlæg\n\nAf bloktilskuddet gøres 4,2 mia.kr. betinget. Heraf knyttes 3,2 mia. kr. "
        "til overholdelse af servicerammen og 1,0 mia. kr. til overholdelse af anlægsrammen.",
        "betinget_bloktilskud_anlaeg",
        1000,
    ),
    (
        "regions' regulation",
        f"Kommunernes bloktilskud for {YEAR - 1} midtvejsreguleres med −1,3 mia. kr. Også regionernes "
        "bloktilskud midtvejsreguleres, med 0,5 mia. kr.",
        "midtvejsregulering",
        -1300,
    ),
    (
        "division sign as minus",
        f"Bloktilskuddet for {YEAR - 1} midtvejsreguleres med ÷ 1,1 mia. kr.",
        "midtvejsregulering",
        -1100,
    ),
    (
        "lowering the tax rate within an extra frame",
        "Kommuner med større indtægter efter ændringerne af udligningen kan sænke udskrivningsprocenten inden "
        f"for en særlig ramme på 70 mio. kr. i {YEAR}.",
        "ramme_skattenedsaettelse_udligning",
        70,
    ),
    # two contributions to the regions named apart: the one stated beside last year's is this year's
    (
        "this year's beside last year's",
        f"Kommunernes grundbidrag til regionerne bliver {YEAR} på 204 kr. pr. indbygger mod 199 kr. pr. "
        f"indbygger i {YEAR - 1}. Regionernes udviklingsbidrag er 141 kr. pr. indbygger.",
        "grundbidrag",
        204,
    ),
    # … also where the named-apart figure stands nearer its name than this year's does
    (
        "from last year's to this year's",
        f"Grundbidraget til regionerne stiger fra 199 kr. pr. indbygger i {YEAR - 1} til 204 kr. pr. indbygger "
        f"i {YEAR}. Udviklingsbidraget til regionerne udgør 141 kr. pr. indbygger.",
        "grundbidrag",
        204,
    ),
    # … and where neither is, the one named by the key's own name (figure_cues.yaml: synonyms; this was
    # null in round 8, and a nearer cue for the other name made it wrong: test_the_grundbidrag_beats_…)
    (
        "neither beside last year's",
        "Kommunernes grundbidrag til regionerne er 204 kr. pr. indbygger. Regionernes udviklingsbidrag er "
        "141 kr. pr. indbygger.",
        "grundbidrag",
        204,
    ),
    # "økonomiske vilkår" describing whom a grant is for is not the distribution key of its part
    (
        "grant for the hardest pressed",
        "Til kommuner, der har særligt vanskelige økonomiske vilkår, ydes et særligt finansieringstilskud på "
        f"1,8 mia. kr. i {YEAR}.² Tilskuddet fordeles i {YEAR + 1} igen.",
        "finansieringstilskud",
        1800,
    ),
    (
        "distributed after the conditions",
        f"Finansieringstilskuddet udgør 2,4 mia. kr. i {YEAR}. Heraf fordeles 0,9 mia. kr. efter kommunernes "
        "økonomiske vilkår.",
        "finansieringstilskud_efter_vilkaar",
        900,
    ),
    (
        "footnote marker on the amount",
        f"Anlægsrammen for {YEAR} er aftalt til 24,9² mia. kr.",
        "anlaegsramme",
        24900,
    ),
]


@pytest.mark.parametrize(("why", "sentence", "key", "expected"), ROUND8, ids=[c[0] for c in ROUND8])
def test_round8_statements(why, sentence, key, expected):
    assert value(agreement(sentence), key) == expected


# Held-out set 9h (dev set 14, branch extraction10): a text that names the grundbidrag and, apart, an
# udviklingsbidrag; the PL estimate named again by its head noun. Written in other words and numbers.
def test_the_grundbidrag_beats_an_udviklingsbidrag_the_same_text_states_apart():
    r = agreement(
        f"### Regionerne\n\nKommunernes grundbidrag til regionerne for {YEAR} er aftalt til 171 kr. pr. "
        "indbygger. Udviklingsbidraget fra kommunerne udgør 139 kr. pr. indbygger."
    )
    assert value(r, "grundbidrag") == 171
    # alone, the udviklingsbidrag is the grundbidrag by its older name
    alone = agreement("### Regionerne\n\nUdviklingsbidraget fra kommunerne udgør 139 kr. pr. indbygger.")
    assert value(alone, "grundbidrag") == 139


def test_the_pl_estimate_named_again_by_its_head_noun():
    r = agreement(
        "### Pris- og lønudvikling\n\nPris- og lønudviklingen for de samlede kommunale udgifter skønnes til "
        f"2,6 pct. fra {YEAR - 1} til {YEAR}. For serviceudgifterne alene ventes udviklingen at blive 2,9 pct.*, "
        "og for anlægsudgifterne 2,3 pct."
    )
    assert (value(r, "pl_samlet"), value(r, "pl_service"), value(r, "pl_anlaeg")) == (2.6, 2.9, 2.3)
