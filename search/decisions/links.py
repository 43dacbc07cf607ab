"""Links between decisions across papers: what became of a report's recommendations, which later
paper delivered a promised follow-up, which progress report speaks of an earlier recommendation,
and where one commitment appears again.

Pure functions over (Document, decisions) pairs; nothing here reads files or the store. A link is
only made on evidence a reader can check (agenda item numbers, titles, matching words), and no
link is better than a wrong one.
"""

from __future__ import annotations

import re

from minutebook.vocabulary import Decision, Document, Link

from minutebook.search.decisions.lineage import group_commitments
from minutebook.search.decisions.link_text import FOLLOW_UP, TIME_WORDS, body_phrases, item_label, paper_date, parts, same_body, similarity, strip_phrases, terms
from minutebook.search.decisions.outcomes import classify

Papers = list[tuple[Document, list[Decision]]]

RECORDS = ("minutes", "decision_record")
_AGENDA_ITEM = re.compile(r"\((?:agenda\s+item|item|ai)\s*(\d{1,3}[a-z]?)\)|\bagenda\s+item\s+(\d{1,3}[a-z]?)\b", re.IGNORECASE)
_PAGES = re.compile(r"\(\s*pages?\s[^)]*\)", re.IGNORECASE)
DISPOSED = 0.72  # a resolution below this is not the one that decided the recommendation
TITLE_MATCH = 80
ITEMS_MATCH = 75


def link_decisions(papers: Papers) -> list[Link]:
    """Every link between the papers' decisions, in a stable order."""
    links = link_recommendations(papers) + find_fulfilments(papers) + link_progress_reports(papers)
    reported = {(link.source_id, link.target_id) for link in links if link.kind == "reports_on"}
    for link in group_commitments(papers):
        if (link.source_id, link.target_id) not in reported and (link.target_id, link.source_id) not in reported:
            links.append(link)
    return links


# ---- recommendation -> resolution -------------------------------------------------------------


def _agenda_item_of(resolution: Decision) -> str | None:
    match = _AGENDA_ITEM.search(resolution.section or "")
    return (match.group(1) or match.group(2)).lower() if match else None


def _titles_of(recommendation: Decision, document: Document) -> list[str]:
    titles = [recommendation.title, recommendation.details.get("report_title"), document.agenda_item_title, document.title]
    out = []
    for title in titles:
        title = _PAGES.sub("", title or "").strip()
        if title and title not in out and not title.lower().startswith("agenda of "):
            out.append(title)
    return out


def _meeting_records(document: Document, recommendation: Decision, records: Papers) -> Papers:
    """The minutes recording the meeting the recommendation went to, if they are in the papers."""
    date = recommendation.details.get("meeting_date") or document.meeting_date
    body = recommendation.details.get("body") or document.body
    if not date:
        return []
    found = [(doc, decs) for doc, decs in records if doc.meeting_date == date and doc.id != document.id
             and same_body(body, doc.body) is not False]
    sure = [(doc, decs) for doc, decs in found if same_body(body, doc.body)]
    if sure:
        return sure
    return found if len({doc.body for doc, _ in found}) == 1 else []


def _match_resolution(recommendation: Decision, document: Document, resolution: Decision) -> tuple[float, list[str]]:
    """(0..1, evidence) that ``resolution`` is the one that decided ``recommendation``."""
    evidence: list[str] = []
    minute = f"minute {resolution.reference}" if resolution.reference else "the minute"
    item = recommendation.details.get("agenda_item") or document.agenda_item
    res_item = _agenda_item_of(resolution)
    same_item = bool(item and res_item and item.lower() == res_item)
    other_item = bool(item and res_item and not same_item)
    title = max((similarity(resolution.title, t) for t in _titles_of(recommendation, document)), default=0) if resolution.title else 0
    item_scores = [max(similarity(rec, res) for res in parts(resolution)) for rec in parts(recommendation)]
    text = sum(item_scores) / len(item_scores) if item_scores else 0
    score = 0.0
    if same_item:
        score = 0.97 if title >= 50 or text >= ITEMS_MATCH else 0.9
        evidence.append(f"same agenda item {item}")
    if title >= TITLE_MATCH:
        score = max(score, 0.75 + 0.2 * (title - TITLE_MATCH) / (100 - TITLE_MATCH))
        evidence.append(f"{minute} title matches report title (score {title})")
    if text >= ITEMS_MATCH:
        score = max(score, 0.72 + 0.2 * (text - ITEMS_MATCH) / (100 - ITEMS_MATCH))
        for index, value in enumerate(item_scores):
            if value >= ITEMS_MATCH and len(item_scores) > 1:
                evidence.append(f"resolution echoes recommendation {item_label(index)} (score {value})")
        if len(item_scores) == 1:
            evidence.append(f"resolution echoes the recommendation (score {round(text)})")
    if other_item and title < 90:
        return 0.0, []  # minuted under another agenda item
    if score and (title >= TITLE_MATCH) + (text >= ITEMS_MATCH) + same_item >= 2:
        score = min(1.0, score + 0.03)
    return score, evidence


def link_recommendations(papers: Papers) -> list[Link]:
    """recommendation -> the resolution that disposed of it, when the meeting's minutes are here.

    Minutes present but no resolution matching: a link with an empty target and outcome
    "no decision found". Minutes absent: no link.
    """
    records = [(doc, decs) for doc, decs in papers if doc.type in RECORDS and doc.meeting_date]
    links = []
    for document, decisions in papers:
        for recommendation in (d for d in decisions if d.kind == "recommendation"):
            minutes = _meeting_records(document, recommendation, records)
            if not minutes:
                continue
            scored = [(_match_resolution(recommendation, document, res), res)
                      for _, decs in minutes for res in decs if res.kind == "resolution"]
            scored = [((score, evidence), res) for (score, evidence), res in scored if score >= DISPOSED]
            if not scored:
                date = minutes[0][0].meeting_date
                links.append(Link("disposed_by", recommendation.id, "", "no decision found", 0.6,
                                  [f"the minutes of {date} are in the papers but no minute matches the report"]))
                continue
            (score, evidence), resolution = max(scored, key=lambda pair: (pair[0][0], pair[1].ordinal))
            outcome, reasons = classify(recommendation, resolution)
            links.append(Link("disposed_by", recommendation.id, resolution.id, outcome, round(score, 3), evidence + reasons))
    return links


# ---- action -> the later paper that delivered it ----------------------------------------------

_TITLE_NOISE = frozenset("report reports update updates progress paper item information info annual".split()) | TIME_WORDS


def _acronyms(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\b[A-Z][A-Z&]{1,7}\b", text)}


def _covered(words: list[str], subject: set[str], acronyms: set[str]) -> list[str]:
    """The ``words`` (a title's content words) the subject speaks of, acronyms expanded."""
    hit = [word for word in words if word in subject]
    for acronym in acronyms:
        size = len(acronym)
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if "".join(word[0] for word in run) == acronym:
                hit.extend(word for word in run if word not in hit)
    return hit


def _subject(action: Decision, document: Document) -> tuple[list[str], list[str], set[str]]:
    """(primary words, all words, acronyms) of what the action promises to bring back.

    In minutes the minute's title is the subject ("the final document will return"); the action's
    own words, when it has some, must still show in what delivers it.
    """
    text = strip_phrases(action.text, body_phrases(document.body))
    own = terms(text, drop=FOLLOW_UP)
    if document.type in RECORDS and action.title:
        primary = terms(action.title, drop=_TITLE_NOISE)  # the minute's subject: "the final document"
    else:
        primary = own if len(own) >= 2 else terms(document.agenda_item_title or document.title, drop=_TITLE_NOISE)
    acronyms = _acronyms(action.text) - set(body_phrases(document.body))
    return primary, own, acronyms


def _delivers(primary: list[str], own: list[str], acronyms: set[str], title: str) -> tuple[float, list[str]]:
    """(0..1, the title's words the action speaks of) when a paper or minute titled ``title``
    delivers the action: most of the title is the action's subject, and half the subject is in it."""
    words = terms(title, drop=_TITLE_NOISE)
    if not words:
        return 0.0, []
    hit = _covered(words, set(primary) | set(own), acronyms)
    cover_title = len(hit) / len(words)
    expanded = set(words) | {a for a in acronyms if _covered(words, set(), {a})}

    def cover(subject: list[str]) -> float:
        return sum(1 for word in subject if word in expanded) / len(subject) if subject else 0.0

    cover_subject = max(cover(primary), cover(own))
    if len(hit) < 2 or cover_title < 0.75 or cover_subject < 0.5:
        return 0.0, []
    if len(own) >= 2 and not cover(own):
        return 0.0, []  # "a work programme will come back": the strategy itself does not deliver it
    return round(0.5 + 0.25 * cover_title + 0.25 * cover_subject, 3), hit


def _deliveries(action: Decision, document: Document, since: str, papers: Papers) -> list[tuple]:
    """(date, -score, paper before minute, target id, what, words) of each later paper or minute
    to the same body that delivers ``action``."""
    primary, own, acronyms = _subject(action, document)
    found: list[tuple] = []
    if not primary:
        return found
    for later, later_decisions in papers:
        date = paper_date(later)
        if not date or date <= since or later.id == document.id or later.repeat_of == document.id:
            continue
        if same_body(document.body, later.body) is False or later.type == "agenda":
            continue
        if later.type in RECORDS:
            for resolution in (d for d in later_decisions if d.kind == "resolution" and d.title):
                score, hit = _delivers(primary, own, acronyms, resolution.title)
                if score:
                    minute = f"minute {resolution.reference} " if resolution.reference else "the minute "
                    found.append((date, -score, 1, resolution.id, f"{minute}\"{resolution.title}\"", hit))
            continue
        for title in dict.fromkeys(filter(None, (later.title, later.agenda_item_title))):
            score, hit = _delivers(primary, own, acronyms, title)
            if score:
                found.append((date, -score, 0, later.id, f"\"{title}\"", hit))
    return found


def find_fulfilments(papers: Papers) -> list[Link]:
    """action -> the first later paper (or later minute) that delivers what it promised."""
    links = []
    for document, decisions in papers:
        for action in (d for d in decisions if d.kind == "action"):
            since = action.details.get("meeting_date") or paper_date(document)
            found = _deliveries(action, document, since, papers) if since else []
            if not found:
                continue
            date, score, _, target, what, hit = min(found)
            due = f", due {action.details['due_text']}" if action.details.get("due_text") else ""
            evidence = [f"{what} on {date} speaks of {', '.join(hit)}", f"promised on {since}{due}"]
            links.append(Link("fulfilled_by", action.id, target, None, -score, evidence))
    return links


# ---- progress reports -> the recommendation they report on -----------------------------------

_PROGRESS_SECTION = re.compile(
    r"progress\s+(?:on|against|with|of)\s+(?:(?:the|our|my)\s+)?(?:past|previous|earlier|last\s+year'?s?|prior)\s+(?:\w+\s+)?recommendations"
    r"|recommendations?\s+(?:tracker|tracking|progress|update)|(?:past|previous)\s+recommendations",
    re.IGNORECASE,
)
PROGRESS_MATCH = 80


def _is_progress_row(decision: Decision, document: Document) -> bool:
    if _PROGRESS_SECTION.search(decision.section or "") or _PROGRESS_SECTION.search(decision.title or ""):
        return True
    tracked = bool(decision.details.get("status") or decision.details.get("update"))
    return decision.kind == "commitment" and tracked and document.type in ("annual_report", "progress_update", "report")


def link_progress_reports(papers: Papers) -> list[Link]:
    """A progress row or "progress on past recommendations" entry -> the recommendation it reports on."""
    recommendations = [(doc, rec) for doc, decs in papers for rec in decs if rec.kind == "recommendation"]
    links = []
    for document, decisions in papers:
        for row in (d for d in decisions if _is_progress_row(d, document) and d.kind != "recommendation"):
            when = paper_date(document)
            best = None
            for origin_doc, rec in recommendations:
                if origin_doc.id == document.id:
                    continue
                origin_date = paper_date(origin_doc)
                if when and origin_date and origin_date > when:
                    continue
                candidates = parts(rec) + ([rec.title] if rec.title and rec.title != origin_doc.title else [])
                scores = [(similarity(row.text, text), index) for index, text in enumerate(candidates)]
                score, index = max(scores)
                if score >= PROGRESS_MATCH and (best is None or score > best[0]):
                    best = (score, rec, origin_doc, index, len(rec.items))
            if best:
                score, rec, origin_doc, index, count = best
                where = f"item {item_label(index)} of " if index < count else ""
                number = f" {rec.reference}" if rec.reference else ""
                links.append(Link("reports_on", row.id, rec.id, None, round(score / 100, 3), [
                    f"\"{_short(row.text)}\" echoes {where}recommendation{number} of \"{origin_doc.title}\" (score {score})"]))
    return links


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


__all__ = ["link_decisions", "link_recommendations", "find_fulfilments", "link_progress_reports", "group_commitments"]
