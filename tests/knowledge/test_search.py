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


def test_a_period_of_budget_years_in_the_cli(corpus_db):
    """`--fra`/`--til` limit search and tracker to a period (either end open); a period that runs
    backwards or holds no loaded agreement is an error that names it."""

    def years(*args: str) -> set[int]:
        result = runner.invoke(app, [*args, "--db", corpus_db, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return {h["aar"] for h in json.loads(result.stdout)}

    every = years("soeg", "velfærdsaftaler", "--antal", "50")
    assert {2022, 2023} <= every
    assert years("soeg", "velfærdsaftaler", "--antal", "50", "--fra", "2023") == {
        y for y in every if y >= 2023
    }
    assert years("soeg", "velfærdsaftaler", "--antal", "50", "--til", "2022") == {
        y for y in every if y <= 2022
    }
    assert years("aftalepunkter", "--pr-side", "0", "--fra", "2020", "--til", "2022") == {2020, 2022}
    backwards = runner.invoke(app, ["soeg", "x", "--db", corpus_db, "--fra", "2024", "--til", "2022"])
    assert backwards.exit_code == 2 and "--fra 2024 ligger efter --til 2022" in backwards.stderr
    empty = runner.invoke(app, ["aftalepunkter", "--db", corpus_db, "--fra", "2025"])
    assert empty.exit_code == 2 and "ingen indlæst aftale fra 2025" in empty.stderr


def test_a_period_in_the_api_and_on_the_pages(corpus_db):
    from fastapi.testclient import TestClient

    from kommuneokonomi.web.app import create_app

    client = TestClient(create_app(corpus_db))
    hits = client.get("/api/soeg", params={"q": "velfærdsaftaler", "antal": 50, "fra": 2023}).json()
    assert hits and {h["aar"] for h in hits} <= {2023, 2024}
    items = client.get("/api/aftalepunkter", params={"til": 2020, "limit": 1000}).json()
    assert items and {i["aar"] for i in items} == {2019, 2020}
    assert client.get("/api/soeg", params={"q": "x", "fra": 2024, "til": 2022}).status_code == 422
    page = client.get("/soeg", params={"q": "velfærdsaftaler", "fra": "2023", "til": ""}).text
    found = set(re.findall(r'<a href="/aftale/(\d{4})#linje-', page))
    assert found and found <= {"2023", "2024"}
    assert '<option value="2023" selected>fra 2023</option>' in page
    assert "&amp;fra=2023" in page  # the download keeps the period
    csv = client.get("/download/soeg.csv", params={"q": "velfærdsaftaler", "fra": "2023"}).text
    assert {line.split(";")[0] for line in csv.splitlines()[1:] if line} <= {"2023", "2024"}
    tracked = client.get("/aftalepunkter", params={"fra": "2022", "til": "2022"}).text
    assert set(re.findall(r"<tr id=\"aftalepunkt-[^\"]+\"><td>(\d{4})</td>", tracked)) == {"2022"}
    assert client.get("/aftalepunkter", params={"fra": "2024", "til": "2019"}).status_code == 422
