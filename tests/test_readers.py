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
    assert [r.format for r in READERS] == ["pdf", "markdown", "text"]


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
