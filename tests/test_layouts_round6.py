"""Layouts found by the eighth development set (tests/devset/dev8), each tested apart from it on a table
written for the test, in other words, numbers and order: an HTML table over several lines inside markdown,
a header over two rows with merged cells (the year over the columns it spans), the agreement's column
first, amounts in parentheses as incomes, the financing before the expenditure, the financing's total, a
row named by its usual name in parentheses, a payer after the row's name; and a compound word that is no
misspelling of a row."""

# ruff: noqa: E501
from __future__ import annotations

from tests.test_extraction_meaning import YEAR, agreement, balance, text_agreement

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction.balance import label_key


def _html_table(rows: list[tuple[str, str, str, str]]) -> str:
    body = "\n".join(
        f"<tr>\n  <td>{label}</td>\n  <td>{a}</td>\n  <td>{b}</td>\n  <td>{c}</td>\n</tr>"
        for label, a, b, c in rows
    )
    return (
        "<table>\n<thead>\n<tr>\n"
        '  <th rowspan="2">Mia. kr.</th>\n'
        f'  <th colspan="2">{YEAR - 1}</th>\n'
        f"  <th>{YEAR}</th>\n</tr>\n<tr>\n"
        "  <th>Budget</th>\n  <th>Aftale</th>\n  <th>Aftale</th>\n</tr>\n</thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def _from_year(*percentages: int) -> dict[str, int]:
    """The schedule's keys, a percentage a year from the budget year."""
    return {f"tilskudsprocent.{YEAR + k}": p for k, p in enumerate(percentages)}


def _schedule(result) -> dict[str, int]:
    return {k: int(f.value) for k, f in result.figures.items() if k.startswith("tilskudsprocent.")}


def test_an_html_table_over_several_lines_in_markdown_is_read_as_rows():
    html = _html_table([("Serviceudgifter", "10,1", "10,2", "10,3"), ("Skatter", "(8,1)", "(8,2)", "(8,3)")])
    blocks = parse_document(
        f"# Titel\n\nTekst før.\n\n{html}\n\nTekst efter.\n".encode(), "x.md", ".md"
    ).blocks
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [b.cells for b in rows] == [
        ["Mia. kr.", f"{YEAR - 1} Budget", f"{YEAR - 1} Aftale", f"{YEAR} Aftale"],
        ["Serviceudgifter", "10,1", "10,2", "10,3"],
        ["Skatter", "(8,1)", "(8,2)", "(8,3)"],
    ]
    # each row at its own line of the markdown file; the text around the table stays paragraphs
    assert [b.line_start for b in rows] == [7, 19, 25]
    assert [b.text for b in blocks if b.kind == "paragraph"] == ["Tekst før.", "Tekst efter."]


def test_header_rows_with_no_merged_cell_stay_rows_of_their_own():
    html = (
        "<table>\n<tr><th>Pct.</th><th>A</th></tr>\n<tr><th>B</th><th>C</th></tr>\n"
        "<tr><td>Serviceudgifter</td><td>1,0</td></tr>\n</table>"
    )
    blocks = parse_document(f"# Titel\n\n## Afsnit\n\n{html}\n".encode(), "x.md", ".md").blocks
    assert [b.cells for b in blocks if b.cells] == [["Pct.", "A"], ["B", "C"], ["Serviceudgifter", "1,0"]]


def test_financing_first_in_parentheses_under_a_two_level_header():
    """The agreement's column is found under the year it stands in ("<år> / Aftale"), not last year's
    "Aftale" beside it; parentheses are incomes; "Finansiering i alt" totals them; the caption names the
    table's two sides."""
    table = _html_table(
        [
            ("Skatter", "(401,0)", "(402,5)", "(410,2)"),
            ("Bloktilskud", "(88,0)", "(88,5)", "(90,1)"),
            ("Finansiering i alt", "(489,0)", "(491,0)", "(500,3)"),
            ("Serviceudgifter", "300,0", "301,0", "309,8"),
            ("Overførsler", "189,0", "190,0", "190,5"),
            ("Udgifter i alt", "489,0", "491,0", "500,3"),
        ]
    )
    body = f"**Tabel 1. Finansiering og udgifter for kommunerne**\n\n{table}\n"
    assert balance(agreement(body)) == {
        "skatteindtaegter": -410200,
        "bloktilskud": -90100,
        "indtaegter_i_alt": -500300,
        "serviceudgifter": 309800,
        "overfoersler": 190500,
        "udgifter_i_alt": 500300,
    }


def test_a_row_named_by_its_usual_name_in_parentheses_or_with_its_payer():
    assert label_key("Statens tilskud til ledighedsudgifter (beskæftigelsestilskud)") == (
        "beskaeftigelsestilskud",
        True,
    )
    assert label_key("Bloktilskud fra staten") == ("bloktilskud", True)
    assert label_key("Indkomst- og ejendomsskat") == ("skatteindtaegter", True)


def test_the_service_row_named_by_its_area():
    """ "Service, netto" names the net service expenditure as "Anlæg, brutto" names the gross construction."""
    assert label_key("Service, netto") == ("serviceudgifter", True)
    assert label_key("Service (netto)") == ("serviceudgifter", True)


def test_a_compound_word_is_not_a_misspelt_row():
    """ "Finansieringstilskud i alt" is another grant's total, not "Finansiering i alt"; a typo still reads."""
    assert label_key("Finansieringstilskud i alt") == (None, False)
    assert label_key("Finansiering i alt") == ("indtaegter_i_alt", True)
    assert label_key("Serviceudgifer") == ("serviceudgifter", False)
    assert label_key("Beskæftigelsestilskud[^2]")[0] == "beskaeftigelsestilskud"


def test_a_note_mark_in_parentheses_in_a_text_row_is_no_amount():
    """In a text table an amount in parentheses needs decimals or thousands; "(1)" is a note mark."""
    table = (
        f"Tabel 1. Kommunernes balance\nMio. kr.  Aftale {YEAR}\n"
        "Serviceudgifter (1)      250.100\n"
        "Skatter             (230.400)\n"
        "Bloktilskud          (19.700)\n"
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 250100,
        "skatteindtaegter": -230400,
        "bloktilskud": -19700,
    }


def test_a_text_header_over_two_lines_titles_the_column_it_stands_over():
    """Last year's column titled over two lines ("Aftale <år-1>" over its price level), this year's on the
    unit line; the rows in another order, "Øvrige" alone on each side, the totals named "Samlede …"."""
    w = 30
    table = (
        f"Tabel 1\nKommunernes balance {YEAR}\n\n"
        f"{'':<{w}}{'Aftale ' + str(YEAR - 1):>14}\n"
        f"{'Mio. kr., ' + str(YEAR) + '-pl':<{w}}{'(' + str(YEAR) + '-pl)':>14}{'Aftale ' + str(YEAR):>16}\n"
        f"{'Nettodriftsudgifter, service':<{w}}{'340.100':>14}{'350.200':>16}\n"
        f"{'Overførsler':<{w}}{'120.000':>14}{'121.500':>16}\n"
        f"{'Øvrige':<{w}}{'2.000':>14}{'2.100':>16}\n"
        f"{'Samlede udgifter':<{w}}{'462.100':>14}{'473.800':>16}\n\n"
        f"{'Skatter':<{w}}{'-350.000':>14}{'-360.000':>16}\n"
        f"{'Bloktilskud':<{w}}{'-100.100':>14}{'-101.800':>16}\n"
        f"{'Øvrige':<{w}}{'-12.000':>14}{'-12.000':>16}\n"
        f"{'Samlede indtægter':<{w}}{'-462.100':>14}{'-473.800':>16}\n"
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 350200,
        "overfoersler": 121500,
        "oevrige_udgifter": 2100,
        "udgifter_i_alt": 473800,
        "skatteindtaegter": -360000,
        "bloktilskud": -101800,
        "oevrige_indtaegter": -12000,
        "indtaegter_i_alt": -473800,
    }


def test_a_caption_over_the_label_column_is_no_column_title():
    """A line above the unit line that starts over the labels is the table's caption, not a title."""
    from kommuneokonomi.documents import parse_document as parse

    text = (
        "Tabel 1\nKommunernes balance i alt\n"
        f"{'Mio. kr.':<30}{'Budget ' + str(YEAR - 1):>14}{'Aftale ' + str(YEAR):>14}\n"
        f"{'Serviceudgifter':<30}{'1.000':>14}{'1.100':>14}\n"
    )
    headers = [b for b in parse(text.encode(), "x.txt", ".txt").blocks if b.kind == "heading"]
    assert [b.text for b in headers][:2] == ["Tabel 1", "Kommunernes balance i alt"]


def test_an_amount_read_into_a_wrapped_label_cell_is_the_rows_first_amount():
    """A PDF cell whose long label wraps: the reader gives the first amount with the label; with one
    amount fewer than the header's columns, the label's trailing amount is the first column's."""
    from kommuneokonomi.extraction.balance import find_balance_table
    from kommuneokonomi.models import Block, Document

    def row(cells: list[str], line: int) -> Block:
        return Block(kind="table_row", text=" ".join(cells), offsets=[(0, line)], cells=cells)

    blocks = [
        Block(kind="heading", text="Tabel 1 Kommunernes balance", offsets=[(0, 1)]),
        row(["Mio. kr.", f"Aftale {YEAR}", f"Budget {YEAR - 1}"], 2),
        row(["Serviceudgifter", "300.000", "295.000"], 3),
        row(["Statens tilskud til ledighedsudgifterne (beskæftigelsestilskud) -20.500", "-19.900"], 4),
        row(["Skatter", "-280.000", "-275.000"], 5),
    ]
    doc = Document(blocks=blocks, format="pdf", path="x.pdf", sha256="0" * 64, n_lines=5)
    table = find_balance_table(doc, YEAR)
    assert table is not None
    assert {k: f.value for k, f in table.figures.items()} == {
        "balance.serviceudgifter": 300000,
        "balance.beskaeftigelsestilskud": -20500,
        "balance.skatteindtaegter": -280000,
    }


def test_another_items_row_is_not_the_total():
    assert label_key("Andre udgifter") == ("oevrige_udgifter", True)
    assert label_key("Andre indtægter") == ("oevrige_indtaegter", True)
    assert label_key("Anden udgift i alt")[0] is None


def test_a_grid_table_of_the_tax_cut_schedule_is_read_as_its_row():
    """A pandoc grid table ("+----+" borders, "+====+" under the header) whose one row gives the percentage
    for each year: the borders are no text, and the row is the schedule, not four schedules of one year."""
    body = (
        "Tilskuddet aftrappes som vist i tabel 4.\n\n"
        "**Tabel 4. Tilskud ved skattenedsættelse, pct. af provenutabet**\n\n"
        "+---------------------+------+------+------+\n"
        f"| Budgetår            | {YEAR} | {YEAR + 1} | {YEAR + 2} |\n"
        "+=====================+======+======+======+\n"
        "| Tilskud i pct. af provenutabet | 80 | 55 | 30 |\n"
        "+---------------------+------+------+------+\n\nTeksten fortsætter her.\n"
    )
    r = agreement(body)
    assert _schedule(r) == _from_year(80, 55, 30)
    blocks = parse_document(body.encode(), "x.md", ".md").blocks
    assert not any(b.text.startswith("+") for b in blocks)


def test_a_table_extracted_one_cell_a_line_is_grouped_back_into_rows():
    """Column titles one a line, then each row's cells one a line: the years of the first column fix the
    width, the rows are read as a schedule; a list of amounts with no years stays lines."""
    table = (
        "Tabel 3\nAftrapning af tilskuddet ved skattenedsættelse\n\n"
        f"År\nTilskud i pct. af provenutabet\n{YEAR}\n70\n{YEAR + 1}\n45\n{YEAR + 2}\n15\n\n"
        "Parterne er enige om aftrapningen."
    )
    r = text_agreement(table)
    assert _schedule(r) == _from_year(70, 45, 15)
    from kommuneokonomi.documents.base import RawLine
    from kommuneokonomi.documents.columns import pair_cell_lines

    plain = [RawLine(k + 1, t) for k, t in enumerate(["Beløb", "Note", "1.200", "300", "1.500", "400"])]
    assert pair_cell_lines(plain) == plain  # no years in the first column: not a cell-per-line table


def test_two_titles_of_years_read_as_one_header_cell_are_split_to_the_rows_width():
    """Long titles over right-aligned columns come close enough to read as one cell; a header with fewer
    cells than its rows splits a cell where a second title of a year (or span of years) begins."""
    from kommuneokonomi.documents.layout import _split_titles

    assert _split_titles(["Pct.", "2028–2029 2029–2030 (skøn)"], 3) == [
        "Pct.",
        "2028–2029",
        "2029–2030 (skøn)",
    ]
    assert _split_titles(["Pct.", "2028 (revideret) 2029"], 3) == ["Pct.", "2028 (revideret)", "2029"]
    # as many cells as the rows already, or no second title: left as it is
    assert _split_titles(["Mio. kr.", "2028 2029"], 2) == ["Mio. kr.", "2028 2029"]
    assert _split_titles(["Mio. kr.", "Budget 2028 (2029-pl)"], 3) == ["Mio. kr.", "Budget 2028 (2029-pl)"]


def test_a_dash_in_a_table_of_rates_is_an_empty_cell():
    """A rate with no estimate for a later column ("–") still states its estimate for the others."""
    body = (
        "**Bilag 2. Skøn**\n\n"
        f"| Pct. | {YEAR - 2}-{YEAR - 1} | {YEAR - 1}-{YEAR} | {YEAR}-{YEAR + 1} |\n|---|---|---|---|\n"
        "| Satsreguleringsprocent | 2,2 | 3,3 | – |\n"
    )
    assert float(agreement(body).figures["satsregulering"].value) == 3.3


def test_a_merged_cell_with_typographic_quotes_around_its_span_still_spans():
    html = (
        "<table>\n<tr><th rowspan=“2”>Mio. kr.</th><th colspan=“2”>2030</th></tr>\n"
        "<tr><th>Budget</th><th>Aftale</th></tr>\n<tr><td>Skatter</td><td>(1,0)</td><td>(1,1)</td></tr>\n</table>"
    )
    blocks = parse_document(f"# Titel\n\n## Afsnit\n\n{html}\n".encode(), "x.md", ".md").blocks
    assert next(b.cells for b in blocks if b.cells) == ["Mio. kr.", "2030 Budget", "2030 Aftale"]
