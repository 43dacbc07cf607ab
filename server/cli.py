"""The command-line face: each command is a few lines over a library call.

Exit codes: 0 success; 1 ingest finished but skipped some files (the index holds the rest);
2 usage error (bad arguments or query); 3 cannot run (no model, no index, index busy, nothing
readable to ingest).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import socket
import sys
import textwrap
import threading
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook import __version__
from minutebook.settings import describe_settings, load_settings

if TYPE_CHECKING:
    from minutebook.search.filters import Filters

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_CANNOT_RUN = 0, 1, 2, 3

EPILOG = __doc__.split("\n\n", 1)[1] + "\n" + describe_settings()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutebook",
        description="Cited search over council and public board papers.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"minutebook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--index", type=Path, help="index folder (default: $MINUTEBOOK_INDEX or ./index)")
        return sub

    ingest = command("ingest", "Read papers (PDF, text, Markdown, HTML; folders recursively) into the index.")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders to read")
    ingest.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip files whose name or path matches GLOB (repeatable)")
    ingest.add_argument("--all-files", action="store_true",
                        help="also read a folder's README, licence, change log or manifest (passed over by default: "
                             "they are not board papers)")
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--prune", action="store_true",
                        help="drop papers of files in the index that no longer exist on disk "
                             "(otherwise ingest adds to the index and keeps files not given)")
    ingest.add_argument("--queue-only", action="store_true",
                        help="with MINUTEBOOK_DATABASE_URL: queue the files for `minutebook worker` and return "
                             "(otherwise ingest works through the queue too and waits until it is published)")

    worker = command("worker", "With MINUTEBOOK_DATABASE_URL: read queued files (any number of workers, on any "
                               "machine), and publish the collection when the queue is drained.")
    worker.add_argument("--until-drained", action="store_true", help="stop once no job is left (default: keep waiting)")
    worker.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    worker.add_argument("--quiet", action="store_true", help="no progress")

    sync = command("sync", "Fetch new papers from a council's ModernGov site or Legistar API, then ingest them; "
                           "with no source, update every source synced before.")
    sync.add_argument("kind", nargs="?", choices=("moderngov", "legistar"), help="the publishing system")
    sync.add_argument("url", nargs="?", help="ModernGov: the site, e.g. https://democracy.example.gov.uk; "
                                             "Legistar: the API, e.g. https://webapi.legistar.com/v1/seattle")
    sync.add_argument("--committee", "--body", dest="names", action="append", default=[], metavar="NAME_OR_ID",
                      help="only this committee (ModernGov) or body (Legistar); repeatable (default: all)")
    sync.add_argument("--organisation", help="the council or board the papers are of (the systems do not say)")
    sync.add_argument("--since", help="first meeting date, YYYY-MM-DD (default: a year ago)")
    sync.add_argument("--until", help="last meeting date, YYYY-MM-DD (default: 90 days ahead)")
    sync.add_argument("--interval", type=float, help="seconds between requests to one host "
                                                     "(default: $MINUTEBOOK_SYNC_INTERVAL or 1)")
    sync.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    sync.add_argument("--quiet", action="store_true", help="no progress")

    watch = command("watch", "Saved searches: `watch add QUERY [filters]`, `watch list`, `watch remove ID`; each has "
                             "an Atom feed at /feeds/ID.atom of what new papers say about it.")
    watch.add_argument("action", choices=("add", "list", "remove"))
    watch.add_argument("what", nargs="?", metavar="QUERY_OR_ID", help="add: the words to watch for; remove: the watch's id")
    _add_filter_options(watch)
    watch.add_argument("--json", action="store_true", help="print as JSON on stdout")

    sources = command("sources", "List the sources `minutebook sync` keeps up with.")
    sources.add_argument("--json", action="store_true", help="print as JSON on stdout")

    remove = command("remove", "Drop papers from the index: the files given, or every file under a folder given.")
    remove.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders as they were ingested")
    remove.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    remove.add_argument("--quiet", action="store_true", help="no progress bar")

    search = command("search", "Search the index; print cited passages.")
    search.add_argument("query", help="what to look for, in plain words")
    search.add_argument("-k", type=int, default=10, help="number of passages (default 10)")
    search.add_argument("--mode", default="hybrid", choices=("hybrid", "lexical", "dense"),
                        help="ranking (default hybrid: BM25 and embeddings fused)")
    search.add_argument("--sort", default="relevance", choices=("relevance", "date"))
    _add_filter_options(search)
    search.add_argument("--json", action="store_true", help="print results as JSON on stdout")

    evaluate = command("eval", "Benchmark retrieval on a question file: lexical vs dense vs hybrid.")
    evaluate.add_argument("questions", type=Path, metavar="QUESTIONS.json", help="question file (see eval/)")
    evaluate.add_argument("--chat", action="store_true", help="evaluate chat answers instead of retrieval")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON on stdout")

    ask = command("ask", "Ask a question; print a cited answer (or 'not found in the papers').")
    ask.add_argument("question", help="the question, in plain words")
    _add_filter_options(ask)
    ask.add_argument("--json", action="store_true", help="print the answer as JSON on stdout")

    converse = command("chat", "Ask questions in turn; follow-ups ('and what did they decide?') use the history.")
    _add_filter_options(converse)

    documents = command("documents", "List the papers in the index with their metadata.")
    _add_filter_options(documents)
    documents.add_argument("--title", help="words in the title")
    documents.add_argument("--limit", type=int, default=500, help="rows (default 500)")
    documents.add_argument("--offset", type=int, default=0)
    documents.add_argument("--json", action="store_true", help="print as JSON on stdout")

    meetings = command("meetings", "List meetings (a body on a date) and how many papers went to each.")
    _add_filter_options(meetings)
    meetings.add_argument("--limit", type=int, default=500, help="rows (default 500)")
    meetings.add_argument("--offset", type=int, default=0)
    meetings.add_argument("--json", action="store_true", help="print as JSON on stdout")

    for plural in ("resolutions", "recommendations", "commitments", "actions"):
        register = command(plural, f"The {plural} register, with citations, links and outcomes or statuses.")
        _add_filter_options(register)
        register.add_argument("--q", help="words in the text or title")
        register.add_argument("--status", help="actions: open, fulfilled, overdue or undated")
        register.add_argument("--outcome", help="recommendations: agreed, amended, noted, deferred, rejected, ...")
        register.add_argument("--as-at", help="ISO date actions are judged at (default today)")
        register.add_argument("--limit", type=int, default=500, help="rows (default 500)")
        register.add_argument("--offset", type=int, default=0)
        output = register.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="print as JSON on stdout")
        output.add_argument("--csv", action="store_true", help="print as CSV on stdout")

    migrate = command("migrate", "Publish the index into PostgreSQL (with pgvector) without embedding anything again; "
                                 "servers with MINUTEBOOK_DATABASE_URL set then read it there.")
    migrate.add_argument("--to", required=True, metavar="URL", help="postgresql://user:password@host/database")
    migrate.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    migrate.add_argument("--quiet", action="store_true", help="no progress")

    serve = command("serve", "Serve the HTTP API (and web UI) on HOST:PORT.")
    serve.add_argument("--host", help="address to bind (default: $MINUTEBOOK_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: $MINUTEBOOK_PORT or 8000)")
    serve.add_argument("--sync-every", metavar="DURATION", type=_duration,
                       help="also sync every source `minutebook sources` lists this often (e.g. 6h, 30m, 90s), in the "
                            "background; searches see what came once it is ingested")
    return parser


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    from minutebook.search.filters import Filters

    group = parser.add_argument_group("filters (applied inside retrieval)")
    for f in fields(Filters):
        group.add_argument(f"--{f.name.replace('_', '-')}", dest=f"filter_{f.name}", metavar=f.name.upper())


def _filters(args) -> "Filters":
    from minutebook.search.filters import Filters

    return Filters(**{f.name: getattr(args, f"filter_{f.name}", None) for f in fields(Filters)})


def _fail(message: str, code: int) -> int:
    print(f"minutebook: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(index_dir=args.index, host=getattr(args, "host", None), port=getattr(args, "port", None))
    except ValueError as exc:  # a malformed MINUTEBOOK_* variable
        return _fail(f"bad setting: {exc}", EXIT_CANNOT_RUN)
    from minutebook.search.storage.embed import ModelMissing
    from minutebook.search.storage.index import IndexBusy, IndexMissing
    from minutebook.search.storage.postgres import DatabaseError

    try:
        handlers = {"ingest": _ingest, "search": _search, "eval": _eval, "documents": _documents,
                    "meetings": _meetings, "serve": _serve, "remove": _remove, "sync": _sync, "sources": _sources, "watch": _watch, "migrate": _migrate, "worker": _worker, "ask": _ask, "chat": _chat,
                    **dict.fromkeys(("resolutions", "recommendations", "commitments", "actions"), _register)}
        return handlers[args.command](args, settings)
    except (ModelMissing, IndexMissing, IndexBusy, DatabaseError) as exc:
        return _fail(str(exc), EXIT_CANNOT_RUN)
    except KeyboardInterrupt:
        return _fail("interrupted; the previous index is unchanged", 130)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _ingest(args, settings) -> int:
    from minutebook.search.storage import queue
    from minutebook.search.storage.build import NothingIndexed, build_index

    if settings.database_url and args.prune:
        return _fail("--prune works on an index folder; with MINUTEBOOK_DATABASE_URL, `minutebook remove` is not "
                     "available either: ingest into a folder and migrate", EXIT_USAGE)
    if settings.database_url and args.queue_only:
        return _queue_only(args, settings)
    try:
        if settings.database_url:  # through the queue, with any workers running, into the database
            report = queue.ingest(settings.database_url, settings, _embedder(settings), args.paths, args.exclude,
                                  args.all_files, _say(args))
        else:
            report = build_index(args.paths, settings, _embedder(settings), args.exclude,
                                 progress=not (args.quiet or args.json), prune=args.prune, all_files=args.all_files)
    except NothingIndexed as exc:
        report = exc.report
        if args.json:
            print(json.dumps({**report.to_dict(), "error": str(exc)}, indent=2))
        else:
            for skipped in report.skipped:
                print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
        return _fail(str(exc), EXIT_CANNOT_RUN)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(
            f"read {report.files_read} files, skipped {len(report.skipped)}"
            f"{f', pruned {report.pruned}' if report.pruned else ''}; {report.reused} unchanged (not parsed again); "
            f"{report.documents} documents ({report.repeats} repeats), {report.chunks} passages "
            f"({report.embedded} newly embedded) in {report.seconds:.1f} s -> {report.index}"
        )
        for skipped in report.skipped:
            print(f"  skipped {skipped.source}: {skipped.reason}")
        for note in report.passed_over:
            print(f"  passed over {note.source}: {note.reason}")
        for warning in report.warnings:
            print(f"  warning {warning.source}: {warning.reason}")
    return EXIT_PARTIAL if report.skipped else EXIT_OK


def _queue_only(args, settings) -> int:
    """Queue the files for `minutebook worker` and return."""
    from minutebook.ingest.pipeline import find_files
    from minutebook.search.storage import queue

    found = find_files(args.paths, args.exclude, args.all_files)
    if not found.files:
        return _fail("no readable papers found; the collection is unchanged", EXIT_CANNOT_RUN)
    batch, queued = queue.enqueue(settings.database_url, found.files)
    summary = {"batch": batch, "queued": queued, "skipped": [asdict(s) for s in found.skipped]}
    print(json.dumps(summary, indent=2) if args.json else
          f"queued {queued} files as batch {batch}; `minutebook worker` reads and publishes them")
    return EXIT_OK


def _say(args):
    """Progress lines on stderr, unless --quiet or --json."""
    return (lambda _: None) if args.quiet or args.json else (lambda step: print(f"  {step}", file=sys.stderr))


def _worker(args, settings) -> int:
    from minutebook.search.storage import queue

    if not settings.database_url:
        return _fail("a worker reads the queue in PostgreSQL: set MINUTEBOOK_DATABASE_URL", EXIT_USAGE)
    report = queue.work(settings.database_url, settings, _embedder(settings),
                        queue.drained if args.until_drained else None, _say(args))
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print(f"{report.worker}: read {report.files} files ({report.embedded} passages newly embedded) in "
              f"{report.seconds:.1f} s" + (f"; published {', '.join(report.published)}" if report.published else ""))
        for note in report.skipped:
            print(f"  skipped {note.source}: {note.reason}")
    return EXIT_PARTIAL if report.skipped else EXIT_OK


def _embedder(settings):
    from minutebook.search.service import load_embedder

    return load_embedder(settings)


def _search(args, settings) -> int:
    from minutebook.search.service import BadQuery, Minutebook

    library = Minutebook(settings)
    try:
        result = library.search(args.query, args.k, _filters(args), args.mode, args.sort)
    except BadQuery as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.json:
        print(json.dumps({"query": result.query, "total": result.total, "took_ms": result.took_ms,
                          "results": [asdict(h) for h in result.results]}, indent=2))
        return EXIT_OK
    if not result.results:
        print("no passages found")
    for rank, hit in enumerate(result.results, start=1):
        where = ", ".join(
            part for part in (
                hit.document_title, _other(hit.organisation, hit.body), hit.body, hit.meeting_date,
                f"item {hit.agenda_item}" if hit.agenda_item else None, hit.section,
                f"page {hit.page}" if hit.page else None,
            ) if part
        )
        print(f"{rank}. [{hit.score:.3f}] {where}\n   {hit.source}")
        print(textwrap.indent(textwrap.fill(hit.text, 100), "   "), end="\n\n")
    return EXIT_OK


def _eval(args, settings) -> int:
    from minutebook.search.evaluate import (
        format_chat_report, format_report, load_questions, run_benchmark, run_chat_benchmark,
    )
    from minutebook.search.service import Minutebook

    try:
        questions = load_questions(args.questions)
    except (OSError, ValueError, KeyError) as exc:
        return _fail(f"cannot read questions from {args.questions}: {exc}", EXIT_USAGE)
    library = Minutebook(settings)
    if args.chat:
        report = run_chat_benchmark(library, questions)
        print(json.dumps(report, indent=2) if args.json else format_chat_report(report))
    else:
        report = run_benchmark(library, questions)
        print(json.dumps(report, indent=2) if args.json else format_report(report))
    return EXIT_OK


def _open_catalog(settings):
    """The index without the model: listing papers needs no embeddings."""
    from minutebook.search.service import Minutebook

    return Minutebook(settings, embedder=False)


def _print_listing(listing, args, columns: list[tuple[str, int]], key: str) -> int:
    """A listing as a table, or with --json as the API gives it (its rows under ``key``)."""
    if args.json:
        print(json.dumps({"total": listing.total, "limit": listing.limit, "offset": listing.offset,
                          key: listing.items}, indent=2))
        return EXIT_OK
    print("  ".join(f"{name:<{width}}" for name, width in columns))
    for item in listing.items:
        print("  ".join(f"{str(item.get(name) if item.get(name) is not None else '-')[:width]:<{width}}"
                        for name, width in columns))
    print(f"({len(listing.items)} of {listing.total})")
    return EXIT_OK


def _documents(args, settings) -> int:
    from minutebook.search.service import BadQuery

    try:
        listing = _open_catalog(settings).documents(_filters(args), args.limit, args.offset, args.title)
    except BadQuery as exc:
        return _fail(str(exc), EXIT_USAGE)
    return _print_listing(listing, args, [("meeting_date", 10), ("type", 15), ("body", 28), ("agenda_item", 4),
                                           ("title", 50), ("first_page", 4)], "documents")


def _meetings(args, settings) -> int:
    from minutebook.search.service import BadQuery

    try:
        listing = _open_catalog(settings).meetings(_filters(args), args.limit, args.offset)
    except BadQuery as exc:
        return _fail(str(exc), EXIT_USAGE)
    return _print_listing(listing, args, [("date", 10), ("body", 40), ("papers", 6), ("id", 16)], "meetings")


def _register(args, settings) -> int:
    from minutebook.search.decisions.registers import RegisterQuery, rows_to_csv
    from minutebook.search.service import BadQuery

    try:
        listing = _open_catalog(settings).register(
            args.command, _filters(args), RegisterQuery(args.q, args.status, args.outcome, args.as_at),
            args.limit, args.offset,
        )
    except BadQuery as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.csv:
        sys.stdout.write(rows_to_csv(listing.items))
        return EXIT_OK
    if args.json:
        return _print_listing(listing, args, [], "rows")
    for row in listing.items:
        row["where"] = ", ".join(str(v) for v in (
            row["citation"]["meeting_date"], _other(row["citation"].get("organisation"), row["citation"]["body"]),
            row["citation"]["body"],
            f"p{row['citation']['page']}") if v)
        row["outcome_or_status"] = row.get("outcome") or row.get("status")
    return _print_listing(listing, args, [("where", 40), ("reference", 6), ("outcome_or_status", 16), ("text", 80)], "rows")


def _other(organisation: str | None, body: str | None) -> str | None:
    """The organisation when it says more than the body (a parish council meets as itself)."""
    return organisation if organisation and organisation != body else None


def _print_answer(answer) -> None:
    print(answer.answer)
    if answer.confidence is not None:
        print(f"(confidence {answer.confidence:.0%} that this gives what was asked: check it against the sources)")
    for citation in answer.citations or answer.closest:
        label = "closest" if not answer.found else f"[{citation.n}]"
        where = ", ".join(str(v) for v in (
            citation.document_title, _other(citation.organisation, citation.body), citation.body, citation.meeting_date,
            f"item {citation.agenda_item}" if citation.agenda_item else None, citation.section,
            f"page {citation.page}" if citation.page else None) if v)
        print(f"\n{label} {where}\n    {citation.source}")
        print(textwrap.indent(textwrap.fill(citation.text, 100), "    "))


def _ask(args, settings) -> int:
    from minutebook.search.chat.answer import as_dict
    from minutebook.search.service import BadQuery, Minutebook

    try:
        answer = Minutebook(settings).chat([{"role": "user", "content": args.question}], _filters(args))
    except BadQuery as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.json:
        print(json.dumps(as_dict(answer), indent=2))
    else:
        _print_answer(answer)
    return EXIT_OK


def _chat(args, settings) -> int:
    from minutebook.search.service import BadQuery, Minutebook

    library = Minutebook(settings)
    messages: list[dict] = []
    print("Ask about the papers; an empty line or Ctrl-D ends.", file=sys.stderr)
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            break
        if not question:
            break
        messages.append({"role": "user", "content": question})
        try:
            answer = library.chat(messages, _filters(args))
        except BadQuery as exc:
            print(f"minutebook: {exc}", file=sys.stderr)
            messages.pop()
            continue
        _print_answer(answer)
        print()
        messages.append({"role": "assistant", "content": answer.answer})
    return EXIT_OK


def _sync(args, settings) -> int:
    from datetime import date

    from minutebook.ingest.sync import Source
    from minutebook.search.service import load_embedder
    from minutebook.search.syncing import known_sources, sync_and_ingest, window

    if args.kind and not args.url:
        return _fail(f"sync {args.kind} needs the address of the source", EXIT_USAGE)
    try:
        since, until = window(date.fromisoformat(args.since) if args.since else None,
                              date.fromisoformat(args.until) if args.until else None)
    except ValueError:
        return _fail("--since and --until are dates like 2024-03-31", EXIT_USAGE)
    if args.kind:
        chosen = [Source(args.kind, args.url.rstrip("/"), tuple(args.names), args.organisation)]
    else:
        chosen = known_sources(settings)
        if not chosen:
            return _fail("no sources yet: name one, e.g. `minutebook sync moderngov https://democracy.example.gov.uk`",
                         EXIT_USAGE)
    quiet = args.quiet or args.json
    say = (lambda message: None) if quiet else (lambda message: print(message, file=sys.stderr))
    interval = settings.sync_interval if args.interval is None else args.interval
    done = sync_and_ingest(settings, lambda: load_embedder(settings), chosen, since, until, interval, say,
                           progress=not quiet)
    if args.json:
        print(json.dumps({"sources": [r.to_dict() for r in done.reports], "errors": done.failures,
                          "index": done.built.to_dict() if done.built else None}, indent=2))
    else:
        for r in done.reports:
            print(f"{r.source}: {r.meetings} meetings, {r.listed} papers listed: {r.fetched} fetched, "
                  f"{r.unchanged} already here, {r.restricted} restricted (not fetched), {len(r.failed)} failed")
            for failed in r.failed:
                print(f"  failed {failed}")
        if done.built:
            print(f"ingested: {done.built.documents} documents, {done.built.chunks} passages -> {done.built.index}")
    for failure in done.failures:
        print(f"minutebook: {failure}", file=sys.stderr)
    if done.failures and not done.reports:
        return EXIT_CANNOT_RUN
    return EXIT_PARTIAL if done.failures or any(r.failed for r in done.reports) else EXIT_OK


def _watch(args, settings) -> int:
    from minutebook.search import watches

    index_dir = settings.index_dir
    if args.action == "add":
        filters = {k: v for k, v in asdict(_filters(args)).items() if v}
        try:
            made = watches.add(index_dir, args.what or "", filters)
        except ValueError as exc:
            return _fail(str(exc), EXIT_USAGE)
        print(json.dumps(asdict(made), indent=2) if args.json else
              f"watching “{made.query}” as {made.id}: its feed is /feeds/{made.id}.atom on `minutebook serve`")
        return EXIT_OK
    if args.action == "remove":
        if not args.what or not watches.remove(index_dir, args.what):
            return _fail(f"no watch called {args.what!r}; `minutebook watch list` lists them", EXIT_USAGE)
        print(f"removed {args.what}")
        return EXIT_OK
    return _print_records(args, watches.load(index_dir), "no watches yet: `minutebook watch add \"QUERY\"` adds one",
                          lambda w: f"{w.id}  “{w.query}”  {json.dumps(w.filters) if w.filters else ''}  since {w.created}")


def _migrate(args, settings) -> int:
    import time

    from minutebook.search.storage import postgres, queue
    from minutebook.search.storage.index import open_index

    generation = open_index(settings.index_dir).generation
    started = time.monotonic()
    say = _say(args)
    schema = postgres.migrate(generation, args.to, say)
    say("sharing the parse and embedding caches with workers")
    queue.share_caches(settings.index_dir, generation, args.to)
    index = postgres.PgIndex(args.to, schema)
    summary = {"from": str(generation), "to": postgres.redact(args.to), "generation": schema,
               "documents": int(index.documents), "passages": int(index.chunks), "seconds": round(time.monotonic() - started, 1)}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"published {summary['documents']} documents, {summary['passages']} passages from {generation.name} "
              f"to {summary['to']} as {schema} in {summary['seconds']} s; serve it with MINUTEBOOK_DATABASE_URL set")
    return EXIT_OK


def _sources(args, settings) -> int:
    from minutebook.search.syncing import known_sources

    return _print_records(args, known_sources(settings),
                          "no sources yet: `minutebook sync moderngov URL` or `minutebook sync legistar URL` adds one",
                          lambda s: f"{s.kind:10s} {s.url}  {', '.join(s.names) or 'all'}"
                                    f"{f'  ({s.organisation})' if s.organisation else ''}")


def _print_records(args, records: list, empty: str, line) -> int:
    """Saved records (watches, sources) as JSON, or one ``line`` each, or ``empty`` when there are none."""
    if args.json:
        print(json.dumps([asdict(r) for r in records], indent=2))
        return EXIT_OK
    for record in records:
        print(line(record))
    if not records:
        print(empty)
    return EXIT_OK


def _remove(args, settings) -> int:
    from minutebook.search.storage.build import NotInIndex, build_index
    from minutebook.search.service import load_embedder

    try:
        report = build_index([], settings, load_embedder(settings), progress=not (args.quiet or args.json), remove=args.paths)
    except NotInIndex as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(f"removed {report.removed} file{'s' if report.removed != 1 else ''}; {report.files_read} files, "
              f"{report.documents} documents, {report.chunks} passages remain -> {report.index}")
    return EXIT_OK


def _duration(text: str) -> float:
    """Seconds in "6h", "30m", "90s", "2d" or a plain number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text[-1:] in units else float(text)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 6h, 30m or 90s") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the duration must be more than 0")
    return seconds


def _keep_up(settings, library, every: float, stop) -> None:
    """Sync the remembered sources every ``every`` seconds until ``stop`` is set (serve --sync-every)."""
    from minutebook.search.syncing import known_sources, sync_and_ingest, window

    while not stop.wait(every):
        sources = known_sources(settings)
        if not sources:
            continue
        try:
            done = sync_and_ingest(settings, lambda: library.embedder, sources, *window(), settings.sync_interval)
        except Exception as exc:  # noqa: BLE001 - the server goes on; the next round tries again
            print(f"minutebook: background sync failed: {exc}", file=sys.stderr, flush=True)
            continue
        fetched = sum(r.fetched for r in done.reports)
        print(f"minutebook: synced {len(done.reports)} of {len(sources)} sources, {fetched} new papers"
              f"{f', {done.built.documents} documents in the index' if done.built else ''}"
              f"{''.join(f'; {f}' for f in done.failures)}", file=sys.stderr, flush=True)


def _serve(args, settings) -> int:
    import uvicorn

    from minutebook.search.service import Minutebook
    from minutebook.server.app import create_app

    library = Minutebook(settings)  # load before binding, so a missing index fails with a clear message
    # Bind before saying "serving": a busy port is reported as such, and nothing claims to serve.
    listening = socket.socket(socket.AF_INET6 if ":" in settings.host else socket.AF_INET)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((settings.host, settings.port))
    except OSError as exc:
        listening.close()
        why = "the address is in use (another server is listening there)" if exc.errno == errno.EADDRINUSE else exc.strerror
        print(f"error: cannot serve on {settings.host}:{settings.port}: {why}; choose another with --port",
              file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"minutebook serving {library.index.documents} documents at http://{settings.host}:{settings.port}/",
          file=sys.stderr, flush=True)
    stop = threading.Event()
    if args.sync_every:
        threading.Thread(target=_keep_up, args=(settings, library, args.sync_every, stop), daemon=True).start()
    try:
        uvicorn.Server(uvicorn.Config(create_app(settings, library), log_level="warning")).run(sockets=[listening])
    finally:
        stop.set()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
