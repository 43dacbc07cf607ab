"""The FAISS vector index: exact (flat) for small collections, IVF above a measured size.

Vectors are L2-normalised, so inner product is cosine. Both kinds are keyed by chunk id and both
accept an id selector, so filters apply inside the vector search rather than after it.

Why the threshold: exact search over n 384-dim vectors costs ~n x 384 multiply-adds per query;
on 2 cores it stays under ~10 ms up to ~50k vectors (bench/run.py measures it), beyond which it
grows linearly (~0.2 s at 1M). IVF probes only a few lists, trading a little recall (kept >= 0.98
recall@10 against exact, checked at build time) for a cost that grows with sqrt(n).
"""

from __future__ import annotations

import math

import numpy as np

# Vectors from which an IVF index is built instead of a flat one (see the module docstring).
IVF_THRESHOLD = 50_000
# Recall@10 against exact search that the IVF probe count is tuned to reach at build time.
TARGET_RECALL = 0.99
_TRAIN_PER_LIST = 40  # faiss warns below ~39 training points per list
_CALIBRATION_QUERIES = 200


def make_vector_index(dimension: int, expected_count: int = 0, training: np.ndarray | None = None):
    """An empty index for about ``expected_count`` vectors: flat below IVF_THRESHOLD, else IVF.

    An IVF index is trained on ``training`` (a sample of the vectors to come) before it is returned.
    """
    import faiss

    if expected_count < IVF_THRESHOLD:
        return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
    if training is None or len(training) == 0:
        raise ValueError("an IVF index needs training vectors")
    # ~4 sqrt(n) lists is the usual balance of list scanning against centroid comparisons;
    # capped so each list has enough training points.
    nlist = max(1, min(int(4 * math.sqrt(expected_count)), len(training) // _TRAIN_PER_LIST))
    quantizer = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = 1234  # reproducible builds
    index.train(np.ascontiguousarray(training, dtype=np.float32))
    index.nprobe = min(nlist, 16)
    return index


def is_ivf(index) -> bool:
    import faiss

    return faiss.try_extract_index_ivf(index) is not None


def stored_vectors(index) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) held by a flat IndexIDMap2: what an IVF index is rebuilt from."""
    import faiss

    ids = faiss.vector_to_array(index.id_map).astype(np.int64)
    flat = faiss.downcast_index(index.index)
    matrix = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).reshape(flat.ntotal, flat.d)
    return ids, np.array(matrix, dtype=np.float32)  # a copy: the flat index may be freed after


def finish_vector_index(index, seed: int = 0):
    """The index to write: ``index`` (flat, filled during the build) itself when small, else an IVF
    index holding the same vectors and ids, its nprobe tuned to TARGET_RECALL against exact search."""
    if index.ntotal < IVF_THRESHOLD or is_ivf(index):
        return index
    ids, matrix = stored_vectors(index)
    rng = np.random.default_rng(seed)
    nlist_hint = int(4 * math.sqrt(len(ids)))
    sample = matrix[rng.choice(len(ids), size=min(len(ids), nlist_hint * _TRAIN_PER_LIST * 2), replace=False)]
    ivf = make_vector_index(matrix.shape[1], len(ids), training=sample)
    ivf.add_with_ids(matrix, ids)
    # Calibration queries: stored passages pushed off the data to cosine ~0.5 with them, about as
    # far as a real question is from its best passage (MiniLM: top-1 cosine 0.4-0.7).
    queries = matrix[rng.choice(len(ids), size=min(len(ids), _CALIBRATION_QUERIES), replace=False)]
    queries = queries + rng.normal(0, 1.7 / math.sqrt(matrix.shape[1]), queries.shape).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    ivf.nprobe = tune_nprobe(ivf, index, queries)
    return ivf


def recall_at(approx_ids: np.ndarray, exact_ids: np.ndarray) -> float:
    """Share of the exact top-k that the approximate top-k found."""
    found = sum(len(set(a[a >= 0]) & set(e[e >= 0])) for a, e in zip(approx_ids, exact_ids))
    return found / max(1, int((exact_ids >= 0).sum()))


def tune_nprobe(ivf, exact, queries: np.ndarray, k: int = 10, target: float = TARGET_RECALL) -> int:
    """Smallest power-of-two nprobe whose recall@k against ``exact`` reaches ``target``."""
    _, truth = exact.search(queries, k)
    nprobe = 1
    while nprobe < ivf.nlist:
        ivf.nprobe = nprobe
        if recall_at(ivf.search(queries, k)[1], truth) >= target:
            return nprobe
        nprobe *= 2
    return ivf.nlist


def search_vectors(index, vector: np.ndarray, k: int, allowed: np.ndarray | None = None):
    """Top ``k`` (scores, ids) for one query, only among ``allowed`` chunk ids when given.

    With a filter, an IVF index probes more lists in proportion to how much the filter removes,
    so a narrow filter still finds its k passages (at worst it scans every list: exact).
    """
    import faiss

    query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
    k = min(k, index.ntotal)
    sel = faiss.IDSelectorBatch(allowed) if allowed is not None else None
    if is_ivf(index):
        ivf = faiss.extract_index_ivf(index)
        nprobe = ivf.nprobe
        if allowed is not None:
            nprobe = min(ivf.nlist, math.ceil(nprobe * index.ntotal / max(1, len(allowed))))
        params = faiss.SearchParametersIVF(sel=sel, nprobe=nprobe) if sel else faiss.SearchParametersIVF(nprobe=nprobe)
    else:
        params = faiss.SearchParameters(sel=sel) if sel else None
    scores, ids = index.search(query, k, params=params)
    return scores[0], ids[0]


def to_int8(rows: np.ndarray) -> tuple[bytes, bytes]:
    """Rows of a matrix as int8 codes and one float32 scale a row (its largest magnitude over 127):
    a quarter of float32's room, and a cosine off by about 0.001 for a unit vector of 384."""
    rows = np.asarray(rows, dtype=np.float32)
    scales = np.abs(rows).max(axis=1, keepdims=True) / 127 if len(rows) else np.zeros((0, 1), np.float32)
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(rows / scales), -127, 127).astype(np.int8)
    return codes.tobytes(), scales.astype(np.float32).tobytes()


def from_int8(codes: bytes, scales: bytes | None, dimension: int) -> np.ndarray:
    """The float32 rows to_int8 stored; without scales, rows stored as float16 (as sentence vectors
    were before they were int8)."""
    if scales is None:
        return np.frombuffer(codes, dtype=np.float16).reshape(-1, dimension).astype(np.float32)
    return np.frombuffer(codes, dtype=np.int8).reshape(-1, dimension).astype(np.float32) * np.frombuffer(scales, dtype=np.float32)[:, None]
