"""Search filters, applied inside retrieval (as SQL over documents), never after the top k."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Filters:
    organisation: str | None = None  # case-insensitive substring of the organisation (council, district ...)
    body: str | None = None  # case-insensitive substring of the decision-making body
    document_type: str | None = None
    date_from: str | None = None  # ISO dates, inclusive, on the meeting date
    date_to: str | None = None
    agenda_item: str | None = None
    source: str | None = None  # substring of the source file's path

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def where(self, alias: str = "d") -> tuple[str, list[str]]:
        """A SQL condition over the documents table (aliased ``alias``) and its parameters."""
        clauses: list[str] = []
        params: list[str] = []
        if self.organisation:
            clauses.append(f"lower({alias}.organisation) LIKE ?")
            params.append(f"%{self.organisation.lower()}%")
        if self.body:
            clauses.append(f"lower({alias}.body) LIKE ?")
            params.append(f"%{self.body.lower()}%")
        if self.document_type:
            clauses.append(f"{alias}.type = ?")
            params.append(self.document_type)
        if self.date_from:
            clauses.append(f"{alias}.meeting_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.meeting_date <= ?")
            params.append(self.date_to)
        if self.agenda_item:
            clauses.append(f"{alias}.agenda_item = ?")
            params.append(self.agenda_item)
        if self.source:
            clauses.append(f"lower({alias}.source) LIKE ?")
            params.append(f"%{self.source.lower()}%")
        return (" AND ".join(clauses) or "TRUE"), params

    def passages(self) -> tuple[str, list[str]]:
        """A query for the chunk ids of the passages passing the filters, and its parameters (both
        stores run it: in full for the embedded index, as a subquery in PostgreSQL)."""
        where, params = self.where("d")
        return f"SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE {where}", params
