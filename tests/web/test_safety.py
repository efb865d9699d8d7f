"""Safety: document text is escaped in pages, spreadsheet formulas are neutralised, SQL is bound, the
server binds to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

from typer.testing import CliRunner

from kommuneokonomi.cli import app as cli_app
from kommuneokonomi.store import Store
from web.conftest import writing_client

#: a PDF-extracted text (the text reader keeps angle brackets; the markdown reader drops HTML tags)
CRAFTED = """\
Aftale om kommunernes økonomi for 2031

1. Indledning

Regeringen og KL er enige om <script>alert("xss")</script> og <img src=x onerror=alert(1)> i alt.

=HYPERLINK("http://ondt.example") Regeringen og KL er enige om at fortsætte.

2. Kommunernes økonomiske rammer for 2031

Den kommunale serviceramme udgør derved samlet set 300,0 mia. kr. Hertil kommer reguleringer.
"""


def _crafted_app(tmp_path):
    client = writing_client(str(tmp_path / "crafted.sqlite"))
    r = client.post("/api/ingest", files={"fil": ("ondt.txt", CRAFTED.encode(), "text/plain")})
    assert r.status_code == 200, r.text
    return client


def test_markdown_reader_drops_html_tags(tmp_path):
    client = writing_client(str(tmp_path / "md.sqlite"))
    md = CRAFTED.replace("Aftale om", "# Aftale om", 1).replace("1. Indledning", "## 1. Indledning")
    assert (
        client.post("/api/ingest", files={"fil": ("ondt.md", md.encode(), "text/markdown")}).status_code
        == 200
    )
    assert "<script>" not in client.get("/aftale/2031").text


def test_document_text_is_escaped_in_pages(tmp_path):
    client = _crafted_app(tmp_path)
    for path in ("/aftale/2031", "/soeg?q=alert", "/aftalepunkter?aar=2031"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;alert" in html or "&lt;img" in html, path


def test_spreadsheet_formulas_are_neutralised_in_downloads(tmp_path):
    client = _crafted_app(tmp_path)
    csv = client.get("/download/aftalepunkter.csv?aar=2031").text
    assert "'=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv


def test_sql_is_bound(tmp_path):
    client = _crafted_app(tmp_path)
    nasty = "'; DROP TABLE documents; --"
    assert client.get("/api/aftalepunkter", params={"part": nasty, "emne": nasty}).json() == []
    assert client.get("/api/soeg", params={"q": nasty}).status_code == 200
    assert [d.year for d in Store(str(tmp_path / "crafted.sqlite")).documents()] == [2031]


def test_server_binds_to_loopback_by_default(monkeypatch, tmp_path):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.stderr
    assert calls[0]["host"] == "127.0.0.1"
    CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "s.sqlite"), "--host", "0.0.0.0"])
    assert calls[1]["host"] == "0.0.0.0"
