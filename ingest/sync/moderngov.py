"""ModernGov (most UK councils): the keyless web service at ``BASE/mgWebService.asmx``.

GetCommittees lists the bodies; GetMeetings (dates as dd/mm/yyyy, which the service requires) a
body's meetings; GetMeeting a meeting's agenda items and their documents. Documents are fetched where the service
says they are (an address relative to the site is read against it).
Cancelled meetings and restricted items and documents are passed over; restricted ones are counted.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urljoin

from defusedxml import ElementTree

from .fetch import Fetcher, SyncError
from .remote import Listing, RemotePaper, slug, suffix_of

SERVICE = "/mgWebService.asmx"


def _xml(fetcher: Fetcher, base: str, call: str, root: str, **params):
    url = f"{base}{SERVICE}/{call}"
    response = fetcher.get(url, params=params or None)
    try:
        tree = ElementTree.fromstring(response.content)
    except Exception:  # noqa: BLE001 - any parse failure means the same: this is not the service
        tree = None
    if tree is None or tree.tag != root:
        head = response.content[:2000].lower()
        page = "html" in response.headers.get("content-type", "") or any(t in head for t in (b"<html", b"<script", b"<!doctype"))
        raise SyncError(f"{base} does not look like a ModernGov site: {call} gave "
                        f"{'an HTML page' if page else 'no ModernGov XML'}; "
                        "give the address of the council's ModernGov site, e.g. https://democracy.example.gov.uk")
    return tree


def _text(element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def list_papers(base: str, fetcher: Fetcher, committees: list[str], since: date, until: date,
                organisation: str | None = None) -> Listing:
    base = base.rstrip("/")
    listing = Listing()
    known = [
        (_text(c, "committeeid"), _text(c, "committeetitle"))
        for c in _xml(fetcher, base, "GetCommittees", "committees").iter("committee")
        if _text(c, "committeedeleted") != "True"
    ]
    wanted = [(cid, title) for cid, title in known
              if not committees or any(w == cid or w.casefold() == title.casefold() for w in committees)]
    if committees and not wanted:
        shown = "; ".join(f"{title} ({cid})" for cid, title in known[:12])
        raise SyncError(f"no committee of {base} is called {', '.join(committees)}; it has: {shown}")
    for cid, title in wanted:
        meetings = _xml(fetcher, base, "GetMeetings", "getmeetings", lCommitteeId=cid,
                        sFromDate=since.strftime("%d/%m/%Y"), sToDate=until.strftime("%d/%m/%Y"))
        for meeting in meetings.iter("meeting"):
            day = _day(_text(meeting, "meetingdate"))
            if day is None or not since <= day <= until or _text(meeting, "meetingstatus").lower() == "cancelled":
                continue  # the service's own date filter is not trusted
            listing.meetings += 1
            mid = _text(meeting, "meetingid")
            try:
                detail = _xml(fetcher, base, "GetMeeting", "meeting", lMeetingId=mid)
            except SyncError as exc:  # one meeting that cannot be read: the others still can
                listing.failed.append(f"{title} meeting {mid} of {day.isoformat()}: {exc}")
                continue
            folder = f"{slug(title, 40)}-{day.isoformat()}-{mid}"
            facts = {"organisation": organisation, "body": title, "meeting_date": day.isoformat()}
            for item in detail.iter("agendaitem"):
                number = _text(item, "fulldisplaynumberformat").rstrip(".") or None
                documents = list(item.iter("linkeddoc"))
                if _text(item, "isrestricted") == "True":
                    listing.restricted += max(len(documents), 1)
                    continue
                for document in documents:
                    url = _text(document, "url")
                    if _text(document, "isrestricted") == "True" or not url:
                        listing.restricted += _text(document, "isrestricted") == "True"
                        continue
                    name = _text(document, "title") or _text(document, "attachmentid")
                    listing.papers.append(RemotePaper(
                        # a linked document is a PDF unless its address names another kind ingest reads
                        urljoin(f"{base}/", url), f"{slug(name)}-{_text(document, 'attachmentid')}{suffix_of(url) or '.pdf'}", folder,
                        {**facts, "agenda_item": number, "agenda_item_title": _text(item, "agendaitemtitle"),
                         "title": name, "url": url},
                    ))
    return listing
