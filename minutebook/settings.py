"""Every setting minutebook reads, from ``MINUTEBOOK_*`` environment variables, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(f"MINUTEBOOK_{name}", default)


FUSIONS = ("learned", "rrf")


@dataclass(frozen=True)
class Settings:
    index_dir: Path = field(
        default_factory=lambda: Path(_env("INDEX", "index")),
        metadata={"env": "MINUTEBOOK_INDEX", "help": "folder holding the built index"},
    )
    database_url: str = field(
        default_factory=lambda: _env("DATABASE_URL", ""),
        metadata={
            "env": "MINUTEBOOK_DATABASE_URL",
            "help": "postgresql://... : keep the collection in PostgreSQL (ingest queues files for workers; servers "
                    "read it there); empty: the index folder",
        },
    )
    worker_lease: float = field(
        default_factory=lambda: float(_env("WORKER_LEASE", "300")),
        metadata={"env": "MINUTEBOOK_WORKER_LEASE", "help": "seconds a worker holds a job without renewing it; a job "
                  "of a worker that died is taken again after this"},
    )
    worker_poll: float = field(
        default_factory=lambda: float(_env("WORKER_POLL", "2")),
        metadata={"env": "MINUTEBOOK_WORKER_POLL", "help": "seconds an idle worker waits before looking for jobs again"},
    )
    model_path: str = field(
        default_factory=lambda: _env("MODEL", ""),
        metadata={
            "env": "MINUTEBOOK_MODEL",
            "help": "local sentence-transformers model folder (empty: the bundled all-MiniLM-L6-v2)",
        },
    )
    host: str = field(
        default_factory=lambda: _env("HOST", "127.0.0.1"),
        metadata={"env": "MINUTEBOOK_HOST", "help": "address the server binds to"},
    )
    port: int = field(
        default_factory=lambda: int(_env("PORT", "8000")),
        metadata={"env": "MINUTEBOOK_PORT", "help": "port the server listens on"},
    )
    chunk_chars: int = field(
        default_factory=lambda: int(_env("CHUNK_CHARS", "900")),
        metadata={
            "env": "MINUTEBOOK_CHUNK_CHARS",
            "help": "largest passage in characters (MiniLM reads 256 word pieces, about 1,000 characters)",
        },
    )
    batch_size: int = field(
        default_factory=lambda: int(_env("BATCH_SIZE", "32")),
        metadata={"env": "MINUTEBOOK_BATCH_SIZE", "help": "passages embedded per model call"},
    )
    threads: int = field(
        default_factory=lambda: int(_env("THREADS", str(os.cpu_count() or 1))),
        metadata={"env": "MINUTEBOOK_THREADS", "help": "CPU threads for the embedding model"},
    )
    query_threads: int = field(
        default_factory=lambda: int(_env("QUERY_THREADS", "1")),
        metadata={
            "env": "MINUTEBOOK_QUERY_THREADS",
            "help": "CPU threads of the model when searching (one query is a few words: measured on "
            "2 busy cores, 1 thread embeds it in ~12-22 ms, 2 threads in 40-650 ms)",
        },
    )
    quantize: str = field(
        default_factory=lambda: _env("QUANTIZE", ""),
        metadata={
            "env": "MINUTEBOOK_QUANTIZE",
            "help": "'int8' runs the embedding model with int8 weights (about 2x faster on CPU; "
            "vectors differ slightly, so an index is built and searched with the same value)",
        },
    )
    runtime: str = field(
        default_factory=lambda: _env("RUNTIME", "onnx"),
        metadata={
            "env": "MINUTEBOOK_RUNTIME",
            "help": "'onnx' runs the float model in ONNX Runtime (same vectors as torch; a query embeds about 2x faster), "
            "'torch' in sentence-transformers",
        },
    )
    model_cache: Path = field(
        default_factory=lambda: Path(_env("MODEL_CACHE", "~/.cache/minutebook")).expanduser(),
        metadata={"env": "MINUTEBOOK_MODEL_CACHE", "help": "folder for the model's ONNX export (made once per model and version) and OCR'd pages"},
    )
    ocr: str = field(
        default_factory=lambda: _env("OCR", "tesseract"),
        metadata={"env": "MINUTEBOOK_OCR", "help": "how PDF pages without a text layer (scans) are read: 'tesseract' "
                  "(Debian's tesseract-ocr) or 'off'"},
    )
    ocr_dpi: int = field(
        default_factory=lambda: int(_env("OCR_DPI", "300")),
        metadata={"env": "MINUTEBOOK_OCR_DPI", "help": "resolution a scanned page is rendered at for OCR"},
    )
    ocr_page_seconds: float = field(
        default_factory=lambda: float(_env("OCR_PAGE_SECONDS", "60")),
        metadata={"env": "MINUTEBOOK_OCR_PAGE_SECONDS", "help": "longest OCR of one page; a page taking longer is "
                  "left unread and reported"},
    )
    ocr_max_pages: int = field(
        default_factory=lambda: int(_env("OCR_MAX_PAGES", "100")),
        metadata={"env": "MINUTEBOOK_OCR_MAX_PAGES", "help": "most pages OCR reads in one file; the rest are reported"},
    )
    ocr_workers: int = field(
        default_factory=lambda: int(_env("OCR_WORKERS", str(os.cpu_count() or 1))),
        metadata={"env": "MINUTEBOOK_OCR_WORKERS", "help": "scanned pages OCR reads at once (one Tesseract process "
                  "with one thread each; default: the number of cores)"},
    )
    sync_interval: float = field(
        default_factory=lambda: float(_env("SYNC_INTERVAL", "1")),
        metadata={"env": "MINUTEBOOK_SYNC_INTERVAL", "help": "seconds between two requests to one host when syncing "
                  "from ModernGov or Legistar (the default for `sync --interval` and `serve --sync-every`)"},
    )
    max_query_chars: int = field(
        default_factory=lambda: int(_env("MAX_QUERY_CHARS", "500")),
        metadata={"env": "MINUTEBOOK_MAX_QUERY_CHARS", "help": "longest query accepted"},
    )
    max_k: int = field(
        default_factory=lambda: int(_env("MAX_K", "100")),
        metadata={"env": "MINUTEBOOK_MAX_K", "help": "most results one search may return"},
    )

    max_limit: int = field(
        default_factory=lambda: int(_env("MAX_LIMIT", "500")),
        metadata={"env": "MINUTEBOOK_MAX_LIMIT", "help": "most rows one listing page may return"},
    )
    repair_queries: bool = field(
        default_factory=lambda: _env("REPAIR_QUERIES", "1") not in ("0", "false", "no"),
        metadata={"env": "MINUTEBOOK_REPAIR_QUERIES", "help": "correct misspellings and expand acronyms from the papers"},
    )
    min_evidence: float = field(
        default_factory=lambda: float(_env("MIN_EVIDENCE", "1.0")),
        metadata={
            "env": "MINUTEBOOK_MIN_EVIDENCE",
            "help": "chat answers only when its best sentence's support reaches this: the share of the question's "
            "subject it holds (0-1) plus its cosine with the question (0-1), plus small bonuses; chosen on the "
            "development questions as the most right answers less twice the unanswerable questions answered "
            "(an answer the papers do not support is worse than none)",
        },
    )
    llm_url: str = field(
        default_factory=lambda: _env("LLM_URL", ""),
        metadata={"env": "MINUTEBOOK_LLM_URL", "help": "OpenAI-compatible endpoint that may rewrite chat answers (empty: off)"},
    )
    llm_model: str = field(
        default_factory=lambda: _env("LLM_MODEL", ""),
        metadata={"env": "MINUTEBOOK_LLM_MODEL", "help": "model name sent to that endpoint"},
    )
    llm_key: str = field(
        default_factory=lambda: _env("LLM_KEY", ""),
        metadata={"env": "MINUTEBOOK_LLM_KEY", "help": "bearer key for that endpoint", "secret": True},
    )
    max_messages: int = field(
        default_factory=lambda: int(_env("MAX_MESSAGES", "40")),
        metadata={"env": "MINUTEBOOK_MAX_MESSAGES", "help": "longest conversation /chat accepts"},
    )
    candidates: int = field(
        default_factory=lambda: int(_env("CANDIDATES", "100")),
        metadata={"env": "MINUTEBOOK_CANDIDATES", "help": "passages each method proposes before fusion"},
    )
    rrf_k: int = field(
        default_factory=lambda: int(_env("RRF_K", "5")),
        metadata={"env": "MINUTEBOOK_RRF_K", "help": "reciprocal rank fusion constant"},
    )
    lexical_weight: float = field(
        default_factory=lambda: float(_env("LEXICAL_WEIGHT", "2.0")),
        metadata={"env": "MINUTEBOOK_LEXICAL_WEIGHT", "help": "weight of the BM25 ranking in fusion"},
    )
    dense_weight: float = field(
        default_factory=lambda: float(_env("DENSE_WEIGHT", "1.0")),
        metadata={"env": "MINUTEBOOK_DENSE_WEIGHT", "help": "weight of the embedding ranking in fusion"},
    )
    context_weight: float = field(
        default_factory=lambda: float(_env("CONTEXT_WEIGHT", "1.0")),
        metadata={
            "env": "MINUTEBOOK_CONTEXT_WEIGHT",
            "help": "weight in fusion of the papers matching the meeting date, body or paper type a question names (0: off)",
        },
    )
    fusion: str = field(
        default_factory=lambda: _env("FUSION", "learned"),
        metadata={
            "env": "MINUTEBOOK_FUSION",
            "help": "how hybrid search orders the rankings' candidates: learned (the fitted model) or rrf (reciprocal rank fusion)",
        },
    )
    query_adapter: bool = field(
        default_factory=lambda: _env("QUERY_ADAPTER", "1") not in ("0", "false", "no"),
        metadata={"env": "MINUTEBOOK_QUERY_ADAPTER", "help": "map query vectors by the fitted adapter before dense search (0: off)"},
    )
    admin_token: str = field(
        default_factory=lambda: _env("ADMIN_TOKEN", ""),
        repr=False,  # never printed in a log or traceback
        metadata={
            "env": "MINUTEBOOK_ADMIN_TOKEN",
            "help": "bearer token for POST /admin/reload (empty: the route is off)",
            "secret": True,
        },
    )
    request_timeout: float = field(
        default_factory=lambda: float(_env("REQUEST_TIMEOUT", "30")),
        metadata={"env": "MINUTEBOOK_REQUEST_TIMEOUT", "help": "seconds a request may take before a 503"},
    )

    def __post_init__(self) -> None:
        if self.fusion not in FUSIONS:
            raise ValueError(f"MINUTEBOOK_FUSION must be one of {', '.join(FUSIONS)}, not {self.fusion!r}")


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (e.g. command-line) values taking precedence."""
    base = Settings()
    given = {k: v for k, v in overrides.items() if v is not None}
    for name in ("index_dir", "model_cache"):
        if name in given:
            given[name] = Path(given[name]).expanduser()  # type: ignore[arg-type]
    return Settings(**{f.name: given.get(f.name, getattr(base, f.name)) for f in fields(Settings)})


def describe_settings() -> str:
    """A table of every setting, its variable and default, for ``--help``."""
    try:
        current: Settings | None = Settings()
    except ValueError:  # a malformed variable: --help still lists them; running says which is wrong
        current = None
    rows = [
        f"  {f.metadata['env']:<28} {f.metadata['help']}"
        + (f" (now: {_shown(f, getattr(current, f.name))})" if current else "")
        for f in fields(Settings)
    ]
    return "settings (environment variables):\n" + "\n".join(rows)


def _shown(f, value: object) -> str:
    """A setting's value for ``--help``; secrets only say whether they are set."""
    if f.metadata.get("secret"):
        return "set" if value else "not set"
    return str(value)
