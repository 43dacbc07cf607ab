"""Legistar (most large US cities): the keyless Web API at ``https://webapi.legistar.com/v1/CLIENT``.

Events (OData ``$filter`` on EventDate, pages of 1,000) give each meeting's body, date, agenda and
minutes files; EventItems (with attachments) each item's number, title and documents; each item acted on, its
action, result, mover, seconder and roll call (Votes), which go with the meeting's minutes (else its
agenda) as the decisions the API records. Files are fetched where the API says they are. Only PDF
files are taken.
"""

from __future__ import annotations

from datetime import date, timedelta

from .fetch import Fetcher, SyncError
from .remote import Listing, RemotePaper, slug, suffix_of

PAGE = 1000  # the API's largest page


def _json(fetcher: Fetcher, url: str, params: dict | None = None) -> list:
    response = fetcher.get(url, params=params)
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, list):
        raise SyncError(f"{url} did not answer with Legistar's JSON list; give the API address, "
                        "e.g. https://webapi.legistar.com/v1/seattle")
    return data


def _decision(api: str, fetcher: Fetcher, item: dict, listing: Listing) -> dict:
    """An item the meeting acted on, as the API records it: the matter, the action and its
    result, mover and seconder, and each member's vote (none, and a failure reported, when the
    votes cannot be read)."""
    try:
        votes = _json(fetcher, f"{api}/EventItems/{item['EventItemId']}/Votes")
    except SyncError as exc:
        listing.failed.append(f"votes on {item.get('EventItemMatterFile') or item['EventItemId']}: {exc}")
        votes = []
    return {
        "reference": item.get("EventItemMatterFile"), "title": item.get("EventItemTitle"),
        "action": item.get("EventItemActionText"), "outcome": item.get("EventItemActionName"),
        "passed": item.get("EventItemPassedFlagName"), "mover": item.get("EventItemMover"),
        "seconder": item.get("EventItemSeconder"), "tally": item.get("EventItemTally"),
        "agenda_item": (item.get("EventItemAgendaNumber") or "").rstrip(".") or None,
        "votes": [{"name": v.get("VotePersonName"), "vote": v.get("VoteValueName")} for v in votes],
    }


def list_papers(api: str, fetcher: Fetcher, bodies: list[str], since: date, until: date,
                organisation: str | None = None) -> Listing:
    api = api.rstrip("/")
    listing = Listing()
    window = (f"EventDate ge datetime'{since.isoformat()}T00:00:00' and "
              f"EventDate lt datetime'{(until + timedelta(days=1)).isoformat()}T00:00:00'")
    events, skip = [], 0
    while True:
        page = _json(fetcher, f"{api}/Events", {"$filter": window, "$top": PAGE, "$skip": skip})
        events.extend(page)
        if len(page) < PAGE:
            break
        skip += PAGE
    for event in events:
        body = (event.get("EventBodyName") or "").strip()
        if bodies and not any(b == str(event.get("EventBodyId")) or b.casefold() == body.casefold() for b in bodies):
            continue
        day = (event.get("EventDate") or "")[:10]
        if not day:
            continue
        listing.meetings += 1
        eid = event.get("EventId")
        folder = f"{slug(body, 40)}-{day}-{eid}"
        facts = {"organisation": organisation, "body": body, "meeting_date": day}
        try:
            items = _json(fetcher, f"{api}/Events/{eid}/EventItems", {"AgendaNote": 1, "MinutesNote": 1, "Attachments": 1})
        except SyncError as exc:  # the meeting's files are still listed; its items are reported
            listing.failed.append(f"{body} meeting {eid} of {day}, its items: {exc}")
            items = []
        # What the meeting decided, with the roll call, goes with its minutes (else its agenda).
        decided = [_decision(api, fetcher, item, listing) for item in items if item.get("EventItemActionName")]
        record = "Minutes" if suffix_of(event.get("EventMinutesFile")) else "Agenda"
        for kind in ("Agenda", "Minutes"):
            url = event.get(f"Event{kind}File")
            if suffix := suffix_of(url):
                listing.papers.append(RemotePaper(url, f"{kind.lower()}-{eid}{suffix}", folder, {
                    **facts, "title": f"{kind} – {body}, {day}", "url": url,
                    **({"decisions": decided} if kind == record and decided else {})}))
        for item in items:
            for attachment in item.get("EventItemMatterAttachments") or []:
                url = attachment.get("MatterAttachmentHyperlink")
                suffix = suffix_of(url)
                if not suffix or attachment.get("MatterAttachmentShowOnInternetPage") is False:
                    continue
                name = attachment.get("MatterAttachmentName") or str(attachment.get("MatterAttachmentId"))
                listing.papers.append(RemotePaper(
                    url, f"{slug(name)}-{attachment.get('MatterAttachmentId')}{suffix}", folder,
                    {**facts, "agenda_item": (item.get("EventItemAgendaNumber") or "").rstrip(".") or None,
                     "agenda_item_title": item.get("EventItemMatterName") or item.get("EventItemTitle"),
                     "title": name, "url": url},
                ))
    return listing
