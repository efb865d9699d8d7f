"""Build the development set's PDF agreements from their story files with reportlab platypus.

A story file (`<name>.story`) is a small markup written by hand for this set (not corpus text):

    @header <running header>           @footer <running footer; "{page}" is the page number>
    # <title line>                     consecutive lines make a title over several lines
    ## <chapter heading>               ### <sub-heading>
    [boks <caption>] ... [/boks]       a shaded box; paragraphs and sub-headings inside
    [tabel] | a | b | ... [/tabel]     a grid table; the first row is the header, it repeats on a new page
    [side]                             a page break
    blank-line separated paragraphs (justified); **bold** inline; lines starting "- " are bullets

The PDFs are built deterministically (`invariant=1`): the same story gives the same bytes, which
`tests/test_devset.py` checks against the committed PDF.

    python tests/devset/pdfbuild.py tests/devset/seen/aftale_2025.story   # writes aftale_2025.pdf beside it
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

_FONTS = {"DevVera": "Vera.ttf", "DevVera-Bold": "VeraBd.ttf", "DevVera-Italic": "VeraIt.ttf"}


def _register_fonts() -> None:
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(
        "DevVera", normal="DevVera", bold="DevVera-Bold", italic="DevVera-Italic", boldItalic="DevVera-Bold"
    )


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName="DevVera", fontSize=9.5, leading=13, alignment=TA_JUSTIFY, spaceAfter=6
    )
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2),
        "title": ParagraphStyle("title", fontName="DevVera-Bold", fontSize=20, leading=25, spaceAfter=2),
        "h2": ParagraphStyle(
            "h2", fontName="DevVera-Bold", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=6
        ),
        "h3": ParagraphStyle(
            "h3", fontName="DevVera-Bold", fontSize=10, leading=13, spaceBefore=6, spaceAfter=3
        ),
        "boxhead": ParagraphStyle("boxhead", fontName="DevVera-Bold", fontSize=10, leading=13, spaceAfter=4),
    }


def _inline(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)


def _paragraphs(lines: list[str], st: dict[str, ParagraphStyle]) -> list:
    """Paragraphs, bullets and sub-headings of a run of story lines."""
    out: list = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Paragraph(_inline(" ".join(buf)), st["body"]))
            buf.clear()

    for line in lines:
        if not line.strip():
            flush()
        elif line.startswith("### "):
            flush()
            out.append(Paragraph(_inline(line[4:]), st["h3"]))
        elif line.startswith("- "):
            flush()
            out.append(Paragraph(_inline(line[2:]), st["bullet"], bulletText="•"))
        else:
            buf.append(line.strip())
    flush()
    return out


def _table(rows: list[list[str]], st: dict[str, ParagraphStyle]) -> Table:
    """A grid table; a cell written **bold** is set in the bold face."""
    data = [[re.sub(r"\*\*(.+?)\*\*", r"\1", c) for c in row] for row in rows]
    ncols = len(rows[0])
    widths = [80 * mm] + [28 * mm] * (ncols - 1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), "DevVera"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("FONTNAME", (0, 0), (-1, 0), "DevVera-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ec")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.startswith("**"):
                style.append(("FONTNAME", (c, r), (c, r), "DevVera-Bold"))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _box(flowables: list, caption: str, st: dict[str, ParagraphStyle]) -> Table:
    inner = [Paragraph(_inline(caption), st["boxhead"]), *flowables]
    box = Table([[inner]], colWidths=[165 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef2e6")),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#7a8f5a")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def parse_story(text: str) -> tuple[dict[str, str], list]:
    """The story's running texts and its flowables."""
    st = _styles()
    furniture = {"header": "", "footer": "{page}"}
    story: list = []
    lines = text.split("\n")
    title: list[str] = []
    i = 0
    pending: list[str] = []

    def flush_pending() -> None:
        story.extend(_paragraphs(pending, st))
        pending.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("@header ") or line.startswith("@footer "):
            furniture[line[1:7]] = line[8:].strip()
        elif line.startswith("# "):
            flush_pending()
            title.append(line[2:].strip())
            if not (i + 1 < len(lines) and lines[i + 1].startswith("# ")):
                story.append(Paragraph("<br/>".join(_inline(t) for t in title), st["title"]))
                story.append(Spacer(1, 8))
                title = []
        elif line.startswith("## "):
            flush_pending()
            story.append(Paragraph(_inline(line[3:]), st["h2"]))
        elif line.strip() == "[side]":
            flush_pending()
            story.append(PageBreak())
        elif line.startswith("[boks "):
            flush_pending()
            caption = line[6:].rstrip("]").strip()
            j = lines.index("[/boks]", i)
            story.append(Spacer(1, 4))
            story.append(_box(_paragraphs(lines[i + 1 : j], st), caption, st))
            story.append(Spacer(1, 8))
            i = j
        elif line.strip() == "[tabel]":
            flush_pending()
            j = lines.index("[/tabel]", i)
            rows = [
                [c.strip() for c in r.strip().strip("|").split("|")] for r in lines[i + 1 : j] if r.strip()
            ]
            story.append(_table(rows, st))
            story.append(Spacer(1, 8))
            i = j
        else:
            pending.append(line)
        i += 1
    flush_pending()
    return furniture, story


def build_pdf(story_path: Path, target: Path | None = None) -> Path:
    """Render one story file to a PDF (default: the same name with .pdf)."""
    _register_fonts()
    target = target or story_path.with_suffix(".pdf")
    furniture, story = parse_story(story_path.read_text("utf-8"))

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DevVera", 7.5)
        width, height = A4
        canvas.drawString(20 * mm, height - 12 * mm, furniture["header"])
        canvas.line(20 * mm, height - 13.5 * mm, width - 20 * mm, height - 13.5 * mm)
        canvas.drawRightString(width - 20 * mm, 10 * mm, furniture["footer"].format(page=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        invariant=1,
        title="",
        author="",
        creator="kommuneokonomi devset",
        producer="kommuneokonomi devset",
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return target


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(build_pdf(Path(arg)))
