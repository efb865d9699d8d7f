"""Agreements saved as web pages: each corpus agreement published as a ministry page would publish it
(navigation, scripts, a cookie banner, the agreement as headings, paragraphs, lists and tables in an
<article>) gives the figures of the text path, from the same sections. Small pages written for the tests
check the reader's rules."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kommuneokonomi.documents import DocumentError, parse_document, read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.models import Document

from conftest import corpus_files

_PAGE_TOP = """<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><title>{title} | Ministeriet</title>
<style>body {{ font-family: sans-serif }}</style>
<script>window.dataLayer = [{{"page": "aftale 2024 Servicerammen 1.000 mio. kr."}}];</script>
</head>
<body>
<nav><ul><li><a href="/">Forside</a></li><li><a href="/n">Nyheder 2023: 5 mia. kr.</a></li></ul></nav>
<div class="cookie"><p>Vi bruger cookies.</p><button>Accepter 2 cookies</button></div>
<main><article>
"""
_PAGE_END = """</article></main>
<footer><p>Ministeriet · Slotsholmsgade 1 · 1216 København K</p></footer>
<script src="/js/site.js"></script>
</body></html>
"""


def as_web_page(document: Document) -> str:
    """The document's blocks as a page: a heading a <h2> (the first an <h1>), paragraphs, bullets as
    list items and table rows as rows of one table, every text HTML-escaped."""
    out: list[str] = []
    in_list = in_table = False
    for k, block in enumerate(document.blocks):
        if block.kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        if block.kind != "table_row" and in_table:
            out.append("</table>")
            in_table = False
        text = html.escape(block.text)
        if block.kind == "heading":
            out.append(f"<h1>{text}</h1>" if k == 0 else f"<h2>{text}</h2>")
        elif block.kind == "bullet":
            out.append("<ul>" if not in_list else "")
            out.append(f"  <li>{text}</li>")
            in_list = True
        elif block.kind == "table_row":
            out.append("<table>" if not in_table else "")
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in block.cells or [block.text])
            out.append(f"  <tr>{cells}</tr>")
            in_table = True
        else:
            # a long paragraph wrapped over several source lines, as an editor writes it
            wrapped = re.sub(r"(.{70,}?) ", lambda m: m.group(1) + "\n", text)
            out.append(f"<p>{wrapped}</p>")
    out.append("</ul>" if in_list else "")
    out.append("</table>" if in_table else "")
    title = html.escape(document.blocks[0].text)
    return _PAGE_TOP.format(title=title) + "\n".join(out) + "\n" + _PAGE_END


@pytest.mark.parametrize("source", corpus_files(), ids=lambda p: p.name[:3])
def test_the_corpus_as_a_web_page_yields_the_text_path_figures(tmp_path: Path, source: Path):
    from_text = extract(read_document(source))
    page = tmp_path / (source.stem + ".html")
    page.write_text(as_web_page(from_text.document), "utf-8")
    from_page = extract(read_document(page))
    assert from_page.meta.format == "html"
    assert {k: f.value for k, f in from_page.figures.items()} == {
        k: f.value for k, f in from_text.figures.items()
    }
    assert (from_page.meta.year, from_page.meta.date) == (from_text.meta.year, from_text.meta.date)
    for key, fig in from_page.figures.items():
        if fig.source is not None:
            assert fig.source.section == from_text.figures[key].source.section, key
            line = page.read_text("utf-8").split("\n")[fig.source.line_start - 1]
            assert "<" in line, (key, line)  # the cited line is on the page, at the element


PAGE = """<!doctype html><html><head><title>x</title></head><body>
<nav>Forside · Aftale om kommunernes økonomi for 1999</nav>
<h1>Aftale om kommunernes økonomi for 2052</h1>
<p>2. juni 2051</p>
<h2>1. Økonomien i 2052</h2>
<p>Regeringen og KL er enige om, at <strong>servicerammen</strong> i 2052 udgør
   612.400 mio.&nbsp;kr.</p>
<ul><li><p>Anlægsniveauet er aftalt til 30,1 mia. kr.</p></li></ul>
<p><b>Tabel 1</b></p>
<table>
<thead><tr><th>Mio. kr.</th><th>Aftale 2052</th></tr></thead>
<tr><td>Serviceudgifter</td><td>612.400</td></tr>
<tr><td><p>Bruttoanlæg</p></td><td>30.100</td></tr>
</table>
<script>var serviceramme = "999.999 mio. kr.";</script>
</body></html>
"""


def test_a_page_is_read_by_its_elements():
    document = parse_document(PAGE.encode(), "aftale.html", ".html")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[:5] == [
        ("heading", "Aftale om kommunernes økonomi for 2052"),
        ("paragraph", "2. juni 2051"),
        ("heading", "1. Økonomien i 2052"),
        ("paragraph", "Regeringen og KL er enige om, at servicerammen i 2052 udgør 612.400 mio. kr."),
        ("bullet", "Anlægsniveauet er aftalt til 30,1 mia. kr."),
    ]
    assert ("heading", "Tabel 1") in kinds  # a paragraph wholly in bold
    rows = [b.cells for b in document.blocks if b.kind == "table_row"]
    assert rows == [["Mio. kr.", "Aftale 2052"], ["Serviceudgifter", "612.400"], ["Bruttoanlæg", "30.100"]]
    assert not any("999.999" in b.text or "Forside" in b.text for b in document.blocks)
    assert (
        document.blocks[3].line_start
        == PAGE.split("\n").index(
            "<p>Regeringen og KL er enige om, at <strong>servicerammen</strong> i 2052 udgør"
        )
        + 1
    )
    figures = extract(document).figures
    assert figures["aar"].value == 2052 and figures["serviceramme"].value == Decimal(612400)


def test_a_page_is_recognised_without_its_suffix_and_in_windows_1252():
    document = parse_document(PAGE.replace("utf-8", "windows-1252").encode("cp1252"), "aftale", "")
    assert document.format == "html" and document.encoding == "cp1252"
    assert document.blocks[0].text == "Aftale om kommunernes økonomi for 2052"


def test_a_page_without_text_is_refused_with_the_reason():
    with pytest.raises(DocumentError, match="websiden indeholder ingen tekst"):
        parse_document(
            b"<!DOCTYPE html><html><head><script>x()</script></head><body><nav>Menu</nav></body></html>",
            "a.html",
            ".html",
        )


@pytest.mark.parametrize(
    "stamp", ["Publiceret 3. juni 2051", "Senest opdateret: 4. juni 2051", "Offentliggjort den 5. juni 2051"]
)
def test_the_pages_own_date_is_not_the_agreements(stamp):
    """A page's publication or update date gives way to the agreement's signature date (or none)."""
    signed = PAGE.replace("<p>2. juni 2051</p>", f"<p>{stamp}</p>").replace(
        "</table>", "</table>\n<p>København, den 1. juni 2051</p>"
    )
    figures = extract(parse_document(signed.encode(), "aftale.html", ".html")).figures
    assert figures["aftale_dato"].value == "2051-06-01"
    unsigned = PAGE.replace("<p>2. juni 2051</p>", f"<p>{stamp}</p>")
    assert (
        extract(parse_document(unsigned.encode(), "aftale.html", ".html")).figures["aftale_dato"].value
        is None
    )
