"""Resolutions: what a meeting decided, as minutes and decision records write it.

Forms read: "RESOLVED that ...", "RESOLVED: (1) ...", "The Board RESOLVED to ...", "AGREED",
"DECIDED", "It was resolved that", "Decision:" in a record of decision or in minutes, US vote
blocks ("RESULT: APPROVED [UNANIMOUS]" / "MOTION BY:" / "AYES:"), "Motion carried 5-0", a motion
closed by its outcome alone ("Moved by X, seconded by Y / THAT Council award ... / Carried."),
"approved - X (motion), Y (second)", an item minuted by its disposition alone ("Continued to
March 3, 2025."), and, in minutes that use none of these, sentences such as "the policy was
accepted by the Board" or "The Committee resolved to:" with its list. A motion or
amendment quoted before the vote repeats the resolution's words but is not the resolution: quoted
text and "proposed ... the motion that" blocks are skipped, and "UNRESOLVED" never matches.
"""

from __future__ import annotations

import re

from minutebook.vocabulary import Decision, Document

from .decision_text import (PROPOSED, Entry, Sentence, block_pages, collect_block, minute_of, minutes_by_line, parse_marker, referred_to,
                            row_cells, sentences, split_items)
from .sections import outcome_only
from .votes import ABSTAIN as _ABSTAIN, AGAINST as _AGAINST, FOR as _FOR

# "RESOLVED that", "3. RESOLVED:", "26) RESOLVED", "It was resolved that", "AGREED -", "Decided:".
_ENUMERATOR = r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\)?\s+"  # "3. ", "(b) ", "iv) "
_LEAD_LABEL = rf"^(?:{_ENUMERATOR})?"
_HEADER = re.compile(
    _LEAD_LABEL + r"(?:it\s+was\s+(?:\w+\s+)?)?(?P<word>resolved|agreed|decided)\b(?P<after>.*)$", re.IGNORECASE
)
# "The Board RESOLVED to approve", "Cabinet AGREED that": the verb in capitals mid-line.
_CAPS_VERB = re.compile(r"(?<![A-Za-z])(?P<word>RESOLVED|AGREED|DECIDED)(?![A-Za-z])\s*(?P<after>(?:that\b|to\b|:|-|–|unanimously\b).*)$")
_DECISION_LABEL = re.compile(r"^(?:decision(?:s)?(?:\s+(?:taken|made))?|the decision)\s*[:–-]\s*(?P<after>.*)$", re.IGNORECASE)

_MINUTED_DECISION = re.compile(r"^decision\s*:\s*(?P<after>.*)$", re.IGNORECASE)

_VOTE_LINE = re.compile(
    r"^(?:for|against|abstain(?:ed|ing|ions?)?)\s*\(\d+\)|^(?:(?:substantive\s+)?motion|amendment|recommendations?)\s+(?:was\s+)?(?:carried|lost|agreed|fell|defeated)\b"
    r"|^(?:result|motion by|second(?:ed)?(?: by)?|ayes|nays|noes|abstain|absent)\s*:",
    re.IGNORECASE,
)
_QUOTED_MOTION = re.compile(
    r"(?:proposed|moved|seconded|amendment|motion|substantive motion)\b[^.]*?(?:that|follows?|:)?\s*[“\"]?$", re.IGNORECASE
)

# Votes and who moved what.
_TALLY = re.compile(r"\b(?:carried|approved|passed|failed|lost|adopted)\b[^.\d]{0,20}?\(?(\d{1,2})\s*[-–/]\s*(\d{1,2})(?:\s*[-–/]\s*(\d{1,2}))?(?:\s*[-–/]\s*(\d{1,2}))?\)?", re.IGNORECASE)
_VOTE_COUNT = re.compile(r"\b\d{1,2}\s*[-–/]\s*\d{1,2}(?:\s*[-–/]\s*\d{1,2})?\s+vote\b|\bvote\s+of\s+\d{1,2}\s*[-–/]\s*\d{1,2}\b", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:(?:substantive\s+)?motion|amendment|recommendations?)\s+(?:was\s+)?(carried|lost|agreed|fell|defeated|approved|failed)\b", re.IGNORECASE)
_PROPOSAL = re.compile(
    r"(?P<mover>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*,?\s*"
    r"(?:proposed|moved)\s*,?\s*(?:and|&)\s+(?P<seconder>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+seconded"
    r"|(?:[Pp]roposed|[Mm]oved)\s+by\s+(?P<mover2>[A-Z][\w'’. -]{1,40}?)\s*,?\s*(?:and\s+)?seconded\s+by\s+(?P<seconder2>[A-Z][\w'’.-]*(?:\s+(?!THAT\b)[A-Z][\w'’.-]*){0,3})"
    r"|(?P<mover3>(?:Commissioner|Councillor|Council\s*member|Member|Director|Trustee|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+made\s+a\s+motion\s*,?\s*seconded\s+by\s+(?P<seconder3>(?:Commissioner|Councillor|Council\s*member|Member|Director|Trustee|Mr|Mrs|Ms|Dr)?\.?\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})",
)
# "X proposed and Y seconded that the motion be put to the vote", "... that the meeting be extended":
# a motion about the debate, not the motion that became the resolution.
_PROCEDURAL = re.compile(
    r"^[^.]{0,160}?\b(?:be\s+now\s+put|be\s+put\s+to\s+the\s+(?:vote|meeting)|extend\s+the\s+meeting|meeting\s+be\s+extended|proceed\s+to\s+next\s+business)\b",
    re.IGNORECASE,
)
# "Proposed Record of Decision", "Draft decision": a decision the paper asks someone to take.
_PROPOSED_RECORD = re.compile(r"\b(?:proposed|draft)\s+(?:record\s+of\s+)?decision\b", re.IGNORECASE)
_LABELLED = re.compile(r"^(?P<label>proposer|proposed by|mover|moved by|motion by|seconder|seconded by|second)\s*:\s*(?P<name>.+)$", re.IGNORECASE)

# US vote blocks.
_RESULT = re.compile(r"^RESULT\s*:\s*(?P<outcome>[A-Z][A-Z ]+?)\s*(?:\[(?P<how>[^\]]*)\])?\s*$")
_ROLL = re.compile(r"^(?P<label>AYES|NAYS|NOES|ABSTAIN(?:ED|ING)?|ABSENT|RECUSED)\s*:\s*(?P<names>.*)$", re.IGNORECASE)
# "Motion carried", "The main motion to introduce Ordinance No. 12 passed": what was moved may stand
# between the motion and its outcome (a stop only before a number), but not a wish ("this motion should be passed", "not carried").
_MOTION_CARRIED = re.compile(
    r"\bmotion\s+(?:(?:[^.;:?!]|\.(?=\s*\d)){0,120}?\s)?(?<!\bbe\s)(?<!\bto\s)(?<!\bnot\s)(?:was\s+)?(?:carried|passed|approved|adopted|failed)\b",
    re.IGNORECASE)
# An outcome said alone after its motion: "THAT Council award the tender ... Carried.", "All those in
# favour? Contrary? Carried.", "CARRIED UNANIMOUSLY", "Defeated (3-4)", "Agreed unanimously.".
_BARE_OUTCOME = re.compile(
    r"(?:^|(?<=[.?!:;]\s))(?P<word>carried|defeated|lost|agreed)(?:\s+(?:unanimously|as\s+amended|by\s+all))?"
    r"\s*(?:\(?\d{1,2}\s*[-–/]\s*\d{1,2}(?:\s*[-–/]\s*\d{1,2})*\)?)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
# The question put in a verbatim transcript, and its answer: "All those in favour of Items 2 to 9 of
# the Harbour Report? Opposed? Carried. Next item." The question names what is decided.
_PUT_QUESTION = re.compile(
    r"\ball\s+(?:those\s+)?in\s+favou?r\b[^?]{0,80}\?\s*(?:(?:contrary|opposed|against)\W{0,3}\s*)?(?P<word>carried|defeated|lost)\b",
    re.IGNORECASE,
)
_APPROVED_INLINE = re.compile(r"^(?:APPROVED\s*[-–:]|.*\b(?:approved|adopted|accepted)\b.*\(motion\))", re.IGNORECASE)
_INLINE_MOVER = re.compile(r"(?P<mover>[A-Z][\w'’. -]{1,40}?)\s*\(motion\)\s*,?\s*(?P<seconder>[A-Z][\w'’. -]{1,40}?)\s*\(second(?:ed)?\)")

# Minutes without any formal marker record decisions in sentences.
_NARRATIVE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+|formally\s+)?(?:accepted|approved|agreed|adopted|endorsed|ratified|carried)\b"
    r"|\b(?:the\s+)?(?:board|committee|council|cabinet|members|meeting|panel|trustees|directors|commission)\s+"
    r"(?:unanimously\s+|formally\s+)?(?:agreed|approved|accepted|resolved|decided|endorsed|adopted|ratified)\b"
    r"|\bit\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|decided)\b",
    re.IGNORECASE,
)
_FORMAL = re.compile(r"(?<![A-Za-z])(?:RESOLVED|AGREED|DECIDED|RESULT\s*:|MOTION CARRIED)(?![A-Za-z])|\(motion\)")


def records_an_outcome(text: str) -> bool:
    """Whether a sentence says how a motion was disposed of ("RESULT: FAILED [4-2]", "the motion was
    carried", "Carried 5-0", "the amendment was lost", "(4-1 vote)")."""
    return bool(re.search(r"(?<![A-Za-z])RESULT\s*:", text) or _MOTION_CARRIED.search(text)
                or _OUTCOME.search(text) or _TALLY.search(text) or _VOTE_COUNT.search(text))


# Said of a decision in a report, which is no resolution of its own: "The decision was taken in
# October 2020 to close the pool", "the council decided to ...".
_DECISION_TAKEN = re.compile(r"\bdecision\s+(?:was|has\s+been|had\s+been)\s+(?:taken|made)\b|\bdecided\s+to\b", re.IGNORECASE)


def records_a_decision(text: str) -> bool:
    """Whether a passage records a decision taken ("RESOLVED that", "the Board agreed", "the
    decision was taken to"), not proposed."""
    return bool(_FORMAL.search(text) or _NARRATIVE.search(text) or _DECISION_TAKEN.search(text))


def _header_after(text: str) -> str | None:
    """The words after the decision verb when ``text`` opens a resolution, else None."""
    if re.search(r"unresolved", text, re.IGNORECASE):
        text = re.sub(r"unresolved", "", text, flags=re.IGNORECASE)
    match = _HEADER.match(text)
    if match:
        word = match.group("word")
        after = match.group("after").strip()
        lowered = text.lower()
        if word.islower() and "it was" not in lowered:
            return None  # "agreed to co-opt ..." in prose is not a header; "It was agreed that" is
        if not word.isupper() and "it was" not in lowered and not re.match(r"^\s*(?:[:–-]|that\b)", after):
            return None  # "Resolved:" / "Agreed -" as a label, or the capitalised verb
        return after
    match = _CAPS_VERB.search(text)
    if match and re.match(r"^(?:that|to|:|-|–)", match.group("after").strip()):
        return match.group("after").strip()
    return None


def _is_header(text: str) -> bool:
    after = _header_after(text)
    if after is None:
        return False
    body = re.sub(r"^(?:[:–-]\s*)?", "", after).strip().rstrip(".")
    # "Agreed unanimously." answers a proposal; the RESOLVED line after it is the resolution.
    return not re.fullmatch(r"(?:unanimously|by\s+consensus|accordingly)?", body, re.IGNORECASE) or text.rstrip().endswith(":")


def _stop(text: str) -> bool:
    return bool(_VOTE_LINE.match(text)) or _is_header(text) or bool(_RESULT.match(text))


def _quoted(entries: list[Entry], index: int) -> bool:
    """Whether the header at ``index`` is inside a quoted motion or amendment."""
    text = entries[index].text
    if text[:1] in "“\"‘'":
        return True
    back = []
    for j in range(index - 1, max(-1, index - 4), -1):
        if entries[j].text:
            back.append(entries[j].text)
            if len(back) == 2:
                break
    previous = " ".join(reversed(back))
    return bool(back) and bool(_QUOTED_MOTION.search(previous)) and not re.search(r"[.]\s*$", back[0])


def _minute_start(minutes: list[tuple[str | None, str | None]], index: int) -> int:
    """Index of the first line of the minute holding ``index``."""
    start = index
    while start > 0 and minutes[start - 1] == minutes[index]:
        start -= 1
    return start


def _vote_details(entries: list[Entry], start: int, end: int) -> dict:
    """Mover, seconder, votes and outcome of the motion that became the resolution.

    Reads the minute before the resolution as events: proposals, vote counts, outcomes. The
    resolution follows the last proposal that was not lost (amendments lost on the way do not
    count), and the last counted vote that was not lost.
    """
    proposals: list[dict] = []
    votes: list[dict] = []
    for index in range(start, end):
        text = entries[index].text
        if not text:
            continue
        match = _PROPOSAL.search(text)
        if match and not _PROCEDURAL.match(_following(entries, index, text[match.end():])):
            mover = match.group("mover") or match.group("mover2") or match.group("mover3")
            seconder = match.group("seconder") or match.group("seconder2") or match.group("seconder3")
            proposals.append({"mover": mover.strip(), "seconder": seconder.strip(), "outcome": None})
        if match := _FOR.search(text):
            votes.append({"for": int(match.group(1)), "outcome": None})
        if votes and (match := _AGAINST.search(text)):
            votes[-1]["against"] = int(match.group(1))
        if votes and (match := _ABSTAIN.search(text)):
            votes[-1]["abstain"] = int(match.group(1))
        if match := _OUTCOME.search(text):
            outcome = match.group(1).lower()
            if proposals and proposals[-1]["outcome"] is None:
                proposals[-1]["outcome"] = outcome
            if votes and votes[-1]["outcome"] is None:
                votes[-1]["outcome"] = outcome
        elif re.match(r"^agreed unanimously\.?$", text, re.IGNORECASE) and proposals:
            proposals[-1]["outcome"] = proposals[-1]["outcome"] or "agreed unanimously"
    details: dict = {}
    kept = [p for p in proposals if p["outcome"] not in ("lost", "fell", "defeated", "failed")]
    if kept:
        details["mover"], details["seconder"] = kept[-1]["mover"], kept[-1]["seconder"]
        if kept[-1]["outcome"]:
            details["outcome"] = "carried" if kept[-1]["outcome"] == "agreed unanimously" else kept[-1]["outcome"]
            if kept[-1]["outcome"] == "agreed unanimously":
                details["unanimous"] = True
    counted = [v for v in votes if v["outcome"] not in ("lost", "fell", "defeated", "failed")]
    if counted:
        vote = counted[-1]
        details["votes"] = {"for": vote["for"], "against": vote.get("against", 0), "abstain": vote.get("abstain", 0)}
        details["outcome"] = vote["outcome"] or details.get("outcome") or "carried"
    return details


def _following(entries: list[Entry], index: int, rest: str) -> str:
    """``rest`` of line ``index`` run on into the next non-blank line (a motion's words wrap)."""
    after = next((entries[j].text for j in range(index + 1, min(len(entries), index + 4)) if entries[j].text), "")
    return f"{rest} {after}".strip()


def _default_outcome(text: str, items: list[str]) -> str:
    parts = items or [re.sub(r"^.*?\b(?:resolved|agreed|decided)\b\s*(?:that)?", "", text, flags=re.IGNORECASE)]
    if all(re.search(r"\bnot(?:e|ed|es)\b", part[:80], re.IGNORECASE) for part in parts):
        return "noted"
    return "approved"


def _tally(text: str, details: dict) -> None:
    match = _TALLY.search(text) or _COUNTED_VOTE.search(text)
    if match:
        numbers = [int(n) for n in re.findall(r"\d{1,2}", match.group(0))]
        details["votes"] = {"for": numbers[0], "against": numbers[1], "abstain": numbers[2] if len(numbers) > 2 else 0}
        if len(numbers) > 3:
            details["votes"]["absent"] = numbers[3]
    if re.search(r"\bunanimous(?:ly)?\b", text, re.IGNORECASE):
        details["unanimous"] = True


def _decision(document: Document, entries: list[Entry], indices: list[int], details: dict,
              text: str | None = None, items: list[str] | None = None,
              minute: tuple[str | None, str | None] | None = None) -> Decision:
    lines = [entries[i].text for i in indices if entries[i].text]
    lead, found = split_items(lines)
    text = text or " ".join(lines)
    items = found if items is None else items
    page, last_page = block_pages(entries, indices)
    reference, title = minute or minute_of(entries[indices[0]].section)
    details = {key: value for key, value in details.items() if value not in (None, "", {})}
    details.setdefault("outcome", _default_outcome(text, items))
    if document.meeting_date:
        details["meeting_date"] = document.meeting_date
    return Decision(
        kind="resolution", document_id=document.id, ordinal=0, text=text, items=items, page=page,
        last_page=last_page if last_page != page else None, section=entries[indices[0]].section.path,
        reference=reference, title=title, details=details,
    )


def _labelled_followers(entries: list[Entry], end: int, details: dict) -> None:
    """"Proposer: X" / "Seconder: Y" lines just after a decision."""
    for index in range(end + 1, min(len(entries), end + 6)):
        text = entries[index].text
        if not text:
            continue
        match = _LABELLED.match(text)
        if not match:
            break
        key = "seconder" if match.group("label").lower().startswith("second") else "mover"
        details[key] = match.group("name").strip()


def _formal(document: Document, entries: list[Entry], minutes: list) -> tuple[list[tuple[int, Decision]], set[int]]:
    """RESOLVED / AGREED / DECIDED / Decision: blocks."""
    found: list[tuple[int, Decision]] = []
    used: set[int] = set()
    # A record of decision labels its decision ("Decision - approve the routes"); so do minutes, with a
    # colon ("Decision: Granted subject to conditions."), where "Decision - 25/00123" names a record.
    label_of = {"decision_record": _DECISION_LABEL, "minutes": _MINUTED_DECISION}.get(document.type)
    for index, entry in enumerate(entries):
        if index in used or not entry.text or entry.table:
            continue
        label = label_of.match(entry.text) if label_of else None
        if not (label or _is_header(entry.text)) or _quoted(entries, index):
            continue
        block = collect_block(entries, index, _stop)
        if label and not label.group("after") and len(block) == 1:
            continue
        used.update(block)
        details = _vote_details(entries, _minute_start(minutes, index), index)
        _labelled_followers(entries, block[-1], details)
        _tally(" ".join(entries[i].text for i in block), details)
        found.append((index, _decision(document, entries, block, details, minute=minutes[index])))
    return found, used


def _us_votes(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """US vote blocks: the motion's text above "RESULT: ..." and the roll call below it."""
    found = []
    for index, entry in enumerate(entries):
        match = _RESULT.match(entry.text)
        if not match or index in used:
            continue
        details: dict = {"outcome": match.group("outcome").strip().lower()}
        how = match.group("how") or ""
        if re.search(r"unanimous", how, re.IGNORECASE):
            details["unanimous"] = True
        if counts := re.findall(r"\d+", how):
            numbers = [int(n) for n in counts]
            details["votes"] = {"for": numbers[0], "against": numbers[1] if len(numbers) > 1 else 0,
                                "abstain": numbers[2] if len(numbers) > 2 else 0}
        end = index
        for j in range(index + 1, min(len(entries), index + 12)):
            text = entries[j].text
            if not text:
                continue
            roll = _ROLL.match(text)
            labelled = _LABELLED.match(text)
            if labelled:
                key = "seconder" if labelled.group("label").lower().startswith("second") else "mover"
                details[key] = labelled.group("name").strip()
            elif roll:
                names = [n.strip() for n in re.split(r",|\band\b", roll.group("names")) if n.strip() and n.strip().lower() != "none"]
                details.setdefault("roll_call", {})[roll.group("label").lower()] = names
            else:
                break
            end = j
        roll = details.get("roll_call", {})
        if "votes" not in details and roll:
            details["votes"] = {"for": len(roll.get("ayes", [])), "against": len(roll.get("nays", roll.get("noes", []))),
                                "abstain": len(next((v for k, v in roll.items() if k.startswith("abstain")), []))}
        # The motion: the text between the previous vote block (or the item heading) and here.
        motion = []
        for j in range(index - 1, max(-1, index - 10), -1):
            text = entries[j].text
            if j in used or _RESULT.match(text) or _ROLL.match(text) or _LABELLED.match(text) or entries[j].opens and not text:
                break
            if text:
                motion.insert(0, j)
            if entries[j].opens:
                break
        block = motion + list(range(index, end + 1))
        used.update(block)
        body = " ".join(entries[j].text for j in motion) or (minute_of(entry.section)[1] or "")
        text = " ".join(filter(None, [body, entry.text]))
        found.append((block[0], _decision(document, entries, block, details, text=text, items=[], minute=minutes[index])))
    return found


SAYS_ONLY_OUTCOME = 3  # words: "Motion carried.", "The motion was carried"
_VOTE_WORDS = re.compile("|".join(p.pattern for p in (_FOR, _AGAINST, _ABSTAIN)), re.IGNORECASE)  # "For (14)", "Abstain (0)"
FORMAL_REACH = 12  # lines from a vote's outcome on to the RESOLVED it is the outcome of


def _inline(document: Document, entries: list[Entry], used: set[int], minutes: list,
            formal: set[int]) -> list[tuple[int, Decision]]:
    """"Minutes approved - A (motion), B (second)", "APPROVED - 2018 budget", "Motion carried 5-0".

    ``formal``: the lines of the RESOLVED and vote blocks found. A "Motion carried." line just before
    one, or just after, is that vote's outcome (read into the block's details), not a decision; away
    from any (a transcript whose one RESOLVED is a motion read out) it closes a motion of its own.
    """
    found = []
    for index, entry in enumerate(entries):
        text = entry.text
        if index in used or not text or entry.table:
            continue
        inline = _APPROVED_INLINE.match(_unbulleted(text))
        outcomes_only = any(k in formal for k in range(index - 3, index + FORMAL_REACH + 1))
        # "... The motion" / "carried 3-2 on the following roll call vote:"
        run_on = _runs_on(entries, index, used) if _MOTION_WORD.search(text) else []
        said = " ".join([text, *(entries[k].text for k in run_on)])
        motion_carried = None if outcomes_only else _MOTION_CARRIED.search(said)
        if motion_carried and motion_carried.start() >= len(text):
            motion_carried = None  # the next line's own outcome: read at that line
        put = None if outcomes_only or motion_carried else _PUT_QUESTION.search(text)
        bare = None if outcomes_only or motion_carried else _BARE_OUTCOME.search(text) or put  # "Carried." alone
        carried = motion_carried or bare
        if not (inline or carried):
            continue
        block = [index]
        if carried and not inline:
            # the paragraph holding "Motion carried": back to its first line
            j = index - 1
            while j >= 0 and entries[j].text and j not in used and len(block) < 8 and not entries[j].heading:
                block.insert(0, j)
                if entries[j].opens:  # "2) Mr Ash proposed ..." opens the paragraph and belongs to it
                    break
                j -= 1
            if len(block) == 1:
                block = _motion_above(entries, index, used) + block
            if any(_RESULT.match(entries[k].text) for k in range(index + 1, min(len(entries), index + 4))):
                continue  # the RESULT block below records this vote
        if motion_carried:
            block += run_on
        joined = " ".join(entries[j].text for j in block)
        if not inline and len(_VOTE_WORDS.sub(" ", joined).split()) <= SAYS_ONLY_OUTCOME:
            continue  # "Abstain (0) Motion carried.": what was carried is not on record here
        if bare and not inline and not put and not _MOTION.search(joined):
            continue  # "Carried." alone decides only the motion it closes
        details: dict = {}
        if match := _INLINE_MOVER.search(joined):
            details["mover"], details["seconder"] = match.group("mover").strip(" -–"), match.group("seconder").strip()
        elif match := _PROPOSAL.search(joined):
            details["mover"] = (match.group("mover") or match.group("mover2") or match.group("mover3")).strip()
            details["seconder"] = (match.group("seconder") or match.group("seconder2") or match.group("seconder3")).strip()
        if re.search(r"\bfailed\b", joined, re.IGNORECASE) or bare and bare["word"].lower() not in ("carried", "agreed"):
            details["outcome"] = "failed"
        elif carried:
            details["outcome"] = "carried"
        _tally(joined, details)
        used.update(block)
        found.append((block[0], _decision(document, entries, block, details, items=[], minute=minutes[index])))
    return found


RUN_ON_LINES = 2  # an outcome's sentence wraps onto a line or two: "... Motion carried" / "3-2 on the following roll call vote:"
_MOTION_WORD = re.compile(r"\bmotion\b", re.IGNORECASE)


def _runs_on(entries: list[Entry], index: int, used: set[int]) -> list[int]:
    """The lines after ``index`` that go on with its last sentence: it ends without a stop and the
    next line starts in lower case or with a figure."""
    run: list[int] = []
    k = index
    while len(run) < RUN_ON_LINES and k + 1 < len(entries):
        current, following = entries[k], entries[k + 1]
        if (not following.text or following.heading or following.table or following.opens or k + 1 in used
                or current.text.rstrip()[-1:] in ".:;!?" or not re.match(r"[a-z0-9(]", following.text)):
            break
        run.append(k + 1)
        k += 1
    return run


# How a member voted, as a vote's roll labels it: "Ayes — A, B", "Nays: Ash", "Absent: Cole".
VOTE_LABEL = r"(?:ayes?|yeas?|nays?|noes|abstain\w*|absent|recused)\b"
# A vote's roll between a motion and its outcome: "Roll call vote:", "Ayes — A, B", "Nays ~ None".
_ROLL_CALL_LINE = re.compile(rf"^(?:(?:roll[\s-]*call|voice|hand|recorded)\s+vote\b|{VOTE_LABEL})", re.IGNORECASE)
# "MOTION: X moved to ...", "X moves that ...", "It was proposed by X, seconded by Y, that ...".
# A speaker's own motion in a transcript: "I move that By-law No. 35/2024 be read", "move adoption of Items 1 to 9".
_MOVED = re.compile(r"^motion\s*:|\bmoved\b|\bmoves?\s+that\b|\bproposed\s+by\b|\bI\s+(?:will\s+)?move\b|\bmove\s+(?:the\s+)?adoption\b",
                    re.IGNORECASE)
# A motion's words: who moved it, or its operative "THAT ..." (a Canadian minute's "THAT Council award ...").
_MOTION = re.compile(rf"{_MOVED.pattern}|\bseconded\b|(?:^|\s)(?-i:THAT)\s", re.IGNORECASE)
MOTION_REACH = 12  # lines: a roll call of a large board runs to a few
MOTION_SEARCH = 40  # lines back from an outcome to the motion it closes, past the item's discussion


def is_roll_call(text: str) -> bool:
    """Whether a line is part of a vote's roll ("Roll call vote:", "Ayes — A, B", "Nays: Ash.")."""
    return bool(_ROLL_CALL_LINE.match(text))


def _motion_above(entries: list[Entry], index: int, used: set[int]) -> list[int]:
    """The motion an outcome standing alone disposes of ("MOTION: Trustee Ash moved to approve the
    agenda. Trustee Birch seconded." / "Roll call vote:" / "Ayes — ..." / "Motion carried"), with the
    roll between them; [] when no paragraph moving something stands just above the roll."""
    k, votes = index - 1, []
    while k >= 0 and k not in used and not entries[k].opens and index - k <= MOTION_REACH and (
            not entries[k].text or is_roll_call(entries[k].text)):
        if entries[k].text:
            votes.insert(0, k)
        k -= 1
    # The paragraph just above the roll moves something; else the last paragraph of the same item
    # that does, with the item's discussion between them left out ("MOTION: X moved to adopt ...
    # Y seconded." / "Director Z stated ..." / "Roll call vote:" / "Motion carried").
    while k >= 0 and k not in used and index - k <= MOTION_SEARCH:
        motion = _paragraph_above(entries, k, used)
        if not motion:
            break
        if any(_MOVED.search(entries[m].text) for m in motion):
            return motion + votes
        if entries[motion[0]].opens or _outcome_line(entries[motion[-1]].text):
            break  # the item's start, or an earlier motion's outcome: nothing moved is pending
        k = motion[0] - 1
        while k >= 0 and not entries[k].text and not entries[k].opens:
            k -= 1
    return []


def _paragraph_above(entries: list[Entry], k: int, used: set[int]) -> list[int]:
    """The lines of the paragraph ending at line ``k`` (back to a blank line or its section's start)."""
    motion: list[int] = []
    while k >= 0 and entries[k].text and k not in used and len(motion) < 8:
        motion.insert(0, k)
        if entries[k].opens:
            break
        k -= 1
    return motion


def _outcome_line(text: str) -> bool:
    return bool(_MOTION_CARRIED.search(text) or _BARE_OUTCOME.search(text) or _RESULT.match(text))


# An item's minute that is only how it was disposed of: "Continued to March 3, 2025.",
# "Granted subject to conditions.", "Deferred.", "Action: Approved 5-0".
_DISPOSITION = re.compile(
    r"^(?:(?:action|outcome|result)\s*[:–-]\s*)?(?:the\s+(?:item|application|matter|request)\s+(?:was\s+)?)?"
    r"(?P<word>approved|granted|refused|denied|continued|deferred|tabled|withdrawn|postponed)\b"
    r"(?:\s+(?:to|until|subject\s+to|with|as|by|unanimously|\(?\d)\b.*)?\s*[.]?$",
    re.IGNORECASE,
)
MAX_DISPOSITION = 160  # characters: an outcome with its date or conditions, not a paragraph of debate


def _dispositions(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Items minuted by their outcome alone, under their heading ("1. Quay parking survey" /
    "Continued to March 3, 2025."): the heading is what was decided on, the line how."""
    found = []
    for index, entry in enumerate(entries):
        if index in used or not entry.text or entry.heading or len(entry.text) > MAX_DISPOSITION:
            continue
        match = _DISPOSITION.match(entry.text)
        if not match:
            continue
        k = index - 1
        while k >= 0 and not entries[k].text:
            k -= 1
        if k < 0 or k in used or not entries[k].heading:
            continue  # an outcome under a paragraph closes a motion (_inline), not an item
        details: dict = {"outcome": match.group("word").lower()}
        _tally(entry.text, details)
        used.update((k, index))
        found.append((k, _decision(document, entries, [k, index], details, items=[], minute=minutes[index])))
    return found


# What a minute's label says was done: "ACTION: Minutes of August 8 approved as submitted.", "Action taken:
# Continued to September 12.", "Outcome: The Commission adopted Resolution No. PC-24-31 approving ...". A
# label naming only who acts ("Action: DF") is a task (actions.py).
_ACTION_TAKEN = re.compile(r"^(?:action(?:\s+taken)?|outcome|disposition)\s*[:–-]\s*(?P<rest>\S.*)$", re.IGNORECASE)
_DONE = re.compile(r"(?<!\bbe\s)(?<!\bto\s)(?<!\bnot\s)\b(?:approved|adopted|continued|denied|granted|carried|accepted|tabled|deferred|confirmed"
                   r"|refused|rejected|failed|received\s+and\s+filed|withdrawn|postponed)\b", re.IGNORECASE)  # not "... be approved"


def _actions_taken(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each line labelled with the action taken on its item, read on to the end of its sentence."""
    found = []
    for index, entry in enumerate(entries):
        match = _ACTION_TAKEN.match(entry.text) if index not in used and entry.text and not entry.heading else None
        if not match:
            continue
        lines = [index, *_runs_on(entries, index, used)]
        said = " ".join(entries[k].text for k in lines)
        done = _DONE.search(said)
        if not done:
            continue
        after = lines[-1] + 1
        if after < len(entries) and after not in used and _COUNTED_VOTE.search(entries[after].text) and not _counted(entries[after].text):
            lines.append(after)  # its vote's own line: "Motion: Ash / Second: Fox Vote: 6-0-0-1"
            said = f"{said} {entries[after].text}"
        details: dict = {"outcome": done.group(0).lower()}
        _tally(said, details)
        used.update(lines)
        found.append((index, _decision(document, entries, lines, details, items=[], minute=minutes[index])))
    return found


# A minute's decision told without its subject, the meeting: "Agreed to ask for a passing place.",
# "Approved - everyone in favour.", "After some discussion, agreed to give £250 now."
_ELLIPTICAL = re.compile(r"^(?:(?:after|following)\s+(?:some\s+|much\s+|a\s+lot\s+of\s+|further\s+)?discussion,?\s+)?"
                         r"(?:(?-i:Agreed|Resolved|Decided|Approved)|(?<=,\s)(?:agreed|resolved|decided))"
                         r"(?:\s+unanimously)?(?:\s+(?:to|that)\s+\w|\s*[-–:]\s*\w)", re.IGNORECASE)


def _elliptical(document: Document, entries: list[Entry], used: set[int], minutes: list,
                read: list[Sentence]) -> list[tuple[int, Decision]]:
    """Decisions told without their subject, each read with the sentence before when it is short
    ("Quayford Toddlers asked for £300. Approved - everyone in favour."); one whose sentence before
    is already a decision ("... CARRIED. Agreed - unanimously.") only repeats its outcome."""
    found = []
    for n, sentence in enumerate(read):
        indices = list(range(sentence.start, sentence.end + 1))
        if used.intersection(indices) or not _ELLIPTICAL.match(sentence.text.strip()):
            continue
        text = sentence.text
        before = referred_to(read, n, short=_SHORT_DECISION)
        if before:
            if used.intersection(range(before.start, before.end + 1)):
                continue
            text, indices = f"{before.text} {text}", list(range(before.start, sentence.end + 1))
        used.update(indices)
        found.append((indices[0], _decision(document, entries, indices, {}, text=text, items=[], minute=minutes[indices[0]])))
    return found


# "On the proposal of Cllr Fox, seconded by Cllr Ash, the minutes were confirmed.": who moved it, then
# what was decided.
_ON_PROPOSAL = re.compile(r"\bon\s+the\s+(?:proposal|motion)\s+of\s+(?P<mover>[^,]{2,60}),\s*seconded\s+by\s+(?P<seconder>[^,]{2,60}),\s*\w",
                          re.IGNORECASE)


def _on_proposal(sentence: str) -> bool:
    return bool(_ON_PROPOSAL.search(sentence))


# "the Chair declared the motion carried", "The Mayor declared the amendment defeated."
_DECLARED = re.compile(r"\bdeclared\s+the\s+(?:motion|amendment|resolution|proposal)\s+(?:to\s+be\s+|as\s+)?"
                       r"(?:carried|lost|defeated|passed|adopted|agreed|failed)\b", re.IGNORECASE)


def _declared(sentence: str) -> bool:
    return bool(_DECLARED.search(sentence))


# A council's response to a planning application, a line saying only what became of it
# (sections.outcome_only) under the application: "26/00123/F Quay House, Harbour Lane / Two storey rear
# extension / NO OBJECTION".
_RESPONSE_WORD = re.compile(r"^(?:no\s+)?(?:objections?|comments?)|^(?:not\s+)?support", re.IGNORECASE)


def _response(text: str) -> str | None:
    """The response a line gives to a planning application ("no objection", "support"), or None."""
    said = " ".join(text.strip().rstrip(".!").lower().split())
    return said if outcome_only(said) and _RESPONSE_WORD.match(said) else None


# The response under its label: "Observations: The Council has no objection.", "Comments: Support".
_RESPONSE_LABEL = re.compile(r"^(?:observations?|comments?|response|(?:the\s+)?council'?s?\s+(?:response|comments?|observations?))"
                             r"\s*[:–-]\s*(?P<said>\S.*)$", re.IGNORECASE)
# An application's own row ending in the response, a table's last column: "24/00452/HOU  Orchard House -
# rear extension  No objection".
_RESPONSE_AT_END = re.compile(r"\s(?P<said>(?:no\s+)?objections?|(?:not\s+)?support(?:ed)?|no\s+comments?)"
                              r"(?:\s+subject\s+to\b[^.]*)?\.?$", re.IGNORECASE)


def _labelled_response(text: str) -> str | None:
    match = _RESPONSE_LABEL.match(text.strip())
    return " ".join(match.group("said").rstrip(".!").split()) if match else None


# A planning application's reference opening its lines: "26/00123/F", "P/24/0456/FUL", "DC/24/01234",
# after the item's own number if it has one ("(ii) 26/00123/F - ...").
_APPLICATION = re.compile(r"^(?:[A-Z]{1,4}/)?\d{2,4}/\d{3,6}(?:/[A-Z]{1,5})?\b")
APPLICATION_LINES = 10  # an application's reference, address and description, above its response


def _application(text: str) -> bool:
    return bool(_APPLICATION.match(re.sub(f"^{_ENUMERATOR}", "", text.strip())))


def _planning_responses(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each planning application the minutes give a response to, read from its reference (or the
    paragraph above) down to the response; or its row alone when the response ends it."""
    found = []
    for index, entry in enumerate(entries):
        if index in used or not entry.text or entry.heading:
            continue
        at_end = _RESPONSE_AT_END.search(entry.text) if _application(entry.text) else None
        if at_end:
            used.add(index)
            found.append((index, _decision(document, entries, [index], {"outcome": at_end.group("said").lower()}, items=[],
                                           minute=minutes[index])))
            continue
        labelled = _labelled_response(entry.text)
        response = labelled or _response(entry.text)
        if not response:
            continue
        lines, k = [], index - 1
        while k >= 0 and index - k <= APPLICATION_LINES and entries[k].text and not entries[k].heading and k not in used:
            if _response(entries[k].text) or _labelled_response(entries[k].text):
                break  # the application before's response
            lines.insert(0, k)
            if _application(entries[k].text):
                break
            k -= 1
        if not lines or labelled and not _application(entries[lines[0]].text):
            continue  # a label alone ("Comments: ...") answers an application only under its reference
        used.update([*lines, index])
        found.append((lines[0], _decision(document, entries, [*lines, index], {"outcome": response}, items=[],
                                          minute=minutes[index])))
    return found


# A summary table's row whose last column says what was done, in capitals or with the vote:
# "7 | Resolution No. 25-031 adopting the paving list | ADOPTED 5-0 (Ash/Fox)", "Quarterly report |
# RECEIVED AND FILED", "Fee waiver | Denied 4-1". A column of another authority's decisions ("Approved")
# gives neither.
_OUTCOME_CELL = re.compile(
    r"(?<![A-Za-z])(?:APPROVED|ADOPTED|DENIED|CARRIED|CONTINUED|RECEIVED\s+AND\s+FILED|REFUSED|GRANTED|DEFERRED|TABLED|FAILED|REJECTED)(?![A-Za-z])"
    r"|^(?i:approved|adopted|denied|carried|failed)\s+(?:as\s+amended\s+)?\(?\d{1,2}\s*[-–/]\s*\d{1,2}\b"
)


def _outcome_rows(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each row of a summary table of items and what became of them: the row is the decision."""
    found = []
    for index, entry in enumerate(entries):
        if index in used or not entry.text:
            continue
        cells = row_cells(entry)
        outcome = _OUTCOME_CELL.search(cells[-1]) if len(cells) >= 2 else None
        if not outcome or not any(len(cell.split()) >= 2 for cell in cells[:-1]):
            continue  # what was decided must be said beside it
        details: dict = {"outcome": " ".join(outcome.group(0).lower().split()[:1])}
        _tally(cells[-1], details)
        used.add(index)
        found.append((index, _decision(document, entries, [index], details, text=" | ".join(cells), items=[],
                                       minute=minutes[index])))
    return found


# "the Chairman put the amendment set out in paragraph 7 to the vote and the voting was as follows:"
_PUT_TO_VOTE = re.compile(r"\bput\b[^.]{0,160}?\bto\s+the\s+vote\b|\bput\s+to\s+the\s+vote\b", re.IGNORECASE)


def _amendment_outcome(text: str) -> str | None:
    """How an amendment was disposed of ("Amendment lost." -> "lost"), when the line says so."""
    match = _OUTCOME.search(text)
    return match.group(1).lower() if match and match.group(0).lower().startswith("amendment") else None


def _puts(entries: list[Entry], k: int) -> bool:
    """Whether a sentence putting something to the vote starts on line ``k`` (it may wrap once)."""
    following = entries[k + 1].text if k + 1 < len(entries) else ""
    return bool(entries[k].text and _PUT_TO_VOTE.search(f"{entries[k].text} {following}")
                and not _PUT_TO_VOTE.search(following))


def _amendment_votes(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Amendments put to a recorded vote ("the Chairman put the amendment set out in paragraph 7 to
    the vote ..." / "For (14)" ... / "Amendment lost."): each is a decision of its own, carried or
    lost, which no RESOLVED records. The roll of names is left out of the row; its counts are kept."""
    found = []
    for index, entry in enumerate(entries):
        outcome = _amendment_outcome(entry.text) if entry.text and index not in used else None
        if not outcome or len(entry.text) > MAX_DISPOSITION:
            continue
        put = next((k for k in range(index - 1, max(-1, index - 1 - MOTION_SEARCH), -1)
                    if k in used or _puts(entries, k) or _amendment_outcome(entries[k].text)), None)
        if put is None or put in used or not _puts(entries, put):
            continue
        paragraph = _paragraph_above(entries, put, used)
        k = put + 1
        while k < index and entries[k].text and not entries[k].opens and not entries[k].heading:
            paragraph.append(k)  # the sentence putting it runs on ("... paragraph 7 to the vote and the voting was as follows:")
            k += 1
        roll = " ".join(entries[j].text for j in range(put, index))
        details: dict = {"outcome": outcome}
        for key, pattern in (("for", _FOR), ("against", _AGAINST), ("abstain", _ABSTAIN)):
            if match := pattern.search(roll):
                details.setdefault("votes", {})[key] = int(match.group(1))
        used.update((*paragraph, index))
        found.append((paragraph[0], _decision(document, entries, [*paragraph, index], details, items=[], minute=minutes[index])))
    return found


def _unbulleted(text: str) -> str:
    """A line without its bullet: "◦ APPROVED – quay festival budget" says what "APPROVED – ..." says."""
    marker = parse_marker(text)
    return marker.rest if marker and marker.family == "bullet" else text


def _hypothetical(sentence: str) -> bool:
    """A condition or a report ("if", "whether", "not", "it would be helpful"); "agreed that charges
    would rise" is a decision told in reported speech."""
    if re.search(r"\b(?:not|if|whether)\b", sentence, re.IGNORECASE):
        return True
    return any(
        not re.search(r"\b(?:agreed|resolved|decided)\s+that\b[^.;]*$", sentence[: would.start()], re.IGNORECASE)
        for would in re.finditer(r"\bwould\b", sentence, re.IGNORECASE)
    )


def _proposer(text: str, details: dict) -> None:
    """The mover and seconder a decision is closed by ("... approved – Prop: RD 2nd: SA")."""
    match = PROPOSED.search(text)
    if match:
        details.update(mover=match["mover"], seconder=match["seconder"])


def _put_and_carried(sentence: str) -> bool:
    """A line closed by who proposed and seconded it ("Chairman - Dana Fox Prop: SA 2nd: RD"): what was
    put and carried, whatever its verb."""
    match = PROPOSED.search(sentence)
    return bool(match) and bool(sentence[: match.start()].strip(" –-:"))


# A vote's count said with the vote: "Vote: 5-0", "the Board voted 4-1 to", "by a vote of 5-0", "a 3-2 vote".
_COUNTED_VOTE = re.compile(
    r"\bvot(?:e|ed|es|ing)\s*(?::\s*|of\s+|by\s+)?\(?\d{1,2}\s*[-–/]\s*\d{1,2}(?:\s*[-–/]\s*\d{1,2}){0,2}\b"
    r"|\b\d{1,2}\s*[-–/]\s*\d{1,2}(?:\s*[-–/]\s*\d{1,2})?\s+vote\b",
    re.IGNORECASE,
)
COUNTED_WORDS = 5  # words besides the count: "Vote: 5-0." alone says what, not what was voted on


# What a vote was on: "to approve the audit report", "voted 5-0 to accept", "approved 4-1".
_VOTED_ON = re.compile(r"\bto\s+[a-z]{3,}|\b(?:approv|adopt|accept|den(?:y|ied)|award|authori[sz]|appoint|grant|refus|reject)\w*", re.IGNORECASE)


def _counted(sentence: str) -> bool:
    """A sentence recording a vote with its count, and what the vote was on ("Motion to approve the
    audit report: Ash / Second: Fox / Vote: 5-0", "the Board voted 5-0 to accept ..."); not a vote's
    line alone ("Motion: Ash / Second: Fox / Vote: 5-0"), which closes the decision above it."""
    match = _COUNTED_VOTE.search(sentence)
    if not match:
        return False
    rest = f"{sentence[: match.start()]} {sentence[match.end():]}"
    return len(rest.split()) >= COUNTED_WORDS and bool(_VOTED_ON.search(rest))


# An enactment's own clause: "Ordinance No. 12 is hereby amended as follows", "Chapter 5 is hereby repealed".
_HEREBY = re.compile(r"\b(?:is|are)\s+hereby\s+(?:amended|adopted|repealed|enacted|established|approved|rescinded|modified)\b",
                     re.IGNORECASE)
# An enactment's title says what it does: "A resolution modifying the moorings fee schedule", "AN ORDINANCE
# AMENDING THE MOORINGS CODE".
_TITLED = re.compile(r"^(?:a|an)\s+(?:resolution|ordinance)\s+(?:of\s+the\s+[\w ]{3,60}?\s+)?[a-z]+ing\b", re.IGNORECASE)


def _enacts(sentence: str) -> bool:
    """The clause or title by which an enactment amends, adopts or repeals."""
    return bool(_HEREBY.search(sentence) or _TITLED.match(sentence))


def _sentences_deciding(document: Document, entries: list[Entry], used: set[int], minutes: list,
                        deciders, read: list[Sentence]) -> list[tuple[int, Decision]]:
    """Each sentence one of ``deciders`` (tests of its text) says is a decision, on lines no other
    reading took, with who proposed and seconded it and the vote's count when it says so."""
    found = []
    for sentence in read:
        indices = list(range(sentence.start, sentence.end + 1))
        if used.intersection(indices) or not any(decides(sentence.text) for decides in deciders):
            continue
        used.update(indices)
        details: dict = {}
        _proposer(sentence.text, details)
        if proposal := _ON_PROPOSAL.search(sentence.text):
            details.update(mover=proposal["mover"].strip(), seconder=proposal["seconder"].strip())
        _tally(sentence.text, details)
        found.append((sentence.start, _decision(document, entries, indices, details, text=sentence.text, items=[],
                                                minute=minutes[sentence.start])))
    return found


_SHORT_DECISION = 6  # words: "The nomination was carried." names no subject of its own


def _narrative(document: Document, entries: list[Entry], used: set[int], minutes: list,
               read: list[Sentence]) -> list[tuple[int, Decision]]:
    """Decisions minuted in prose ("the policy was accepted by the Board"), for minutes without markers.

    A sentence sharing a line with a decision already found ("9. Plans: It was agreed ...") is
    that decision again.
    """
    found = []
    for n, sentence in enumerate(read):
        indices = list(range(sentence.start, sentence.end + 1))
        if used.intersection(indices) or not _NARRATIVE.search(sentence.text) or _hypothetical(sentence.text):
            continue
        details: dict = {}
        text, items = sentence.text, []
        before = referred_to(read, n, short=_SHORT_DECISION)
        if before and not _NARRATIVE.search(before.text) and not used.intersection(range(before.start, before.end + 1)):
            # "The nomination was carried." says what was carried in the sentence before (not another decision)
            text = f"{before.text} {text}"
            indices = list(range(before.start, sentence.end + 1))
        if text.endswith(":") and entries[sentence.end].text.endswith(":"):
            # "The Committee resolved to:" and its list
            listed = collect_block(entries, sentence.end, _stop)[1:]
            items = split_items([entries[sentence.end].text] + [entries[i].text for i in listed])[1]
            if items:
                used.update(listed)
                indices += listed
                text = " ".join([text, *(entries[i].text for i in listed)])
        _labelled_followers(entries, indices[-1], details)
        _proposer(text, details)
        found.append((sentence.start, _decision(document, entries, indices, details, text=text, items=items,
                                                minute=minutes[sentence.start])))
    return found


def _proposed(document: Document, entries: list[Entry]) -> bool:
    """Whether a decision record calls itself proposed or draft (in its title or its opening lines)."""
    opening = [entry.text for entry in entries if entry.text][:8]
    return any(_PROPOSED_RECORD.search(text) for text in [document.title or "", *opening])


def extract_resolutions(document: Document, entries: list[Entry]) -> list[tuple[int, Decision]]:
    """(first line index, resolution) for every decision the paper records."""
    if document.type not in ("minutes", "decision_record", "other", "agenda"):
        return []
    if document.type == "decision_record" and _proposed(document, entries):
        return []  # the decision is still to be taken; the minutes or the signed record hold it
    if document.type == "agenda" and not any(_RESULT.match(e.text) or _MOTION_CARRIED.search(e.text) for e in entries):
        return []  # an agenda proposes; only an agenda pack that minutes votes records decisions
    minutes = minutes_by_line(entries)
    formal, used = _formal(document, entries, minutes)
    voted = _us_votes(document, entries, used, minutes)
    found = formal + voted + _inline(document, entries, used, minutes, set(used))
    if document.type in ("minutes", "other"):
        found += (_amendment_votes(document, entries, used, minutes) + _actions_taken(document, entries, used, minutes)
                  + _dispositions(document, entries, used, minutes)
                  + _planning_responses(document, entries, used, minutes) + _outcome_rows(document, entries, used, minutes))
    read = sentences(entries)  # the paper's sentences, for the readings below
    if document.type == "minutes" and not any(_FORMAL.search(e.text) for e in entries):
        # No formal markers at all: the minutes record decisions in sentences ("It was agreed
        # that ..." already found above is found again here and dropped as a repeat).
        found += _narrative(document, entries, used, minutes, read)
    if document.type in ("minutes", "other"):
        found += _sentences_deciding(document, entries, used, minutes, (_put_and_carried,), read)
        found += _sentences_deciding(document, entries, used, minutes, (_counted, _declared, _on_proposal), read)
    if document.type == "minutes":
        found += _elliptical(document, entries, used, minutes, read)
    if document.type == "decision_record":
        found += _sentences_deciding(document, entries, used, minutes, (_enacts,), read)
    return found
