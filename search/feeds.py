"""Atom feeds: a watch's new passages and decision rows, and the actions that have become overdue.

A watch's feed holds the passages its search finds that hold at least half of its words (of the best
FEED_PASSAGES, its filters applied inside the search) and the decision rows whose words it names, from papers that entered the index after the
watch was made, newest first; each entry links to the passage or row's paper in context.
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from feedgen.feed import FeedGenerator

from minutebook.search.chat.answer import where_said
from minutebook.search.decisions import registers
from minutebook.search.filters import Filters
from minutebook.search.decisions.registers import RegisterQuery
from minutebook.search.ranking.retrieve import query_terms
from minutebook.search.watches import Watch

FEED_PASSAGES = 50
FEED_ROWS = 50


def _when(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")


def _feed(base: str, feed_id: str, title: str, subtitle: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(f"{base}/feeds/{feed_id}.atom")
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=f"{base}/feeds/{feed_id}.atom", rel="self")
    feed.link(href=f"{base}/", rel="alternate")
    feed.author({"name": "minutebook"})
    return feed


def _cited(citation: dict) -> str:
    """Where a register row stands, said as chat says where a passage stands (the row's citation has
    the fields a search result has)."""
    return where_said(SimpleNamespace(**citation))


def watch_feed(library, watch: Watch, base: str) -> bytes:
    """The Atom feed of ``watch`` (``library``: the Minutebook serving the index)."""
    seen = library.first_seen()
    created = _when(watch.created)
    filters = Filters(**watch.filters)
    entries = []
    terms = query_terms(watch.query)
    for hit in library.search(watch.query, FEED_PASSAGES, filters).results:
        first = seen.get(hit.document_id)
        # A search always ranks something: a passage is news about the watch only when it holds
        # at least half of the watch's words (in it or its paper's title).
        said = f"{hit.text} {hit.document_title}".lower()
        if first and _when(first) >= created and 2 * sum(t in said for t in terms) >= len(terms):
            entries.append((first, f"passage-{hit.chunk_id}", f"{hit.document_title}: {hit.text[:80]}",
                            f"/papers/{hit.document_id}#chunk-{hit.chunk_id}", f"{hit.text}\n\n— {where_said(hit)}"))
    for kind in registers.KINDS:
        rows = library.register(kind, filters, RegisterQuery(q=watch.query), FEED_ROWS, 0).items
        for row in rows:
            first = seen.get(row["citation"]["document_id"])
            if first and _when(first) >= created:
                entries.append((first, f"{row['kind']}-{row['id']}", f"{row['kind'].capitalize()}: {row['text'][:80]}",
                                f"/papers/{row['citation']['document_id']}", f"{row['text']}\n\n— {_cited(row['citation'])}"))
    feed = _feed(base, watch.id, f"minutebook: {watch.query}", f"New passages and decisions about “{watch.query}”")
    _add(feed, base, entries, fallback=watch.created)
    return feed.atom_str(pretty=True)


def overdue_feed(library, base: str) -> bytes:
    """The actions overdue today, the longest overdue first."""
    rows = library.register("actions", Filters(), RegisterQuery(status="overdue", as_at=date.today().isoformat()),
                            library.settings.max_limit, 0).items
    entries = [
        (f"{row['details'].get('due_date') or row['citation']['meeting_date'] or '1970-01-01'}T00:00:00+0000",
         f"action-{row['id']}", f"Overdue: {row['text'][:80]}", f"/papers/{row['citation']['document_id']}",
         f"{row['text']}\n\nDue {row['details'].get('due_date')}. — {_cited(row['citation'])}")
        for row in rows
    ]
    feed = _feed(base, "overdue", "minutebook: overdue actions", "Actions whose due date has passed with no paper delivering them")
    _add(feed, base, entries, fallback="1970-01-01T00:00:00+0000")
    return feed.atom_str(pretty=True)


def _add(feed: FeedGenerator, base: str, entries: list[tuple], fallback: str) -> None:
    # feedgen puts each added entry first: add the oldest first so the newest leads the feed.
    newest = fallback
    for when, key, title, link, content in sorted(entries, key=lambda e: e[0]):
        entry = feed.add_entry()
        entry.id(f"{base}/feeds/entry/{key}")
        entry.title(title)
        entry.link(href=f"{base}{link}")
        entry.updated(_when(when))
        entry.content(content, type="text")
        newest = max(newest, when)
    feed.updated(_when(newest))
