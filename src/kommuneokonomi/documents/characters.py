"""One character normalisation for every reader: the typography of a PDF or word processor made plain.

What an agreement says does not depend on how it was typeset, so before any layout or number is read:

- a soft hyphen (U+00AD) ending a line is a hyphenation ("service\u00ad" / "rammen"): it becomes "-" and
  the line join decides; anywhere else it is an invisible hyphenation point and goes, as do zero-width
  spaces and joiners and a byte-order mark inside the text;
- ligatures ("ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ") are spelled out;
- a no-break, thin, narrow or figure space between digit groups is a thousands separator ("1 234,5")
  and becomes the Danish "." ("1.234,5"); elsewhere such spaces (and the other typographic spaces) are
  a plain space;
- the minus sign (U+2212), the figure dash (U+2012), the small and full-width hyphen-minus (U+FE63,
  U+FF0D) and the typographic hyphens (U+2010, U+2011) are the hyphen-minus; so is the division sign
  "÷" before a number ("÷0,6 mia. kr.", "÷ 350 mio. kr."), the Danish accountant's minus, but not
  between two numbers ("10 ÷ 2") nor before a word ("÷ moms");
- an amount with plain spaces between its digit groups before its unit ("227 940 mio. kr.", as
  extraction leaves a no-break space) is written with "." too ("227.940 mio. kr.");
- a footnote marker set as superscript digits or a dagger glued to a number, a word or a punctuation
  mark ("26,3¹ mia. kr.", "servicerammen²", "1,5† mia. kr.", "2,6 %¹", "… i 2038.² Tilskuddet") goes: it
  would merge with the number, hide the word or the end of the sentence; a unit's power ("m²", "km²")
  stays.
- a footnote marker typed as a number and a parenthesis after an amount, where the parenthesis closes
  nothing, goes too: before the amount's unit ("Heraf fordeles 3,0 5) mia. kr.") or ending the line, as
  in a table cell ("heraf betinget bloktilskud   ÷3,0   ÷4,0 3)"); "(i alt 7,5 mia. kr. i 2058)" keeps
  its parenthesis.

Typographic quotes (“ ” „ » « ’) stay as printed: nothing reads a figure through them, and the text
shown with a figure or a commitment is the agreement's own.
"""

from __future__ import annotations

import re

#: spaces a typesetter uses inside numbers ("1 234") and between a number and its unit
_NUMBER_SPACES = "\u00a0\u2007\u2009\u202f"
_THOUSANDS_RE = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_NUMBER_SPACES}]\d{{3}})+(?![\d.]\d|\d)")
_LINE_END_SOFT_HYPHEN_RE = re.compile(r"\u00ad[ \t]*(?=\n|$)")
_SPACE_IN_NUMBER_RE = re.compile(rf"\d[{_NUMBER_SPACES}]\d")
_PLAIN: dict[str, str] = {
    "\u00ad": "",  # soft hyphen (not at a line end)
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # byte-order mark / zero-width no-break space
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    **dict.fromkeys(_NUMBER_SPACES + "\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u205f\u3000", " "),
    "\u2212": "-",  # minus sign
    "\u2012": "-",  # figure dash
    "\ufe63": "-",  # small hyphen-minus
    "\uff0d": "-",  # full-width hyphen-minus
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
}
#: "÷" as a minus sign: before a number, not after one
_DIVISION_MINUS_RE = re.compile(r"(?<!\d)(?<!\d )÷(?= ?\d)")
#: a footnote marker glued on: superscript digits (with a superscript parenthesis) or daggers
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[^\W_]|[.,;:)%])(?<!\bm)(?<!\b[kcdm]m)[¹²³\u2070\u2074-\u2079\u207e†‡]+")
#: a footnote marker typed after an amount: " 5)" before "mia."/"mio." or at the end of the line
_TYPED_MARK_RE = re.compile(r"(?<=\d) \d{1,2}\)(?= ?(?:mia|mio)\b|[ \t\r]*(?:\n|$))")
_ANY_RE = re.compile("[" + "".join(re.escape(c) for c in _PLAIN) + "]")
_SPACED_DIGITS_RE = re.compile(r"\d \d\d\d")  # a cheap test before the one with look-arounds
_SPACED_AMOUNT_RE = re.compile(
    r"(?<![\d.,])\d{1,3}(?: \d{3})+(?:,\d+)?(?= ?(?:mia\b|mio\b|milliard|million|kr\b|pct\b|procent\b|%))"
)


def normalise_characters(text: str) -> str:
    """The text with its typography made plain (see the module docstring); line breaks are kept."""
    if _FOOTNOTE_MARK_RE.search(text):  # first: a mark parts an amount from its unit ("1 150³ mio. kr.")
        text = _FOOTNOTE_MARK_RE.sub("", text)
    if ")" in text and _TYPED_MARK_RE.search(text):
        text = _TYPED_MARK_RE.sub(lambda m: m.group(0) if _inside_parentheses(text, m.start()) else "", text)
    if "÷" in text:
        text = _DIVISION_MINUS_RE.sub("-", text)
    if _SPACED_DIGITS_RE.search(text) and _SPACED_AMOUNT_RE.search(text):
        text = _SPACED_AMOUNT_RE.sub(lambda m: m.group(0).replace(" ", "."), text)
    if not _ANY_RE.search(text):
        return text
    text = _LINE_END_SOFT_HYPHEN_RE.sub("-", text)
    if _SPACE_IN_NUMBER_RE.search(text):
        text = _THOUSANDS_RE.sub(lambda m: re.sub(f"[{_NUMBER_SPACES}]", ".", m.group(0)), text)
    return _ANY_RE.sub(lambda m: _PLAIN[m.group(0)], text)


def _inside_parentheses(text: str, at: int) -> bool:
    """Does a parenthesis opened earlier on the line stand open at position `at`?"""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("(") > line.count(")")
