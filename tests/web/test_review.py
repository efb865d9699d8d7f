"""Coverage and corrections through the REST API and the agreement page, on each backend."""

from __future__ import annotations

import pytest

from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.store import Store
from web.conftest import writing_client

from conftest import corpus_files
from gaps_fixture import with_gaps

DOC_2024 = corpus_files()[4]


@pytest.fixture
def review(store_url):
    """An app over a store (SQLite, and PostgreSQL when there is one for tests) with the 2024 agreement,
    whose extractor explained two null keys."""
    path = store_url
    result, ambiguous, conflicting = with_gaps(ingest_file(DOC_2024, None).result)
    Store(path).add(result)
    client = writing_client(path)
    return client, Store(path), ambiguous, conflicting


def test_agreement_and_version_endpoints_return_the_stored_coverage(review):
    client, _, ambiguous, conflicting = review
    cov = client.get("/api/aftaler/2024").json()["coverage"]
    assert cov["n_found"] + len(cov["null"]) == cov["n_keys"] and "serviceramme" in cov["found"]
    assert cov["null"][ambiguous]["reason"] == "tvetydig"
    assert cov["null"][ambiguous]["candidates"][0]["source"]["line_start"] == 80
    assert cov["null"][conflicting] == {
        "reason": "modstrid",
        "message": "teksten og tabellen er uenige",
        "candidates": [],
    }
    (version,) = client.get("/api/aftaler/2024/versioner").json()["versioner"]
    assert version["version"] == 1 and version["coverage"]["null"] == cov["null"]
    shipped = client.get("/api/aftaler/2023").json()["coverage"]  # a shipped-parameter year has one too
    assert shipped["n_found"] + len(shipped["null"]) == shipped["n_keys"]


def test_correct_use_and_undo_through_the_api(review):
    client, _, _, _ = review
    price = {"beloeb": 1000, "fra": 2023, "til": 2024}
    assert float(client.get("/api/priser", params=price).json()["beloeb"]) == 1039
    r = client.post(
        "/api/aftaler/2024/rettelser",
        json={
            "noegle": "pl_samlet",
            "vaerdi": "4,0",
            "kilde": "linje 193",
            "note": "nyt skøn",
            "bruger": "kl",
        },
    )
    assert r.status_code == 201, r.text
    fig = r.json()["figur"]
    assert (
        fig["value"] == 4
        and fig["correction"]["extracted_value"] == 3.9
        and fig["correction"]["user"] == "kl"
    )
    conv = client.get("/api/priser", params=price).json()
    assert float(conv["beloeb"]) == 1040 and "rettelse: linje 193, nyt skøn" in conv["trin"][0]["kilde"]
    assert client.get("/api/aftaler/2024").json()["coverage"]["corrected"] == ["pl_samlet"]
    (entry,) = client.get("/api/aftaler/2024/rettelser").json()["rettelser"]
    assert entry["status"] == "gældende" and entry["kilde"] == "linje 193"
    r = client.delete("/api/aftaler/2024/rettelser/pl_samlet")
    assert (
        r.status_code == 200 and r.json()["figur"]["value"] == 3.9 and "correction" not in r.json()["figur"]
    )
    assert float(client.get("/api/priser", params=price).json()["beloeb"]) == 1039
    assert client.get("/api/aftaler/2024/rettelser").json()["rettelser"][0]["status"].startswith("fortrudt")
    r = client.delete("/api/aftaler/2024/rettelser/pl_samlet")
    assert r.status_code == 404 and "ingen gældende rettelse" in r.json()["fejl"]


@pytest.mark.parametrize(
    ("aar", "body", "status", "message"),
    [
        (2024, {"noegle": "servicerammen", "vaerdi": "1"}, 422, "mente du serviceramme"),
        (2024, {"noegle": "serviceramme", "vaerdi": 323.6}, 422, "ligner mia. kr."),
        (2024, {"noegle": "serviceramme", "vaerdi": "3O4.800"}, 422, "er ikke et tal"),
        (2031, {"noegle": "serviceramme", "vaerdi": "290.000"}, 404, "ingen aftale for 2031"),
        (2024, {"noegle": "serviceramme", "vaerdi": "305.100", "kilde": "linje\x001"}, 422, "kontroltegn"),
        (2024, {"noegle": "serviceramme", "vaerdi": True}, 422, "vaerdi"),
    ],
)
def test_bad_corrections_through_the_api_change_nothing(review, aar, body, status, message):
    client, store, _, _ = review
    before = store.dump()
    r = client.post(f"/api/aftaler/{aar}/rettelser", json={"kilde": "linje 1", "note": "n", **body})
    assert r.status_code == status and message in r.json()["fejl"], r.text
    assert store.dump() == before


def test_the_agreement_page_shows_coverage_and_takes_corrections(review):
    client, store, ambiguous, conflicting = review
    html = client.get("/aftale/2024").text
    assert "Dækning" in html and f'id="mangler-{ambiguous}"' in html and f'id="mangler-{conflicting}"' in html
    assert "tvetydig" in html and "modstrid" in html and "teksten og tabellen er uenige" in html
    assert '2,4 pct., <a href="#linje-80">linje 80–81</a>' in html and "(score 0,55)" in html
    form = {"noegle": "serviceramme", "vaerdi": "305,1 mia. kr.", "kilde": "linje 73", "note": "trykfejl"}
    r = client.post("/aftale/2024/rettelser", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/aftale/2024?rettet=serviceramme")
    html = client.get(r.headers["location"]).text
    assert "Serviceramme er rettet til 305.100 mio. kr." in html
    assert 'class="badge rettet"' in html and "Udtrukket: 304.800" in html and "Fortryd rettelsen" in html
    bad = {**form, "vaerdi": "305,1"}
    r = client.post("/aftale/2024/rettelser", data=bad, headers={"accept": "text/html"})
    assert r.status_code == 422 and 'class="fejl"' in r.text and "ligner mia. kr." in r.text
    assert 'value="305,1"' in r.text  # the form keeps what was typed
    overview = client.get("/").text
    assert 'id="rettede"' in overview and '<a href="/aftale/2024#figur-serviceramme">' in overview
    r = client.post("/aftale/2024/rettelser/serviceramme/fortryd", follow_redirects=False)
    assert r.status_code == 303
    html = client.get(r.headers["location"]).text
    assert "fortrudt; værdien er nu 304.800" in html and "fortrudt " in html
    assert store.active_corrections() == {}


def test_the_page_message_is_built_from_the_store_not_echoed_from_the_url(review):
    client, _, _, _ = review
    html = client.get("/aftale/2024", params={"rettet": "<script>x</script>", "besked": "falsk"}).text
    assert "<script>x</script>" not in html and "falsk" not in html


def test_a_shipped_parameter_year_has_coverage_and_takes_corrections_on_the_page(review):
    client, _, _, _ = review
    html = client.get("/aftale/2023").text
    assert (
        "Dækning" in html and "de indbyggede parametre: årsagen til en manglende værdi er ikke gemt" in html
    )
    form = {
        "noegle": "satsregulering",
        "vaerdi": "2,9",
        "kilde": "Finansministeriet",
        "note": "mangler i teksten",
    }
    r = client.post("/aftale/2023/rettelser", data=form)
    assert r.status_code == 200 and "Satsreguleringsprocent er rettet til 2,9 pct." in r.text
    assert 'id="mangler-satsregulering"' in r.text  # still null in the source, now with its corrected value
    assert client.get("/api/aftaler/2023").json()["figures"]["satsregulering"]["value"] == 2.9
