"""The server under load, bad uploads, unprotected writes and a failing store (issue 11: 1, 4, 6, 7, 8)."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import re
import shutil
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kommuneokonomi.cli import app as cli_app
from kommuneokonomi.cli.server import tcp_listener
from kommuneokonomi.store import Store
from kommuneokonomi.web import uploads
from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import ENV_OPEN, ENV_TOKEN, WriteAccess
from web.conftest import AUTH, TOKEN, WRITER, writing_client

from conftest import CORPUS, corpus_files

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import api_under_load as load

CSV_HEADER = "kommunekode,vaerdi\n"
#: the load generator's clients (each one request at a time): enough to keep the server busy, few enough
#: to leave it a core on a 2-core machine
CLIENTS = 2


@pytest.fixture
def own_db(web_db, tmp_path) -> str:
    """A private copy of the ingested store (these tests write to it or break it)."""
    path = tmp_path / "own.sqlite"
    shutil.copy(web_db, path)
    return str(path)


def _pool_csv() -> bytes:
    from kommuneokonomi.rules.kommuner import register

    return (CSV_HEADER + "".join(f"{c},1\n" for c in register().codes)).encode()


# --- 1. the event loop never blocks ----------------------------------------------------------------------


def test_quick_reads_keep_answering_while_a_big_agreement_is_ingested(own_db):
    """A real server (subprocess): /api/kommuner under a bounded load while a new agreement is ingested and
    its search index built, and then while a ~7 MB one is parsed; no request waits a second."""
    small = corpus_files()[4].read_bytes() + "\nBilag: en ny version til belastningsprøven\n".encode()
    big = load.big_agreement(CORPUS, 7)
    with load.running_server(own_db) as base:
        url = base + "/api/kommuner"
        latencies, answer = load.load_while(url, CLIENTS, lambda: load.upload(base, "ny.txt", small))
        assert isinstance(answer, httpx.Response) and answer.status_code == 200, answer
        assert answer.json()["status"] != "uændret"
        hits = httpx.get(base + "/api/soeg", params={"q": "belastningsprøven"}, timeout=30).json()
        assert hits and hits[0]["aar"] == 2024  # the rebuilt index has the new version

        def upload_big() -> None:
            with contextlib.suppress(httpx.HTTPError):  # the server stops before it has finished
                load.upload(base, "stor.txt", big, timeout=60)

        threading.Thread(target=upload_big, daemon=True).start()
        latencies += load.load_for(url, CLIENTS, 6.0)  # the 7 MB file is still being parsed and extracted
    assert len(latencies) > 50
    assert max(latencies) < 1.0, f"worst {max(latencies):.2f} s, median {statistics.median(latencies):.3f} s"


def test_reads_take_no_lock_and_keep_the_old_snapshot_during_a_rebuild(own_db):
    app = create_app(own_db, WRITER)
    st = app.state.kommuneokonomi
    before = st.current()
    with st._rebuild:  # a rebuild under way (another thread holds the lock): readers still answer at once
        start = time.perf_counter()
        assert TestClient(app).get("/api/aftaler").status_code == 200
        assert st.current() is before
        assert time.perf_counter() - start < 1.0


# --- 6. uploads ------------------------------------------------------------------------------------------


def _multipart(name: str, content: bytes, fields: dict[str, str] | None = None) -> dict:
    """A multipart body with the file name exactly as given (clients would escape a NUL, say)."""
    parts = [
        f'--b\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in (fields or {}).items()
    ]
    parts.append(
        f'--b\r\nContent-Disposition: form-data; name="fil"; filename="{name}"\r\n'.encode()
        + b"Content-Type: text/plain\r\n\r\n"
        + content
        + b"\r\n--b--\r\n"
    )
    return {"content": b"".join(parts), "headers": {"content-type": "multipart/form-data; boundary=b"}}


@pytest.mark.parametrize(
    "name", ["..", "/", "a/..", "../../etc/passwd", "a\x00b.txt", "a\x01.csv", "x" * 300 + ".txt", "."]
)
def test_hostile_file_names_are_4xx_in_the_api_and_the_simulators(client, name):
    r = client.post("/api/ingest", **_multipart(name, b"Aftale om kommunernes okonomi"))
    assert 400 <= r.status_code < 500 and "filnavn" in r.json()["fejl"], r.text
    if name.strip("./"):  # a name with something in it is shown (escaped, shortened), never a server path
        assert repr(name[:20])[1:-1][:10] in r.json()["fejl"], r.text
    body = _multipart(name, _pool_csv(), {"pulje_kr": "1000"})
    r = client.post(
        "/simulator/pulje", content=body["content"], headers={**body["headers"], "accept": "text/html"}
    )
    assert r.status_code == 422 and "filnavn" in r.text, r.text[-500:]


def test_upload_messages_name_the_file_never_a_server_path(client):
    r = client.post(
        "/simulator/pulje",
        data={"pulje_kr": "1000"},
        files={"fil": ("mine/noegle.csv", b"kommunekode,forkert\n101,1\n", "text/csv")},
    )
    assert r.status_code == 422 and "noegle.csv" in r.text
    assert "/tmp" not in r.text and "tmp" not in r.text.split("noegle.csv")[0][-40:]
    png = b"\x89PNG\x00\x01" * 50
    r = client.post("/api/ingest", files={"fil": ("billeder/billede.png", png, "image/png")})
    fejl = r.json()["fejl"]
    assert r.status_code == 422 and fejl.startswith("billede.png: ") and "binær" in fejl


def test_the_size_limit_holds_while_reading(client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1000)
    monkeypatch.setattr(uploads, "MULTIPART_OVERHEAD", 500)
    r = client.post("/api/ingest", files={"fil": ("stor.txt", b"x" * 2000, "text/plain")})
    assert r.status_code == 413 and r.json()["fejl"].startswith("stor.txt: ")
    assert "grænsen på 1.000 bytes" in r.json()["fejl"]
    r = client.post(
        "/simulator/pulje", data={"pulje_kr": "1"}, files={"fil": ("k.csv", b"x" * 5000, "text/csv")}
    )
    assert r.status_code == 413 and "k.csv" in r.text
    # just over the file limit, but within the multipart allowance: the handler's own check refuses it
    r = client.post("/api/ingest", files={"fil": ("lidt.txt", b"x" * 1001, "text/plain")})
    assert r.status_code == 413 and "lidt.txt" in r.json()["fejl"]


def test_the_body_is_cut_off_at_the_limit_and_a_large_content_length_is_refused_unread(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 10_000)
    monkeypatch.setattr(uploads, "MULTIPART_OVERHEAD", 0)
    chunk = b'--b\r\nContent-Disposition: form-data; name="fil"; filename="kaempe.txt"\r\n\r\n' + b"x" * 4000
    read: list[int] = []

    async def inner(scope, receive, send):
        while True:
            message = await receive()
            read.append(len(message["body"]))
            if not message.get("more_body"):
                return

    async def run(headers, n_chunks):
        async def receive():
            return {"type": "http.request", "body": chunk, "more_body": True}

        scope = {"type": "http", "method": "POST", "path": "/api/ingest", "headers": headers}
        with pytest.raises(Exception) as caught:
            await uploads.BodyLimit(inner)(scope, receive, None)
        return caught.value

    exc = asyncio.run(run([], 100))  # no Content-Length (chunked): read until just past the limit
    assert exc.status_code == 413 and "kaempe.txt" in exc.detail
    assert sum(read) <= 10_000
    read.clear()
    exc = asyncio.run(run([(b"content-length", b"999999999")], 100))  # a header over the limit: one chunk
    assert exc.status_code == 413 and "kaempe.txt" in exc.detail and read == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_bom_text_is_read(own_db, codec):
    client = writing_client(own_db)
    text = corpus_files()[4].read_text("utf-8")
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    plain = client.get("/api/aftaler/2024").json()["figures"]
    r = client.post("/api/ingest", files={"fil": ("aftale.txt", bom + text.encode(codec), "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["document"]["year"] == 2024 and r.json()["status"] != "uændret"
    values = {k: v and v["value"] for k, v in r.json()["figures"].items()}
    assert values == {k: v and v["value"] for k, v in plain.items()} and values["serviceramme"]
    csv = codecs.BOM_UTF16_LE + _pool_csv().decode().encode("utf-16-le")
    r = client.post("/simulator/pulje", data={"pulje_kr": "9800"}, files={"fil": ("n.csv", csv, "text/csv")})
    assert r.status_code == 200 and 'class="fejl"' not in r.text


def test_a_danish_excel_csv_in_windows_1252_is_read(own_db):
    """Excel's "CSV (semikolonsepareret)" on a Danish Windows: Windows-1252, ";", the columns named as a
    spreadsheet names them; the pool is split by the key as the plain file would split it."""
    from kommuneokonomi.rules.kommuner import register

    reg = register()
    rows = "".join(f"{c};{n};{i + 1}\r\n" for i, (c, n) in enumerate(zip(reg.codes, reg.names, strict=True)))
    excel = ("Kommunenr;Kommune;Vaerdi\r\n" + rows).encode("cp1252")
    plain = ("kommunekode,vaerdi\n" + "".join(f"{c},{i + 1}\n" for i, c in enumerate(reg.codes))).encode()
    client = writing_client(own_db)
    pages = []
    for data in (excel, plain):
        r = client.post(
            "/simulator/pulje", data={"pulje_kr": "4851000"}, files={"fil": ("n.csv", data, "text/csv")}
        )
        assert r.status_code == 200 and 'class="fejl"' not in r.text, r.text[:500]
        pages.append(r.text)
    assert "København" in pages[0]
    assert re.findall(r"\d{1,3}(?:\.\d{3})+", pages[0]) == re.findall(r"\d{1,3}(?:\.\d{3})+", pages[1])


# --- 7. writes are protected -----------------------------------------------------------------------------


def test_writes_need_the_token(own_db):
    body = {"noegle": "serviceramme", "vaerdi": "305,1 mia. kr.", "kilde": "linje 73", "note": "trykfejl"}
    files = {"fil": ("a.txt", corpus_files()[4].read_bytes(), "text/plain")}
    closed = TestClient(create_app(own_db, WriteAccess()))
    for r in (
        closed.post("/api/ingest", files=files),
        closed.post("/api/aftaler/2024/rettelser", json=body),
        closed.delete("/api/aftaler/2024/rettelser/serviceramme"),
    ):
        assert r.status_code == 403 and "--skrivenoegle-fil" in r.json()["fejl"], r.text
        assert ENV_TOKEN in r.json()["fejl"]
    assert "Rettelser er slået fra" in closed.get("/aftale/2024").text
    assert closed.post("/aftale/2024/rettelser", data=body).status_code == 403
    guarded = TestClient(create_app(own_db, WRITER))
    r = guarded.post("/api/aftaler/2024/rettelser", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = guarded.post("/api/aftaler/2024/rettelser", json=body, headers={"Authorization": "Bearer forkert"})
    assert r.status_code == 403 and "forkert" in r.json()["fejl"]
    assert Store(own_db).active_corrections() == {}
    # the web form: a password field for the token; without it the page says so, with it the write happens
    page = guarded.get("/aftale/2024").text
    assert 'name="skrivenoegle" type="password"' in page
    r = guarded.post("/aftale/2024/rettelser", data=body, headers={"accept": "text/html"})
    assert r.status_code == 401 and "skrivenøglen" in r.text and 'value="trykfejl"' in r.text
    r = guarded.post("/aftale/2024/rettelser", data={**body, "skrivenoegle": TOKEN}, follow_redirects=False)
    assert r.status_code == 303
    assert guarded.get("/api/aftaler/2024").json()["figures"]["serviceramme"]["value"] == 305100
    r = guarded.post("/aftale/2024/rettelser/serviceramme/fortryd", data={"skrivenoegle": "forkert"})
    assert r.status_code == 403
    r = guarded.delete("/api/aftaler/2024/rettelser/serviceramme", headers=AUTH)
    assert r.status_code == 200
    opened = TestClient(create_app(own_db, WriteAccess(open=True)))
    assert opened.post("/api/aftaler/2024/rettelser", json=body).status_code == 201
    assert 'name="skrivenoegle"' not in opened.get("/aftale/2024").text


def test_serve_takes_the_token_from_a_file_or_the_environment(monkeypatch, tmp_path):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    for var in (ENV_TOKEN, ENV_OPEN):
        monkeypatch.delenv(var, raising=False)
    db = str(tmp_path / "s.sqlite")
    key = tmp_path / "noegle"
    key.write_text(TOKEN + "\n")
    result = CliRunner().invoke(cli_app, ["serve", "--db", db, "--skrivenoegle-fil", str(key)])
    assert result.exit_code == 0 and "kræver skrivenøglen" in result.stderr
    assert os.environ[ENV_TOKEN] == TOKEN and WriteAccess.from_env().allows(TOKEN)
    key.write_text("kort")
    result = CliRunner().invoke(cli_app, ["serve", "--db", db, "--skrivenoegle-fil", str(key)])
    assert result.exit_code == 2 and "mindst 16 tegn" in result.stderr
    result = CliRunner().invoke(cli_app, ["serve", "--db", db, "--skrivenoegle-fil", str(tmp_path / "ingen")])
    assert result.exit_code == 2 and "kan ikke læses" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.delenv(ENV_TOKEN)
    result = CliRunner().invoke(cli_app, ["serve", "--db", db, "--aaben-skrivning"])
    assert result.exit_code == 0 and "åben for alle" in result.stderr and os.environ[ENV_OPEN] == "1"
    monkeypatch.delenv(ENV_OPEN)
    result = CliRunner().invoke(cli_app, ["serve", "--db", db])
    assert result.exit_code == 0 and "skrivning slået fra" in result.stderr
    assert not WriteAccess.from_env().allows(None) and not WriteAccess.from_env().allows(TOKEN)


# --- 4. the store unavailable: 503 -----------------------------------------------------------------------


def _until(client: TestClient, path: str, status: int, seconds: float = 10.0) -> httpx.Response:
    end = time.monotonic() + seconds
    while True:
        r = client.get(path)
        if r.status_code == status or time.monotonic() > end:
            return r
        time.sleep(0.1)


def test_a_corrupt_sqlite_file_gives_503_and_the_server_recovers(own_db):
    client = writing_client(own_db)
    assert client.get("/api/aftaler/2024").status_code == 200
    store = client.app.state.kommuneokonomi.store
    with store.engine.connect() as conn:  # WAL mode: every page into the file, so the file is the store
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    good = Path(own_db).read_bytes()
    with open(own_db, "r+b") as fh:  # in place
        fh.write(b"\xde\xad\xbe\xef" * 1024)
    # an open WAL connection may still answer from its page cache; a new one reads the corrupt header
    store.engine.dispose()
    r = _until(client, "/api/sundhed", 503)
    assert r.status_code == 503 and r.json()["status"] == "databasen er utilgængelig"
    assert "own.sqlite" in r.json()["fejl"] and "Traceback" not in r.text
    r = client.get("/api/aftaler/2024")
    assert r.status_code == 503 and r.headers["content-type"].startswith("application/json")
    assert "own.sqlite" in r.json()["fejl"]
    r = client.get("/api/aftaler/2024/versioner")  # a handler that reads the store itself
    assert r.status_code == 503 and "own.sqlite" in r.json()["fejl"] and "SELECT" not in r.text
    assert str(Path(own_db).parent) not in r.text  # the file's name, never its path on the server
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 503 and "<html" in page.text and "kan ikke" in page.text
    with open(own_db, "r+b") as fh:
        fh.write(good)
    store.engine.dispose()
    assert _until(client, "/api/sundhed", 200).status_code == 200
    assert client.get("/api/aftaler/2024").status_code == 200


@contextlib.contextmanager
def _proxy(target: tuple[str, int]):
    """A TCP forwarder on a free port to `target`; `stop()` closes it and every connection through it."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    conns: list[socket.socket] = []

    def pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def serve(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = sock.accept()
                upstream = socket.create_connection(target)
                conns.extend((client, upstream))
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=pipe, args=(a, b), daemon=True).start()

    def start() -> None:
        nonlocal listener
        listener = socket.create_server(("127.0.0.1", port))
        threading.Thread(target=serve, args=(listener,), daemon=True).start()

    def stop() -> None:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in serve(), freeing the port
        listener.close()
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        conns.clear()

    threading.Thread(target=serve, args=(listener,), daemon=True).start()
    try:
        yield port, start, stop
    finally:
        stop()


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)  # SQLite: the corrupt-file test
def test_an_unreachable_postgresql_gives_503_and_the_server_recovers(store_url):
    url = httpx.URL(store_url.replace("postgresql://", "http://", 1))
    store = Store(store_url)
    from kommuneokonomi.ingest import ingest_file

    assert not ingest_file(corpus_files()[4], store).failed
    store.engine.dispose()
    with _proxy((url.host, url.port or 5432)) as (port, start, stop):
        proxied = store_url.replace(f"{url.host}:{url.port}", f"127.0.0.1:{port}")
        client = writing_client(proxied)
        assert client.get("/api/aftaler/2024").status_code == 200
        stop()
        r = _until(client, "/api/sundhed", 503)
        assert r.status_code == 503 and f"127.0.0.1:{port}" in r.json()["fejl"]
        r = client.get("/api/aftaler/2024/versioner")
        assert r.status_code == 503 and r.json()["fejl"].startswith("databasen postgresql")
        start()
        assert _until(client, "/api/sundhed", 200).status_code == 200
        assert client.get("/api/aftaler/2024/versioner").status_code == 200


# --- 8. several workers: no 40 ms floor ------------------------------------------------------------------


def test_the_shared_listening_socket_gives_connections_tcp_nodelay():
    with tcp_listener("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        sock.listen()
        with socket.create_connection(sock.getsockname()):
            accepted, _ = sock.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_two_workers_answer_keep_alive_requests_without_a_delayed_ack_floor(own_db):
    with load.running_server(own_db, workers=2) as base, httpx.Client(timeout=10) as http:
        http.get(base + "/api/kommuner/101")
        times = []
        for _ in range(30):
            start = time.perf_counter()
            assert http.get(base + "/api/kommuner/101").status_code == 200
            times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.030, f"median {statistics.median(times) * 1000:.0f} ms"
