"""Tabel 1 in layouts seen on unseen agreements: continued after a page break under a "(fortsat)"
caption, tab-separated with the previous year's column first, the totals row last before a break.
The documents are written for these tests, not taken from agreements."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import EXPECTED, ROWS, YEAR, balance, text_agreement


def _aligned(rows) -> str:
    return "\n".join(f"   {label:<44}{'1.000':>12}{v:>14}" for label, v, _ in rows)


HEADER = (
    f"   {'Mio. kr., ' + str(YEAR) + '-pl':<44}{'Budget ' + str(YEAR - 1):>12}{'Aftale ' + str(YEAR):>14}"
)
FURNITURE = (
    f"\n\n                                     - 3 -\n\f   Aftale om kommunernes økonomi for {YEAR}\n\n"
)


@pytest.mark.parametrize(
    "caption", ["Tabel 1 (fortsat)", "Tabel 1. (fortsat)", "Tabel 1, fortsat", "Tabel 1 (fortsættelse)"]
)
@pytest.mark.parametrize("split", [3, 4])
def test_table_continued_after_a_page_break(caption, split):
    """The rows after the break (and the totals right before it) belong to the same table."""
    table = (
        f"Tabel 1\nBalance for kommunerne i {YEAR}\n\n{HEADER}\n\n{_aligned(ROWS[:split])}{FURNITURE}"
        f"   {caption}\n\n{HEADER}\n\n{_aligned(ROWS[split:])}"
    )
    assert balance(text_agreement(table)) == EXPECTED


def _tabbed(header: str, rows) -> str:
    lines = [header] + [f"{label}\t1.000\t{v}" for label, v, _ in rows]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "header",
    [
        f"Mio. kr.\tAftale {YEAR - 1} ({YEAR}-pl)\tAftale {YEAR}",
        f"Mio. kr., {YEAR}-pl\tBudget {YEAR - 1}\tAftale {YEAR}",
        f"Mio. kr.\t{YEAR - 1} ({YEAR}-pl)\t{YEAR}",
    ],
)
def test_tab_separated_table_with_the_previous_year_first(header):
    table = f"Tabel 1. Balance for kommunerne i {YEAR}\n\n{_tabbed(header, ROWS)}"
    r = text_agreement(table)
    assert balance(r) == EXPECTED


def test_tab_separated_table_without_a_readable_header_warns_rather_than_guesses():
    table = f"Tabel 1. Balance for kommunerne i {YEAR}\n\nMio. kr.\n{_tabbed('', ROWS).strip()}"
    r = text_agreement(table)
    assert balance(r) == {}
    assert "tabel_raekke_ulaeselig" in {w.code for w in r.warnings} or "tabel_kolonne_uklar" in {
        w.code for w in r.warnings
    }


# --- key frames as bullets in a shaded box of a real PDF -------------------------------------------

BOX_YEAR = 2029
BULLETS = (
    f"Servicerammen for {BOX_YEAR} udgør 301,4 mia. kr.",
    f"Pris- og lønskønnet for de samlede kommunale udgifter inkl. overførsler fra {BOX_YEAR - 1} til "
    f"{BOX_YEAR}: 2,4 pct.",
    f"Pris- og lønskønnet for serviceudgifterne (ekskl. overførsler) fra {BOX_YEAR - 1} til {BOX_YEAR}: 2,9 pct.",
    "Pris- og lønskønnet for anlægsudgifterne: 2,1 pct.",
    f"Midtvejsreguleringen for {BOX_YEAR - 1}: Bloktilskuddet nedreguleres med 1,3 mia. kr. som følge af "
    "lavere skøn for udgifterne.",
    f"Anlægsrammen for {BOX_YEAR} udgør 20,6 mia. kr.",
)


def _boxed_bullets_pdf(target) -> None:
    """A shaded box 62 mm wide: the items wrap after "inkl." / "(ekskl." and after "for 2028:"."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle
    from tests.pdf_layouts import _fonts, _styles, _template

    _fonts()
    st = _styles()
    story = [
        Paragraph(f"Aftale om kommunernes økonomi for {BOX_YEAR}", st["title"]),
        Paragraph(f"10. juni {BOX_YEAR - 1}", st["date"]),
        Paragraph("1. Indledning", st["h1"]),
        Paragraph(
            "Regeringen og KL er enige om rammerne for kommunernes økonomi i det kommende år.", st["body"]
        ),
        Paragraph(f"2. Kommunernes økonomiske rammer for {BOX_YEAR}", st["h1"]),
    ]
    cells = [[Paragraph("Boks 1", st["boxhead"])], [Paragraph("Rammer og skøn", st["boxhead"])]]
    cells += [[Paragraph(f"• {b}", st["box"])] for b in BULLETS]
    box = Table(cells, colWidths=[62 * mm])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#dfe9f3")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))  # fmt: skip
    story += [box, Paragraph("Parterne følger udviklingen i udgifterne tæt gennem året.", st["body"])]
    _template(target).build(story)


def test_key_frames_as_bullets_in_a_shaded_box(tmp_path):
    from kommuneokonomi.documents import parse_document
    from kommuneokonomi.extraction import extract

    path = tmp_path / "boks.pdf"
    _boxed_bullets_pdf(path)
    r = extract(parse_document(path.read_bytes(), path.name, ".pdf"))
    got = {k: (None if f.value is None else f.contract_value()) for k, f in r.figures.items()}
    assert got["serviceramme"] == 301400
    assert got["anlaegsramme"] == 20600
    assert got["pl_samlet"] == 2.4
    assert got["midtvejsregulering"] == -1300
    assert got["midtvejsregulering_aar"] == BOX_YEAR - 1


def test_a_bullet_wrapped_after_an_abbreviation_or_its_colon_is_one_item():
    """Extracted text: an item goes on over a line that ends in "inkl." or in the colon of its lead-in."""
    from kommuneokonomi.documents import parse_document

    text = (
        "Boks 1\nRammer\n\n• Pris- og lønskønnet for de samlede udgifter inkl.\n  overførsler: 2,4 pct.\n"
        "• Midtvejsreguleringen for 2028:\n  Bloktilskuddet nedreguleres med 1,3 mia. kr.\n"
        "• Anlægsrammen udgør 20,6 mia. kr.\nEt nyt afsnit begynder her.\n"
    )
    bullets = [b.text for b in parse_document(text.encode(), "b.txt", ".txt").blocks if b.kind == "bullet"]
    assert bullets == [
        "Pris- og lønskønnet for de samlede udgifter inkl. overførsler: 2,4 pct.",
        "Midtvejsreguleringen for 2028: Bloktilskuddet nedreguleres med 1,3 mia. kr.",
        "Anlægsrammen udgør 20,6 mia. kr.",
    ]


def test_tab_separated_table_in_text_copied_from_a_web_page():
    """Long lines (one a paragraph), "•" bullets, no hyphenation; the budget year's column last."""
    from kommuneokonomi.documents import parse_document
    from kommuneokonomi.extraction import extract

    rows = "\n".join(f"{label}\t1.000\t{v}" for label, v, _ in ROWS)
    text = (
        f"Aftale om kommunernes økonomi for {YEAR}\n\n1. juni {YEAR - 1}\n\n1. Indledning\n\n"
        "Regeringen og KL er enige om aftalen, som sikrer kommunerne gode rammer for at levere velfærd til "
        "borgerne, og parterne er enige om at følge udviklingen tæt gennem hele året.\n\n"
        "2. Kommunernes økonomiske rammer\n\n• Parterne er enige om rammerne for servicen.\n"
        "• Kommunerne skal fortsat prioritere kerneopgaverne.\n\n"
        f"Tabel 1. Balance for kommunerne i {YEAR}\n\nMio. kr.\tAftale {YEAR - 1} ({YEAR}-pl)\tAftale {YEAR}\n"
        f"{rows}\n\nBalancen er opgjort med de forudsætninger, som ligger til grund for aftalen.\n"
    )
    r = extract(parse_document(text.encode(), "web.txt", ".txt"))
    assert balance(r) == EXPECTED
    assert r.figures["balance.serviceudgifter"].price_level == YEAR


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ([f"Aftale {YEAR - 1} ({YEAR}-pl)", f"Aftale {YEAR}"], 1),
        ([f"Aftale {YEAR}", f"Aftale {YEAR - 1} ({YEAR}-pl)"], 0),
        ([f"{YEAR - 1} ({YEAR}-pl)", f"{YEAR}"], 1),
        ([f"{YEAR}", f"{YEAR - 1} ({YEAR}-pl)"], 0),
    ],
)
def test_the_agreement_column_by_its_year_not_its_price_level(columns, expected):
    from kommuneokonomi.extraction.balance import choose_column

    assert choose_column(columns, YEAR) == expected
