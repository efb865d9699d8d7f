"""Reader for PDF files: positioned text with PDFium (pypdfium2), laid out by `layout`, then normalised.

The engine was chosen by measurement (benchmarks/pdf_engines.py, results in benchmarks/RESULTS.md):
PDFium gives each line's text runs with their boxes, font size and weight, and the page's filled areas,
at several times pypdf's speed. Line numbers count the lines of the text layer in reading order over all
pages (running headers and footers included); each block also carries its page.
"""

from __future__ import annotations

import ctypes
import re
import threading
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships neither stubs nor py.typed
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # as above

from kommuneokonomi.documents.base import DocumentError, ReadResult
from kommuneokonomi.documents.characters import normalise_characters
from kommuneokonomi.documents.layout import Page, Segment, Shade, page_lines
from kommuneokonomi.documents.normalise import flowing_blocks
from kommuneokonomi.models import DocumentFormat

_PDFIUM_LOCK = threading.Lock()
#: a font weight from this on is bold (400 is regular, 700 bold)
_BOLD_WEIGHT = 600
#: filled areas smaller than this (points) are rules, cell borders or bullets, not a box's background
_MIN_SHADE = 20.0
#: a gap wider than this many font sizes between two characters ends a run (a table cell, a column)
_RUN_GAP = 1.5
#: PDFium's marks for a hyphen at a line end whose word it joined across the lines (char code, text)
_LINE_END_HYPHENS = (0x02, 0xFFFE)
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|Bd(?:$|[-,])", re.IGNORECASE)
#: a fill this light (every channel) is white paper
_WHITE = 245


class PdfReader:
    format: DocumentFormat = "pdf"

    def accepts(self, data: bytes, suffix: str) -> bool:
        return data.lstrip()[:5] == b"%PDF-"

    def read(self, data: bytes) -> ReadResult:
        return layout_result(read_pages(data))


def read_pages(data: bytes) -> list[Page]:
    """Each page's positioned text and shaded areas. Raises DocumentError for what cannot be read."""
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError("PDF-filen er afkortet (mangler %%EOF-markeringen) eller ødelagt")
    with _PDFIUM_LOCK:  # PDFium is not thread-safe
        return _read_pages(data)


def _read_pages(data: bytes) -> list[Page]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError("PDF-filen er krypteret med en adgangskode og kan ikke læses") from exc
        if "security" in str(exc).lower():
            raise DocumentError(f"PDF-filen er krypteret og kan ikke læses ({exc})") from exc
        raise DocumentError(f"PDF-filen er ødelagt eller afkortet: {exc}") from exc
    try:
        pages = [_page(document, i) for i in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"PDF-filen er ødelagt eller afkortet: {exc}") from exc
    finally:
        document.close()
    return pages


def layout_result(pages: list[Page]) -> ReadResult:
    """Blocks from positioned pages (any engine's, see benchmarks/pdf_engines.py)."""
    if not any(p.segments for p in pages):
        raise DocumentError("PDF-filen indeholder ingen tekst (er den scannet? OCR understøttes ikke)")
    lines, breaks_known, headings_known, box_ends = page_lines(pages)
    return ReadResult(
        blocks=flowing_blocks(lines, True, breaks_known=breaks_known, headings_known=headings_known),
        n_lines=max((ln.number for ln in lines), default=0),
        n_pages=len(pages),
        box_ends=box_ends,
    )


def _page(document: pdfium.PdfDocument, index: int) -> Page:
    page = document[index]
    try:
        left, bottom, right, top = page.get_bbox()  # the visible page; y grows upwards from its origin
        textpage = page.get_textpage()
        try:
            segments = _segments(textpage, top)
        finally:
            textpage.close()
        shades = _shades(page, top)
    finally:
        page.close()
    return Page(number=index + 1, width=right - left, height=top - bottom, segments=segments, shades=shades)


#: PDFium's raw FPDF_TEXTPAGE handle (a ctypes pointer); pypdfium2 ships no types to name it by
_TextPageHandle = Any


def _segments(textpage: pdfium.PdfTextPage, page_top: float) -> list[Segment]:
    """The page's text as runs on a line with their boxes (PDFium's text rectangles).

    PDFium's text comes in content order with a line break wherever the text moves to a new line; each
    line's rectangles are its runs (a gap, as between table cells, starts a new one). A line of one run
    is taken whole; a line of several is split between them by the characters' boxes.
    """
    raw = textpage.raw
    n_chars = textpage.count_chars()
    text = textpage.get_text_range(0, n_chars) if n_chars > 0 else ""
    if len(text) != n_chars:  # characters outside the BMP: index and text no longer align
        return _segments_by_char(textpage, page_top, 0, n_chars)
    out: list[Segment] = []
    start = 0
    for line in text.split("\r\n"):
        count = len(line)
        if line.strip():
            n_rects = textpage.count_rects(start, count)
            rects = [textpage.get_rect(j) for j in range(n_rects)]
            cuts = _rect_starts(raw, rects, start, count)
            if cuts is None or _mixed_sizes(raw, cuts, start + count):
                out.extend(_segments_by_char(textpage, page_top, start, count))
            else:
                for rect, a, b in zip(rects, cuts, [*cuts[1:], start + count], strict=True):
                    piece = line[a - start : b - start]
                    first = a + len(piece) - len(piece.lstrip())
                    piece = piece.replace("\ufffe", "-").strip()
                    if piece:
                        out.append(_segment(raw, rect, piece, first, page_top))
        start += count + 2
    return out


#: characters of one run differ in font size by less than this share (a superscript mark is smaller)
_SIZE_STEP = 0.15


def _mixed_sizes(raw: _TextPageHandle, cuts: list[int], end: int) -> bool:
    """Does a rectangle begin or end in another font size than its other end (a superscript footnote mark
    taken into the rectangle of the text after it: "a) mia. kr.")? Then the line is split by character.
    The spaces PDFium puts between runs have a size of their own and are not looked at."""
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        glyphs = [
            k
            for k in (a, a + 1, b - 2, b - 1)
            if a <= k < b and not chr(pdfium_c.FPDFText_GetUnicode(raw, k)).isspace()
        ]
        if len(glyphs) < 2:
            continue
        first, last = (
            pdfium_c.FPDFText_GetFontSize(raw, glyphs[0]),
            pdfium_c.FPDFText_GetFontSize(raw, glyphs[-1]),
        )
        if first and last and abs(first - last) > _SIZE_STEP * max(first, last):
            return True
    return False


def _rect_starts(
    raw: _TextPageHandle, rects: list[tuple[float, float, float, float]], start: int, count: int
) -> list[int] | None:
    """The first character of each rectangle (PDFium makes them in character order), or None if unsure."""
    cuts = [start]
    for left, bottom, _, top in rects[1:]:
        index = pdfium_c.FPDFText_GetCharIndexAtPos(raw, left + 0.5, (top + bottom) / 2, 1.0, 1.0)
        if not cuts[-1] < index < start + count:
            return None
        cuts.append(index)
    return cuts if rects else None


def _segment(
    raw: _TextPageHandle, rect: tuple[float, float, float, float], text: str, first: int, page_top: float
) -> Segment:
    left, bottom, right, top = rect
    size = pdfium_c.FPDFText_GetFontSize(raw, first) or (top - bottom)
    bold = pdfium_c.FPDFText_GetFontWeight(raw, first) >= _BOLD_WEIGHT or _bold_name(raw, first)
    x, y = ctypes.c_double(), ctypes.c_double()
    base = y.value if pdfium_c.FPDFText_GetCharOrigin(raw, first, x, y) else bottom
    # ligatures, soft hyphens (one ending a line is a hyphenation: normalise joins the word), spaces
    text = normalise_characters(text)
    return Segment(left, right, page_top - top, page_top - bottom, text, size, bold, page_top - base)


def _bold_name(raw: _TextPageHandle, index: int) -> bool:
    """A font without a weight may still say it is bold in its name ("Arial-BoldMT", "VeraBd")."""
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    if not pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), flags):
        return False
    return bool(_BOLD_NAME_RE.search(name.value.decode("latin-1")))


def _segments_by_char(textpage: pdfium.PdfTextPage, page_top: float, start: int, count: int) -> list[Segment]:
    """Split characters into runs where the next character does not follow on the same line."""
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    runs: list[list[Any]] = []  # [x0, x1, y0, y1, chars, first index, font size]
    for index in range(start, start + count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in _LINE_END_HYPHENS:  # PDFium joins a hyphenated line end itself; normalise decides
            if runs:
                runs[-1][4].append("-")
            continue
        if code in (0x0D, 0x0A):
            continue
        char = chr(code)
        if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top) or char.isspace():
            if runs and char.isspace():
                runs[-1][4].append(" ")
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, index) or 10.0
        run = runs[-1] if runs else None
        if (
            run is not None
            and -0.5 * size <= left.value - run[1] <= _RUN_GAP * size
            and abs(bottom.value - run[2]) < 0.5 * size
            and abs(size - run[6]) <= _SIZE_STEP * max(size, run[6])
        ):
            run[1] = max(run[1], right.value)
            run[3] = max(run[3], top.value)
            run[4].append(char)
        else:
            runs.append([left.value, right.value, bottom.value, top.value, [char], index, size])
    out = []
    for x0, x1, y0, y1, chars, first, _ in runs:
        text = "".join(chars).strip()
        if text:
            out.append(_segment(raw, (x0, y0, x1, y1), text, first, page_top))
    return out


def _shades(page: pdfium.PdfPage, page_top: float) -> list[Shade]:
    """Areas large enough to be a box: filled with a colour, or framed by a stroked outline."""
    out = []
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if right - left < _MIN_SHADE or top - bottom < _MIN_SHADE:
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke):
            continue
        coloured = (
            fill.value != 0
            and pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            and a.value != 0
            and min(r.value, g.value, b.value) < _WHITE
        )
        if coloured or stroke.value:
            out.append(Shade(left, right, page_top - top, page_top - bottom))
    return out
