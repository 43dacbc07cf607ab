"""The model in ONNX Runtime: it gives sentence-transformers' own vectors (so it shares their cache
key), the export is made once and reused, quantised weights stay in torch, and a model this module
cannot rebuild faithfully is refused (and runs in torch)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from minutebook.search.embed import Embedder, resolve_model_path
from minutebook.search.onnx_model import OnnxUnsupported, check_supported

TEXTS = [
    "RESOLVED that the pharmaceutical needs assessment be published for consultation.",
    "Apologies",
    "Physical activity among adults in the city has fallen since 2019, the annual report says. " * 30,  # > 256 tokens: truncated
    "Café naïve résumé — 12.5% of £3,000",
]


@pytest.fixture(scope="module")
def torch_float():
    return Embedder(resolve_model_path(""), 0, 32, "", runtime="torch")


def test_float_onnx_gives_the_sentence_transformers_vectors(torch_float, tmp_path):
    onnx = Embedder(resolve_model_path(""), 0, 2, "", runtime="onnx", cache_dir=tmp_path)  # batch 2: padding differs
    assert onnx.runtime == "onnx" and torch_float.runtime == "torch"
    exact, ours = torch_float.encode(TEXTS), onnx.encode(TEXTS)
    assert ours.shape == exact.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    assert (np.sum(exact * ours, axis=1) > 0.9999).all()
    assert onnx.model_id == torch_float.model_id


def test_the_export_is_made_once_and_reused(tmp_path):
    first = Embedder(resolve_model_path(""), 0, 32, "", cache_dir=tmp_path)
    [graph] = tmp_path.glob("*.onnx")
    stamp = graph.stat().st_mtime_ns
    again = Embedder(resolve_model_path(""), 0, 32, "", cache_dir=tmp_path)
    assert graph.stat().st_mtime_ns == stamp and list(tmp_path.iterdir()) == [graph]  # reused, no leftovers
    assert np.array_equal(again.encode(TEXTS), first.encode(TEXTS))


def test_quantised_weights_run_in_torch_and_are_keyed_apart(torch_float, tmp_path):
    quantised = Embedder(resolve_model_path(""), 0, 32, "int8", runtime="onnx", cache_dir=tmp_path)
    assert quantised.runtime == "torch" and quantised.model_id.endswith(":int8")
    assert not list(tmp_path.iterdir())  # nothing exported for it


def test_a_model_pooled_otherwise_is_refused_and_float_falls_back_to_torch(tmp_path):
    model = tmp_path / "cls-model"
    shutil.copytree(resolve_model_path(""), model)
    config = model / "1_Pooling" / "config.json"
    pooling = json.loads(config.read_text())
    config.write_text(json.dumps({**pooling, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    with pytest.raises(OnnxUnsupported, match="pools by"):
        check_supported(model)
    assert Embedder(model, 0, 32, "", runtime="onnx", cache_dir=tmp_path / "cache").runtime == "torch"
