"""minutebook benchmark: ingest stages, embedding throughput, search latency, memory, index size.

    python bench/run.py [--json] [--scale 1,10,100] [--real-model-max 10] [--tune] [--keep DIR]

Every number in the table is measured in this run, in temporary folders (never ./index). Each
measurement runs in its own process, so peak RSS is that step's own and no warm state leaks.

- 1x is corpus/ itself: cold ingest (empty index and caches), warm re-ingest (nothing changed),
  one-file-changed re-ingest, the same cold ingest with the int8 encoder, and every encoder side by side with a plain SentenceTransformer.encode over the same sample of
  the texts the pipeline embeds (one process, same batch and threads, rotated trials, medians).
- 10x / 100x are bench/synthetic.py corpora. Scales up to --real-model-max are embedded by the real
  model (MINUTEBOOK_QUANTIZE chooses float or int8). Above it, passages get *static* vectors (the
  mean of MiniLM's word-piece input embeddings: same dimension, text-dependent, ~100x cheaper), so
  the store, FTS5 and FAISS sizes, search latency, recall of IVF against flat and memory are real,
  while the embedding time is extrapolated from the measured model throughput. At those scales the
  search process still runs the real model on every query (and discards its vector) so query
  latency includes real query encoding.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUESTIONS = ROOT / "eval" / "questions.json"


# ---------------------------------------------------------------- workers (one process each)


def _rss_mb() -> float:
    from minutebook.resources import peak_rss_bytes

    return peak_rss_bytes() / 2**20


def _current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _settings(index: str, quantize: str):
    from minutebook.settings import load_settings

    return load_settings(index_dir=index, quantize=quantize)


class StaticEmbedder:
    """Mean of MiniLM's word-piece input embeddings, normalised: a cheap text-dependent stand-in."""

    def __init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        from minutebook.search.storage.embed import resolve_model_path

        model = SentenceTransformer(str(resolve_model_path("")), device="cpu")
        self.tokenizer = model.tokenizer
        self.table = model[0].auto_model.embeddings.word_embeddings.weight.detach().numpy().copy()
        self.dimension = self.table.shape[1]
        self.name = "static-minilm-wordpieces"
        self.model_id = self.name
        self.batch_size = 512
        self.quantize = ""

    def encode(self, texts):
        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, ids in enumerate(self.tokenizer(list(texts), truncation=True, max_length=256,
                                                  add_special_tokens=False)["input_ids"]):
            if ids:
                vec = self.table[ids].mean(axis=0)
                out[row] = vec / (np.linalg.norm(vec) or 1.0)
        return out

    def encode_passages(self, texts, spans):
        """As Embedder.encode_passages: sentence vectors pool the same word-piece vectors."""
        from minutebook.search.storage.embed import pool_spans

        import numpy as np

        encoded = self.tokenizer(list(texts), truncation=True, max_length=256, add_special_tokens=False,
                                 return_offsets_mapping=True)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        sentences = []
        for row, (ids, offsets, text_spans) in enumerate(zip(encoded["input_ids"], encoded["offset_mapping"], spans)):
            tokens = self.table[ids]  # one tokenisation gives both the passage and its sentences
            if ids:
                mean = tokens.mean(axis=0)
                vectors[row] = mean / (np.linalg.norm(mean) or 1.0)
            sentences.append(pool_spans(tokens.reshape(-1, self.dimension), offsets, text_spans))
        return vectors, sentences


class RealCostStatic:
    """Queries pay the real model's encoding time, but are answered in the static vectors' space."""

    def __init__(self, real, static) -> None:
        self.real, self.static = real, static
        self.name, self.model_id, self.dimension = static.name, static.model_id, static.dimension

    def encode(self, texts):
        self.real.encode(texts)
        return self.static.encode(texts)


def _embedder(kind: str, quantize: str, for_queries: bool = False):
    if kind == "static":
        return StaticEmbedder()
    from minutebook.search.service import load_embedder

    settings = _settings("unused", quantize)
    return load_embedder(settings, settings.query_threads if for_queries else None)


def worker_ingest(a: dict) -> dict:
    """One build_index run, timing its stages by wrapping the parse generator and the embed call."""
    from minutebook.search.storage import build

    started = time.perf_counter()
    embedder = _embedder(a["embedder"], a["quantize"])
    load_s = time.perf_counter() - started
    times = {"parse": 0.0, "embed": 0.0}
    chars = {"embedded": 0}
    real_parse, real_embed = build.parse_files, build.embed_cached

    def timed_parse(*args, **kwargs):
        it = iter(real_parse(*args, **kwargs))
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                times["parse"] += time.perf_counter() - t
                return
            times["parse"] += time.perf_counter() - t
            yield item

    def timed_embed(*args, **kwargs):
        t = time.perf_counter()
        result = real_embed(*args, **kwargs)
        times["embed"] += time.perf_counter() - t
        return result

    model_encode = embedder.encode_passages  # what ingest calls (passage and sentence vectors)

    def counted_encode(texts, spans):  # characters that reached the model (cache misses), for throughput
        chars["embedded"] += sum(map(len, texts))
        return model_encode(texts, spans)

    embedder.encode_passages = counted_encode
    build.parse_files, build.embed_cached = timed_parse, timed_embed
    if a.get("skip_links"):
        # Linking decisions across papers (search/decisions/lineage.py) compares commitments pairwise: at 100x
        # it had not finished after 10 minutes, so large scales leave it out and say so.
        build.link_decisions = lambda linkable: []
    settings = _settings(a["index"], a["quantize"])
    t = time.perf_counter()
    report = build.build_index([Path(p) for p in a["paths"]], settings, embedder, ["README.md"], progress=False)
    total = time.perf_counter() - t
    return {
        "total_s": total, "parse_s": times["parse"], "embed_s": times["embed"],
        "store_s": total - times["parse"] - times["embed"], "model_load_s": load_s,
        "chunks": report.chunks, "embedded": report.embedded, "embedded_chars": chars["embedded"],
        "peak_rss_mb": _rss_mb(),
    }


def _embed_texts(paths: list[str]) -> list[str]:
    """The texts the pipeline embeds (each chunk's embed_text), from a fresh parse."""
    from minutebook.ingest.pipeline import find_files, parse_files

    files = find_files([Path(p) for p in paths]).files
    texts = []
    for result in parse_files(files, _settings("unused", "").chunk_chars):
        for paper in getattr(result, "papers", []):
            texts += [c.embed_text for c in paper.chunks]
    return list(dict.fromkeys(texts))


ENCODERS = {  # name -> (MINUTEBOOK_QUANTIZE, MINUTEBOOK_RUNTIME) of the pipeline's Embedder
    "float onnx": ("", "onnx"), "float torch": ("", "torch"), "int8 torch": ("int8", "torch"),
}


def worker_encode(a: dict) -> dict:
    """Side by side in one process: a plain SentenceTransformer.encode (the baseline) and each
    pipeline encoder over the same texts, same batch size and threads. Trials rotate the order and
    each figure is the median of the trials, so load from other processes hits all alike."""
    import random

    from sentence_transformers import SentenceTransformer

    from minutebook.search.storage.embed import Embedder, resolve_model_path

    texts = _embed_texts(a["paths"])
    sample = random.Random(0).sample(texts, min(a.get("sample", 300), len(texts)))
    threads, batch = os.cpu_count() or 1, 32
    import torch

    torch.set_num_threads(threads)
    plain = SentenceTransformer(str(resolve_model_path("")), device="cpu")
    run = {"plain": lambda xs: plain.encode(xs, batch_size=batch, normalize_embeddings=True, convert_to_numpy=True)}
    for name, (quantize, runtime) in ENCODERS.items():
        run[name] = Embedder(resolve_model_path(""), threads, batch, quantize, runtime).encode
    for f in run.values():
        f(sample[:8])  # warm up
    seconds: dict[str, list[float]] = {name: [] for name in run}
    names = list(run)
    for trial in range(a.get("trials", 3)):
        for name in names[trial % len(names):] + names[: trial % len(names)]:
            t = time.perf_counter()
            run[name](sample)
            seconds[name].append(time.perf_counter() - t)
    out = {"texts": len(sample), "chars": sum(map(len, sample)), "trials": a.get("trials", 3), "threads": threads,
           "seconds": {name: statistics.median(v) for name, v in seconds.items()}, "all": seconds}
    # Query embedding: one short question at a time, 1 thread (as a server embeds queries).
    questions = [q["question"] for q in json.loads(QUESTIONS.read_text())][:40]
    torch.set_num_threads(1)
    one = {"plain": lambda q: plain.encode([q], normalize_embeddings=True)}
    for name, (quantize, runtime) in ENCODERS.items():
        one[name] = Embedder(resolve_model_path(""), 1, batch, quantize, runtime).encode
    query_ms: dict[str, list[float]] = {name: [] for name in one}
    for q in questions:
        for name, f in one.items():
            t = time.perf_counter()
            f([q] if name != "plain" else q)
            query_ms[name].append((time.perf_counter() - t) * 1000)
    out["query_ms"] = {name: statistics.median(v) for name, v in query_ms.items()}
    return out


def worker_tune(a: dict) -> dict:
    """Embedding seconds for a fixed sample at each (threads, batch size)."""
    import random

    import torch

    from minutebook.search.storage.embed import Embedder, resolve_model_path

    texts = _embed_texts(a["paths"])
    sample = random.Random(0).sample(texts, min(256, len(texts)))
    sample.sort(key=len, reverse=True)
    embedder = Embedder(resolve_model_path(""), 2, 32, a["quantize"])
    embedder.encode(sample[:8])
    out = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for batch in (8, 16, 32, 64):
            embedder.batch_size = batch
            t = time.perf_counter()
            embedder.encode(sample)
            out[f"t{threads}_b{batch}"] = time.perf_counter() - t
    return out


def _ivf_contents(ivf):
    """(ids, vectors) of an IndexIVFFlat, read from its inverted lists."""
    import faiss
    import numpy as np

    lists = ivf.invlists
    ids, vecs = [], []
    for l in range(ivf.nlist):
        n = lists.list_size(l)
        if n:
            ids.append(faiss.rev_swig_ptr(lists.get_ids(l), n).copy())
            codes = faiss.rev_swig_ptr(lists.get_codes(l), n * ivf.code_size).copy()
            vecs.append(codes.view(np.float32).reshape(n, ivf.d))
    return np.concatenate(ids).astype(np.int64), np.concatenate(vecs)


def worker_search(a: dict) -> dict:
    """Load the library as a server does, run every eval question (hybrid), and compare flat vs IVF."""
    import numpy as np

    from minutebook.search.storage import vectors as V
    from minutebook.search.evaluate import load_questions
    from minutebook.search.service import Minutebook

    settings = _settings(a["index"], a["quantize"])
    if a["embedder"] == "static":
        embedder = RealCostStatic(_embedder("model", a["quantize"], True), StaticEmbedder())
    else:
        embedder = _embedder("model", a["quantize"], True)
    library = Minutebook(settings, embedder=embedder)
    loaded_rss = _current_rss_mb()
    questions = [q.question for q in load_questions(QUESTIONS)]
    library.encode.clear()
    latencies = []
    for question in questions:  # each question once: every query pays its own encoding
        t = time.perf_counter()
        library.search(question, k=10, mode="hybrid")
        latencies.append((time.perf_counter() - t) * 1000)
    # Chat: each question asked once more as a conversation's first question (its query embedding is
    # cached by now, as a follow-up's would be; the rest, thirty passages, their sentence vectors and
    # the answer, is paid in full).
    chat_ms = []
    for question in questions:
        t = time.perf_counter()
        library.chat([{"role": "user", "content": question}])
        chat_ms.append((time.perf_counter() - t) * 1000)
    # The two fusions side by side on the same cached query embeddings, alternating per question:
    # what the learned order adds (reading the candidates' texts and sentence vectors, scoring them).
    fusion_ms: dict[str, list[float]] = {"rrf": [], "learned": []}
    for question in questions:
        for method in ("rrf", "learned"):
            t = time.perf_counter()
            library.search(question, k=10, mode="hybrid", fusion_method=method)
            fusion_ms[method].append((time.perf_counter() - t) * 1000)
    # Two parts of a search on their own: embedding the query (the real model) and BM25.
    from minutebook.search.ranking.retrieve import lexical_ranking

    model = getattr(embedder, "real", embedder)
    encode_ms, bm25_ms = [], []
    for question in questions:
        t = time.perf_counter()
        model.encode([question])
        encode_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        lexical_ranking(library.index, question, settings.candidates)
        bm25_ms.append((time.perf_counter() - t) * 1000)
    # Dense-only vector search, flat and IVF over the same vectors, with the same query vectors.
    index = library.index.vectors
    queries = np.stack([library.encode(q) for q in questions]).astype(np.float32)
    if V.is_ivf(index):
        import faiss

        ids, matrix = _ivf_contents(faiss.extract_index_ivf(index))
        ivf = index
    else:
        ids, matrix = V.stored_vectors(index)
        ivf = None
        if len(ids) >= 20_000:  # below this IVF has too few points per list to be worth measuring
            saved, V.IVF_THRESHOLD = V.IVF_THRESHOLD, 0
            ivf = V.finish_vector_index(index)
            V.IVF_THRESHOLD = saved
    import faiss

    flat = faiss.IndexIDMap2(faiss.IndexFlatIP(matrix.shape[1]))
    flat.add_with_ids(matrix, ids)

    def time_search(idx):
        out, found = [], []
        for q in queries:
            t = time.perf_counter()
            found.append(V.search_vectors(idx, q, 10)[1])
            out.append((time.perf_counter() - t) * 1000)
        return out, np.stack(found)

    flat_ms, truth = time_search(flat)
    result = {
        "hybrid_p50_ms": statistics.median(latencies), "hybrid_p95_ms": _pct(latencies, 95),
        "chat_p50_ms": statistics.median(chat_ms), "chat_p95_ms": _pct(chat_ms, 95),
        "rrf_cached_p50_ms": statistics.median(fusion_ms["rrf"]),
        "learned_cached_p50_ms": statistics.median(fusion_ms["learned"]),
        "query_encode_p50_ms": statistics.median(encode_ms), "bm25_p50_ms": statistics.median(bm25_ms),
        "flat_p50_ms": statistics.median(flat_ms), "vectors": int(len(ids)),
        "index_kind": "ivf" if V.is_ivf(index) else "flat",
        "loaded_rss_mb": loaded_rss, "peak_rss_mb": _rss_mb(),
    }
    if ivf is not None:
        ivf_ms, found = time_search(ivf)
        result.update(ivf_p50_ms=statistics.median(ivf_ms), ivf_recall10=V.recall_at(found, truth),
                      ivf_nlist=faiss.extract_index_ivf(ivf).nlist, ivf_nprobe=faiss.extract_index_ivf(ivf).nprobe)
    return result


def _pct(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


WORKERS = {"ingest": worker_ingest, "encode": worker_encode, "search": worker_search, "tune": worker_tune}


# ---------------------------------------------------------------- orchestration


def run_worker(name: str, **args) -> dict:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", name, json.dumps(args)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench worker {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bench(scales: list[int], real_model_max: int, tune: bool, work: Path, skip_links_from: int) -> dict:
    from synthetic import generate

    quantize = os.environ.get("MINUTEBOOK_QUANTIZE", "")
    results: dict = {"quantize_setting": quantize or "float", "cpus": os.cpu_count(), "scales": {}}
    corpus = work / "corpus1"
    shutil.copytree(CORPUS, corpus)  # a copy: the one-file-changed step edits a file
    corpus_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))

    _log("1x cold ingest (float)")
    cold = run_worker("ingest", paths=[str(corpus)], index=str(work / "i1"), quantize="", embedder="model")
    _log("1x warm re-ingest")
    warm = run_worker("ingest", paths=[str(corpus)], index=str(work / "i1"), quantize="", embedder="model")
    changed_file = corpus / "000_e4da2c0571ed48e2.txt"
    changed_file.chmod(0o644)
    changed_file.write_text(changed_file.read_text() + "\n\n11. Update\n\n11.1 The board asked for a further "
                            "report on relationship support in schools at its next meeting.\n")
    _log("1x one-file-changed re-ingest")
    one = run_worker("ingest", paths=[str(corpus)], index=str(work / "i1"), quantize="", embedder="model")
    _log("1x cold ingest (int8)")
    cold8 = run_worker("ingest", paths=[str(CORPUS)], index=str(work / "i1q"), quantize="int8", embedder="model")
    _log("encoders side by side with plain SentenceTransformer.encode")
    plain = run_worker("encode", paths=[str(CORPUS)])
    _log("1x search (float)")
    gen = (work / "i1" / "current").resolve()
    results["ingest_1x"] = {"cold": cold, "warm": warm, "one_changed": one, "cold_int8": cold8}
    results["plain_encode"] = plain
    results["search_1x_int8"] = run_worker("search", index=str(work / "i1q"), quantize="int8", embedder="model")
    results["scales"][1] = {
        "ingest": cold, "search": run_worker("search", index=str(work / "i1"), quantize="", embedder="model"),
        "corpus_bytes": corpus_bytes, "index_bytes": _size(gen), "cache_bytes": _size(work / "i1" / "embeddings.sqlite"),
        "embedder": "model (float)",
    }
    if tune:
        _log("tuning threads x batch size")
        results["tune"] = run_worker("tune", paths=[str(CORPUS)], quantize=quantize)
    for scale in [s for s in scales if s > 1]:
        folder = work / f"syn{scale}"
        files = generate(folder, scale, CORPUS)
        kind = "model" if scale <= real_model_max else "static"
        index = work / f"i{scale}"
        _log(f"{scale}x cold ingest ({kind} vectors)")
        ingest = run_worker("ingest", paths=[str(folder)], index=str(index), quantize=quantize, embedder=kind,
                            skip_links=scale >= skip_links_from)
        _log(f"{scale}x search")
        search = run_worker("search", index=str(index), quantize=quantize, embedder=kind)
        results["scales"][scale] = {
            "ingest": ingest, "search": search, "corpus_bytes": sum(f.stat().st_size for f in files),
            "index_bytes": _size((index / "current").resolve()), "cache_bytes": _size(index / "embeddings.sqlite"),
            "embedder": (f"model ({quantize or 'float'})" if kind == "model" else "static vectors")
            + (", no decision linking" if scale >= skip_links_from else ""),
        }
        shutil.rmtree(folder, ignore_errors=True)
    return results


def table(r: dict) -> str:
    ing = r["ingest_1x"]
    cold, warm, one, cold8, plain = ing["cold"], ing["warm"], ing["one_changed"], ing["cold_int8"], r["plain_encode"]
    rows = [("measure", "value", "target")]
    add = rows.append
    add(("1x ingest stages cold: parse+structure / embed / store+index (s)",
         f"{cold['parse_s']:.2f} / {cold['embed_s']:.2f} / {cold['store_s']:.2f}", ""))
    add(("1x ingest cold total, float in ONNX Runtime (s; + model load)",
         f"{cold['total_s']:.1f} (+{cold['model_load_s']:.1f})", "<= 15"))
    add(("1x ingest cold total int8 (s)", f"{cold8['total_s']:.1f}", "<= 15"))
    add(("warm re-ingest / cold", f"{warm['total_s'] / cold['total_s']:.3f} ({warm['total_s']:.2f} s, "
         f"{warm['embedded']} embedded)", "<= 0.05, 0 embedded"))
    add(("one file changed / cold", f"{one['total_s'] / cold['total_s']:.3f} ({one['total_s']:.2f} s, "
         f"{one['embedded']} embedded)", "<= 0.10"))
    sec = plain["seconds"]
    add((f"encoders vs plain encode, same {plain['texts']} texts, median of {plain['trials']} (plain {sec['plain']:.1f} s)",
         ", ".join(f"{name} {sec['plain'] / sec[name]:.2f}x" for name in ENCODERS), ">= 0.95x float, >= 1.5x int8"))
    q = plain["query_ms"]
    add(("one query embedded, 1 thread, p50 (ms)", ", ".join(f"{name} {v:.1f}" for name, v in q.items()), ""))
    add(("peak RSS ingest 1x cold (MB)", f"{cold['peak_rss_mb']:.0f}", ""))
    # throughputs for the extrapolation: the side-by-side medians, not the busier single ingest runs
    pipe_rate, pipe8_rate = plain["chars"] / sec["float onnx"], plain["chars"] / sec["int8 torch"]
    s8 = r["search_1x_int8"]
    for scale, s in r["scales"].items():
        se, ig = s["search"], s["ingest"]
        add((f"{scale}x: passages / vectors index", f"{ig['chunks']:,} / {se['index_kind']}", ""))
        add((f"{scale}x ingest: parse / embed / store (s) [{s['embedder']}]",
             f"{ig['parse_s']:.1f} / {ig['embed_s']:.1f} / {ig['store_s']:.1f}", ""))
        add((f"{scale}x ingest throughput excl. embed (passages/s)",
             f"{ig['chunks'] / max(1e-9, ig['parse_s'] + ig['store_s']):,.0f}", ""))
        add((f"{scale}x search hybrid p50 / p95 (ms)", f"{se['hybrid_p50_ms']:.1f} / {se['hybrid_p95_ms']:.1f}",
             "p50 <= 30 at 100x" if str(scale) == "100" else ""))
        if "chat_p50_ms" in se:
            add((f"{scale}x chat p50 / p95, query embedding cached (ms)", f"{se['chat_p50_ms']:.1f} / {se['chat_p95_ms']:.1f}",
                 "p50 <= 200"))
        if "learned_cached_p50_ms" in se:
            rrf_ms, learned_ms = se["rrf_cached_p50_ms"], se["learned_cached_p50_ms"]
            add((f"{scale}x search p50, query embedding cached: rank fusion / learned fusion (ms)",
                 f"{rrf_ms:.1f} / {learned_ms:.1f} ({learned_ms / max(rrf_ms, 1e-9):.2f}x)", ""))
        add((f"{scale}x search parts p50: query embedding / BM25 (ms)",
             f"{se['query_encode_p50_ms']:.1f} / {se['bm25_p50_ms']:.1f}", ""))
        add((f"{scale}x dense vector search p50: flat" + (" / IVF (ms)" if "ivf_p50_ms" in se else " (ms)"),
             f"{se['flat_p50_ms']:.2f}" + (f" / {se['ivf_p50_ms']:.2f}" if "ivf_p50_ms" in se else ""), ""))
        if "ivf_recall10" in se:
            add((f"{scale}x IVF recall@10 vs flat (nlist {se['ivf_nlist']}, nprobe {se['ivf_nprobe']})",
                 f"{se['ivf_recall10']:.3f}", ">= 0.98"))
        add((f"{scale}x serve RSS loaded / peak (MB)", f"{se['loaded_rss_mb']:.0f} / {se['peak_rss_mb']:.0f}",
             "<= 2048 at 100x" if str(scale) == "100" else ""))
        add((f"{scale}x peak RSS ingest (MB)", f"{ig['peak_rss_mb']:.0f}", ""))
        add((f"{scale}x index on disk / corpus (MB)",
             f"{s['index_bytes'] / 2**20:.1f} / {s['corpus_bytes'] / 2**20:.1f} = {s['index_bytes'] / s['corpus_bytes']:.1f}x "
             f"(+ cache {s['cache_bytes'] / 2**20:.1f})", ""))
    add(("1x search hybrid p50 / p95 with int8 queries (ms)", f"{s8['hybrid_p50_ms']:.1f} / {s8['hybrid_p95_ms']:.1f}", ""))
    if "tune" in r:
        add(("tune: encode s for 256 texts (t=threads, b=batch)",
             ", ".join(f"{k} {v:.1f}" for k, v in r["tune"].items()), ""))
    # Extrapolation to 1M passages from the largest scale measured and the model throughput.
    big = max(r["scales"], key=lambda k: int(k))
    s = r["scales"][big]
    n = s["ingest"]["chunks"]
    chars_per = cold["embedded_chars"] / max(1, cold["embedded"])
    add(("1M passages (extrapolated): embed hours float / int8",
         f"{1e6 * chars_per / pipe_rate / 3600:.1f} / {1e6 * chars_per / pipe8_rate / 3600:.1f}", ""))
    add(("1M passages (extrapolated): flat dense search ms (linear)",
         f"{s['search']['flat_p50_ms'] * 1e6 / n:.0f}", ""))
    add(("1M passages (extrapolated): index on disk GB / vectors in RAM GB",
         f"{s['index_bytes'] * 1e6 / n / 2**30:.1f} / {1e6 * 384 * 4 / 2**30:.1f}", ""))
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [" | ".join(cell.ljust(width[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in width))
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--worker":
        sys.path.insert(0, str(ROOT))
        print(json.dumps(WORKERS[sys.argv[2]](json.loads(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description="minutebook benchmark (see bench/run.py docstring)")
    parser.add_argument("--json", action="store_true", help="print all measurements as JSON")
    parser.add_argument("--scale", default="1,10,100", help="corpus scales, comma-separated (1 is corpus/)")
    parser.add_argument("--real-model-max", type=int, default=10,
                        help="largest scale embedded by the real model; above it, static vectors")
    parser.add_argument("--skip-links-from", type=int, default=100,
                        help="scales from which ingest leaves out cross-paper decision linking (quadratic)")
    parser.add_argument("--tune", action="store_true", help="also time threads x batch size")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    scales = sorted({int(s) for s in args.scale.split(",")} | {1})
    work = args.keep or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = bench(scales, args.real_model_max, args.tune, work, args.skip_links_from)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    (Path(tempfile.gettempdir()) / "minutebook-bench-last.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
