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
from itertools import takewhile

from minutebook.vocabulary import Decision, Document

from .actions import sets_a_task
from .decision_text import (ENUMERATOR, PROPOSED, Entry, Sentence, block_pages, collect_block, column_rows, introduces, minute_of, minutes_by_line,
                            next_value, parse_marker, referred_to, row_cells, says_nothing, sentences, split_items)
from .motions import (BARE_OUTCOME, COUNT, COUNTED_VOTE, LABELLED, MOTION, MOTION_CARRIED, MOTION_SEARCH, MOTION_WORD, MOVED, NOT_A_WISH,
                      ON_PROPOSAL, PROPOSAL, PUT_QUESTION, RESULT, ROLL, amendment_outcome, body_did, counts_a_vote, declares_outcome,
                      in_a_list, is_roll_call, items_above, labelled_followers, read_labelled, records_an_outcome, roll_counts, minutes_confirmed, motion_above, moved_on_proposal, movers, paragraph_above, proposed_that, put_off,
                      puts_to_vote, read_tally, read_vote_cell, runs_on, tells_a_vote, tells_failure, vote_details, vote_outcome, words_above,
                      words_after_roll)
from .sections import outcome_only
from .votes import ABSTAIN as _ABSTAIN, AGAINST as _AGAINST, FOR as _FOR

# "RESOLVED that", "3. RESOLVED:", "26) RESOLVED", "It was resolved that", "AGREED -", "Decided:".
_LEAD_LABEL = rf"^(?:{ENUMERATOR})?"
_HEADER = re.compile(
    # "And unanimously Resolved "That ..."", "And Agreed "That ..."": the decision closing its "Proposed by:" / "Seconded by:" lines
    _LEAD_LABEL + r"(?:(?:and\s+)?it\s+was\s+(?:\w+\s+)?|and\s+(?:unanimously\s+)?)?(?P<word>resolved|agreed|decided|(?-i:VOTED)|resolution(?=\s*:\s*[\"“]?that\b))\b(?P<after>.*)$", re.IGNORECASE
)
# "The Board RESOLVED to approve", "Cabinet AGREED that": the verb in capitals mid-line, perhaps with an
# aside before what was resolved ("RESOLVED, under regulation 14(2), to exclude", "AGREED (7 for, 2 against) that").
_ASIDE = r"(?:\s*,[^,.;:]{1,120},|\s*\([^()]{1,60}\))?"
_CAPS_VERB = re.compile(r"(?<![A-Za-z])(?P<word>RESOLVED|AGREED|DECIDED|VOTED)(?![A-Za-z])" + _ASIDE + r"\s*(?P<after>(?:that\b|to\b|:|-|–|unanimously\b).*)$")
# ... or heads it, alone on its line: "DECISION" / "1. To approve ..." / "2. To delegate ...".
_DECISION_LABEL = re.compile(r"^(?:decision(?:s)?(?:\s+(?:taken|made))?|the decision)\s*(?:[:–-]\s*(?P<after>.*))?$", re.IGNORECASE)

# Minutes label a decision with a colon ("Decision: Granted subject to conditions."), or head it with the
# word alone over the body's own words ("Decision" / "The IJB: (a) noted ... (b) approved ...").
_MINUTED_DECISION = re.compile(r"^decisions?\s*(?::\s*(?P<after>.*))?$", re.IGNORECASE)

_VOTE_LINE = re.compile(
    r"^(?:for|against|abstain(?:ed|ing|ions?)?)\s*\(\d+\)|^(?:(?:substantive\s+)?motion|amendment|recommendations?)\s+(?:was\s+)?(?:carried|lost|agreed|fell|defeated)\b"
    r"|^(?:result|motion by|second(?:ed)?(?: by)?|ayes|nays|noes|abstain|absent)\s*:",
    re.IGNORECASE,
)
# A line introducing a motion's quoted words ("... moved the following amendment:", "proposed that"); not
# who proposed and seconded what the meeting then agreed ("Proposed by Cllr Birch" / "Seconded: Cllr Dorr" /
# "RESOLVED that ...", "Seconded by Councillor Ash, and / AGREED – that ..."): a quote is introduced.
_QUOTED_MOTION = re.compile(
    r"(?:proposed|moved|seconded|amendment|motion|substantive motion)\b[^.]*?(?:that|follows?|:|[“\"])\s*[“\"]?$",
    re.IGNORECASE,
)

# "Proposed Record of Decision", "Draft decision": a decision the paper asks someone to take.
_PROPOSED_RECORD = re.compile(r"\b(?:proposed|draft)\s+(?:record\s+of\s+)?decision\b", re.IGNORECASE)

_APPROVED_INLINE = re.compile(r"^(?:APPROVED\s*[-–:]|.*\b(?:approved|adopted|accepted)\b.*\(motion\))", re.IGNORECASE)
_INLINE_MOVER = re.compile(r"(?P<mover>[A-Z][\w'’. -]{1,40}?)\s*\(motion\)\s*,?\s*(?P<seconder>[A-Z][\w'’. -]{1,40}?)\s*\(second(?:ed)?\)")

# Who the meeting is, as its minutes name it: "the Board", "Members", or the body by its initials with
# "the" ("the CC agreed", "The HWB resolved"; a person's initials take none: "GD agreed to write").
_MEETING = r"(?:board|committee|council|cabinet|members|meeting|panel|trustees|directors|governors|commission)"
_BODY_INITIALS = r"(?i:the)\s+(?-i:[A-Z]{2,5})"
_MEETING_SUBJECT = rf"\b(?:(?:the\s+)?{_MEETING}|{_BODY_INITIALS})\s+"
# and its decision after another verb of its own: "The CC was sympathetic to the cause and decided to ...",
# "The Committee considered the request and agreed to ..."
_AND_THEN = r"(?:(?:was|were|had|considered|discussed|noted|heard|reviewed)\b[^.;:,]{0,60}?\s+and\s+)?"
# Welsh minutes record the meeting's decisions in the impersonal past: "Penderfynwyd ..." (it was resolved),
# "Cytunwyd ..." (it was agreed), "a phenderfynwyd ..." (and it was resolved, the verb mutated after "a"),
# and a motion's or application's outcome: carried, lost, refused, deferred, adopted, approved, appointed.
_WELSH_DECIDED = (r"\b(?:a\s+)?(?:p|ph)enderfynwyd\b|\b(?:a\s+)?(?:c|ch)ytunwyd\b"
                  r"|\b(?:cariwyd|collwyd|gwrthodwyd|gohiriwyd|mabwysiadwyd|cymeradwywyd|pasiwyd|penodwyd)\b")
# Proposed, seconded and decided in one sentence: "Proposed by Cllr Ash, seconded by Cllr Fox, and resolved to approve ...",
# "Cllr Ash proposed that the council accept the quote; this was seconded by Cllr Fox and carried unanimously."
# "Proposed Cllr Ash, seconded Cllr Fox, all in favour: to approve ...", "... moved to accept the minutes. Second by
# Commissioner Fox, passed unanimously."
# (a name's stops are its abbreviations: "seconded by Cllr. P. Fox, and resolved:")
_NAMED = r"(?:[^.;]|\.(?=\s?[A-Z]))"
_SECONDED_AND_DECIDED = (rf"\bsecond(?:ed)?\s+by\s+{_NAMED}{{1,60}}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:was\s+)?(?:unanimously\s+)?(?:resolved|agreed|carried|passed)\b"
                         rf"|\bseconded\s+(?:by\s+)?(?:(?!,){_NAMED}){{1,40}}?(?:,\s*|\s+and\s+|,\s+and\s+)(?:all|unanimously)\s+(?:in\s+favou?r|agreed)\b")
# Minutes without any formal marker record decisions in sentences.
_NARRATIVE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+|formally\s+|duly\s+)?(?:accepted|approved|agreed|adopted|endorsed|ratified|carried|(?:re-?)?elected|appointed|co-opted)\b"
    rf"|{_MEETING_SUBJECT}{_AND_THEN}"
    r"(?:unanimously\s+|formally\s+)?(?:agreed|approved|accepted|resolved|decided|endorsed|adopted|ratified)\b"
    r"|\bit\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|decided)\b"
    # informal minutes speak for the meeting in the first person: "we agreed to go with ...", "Everyone agreed."
    r"|\b(?:we(?:\s+all)?|everyone|everybody|all(?:\s+present)?)\s+(?:unanimously\s+)?(?:agreed|decided|resolved)\b"
    # and all in favour: "Everyone was in favour of putting a memorial bench by the gate."
    r"|\b(?:everyone|everybody|all\s+present)\s+(?:was|were)\s+in\s+favou?r\s+of\b"
    rf"|{_SECONDED_AND_DECIDED}|{_WELSH_DECIDED}",
    re.IGNORECASE,
)
# In minutes with formal markers too, the meeting's own decision told in a sentence: "The Committee agreed to
# reiterate its objection.", "it was agreed that ...". Not the passive "was approved / adopted", which there
# as often reports a decision taken elsewhere or before ("the policy adopted by Council last September").
# Nor a motion's outcome alone ("... put the motion and it was agreed unanimously."): its RESOLVED says what.
_MEETING_DECIDED = re.compile(
    rf"(?:{_MEETING_SUBJECT}{_AND_THEN}"
    r"(?:therefore\s+|then\s+)?(?:unanimously\s+|formally\s+)?(?:agreed|resolved|decided)\b"
    r"|\bit\s+was\s+(?:therefore\s+|then\s+)?(?:unanimously\s+)?(?:agreed|resolved|decided)\b"
    rf"|{_SECONDED_AND_DECIDED}|{_WELSH_DECIDED})"
    r"(?!\s*(?:unanimously|by\s+consensus|accordingly)?\s*[.;]?\s*$)",
    re.IGNORECASE,
)
_FORMAL = re.compile(r"(?<![A-Za-z])(?:RESOLVED|AGREED|DECIDED|VOTED|RESULT\s*:|MOTION CARRIED)(?![A-Za-z])|\(motion\)")


# Said of a decision in a report, which is no resolution of its own: "The decision was taken in
# October 2020 to close the pool", "the council decided to ...".
_DECISION_TAKEN = re.compile(r"\bdecision\s+(?:was|has\s+been|had\s+been)\s+(?:taken|made)\b|\bdecided\s+to\b", re.IGNORECASE)


def records_a_decision(text: str) -> bool:
    """Whether a passage records a decision taken ("RESOLVED that", "the Board agreed", "the
    decision was taken to"), not proposed."""
    return bool(_FORMAL.search(text) or _NARRATIVE.search(text) or _DECISION_TAKEN.search(text))


def _header(text: str) -> tuple[str, str] | None:
    """(the decision verb, the words after it) when ``text`` opens a resolution, else None."""
    if re.search(r"unresolved", text, re.IGNORECASE):
        text = re.sub(r"unresolved", "", text, flags=re.IGNORECASE)
    match = _HEADER.match(text)
    if match:
        word = match.group("word")
        after = match.group("after").strip()
        lowered = text.lower()
        if word.islower() and "it was" not in lowered:
            return None  # "agreed to co-opt ..." in prose is not a header; "It was agreed that" is
        if not word.isupper() and "it was" not in lowered and not re.match(r"^\s*(?:[:–-]|[\"“]?that\b)", after, re.IGNORECASE):
            return None  # "Resolved:" / "Agreed -" as a label, or the capitalised verb before its motion's words, quoted or not
        return word, after
    match = _CAPS_VERB.search(text)
    if match and re.match(r"^(?:that|to|:|-|–)", match.group("after").strip()):
        return match.group("word"), match.group("after").strip()
    return None


def _is_header(text: str) -> bool:
    header = _header(text)
    if header is None:
        return False
    _, after = header
    body = re.sub(r"^(?:[:–-]\s*)?", "", after).strip().rstrip(".")
    # "Agreed unanimously." answers a proposal; the RESOLVED line after it is the resolution.
    # Nor does "VOTED 3-0." or "Carried (5-1)": the count closes the motion above (_inline).
    # A colon or a dash after it ("RESOLVED -" / "(1) That ...") introduces what was resolved, below.
    return not re.fullmatch(rf"(?:unanimously|by\s+consensus|accordingly)?|\(?{COUNT}(?:\s*[-–/]\s*\d{{1,2}})*\)?", body, re.IGNORECASE) \
        or introduces(text)


def _stop(text: str) -> bool:
    return bool(_VOTE_LINE.match(text)) or _is_header(text) or bool(RESULT.match(text))


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


def _default_outcome(text: str, items: list[str]) -> str:
    parts = items or [re.sub(r"^.*?\b(?:resolved|agreed|decided)\b\s*(?:that)?", "", text, flags=re.IGNORECASE)]
    if all(re.search(r"\bnot(?:e|ed|es)\b", part[:80], re.IGNORECASE) for part in parts):
        return "noted"
    return "approved"


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


def _formal(document: Document, entries: list[Entry], minutes: list) -> tuple[list[tuple[int, Decision]], set[int], set[int]]:
    """RESOLVED / AGREED / DECIDED / VOTED / Decision: blocks, their lines, and the lines of those that are
    a vote told with its own count ("VOTED: to accept the gift ... (Ash/Fox) 3-0"), which no outcome nearby closes."""
    found: list[tuple[int, Decision]] = []
    used: set[int] = set()
    counted: set[int] = set()
    # A record of decision labels its decision ("Decision - approve the routes"); so do minutes, with a
    # colon ("Decision: Granted subject to conditions."), where "Decision - 25/00123" names a record.
    label_of = {"decision_record": _DECISION_LABEL, "minutes": _MINUTED_DECISION}.get(document.type)
    for index, entry in enumerate(entries):
        if index in used or not entry.text or entry.table:
            continue
        label = label_of.match(entry.text) if label_of else None
        if not (label or _is_header(entry.text)) or _quoted(entries, index):
            continue
        block = collect_block(entries, index, _stop, lead=bool(label) and not label.group("after"))
        if label and not label.group("after") and len(block) == 1:
            continue
        used.update(block)
        if (header := _header(entry.text)) and header[0] == "VOTED":  # New England minutes: the vote is the decision
            counted.update(block)
        details = vote_details(entries, _minute_start(minutes, index), index)
        labelled_followers(entries, block[-1], details)
        read_tally(" ".join(entries[i].text for i in block), details)
        # a label alone on its line ("Decision") heads the decision; its words are the lines under it
        said = " ".join(entries[i].text for i in block[1:] if entries[i].text) if label and not label.group("after") else None
        found.append((index, _decision(document, entries, block, details, text=said, minute=minutes[index])))
    return found, used, counted


def _us_votes(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """US vote blocks: the motion's text above "RESULT: ..." and the roll call below it."""
    found = []
    for index, entry in enumerate(entries):
        match = RESULT.match(entry.text)
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
            roll = ROLL.match(text)
            labelled = LABELLED.match(text)
            if labelled:
                key = "seconder" if labelled.group("label").lower().startswith("second") else "mover"
                details[key] = labelled.group("name").strip()
            elif roll:
                names = [n.strip() for n in re.split(r",|\band\b", roll.group("names")) if n.strip() and n.strip().lower() != "none"]
                details.setdefault("roll_call", {})[roll.group("label").lower()] = names
            else:
                break
            end = j
        if "votes" not in details and details.get("roll_call"):
            counted = roll_counts(entries[k].text for k in range(index + 1, end + 1))
            details["votes"] = {side: counted.get(side, 0) for side in ("for", "against", "abstain")}
        # The motion: the text between the previous vote block (or the item heading) and here.
        motion = []
        for j in range(index - 1, max(-1, index - 10), -1):
            text = entries[j].text
            if j in used or RESULT.match(text) or ROLL.match(text) or LABELLED.match(text) or entries[j].opens and not text:
                break
            if text:
                motion.insert(0, j)
            if entries[j].opens:
                motion = [k for k in range(_list_start(entries, j, used), j) if entries[k].text] + motion
                break
        block = motion + list(range(index, end + 1))
        used.update(block)
        body = " ".join(entries[j].text for j in motion) or (minute_of(entry.section)[1] or "")
        text = " ".join(filter(None, [body, entry.text]))
        found.append((block[0], _decision(document, entries, block, details, text=text, items=[], minute=minutes[index])))
    return found


def _list_start(entries: list[Entry], j: int, used: set[int], reach: int = 40) -> int:
    """Where the list that line ``j`` goes on begins, when ``j`` is a later item of a list under an item
    of the paper's own ("4. CONSENT CALENDAR" / "1. Minutes of ..." / "2. Meeting Calendar 2020" /
    "RESULT: APPROVED"): the vote is on every item from the first. ``j`` itself when it starts one or
    goes on the paper's own numbering ("1. CALL TO ORDER" / "2. APPROVAL OF THE AGENDA"). ``reach``:
    lines looked back over, a consent calendar's few items with their descriptions."""
    later = parse_marker(entries[j].text)
    if not (later and later.family == "number" and later.value not in ("", "1")):
        return j
    for k in range(j - 1, max(-1, j - reach), -1):
        if k in used or RESULT.match(entries[k].text):
            return j
        above = parse_marker(entries[k].text)
        if not (above and above.family == "number"):
            continue
        if entries[k].heading or next_value(above.value) != later.value:
            return j  # the paper's own numbered item (its sequence, or the item the list stands under), or no sequence
        if above.value == "1":
            return k
        later = above
    return j


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
        near = [k for k in range(index - 3, index + FORMAL_REACH + 1) if k in formal]
        # a motion lost is a decision of its own ("... the motion was lost (2 for, 7 against)." / "RESOLVED - That the Panel
        # supports ..."), unless the RESOLVED near it records that refusal ("RESOLVED that the recommendations not be approved.")
        lost = re.search(r"\bmotion\s+(?:was\s+)?(?:lost|defeated|failed|not\s+carried)\b", text, re.IGNORECASE) and not any(
            re.search(r"\b(?:not|reject\w*|refus\w*|declin\w*)\b", entries[k].text, re.IGNORECASE) for k in near)
        outcomes_only = not lost and bool(near)
        # "... The motion" / "carried 3-2 on the following roll call vote:"
        run_on = runs_on(entries, index, used) if MOTION_WORD.search(text) else []
        said = " ".join([text, *(entries[k].text for k in run_on)])
        motion_carried = None if outcomes_only else MOTION_CARRIED.search(said)
        if motion_carried and motion_carried.start() >= len(text):
            motion_carried = None  # the next line's own outcome: read at that line
        put = None if outcomes_only or motion_carried else PUT_QUESTION.search(text)
        bare = None if outcomes_only or motion_carried else BARE_OUTCOME.search(text) or put  # "Carried." alone
        carried = motion_carried or bare
        if not (inline or carried):
            continue
        block = [index]
        if carried and not inline:
            # the paragraph holding "Motion carried": back to its first line
            j, reach = index - 1, 8 + items_above(entries, index)  # a motion's list is read whole, however long
            while j >= 0 and entries[j].text and j not in used and len(block) < reach and not entries[j].heading:
                block.insert(0, j)
                if entries[j].opens and not in_a_list(entries, j):  # "2) Mr Ash proposed ..." opens the paragraph and belongs to it
                    break
                j -= 1
            if len(block) == 1 or is_roll_call(entries[index - 1].text) or bare and not MOTION.search(" ".join(entries[j].text for j in block)):
                # the outcome closes its roll call ("Roll call vote:" / "Ayes - ..." / "Motion carried"), or the motion's
                # words stand apart from who moved it ("Moved: Cr Ash" / "Seconded: Cr Fox" / "That the Committee ..." /
                # "CARRIED"): the motion is above it
                above = motion_above(entries, index, used)
                block = above + [index] if above else block
            elif words := words_above(entries, block, used):
                block = words + block  # "Approve the minutes." / "Motion by A, second by B." / "Motion carries"
            if any(RESULT.match(entries[k].text) for k in range(index + 1, min(len(entries), index + 4))):
                continue  # the RESULT block below records this vote
        if motion_carried:
            block += run_on
            block += words_after_roll(entries, block[-1], used)  # "... carried with the following vote:" / roll / "to award ..."
        joined = " ".join(entries[j].text for j in block)
        if not inline and len(_VOTE_WORDS.sub(" ", joined).split()) <= SAYS_ONLY_OUTCOME:
            continue  # "Abstain (0) Motion carried.": what was carried is not on record here
        if bare and not inline and not put and not MOTION.search(joined):
            continue  # "Carried." alone decides only the motion it closes
        details: dict = {}
        if match := _INLINE_MOVER.search(joined):
            details["mover"], details["seconder"] = match.group("mover").strip(" -–"), match.group("seconder").strip()
        elif match := PROPOSAL.search(joined):
            details["mover"], details["seconder"] = movers(match)
        else:
            for k in block:  # "Proposed: Cllr Ash" / "Seconded: Cllr Fox" / "Carried unanimously."
                read_labelled(entries[k].text, details)
        if told := vote_outcome(joined):  # "the motion was put to the vote and was lost"
            details["outcome"] = told
        elif (re.search(r"\b(?:failed|fails)\b", joined, re.IGNORECASE) or bare and bare["word"].lower() not in ("carried", "agreed", "approved", "passed")
              or motion_carried and re.search(r"\b(?:lost|defeated)$|\bnot\s+carried$", motion_carried.group(0), re.IGNORECASE)):  # not "replace lost books"
            details["outcome"] = "failed"
        elif carried:
            details["outcome"] = "carried"
        read_tally(joined, details)
        used.update(block)
        found.append((block[0], _decision(document, entries, block, details, items=[], minute=minutes[index])))
    return found


# A roll call that closes a motion with no outcome line after it ("MOTION: Ash   SECOND: Fox" / "To approve the
# agenda as presented." / "AYES: Ash, Fox, Lee   NOES: None" / "ABSENT: Moss   ABSTAIN: None"): the
# roll is the outcome, carried when more voted for than against.
_MOTION_SECOND = re.compile(r"^motion\s*:\s*(?P<mover>[^:]{2,60}?)\s+second(?:ed)?\s*:\s*(?P<seconder>.{2,60})$", re.IGNORECASE)


def _told(text: str) -> bool:
    """Whether a line tells an outcome, which a roll beside it only counts."""
    return records_an_outcome(text) or bool(_DISPOSITION.match(text) or re.match(_OUTCOME_LABEL, text, re.IGNORECASE))


def _roll_calls(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each motion closed by its roll call, with how the roll went as its outcome, or the outcome told just
    after the roll when no other reading has taken it."""
    found = []
    index = 0
    while index < len(entries):
        if index in used or not ROLL.match(entries[index].text):
            index += 1
            continue
        end = index
        while end + 1 < len(entries) and end + 1 not in used and entries[end + 1].text and is_roll_call(entries[end + 1].text):
            end += 1
        roll = roll_counts(entries[k].text for k in range(index, end + 1))
        after = next((k for k in range(end + 1, min(len(entries), end + 4)) if entries[k].text), None)
        told = after is not None and _told(entries[after].text)
        if told and after in used:
            index = end + 1  # the outcome told after the roll was read with it ("Motion carried 4-1.")
            continue
        motion = motion_above(entries, end + 1, used) if "for" in roll else []
        if not motion or any(_told(entries[k].text) for k in motion):  # "ACTION: Approved ..." / "Motion: Ash / Second: Fox" / "Ayes: ..."
            index = end + 1
            continue
        # the roll's own outcome, or the one told after it ("Resolution No. 31 was adopted by roll call vote 4-0.")
        block = sorted(set(motion) | set(range(index, end + 1)) | ({after} if told else set()))
        ayes, noes = roll["for"], roll.get("against", 0)
        failed = tells_failure(entries[after].text) if told else ayes <= noes
        details: dict = {"outcome": "failed" if failed else "carried",
                         "votes": {"for": ayes, "against": noes, "abstain": roll.get("abstain", 0)}}
        if named := next((m for k in motion if (m := _MOTION_SECOND.match(entries[k].text))), None):
            details["mover"], details["seconder"] = named["mover"].strip(), named["seconder"].strip()
        used.update(block)
        found.append((block[0], _decision(document, entries, block, details, items=[], minute=minutes[index])))
        index = end + 1
    return found


# An item's minute that is only how it was disposed of: "Continued to March 3, 2025.",
# "Granted subject to conditions.", "Deferred.", "Action: Approved 5-0".
# A minute's label for what was done with its item: "Action:", "Action taken:", "Outcome:". ("RESULT:"
# opens a US vote block, read with its roll; it labels an outcome only alone under its item.)
_OUTCOME_LABEL = r"(?:action(?:\s+taken)?|outcome|disposition)\s*[:–-]\s*"
# The words an item's outcome is told in, as the minutes of any body write them.
_OUTCOME_WORDS = ("approved", "adopted", "continued", "denied", "granted", "carried", "accepted", "tabled", "deferred", "confirmed",
                  "refused", "rejected", "failed", "received and filed", "withdrawn", "postponed", "appointed", "awarded", "ratified",
                  "upheld", "referred")
_DONE_WORD = "|".join(word.replace(" ", r"\s+") for word in _OUTCOME_WORDS)
_DISPOSITION = re.compile(
    rf"^(?:{_OUTCOME_LABEL}|result\s*[:–-]\s*)?(?:the\s+(?:item|application|matter|request)\s+(?:was\s+)?)?"
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
        read_tally(entry.text, details)
        used.update((k, index))
        found.append((k, _decision(document, entries, [k, index], details, items=[], minute=minutes[index])))
    return found


# What a minute's label says was done: "ACTION: Minutes of August 8 approved as submitted.", "Action taken:
# Continued to September 12.", "Outcome: The Commission adopted Resolution No. PC-24-31 approving ...". A
# label naming only who acts ("Action: DF") is a task (actions.py).
_ACTION_TAKEN = re.compile(rf"^{_OUTCOME_LABEL}(?P<rest>\S.*)$", re.IGNORECASE)
_DONE = re.compile(rf"{NOT_A_WISH}\b(?:{_DONE_WORD})\b", re.IGNORECASE)  # not "... be approved"


def _actions_taken(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each line labelled with the action taken on its item, read on to the end of its sentence."""
    found = []
    for index, entry in enumerate(entries):
        match = _ACTION_TAKEN.match(entry.text) if index not in used and entry.text and not entry.heading else None
        if not match:
            continue
        lines = [index, *runs_on(entries, index, used)]
        said = " ".join(entries[k].text for k in lines)
        done = _DONE.search(said)
        if not done or sets_a_task(match.group("rest")):
            continue  # "Action: SBM to submit the approved budget ..." sets a task (actions.py)
        # the motion it disposes of, just above with its roll call: "Motion: Ash  Second: Fox - to table
        # the item to May 2." / "Action: Tabled (5-0)."
        lines = motion_above(entries, index, used) + lines
        after = lines[-1] + 1
        if after < len(entries) and after not in used and COUNTED_VOTE.search(entries[after].text) and not counts_a_vote(entries[after].text):
            lines.append(after)  # its vote's own line: "Motion: Ash / Second: Fox Vote: 6-0-0-1"
            said = f"{said} {entries[after].text}"
        details: dict = {"outcome": done.group(0).lower()}
        read_tally(said, details)
        used.update(lines)
        found.append((index, _decision(document, entries, lines, details, items=[], minute=minutes[index])))
    return found


# A minute's decision told without its subject, the meeting: "Agreed to ask for a passing place.",
# "Approved - everyone in favour.", "After some discussion, agreed to give £250 now."
_ELLIPTICAL = re.compile(r"^(?:(?:after|following)\s+(?:some\s+|much\s+|a\s+lot\s+of\s+|further\s+)?discussion,?\s+"
                         # or after the matter's caption: "Mill Row HGVs - agreed to ask ...", "Financial Regulations: deferred - ..."
                         # (not a motion's lead: "Cllr Ash moved the following motion: AGREED that ..." quotes it)
                         r"|(?-i:[A-Z])(?![\w&'’/ ]*\b(?:motion|amendment|moved|proposed)\b)[\w&'’/ ]{1,60}?(?:\s+[-–]|:)\s+)?"
                         # or under its label, mid-paragraph: "Discussion on small grants followed. Decision: Small grants of up to ..."
                         r"(?P<verb>(?-i:Agreed|Resolved|Decided|Approved|Deferred|Decision(?=:))|(?<=,\s)(?:agreed|resolved|decided)"
                         r"|(?<=[-–:]\s)(?:agreed|resolved|decided|deferred))"
                         r"(?:\s+(?:unanimously|instead|also))?(?:\s+(?:to|that)\s+\w|\s*[-–:]\s*\w"
                         # or its "that" left out in notes, the clause opening with a pronoun, a determiner or "not": "Agreed it
                         # would be a good idea to ask ...", "Agreed we would not comment" (not "Agreed speed limits were discussed")
                         r"|(?:(?<=Agreed)|(?<=Decided))\s+(?:it|we|they|he|she|this|that|these|those|the|a|an|all|each|both|no|not)\s+\w)",
                         re.IGNORECASE)


def _elliptical(document: Document, entries: list[Entry], used: set[int], minutes: list,
                read: list[Sentence]) -> list[tuple[int, Decision]]:
    """Decisions told without their subject, each read with the sentence before when it is short
    ("Quayford Toddlers asked for £300. Approved - everyone in favour."); one whose sentence before
    is already a decision ("... CARRIED. Agreed - unanimously.") only repeats its outcome."""
    found = []
    for n, sentence in enumerate(read):
        indices = list(range(sentence.start, sentence.end + 1))
        said = _ELLIPTICAL.match(_unbulleted(sentence.text.strip()))
        if used.intersection(indices) or not said:
            continue
        if said["verb"] == "Decision" and sets_a_task(sentence.text.split(":", 1)[1].strip()):
            continue  # "Decision: Secretary to write to ...": a task, read as one
        details = {"outcome": "deferred"} if said["verb"].lower() == "deferred" else {}  # not a caption's "Deferred items - agreed ..."
        text = sentence.text
        before = referred_to(read, n, short=_SHORT_DECISION)
        if before:
            if used.intersection(range(before.start, before.end + 1)):
                continue
            text, indices = f"{before.text} {text}", list(range(before.start, sentence.end + 1))
        used.update(indices)
        found.append((indices[0], _decision(document, entries, indices, details, text=text, items=[], minute=minutes[indices[0]])))
    return found


# A council's response to a planning application, a line saying only what became of it
# (sections.outcome_only) under the application: "26/00123/F Quay House, Harbour Lane / Two storey rear
# extension / NO OBJECTION".
_RESPONSE_WORD = re.compile(r"^(?:no\s+)?(?:objections?|comments?)|^(?:not\s+)?support", re.IGNORECASE)


# A response said in a sentence: the response word with its reason or condition ("Support. The shopfront
# would enhance the conservation area.", "No objection, provided the materials match", "Object. Overdevelopment
# of the site"), or the meeting's body giving it ("The Council has no objections to this application.", "The
# CC will object on the grounds that ...", "The Community Council will therefore lodge an objection ...", "Members
# raised no objection to the application.").
_RESPONSE_SAID = re.compile(
    r"^(?P<word>no\s+objections?(?:\s+in\s+principle)?|(?:not\s+)?support(?:ed)?|object(?:ion)?|no\s+(?:comments?|observations?))"
    r"(?:\s*[,.;:–-]|\s+(?:provided|subject\s+to|but|on\s+the\s+grounds?)\b)\s*\S", re.IGNORECASE)
_BODY_RESPONSE = re.compile(
    rf"^(?:the\s+)?(?:(?:community|parish|town|city)\s+)?(?:{_MEETING}|cc|councillors)\s+(?:therefore\s+|also\s+)?"
    r"(?:(?P<none>(?:has|had|raised)\s+no\s+(?:objections?|observations?|comments?))|(?P<support>(?:supports?|supported)\b)"
    r"|(?P<object>(?:will|would|shall)\s+(?:therefore\s+)?(?:object|lodge\s+an\s+objection|not\s+support)\b|(?:objects?|objected)\s+to\b))",
    re.IGNORECASE)


def _response(text: str) -> str | None:
    """The response a line gives to a planning application ("no objection", "support", "object"), or None."""
    said = " ".join(text.strip().rstrip(".!").lower().split())
    if outcome_only(said) and _RESPONSE_WORD.match(said):
        return said
    if match := _RESPONSE_SAID.match(said):  # "no objection" without its "in principle"; "objection" is to object
        return "object" if match["word"].startswith("object") else " ".join(match["word"].split()[:2])
    if match := _BODY_RESPONSE.match(said):
        return {"none": "no objection", "support": "support", "object": "object"}[match.lastgroup]
    return None


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
_APPLICATION = re.compile(r"^(?:[A-Z]{1,4}/)?[A-Z]{0,2}\d{2,4}/\d{3,6}(?:/[A-Z]{1,5})?\b")
_NAMES_APPLICATION = re.compile(r"\bapplications?\b", re.IGNORECASE)  # "The following application was considered:"
APPLICATION_LINES = 10  # an application's reference, address and description, above its response


def _application(text: str) -> bool:
    # after the item's own number: "(ii) 26/00123/F - ...", "43.1 C16/0371/HH - ..."
    marker = parse_marker(text.strip())
    return bool(_APPLICATION.match(marker.rest if marker else text.strip()))


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
        if not lines or labelled and not (_application(entries[lines[0]].text) or any(_NAMES_APPLICATION.search(entries[k].text) for k in lines)):
            continue  # a label alone ("Comments: ...") answers an application only under its reference or its mention
        # a response with its reason wraps ("No objection, provided the materials match the" / "existing house."),
        # not a bare "NO OBJECTION", and not into the next application
        wrapped = [] if outcome_only(entry.text) else list(takewhile(lambda k: not _application(entries[k].text), runs_on(entries, index, used)))
        block = [*lines, index, *wrapped]
        used.update(block)
        found.append((lines[0], _decision(document, entries, block, {"outcome": response}, items=[], minute=minutes[index])))
    return found


# A summary table's row whose last column says what was done, in capitals or with the vote:
# "7 | Resolution No. 25-031 adopting the paving list | ADOPTED 5-0 (Ash/Fox)", "Quarterly report |
# RECEIVED AND FILED", "Fee waiver | Denied 4-1". A column of another authority's decisions ("Approved")
# gives neither.
_DONE_IN_CAPITALS = "|".join(word.upper().replace(" ", r"\s+") for word in _OUTCOME_WORDS)
_OUTCOME_CELL = re.compile(rf"(?<![A-Za-z])(?:{_DONE_IN_CAPITALS})(?![A-Za-z])|^(?i:{_DONE_WORD})\s+(?:as\s+amended\s+)?\(?{COUNT}\b")


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
        found.append(_table_row(document, entries, index, cells, outcome.group(0), cells[-1], used, minutes))
    return found


def _table_row(document: Document, entries: list[Entry], index: int, cells: list[str], outcome: str | None, decided: str,
               used: set[int], minutes: list, vote: str = "") -> tuple[int, Decision]:
    """A table's row as the decision it records: its cells, the outcome's word, the tally its decision
    cell gives, and the count of its vote column (``vote``) when it has one."""
    details: dict = {"outcome": outcome.lower().split()[0]} if outcome else {}
    read_tally(decided, details)
    if vote:
        read_vote_cell(vote, details)
    used.add(index)
    return index, _decision(document, entries, [index], details, text=" | ".join(cell for cell in cells if cell), items=[],
                            minute=minutes[index])


# A table whose header names a column of the meeting's decisions ("Decision", "Committee decision",
# "Action Taken", "Outcome"): each row's cell there is that row's decision, whatever its case ("Approved
# £1,500", "Granted with conditions", "Continued to June 4"); a cell that only notes, or says the item
# was withdrawn or no action taken, decides nothing.
_DECISION_COLUMN = re.compile(r"^(?:(?:committee|council|panel|board|sub-committee|commission)['’]?s?\s+)?"
                              r"(?:decisions?|outcome|resolution|determination|action\s+taken|result)$", re.IGNORECASE)
_VOTE_COLUMN = re.compile(r"^votes?$", re.IGNORECASE)
_NOT_DECIDED = re.compile(r"^(?:(?:the\s+)?(?:application|item|request|matter)\s+(?:was\s+)?)?"
                          r"(?:noted|withdrawn|no\s+(?:formal\s+)?action|no\s+decision)\b", re.IGNORECASE)
_DONE_FIRST = re.compile(rf"(?:{_DONE_WORD})\b", re.IGNORECASE)


def _column_decisions(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Each row of a table with a column of the meeting's decisions: the row (what it was about and how
    it was decided) is the decision, with its vote when a column gives it."""
    found = []
    for index, cells, at, columns in column_rows(entries, _DECISION_COLUMN):
        decided = cells[at] if at < len(cells) else ""
        if index in used or says_nothing(decided) or _NOT_DECIDED.match(decided):
            continue
        outcome = _DONE_FIRST.match(decided)
        vote = next((cells[n] for name, n in columns.items() if _VOTE_COLUMN.match(name) and n < len(cells)), "")
        found.append(_table_row(document, entries, index, cells, outcome and outcome.group(0), decided, used, minutes, vote))
    return found


def _amendment_votes(document: Document, entries: list[Entry], used: set[int], minutes: list) -> list[tuple[int, Decision]]:
    """Amendments put to a recorded vote ("the Chairman put the amendment set out in paragraph 7 to
    the vote ..." / "For (14)" ... / "Amendment lost."): each is a decision of its own, carried or
    lost, which no RESOLVED records. The roll of names is left out of the row; its counts are kept."""
    found = []
    for index, entry in enumerate(entries):
        outcome = amendment_outcome(entry.text) if entry.text and index not in used else None
        if not outcome or len(entry.text) > MAX_DISPOSITION:
            continue
        put = next((k for k in range(index - 1, max(-1, index - 1 - MOTION_SEARCH), -1)
                    if k in used or puts_to_vote(entries, k) or amendment_outcome(entries[k].text)), None)
        if put is None or put in used or not puts_to_vote(entries, put):
            continue
        paragraph = paragraph_above(entries, put, used)
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


# Someone telling what a body did is a report of it, not its decision: "She noted that there were two
# reasons that Council approved the closure" (but "It was noted that ..." is the meeting's own minute).
_REPORTED = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)\b(?:noted|said|stated|explained|reported|advised|commented|added|recalled|felt|believed|thought)\s+that\b",
                       re.IGNORECASE)


def _hypothetical(sentence: str, told: re.Match) -> bool:
    """A decision verb under a condition or in a report ("if the Board agreed", "whether it was
    agreed", "it would be agreed"), or agreeing a view ("agreed it would be helpful to ..."). Only
    the verb's own clause counts: "X asked if he could pay these and everyone agreed" decides, and
    what follows the verb is what was decided: "agreed that charges would rise", "agreed to co-opt X
    and she would be invited", "agreed not to object" are decisions."""
    clauses = list(re.finditer(r"[,;:]|\b(?:and|but)\b", sentence[: told.start()], re.IGNORECASE))
    clause = sentence[clauses[-1].end() if clauses else 0: told.end()]
    return bool(re.search(r"\b(?:not|if|whether|would)\b", clause, re.IGNORECASE)
                or _REPORTED.search(clause)
                or re.match(r"\s+(?:that\s+)?(?:it|this|that)\s+would\s+be\b", sentence[told.end():], re.IGNORECASE))


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
    reading took (two such sentences may share a line: "The Board APPROVED the plan. The Board also
    / AUTHORISED ..."), with who proposed and seconded it and the vote's count when it says so."""
    found = []
    taken = set(used)  # lines other readings took
    for n, sentence in enumerate(read):
        indices = list(range(sentence.start, sentence.end + 1))
        if taken.intersection(indices) or not any(decides(sentence.text) for decides in deciders):
            continue
        text, told_after = sentence.text, None
        if (moved := _moved_before(read, n, taken)) is None:
            moved = _motion_just_before(read, n, taken)
        if moved is not None:  # "X proposed, and Y seconded, that ... The motion was lost."
            text = " ".join(s.text for s in read[moved:n + 1])
            indices = list(range(read[moved].start, sentence.end + 1))
        elif (told_after := _outcome_after(read, n, taken)) is not None:  # "... that the Council objects. Carried with one abstention."
            text = f"{text} {told_after.text}"
            indices = list(range(sentence.start, told_after.end + 1))
        used.update(indices)
        details: dict = {}
        if moved is None and told_after is not None:
            details["outcome"] = "failed" if tells_failure(told_after.text) else "carried"
        _proposer(text, details)
        if proposal := ON_PROPOSAL.search(text):
            details.update(mover=proposal["mover"].strip(), seconder=proposal["seconder"].strip())
        read_tally(sentence.text, details)
        if outcome := vote_outcome(sentence.text):
            details["outcome"] = outcome
        found.append((indices[0], _decision(document, entries, indices, details, text=text, items=[],
                                            minute=minutes[indices[0]])))
    return found


_THE_MOTION = re.compile(r"\bthe\s+(motion|proposal|amendment)\b", re.IGNORECASE)
MOVED_BEFORE = 3  # sentences back, within the paragraph, to the one proposing the motion a vote disposes of


def _moved_before(read: list[Sentence], n: int, taken: set[int]) -> int | None:
    """The sentence of the same paragraph, a few before, that proposes the motion ``read[n]`` puts to the
    vote without saying it ("Cllr Ash proposed, and Cllr Fox seconded, that a bench be permitted. ... After
    debate the motion was put to the vote and was lost"); None when it names its motion itself."""
    sentence = read[n]
    named = _THE_MOTION.search(sentence.text)
    if not named or PROPOSAL.search(sentence.text):
        return None
    amending = named.group(1).lower() == "amendment"  # an amendment's vote closes the amendment, not the motion
    for k in range(n - 1, max(-1, n - 1 - MOVED_BEFORE), -1):
        before = read[k]
        if before.paragraph != sentence.paragraph or taken.intersection(range(before.start, before.end + 1)):
            return None
        if PROPOSAL.search(before.text) and re.search(r"\bthat\b", before.text, re.IGNORECASE):
            return k if bool(re.search(r"\bamend", before.text, re.IGNORECASE)) == amending else None
    return None


_SHORT_DECISION = 6  # words: "The nomination was carried." names no subject of its own
_OUTCOME_SENTENCE = re.compile(r"^(?:(?:the\s+)?(?:motion|proposal)\s+(?:was\s+)?)?(?:unanimously\s+)?(?:carried|agreed|approved|lost|defeated|fell)\b",
                               re.IGNORECASE)
OUTCOME_WORDS = 8  # "Carried with one abstention.", "Unanimously agreed and signed by the Chair."


def _outcome_after(read: list[Sentence], n: int, taken: set[int]) -> Sentence | None:
    """The sentence after ``read[n]`` in its paragraph when it only tells how the vote went ("Carried with one
    abstention.", "Motion lost.")."""
    if n + 1 >= len(read):
        return None
    after = read[n + 1]
    if (after.paragraph != read[n].paragraph or taken.intersection(range(after.start, after.end + 1))
            or len(re.findall(r"[A-Za-z]+", after.text)) > OUTCOME_WORDS or not _OUTCOME_SENTENCE.match(after.text)):
        return None
    return after


def _motion_just_before(read: list[Sentence], n: int, taken: set[int]) -> int | None:
    """The sentence just before ``read[n]``, in its paragraph, when it moves a motion and ``read[n]`` is
    only how its vote went ("It was moved and seconded (Ash/Fox) to adopt Resolution No. 24-42.
    Approved on a 4-1 vote (Fox dissenting).")."""
    if n == 0 or len(re.findall(r"[A-Za-z]+", read[n].text)) > _SHORT_DECISION:
        return None
    before = read[n - 1]
    if before.paragraph != read[n].paragraph or taken.intersection(range(before.start, before.end + 1)):
        return None
    return n - 1 if MOVED.search(before.text) else None


def _narrative(document: Document, entries: list[Entry], used: set[int], minutes: list,
               read: list[Sentence], told: re.Pattern = _NARRATIVE) -> list[tuple[int, Decision]]:
    """Decisions minuted in prose ("the policy was accepted by the Board"), for minutes without markers.

    A sentence sharing a line with a decision already found ("9. Plans: It was agreed ...") is
    that decision again.
    """
    found = []
    for n, sentence in enumerate(read):
        indices = list(range(sentence.start, sentence.end + 1))
        if used.intersection(indices) or not (match := told.search(sentence.text)) or _hypothetical(sentence.text, match):
            continue
        details: dict = {}
        text, items = sentence.text, []
        before = referred_to(read, n, short=_SHORT_DECISION)
        if before and not _NARRATIVE.search(before.text) and not used.intersection(range(before.start, before.end + 1)):
            # "The nomination was carried." says what was carried in the sentence before (not another decision)
            text = f"{before.text} {text}"
            indices = list(range(before.start, sentence.end + 1))
        if text.endswith(":") and entries[sentence.end].text.endswith(":"):
            # "The Committee resolved to:" and its list, or the one paragraph it leads into past a blank line ("The
            # Committee resolved:-" read as "resolved:" / "to approve the recommendations in the report.")
            listed = collect_block(entries, sentence.end, _stop)[1:]
            items = split_items([entries[sentence.end].text] + [entries[i].text for i in listed])[1]
            if listed and not any(_is_header(entries[i].text) for i in listed):
                used.update(listed)
                indices += listed
                text = " ".join([text, *(entries[i].text for i in listed)])
        labelled_followers(entries, indices[-1], details)
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
    if document.type == "agenda" and not any(RESULT.match(e.text) or MOTION_CARRIED.search(e.text) for e in entries):
        return []  # an agenda proposes; only an agenda pack that minutes votes records decisions
    minutes = minutes_by_line(entries)
    formal, used, counted = _formal(document, entries, minutes)
    voted = _us_votes(document, entries, used, minutes)
    found = formal + voted + _inline(document, entries, used, minutes, used - counted)
    if document.type in ("minutes", "other"):
        found += _roll_calls(document, entries, used, minutes)
    if document.type in ("minutes", "other", "decision_record"):
        found += _column_decisions(document, entries, used, minutes)
    if document.type in ("minutes", "other"):
        found += (_amendment_votes(document, entries, used, minutes) + _actions_taken(document, entries, used, minutes)
                  + _dispositions(document, entries, used, minutes)
                  + _planning_responses(document, entries, used, minutes) + _outcome_rows(document, entries, used, minutes))
    read = sentences(entries)  # the paper's sentences, for the readings below
    # Without formal markers the minutes record decisions in sentences ("It was agreed that ..." already
    # found above is found again here and dropped as a repeat; "It was proposed by X and seconded by Y
    # that ..." and nothing after); with them, only the meeting's own "agreed / resolved / decided"
    # sentence is one, and a motion proposed is what its RESOLVED decides.
    formal_markers = document.type == "minutes" and any(_FORMAL.search(e.text) for e in entries)
    if document.type == "minutes":
        found += _narrative(document, entries, used, minutes, read, _MEETING_DECIDED if formal_markers else _NARRATIVE)
    if document.type in ("minutes", "other"):
        found += _sentences_deciding(document, entries, used, minutes, (_put_and_carried,), read)
        # the body's own sentence ("The Board awarded ...") decides in minutes; in a paper of no known type it may report
        told = (body_did, minutes_confirmed, put_off) if document.type == "minutes" else ()
        proposed = (proposed_that,) if document.type == "minutes" and not formal_markers else ()
        found += _sentences_deciding(document, entries, used, minutes,
                                     (counts_a_vote, declares_outcome, tells_a_vote, moved_on_proposal, *proposed, *told), read)
    if document.type == "minutes":
        found += _elliptical(document, entries, used, minutes, read)
    if document.type == "decision_record":
        found += _sentences_deciding(document, entries, used, minutes, (_enacts,), read)
    return found
