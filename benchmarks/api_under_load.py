"""Benchmark: does the server keep answering while it ingests a big agreement? (issue 11, point 1)

A real `kommuneokonomi serve` on a free loopback port, the corpus ingested into a temporary SQLite store.
A bounded load generator (a few keep-alive clients, each one request at a time) asks GET /api/kommuner,
first idle, then while a ~7 MB agreement (the newest corpus text repeated, so a new version) is uploaded
to POST /api/ingest, parsed, extracted, stored and its search index rebuilt. Prints p50, p99 and the worst
latency of each phase; target: p99 < 200 ms during the ingest.

The load generator is httpx (already a test dependency) with a fixed number of clients: every request's
latency is recorded, so the worst one is known exactly, and the test (tests/web/test_load.py) uses the
same code. wrk (benchmarks/api.py) reports percentiles only for a fixed duration, and an ingest has none.

    python benchmarks/api_under_load.py [--mb 7] [--clients 4] [--idle-seconds 5] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
P99_TARGET_MS = 200
TOKEN = "benchmark-skrivenoegle-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def big_agreement(corpus: Path, mb: float) -> bytes:
    """The newest corpus text repeated to about `mb` megabytes: a valid agreement, new to the store."""
    data = sorted(corpus.iterdir())[-1].read_bytes()
    copies = max(1, round(mb * 1024 * 1024 / len(data)))
    return data * copies + f"\nBilag: gentaget {copies} gange ({time.time()})\n".encode()


@contextlib.contextmanager
def running_server(db: str, workers: int = 1, env: dict[str, str] | None = None) -> Iterator[str]:
    """`kommuneokonomi serve` on a free port (the write token in its environment); yields the base URL."""
    port = free_port()
    workers_args = ["--workers", str(workers)]
    server = subprocess.Popen(
        [sys.executable, "-m", "kommuneokonomi", "serve", "--db", db, "--port", str(port), *workers_args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "KOMMUNEOKONOMI_SKRIVENOEGLE": TOKEN, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/sundhed", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise RuntimeError("serveren startede ikke")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


async def _load(url: str, clients: int, until: Callable[[], bool]) -> list[float]:
    """Latencies (s) of GETs to `url` from `clients` keep-alive clients, one request at a time each."""
    latencies: list[float] = []

    async def one_client() -> None:
        async with httpx.AsyncClient(timeout=900) as client:  # to see the worst wait
            while not until():
                start = time.perf_counter()
                r = await client.get(url)
                latencies.append(time.perf_counter() - start)
                r.raise_for_status()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies


def load_while(url: str, clients: int, action: Callable[[], object]) -> tuple[list[float], object]:
    """Run `action` in a thread and measure `url` until it returns; (latencies, what it returned)."""
    done = threading.Event()
    result: list[object] = []

    def run() -> None:
        try:
            result.append(action())
        except BaseException as exc:
            result.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    latencies = asyncio.run(_load(url, clients, done.is_set))
    thread.join()
    if isinstance(result[0], BaseException):
        raise result[0]
    return latencies, result[0]


def load_for(url: str, clients: int, seconds: float) -> list[float]:
    end = time.monotonic() + seconds
    return asyncio.run(_load(url, clients, lambda: time.monotonic() > end))


def upload(base: str, name: str, data: bytes, timeout: float = 600) -> httpx.Response:
    return httpx.post(
        base + "/api/ingest",
        files={"fil": (name, data, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=timeout,
    )


def summary(latencies: list[float]) -> dict[str, float]:
    ms = sorted(x * 1000 for x in latencies)
    return {
        "n": len(ms),
        "p50": statistics.median(ms),
        "p99": ms[min(len(ms) - 1, int(len(ms) * 0.99))],
        "max": ms[-1],
    }


def main() -> int:
    from kommuneokonomi.ingest import collect_files, ingest_file
    from kommuneokonomi.store import Store

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--mb", type=float, default=7.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.sqlite")
        store = Store(db)
        for path in collect_files([args.corpus])[0]:
            ingest_file(path, store)
        store.engine.dispose()
        data = big_agreement(args.corpus, args.mb)
        with running_server(db, args.workers) as base:
            url = base + "/api/kommuner"
            load_for(url, args.clients, 1.0)  # warm up
            idle = summary(load_for(url, args.clients, args.idle_seconds))
            start = time.perf_counter()
            latencies, response = load_while(url, args.clients, lambda: upload(base, "stor.txt", data))
            took = time.perf_counter() - start
            busy = summary(latencies)
            search = httpx.get(base + "/api/soeg", params={"q": "gentaget", "antal": 1}, timeout=60)
    assert isinstance(response, httpx.Response)
    for name, s in (("idle", idle), (f"during a {len(data) / 1e6:.1f} MB ingest ({took:.1f} s)", busy)):
        print(
            f"GET /api/kommuner {name}: {s['n']} requests, p50 {s['p50']:.1f} ms, p99 {s['p99']:.1f} ms, "
            f"max {s['max']:.1f} ms"
        )
    print(
        f"ingest answered {response.status_code} {response.json().get('status', response.text[:200])}; "
        f"search afterwards {search.status_code}"
    )
    verdict = "met" if busy["p99"] < P99_TARGET_MS else "MISSED"
    print(
        f"target p99 < {P99_TARGET_MS} ms during the ingest: {verdict} ({args.clients} clients, "
        f"uvicorn workers {args.workers})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
