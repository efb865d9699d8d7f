"""The API and the knowledge features on each backend (SQLite and PostgreSQL)."""

from __future__ import annotations

from web.conftest import writing_client

from conftest import corpus_files


def test_api_on_each_backend(store_url):
    client = writing_client(store_url)
    for path in corpus_files()[3:]:
        r = client.post("/api/ingest", files={"fil": (path.name, path.read_bytes(), "text/plain")})
        assert r.status_code == 200 and r.json()["status"] == "ny", r.text
    assert client.get("/api/aftaler/2024").json()["kilde"] == "database (version 1)"
    hits = client.get("/api/soeg", params={"q": '"lokalt råderum"'}).json()
    assert [(h["aar"], h["linje_fra"]) for h in hits] == [(2024, 54)]
    assert client.get("/api/aftalepunkter", params={"aar": 2023}).json()
    assert "2024" in client.get("/aftale/2024").text
