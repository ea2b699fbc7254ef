"""Latency of ``hadath serve``'s event queries on a store, as a local client sees it.

    python bench/serve.py STORE.duckdb [--requests 400] [--concurrency 1] [--check]

Starts ``hadath serve`` on STORE (read-only, 127.0.0.1, a free port) in its own process, then
sends a bounded, seeded mix of ``/api/events`` queries built from the store's own values: plain
pages, deep pages, each filter alone (type, country, actor in Arabic or English, sector, a month
of dates, text search) and combinations of them. Prints p50/p95/max per kind and overall; with
--check, exits 1 when the overall p95 is over the target (200 ms). Build a store of the whole
corpus with: hadath ingest ../shared/corpus --db corpus.duckdb
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

TARGET_P95_MS = 200.0
WARM_UP = 10
DEADLINE_S = 600  # the whole run stops by then, however slow the server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(store: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from hadath.cli import main; main()", "serve",
                               "--db", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit(f"hadath serve exited: {server.stderr.read()}")
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("hadath serve did not answer within 60 s")


def _queries(client: httpx.Client, n: int, rng: random.Random) -> list[tuple[str, dict]]:
    """``n`` (kind, parameters) pairs drawn from what the store holds."""
    stats = client.get("/api/stats").json()
    types = [c["key"] for c in stats["per_type"]]
    countries = [c["key"] for c in stats["countries"][:60]]
    sectors = stats["sectors"]
    actors = client.get("/api/actors", params={"limit": 200}).json()["items"]
    names = [a["entity_text"] for a in actors] + [a["name"] for a in actors if a["name"].isascii()]
    sample = client.get("/api/events", params={"limit": 200, "offset": 1000}).json()["items"]
    words = sorted({w for e in sample for w in (e["event_text"] or "").split() if len(w) >= 4})
    first = date.fromisoformat(stats["first_published"])
    days = max(1, (date.fromisoformat(stats["last_published"]) - first).days)

    def month() -> dict:
        start = first + timedelta(days=rng.randrange(days))
        return {"start": start.isoformat(), "end": (start + timedelta(days=30)).isoformat()}

    filters = {
        "type": lambda: {"type": rng.choice(types)},
        "country": lambda: {"country": rng.choice(countries)},
        "actor": lambda: {"actor": rng.choice(names)},
        "sector": lambda: {"sector": rng.choice(sectors)},
        "dates": month,
        "text": lambda: {"q": rng.choice(words)},
    }
    out = []
    for _ in range(n):
        kind = rng.choice(["page", "deep page", *filters, "combined", "combined"])
        if kind == "page":
            params = {}
        elif kind == "deep page":
            params = {"offset": rng.randrange(0, 10_000, 50)}
        elif kind == "combined":
            params = {}
            for name in rng.sample(list(filters), rng.choice([2, 3])):
                params.update(filters[name]())
        else:
            params = filters[kind]()
        params.setdefault("limit", 50)
        out.append((kind, params))
    return out


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if p95 > {TARGET_P95_MS:.0f} ms")
    args = parser.parse_args()
    if not args.store.is_file():
        raise SystemExit(f"no store at {args.store}; build one with hadath ingest … --db {args.store}")
    server, base = _start(args.store)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            queries = _queries(client, args.requests, random.Random(args.seed))
            for _, params in queries[:WARM_UP]:
                client.get("/api/events", params=params)
            deadline = time.monotonic() + DEADLINE_S

            def timed(query: tuple[str, dict]) -> tuple[str, float, int] | None:
                if time.monotonic() > deadline:
                    return None
                start = time.perf_counter()
                response = client.get("/api/events", params=query[1])
                return query[0], (time.perf_counter() - start) * 1000, response.status_code

            with ThreadPoolExecutor(args.concurrency) as pool:
                results = [r for r in pool.map(timed, queries) if r]
    finally:
        server.terminate()
        server.wait(timeout=30)
    failed = [r for r in results if r[2] != 200]
    by_kind: dict[str, list[float]] = {}
    for kind, ms, _ in results:
        by_kind.setdefault(kind, []).append(ms)
    print(f"{len(results)} /api/events requests on {args.store} (concurrency {args.concurrency}), "
          f"{len(failed)} failed")
    print(f"{'kind':<12}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for kind, values in sorted(by_kind.items()):
        print(f"{kind:<12}{len(values):>5}{_percentile(values, 50):>10.1f}"
              f"{_percentile(values, 95):>10.1f}{max(values):>10.1f}")
    every = [ms for _, ms, _ in results]
    p50, p95 = _percentile(every, 50), _percentile(every, 95)
    print(f"{'all':<12}{len(every):>5}{p50:>10.1f}{p95:>10.1f}{max(every):>10.1f}")
    print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'NOT met'}")
    if args.check and (p95 >= TARGET_P95_MS or failed):
        sys.exit(1)


if __name__ == "__main__":
    main()
