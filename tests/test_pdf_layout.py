"""The PDF reader on PDFs laid out as published (tests/pdf_layouts.py): each layout feature, and the key
figures against the text path on the corpus agreements reflowed as published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Table

from kommuneokonomi.documents import DocumentError, read_document
from kommuneokonomi.documents.base import RawLine
from kommuneokonomi.documents.layout import Page, Segment, page_lines
from kommuneokonomi.documents.normalise import flowing_blocks
from kommuneokonomi.documents.pdf import read_pages
from kommuneokonomi.extraction import extract

import pdf_layouts
from conftest import corpus_files

VARIANTS = {"plain": {}, "split": {"split_table": True}, "two": {"two_columns": True}}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> dict[str, pdf_layouts.Layout]:
    out = tmp_path_factory.mktemp("layouts")
    return {name: pdf_layouts.build(out / f"{name}.pdf", **kw) for name, kw in VARIANTS.items()}


@pytest.fixture(scope="module")
def docs(layouts):
    return {name: read_document(lay.path) for name, lay in layouts.items()}


@pytest.mark.parametrize("variant", VARIANTS)
def test_title_over_two_lines_is_one_heading(docs, layouts, variant):
    first = docs[variant].blocks[0]
    assert (first.kind, first.text) == ("heading", layouts[variant].title)
    assert len({line for _, line in first.offsets}) == 2, "both lines of the title keep their line number"
    assert extract(docs[variant]).meta.title == layouts[variant].title


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_running_header_footer_or_page_number_in_any_block(docs, layouts, variant):
    doc = docs[variant]
    assert doc.n_pages >= 2
    for block in doc.blocks:
        assert layouts[variant].header not in block.text
        assert not re.fullmatch(r"\d{1,3}", block.text), block


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_tabel1_row_is_one_table_row_with_label_and_amounts(docs, layouts, variant):
    rows = [b for b in docs[variant].blocks if b.kind == "table_row"]
    assert [tuple(b.cells) for b in rows] == layouts[variant].rows
    assert all(b.part == "Tabel 1" and b.text == " ".join(b.cells) for b in rows)


@pytest.mark.parametrize("variant", VARIANTS)
def test_table_header_row_is_one_heading_with_its_column_titles(docs, variant):
    headers = [b for b in docs[variant].blocks if b.kind == "heading" and b.cells]
    columns = pdf_layouts.COLUMNS if variant == "two" else pdf_layouts.COLUMNS[:1]
    assert [b.cells for b in headers] == [[pdf_layouts.UNIT, *columns]]


def test_table_split_by_a_page_break_repeats_its_header_row_which_is_dropped(docs, layouts):
    doc = docs["split"]
    pages = {b.page for b in doc.blocks if b.kind == "table_row"}
    assert len(pages) == 2, "the layout must split Tabel 1 over two pages"
    texts = [b.text for b in doc.blocks]
    assert sum(1 for t in texts if t.startswith(pdf_layouts.UNIT)) == 1


@pytest.mark.parametrize("variant", VARIANTS)
def test_box_text_is_contiguous_and_apart_from_the_running_text(docs, layouts, variant):
    blocks = docs[variant].blocks
    for name, (label, title, body) in layouts[variant].boxes.items():
        i = next(k for k, b in enumerate(blocks) if b.text == label)
        assert [(b.kind, b.text) for b in blocks[i : i + 3]] == [
            ("heading", label),
            ("heading", title),
            ("paragraph", body),
        ]
        assert {b.part for b in blocks[i : i + 3]} == {name}
        assert blocks[i + 3].part != name, "the running text after the box is not part of it"


@pytest.mark.parametrize("variant", VARIANTS)
def test_paragraph_text_equals_the_source_modulo_whitespace(docs, layouts, variant):
    """Justified spacing must not split or join words; text beside the box and across pages is whole."""
    texts = {_norm(b.text) for b in docs[variant].blocks if b.kind == "paragraph"}
    for paragraph in layouts[variant].paragraphs:
        assert _norm(paragraph) in texts


@pytest.mark.parametrize("variant", ["plain", "split"])
def test_key_figures_from_a_published_layout(docs, variant):
    result = extract(docs[variant])
    got = {k: str(f.value) for k, f in result.figures.items() if f.value is not None}
    assert {k: got.get(k) for k in pdf_layouts.expected_figures()} == pdf_layouts.expected_figures()


def test_text_figures_with_a_two_column_table(docs):
    """Which column of a two-column Tabel 1 is the agreement's is the extractor's choice; the text is not."""
    got = {k: str(f.value) for k, f in extract(docs["two"]).figures.items() if f.value is not None}
    assert {k: got.get(k) for k in pdf_layouts.TEXT_FIGURES} == pdf_layouts.TEXT_FIGURES


def test_source_lines_point_into_the_text_layer(layouts):
    """A figure's line range and page find its words in the PDF's text layer (lines in reading order)."""
    path = layouts["plain"].path
    layer = page_lines(read_pages(path.read_bytes())).lines
    by_number: dict[int, list[RawLine]] = {}
    for line in layer:
        by_number.setdefault(line.number, []).append(line)
    result = extract(read_document(path))
    for key, words in (
        ("pl_service", "3,1 pct."),
        ("satsregulering", "2,3 pct."),
        ("balance.bloktilskud", "-98.112"),
    ):
        source = result.figures[key].source
        text = " ".join(
            ln.text for n in range(source.line_start, source.line_end + 1) for ln in by_number.get(n, [])
        )
        assert words in text, (key, source, text)
    block = next(b for b in result.document.blocks if "satsreguleringsprocent" in b.text)
    assert block.page == 1


def test_abbreviation_in_parentheses_at_a_line_end_does_not_end_the_paragraph():
    """ "(ekskl." at a line end followed by "overførsler)": one sentence, in every reader."""
    lines = [
        RawLine(1, "PL-skønnet for serviceudgifter (ekskl."),
        RawLine(2, "overførsler) er 3,1 pct. fra 2026-2027."),
    ]
    blocks = flowing_blocks(lines, pages_known=False)
    assert [b.text for b in blocks] == [
        "PL-skønnet for serviceudgifter (ekskl. overførsler) er 3,1 pct. fra 2026-2027."
    ]


@pytest.mark.parametrize("source", corpus_files(), ids=lambda p: p.name[:3])
def test_corpus_reflowed_as_published_yields_the_text_path_figures(tmp_path, source: Path):
    pdf = pdf_layouts.render_corpus(source, tmp_path / (source.stem + ".pdf"))
    from_text = extract(read_document(source))
    from_pdf = extract(read_document(pdf))
    assert from_pdf.meta.format == "pdf"
    assert {k: f.value for k, f in from_pdf.figures.items()} == {
        k: f.value for k, f in from_text.figures.items()
    }
    assert (from_pdf.meta.year, from_pdf.meta.date) == (from_text.meta.year, from_text.meta.date)
    for key, fig in from_pdf.figures.items():
        if fig.source is not None:
            assert fig.source.section == from_text.figures[key].source.section, key
    text_paragraphs = [_norm(b.text) for b in from_text.document.blocks if b.kind in ("paragraph", "bullet")]
    pdf_texts = {_norm(b.text) for b in from_pdf.document.blocks}
    same = sum(1 for t in text_paragraphs if t in pdf_texts)
    assert same >= 0.99 * len(text_paragraphs), f"{same}/{len(text_paragraphs)} paragraphs as in the text"


def test_pdf_without_a_text_layer_is_refused_with_the_reason(tmp_path):
    scanned = tmp_path / "scannet.pdf"
    c = canvas.Canvas(str(scanned), invariant=1)
    c.rect(100, 100, 300, 400, fill=1)  # a page with a picture and no text, as a scan
    c.showPage()
    c.save()
    with pytest.raises(DocumentError, match="ingen tekst"):
        read_document(scanned)


def _run(x0: float, base: float, text: str, size: float = 9.0) -> Segment:
    return Segment(x0, x0 + 5.5 * len(text), base - size, base + 2, text, size, False, base)


def test_a_header_row_of_years_is_a_header_and_dropped_when_repeated_on_the_next_page():
    """ "Mio. kr., 2027-pl | 2026 | 2027" titles columns; years are not amounts."""

    def page(number: int, rows: list[tuple[str, str, str]]) -> Page:
        segments = []
        for i, cells in enumerate([("Mio. kr., 2027-pl", "2026", "2027"), *rows]):
            segments += [_run(x, 200 + 16 * i, text) for x, text in zip((80, 300, 380), cells, strict=True)]
        return Page(number, 595.0, 842.0, segments)

    lines = page_lines(
        [page(1, [("Serviceudgifter", "300.100", "310.200")]), page(2, [("Overførsler", "80.300", "82.400")])]
    ).lines
    kept = [(ln.hint, ln.cells) for ln in lines if ln.hint not in ("furniture", "break")]
    assert kept == [
        ("heading", ["Mio. kr., 2027-pl", "2026", "2027"]),
        ("text", ["Serviceudgifter", "300.100", "310.200"]),
        ("text", ["Overførsler", "80.300", "82.400"]),
    ]


@pytest.mark.parametrize("mark", ["1", "12", "a)", "*", "†"])
def test_a_superscript_footnote_mark_is_no_line_of_its_own(tmp_path, mark):
    # set smaller and raised, a mark glued to an amount or a word gets a baseline of its own: left in, it
    # was a line above the text (cutting a paragraph over two lines), or it took the next word's first
    # letters into its run ("a) mi" / "3 a. kr.")
    pdf_layouts._fonts()
    st = pdf_layouts._styles()
    target = tmp_path / "noter.pdf"
    sup = f"<super>{mark.replace('*', '&#42;')}</super>"
    body = (
        f"Anlægsrammen for 2031 udgør 26,3{sup} mia. kr., og servicerammen{sup} er aftalt til 350,1 mia. kr. "
        f"Rammerne er i alt 4{sup} mia. kr. større end året før, og de hviler på et skøn over pris- og "
        f"lønudviklingen{sup} på 2,4 pct. fra 2030 til 2031."
    )
    pdf_layouts._template(target).build(
        [
            Paragraph("Aftale om kommunernes økonomi for 2031", st["title"]),
            Paragraph("1. Rammer", st["h1"]),
            Paragraph(body, st["body"]),
            Table([["Bruttoanlæg", Paragraph(f"26,3{sup}", st["cell"])], ["Serviceudgifter", "350.100"]]),
        ]
    )
    blocks = read_document(target).blocks
    paragraph = next(b for b in blocks if b.text.startswith("Anlægsrammen"))
    assert paragraph.text == (
        "Anlægsrammen for 2031 udgør 26,3 mia. kr., og servicerammen er aftalt til 350,1 mia. kr. Rammerne "
        "er i alt 4 mia. kr. større end året før, og de hviler på et skøn over pris- og lønudviklingen på "
        "2,4 pct. fra 2030 til 2031."
    )
    assert next(b.cells for b in blocks if b.kind == "table_row") == ["Bruttoanlæg", "26,3"]
