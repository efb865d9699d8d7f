"""The title page of a PDF whose running header repeats the title word for word: the title is the
document's title, not page furniture, so the agreement is recognised even when its frames stand only in an
annex. The text is written for this test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kommuneokonomi.documents import parse_document, read_document
from kommuneokonomi.extraction import extract

from devset.pdfbuild import build_pdf

FILLER = (
    "Parterne er enige om, at opgaverne i de kommende år skal løses tæt på borgerne, og at den lokale "
    "frihed skal bruges til at prioritere der, hvor behovet er størst. "
) * 6


def _story(title_lines: list[str]) -> str:
    pages = []
    for heading in ("1. Indledning", "2. Velfærd", "3. Digitalisering", "4. Klima"):
        pages += [f"## {heading}", "", FILLER, "", FILLER, "", "[side]", ""]
    return "\n".join(
        [
            "@header Aftale om kommunernes økonomi for 2051",
            "@footer Side {page}",
            *[f"# {line}" for line in title_lines],
            "",
            "3. juni 2050",
            "",
            *pages,
            "## Bilag 1. Forudsætninger",
            "",
            "Servicerammen for kommunerne udgør 601.300 mio. kr. i 2051.",
            "",
        ]
    )


@pytest.mark.parametrize(
    "title_lines",
    [["Aftale om kommunernes økonomi for 2051"], ["Aftale om kommunernes", "økonomi for 2051"]],
    ids=["one line", "two lines"],
)
def test_the_title_under_a_running_header_with_its_words_is_kept(tmp_path: Path, title_lines):
    path = tmp_path / "aftale.story"
    path.write_text(_story(title_lines), "utf-8")
    document = read_document(build_pdf(path))
    assert document.n_pages and document.n_pages >= 4
    texts = [b.text for b in document.blocks]
    assert texts[0] == "Aftale om kommunernes økonomi for 2051"
    assert texts.count("Aftale om kommunernes økonomi for 2051") == 1  # the running headers are gone
    figures = extract(document).figures
    assert figures["aar"].value == 2051
    assert figures["serviceramme"].value == Decimal(601300)


def _text_blocks(body: list[str]):
    """The blocks of a PDF-extracted text: a title, a chapter heading, then `body`."""
    lines = ["Aftale om kommunernes økonomi for 2051", "", "1. Tilskud", "", *body]
    return parse_document("\n".join(lines).encode(), "aftale.txt", ".txt").blocks


def test_a_wrapped_reference_to_tabel_1_is_no_caption():
    """ "… fastsættes i overensstemmelse med" / "Tabel 1. Heri indgår …": a sentence wrapped before its
    reference to the table is one paragraph; no table starts there, so the next paragraph keeps its lines."""
    blocks = _text_blocks(
        [
            "Tilskuddet til kommunerne for 2051 fastsættes i overensstemmelse med",
            "Tabel 1. Heri indgår kompensation for nye opgaver efter",
            "lov om social service.",
            "",
            "Der foretages en regulering af tilskuddene til de",
            "kommuner der har fået nye opgaver i løbet af",
            "året. Bloktilskuddet midtvejsreguleres med -210 mio. kroner.",
            "",
        ]
    )
    (sentence,) = [b for b in blocks if "Tilskuddet til kommunerne" in b.text]
    assert sentence.kind == "paragraph" and "Tabel 1. Heri indgår" in sentence.text
    assert sentence.text.endswith("lov om social service.")
    (regulation,) = [b for b in blocks if "Der foretages" in b.text]
    assert "tilskuddene til de kommuner der har fået nye opgaver i løbet af året." in regulation.text
    assert not any(b.kind == "heading" and "Tabel" in b.text for b in blocks)


def test_a_glued_unit_at_a_line_end_does_not_end_the_paragraph():
    """ "… på 98,1 mia.kr." / "er 3,5 mia.kr betinget …": the glued unit is an abbreviation as "kr." is, so
    the sentence goes on in the same paragraph."""
    blocks = _text_blocks(
        [
            "Af det samlede bloktilskud i 2051 på 98,1 mia.kr.",
            "er 3,5 mia.kr betinget af, at budgetterne overholder rammerne.",
            "",
        ]
    )
    (grant,) = [b for b in blocks if "98,1" in b.text]
    assert grant.text.endswith("er 3,5 mia.kr betinget af, at budgetterne overholder rammerne.")
