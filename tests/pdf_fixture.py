"""Render a PDF-extracted corpus text file back into a real PDF (reportlab), for the PDF reader's tests.

Pages break where the original's pages did (pdftotext marks a page start with a leading space); every
page gets a running header and a "Side N af M" footer, which the reader must drop.
"""

from __future__ import annotations

import os
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HEADER = "Økonomiaftale · Regeringen og KL"
FONT = "Vera"
#: glyphs the bundled font lacks, replaced as a PDF producer would
REPLACE = {"\uf0b7": "•", "ꞏ": "·"}
_MARGIN, _SIZE, _LEADING = 40, 8, 9.5


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
        pdfmetrics.registerFont(TTFont(FONT, path))


def original_pages(text: str) -> list[list[str]]:
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.startswith(" ") and not line.startswith("  ") and line.strip() and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return pages


def render_pdf(source: Path, target: Path, encrypt_password: str | None = None) -> Path:
    _register_font()
    text = source.read_text("utf-8")
    for old, new in REPLACE.items():
        text = text.replace(old, new)
    width, height = A4
    per_page = int((height - 2 * _MARGIN - 30) / _LEADING)
    pages: list[list[str]] = []
    for page in original_pages(text):
        lines = [ln for ln in page if ln.strip()]
        pages.extend(lines[i : i + per_page] for i in range(0, max(1, len(lines)), per_page))
    c = canvas.Canvas(str(target), pagesize=A4)
    if encrypt_password:
        c.setEncrypt(encrypt_password)
    for number, lines in enumerate(pages, start=1):
        c.setFont(FONT, 7)
        c.drawString(_MARGIN, height - _MARGIN + 10, HEADER)
        c.drawRightString(width - _MARGIN, _MARGIN - 20, f"Side {number} af {len(pages)}")
        c.setFont(FONT, _SIZE)
        y = height - _MARGIN - 15
        for line in lines:
            c.drawString(_MARGIN, y, line.strip())
            y -= _LEADING
        c.showPage()
    c.save()
    return target
