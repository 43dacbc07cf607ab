"""A learned map of query vectors towards the passages that answer them.

A question and the passage answering it are worded differently ("Who moved the motion?" / "Moved by
Councillor Ash. Carried."), and the sentence model places them less close than they are. The map
q -> q + U(Vᵀq), of low rank, is fitted on the development questions against every passage of their
index (eval/fit_query_adapter.py writes weights/query_adapter.json, with its body-held-out figures).
Dense search and the learned fusion's cosines read the mapped vector; chat weighs sentences by the
model's own cosines, which its support threshold was set on. Without the weights file (or with
MINUTEBOOK_QUERY_ADAPTER=0) queries are searched as the model embeds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("weights") / "query_adapter.json"


@dataclass(frozen=True)
class QueryAdapter:
    u: np.ndarray  # dimension x rank
    v: np.ndarray  # dimension x rank

    def __call__(self, vector: np.ndarray) -> np.ndarray:
        mapped = vector + self.u @ (self.v.T @ vector)
        return (mapped / np.linalg.norm(mapped)).astype(np.float32)


def load(path: Path = WEIGHTS, model_id: str | None = None) -> QueryAdapter | None:
    """The adapter at ``path``, or None when it is missing, unreadable or fitted to another model's
    vectors (``model_id``: the embedder's; a quantised model shares its float model's adapter)."""
    try:
        weights = json.loads(path.read_text())
        u, v = np.array(weights["u"], dtype=np.float32), np.array(weights["v"], dtype=np.float32)
        fitted_to = str(weights["embedder"])
    except (OSError, ValueError, KeyError):
        return None
    if u.shape != v.shape or u.ndim != 2:
        return None
    if model_id is not None and not (model_id == fitted_to or model_id.startswith(f"{fitted_to}:")):
        return None
    return QueryAdapter(u, v)
