"""Which store a server reads: the embedded index folder, or the PostgreSQL database that
``MINUTEBOOK_DATABASE_URL`` names. Both give an index with the same reads (search.storage.index.Index,
search.storage.postgres.PgIndex); this is the one place that chooses between them."""

from __future__ import annotations

from minutebook.settings import Settings

from minutebook.search.storage.index import Index, IndexMissing, current_generation, open_index


def current(settings: Settings):
    """What the store now publishes: a generation folder, or a PostgreSQL schema name; None if nothing."""
    if settings.database_url:
        from minutebook.search.storage import postgres

        return postgres.current_generation(settings.database_url)
    return current_generation(settings.index_dir)


def open_current(settings: Settings, generation=None):
    """The published index, opened for reading (``generation`` as ``current`` gave it, or looked up)."""
    if settings.database_url:
        from minutebook.search.storage import postgres

        generation = generation or current(settings)
        if generation is None:
            raise IndexMissing(f"no collection in {postgres.redact(settings.database_url)}: publish one with "
                               f"`minutebook migrate --to URL` after `minutebook ingest`")
        return postgres.PgIndex(settings.database_url, generation)
    return Index(generation) if generation else open_index(settings.index_dir)


def same(generation, index) -> bool:
    """Whether ``index`` is the one published as ``generation``."""
    if isinstance(generation, str):
        return generation == index.generation
    return generation.resolve() == index.generation.resolve()
