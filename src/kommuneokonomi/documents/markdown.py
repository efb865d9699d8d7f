"""Reader for markdown agreements: ATX headings, bold/italic, HTML tags, tab- or pipe-separated tables;
a paragraph or list item may go on over several lines."""

from __future__ import annotations

import html
import re

from kommuneokonomi.documents.base import ReadResult, decode_text, sniff_text
from kommuneokonomi.documents.html import read_fragment
from kommuneokonomi.documents.normalise import (
    BULLET_GLYPHS,
    _stops_mid_sentence,
    hyphenated_forms,
    join_lines,
)
from kommuneokonomi.models import Block, BlockKind, DocumentFormat

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_QUOTE_RE = re.compile(r"^\s{0,3}(?:>\s?)+")
#: a line that is not part of a wrapped paragraph: columns aligned with spaces ("Overførsler     65.900"),
#: or a caption of its own ("Tabel 1", "Boks 2. …")
_STANDS_ALONE_RE = re.compile(r"\S {2,}\S|^\s*(?:Tabel|Boks|Figur|Bilag)\s+\d{1,2}\b(?!\s+[a-zæøå])")
_RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
#: a list item: CommonMark's markers, or a bullet glyph a word processor's export leaves ("• 75 pct.")
_BULLET_RE = re.compile(rf"^\s*(?:[-*+]|[{BULLET_GLYPHS}])\s+(?=\S)")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_ALL_BOLD_SEGMENTS_RE = re.compile(r"^(?:\s*\*\*[^*]+\*\*\s*)+$")
_HTML_CELL_RE = re.compile(r"</t[dh]>", re.IGNORECASE)
#: an HTML table written over several lines (CommonMark's HTML block), read by the HTML reader up to its end
_HTML_TABLE_START_RE = re.compile(r"^\s*<table\b", re.IGNORECASE)
_HTML_TABLE_END_RE = re.compile(r"</table\s*>", re.IGNORECASE)
#: a border line of a grid table (pandoc's "+------+------+", "+======+" under the header): no text
_GRID_BORDER_RE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_PIPE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
#: a backslash escape (CommonMark: a backslash before ASCII punctuation stands for that character, as a
#: word processor's or pandoc's export writes "3\.200 mio\. kr\." or "\- 1,1 mia\.")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: escaped characters are kept apart from the markup while it is read, then given back
_ESCAPED_BASE = 0xF0000  # Unicode private use, plane 15: never in an agreement's text
#: a cell boundary: a tab, or a pipe that is not escaped
_CELL_SPLIT_RE = re.compile(r"\t+|\s*(?<!\\)\|\s*")


#: what pandoc writes from a Word document beside the text: a heading's attributes ("{#rammer .unnumbered}")
#: and an empty bookmark span ("[]{#_Toc123 .anchor}")
_ATTRIBUTES_RE = re.compile(r"\[\]\{#[^{}\n]*\}|\s*\{#[^{}\n]*\}\s*$")
#: pandoc's "--" for an en dash, the minus sign of a Word table's number ("--706,9")
_PANDOC_MINUS_RE = re.compile(r"(?<![\w-])--(?=\d)")


def strip_inline(text: str) -> str:
    r"""Remove HTML tags and emphasis markers, unescape entities and backslash escapes (an escaped "\*" is
    a star, not emphasis); pandoc's attributes go, its "--" before a number is a minus sign."""
    text = _ESCAPE_RE.sub(lambda m: chr(_ESCAPED_BASE + ord(m.group(1))), text)
    text = _PANDOC_MINUS_RE.sub("-", _ATTRIBUTES_RE.sub("", text))
    text = _TAG_RE.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS_RE.sub(r"\2", text)
    return _unprotect(html.unescape(text)).strip()


def _unprotect(text: str) -> str:
    return re.sub("[\U000f0021-\U000f007e]", lambda m: chr(ord(m.group(0)) - _ESCAPED_BASE), text)


def looks_like_markdown(text: str) -> bool:
    sample = text[:200_000].split("\n")
    headings = sum(1 for ln in sample if _HEADING_RE.match(ln))
    markup = sum(1 for ln in sample if "**" in ln or "<b>" in ln or _RULE_RE.match(ln))
    return headings >= 2 or (headings >= 1 and markup >= 2)


class MarkdownReader:
    format: DocumentFormat = "markdown"

    def accepts(self, data: bytes, suffix: str) -> bool:
        if data.startswith(b"%PDF"):
            return False
        if suffix in (".md", ".markdown"):
            return True
        return looks_like_markdown(sniff_text(data))

    def read(self, data: bytes) -> ReadResult:
        text, encoding = decode_text(data)
        lines = text.split("\n")
        # evidence for keeping a hyphen at a line end, read only when a line ends in one
        forms = hyphenated_forms(lines) if any(ln.rstrip().endswith("-") for ln in lines) else set()
        blocks: list[Block] = []
        # a paragraph or bullet the next line continues: a soft line break (CommonMark), as pandoc and
        # editors that wrap at a fixed width write a paragraph over several lines
        open_block: Block | None = None
        table_end = 0  # the last line of an HTML table already read
        for number, raw in enumerate(lines, start=1):
            if number <= table_end:
                continue
            raw = _QUOTE_RE.sub("", raw)  # a block quote ("> Aftalen kort") reads as its lines
            if _HTML_TABLE_START_RE.match(raw):
                table_end = _html_table_end(lines, number)
                if table_end > number:
                    chunk = "\n".join(_QUOTE_RE.sub("", ln) for ln in lines[number - 1 : table_end])
                    blocks.extend(read_fragment(chunk, number))
                    open_block = None
                    continue
            raw = raw.rstrip(" \t")  # trailing white space (a tab left by an export) ends no cell
            if raw.endswith("\\") and not raw.endswith("\\\\"):  # a hard line break: the paragraph goes on
                raw = raw[:-1]
            if not raw.strip() or _RULE_RE.match(raw):
                open_block = None
                continue
            new = _line_blocks(raw, number)
            goes_on = len(new) == 1 and new[0].kind == "paragraph" and not _STANDS_ALONE_RE.search(raw)
            if open_block is not None and goes_on and not _leaves_the_list(open_block, raw, new[0].text):
                joined, _ = join_lines(open_block.text, new[0].text, forms)
                open_block.offsets.append((len(joined) - len(new[0].text), number))
                open_block.text = joined
                continue
            blocks.extend(new)
            last = new[-1] if new else None
            alone = _STANDS_ALONE_RE.search(raw) is not None
            open_block = (
                last if last is not None and last.kind in ("paragraph", "bullet") and not alone else None
            )
        notes = [] if encoding == "utf-8" else [encoding]
        return ReadResult(blocks=blocks, n_lines=text.count("\n") + 1, encoding=encoding, notes=notes)


def _leaves_the_list(item: Block, raw: str, text: str) -> bool:
    """Is the line after a list item the paragraph after the list? A word processor's export writes no
    blank line there ("- 25 pct. i 2060" / "Herefter bortfalder tilskuddet."), and indents a wrapped
    item's lines: an unindented line that opens with a capital, after an item that may end there (not on
    a comma, a hyphen or a preposition), starts a paragraph of its own."""
    if item.kind != "bullet" or raw[:1].isspace() or not text[:1].isupper():
        return False
    return not item.text.rstrip().endswith((",", "-", ":")) and not _stops_mid_sentence(item.text)


def _html_table_end(lines: list[str], start: int) -> int:
    """The line (1-based) that closes the HTML table opened on line `start`, or 0 when none does."""
    for number in range(start, len(lines) + 1):
        if _HTML_TABLE_END_RE.search(lines[number - 1]):
            return number
    return 0


def _line_blocks(raw: str, number: int) -> list[Block]:
    def block(kind: BlockKind, text: str, cells: list[str] | None = None) -> Block:
        return Block(kind=kind, text=text, offsets=[(0, number)], cells=cells)

    if _GRID_BORDER_RE.match(raw):
        return []
    heading = _HEADING_RE.match(raw)
    if heading:
        return [block("heading", t) for t in _split_bold_segments(heading.group(2))]
    if _HTML_CELL_RE.search(raw):  # an HTML table row on one line: <tr><td>…</td><td>…</td></tr>
        cells = [c for c in (strip_inline(c) for c in _HTML_CELL_RE.split(raw)) if c]
        if len(cells) >= 2:
            return [block("table_row", " ".join(cells), cells)]
    if "\t" in raw or raw.lstrip().startswith("|"):
        if _PIPE_SEPARATOR_RE.match(raw):
            return []
        cells = [strip_inline(c) for c in _CELL_SPLIT_RE.split(raw.strip().strip("|"))]
        piped = raw.lstrip().startswith("|")
        if piped and raw.rstrip().endswith("|") and len(cells) >= 2 and any(cells) and not any(cells[1:]):
            # a group title in a row of its own ("| **Finansiering** | | |"): a row of the table, so
            # that the table goes on under it
            return [block("table_row", cells[0], cells)]
        # an empty cell of a pipe table keeps its column ("| Midtvejsregulering | -850 | |"); a tab
        # table's run of tabs makes none
        cells = cells if piped and any(cells[1:]) else [c for c in cells if c]
        if len([c for c in cells if c]) >= 2:
            return [block("table_row", " ".join(cells), cells)]
    if _ALL_BOLD_SEGMENTS_RE.match(raw) or (raw.strip().startswith("<b>") and raw.strip().endswith("</b>")):
        return [block("heading", t) for t in _split_bold_segments(raw)]
    bullet = _BULLET_RE.match(raw)
    if bullet:
        return [block("bullet", strip_inline(raw[bullet.end() :]))]
    return [block("paragraph", strip_inline(raw))]


def _split_bold_segments(text: str) -> list[str]:
    """ "**Tabel 1****Balance for kommunerne i 2019**" is two headings on one source line."""
    parts = [strip_inline(p.strip().strip("*")) for p in re.split(r"\*\*\s*\*\*", text.strip())]
    return [p for p in parts if p]
