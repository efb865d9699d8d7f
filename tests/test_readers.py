"""One reader per format behind one interface; markdown specifics; the PDF path equals the text path."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommuneokonomi.documents import READERS, parse_document, read_document
from kommuneokonomi.extraction import extract

from conftest import corpus_files

MARKDOWN = """\
# Aftale om kommunernes økonomi for 2031

---

1. juni 2030

## 1. Indledning

Regeringen og **KL** er *enige* om <b>alt</b> &amp; mere.

**Tabel 1****Balance for kommunerne i 2031**

Mio. kr., 2031-pl\tAftale
<b>Serviceudgifter, netto</b>\t300.000
<i>Heraf betinget bloktilskud</i>\t-4.000

| Række | Beløb |
|---|---|
| Øvrige udgifter | 1,5 |
"""


def test_markdown_reader():
    doc = parse_document(MARKDOWN.encode(), "x.md", ".md")
    assert doc.format == "markdown"
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "Regeringen og KL er enige om alt & mere.") in kinds
    assert ("heading", "Tabel 1") in kinds and ("heading", "Balance for kommunerne i 2031") in kinds
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert ["Serviceudgifter, netto", "300.000"] in rows
    assert ["Heraf betinget bloktilskud", "-4.000"] in rows
    assert ["Øvrige udgifter", "1,5"] in rows
    date = next(b for b in doc.blocks if "juni" in b.text)
    assert date.text == "1. juni 2030" and date.line_start == 5


def test_format_detection_from_content(corpus):
    formats = {p.name[:3]: parse_document(p.read_bytes(), p.name, p.suffix).format for p in corpus_files()}
    assert formats == {"000": "text", "001": "text", "002": "markdown", "003": "markdown", "004": "text"}
    assert [r.format for r in READERS] == ["pdf", "html", "markdown", "text"]


def _values(result):
    return {k: f.value for k, f in result.figures.items()}


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_pdf_path_yields_the_same_figures_as_the_text_path(pdf_dir: Path, prefix):
    text_path = next(p for p in corpus_files() if p.name.startswith(prefix))
    pdf_path = pdf_dir / (text_path.stem + ".pdf")
    from_text = extract(read_document(text_path))
    from_pdf = extract(read_document(pdf_path))
    assert from_pdf.meta.format == "pdf" and from_pdf.document.n_pages > 5
    assert _values(from_pdf) == _values(from_text)
    assert from_pdf.meta.year == from_text.meta.year and from_pdf.meta.date == from_text.meta.date
    for key, fig in from_pdf.figures.items():
        if fig.source is not None:
            assert fig.source.section == from_text.figures[key].source.section, key
    pdf_text = " ".join(b.text for b in from_pdf.document.blocks)
    assert "Økonomiaftale · Regeringen og KL" not in pdf_text, "running header must be dropped"
    assert "Side 3 af" not in pdf_text, "page numbers must be dropped"


ESCAPED_MARKDOWN = r"""# Aftale om kommunernes økonomi for 2040

**1\. Rammerne**

Kommunernes serviceudgifter kan i 2040 udgøre 412\.300 mio\. kr\.\
Det svarer til et løft på 2\,1 mia\. kr\. \(netto\)\.

\- Anlæg: 31\.000 mio\. kr\. \*inkl\.\* ældreboliger

| Post | Aftale 2040 \| mio\. kr\. |
|---|---|
| Serviceudgifter\, netto | 412\.300 |
"""


def test_markdown_backslash_escapes_and_hard_line_breaks():
    """CommonMark: a backslash before ASCII punctuation is that character (a word processor's or pandoc's
    export escapes dots, parentheses and hyphens); an escaped star is not emphasis, an escaped pipe no cell
    boundary, a backslash at a line end a hard line break inside the paragraph; the figures read as
    without the escapes."""
    doc = parse_document(ESCAPED_MARKDOWN.encode(), "x.md", ".md")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "1. Rammerne") in texts
    assert (
        "paragraph",
        "Kommunernes serviceudgifter kan i 2040 udgøre 412.300 mio. kr. "
        "Det svarer til et løft på 2,1 mia. kr. (netto).",
    ) in texts
    assert ("paragraph", "- Anlæg: 31.000 mio. kr. *inkl.* ældreboliger") in texts
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert ["Post", "Aftale 2040 | mio. kr."] in rows and ["Serviceudgifter, netto", "412.300"] in rows
    assert not any("\\" in b.text for b in doc.blocks)
    figures = extract(doc).figures
    assert figures["serviceramme"].value == 412300


def test_markdown_list_running_into_the_next_paragraph():
    """A word processor's export writes the paragraph after a list with no blank line, and indents a
    wrapped item's lines; a wrapped line that is not indented goes on where the item cannot end there."""
    text = (
        "# Aftale om kommunernes økonomi for 2031\n\n## 4. Skat\n\n"
        "Tilskuddet udgør følgende andele af provenutabet:\n\n"
        "- 80 pct. i 2031\n- 40 pct. i 2032\nDerefter bortfalder tilskuddet.\n\n"
        "- Grundbidraget er 180 kr. pr. indbygger.\nParterne følger området.\n\n"
        "- Der afsættes en pulje på 200 mio. kr. til\nKL's arbejde med styring og\nudvikling.\n"
    )
    doc = parse_document(text.encode(), "x.md", ".md")
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert blocks[-6:] == [
        ("bullet", "80 pct. i 2031"),
        ("bullet", "40 pct. i 2032"),
        ("paragraph", "Derefter bortfalder tilskuddet."),
        ("bullet", "Grundbidraget er 180 kr. pr. indbygger."),
        ("paragraph", "Parterne følger området."),
        ("bullet", "Der afsættes en pulje på 200 mio. kr. til KL's arbejde med styring og udvikling."),
    ]


@pytest.mark.parametrize("glyph", ["•", "▪", "●", "◦"])
def test_markdown_bullet_glyphs_are_list_items(glyph):
    # a word processor's export keeps the bullet glyph instead of writing "- ": each is an item, not a line
    # of the paragraph before it
    text = (
        "# Aftale\n\nTilskuddet udgør en andel af provenutabet:\n"
        f"{glyph} 75 pct. i 2031\n{glyph} 50 pct. i 2032\n"
    )
    doc = parse_document(text.encode(), "x.md", ".md")
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("paragraph", "Tilskuddet udgør en andel af provenutabet:"),
        ("bullet", "75 pct. i 2031"),
        ("bullet", "50 pct. i 2032"),
    ]
