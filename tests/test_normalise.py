"""Normalisation: Danish hyphenation, page furniture, bullets, paragraphs and the line map."""

from __future__ import annotations

import pytest

from kommuneokonomi.documents import parse_document
from kommuneokonomi.documents.normalise import join_lines


@pytest.mark.parametrize(
    ("prev", "nxt", "joined"),
    [
        ("samt den videre ud-", "vikling af velfærden", "samt den videre udvikling af velfærden"),
        ("Regerin-", "gen og KL", "Regeringen og KL"),
        ("både midt-", "og langsigtet", "både midt- og langsigtet"),
        ("fællesoffentlige it-", "systemer", "fællesoffentlige it-systemer"),
        ("finansiere COVID-19-", "indsatsen i kommunerne", "finansiere COVID-19-indsatsen i kommunerne"),
        ("opdateringer af DUT-", "vejledningen fra 2007", "opdateringer af DUT-vejledningen fra 2007"),
        ("samtlige COVID-", "19 relaterede", "samtlige COVID-19 relaterede"),
        ("i perioden 2024-", "2026 til", "i perioden 2024-2026 til"),
        ("en linje", "og en til", "en linje og en til"),
    ],
)
def test_danish_hyphenation(prev, nxt, joined):
    assert join_lines(prev, nxt, set())[0] == joined


def test_hyphen_kept_when_the_document_writes_the_compound_with_one():
    assert (
        join_lines("arbejdet med data-", "drevne løsninger", {"data-drevne"})[0]
        == "arbejdet med data-drevne løsninger"
    )
    assert (
        join_lines("arbejdet med data-", "drevne løsninger", set())[0] == "arbejdet med datadrevne løsninger"
    )


TEXT = """\
Aftale om kommunernes økonomi for 2031 ꞏ Juni 2030

Aftale om kommunernes
økonomi for 2031

3. juni 2030

1. Indledning

Regeringen og KL er enige om den videre ud-
vikling af velfærden. Det gælder både midt- og lang-
sigtede mål.

\uf0b7 Første punkt om
fortsættelse

\uf0b7 Andet punkt

7

 2. Kommunernes økonomiske rammer for 2031
Aftale om kommunernes økonomi for 2031
Den kommunale serviceramme udgør derved samlet set 350,0 mia. kr.
"""


def test_page_furniture_bullets_and_line_map():
    doc = parse_document(TEXT.encode(), "x.txt")
    texts = [b.text for b in doc.blocks]
    assert not any("ꞏ" in t for t in texts), "running header with separator must go"
    assert "7" not in texts, "page number must go"
    assert sum("Aftale om kommunernes økonomi for 2031" in t for t in texts) == 1, "only the title stays"
    para = next(b for b in doc.blocks if b.text.startswith("Regeringen og KL"))
    assert para.text == (
        "Regeringen og KL er enige om den videre udvikling af velfærden. "
        "Det gælder både midt- og langsigtede mål."
    )
    assert (para.line_start, para.line_end) == (10, 12)
    start = para.text.index("langsigtede")
    assert para.lines_of(start, start + 11) == (11, 12)
    bullets = [b for b in doc.blocks if b.kind == "bullet"]
    assert [b.text for b in bullets] == ["Første punkt om fortsættelse", "Andet punkt"]
    assert [s.label for s in doc.sections] == ["1. Indledning", "2. Kommunernes økonomiske rammer for 2031"]
    frame = next(b for b in doc.blocks if "serviceramme" in b.text)
    assert frame.section == "2. Kommunernes økonomiske rammer for 2031"
    assert frame.line_start == 23


def test_form_feeds_split_pages():
    doc = parse_document("1. Indledning\nTekst på side et.\fTekst på side to.\n".encode(), "x.txt")
    assert doc.n_pages == 2


def test_corpus_hyphenation_examples(corpus):
    """The issue's examples, as they occur in the corpus."""
    texts = {}
    for path in sorted(corpus.iterdir()):
        doc = parse_document(path.read_bytes(), path.name)
        texts[path.name] = " ".join(b.text for b in doc.blocks)
    joined = " ".join(texts.values())
    for kept in (
        "COVID-19-indsatsen",
        "it-systemer",
        "DUT-vejledningen",
        "uddannelses- og beskæftigelsesvej",
    ):
        assert kept in joined, kept
    assert "udvikling" in joined and "ud- vikling" not in joined and "ud-vikling" not in joined
    assert "\uf0b7" not in joined and "\f" not in joined


@pytest.mark.parametrize("marker", ["-", "–", "—", "*", "o", "1)", "a)", "(1)"])
def test_typed_list_markers_make_items(marker):
    # a list typed with a character that also stands in running text: after a lead ending in ":", each
    # line is an item, and the paragraph after the list is its own even though the last item has no stop
    lines = [
        "Tilskuddet udgør en andel af provenutabet:",
        f"{marker} 75 pct. i 2031",
        f"{marker} 50 pct. i 2032",
        "",
        "Kommunernes grundbidrag til regionerne udgør 180 kr. pr. indbygger.",
    ]
    doc = parse_document("\n".join(["1. Indledning", "", *lines, ""]).encode(), "x.txt")
    items = [(b.kind, b.text) for b in doc.blocks[1:]]
    assert items == [
        ("paragraph", lines[0]),
        ("bullet", "75 pct. i 2031"),
        ("bullet", "50 pct. i 2032"),
        ("paragraph", lines[4]),
    ]


def test_typed_list_without_a_lead_and_its_wrapped_lines():
    text = (
        "1. Indledning\n\nFor 2031 etableres tre puljer.\n\n"
        "  - en lånepulje på 500 mio. kr. til kommuner\n    med svag likviditet,\n"
        "  - en pulje på 150 mio. kr. til projekter.\n"
    )
    doc = parse_document(text.encode(), "x.txt")
    assert [b.text for b in doc.blocks if b.kind == "bullet"] == [
        "en lånepulje på 500 mio. kr. til kommuner med svag likviditet,",
        "en pulje på 150 mio. kr. til projekter.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a dash that wraps to the start of a line inside a sentence
        "1. Indledning\n\nKommunerne holder skatten i ro\n– også i 2031 – og bruger rammen.\n",
        # a row of Tabel 1 opened by a dash
        "1. Indledning\n\nTabel 1\nBloktilskud -72.100\n- Heraf betinget bloktilskud -3.000\n"
        "- heraf til anlæg -1.000\nIndtægter i alt -450.000\n",
    ],
)
def test_a_dash_in_prose_or_a_table_row_is_no_item(text):
    doc = parse_document(text.encode(), "x.txt")
    assert not [b for b in doc.blocks if b.kind == "bullet"]
