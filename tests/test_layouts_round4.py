"""Layouts found by the sixth development set (tests/devset/dev6), each tested apart from it on a table or
sentence written for the test, in other words, numbers and order: text tables cut by rules or drawn as a
grid, labels over two lines, rows whose cells print their unit (with or without a header row, under a
caption line or a lead-in), a table of regulations with the year each concerns, an uncaptioned balance in
a PDF annex after a list of estimates; and cues read by meaning (last year's contribution to the regions
is not the health one, the regional estimate includes medicine, a cut of a named tax, a grant
distributed in full)."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import YEAR, agreement, balance, text_agreement, value

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract


@pytest.mark.parametrize("rule", ["-" * 60, "=" * 48, "_" * 30])
def test_a_text_table_cut_by_rules_between_its_parts_keeps_every_row(rule):
    """A rule under the header, between expenditure and income and under the totals; the two-column rows
    after a rule are rows of the same table, and a label over two lines keeps its full name."""
    table = (
        f"Tabel 1. Kommunernes udgifter og indtægter\nMio. kr.\n"
        f"{'':<40}{'Budget ' + str(YEAR - 1):>14}{'Aftale ' + str(YEAR):>14}\n{rule}\n"
        f"{'Serviceudgifter':<40}{'349.000':>14}{'350.200':>14}\n"
        f"{'Kommunal medfinansiering':<40}\n{'  af sundhedsvæsenet':<40}{'20.100':>14}{'20.400':>14}\n"
        f"{'Overførsler':<40}{'110.500':>14}{'110.000':>14}\n"
        f"{'Udgifter i alt':<40}{'479.600':>14}{'480.600':>14}\n{rule}\n"
        f"{'Skatter':<40}{'-371.000':>14}{'-377.000':>14}\n"
        f"{'Bloktilskud':<40}{'-108.600':>14}{'-103.600':>14}\n"
        f"{'Indtægter i alt':<40}{'-479.600':>14}{'-480.600':>14}\n{rule}\n"
        "Anm.: Negative tal er indtægter."
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 350200,
        "aktivitetsbestemt_medfinansiering": 20400,
        "overfoersler": 110000,
        "udgifter_i_alt": 480600,
        "skatteindtaegter": -377000,
        "bloktilskud": -103600,
        "indtaegter_i_alt": -480600,
    }


def test_the_health_contribution_is_neither_this_years_nor_last_years_grundbidrag():
    """A contribution with no year of its own (the paragraph says from when it is paid) is not last year's."""
    body = (
        f"Kommunerne betaler fra {YEAR} et bidrag til regionerne. Grundbidraget til det regionale "
        f"sundhedsvæsen er 1.250 kr. pr. indbygger.\n\nUdviklingsbidraget fastsættes for {YEAR} til 131 kr. "
        "pr. indbygger."
    )
    r = agreement(body)
    assert value(r, "grundbidrag") == 131
    assert value(r, "grundbidrag_forrige") is None


def test_the_regional_estimate_is_the_one_with_medicine():
    body = (
        f"Grundbidraget for {YEAR} er opgjort på grundlag af et regionalt pris- og lønskøn fra {YEAR - 1} til "
        f"{YEAR} på 3,1 pct. inklusive medicin.\n\nEksklusive medicin er det regionale skøn 2,8 pct."
    )
    assert value(agreement(body), "pl_regioner") == 3.1
    swapped = (
        f"Uden medicin er den regionale pris- og lønudvikling fra {YEAR - 1} til {YEAR} skønnet til 2,8 pct.\n\n"
        f"Med et regionalt skøn inkl. medicin på 3,1 pct. fastsættes grundbidraget for {YEAR}."
    )
    assert value(agreement(swapped), "pl_regioner") == 3.1


@pytest.mark.parametrize("tax", ["grundskylden", "dækningsafgiften", "indkomstskatten"])
def test_a_pool_for_municipalities_that_cut_a_named_tax(tax):
    body = f"Til kommuner, der nedsætter {tax} i {YEAR}, afsættes en pulje på 250 mio. kr."
    assert value(agreement(body), "tilskud_skattenedsaettelse") == 250


def test_a_grant_distributed_in_full_by_basic_conditions_is_the_part_by_conditions():
    body = (
        f"Kommunerne modtager i {YEAR} et ekstraordinært finansieringstilskud på 2,5 mia. kr. Hele tilskuddet "
        "fordeles efter kommunernes grundlæggende økonomiske vilkår."
    )
    r = agreement(body)
    assert value(r, "finansieringstilskud") == 2500
    assert value(r, "finansieringstilskud_efter_vilkaar") == 2500
    by_inhabitants = body.replace("grundlæggende økonomiske vilkår", "indbyggertal")
    assert value(agreement(by_inhabitants), "finansieringstilskud_efter_vilkaar") is None


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_list_of_estimates_whose_cells_name_their_unit_needs_no_header(sep):
    """Rows after a lead-in that ends in a colon, in another order than usual; each cell prints "pct."."""
    rows = [
        ("Anlæg", "1,8 pct."),
        ("Kommunale udgifter i alt inkl. overførsler", "2,2 pct."),
        ("Service", "2,9 pct."),
    ]
    lines = "\n".join(f"{a}{sep}{b}" if sep == "\t" else f"| {a} | {b} |" for a, b in rows)
    body = f"Pris- og lønudviklingen fra {YEAR - 1} til {YEAR} skønnes at blive:\n\n{lines}\n\nDet er lagt til grund."
    r = agreement(body)
    assert (value(r, "pl_anlaeg"), value(r, "pl_samlet"), value(r, "pl_service")) == (1.8, 2.2, 2.9)


def test_a_table_of_key_figures_whose_cells_name_their_unit():
    body = (
        f"| Nøgletal | {YEAR} |\n|---|---|\n| Ramme for serviceudgifterne | 351,4 mia. kr. |\n"
        "| Anlægsrammen | 22,9 mia. kr. |\n| Grundbidrag (udvikling) | 139 kr. pr. indbygger |"
    )
    r = agreement(body)
    assert (value(r, "serviceramme"), value(r, "anlaegsramme"), value(r, "grundbidrag")) == (
        351400,
        22900,
        139,
    )


def test_a_table_of_regulations_with_the_year_each_concerns():
    """A numbered table in mio. kr. (the unit on a line of its own) with a column of the years the
    regulations concern: the one for last year is the midtvejsregulering, not the others."""
    body = (
        f"Bloktilskuddet reguleres således.\n\n**Tabel 4. Ændringer af bloktilskuddet**\\\nMio. kr.\n\n"
        f"Post\tÅr\tBeløb\nEfterregulering af beskæftigelsestilskuddet\t{YEAR - 2}\t-95\n"
        f"Regulering for skøn over overførsler og priser (midtvejsregulering)\t{YEAR - 1}\t640\n"
        f"DUT-kompensation\t{YEAR}\t-212\n\nParterne følger udviklingen."
    )
    r = agreement(body)
    assert value(r, "midtvejsregulering") == 640
    assert value(r, "midtvejsregulering_aar") == YEAR - 1


def test_an_uncaptioned_balance_under_a_subheading_after_a_list_of_estimates(tmp_path):
    """A PDF annex: a two-column table of key figures with units (the pct. column set at one x over three
    rows or more), then the balance without a "Tabel" caption under a sub-heading of its own."""
    from kommuneokonomi.documents import parse_document
    from kommuneokonomi.extraction import extract

    from devset.pdfbuild import build_pdf

    story = tmp_path / "bilag.story"
    story.write_text(
        f"@header Kommuneaftalen {YEAR}\n@footer {{page}}\n# Aftale om kommunernes økonomi for {YEAR}\n\n"
        f"**3. juni {YEAR - 1}**\n\n## 1. Indledning\n\nRegeringen og KL er enige om kommunernes økonomi.\n\n"
        f"## Bilag A. Forudsætninger\n\n### Skøn\n\n[tabel]\n| Forudsætning | Skøn\n| Serviceramme | 351,4 mia. kr.\n"
        f"| PL-skøn, serviceudgifter | 2,9 pct.\n| PL-skøn, anlæg | 1,8 pct.\n| PL-skøn, i alt inkl. overførsler | 2,2 pct.\n"
        f"[/tabel]\n\n### Udgifter og indtægter\n\n[tabel]\n| Mio. kr. | Aftale {YEAR}\n"
        "| Serviceudgifter | 351.400\n| Overførsler | 104.800\n| Bruttoanlæg | 22.900\n| Udgifter i alt | 479.100\n"
        "| Skatteindtægter | -372.000\n| Bloktilskud | -107.100\n| Indtægter i alt | -479.100\n[/tabel]\n",
        "utf-8",
    )
    pdf = build_pdf(story, tmp_path / "bilag.pdf")
    r = extract(parse_document(pdf.read_bytes(), pdf.name, ".pdf"))
    assert (value(r, "pl_service"), value(r, "pl_anlaeg"), value(r, "pl_samlet")) == (2.9, 1.8, 2.2)
    assert balance(r) == {
        "serviceudgifter": 351400,
        "overfoersler": 104800,
        "bruttoanlaeg": 22900,
        "udgifter_i_alt": 479100,
        "skatteindtaegter": -372000,
        "bloktilskud": -107100,
        "indtaegter_i_alt": -479100,
    }


def test_cells_that_print_their_unit_under_year_columns_are_bound_to_those_years():
    body = (
        f"| Pris- og lønskøn | {YEAR - 2}-{YEAR - 1} | {YEAR - 1}-{YEAR} |\n|---|---|---|\n"
        "| Serviceudgifter | 3,3 pct. | 2,7 pct. |\n| Anlægsudgifter | 3,0 pct. | 2,0 pct. |"
    )
    r = agreement(body)
    assert (value(r, "pl_service"), value(r, "pl_anlaeg")) == (2.7, 2.0)


ROWS6 = (
    ("Serviceudgifter", "349.000", "350.200"),
    ("Overførsler", "110.500", "110.000"),
    ("Udgifter i alt", "459.500", "460.200"),
    ("Skatteindtægter", "-371.000", "-377.000"),
    ("Bloktilskud", "-88.500", "-83.200"),
    ("Indtægter i alt", "-459.500", "-460.200"),
)
EXPECTED6 = {
    "serviceudgifter": 350200,
    "overfoersler": 110000,
    "udgifter_i_alt": 460200,
    "skatteindtaegter": -377000,
    "bloktilskud": -83200,
    "indtaegter_i_alt": -460200,
}


def _grid(rule: str, row, corner: str) -> str:
    body = "\n".join(row(*r) for r in ROWS6[:3]) + f"\n{rule}\n" + "\n".join(row(*r) for r in ROWS6[3:])
    head = row(corner, f"Budget {YEAR - 1}", f"Aftale {YEAR}")
    return f"Tabel 1. Kommunernes økonomi\nMio. kr.\n{rule}\n{head}\n{rule}\n{body}\n{rule}\n"


@pytest.mark.parametrize("corner", ["", "Mio. kr."])
@pytest.mark.parametrize(
    "rule, row",
    [
        (
            "+" + "-" * 30 + "+" + "-" * 12 + "+" + "-" * 12 + "+",
            lambda a, b, c: f"| {a:<28} | {b:>10} | {c:>10} |",
        ),
        (
            "+" + "=" * 30 + "+" + "=" * 12 + "+" + "=" * 12 + "+",
            lambda a, b, c: f"| {a:<28} | {b:>10} | {c:>10} |",
        ),
        ("|" + "-" * 20 + "|" + "-" * 9 + ":|" + "-" * 9 + ":|", lambda a, b, c: f"| {a} | {b} | {c} |"),
    ],
)
def test_a_grid_table_drawn_with_pipes_and_rules_in_plain_text(rule, row, corner):
    """A text file with a table drawn as a grid (the unit above it and perhaps again in its corner)."""
    assert balance(text_agreement(_grid(rule, row, corner))) == EXPECTED6


def test_a_label_that_goes_on_under_its_amounts_is_one_row_and_the_next_row_is_read():
    table = (
        f"Tabel 1. Kommunernes økonomi\nMio. kr.\n{'':<36}{'Budget ' + str(YEAR - 1):>12}  {'Aftale ' + str(YEAR):>12}\n"
        f"{'Serviceudgifter':<36}{'349.000':>12}{'350.200':>14}\n"
        f"{'Kommunal medfinansiering':<36}{'20.000':>12}{'20.400':>14}\n  af sundhedsvæsenet\n"
        f"{'Overførsler':<36}{'110.500':>12}{'110.000':>14}\n"
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 350200,
        "aktivitetsbestemt_medfinansiering": 20400,
        "overfoersler": 110000,
    }


def _in_chapter(chapter: str, body: str):
    """A markdown agreement whose body stands in a chapter of another name than the frames chapter."""
    text = (
        f"# Aftale om kommunernes økonomi for {YEAR}\n\n1. juni {YEAR - 1}\n\n## 1. Indledning\n\nRegeringen og "
        f"KL er enige om denne aftale.\n\n## {chapter}\n\n{body}"
    )
    return extract(parse_document(text.encode(), "kapitel.md", ".md"))


def test_a_list_of_estimates_under_a_caption_line_of_its_own():
    """No lead-in sentence: a short line names what the rows are ("Skøn for pris og løn"), in a chapter whose
    heading does not."""
    r = _in_chapter(
        "4. Tilskud og regulering",
        "*Skøn for pris og løn*\n\nAnlæg\t2,0 pct.\nService\t2,8 pct.\nKommunale udgifter i alt\t2,5 pct.\n\n"
        "Det lægges til grund.",
    )
    assert (value(r, "pl_anlaeg"), value(r, "pl_service"), value(r, "pl_samlet")) == (2.0, 2.8, 2.5)


def test_a_numbered_table_of_amounts_whose_caption_is_a_plain_line():
    """ "Tabel 5. Reguleringer" as a line of text (not a heading) over a table in a named unit."""
    body = (
        f"Tabel 5. Reguleringer\n\n| Regulering | Mio. kr. |\n|---|---|\n| Midtvejsregulering for {YEAR - 1} "
        f"| 875 |\n| Lov- og cirkulæreprogrammet {YEAR} | -130 |\n"
    )
    r = agreement(body)
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (875, YEAR - 1)


def test_a_grant_that_is_distributed_in_full_in_its_own_sentence_is_whole_and_part():
    """One amount, stated once: "et tilskud på …, der i sin helhed fordeles efter … vilkår"."""
    body = (
        f"I {YEAR} ydes et finansieringstilskud på 1,75 mia. kr. til de svageste kommuner, der i sin helhed "
        "udmøntes efter kommunernes grundlæggende økonomiske vilkår."
    )
    r = agreement(body)
    assert (value(r, "finansieringstilskud"), value(r, "finansieringstilskud_efter_vilkaar")) == (1750, 1750)


def test_a_headerless_list_whose_caption_line_names_the_unit():
    """ "Skøn for pris- og lønudviklingen, pct." over tab rows of bare numbers, no header row."""
    r = _in_chapter(
        "3. Forudsætninger",
        f"Skøn for pris- og lønudviklingen {YEAR - 1}-{YEAR}, pct.\n\nSamlede udgifter\t2,1\nService\t2,4\n"
        "Anlæg\t1,7\n\nSkønnene er usikre.",
    )
    assert (value(r, "pl_samlet"), value(r, "pl_service"), value(r, "pl_anlaeg")) == (2.1, 2.4, 1.7)


def test_an_empty_cell_of_a_pipe_table_keeps_the_columns_so_the_value_has_its_years_column():
    body = (
        f"**Tabel 3. Ændringer af bloktilskuddet**\n\n| Mio. kr. | {YEAR - 1} | {YEAR} |\n|---|---|---|\n"
        "| Regulering af skønnet for overførsler (midtvejsregulering) | 1.140 | |\n| DUT | -75 | 260 |"
    )
    r = agreement(body)
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (1140, YEAR - 1)


def test_a_row_with_a_negative_amount_and_its_unit_is_a_row_not_a_header():
    body = (
        f"| Emne | Aftale |\n|---|---|\n| Anlægsramme | 25,1 mia. kr. |\n"
        f"| Midtvejsregulering {YEAR - 1} | -640 mio. kr. |"
    )
    r = agreement(body)
    assert (value(r, "midtvejsregulering"), value(r, "midtvejsregulering_aar")) == (-640, YEAR - 1)


@pytest.mark.parametrize(
    "sentence, key, expected",
    [
        (f"Kommunernes serviceudgifter kan i {YEAR} løftes med kr. 1,4 mia.", "serviceramme_loeft", 1400),
        (f"Servicerammen for {YEAR} udgør dermed kr. 352,8 mia. i alt.", "serviceramme", 352800),
        (f"Anlægsrammen er fastsat til kroner 23,1 milliarder i {YEAR}.", "anlaegsramme", 23100),
    ],
)
def test_an_amount_written_with_the_currency_first(sentence, key, expected):
    """ "kr. 1,4 mia." is the same amount as "1,4 mia. kr."."""
    assert value(agreement(sentence), key) == expected


def test_a_pdf_table_of_key_figures_with_units_has_rows_and_a_header(tmp_path):
    """Cells that print an amount with its unit make a table row in a PDF, as bare amounts do; a row whose
    value does not end a sentence ("161 kr. pr. indbygger") is not run into the next one."""
    from devset.pdfbuild import build_pdf

    story = tmp_path / "noegletal.story"
    story.write_text(
        f"# Aftale om kommunernes økonomi for {YEAR}\n\n**3. juni {YEAR - 1}**\n\n## 1. Indledning\n\n"
        "Regeringen og KL er enige om kommunernes økonomi.\n\n### Nøgletal\n\n[tabel]\n| Emne | Aftale\n"
        f"| Udviklingsbidrag {YEAR} | 161 kr. pr. indbygger\n| Regionalt PL-skøn inkl. medicin | 2,8 pct.\n"
        "| Anlægsrammen | 26,0 mia. kr.\n[/tabel]\n",
        "utf-8",
    )
    pdf = build_pdf(story, tmp_path / "noegletal.pdf")
    doc = parse_document(pdf.read_bytes(), pdf.name, ".pdf")
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert rows == [
        [f"Udviklingsbidrag {YEAR}", "161 kr. pr. indbygger"],
        ["Regionalt PL-skøn inkl. medicin", "2,8 pct."],
        ["Anlægsrammen", "26,0 mia. kr."],
    ]
    r = extract(doc)
    assert (value(r, "grundbidrag"), value(r, "pl_regioner"), value(r, "anlaegsramme")) == (161, 2.8, 26000)


@pytest.mark.parametrize(
    "lead, rows",
    [
        (
            f"Parterne lægger følgende skøn for pris- og lønudviklingen fra {YEAR - 1} til {YEAR} til grund:",
            (("Anlægsudgifter", "1,9 pct."), ("Serviceudgifter", "2,7 pct."), ("Udgifter i alt", "2,2 pct.")),
        ),
        (
            f"Pris- og lønskøn {YEAR - 1}-{YEAR}, pct.",
            (("Anlægsudgifter", "1,9"), ("Serviceudgifter", "2,7"), ("Udgifter i alt", "2,2")),
        ),
    ],
)
def test_aligned_rows_in_plain_text_without_a_table_caption(lead, rows):
    """Extracted text: a lead-in (or a title line naming the unit), then label and value in aligned columns."""
    listed = "\n".join(f"    {label:<36}{v:>10}" for label, v in rows)
    r = text_agreement(f"{lead}\n\n{listed}\n\nSkønnene er usikre.")
    assert (value(r, "pl_anlaeg"), value(r, "pl_service"), value(r, "pl_samlet")) == (1.9, 2.7, 2.2)


def test_a_markdown_hard_line_break_with_white_space_after_it_still_breaks_the_line():
    text = "Post\tAftale\\\t\nAnlæg\t2,0 pct.\\ \nService\t2,8 pct.\\\t\n"
    rows = [b.cells for b in parse_document(text.encode(), "t.md", ".md").blocks if b.cells]
    assert rows == [["Post", "Aftale"], ["Anlæg", "2,0 pct."], ["Service", "2,8 pct."]]


def test_a_label_whose_qualifier_in_parentheses_goes_on_in_the_next_line():
    table = (
        f"Tabel 1. Kommunernes økonomi\nMio. kr.\n{'':<36}{'Budget ' + str(YEAR - 1):>12}  {'Aftale ' + str(YEAR):>12}\n"
        f"{'Serviceudgifter':<36}{'349.000':>12}{'350.200':>14}\n"
        f"{'Udgifter til forsikrede ledige':<36}\n{'  (dagpenge og aktivering)':<36}{'12.000':>12}{'11.500':>14}\n"
        f"{'Overførsler':<36}{'110.500':>12}{'110.000':>14}\n"
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 350200,
        "forsikrede_ledige": 11500,
        "overfoersler": 110000,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        f"Grundbidraget til regional udvikling er {YEAR} fastsat til 163 kr. pr. indbygger mod 159 kr. pr. indbygger "
        f"i {YEAR - 1}.",
        f"Grundbidraget til regional udvikling er fastsat til 163 kr. pr. indbygger i {YEAR} mod 159 kr. i {YEAR - 1}.",
    ],
)
def test_last_years_contribution_as_the_comparison_after_mod(sentence):
    """ "… mod 159 kr. i 2030": the amount compared with is last year's, its unit may be left out."""
    r = agreement(sentence)
    assert (value(r, "grundbidrag"), value(r, "grundbidrag_forrige")) == (163, 159)


def test_kroner_without_a_scale_are_no_amount_per_inhabitant_in_a_sentence_without_one():
    from kommuneokonomi.extraction.text import tokenize

    assert [t.text for t in tokenize("Billetten koster 159 kr. i 2030.") if t.kind == "quantity"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Af bloktilskuddet er henholdsvis 2,5 mia. kr. og 0,5 mia. kr. betinget for service og anlæg.",
            {"betinget_bloktilskud_service": 2500, "betinget_bloktilskud_anlaeg": 500},
        ),
        (
            f"Pris- og lønskønnene fra {YEAR - 1} til {YEAR} for anlægsudgifterne, serviceudgifterne og de samlede "
            "udgifter er henholdsvis 1,8 pct., 2,7 pct. og 2,3 pct.",
            {"pl_anlaeg": 1.8, "pl_service": 2.7, "pl_samlet": 2.3},
        ),
        (
            f"Anlægsrammen og servicerammen udgør i {YEAR} henholdsvis 22,4 mia. kr. og 355,0 mia. kr.",
            {"anlaegsramme": 22400, "serviceramme": 355000},
        ),
    ],
)
def test_amounts_paired_with_their_items_by_henholdsvis(sentence, expected):
    """ "henholdsvis a og b … for x og y": each amount goes with the item in its place, not the nearest cue."""
    r = agreement(sentence)
    assert {k: value(r, k) for k in expected} == expected


def test_a_henholdsvis_list_that_does_not_pair_up_gives_no_value():
    """Two amounts and a list of three items: which is which cannot be read, so neither is taken."""
    r = agreement(
        "Det betingede bloktilskud udgør henholdsvis 3 mia. kr. og 1 mia. kr. for service, anlæg og drift."
    )
    assert (value(r, "betinget_bloktilskud_service"), value(r, "betinget_bloktilskud_anlaeg")) == (None, None)


@pytest.mark.parametrize(
    "body",
    [
        f"Regionernes serviceramme udgør 161,7 mia. kr. i {YEAR}. Regionernes anlægsramme udgør 4,3 mia. kr.",
        f"| Regionerne | {YEAR} |\n|---|---|\n| Regionernes serviceramme | 161,7 mia. kr. |\n"
        "| Regionernes anlægsramme | 4,3 mia. kr. |",
    ],
)
def test_the_regions_frames_are_not_the_municipalities(body):
    r = agreement(body)
    assert (value(r, "serviceramme"), value(r, "anlaegsramme")) == (None, None)
    both = (
        f"Kommunernes anlægsramme udgør 24,6 mia. kr. i {YEAR}, og regionernes anlægsramme udgør 4,3 mia. kr."
    )
    assert value(agreement(both), "anlaegsramme") == 24600


def test_a_table_in_pct_with_a_serviceudgifter_row_is_no_balance():
    body = f"| Pct. | {YEAR - 1} | {YEAR} |\n|---|---|---|\n| Serviceudgifter | 2,9 | 2,6 |\n| Anlæg | 2,5 | 2,3 |"
    r = agreement(body)
    assert balance(r) == {}
    assert value(r, "serviceramme") is None
