"""Eight concurrent clients for 30 seconds on loopback, mixing searches, register listings and chat:
no request may fail. Throughput and p95 latency are printed (``pytest -s``) and written to
``test-output/load.json``; they are reported, not asserted (they depend on the machine).
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

import httpx

CLIENTS = 8
SECONDS = 30
OUTPUT = Path(__file__).resolve().parent.parent / "test-output" / "load.json"

QUERIES = [
    "what did the council promise about bike lanes", "flood embankments", "lunch club grant",
    "accessory dwelling units", "Saturday opening", "street trees policy", "allotment waiting list",
    "car park charges", "what did the committee decide about parking", "school streets",
]


def _requests(rng: random.Random):
    """An endless mix: half searches, a third register listings, the rest chat."""
    while True:
        roll = rng.random()
        if roll < 0.5:
            yield "search", "GET", "/search", {"params": {"q": rng.choice(QUERIES), "k": rng.choice((3, 10, 20))}}
        elif roll < 0.85:
            kind = rng.choice(("resolutions", "recommendations", "actions", "commitments"))
            params = rng.choice(({}, {"q": "parking"}, {"limit": 5, "offset": 1}, {"format": "csv"}))
            yield kind, "GET", f"/{kind}", {"params": params}
        else:
            yield "chat", "POST", "/chat", {"json": {"messages": [{"role": "user", "content": rng.choice(QUERIES)}]}}


def test_eight_clients_for_thirty_seconds_get_no_errors(server):
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=server, timeout=60) as http:
            for name, method, path, kwargs in _requests(rng):
                if time.monotonic() >= stop_at:
                    return
                started = time.perf_counter()
                try:
                    response = http.request(method, path, **kwargs)
                    ok = response.status_code == 200
                    problem = f"{response.status_code} {method} {path} {kwargs}: {response.text[:120]}"
                except httpx.HTTPError as exc:
                    ok, problem = False, f"{type(exc).__name__} {method} {path}: {exc}"
                took = time.perf_counter() - started
                with lock:
                    latencies.setdefault(name if name in ("search", "chat") else "registers", []).append(took)
                    if not ok:
                        errors.append(problem)

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(CLIENTS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 120)
    elapsed = time.monotonic() - began

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1) if ordered else 0.0

    every = [t for values in latencies.values() for t in values]
    report = {
        "clients": CLIENTS, "seconds": round(elapsed, 1), "requests": len(every), "errors": len(errors),
        "throughput_rps": round(len(every) / elapsed, 1), "p95_ms": p95(every),
        "by_route": {name: {"requests": len(values), "p95_ms": p95(values)} for name, values in sorted(latencies.items())},
    }
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"load: {report['requests']} requests in {report['seconds']} s = {report['throughput_rps']} req/s, "
          f"p95 {report['p95_ms']} ms, errors {report['errors']}; {report['by_route']}")
    assert not errors, errors[:5]
    assert all(latencies.get(name) for name in ("search", "registers", "chat")), "every route was exercised"
