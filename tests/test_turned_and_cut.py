"""Layouts of held-out set 4: Tabel 1 turned on its side (the posts as columns), in markdown and in
plain text with aligned columns; a sentence with a footnote marker glued to its last unit and the next
one cut by a page break. The texts are written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract

_TITLE = ["Aftale om kommunernes økonomi for 2041", "", "4. juni 2040", ""]
_HEADER = "Aftale om kommunernes økonomi for 2041                     Regeringen og KL"
_CAPTION = "Tabel 1. Kommunernes økonomi (mia. kr., 2041-pl)"
_TURNED_TEXT = "\n".join(
    [
        *_TITLE,
        _CAPTION,
        "",
        "                Serviceudgifter    Overførsler    Udgifter i alt    Skatteindtægter    Bloktilskud",
        "Ændring                     3,0            1,0               4,0               -2,0           -1,0",
        "Aftale 2040               400,0           90,0             490,0             -420,0         -100,0",
        "Aftale 2041               403,0           91,0             494,0             -422,0         -101,0",
        "",
    ]
)
_TURNED_MD = "\n".join(
    [
        *_TITLE,
        f"**{_CAPTION}**",
        "",
        "| | Serviceudgifter | Overførsler | Udgifter i alt | Skatteindtægter | Bloktilskud |",
        "|---|---|---|---|---|---|",
        "| Ændring | 3,0 | 1,0 | 4,0 | -2,0 | -1,0 |",
        "| Aftale 2040 | 400,0 | 90,0 | 490,0 | -420,0 | -100,0 |",
        "| Aftale 2041 | 403,0 | 91,0 | 494,0 | -422,0 | -101,0 |",
        "",
    ]
)


@pytest.mark.parametrize(("text", "suffix"), [(_TURNED_TEXT, ".txt"), (_TURNED_MD, ".md")])
def test_a_turned_table_is_read_by_its_posts_in_the_agreements_column(text: str, suffix: str):
    result = extract(parse_document(text.encode(), f"aftale{suffix}", suffix))
    got = {k: f.value for k, f in result.figures.items() if k.startswith("balance.") and f.value is not None}
    assert got == {
        "balance.serviceudgifter": Decimal(403000),
        "balance.overfoersler": Decimal(91000),
        "balance.udgifter_i_alt": Decimal(494000),
        "balance.skatteindtaegter": Decimal(-422000),
        "balance.bloktilskud": Decimal(-101000),
    }
    source = result.figures["balance.serviceudgifter"].source
    last = 10 if suffix == ".txt" else 11  # the markdown table has a rule under its header
    assert (source.line_start, source.line_end) == (7, last)  # the posts' row to the last row


def test_a_table_in_the_usual_orientation_is_not_turned():
    text = "\n".join(
        [
            *_TITLE,
            f"**{_CAPTION}**",
            "",
            "| | Aftale 2040 | Aftale 2041 |",
            "|---|---|---|",
            "| Serviceudgifter | 400,0 | 403,0 |",
            "| Overførsler | 90,0 | 91,0 |",
            "| Udgifter i alt | 490,0 | 494,0 |",
            "",
        ]
    )
    result = extract(parse_document(text.encode(), "aftale.md", ".md"))
    assert result.figures["balance.serviceudgifter"].value == Decimal(403000)
    assert result.figures["balance.udgifter_i_alt"].value == Decimal(494000)


def test_a_footnote_marker_after_a_unit_ends_the_sentence_cut_by_a_page_header():
    """ "… 2,6 pct.3 Satsreguleringsprocenten … ud-" / page foot and running header / "gør 2,1 pct.": the
    marker is no part of the text, the next sentence runs on over the page header, and each rate stays
    with its own sentence."""

    def page(number: int) -> list[str]:  # a page foot with its number, then the next page's header
        return ["", " " * 70 + str(number), "\f" + _HEADER, ""]

    text = "\n".join(
        [
            *_TITLE,
            "1. Priser",
            "",
            "Udgifterne er fremskrevet med et skøn for pris- og lønudviklingen fra 2040 til 2041 på",
            "2,9 pct., og anlægsudgifterne med 2,6 pct.3 Satsreguleringsprocenten for 2041 ud-",
            *page(2),
            "gør 2,1 pct.",
            "",
            "3 Skønnet for anlæg er Finansministeriets.",
            *page(3),
            "2. Øvrige forhold",
            "",
            "Parterne er enige om at drøfte de øvrige forhold senere på året.",
            *page(4),
            "Parterne mødes igen i efteråret.",
            "",
        ]
    )
    result = extract(parse_document(text.encode(), "aftale.txt", ".txt"))
    assert result.figures["satsregulering"].value == Decimal("2.1")
    assert result.figures["pl_anlaeg"].value == Decimal("2.6")
