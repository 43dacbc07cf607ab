"""The model in ONNX Runtime: it gives sentence-transformers' own vectors (so it shares their cache
key), the export is made once and reused, quantised weights stay in torch, and a model this module
cannot rebuild faithfully is refused (and runs in torch)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from minutebook.search.storage.embed import Embedder, resolve_model_path
from minutebook.search.storage.onnx_model import OnnxUnsupported, check_supported

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


def test_sentence_vectors_come_from_the_passage_run_and_mean_what_the_sentence_says(torch_float, tmp_path):
    from minutebook.ingest.chunk import sentence_spans

    passage = ("Footfall in the central library rose by a fifth after Sunday opening began. "
               "The roof over the reading room leaks and repairs are due in March. "
               "Volunteers ran 48 homework clubs for secondary pupils.")
    spans = [sentence_spans(passage)]
    onnx = Embedder(resolve_model_path(""), 0, 2, "", runtime="onnx", cache_dir=tmp_path)
    vectors, (sentences,) = onnx.encode_passages([passage], spans)
    exact, (exact_sentences,) = torch_float.encode_passages([passage], spans)
    # The passage's own vector is unchanged, and both runtimes pool the same token vectors.
    assert (np.sum(vectors * onnx.encode([passage]), axis=1) > 0.9999).all()
    assert sentences.shape == (3, 384) and (np.sum(sentences * exact_sentences, axis=1) > 0.9999).all()
    assert np.allclose(np.linalg.norm(sentences, axis=1), 1.0, atol=1e-5)
    # Each sentence's vector is nearest to a question about that sentence, asked in other words.
    questions = ["Did visitor numbers at the central library go up once it opened on Sundays?",
                 "Which building needs its ceiling fixed?",
                 "How many after-school study sessions did volunteers run for teenagers?"]
    assert ((onnx.encode(questions) @ sentences.T).argmax(axis=1) == [0, 1, 2]).all()
    # A span past the model's 256 word pieces has no tokens: a zero vector, never a wrong one.
    long_text = "Word " * 400 + "The last sentence."
    _, (tail,) = onnx.encode_passages([long_text], [[(len(long_text) - 18, len(long_text))]])
    assert not tail.any()
