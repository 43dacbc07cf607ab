"""The sentence-transformers model run by ONNX Runtime: exported once from the local model folder
(mean pooling and L2 normalisation inside the graph) and cached on disk.

Why: a short query through sentence-transformers spends most of its time in Python module calls
(measured on 2 busy cores: 17.7 ms per query; the same graph in ONNX Runtime 6.2 ms, vectors equal
to cosine 1.0000), and batches embed about as fast as sentence-transformers' own encode.
(An int8 graph from onnxruntime's dynamic quantisation was tried and not kept: it embedded
batches more slowly than torch's dynamic int8, 1.40x against 1.71x plain encode.)

Only the architecture this module rebuilds is exported: a Transformer, mean pooling, Normalize
(all-MiniLM-L6-v2's). Other models are refused (OnnxUnsupported) and run in torch.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import numpy as np

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUTS = ("embedding", "tokens")  # the pooled vector, and the token vectors it is the mean of
_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]


class OnnxUnsupported(RuntimeError):
    """The model is not one this module can export faithfully."""


def check_supported(model_path: Path) -> None:
    try:
        modules = json.loads((model_path / "modules.json").read_text())
        pooling = json.loads((model_path / modules[1]["path"] / "config.json").read_text())
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise OnnxUnsupported(f"{model_path} has no readable modules.json / pooling config") from exc
    if [m.get("type") for m in modules] != _MODULES:
        raise OnnxUnsupported(f"{model_path} is not Transformer + Pooling + Normalize")
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    if modes != {"pooling_mode_mean_tokens"}:
        raise OnnxUnsupported(f"{model_path} pools by {sorted(modes)}, not the mean of tokens")


def onnx_file(model_path: Path, fingerprint: str, cache_dir: Path) -> Path:
    """The cached .onnx graph of the model (exported on first use).

    Named by the weights' fingerprint and the exporting libraries' versions, so another model or
    another torch/onnxruntime never reuses a stale file. Written to a temporary name and renamed,
    so concurrent first uses never read half a file.
    """
    check_supported(model_path)
    versions = f"torch{metadata.version('torch')}-ort{metadata.version('onnxruntime')}"
    path = cache_dir / f"{model_path.name}-{fingerprint}-{versions}-float-tokens.onnx"
    if path.is_file():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as work:
        exported = Path(work) / "float.onnx"
        _export(model_path, exported)
        os.replace(exported, path)
    return path


def _export(model_path: Path, out: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)

    class Pooled(torch.nn.Module):
        """The transformer, then sentence-transformers' mean pooling and normalisation."""

        def __init__(self, transformer) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1), tokens  # tokens: for sentence vectors

    sample = model.tokenizer(["an example", "a second, longer example sentence"], padding=True, return_tensors="pt")
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with warnings.catch_warnings():  # the TorchScript exporter announces its deprecation; it still works
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Pooled(model[0].auto_model).eval(), tuple(sample[n] for n in INPUTS), str(out),
            input_names=list(INPUTS), output_names=list(OUTPUTS),
            dynamic_axes={**axes, "embedding": {0: "batch"}, "tokens": {0: "batch", 1: "tokens"}},
            opset_version=17, dynamo=False,
        )


class OnnxModel:
    """Encodes texts with an exported graph and the model's own tokenizer (tokenizer.json)."""

    def __init__(self, graph: Path, model_path: Path, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(0, threads)  # 0: onnxruntime's default (all cores)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        config = model_path / "sentence_bert_config.json"
        max_length = json.loads(config.read_text()).get("max_seq_length", 256) if config.is_file() else 256
        self.tokenizer.enable_truncation(max_length=max_length)  # as sentence-transformers truncates
        self.tokenizer.no_padding()
        self.dimension = int(self.session.get_outputs()[0].shape[1] or 0) or None

    def encode(self, texts: Sequence[str], batch_size: int, tokens: bool = False):
        """The texts' vectors; with ``tokens``, also each text's (token vectors, character offsets)."""
        # Longest first, as sentence-transformers orders a call: each batch pads to similar lengths.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        ordered = [texts[i] for i in order]
        out = []
        per_token: list[tuple[np.ndarray, list[tuple[int, int]]]] = []
        for start in range(0, len(ordered), batch_size):
            encoded = self.tokenizer.encode_batch(ordered[start : start + batch_size])
            width = max(len(e.ids) for e in encoded)
            feed = {name: np.zeros((len(encoded), width), dtype=np.int64) for name in INPUTS}
            for row, e in enumerate(encoded):  # right-padded with zeros, masked out
                n = len(e.ids)
                feed["input_ids"][row, :n] = e.ids
                feed["attention_mask"][row, :n] = e.attention_mask
                feed["token_type_ids"][row, :n] = e.type_ids
            results = self.session.run(list(OUTPUTS) if tokens else ["embedding"], feed)
            out.append(results[0])
            if tokens:
                per_token += [(results[1][row, : len(e.ids)], e.offsets) for row, e in enumerate(encoded)]
        vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        if not tokens:
            return vectors
        unsorted: list = [None] * len(texts)
        for position, item in zip(order, per_token):
            unsorted[position] = item
        return vectors, unsorted
