"""A learned fusion of the rankings.

Reciprocal rank fusion sees only where each ranking puts a passage. This describes every candidate
the lexical, dense and context rankings propose by what they say of it (its BM25 score and cosine
beside the best of the query, its ranks, the context parts it meets), by its closest sentence's
cosine with the query (from the sentence vectors the index keeps) and by the share of the query's
words it holds, and orders them by a logistic model fitted on development questions, each body
held out in turn (eval/fit_fusion.py writes weights/fusion.json). Without the weights file, search
keeps reciprocal rank fusion.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from minutebook.ingest import logistic

WEIGHTS = Path(__file__).with_name("weights") / "fusion.json"
RANK_CONSTANT = 5  # a rank is described as 1 / (RANK_CONSTANT + rank), 0 when the ranking misses it

FEATURES = (
    "lexical",  # BM25 score / the query's best (0 outside the lexical candidates)
    "dense",  # cosine with the query (the dense candidates' lowest outside them)
    "dense_gap",  # the query's best cosine less this one
    "lexical_rank",
    "dense_rank",
    "context_parts",  # how many parts of what the question names (meeting, body, type, record) it meets
    "context_rank",
    "sentence",  # its closest sentence's cosine with the query (the passage's cosine without them)
    "sentence_gap",  # the best candidate's closest sentence less this one
    "terms",  # share of the query's words in the passage
    "length",  # log characters: a short line holds few words to match
)


def model() -> dict | None:
    return logistic.load(WEIGHTS)


def describe(
    rankings: dict[str, list[tuple[int, float]]],
    ids: list[int],
    texts: dict[int, str],
    closest_sentence: dict[int, float],
    terms: list[str],
) -> list[dict[str, float]]:
    """The features of each candidate in ``ids``, in that order."""
    lexical = dict(rankings.get("lexical", []))
    dense = dict(rankings.get("dense", []))
    context = dict(rankings.get("context", []))
    ranks = {name: {cid: n for n, (cid, _) in enumerate(ranking, start=1)} for name, ranking in rankings.items()}
    best_lexical = max(lexical.values(), default=0.0) or 1.0
    floor = min(dense.values(), default=0.0)
    best_dense = max(dense.values(), default=0.0)
    cosine = {cid: dense.get(cid, floor) for cid in ids}
    sentence = {cid: closest_sentence.get(cid, cosine[cid]) for cid in ids}
    best_sentence = max(sentence.values(), default=0.0)

    def inverse(name: str, cid: int) -> float:
        rank = ranks.get(name, {}).get(cid)
        return 0.0 if rank is None else 1.0 / (RANK_CONSTANT + rank)

    described = []
    for cid in ids:
        text = texts.get(cid, "").lower()
        described.append({
            "lexical": lexical.get(cid, 0.0) / best_lexical,
            "dense": cosine[cid],
            "dense_gap": best_dense - cosine[cid],
            "lexical_rank": inverse("lexical", cid),
            "dense_rank": inverse("dense", cid),
            "context_parts": context.get(cid, 0.0),
            "context_rank": inverse("context", cid),
            "sentence": sentence[cid],
            "sentence_gap": best_sentence - sentence[cid],
            "terms": sum(term in text for term in terms) / max(len(terms), 1),
            "length": math.log1p(len(text)),
        })
    return described


def closest_sentences(vectors: dict[int, np.ndarray], query: np.ndarray) -> dict[int, float]:
    """Each passage's best sentence cosine with the (unit) query vector."""
    return {cid: float(np.max(m @ query)) for cid, m in vectors.items() if len(m)}


def probabilities(described: list[dict[str, float]], weights: dict) -> list[float]:
    return [logistic.probability(features, weights) for features in described]
