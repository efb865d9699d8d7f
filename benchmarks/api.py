"""Benchmark: the REST API under load on loopback (wrk), against the same handlers called in-process.

Two endpoints: a figures read (GET /api/aftaler/2024) and a sanction simulation (POST /api/sanktion, 98
municipalities). The server is `kommuneokonomi serve` (uvicorn) on 127.0.0.1 with the corpus ingested into a
temporary SQLite store; wrk (Debian package `wrk`) generates the load from a second process. Targets
(issue 5, 2 cores): 300 req/s or more for reads, p99 under 100 ms.

    python benchmarks/api.py [--seconds 10] [--connections 16] [--workers 1]
    python benchmarks/api.py --compare-workers [--seconds 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api_under_load import running_server
from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.store import Store
from kommuneokonomi.web import services
from kommuneokonomi.web.state import AppState

ROOT = Path(__file__).resolve().parents[1]
READ_TARGET_RPS = 300
P99_TARGET_MS = 100


def sanction_body() -> dict:
    reg = register()
    pop_sum = int(reg.population.sum())
    values = [round(304810.5 * int(p) / pop_sum, 6) for p in reg.population]
    return {
        "type": "service",
        "aar": 2024,
        "kommuner": [
            {"kommunekode": c, "serviceudgifter": v} for c, v in zip(reg.codes, values, strict=True)
        ],
    }


def wrk(url: str, seconds: int, connections: int, lua: Path | None = None) -> dict:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if lua:
        cmd[1:1] = ["-s", str(lua)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {p: _ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": lat.get("50"),
        "p99": lat.get("99"),
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def in_process(fn, seconds: float = 3.0) -> float:
    """Calls per second of the same handler code without HTTP."""
    fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        n += 1
    return n / (time.perf_counter() - start)


def compare_workers(args) -> int:
    """One server with one worker and one with two, both up for the whole run; wrk alternates between them
    (and which goes first) at 1 and at 16 connections. Prints medians and the ratio two/one."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.sqlite")
        for path in collect_files([args.corpus])[0]:
            ingest_file(path, Store(db))
        with running_server(db, 1) as one, running_server(db, 2) as two:
            bases = {1: one, 2: two}
            for base in bases.values():
                wrk(base + "/api/aftaler/2024", 2, 16)  # warm up (both workers of the pair)
            runs: dict[tuple[int, int], list[dict]] = {}
            for r in range(args.rounds):
                for connections in (1, 16):
                    for workers in (1, 2) if r % 2 == 0 else (2, 1):
                        url = bases[workers] + "/api/aftaler/2024"
                        runs.setdefault((workers, connections), []).append(
                            wrk(url, args.seconds, connections)
                        )
    for connections in (1, 16):
        med = {
            w: {k: statistics.median(x[k] for x in runs[(w, connections)]) for k in ("rps", "p50", "p99")}
            for w in (1, 2)
        }
        for w in (1, 2):
            print(
                f"GET /api/aftaler/2024, {connections} connection(s), {w} worker(s): "
                f"{med[w]['rps']:.0f} req/s, p50 {med[w]['p50']:.1f} ms, p99 {med[w]['p99']:.1f} ms"
            )
        print(
            f"  two workers / one at {connections} connection(s): "
            f"{med[2]['rps'] / med[1]['rps']:.2f}x req/s, p50 {med[2]['p50'] / med[1]['p50']:.2f}x "
            f"(medians of {args.rounds} alternating rounds, {args.seconds} s each)"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--compare-workers",
        action="store_true",
        help="1 against 2 uvicorn workers at 1 and 16 connections instead (GET /api/aftaler/2024)",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    if args.compare_workers:
        return compare_workers(args)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.sqlite")
        for path in collect_files([args.corpus])[0]:
            ingest_file(path, Store(db))
        body = sanction_body()
        lua = Path(tmp) / "post.lua"
        lua.write_text(
            'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
            f"wrk.body = [[{json.dumps(body)}]]\n",
            "utf-8",
        )
        with running_server(db, args.workers) as base:
            wrk(base + "/api/aftaler/2024", 2, 4)  # warm up
            state = AppState(Store(db))
            request = services.SanctionRequest.model_validate(body)
            endpoints = {
                "GET /api/aftaler/2024": (
                    lambda: wrk(base + "/api/aftaler/2024", args.seconds, args.connections),
                    lambda: json.dumps(state.agreements()[2024].to_json()),
                ),
                "POST /api/sanktion (98 kommuner)": (
                    lambda: wrk(base + "/api/sanktion", args.seconds, args.connections, lua),
                    lambda: json.dumps(
                        services.result_json(
                            services.sanction(request, state.agreements()), {"reduktion_kr": 0}, None
                        )
                    ),
                ),
            }
            runs: dict[str, tuple[list[dict], list[float]]] = {name: ([], []) for name in endpoints}
            for r in range(args.rounds):  # HTTP and in-process alternate, and which goes first too
                for name, (http, direct) in endpoints.items():
                    for kind in ("http", "direct") if r % 2 == 0 else ("direct", "http"):
                        if kind == "http":
                            runs[name][0].append(http())
                        else:
                            runs[name][1].append(in_process(direct, args.seconds))
    results = {}
    for name, (https, directs) in runs.items():
        res = {k: statistics.median(h[k] for h in https) for k in ("rps", "p50", "p99")}
        res["non2xx"] = sum(h["non2xx"] for h in https)
        inproc = statistics.median(directs)
        results[name] = res
        print(
            f"{name}: {res['rps']:.0f} req/s, p50 {res['p50']:.1f} ms, p99 {res['p99']:.1f} ms, "
            f"non-2xx {res['non2xx']}; in-process {inproc:.0f} calls/s; "
            f"HTTP/in-process {res['rps'] / inproc:.2f} (medians of {args.rounds} alternating rounds)"
        )
    read, post = results["GET /api/aftaler/2024"], results["POST /api/sanktion (98 kommuner)"]
    ok_reads = "met" if read["rps"] >= READ_TARGET_RPS and read["p99"] < P99_TARGET_MS else "MISSED"
    ok_post = "met" if post["p99"] < P99_TARGET_MS else "MISSED"
    print(
        f"targets (reads >= {READ_TARGET_RPS} req/s, p99 < {P99_TARGET_MS} ms): {ok_reads}; "
        f"sanction p99 < {P99_TARGET_MS} ms: {ok_post} (uvicorn workers {args.workers}, wrk 1 thread, "
        f"{args.connections} connections, {args.seconds} s each)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
