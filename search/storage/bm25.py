"""Precomputed BM25: every term's passages with their BM25 weights, written beside the vectors at
build time and memory-mapped when searched.

Why: FTS5's bm25() scores each passage holding a query word while the query runs; at 100,000
passages that was ~80% of a search. Here a passage's weight for a term is computed once, at build
time, so a query only adds up a few precomputed columns and takes the best k.

The weights are FTS5's own formula (k1 1.2, b 0.75; idf log((N - n + 0.5) / (n + 0.5)), at least
1e-6; passage length in tokens) over FTS5's tokenisation (unicode61 with diacritics removed, then
Porter stemming), so the ranking is the one the FTS5 table gave. Files in a generation folder:

    bm25.json          parameters, passage count, and the vocabulary (stem -> column)
    bm25-ids.npy       int64 chunk id of each row, ascending
    bm25-offsets.npy   int64, column t's entries are [offsets[t], offsets[t + 1])
    bm25-rows.npy      int32 row of each entry
    bm25-weights.npy   float32 BM25 weight of each entry
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from minutebook.search.storage.lexicon import stem

K1 = 1.2
B = 0.75
MIN_IDF = 1e-6  # FTS5 floors the idf of words in over half the passages here: they still match, barely
MANIFEST = "bm25.json"
ARRAYS = ("ids", "offsets", "rows", "weights")
FILES = (MANIFEST, *(f"bm25-{name}.npy" for name in ARRAYS))
FORMAT = 1
_BLOCK = 20_000  # passages tokenised per step of the build, bounding its memory

# unicode61: letters and digits are token characters, everything else (underscore too) separates.
_TOKEN = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """FTS5's 'porter unicode61 remove_diacritics 2' (lexicon.stem is the original Porter algorithm,
    cached and safe across threads)."""
    text = text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # FTS5 leaves words under 3 or over 64 characters as they are.
    return [stem(word) if 3 <= len(word) <= 64 else word for word in _TOKEN.findall(text)]


class SparseBM25:
    """Term -> (rows, weights) columns over passages keyed by chunk id."""

    def __init__(self, ids: np.ndarray, offsets: np.ndarray, rows: np.ndarray, weights: np.ndarray,
                 vocabulary: dict[str, int]) -> None:
        self.ids, self.offsets, self.rows, self.weights = ids, offsets, rows, weights
        self.vocabulary = vocabulary

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, passages: Iterable[tuple[int, str]]) -> "SparseBM25":
        """From (chunk id, text) pairs in ascending chunk id order."""
        vocabulary: dict[str, int] = {}
        ids: list[int] = []
        lengths: list[int] = []
        terms, rows, tfs = [], [], []  # one (term, row, term frequency) triple per distinct term of a passage
        block_terms: list[np.ndarray] = []
        block_start = 0

        def flush() -> None:
            if not block_terms:
                return
            sizes = np.fromiter((len(t) for t in block_terms), dtype=np.int64, count=len(block_terms))
            term = np.concatenate(block_terms).astype(np.int64)
            row = np.repeat(np.arange(block_start, block_start + len(block_terms), dtype=np.int64), sizes)
            keys, counts = np.unique(term * (1 << 32) + row, return_counts=True)  # sorted by term, then row
            terms.append((keys >> 32).astype(np.int32))
            rows.append((keys & 0xFFFFFFFF).astype(np.int32))
            tfs.append(counts.astype(np.float32))
            block_terms.clear()

        for chunk_id, text in passages:
            if ids and chunk_id <= ids[-1]:
                raise ValueError("passages must come in ascending chunk id order")
            tokens = tokenize(text)
            ids.append(chunk_id)
            lengths.append(len(tokens))
            block_terms.append(np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in tokens),
                                           dtype=np.int32, count=len(tokens)))
            if len(block_terms) == _BLOCK:
                flush()
                block_start = len(ids)
        flush()
        term = np.concatenate(terms) if terms else np.zeros(0, np.int32)
        row = np.concatenate(rows) if rows else np.zeros(0, np.int32)
        tf = np.concatenate(tfs) if tfs else np.zeros(0, np.float32)
        order = np.argsort(term, kind="stable")  # columns by term; rows stay ascending within each
        term, row, tf = term[order], row[order], tf[order]
        n = len(ids)
        counts = np.bincount(term, minlength=len(vocabulary))
        offsets = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(counts)
        df = counts.astype(np.float64)
        idf = np.maximum(np.log((n - df + 0.5) / (df + 0.5)), MIN_IDF)
        length = np.asarray(lengths, dtype=np.float64)
        norm = K1 * (1 - B + B * length / max(length.mean() if n else 0.0, 1e-9))
        weights = (idf[term] * tf * (K1 + 1) / (tf + norm[row])).astype(np.float32)
        return cls(np.asarray(ids, dtype=np.int64), offsets, row, weights, vocabulary)

    def save(self, folder: Path) -> None:
        for name in ARRAYS:
            np.save(folder / f"bm25-{name}.npy", getattr(self, name))
        (folder / MANIFEST).write_text(json.dumps(
            {"format": FORMAT, "k1": K1, "b": B, "passages": len(self.ids), "tokenizer": "porter unicode61 remove_diacritics 2",
             "vocabulary": self.vocabulary}, ensure_ascii=False))

    @classmethod
    def load(cls, folder: Path) -> "SparseBM25":
        """Memory-maps the arrays: pages are read as queries touch them, and shared between processes."""
        manifest = json.loads((folder / MANIFEST).read_text())
        if manifest.get("format") != FORMAT:
            raise ValueError(f"bm25 format {manifest.get('format')} is not {FORMAT}")
        arrays = [np.load(folder / f"bm25-{name}.npy", mmap_mode="r") for name in ARRAYS]
        return cls(*arrays, manifest["vocabulary"])

    def columns(self, words: Iterable[str]) -> list[int]:
        """The distinct columns of ``words`` (query words, tokenised as passages were); unknown ones dropped."""
        found = (self.vocabulary.get(token) for word in words for token in tokenize(word))
        return list(dict.fromkeys(c for c in found if c is not None))

    def allowed_rows(self, chunk_ids: np.ndarray) -> np.ndarray:
        """A row mask of the given chunk ids (ids not in this index are ignored)."""
        mask = np.zeros(len(self.ids), dtype=bool)
        if len(chunk_ids) and len(self.ids):
            at = np.minimum(np.searchsorted(self.ids, chunk_ids), len(self.ids) - 1)
            mask[at[self.ids[at] == chunk_ids]] = True
        return mask

    def top(self, columns: list[int], k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best (chunk id, BM25 score) among the passages holding any column, best first
        (equal scores by chunk id); ``allowed`` is a row mask from allowed_rows."""
        if not columns or k <= 0:
            return []
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for column in columns:
            start, end = self.offsets[column], self.offsets[column + 1]
            scores[self.rows[start:end]] += self.weights[start:end]  # rows are distinct within a column
        if allowed is not None:
            scores[~allowed] = 0.0
        matched = np.flatnonzero(scores)
        if len(matched) > k:  # those at least as good as the k-th, all of its ties (rows are in chunk id order)
            kth = np.partition(scores[matched], len(matched) - k)[len(matched) - k]
            matched = matched[scores[matched] >= kth]
        best = matched[np.lexsort((matched, -scores[matched]))][:k]
        return [(int(self.ids[r]), float(scores[r])) for r in best]
