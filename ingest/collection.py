"""What the papers of one folder tell about each other.

A council's papers come together: a folder of its agendas, minutes and reports, or a sync of its
committees. A paper that never names its organisation in its own text (an information packet, a
scanned return, a committee's agenda under a bare heading) is still that organisation's when the
folder's other papers name one and agree on it. A folder whose papers name different organisations
(a mixed download) gives none.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import PurePath

from minutebook.vocabulary import Document

from .candidates import key

MIN_NAMING = 2  # files of the folder naming the organisation themselves: one file is its own evidence only


def folder_of(source: str) -> str:
    return str(PurePath(source).parent)


def shared_organisations(named: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Folder -> the organisation its papers name, from (source file, organisation) of every paper:
    kept where papers of at least MIN_NAMING files name one and every paper naming one names the
    same (its words compared, so "Quay Parish Council" and "QUAY PARISH COUNCIL" agree), as the
    most of them write it."""
    named_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, organisation in named:
        if organisation:
            named_in[folder_of(source)].append((source, organisation))
    return {
        folder: Counter(name for _, name in pairs).most_common(1)[0][0] for folder, pairs in named_in.items()
        if len({source for source, _ in pairs}) >= MIN_NAMING and len({key(name) for _, name in pairs}) == 1
    }


def fill_organisations(documents: list[Document]) -> list[Document]:
    """Give each paper that names no organisation the one its folder's papers agree on; returns
    the papers so given one."""
    shared = shared_organisations((document.source, document.organisation) for document in documents)
    given = []
    for document in documents:
        if not document.organisation and (organisation := shared.get(folder_of(document.source))):
            document.organisation = organisation
            given.append(document)
    return given
