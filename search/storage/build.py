"""Build an index generation from files: parse, store, embed (cached), write vectors, BM25 weights and manifest."""

from __future__ import annotations

import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import numpy as np

from minutebook import __version__
from minutebook.ingest import facts as source_facts
from minutebook.ingest.chunk import sentence_spans
from minutebook.ingest.collection import fill_organisations
from minutebook.ingest.ocr import Ocr
from minutebook.ingest.pipeline import Kept, ParsedFile, find_files, parse_files
from minutebook.resources import peak_rss_bytes
from minutebook.settings import Settings
from minutebook.vocabulary import Chunk, Skipped

from minutebook.search.storage.bm25 import SparseBM25
from minutebook.search.storage.embed import EmbeddingCache, Embedder, embed_cached
from minutebook.search.storage.repeats import RepeatFinder
from minutebook.search.storage.index import (
    CACHE_FILE, STORE_FILE, VECTORS_FILE, build_lock, current_generation, new_generation, publish_generation,
    write_manifest,
)
from minutebook.search.storage.parsed import PARSE_CACHE_FILE, ParseCache
from minutebook.search.decisions.links import link_decisions
from minutebook.search.storage.vectors import finish_vector_index, make_vector_index
from minutebook.search.storage.store import (
    create_store, finish_store, insert_decisions, insert_document, insert_links, insert_seen, insert_sentence_vectors,
    insert_source, previously_seen, set_organisation,
)

# Chunks embedded together: large enough to batch well across small files, small enough to stream.
EMBED_BATCH = 512


class NotInIndex(ValueError):
    """Files asked to be removed that the index does not hold (or removing that would empty it)."""


class NothingIndexed(RuntimeError):
    """No file could be read; the previous index is left as it was."""

    def __init__(self, report: "BuildReport") -> None:
        super().__init__("no readable papers found; the previous index (if any) is unchanged")
        self.report = report


@dataclass
class BuildReport:
    index: str
    files_read: int = 0  # files in the new index, including those kept from the previous one
    reused: int = 0  # files not parsed again: unchanged since the previous ingest, or kept from it
    pruned: int = 0  # files of the previous index dropped by --prune because they are gone from disk
    removed: int = 0  # files of the previous index dropped because they were asked to be removed
    skipped: list[Skipped] = field(default_factory=list)
    passed_over: list[Skipped] = field(default_factory=list)  # a folder's README, licence ...: not papers
    warnings: list[Skipped] = field(default_factory=list)  # files indexed whose text layer is poor, and how
    documents: int = 0
    repeats: int = 0  # papers recognised as republished copies of one already read
    decisions: int = 0
    links: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks the model had to embed (the rest came from the cache)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the ingesting process's peak resident memory

    def to_dict(self) -> dict:
        data = asdict(self)
        for name in ("skipped", "passed_over", "warnings"):
            data[name] = [asdict(s) for s in getattr(self, name)]
        return data


def _versions() -> dict[str, str]:
    versions = {"minutebook": __version__, "python": platform.python_version()}
    for package in ("faiss-cpu", "sentence-transformers", "torch", "pypdf", "numpy", "pystemmer", "onnxruntime"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "unknown"
    return versions


def build_index(
    paths: Iterable[Path],
    settings: Settings,
    embedder: Embedder,
    exclude: Iterable[str] = (),
    progress: bool = True,
    prune: bool = False,
    all_files: bool = False,
    remove: Iterable[Path] = (),
) -> BuildReport:
    """Parse ``paths`` into a new generation of ``settings.index_dir`` and publish it atomically.

    Ingest adds to the index: files of the previous generation not given now are kept as they were
    (with ``prune``, those no longer on disk are dropped; files, or files in folders, named in
    ``remove`` are dropped too). A file whose bytes are unchanged is not parsed again (its papers come
    from the parse cache) nor embedded again (the embedding cache).
    """
    started = time.perf_counter()
    index_dir = settings.index_dir
    report = BuildReport(index=str(index_dir))
    created = not index_dir.exists()  # a build that fails leaves no folder it made behind
    try:
        with build_lock(index_dir):
            found = find_files(paths, exclude, all_files)
            files, report.skipped, report.passed_over = found.files, found.skipped, found.passed_over
            for note in report.passed_over:
                if progress:
                    print(f"passed over {note.source}: {note.reason}", file=sys.stderr)
            removing = [Path(os.path.abspath(path)) for path in remove]
            order, given, report.pruned, report.removed = _with_previous(index_dir, files, prune, removing)
            if removing and not report.removed:
                raise NotInIndex(f"the index holds no file at {', '.join(map(str, removing))}; `minutebook documents` lists it")
            if removing and not order:
                raise NotInIndex("removing these would leave the index empty; delete the index folder instead")
            building = new_generation(index_dir)
            try:
                previous = current_generation(index_dir)
                cache = EmbeddingCache(index_dir / CACHE_FILE)
                try:
                    assemble(
                        order, given, building, settings, embedder, report, cache,
                        lambda ocr: ParseCache(index_dir / PARSE_CACHE_FILE, settings.chunk_chars, ocr),
                        previously_seen(previous / STORE_FILE if previous else None), progress,
                    )
                finally:
                    cache.close()
                publish_generation(index_dir, building)
            except BaseException:
                shutil.rmtree(building, ignore_errors=True)
                raise
    except BaseException:
        if created:
            shutil.rmtree(index_dir, ignore_errors=True)
        raise
    report.seconds = round(time.perf_counter() - started, 2)
    report.peak_rss_mb = round(peak_rss_bytes() / 1e6, 1)
    return report


def assemble(
    order: list[Path | Kept], given: set[str], building: Path, settings: Settings, embedder: Embedder,
    report: BuildReport, cache, open_parse_cache: Callable[[str], object], seen_before: dict[str, str],
    progress: bool = True,
) -> None:
    """Write a whole generation into the folder ``building``: the papers of ``order`` (parsed, or
    from the parse cache that ``open_parse_cache(ocr fingerprint)`` opens), their vectors (from
    ``cache``, else embedded), the links between decisions, BM25 weights and the manifest.

    Raises NothingIndexed when no file of ``given`` could be read (and nothing was removed)."""
    import faiss
    from tqdm import tqdm

    store = create_store(building / STORE_FILE)
    bar = tqdm(order, desc="ingest", unit="file", disable=not progress, file=sys.stderr)
    ocr = Ocr.from_settings(settings, lambda path, n, of: bar.set_postfix_str(f"OCR {path.name} page {n} of {of}"))
    parse_cache = open_parse_cache(ocr.fingerprint())
    given_read = 0
    vectors = make_vector_index(embedder.dimension)  # flat while filling; see finish_vector_index
    pending: list[Chunk] = []
    sources: dict[str, dict] = {}
    repeats = RepeatFinder()
    linkable: list = []  # (document, decisions) of every paper: small, kept for linking across papers

    def embed_pending() -> None:
        if not pending:
            return
        matrix, sentences, computed = embed_cached(
            embedder, cache, [c.embed_text for c in pending], spans=[embedded_spans(c) for c in pending],
        )
        vectors.add_with_ids(matrix, np.array([c.id for c in pending], dtype=np.int64))
        insert_sentence_vectors(store, [(c.id, m) for c, m in zip(pending, sentences)])
        report.embedded += computed
        pending.clear()

    for result in parse_files(bar, settings.chunk_chars, parse_cache, ocr):
        if isinstance(result, Skipped):
            report.skipped.append(result)
            bar.write(f"skipped {result.source}: {result.reason}", file=sys.stderr)
            continue
        report.reused += result.reused
        given_read += result.source in given
        if result.source in given:
            for warning in result.warnings:
                report.warnings.append(Skipped(result.source, warning))
                if progress:  # the summary lists them again at the end
                    bar.write(f"warning {result.source}: {warning}", file=sys.stderr)
        _store_file(store, result, sources, pending, report, repeats, linkable)
        if len(pending) >= EMBED_BATCH:
            bar.set_postfix_str(f"embedding {len(pending)} passages")
            embed_pending()
            bar.set_postfix_str(f"{report.chunks} passages")
    embed_pending()
    bar.close()
    parse_cache.close()
    if given_read == 0 and not report.removed:  # nothing given was readable: leave the index as it is
        raise NothingIndexed(report)
    _organisations_of_folders(store, [document for document, _ in linkable])
    links = link_decisions(linkable)
    insert_links(store, links)
    insert_seen(store, seen_before, time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    report.links = len(links)
    store.commit()
    # BM25 over the text that is embedded (it carries title and headings), as FTS5 indexed it
    SparseBM25.build(store.execute("SELECT id, embed_text FROM chunks ORDER BY id")).save(building)
    finish_store(store)
    faiss.write_index(finish_vector_index(vectors), str(building / VECTORS_FILE))  # IVF when large
    write_manifest(
        building,
        {
            "format": 2,  # 2: lexical ranking from bm25-*.npy, no chunks_fts
            "model": embedder.name,
            "model_id": embedder.model_id,
            "dimension": embedder.dimension,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "versions": _versions(),
            "counts": {"files": report.files_read, "documents": report.documents, "chunks": report.chunks},
            "sources": sources,
            "skipped": [asdict(s) for s in report.skipped],
        },
    )


def _organisations_of_folders(store, documents: list) -> None:
    """A paper that names no organisation takes the one the other papers of its folder agree on
    (ingest/collection.py): set on the stored paper and on ``documents`` before they are linked."""
    for document in fill_organisations(documents):
        set_organisation(store, document.id, document.organisation)


def _with_previous(
    index_dir: Path, files: list[Path], prune: bool, removing: list[Path] = (),
) -> tuple[list[Path | Kept], set[str], int, int]:
    """The files of this build in a stable order: the previous generation's sources in their order
    (given ones are refreshed, the others kept unless pruned or removed), then new files in the
    order found; and how many were pruned and removed."""
    import sqlite3

    previous: list[tuple[str, str]] = []
    generation = current_generation(index_dir)
    if generation is not None:
        conn = sqlite3.connect(f"file:{generation / STORE_FILE}?mode=ro", uri=True)
        try:
            previous = conn.execute("SELECT path, file_hash FROM sources ORDER BY rowid").fetchall()
        except sqlite3.Error:
            previous = []  # an index of an older format: build from what is given
        finally:
            conn.close()
    given = {str(f) for f in files}
    order: list[Path | Kept] = []
    pruned = removed = 0
    for path, digest in previous:
        if any(Path(path) == r or r in Path(path).parents for r in removing):
            removed += 1
        elif path in given:
            order.append(Path(path))
        elif prune and not Path(path).exists():
            pruned += 1
        else:
            order.append(Kept(Path(path), digest))
    known = {path for path, _ in previous}
    order.extend(f for f in files if str(f) not in known)
    return order, given, pruned, removed


def embedded_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """Where the passage's sentences (as chat reads them) stand in the text that is embedded."""
    shift = len(chunk.embed_text) - len(chunk.text)  # the context line before the passage
    return [(start + shift, end + shift) for start, end in sentence_spans(chunk.text)]


def _store_file(
    store, parsed: ParsedFile, sources: dict, pending: list[Chunk], report: BuildReport,
    repeats: RepeatFinder, linkable: list,
) -> None:
    file_chunks = 0
    given = source_facts.read(Path(parsed.source))  # a synced file's facts from its source win
    for n, paper in enumerate(parsed.papers):
        if given.fields:
            paper.document = source_facts.apply(paper.document, given.fields, len(parsed.papers))
        if given.decisions and n == 0:  # the source's record of the meeting goes with the file's first paper
            paper.decisions = source_facts.with_decisions(paper.document, paper.decisions, given.decisions)
        text = "\n".join(chunk.text for chunk in paper.chunks)
        paper.document.repeat_of = repeats.original_of(paper.document, text)
        if paper.document.repeat_of:  # searched once: listed as an appearance, passages not indexed again
            insert_document(store, paper.document, [])
            report.repeats += 1
            continue
        insert_document(store, paper.document, paper.chunks)
        insert_decisions(store, paper.decisions)
        report.decisions += len(paper.decisions)
        linkable.append((paper.document, paper.decisions))
        pending.extend(paper.chunks)
        file_chunks += len(paper.chunks)
        report.documents += 1
    insert_source(store, parsed.source, parsed.file_hash, parsed.pages, len(parsed.papers), file_chunks)
    sources[parsed.source] = {
        "sha256": parsed.file_hash, "pages": parsed.pages, "documents": len(parsed.papers), "chunks": file_chunks,
    }
    report.chunks += file_chunks
    report.files_read += 1
