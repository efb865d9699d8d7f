"""Typographic noise as PDF extraction and word processors leave it, as transforms of a document's text.

Every transform keeps what the text says: it changes only how it is typed or laid out. Each takes the
text, the document's format ("text" for PDF-extracted text, "markdown") and a `random.Random`, and
returns the noisy text; a transform that does not apply to the format returns the text unchanged.
Used by tests/test_noise_properties.py, which applies them to the corpus and the development set.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Transform = Callable[[str, str, random.Random], str]

SOFT_HYPHEN = "\u00ad"
#: characters typeset as a thousands separator instead of "." (no-break, thin, narrow no-break space)
THOUSANDS_SPACES = ("\u00a0", "\u2009", "\u202f")
#: the minus sign, the en dash, the figure dash and the Danish accountant's "÷"
MINUS_SIGNS = ("\u2212", "\u2013", "\u2012", "\u00f7")
#: footnote markers a word processor sets as superscripts, or a PDF's text layer gives as characters
FOOTNOTE_MARKS = ("\u00b9", "\u00b2", "\u00b3", "\u2074", "\u00b9\u2070", "\u2020")
LIGATURES = (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02"))

_WORD_RE = re.compile(r"(?<![\w\-])[a-zæøå]{6,}(?![\w\-])")
_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d{1,3})((?:\.\d{3})+)(?![\d.]\d|\d)")
_SIGN_RE = re.compile(r"(?<=[\s(|>])-(?=\d)|^-(?=\d)", re.MULTILINE)
_UNIT_RE = re.compile(r"\b(mia|mio)\. kr\.")
_QUOTED_RE = re.compile(r'"([^"\n]{1,200})"')
_LAST_WORD_RE = re.compile(r"(?<![\w\-])([a-zæøå]{7,})$")


def _pick(rng: random.Random, items: list, share: float = 0.5) -> list:
    """A random, non-empty (if possible) subset of the items."""
    if not items:
        return []
    chosen = [x for x in items if rng.random() < share]
    return chosen or [rng.choice(items)]


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for a, b, new in sorted(spans):
        out.append(text[last:a])
        out.append(new)
        last = b
    out.append(text[last:])
    return "".join(out)


def _markdown_structure(line: str) -> bool:
    """A markdown line whose first characters carry markup (heading, table, bullet, HTML)."""
    return line.lstrip().startswith(("#", "|", "<", "-", "*", "+"))


def soft_hyphens(text: str, fmt: str, rng: random.Random) -> str:
    """Soft hyphens (U+00AD) inside words, as hyphenation points a typesetter left in the text."""
    spans = []
    for m in _pick(rng, list(_WORD_RE.finditer(text)), 0.3):
        cut = m.start() + rng.randint(2, len(m.group(0)) - 2)
        spans.append((cut, cut, SOFT_HYPHEN))
    return _replace_spans(text, spans)


def thousands_spaces(text: str, fmt: str, rng: random.Random) -> str:
    """ "251.934" typeset "251 934" with a no-break, thin or narrow no-break space."""
    space = rng.choice(THOUSANDS_SPACES)
    spans = []
    for m in _pick(rng, list(_THOUSANDS_RE.finditer(text)), 0.7):
        spans.append((m.start(2), m.end(2), m.group(2).replace(".", space)))
    return _replace_spans(text, spans)


def minus_signs(text: str, fmt: str, rng: random.Random) -> str:
    """A hyphen-minus before a number typeset as a minus sign (U+2212) or an en dash."""
    sign = rng.choice(MINUS_SIGNS)
    return _replace_spans(text, [(m.start(), m.end(), sign) for m in _SIGN_RE.finditer(text)])


def ligatures(text: str, fmt: str, rng: random.Random) -> str:
    """ "fi", "fl", "ff", "ffi", "ffl" as the ligature characters a PDF's font maps them to."""
    for plain, glyph in LIGATURES:
        if rng.random() < 0.8:
            text = text.replace(plain, glyph)
    return text


def unit_spacing(text: str, fmt: str, rng: random.Random) -> str:
    """ "mia. kr." written "mia.kr." and, inside a sentence, "mio.kr" without its last full stop."""

    def squeeze(m: re.Match[str]) -> str:
        after = text[m.end() : m.end() + 2]
        inside = bool(re.match(r"[,;)]|\s[a-zæøå]", after))
        return f"{m.group(1)}.kr" if inside and rng.random() < 0.5 else f"{m.group(1)}.kr."

    return _UNIT_RE.sub(squeeze, text)


def curly_quotes(text: str, fmt: str, rng: random.Random) -> str:
    """Straight quotes as typographic ones (“…”, „…“, »…«) and apostrophes as ’."""
    opening, closing = rng.choice((("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00bb", "\u00ab")))
    text = _QUOTED_RE.sub(lambda m: f"{opening}{m.group(1)}{closing}", text)
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def crlf(text: str, fmt: str, rng: random.Random) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def bom(text: str, fmt: str, rng: random.Random) -> str:
    """A byte-order mark before the text."""
    return "\ufeff" + text


def tabs(text: str, fmt: str, rng: random.Random) -> str:
    """Tabs where extraction leaves them: trailing a line, indenting one and (in PDF-extracted prose)
    between two words."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip() or rng.random() > 0.3:
            continue
        cr = "\r" if line.endswith("\r") else ""
        line = line.removesuffix("\r")
        if fmt == "text" and len(line) > 50 and not re.search(r"\d\s*$|\s{2,}", line):
            spaces = [m.start() for m in re.finditer(r"(?<=[a-zæøå]) (?=[a-zæøå])", line)]
            if spaces:
                k = rng.choice(spaces)
                line = line[:k] + "\t" + line[k + 1 :]
            line = "\t" + line.lstrip(" ")
        lines[i] = line.rstrip(" ") + "\t" + cr
    return "\n".join(lines)


def _prose_lines(lines: list[str]) -> list[int]:
    """Indices of lines that end mid-sentence in a lower-case word and go on in a later line."""
    out = []
    for i, line in enumerate(lines):
        s = line.rstrip()
        if len(s) < 50 or not _LAST_WORD_RE.search(s):
            continue
        nxt = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        if nxt is not None and lines[nxt].lstrip()[:1].islower():
            out.append(i)
    return out


def line_hyphenation(text: str, fmt: str, rng: random.Random) -> str:
    """A word hyphenated over a line break: "… service-" / "rammen …" (PDF-extracted text only)."""
    if fmt != "text":
        return text
    lines = text.split("\n")
    for i in _pick(rng, _prose_lines(lines), 0.4):
        s = lines[i].rstrip()
        m = _LAST_WORD_RE.search(s)
        assert m is not None
        word = m.group(1)
        cut = rng.randint(3, len(word) - 3)
        j = next(j for j in range(i + 1, len(lines)) if lines[j].strip())
        lines[i] = s[: m.start(1)] + word[:cut] + "-"
        lines[j] = word[cut:] + " " + lines[j].lstrip()
    return "\n".join(lines)


def page_breaks(text: str, fmt: str, rng: random.Random) -> str:
    """A page break inside a sentence: page number, form feed and running header between its lines
    (PDF-extracted text only)."""
    if fmt != "text":
        return text
    year = re.search(r"økonomi for (\d{4})", text)
    header = f"Aftale om kommunernes økonomi for {year.group(1)}" if year else "Side"
    lines = text.split("\n")
    chosen = set(_pick(rng, _prose_lines(lines), 0.15))
    out = []
    page = 2
    for i, line in enumerate(lines):
        out.append(line)
        if i in chosen:
            style = rng.randrange(5)
            if style == 0:
                out += ["", f"{page}", "\f" + header, ""]
            elif style == 1:
                out += [f"{header} ꞏ Side {page}", ""]
            elif style == 2:
                out += ["", f"- {page} -", ""]
            elif style == 3:  # a running header with its page number set off by a wide gap, no form feed
                out += ["", f"{header}{' ' * rng.randint(4, 30)}{page}", ""]
            else:
                out += ["", f"Side {page} af 40", ""]
            page += 1
    return "\n".join(out)


_MARKED_RE = re.compile(r"\d(?= (?:mia|mio)\.)|(?<=[a-zæøå]{6})(?=[ ,])|(?<=[a-zæøå]{3}\.)(?= [A-ZÆØÅ])")


def footnote_marks(text: str, fmt: str, rng: random.Random) -> str:
    """A footnote marker glued to an amount ("26,3¹ mia. kr."), a word ("servicerammen²") or a sentence's
    full stop ("… i 2038.³ Tilskuddet") — not in a markdown line's markup."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if (fmt == "markdown" and _markdown_structure(line)) or rng.random() > 0.3:
            continue
        spots = _pick(rng, list(_MARKED_RE.finditer(line)), 0.3)
        mark = rng.choice(FOOTNOTE_MARKS)
        lines[k] = _replace_spans(line, [(m.end(), m.end(), mark) for m in spots])
    return "\n".join(lines)


#: every transform, by name
TRANSFORMS: dict[str, Transform] = {
    f.__name__: f
    for f in (
        soft_hyphens,
        thousands_spaces,
        minus_signs,
        ligatures,
        unit_spacing,
        curly_quotes,
        line_hyphenation,
        page_breaks,
        crlf,
        tabs,
        bom,
    )
}


def markdown_wrap(text: str, fmt: str, rng: random.Random) -> str:
    """Markdown paragraphs wrapped at a fixed width, as pandoc writes them (a soft line break)."""
    if fmt != "markdown":
        return text
    width = rng.randint(60, 100)
    out = []
    for line in text.split("\n"):
        if len(line) <= width or _markdown_structure(line) or not line[:1].isalpha():
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out)


TRANSFORMS["markdown_wrap"] = markdown_wrap


def plain_thousands_spaces(text: str, fmt: str, rng: random.Random) -> str:
    """ "227.940 mio. kr." typed "227 940 mio. kr." with a plain space (an extractor that flattens the
    no-break space), and so in the aligned columns of a PDF-text table ("Serviceudgifter   251 934")."""
    spans = []
    for m in _pick(rng, list(_THOUSANDS_RE.finditer(text)), 0.7):
        after = text[m.end() : m.end() + 12]
        amount = re.match(r",?\d* ?(?:mia|mio|kr|pct)\b", after)
        line_end = text.find("\n", m.end())
        cell = fmt == "text" and re.match(r"(?:,\d+)?(?:\s{2,}|\t|\s*$)", text[m.end() : line_end])
        before = text[max(0, m.start() - 2) : m.start()]
        if amount or (cell and (before.endswith("  ") or before.endswith("\t") or before.endswith(" -"))):
            spans.append((m.start(2), m.end(2), m.group(2).replace(".", " ")))
    return _replace_spans(text, spans)


TRANSFORMS["plain_thousands_spaces"] = plain_thousands_spaces
TRANSFORMS["footnote_marks"] = footnote_marks
