"""minutebook: cited search over board papers.

The layers live in the repository's top-level folders ``ingest/`` (files -> documents -> chunks),
``search/`` (store, index, ranking) and ``server/`` (CLI and HTTP faces), and are imported as
``minutebook.ingest``, ``minutebook.search`` and ``minutebook.server``. Imports flow
ingest <- search <- server. An installed wheel has them inside this package; in a source checkout
they sit beside it, so the package's search path is extended to the checkout's root.
"""

from pathlib import Path as _Path

__version__ = "0.1.0"

_checkout = _Path(__file__).resolve().parent.parent
if not (_Path(__file__).parent / "ingest").is_dir() and (_checkout / "ingest" / "__init__.py").is_file():
    __path__.append(str(_checkout))  # type: ignore[name-defined]  # noqa: F821
