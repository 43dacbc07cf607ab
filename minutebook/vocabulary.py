"""The domain vocabulary, defined once: every layer passes these between its steps.

files --read--> Page --structure--> Document / Chunk --store--> SQLite + FAISS --rank--> Hit
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

DOCUMENT_TYPES = (
    "agenda",
    "minutes",
    "report",
    "appendix",
    "strategy",
    "annual_report",
    "progress_update",
    "decision_record",
    "other",
)


@dataclass(frozen=True)
class Page:
    """One page of a source file as extracted. Text files are a single page 1."""

    source: str  # the file's path as given to ingest, made absolute
    number: int  # 1-based page in the file (the PDF page)
    text: str
    printed: str | None = None  # the page number printed on the page, where there is one
    ocr: float | None = None  # read by OCR (no text layer): its mean word confidence, 0-1
    unread: str | None = None  # why a page without text was not read by OCR
    split_by_word_list: bool = False  # its words ran together and were split by an English word list


@dataclass
class Document:
    """One paper: a whole file, or one paper split out of an agenda pack."""

    source: str
    file_hash: str  # sha256 of the source file: the same bytes under two names are one paper
    ordinal: int  # position of this paper within its file (0 for a whole file)
    title: str
    type: str = "other"
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None  # ISO date of the meeting the paper went to (or records)
    published_date: str | None = None  # ISO date of the pack it was published in
    agenda_item: str | None = None
    agenda_item_title: str | None = None
    author: str | None = None
    wards: str | None = None
    key_decision: bool | None = None
    exempt: bool | None = None
    first_page: int = 1
    last_page: int = 1
    repeat_of: str | None = None  # id of the earlier appearance of the same paper (set at build)

    @property
    def id(self) -> str:
        return stable_key(self.file_hash, str(self.ordinal))

    @property
    def meeting_id(self) -> str | None:
        """The meeting this paper went to (or records): one body on one date."""
        if not (self.body and self.meeting_date):
            return None
        return stable_key(" ".join(self.body.lower().split()), self.meeting_date)


@dataclass
class Chunk:
    """A passage of bounded size inside one section of one document.

    ``text`` is the exact passage shown and cited; ``embed_text`` adds the context
    (title, body, date, heading path) the embedding and lexical index see.
    """

    document_id: str
    ordinal: int  # position within the document
    text: str
    page: int
    last_page: int | None = None
    printed_page: str | None = None
    section: str | None = None  # heading path, e.g. "Report > 4. Background > 4.2"
    paragraph: str | None = None
    context: str = ""  # text prepended for embedding: title, body, date, heading path
    kind: str = "text"  # "text" or "table_row"
    ocr: float | None = None  # read by OCR from a scanned page: its word confidence, 0-1
    page_breaks: list[list[int]] = field(default_factory=list)  # [offset, page] where each later page begins

    @property
    def embed_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text

    @property
    def id(self) -> int:
        """A stable 63-bit id (FAISS keys are int64): same document, place and text, same id."""
        return int.from_bytes(
            hashlib.blake2b(
                f"{self.document_id}\x1f{self.ordinal}\x1f{self.text}".encode(), digest_size=8
            ).digest(),
            "big",
        ) >> 1


DECISION_KINDS = ("resolution", "recommendation", "commitment", "action")


@dataclass
class Decision:
    """A resolution, recommendation list, commitment or promised action, with its citation.

    ``text`` is the whole decision as written; ``items`` its sub-points ((1), (a), i. ...) in order.
    Kind-specific facts (mover, seconder, votes, addressee, owner, status, due date, ...) are in
    ``details`` so one table serves every kind.
    """

    kind: str  # one of DECISION_KINDS
    document_id: str
    ordinal: int  # position among the document's decisions
    text: str
    items: list[str] = field(default_factory=list)
    page: int | None = None
    last_page: int | None = None
    section: str | None = None  # heading path where it stands
    reference: str | None = None  # minute number, recommendation number or commitment id
    title: str | None = None  # minute title, report title or commitment heading
    details: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return stable_key(self.document_id, self.kind, str(self.ordinal))


LINK_KINDS = ("disposed_by", "fulfilled_by", "reports_on", "same_commitment")
OUTCOMES = ("agreed", "amended", "noted", "deferred", "rejected", "no decision found")


@dataclass
class Link:
    """A relation between two decisions, with the evidence for it.

    disposed_by: recommendation -> the resolution that decided it (``outcome`` says how);
    fulfilled_by: action -> the later decision or paper that delivered it;
    reports_on: a later report of progress (annual report, progress table) -> the earlier decision;
    same_commitment: one commitment appearing again in another paper (lineage).
    """

    kind: str  # one of LINK_KINDS
    source_id: str  # Decision.id
    target_id: str  # Decision.id, or a Document.id for fulfilled_by when a whole paper delivers it
    outcome: str | None = None  # for disposed_by: one of OUTCOMES
    score: float = 0.0  # 0..1 confidence
    evidence: list[str] = field(default_factory=list)  # human-readable reasons


@dataclass
class ParsedDocument:
    """One paper as structure hands it on: the document, its passages and its decisions."""

    document: Document
    chunks: list[Chunk]
    decisions: list[Decision] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    """A file ingest could not use, and why, in words a person understands."""

    source: str
    reason: str


@dataclass
class Hit:
    """One search result: the exact passage with its full citation."""

    chunk_id: int
    text: str
    score: float
    source: str
    document_id: str
    document_title: str
    document_type: str | None = None
    organisation: str | None = None
    body: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    section: str | None = None
    paragraph: str | None = None
    page: int | None = None
    last_page: int | None = None
    printed_page: str | None = None
    ocr: float | None = None  # the passage was read by OCR from a scan: its word confidence, 0-1
    match: dict = field(default_factory=dict)
    page_breaks: list[list[int]] = field(default_factory=list)  # [offset, page] where each later page begins


def stable_key(*parts: str) -> str:
    """A short hex id derived from its parts, stable across rebuilds."""
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()
