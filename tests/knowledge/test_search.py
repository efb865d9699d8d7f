"""Search: Danish stemming, phrases, filters, citations that point at the right lines."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.knowledge.text import sentences, stem
from kommuneokonomi.store import Store

from conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def index(corpus_db):
    return SearchIndex(Store(corpus_db))


def _source_lines(year: int, start: int, end: int) -> str:
    by_year = {2020: "000", 2022: "001", 2019: "002", 2023: "003", 2024: "004"}
    path = next(CORPUS.glob(by_year[year] + "_*"))
    return " ".join(path.read_text("utf-8").split("\n")[start - 1 : end])


def test_danish_stemming():
    assert stem("kommunerne") == stem("kommune") == stem("kommuner")
    assert stem("anlægsudgifter") == stem("anlægsudgift")


def test_inflected_forms_find_each_other(index):
    hits = index.search("kommunerne", limit=50)
    assert any("«kommune»" in h.uddrag or "«kommuner»" in h.uddrag for h in hits)
    hits = index.search("anlægsudgift", limit=5)
    assert hits and all("«anlægsudgifter»" in h.uddrag for h in hits[:3])


def test_phrase_query(index):
    hits = index.search('"lokalt råderum"')
    assert [(h.aar, h.linje_fra) for h in hits] == [(2024, 54)]
    assert "«lokale» «råderum»" in hits[0].uddrag
    assert len(index.search("lokalt råderum", limit=10)) > 1  # without quotes: any of the words


def test_filters_by_year_and_chapter(index):
    hits = index.search("midtvejsregulering", aar={2023}, limit=10)
    assert hits and {h.aar for h in hits} == {2023}
    hits = index.search("konsulenter", kapitel="2", limit=10)
    assert hits and all(h.afsnit.startswith("2.") for h in hits)
    hits = index.search("konsulenter", kapitel="økonomiske rammer", limit=10)
    assert hits and all("økonomiske rammer" in h.afsnit for h in hits)


def test_citations_point_at_the_lines_that_hold_the_highlighted_words(index):
    for query in ("eksterne konsulenter", "minimumsnormeringer", "midtvejsregulering", "klippekort"):
        for hit in index.search(query, limit=5):
            cited = re.sub(r"-\s+", "", _source_lines(hit.aar, hit.linje_fra, hit.linje_til)).lower()
            for word in re.findall(r"«([^»]+)»", hit.uddrag):
                assert word.lower() in cited, (query, hit.aar, hit.linje_fra, word)


def test_ranking_puts_the_answer_first(index):
    hit = index.search("midtvejsregulering vedrørende 2023")[0]
    assert (hit.aar, hit.linje_fra) == (2024, 200)


def test_sentences_respect_abbreviations():
    text = "Der afsættes 1 mia. kr. til bl.a. anlæg mv. i 2024. Parterne er enige. Det sker d. 5. maj 2020."
    parts = [text[a:b] for a, b in sentences(text)]
    assert parts == [
        "Der afsættes 1 mia. kr. til bl.a. anlæg mv. i 2024.",
        "Parterne er enige.",
        "Det sker d. 5. maj 2020.",
    ]


def test_soeg_json_contract(corpus_db):
    result = runner.invoke(
        app, ["soeg", "eksterne konsulenter", "--db", corpus_db, "--format", "json", "--antal", "3"]
    )
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert all(set(h) == {"aar", "afsnit", "linje_fra", "linje_til", "uddrag", "score"} for h in hits)
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_soeg_errors(corpus_db, tmp_path):
    result = runner.invoke(app, ["soeg", "x", "--db", corpus_db, "--aar", "2021"])
    assert result.exit_code == 2 and "2021" in result.stderr
    result = runner.invoke(app, ["soeg", "x", "--db", str(tmp_path / "tom.sqlite")])
    assert result.exit_code == 2 and "kommuneokonomi ingest" in result.stderr
