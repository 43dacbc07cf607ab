"""The vector index: IVF agrees with exact search, and filters apply inside both kinds."""

from __future__ import annotations

import numpy as np
import pytest

from minutebook.search.storage import vectors
from minutebook.search.storage.vectors import finish_vector_index, is_ivf, make_vector_index, recall_at, search_vectors

DIM = 384


def clustered(n: int, seed: int = 0, centres: int = 200) -> np.ndarray:
    """Unit vectors around fixed random centres (text embeddings cluster by topic; uniform noise
    does not); ``seed`` draws different points around the same centres."""
    means = np.random.default_rng(12345).normal(size=(centres, DIM))
    rng = np.random.default_rng(seed)
    x = means[rng.integers(0, centres, n)] + rng.normal(scale=0.6, size=(n, DIM))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32)


@pytest.fixture(scope="module")
def both():
    """A flat and an IVF index over the same 10k vectors (threshold lowered so the test stays fast)."""
    data = clustered(10_000)
    ids = np.arange(10_000, dtype=np.int64) * 7919 + 13  # ids unlike positions, as chunk ids are
    flat = make_vector_index(DIM, len(data))
    flat.add_with_ids(data, ids)
    saved = vectors.IVF_THRESHOLD
    vectors.IVF_THRESHOLD = 2_000
    try:
        ivf = finish_vector_index(flat)  # a new index; flat is left as it was
    finally:
        vectors.IVF_THRESHOLD = saved
    return data, ids, flat, ivf


def test_small_collections_stay_exact():
    assert not is_ivf(make_vector_index(DIM, 1_000))
    index = make_vector_index(DIM, 10)
    index.add_with_ids(clustered(10), np.arange(10, dtype=np.int64))
    assert finish_vector_index(index) is index


def test_ivf_recall_at_10_against_flat(both):
    data, ids, flat, ivf = both
    assert is_ivf(ivf) and ivf.ntotal == flat.ntotal
    queries = clustered(300, seed=1)  # fresh vectors from the same distribution, not stored ones
    truth = np.stack([search_vectors(flat, q, 10)[1] for q in queries])
    found = np.stack([search_vectors(ivf, q, 10)[1] for q in queries])
    assert recall_at(found, truth) >= 0.98


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_id_selector_filters_inside_the_search(both, kind):
    data, ids, flat, ivf = both
    index = flat if kind == "flat" else ivf
    allowed = ids[::97]  # about 1% of the collection
    for query in clustered(20, seed=2):
        scores, found = search_vectors(index, query, 10, allowed)
        assert len(found) == 10 and set(found) <= set(allowed)  # a narrow filter still fills k
        exact = np.sort(data[np.isin(ids, allowed)] @ query)[::-1][:10]
        assert np.allclose(scores, exact, atol=1e-4)  # and finds the true best among the allowed


def test_empty_filter_result_is_handled_by_caller_contract(both):
    data, ids, flat, ivf = both
    scores, found = search_vectors(ivf, data[0], 5, ids[:1])
    assert found[0] == ids[0] and (found[1:] == -1).all()


def test_int8_encoder_is_close_to_float_and_keyed_apart(embedder):
    """MINUTEBOOK_QUANTIZE=int8: same shape, unit length, nearly the same direction, its own cache key."""
    from minutebook.search.storage.embed import Embedder, resolve_model_path

    quantised = Embedder(resolve_model_path(""), 0, 32, "int8")  # 0: leave torch threads alone
    texts = [
        "The Health and Wellbeing Board noted the domestic abuse strategy and agreed the action plan.",
        "RESOLVED that the pharmaceutical needs assessment be published for consultation.",
        "Physical activity among adults in the city has fallen since 2019, the annual report says.",
        "Apologies for absence were received from Councillor Smith and the Director of Public Health.",
    ]  # passages, as indexed: a bare three-word heading can dip to ~0.95
    exact, approx = embedder.encode(texts), quantised.encode(texts)
    assert approx.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(approx, axis=1), 1.0, atol=1e-4)
    cosines = np.sum(exact * approx, axis=1)
    assert (cosines > 0.95).all(), cosines
    assert quantised.model_id != embedder.model_id and quantised.model_id.endswith(":int8")

