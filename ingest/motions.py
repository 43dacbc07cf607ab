"""How a motion is moved, voted and carried, as minutes write it: who moved and seconded it, the
vote's count and roll, its outcome (said after the motion, alone on its line, wrapped onto the next,
declared by the chair), and the motion an outcome standing alone closes. resolutions.py reads
decisions with these; chat and packs ask whether a passage records an outcome or is a roll call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .decision_text import FIELD_NAME, PARAGRAPH_NUMBER, Entry, ends_clause, parse_marker, says_nothing
from .people import TITLE
from .votes import ABSTAIN as _ABSTAIN, AGAINST as _AGAINST, FOR as _FOR

# A vote's count: "5-0", "4-1-1", "7/0" (for, against, then abstaining and absent).
_SEP = r"\s*[-–/]\s*"
COUNT = rf"\d{{1,2}}{_SEP}\d{{1,2}}"
# The outcome said before what it stands in for, not a wish: "should be passed", "to be approved", "not carried".
NOT_A_WISH = r"(?<!\bbe\s)(?<!\bto\s)(?<!\bnot\s)"

# Votes and who moved what.
_TALLY = re.compile(rf"\b(?:carried|approved|passed|failed|lost|adopted)\b[^.\d]{{0,20}}?\(?{COUNT}(?:{_SEP}\d{{1,2}}){{0,2}}\)?", re.IGNORECASE)
_VOTE_COUNT = re.compile(rf"\b{COUNT}(?:{_SEP}\d{{1,2}})?\s+vote\b|\bvote\s+of\s+{COUNT}\b|\bvote\s*:\s*{COUNT}\b", re.IGNORECASE)  # "Vote: 5-0 (Ayes: ...)"
_OUTCOME = re.compile(r"\b(?:(?:substantive\s+)?motion|amendment|recommendations?)\s+(?:was\s+)?(carried|lost|agreed|fell|defeated|approved|failed)\b", re.IGNORECASE)
# Who moves and seconds: a name with its honorific ("Cllr Ash", "Mrs D. Fox"), or a board member by office.
_PROPOSER = rf"(?:{TITLE}\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}"
_MEMBER = r"(?:Commissioner|Councillor|Council\s*member|Member|Director|Trustee|Mr|Mrs|Ms|Dr)"
PROPOSAL = re.compile(
    rf"(?P<mover>{_PROPOSER})\s*,?\s*(?:proposed|moved)\s*,?\s*(?:and|&)\s+(?P<seconder>{_PROPOSER})\s+seconded"
    r"|(?:[Pp]roposed|[Mm]oved)(?:\s+(?:by\s+)?|(?=[A-Z]))(?P<mover2>[A-Z][\w'’. -]{1,40}?)\s*,?\s*(?:and\s+)?[Ss]econded(?:\s+(?:by\s+)?|(?=[A-Z]))(?P<seconder2>[A-Z][\w'’.-]*(?:\s+(?!(?i:that)\b)[A-Z][\w'’.-]*){0,3})"
    rf"|(?P<mover3>{_MEMBER}\.?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})\s+made\s+a\s+motion\s*,?\s*seconded\s+by\s+"
    rf"(?P<seconder3>{_MEMBER}?\.?\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})"
    # a board-meeting system's "Motion by Dana Fox, second by Lee Ash."
    rf"|\b[Mm]otion\s+(?:made\s+)?by\s+(?P<mover4>{_PROPOSER}),?\s+(?:and\s+)?second(?:ed)?\s+by\s+(?P<seconder4>{_PROPOSER})",
)


def movers(match: re.Match) -> tuple[str, str]:
    """(mover, seconder) of a PROPOSAL match, whichever way it was written."""
    mover = next(match.group(f"mover{n}") for n in ("", "2", "3", "4") if match.group(f"mover{n}"))
    seconder = next(match.group(f"seconder{n}") for n in ("", "2", "3", "4") if match.group(f"seconder{n}"))
    return mover.strip(), seconder.strip()


# "X proposed and Y seconded that the motion be put to the vote", "... that the meeting be extended":
# a motion about the debate, not the motion that became the resolution.
_PROCEDURAL = re.compile(
    r"^[^.]{0,160}?\b(?:be\s+now\s+put|be\s+put\s+to\s+the\s+(?:vote|meeting)|extend\s+the\s+meeting|meeting\s+be\s+extended|proceed\s+to\s+next\s+business)\b",
    re.IGNORECASE,
)
LABELLED = re.compile(r"^(?P<label>proposer|proposed(?: by)?|mover|moved(?: by)?|motion by|seconder|seconded(?: by)?|second)\s*:\s*(?P<name>.+)$", re.IGNORECASE)
# US vote blocks.
RESULT = re.compile(r"^RESULT\s*:\s*(?P<outcome>[A-Z][A-Z ]+?)\s*(?:\[(?P<how>[^\]]*)\])?\s*$")
ROLL = re.compile(r"^(?P<label>AYES|NAYS|NOES|ABSTAIN(?:ED|ING)?|ABSENT|RECUSED)\s*:\s*(?P<names>.*)$", re.IGNORECASE)
# "Motion carried", "The main motion to introduce Ordinance No. 12 passed": what was moved may stand
# between the motion and its outcome (a stop only before a number), but not a wish ("this motion should be passed", "not carried").
MOTION_CARRIED = re.compile(
    rf"\bmotion,?\s+(?:(?:[^.;:?!]|\.(?=\s*\d)){{0,120}}?\s)?{NOT_A_WISH}(?:was\s+)?(?:carried|passed|approved|adopted|failed|lost|defeated)\b"
    # told as it happens, ending its clause: "Motion carries 5-0", "Final Resolution: Motion Fails" (not "if the motion passes, ...")
    r"|\bmotion\s+(?:carries|passes|fails)\b(?=\s*(?:$|[.;(]|\d|unanimously))"
    # refused in so many words, or the vote told of instead: "Motion not carried (2 for, 3 against)", "Voting was unanimous in favor."
    r"|\bmotion\s+(?:was\s+)?not\s+carried\b|\b(?:the\s+)?(?:vote|voting)\s+was\s+unanimous(?:ly)?\b(?!\s+against)",
    re.IGNORECASE)
# The number a carried motion is given beside its outcome: "CARRIED UNANIMOUSLY   R2024-211".
_RESOLUTION_NUMBER = r"(?:\s+(?:#|No\.?\s*)?[A-Z]{0,3}\d{4}[-/]\d{1,4})?"
# An outcome said alone after its motion: "THAT Council award the tender ... Carried.", "All those in
# favour? Contrary? Carried.", "CARRIED UNANIMOUSLY", "Defeated (3-4)", "Agreed unanimously.", "Disposition   Carried".
BARE_OUTCOME = re.compile(
    # its label may stand before it without a colon, as a table's column does: "Disposition      Carried"
    r"(?:^(?:(?:disposition|outcome|result)\s+)?|(?<=[.?!:;]\s))(?:unanimously\s+)?(?P<word>carried|defeated|lost|agreed|approved|passed|(?-i:VOTED))(?:\s+(?:unanimously|as\s+amended|by\s+all))?"
    rf"\s*(?:\(?{COUNT}(?:{_SEP}\d{{1,2}})*\)?)?\s*[.!]?{_RESOLUTION_NUMBER}\s*$",
    re.IGNORECASE,
)
# The question put in a verbatim transcript, and its answer: "All those in favour of Items 2 to 9 of
# the Harbour Report? Opposed? Carried. Next item." The question names what is decided.
PUT_QUESTION = re.compile(
    r"\ball\s+(?:those\s+)?in\s+favou?r\b[^?]{0,80}\?\s*(?:(?:contrary|opposed|against)\W{0,3}\s*)?(?P<word>carried|defeated|lost)\b",
    re.IGNORECASE,
)


def records_an_outcome(text: str) -> bool:
    """Whether a sentence says how a motion was disposed of ("RESULT: FAILED [4-2]", "the motion was
    carried", "Carried 5-0", "the amendment was lost", "(4-1 vote)")."""
    return bool(re.search(r"(?<![A-Za-z])RESULT\s*:", text) or MOTION_CARRIED.search(text)
                or _OUTCOME.search(text) or _TALLY.search(text) or _VOTE_COUNT.search(text))


def vote_details(entries: list[Entry], start: int, end: int) -> dict:
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
        match = PROPOSAL.search(text)
        if match and not _PROCEDURAL.match(_with_next_line(entries, index, text[match.end():])):
            mover, seconder = movers(match)
            proposals.append({"mover": mover, "seconder": seconder, "outcome": None})
        elif labelled := LABELLED.match(text):  # "Proposed by: Cllr Ash" / "Seconded by: Cllr Fox"
            name = labelled["name"].strip()
            if not labelled["label"].lower().startswith("second"):
                proposals.append({"mover": name, "seconder": None, "outcome": None})
            elif proposals and proposals[-1]["seconder"] is None:
                proposals[-1]["seconder"] = name
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


def _with_next_line(entries: list[Entry], index: int, rest: str) -> str:
    """``rest`` of line ``index`` run on into the next non-blank line (a motion's words wrap)."""
    after = next((entries[j].text for j in range(index + 1, min(len(entries), index + 4)) if entries[j].text), "")
    return f"{rest} {after}".strip()


# A vote column's cell: "5-0", "4-1 (Reyes no)", "6 for, 5 against", "10 for, 0 against, 1 abstention", "Unanimous".
_CELL_COUNT = re.compile(rf"^\(?(?P<count>{COUNT}(?:{_SEP}\d{{1,2}})?)\b"
                         r"|^(?P<for>\d{1,2})\s+for,?\s+(?P<against>\d{1,2})\s+against(?:,?\s+(?P<abstain>\d{1,2})\s+abstentions?)?", re.IGNORECASE)


def read_vote_cell(cell: str, details: dict) -> None:
    """The count a table's vote column gives for its row, into ``details`` ("votes"; "unanimous")."""
    if re.match(r"^unanimous(?:ly)?\b", cell, re.IGNORECASE):
        details["unanimous"] = True
        return
    match = _CELL_COUNT.match(cell.strip())
    if match is None:
        return
    numbers = [int(n) for n in re.findall(r"\d{1,2}", match["count"])] if match["count"] else \
        [int(match["for"]), int(match["against"]), int(match["abstain"] or 0)]
    details["votes"] = {"for": numbers[0], "against": numbers[1], "abstain": numbers[2] if len(numbers) > 2 else 0}


def read_tally(text: str, details: dict) -> None:
    match = _TALLY.search(text) or COUNTED_VOTE.search(text)
    if match:
        numbers = [int(n) for n in re.findall(r"\d{1,2}", match.group(0))]
        details["votes"] = {"for": numbers[0], "against": numbers[1], "abstain": numbers[2] if len(numbers) > 2 else 0}
        if len(numbers) > 3:
            details["votes"]["absent"] = numbers[3]
    if re.search(r"\bunanimous(?:ly)?\b", text, re.IGNORECASE):
        details["unanimous"] = True


def read_labelled(text: str, details: dict) -> bool:
    """A "Proposer: X" or "Seconded: Y" line's name into ``details``; whether the line is one."""
    match = LABELLED.match(text)
    if match:
        key = "seconder" if match.group("label").lower().startswith("second") else "mover"
        details[key] = match.group("name").strip()
    return bool(match)


def labelled_followers(entries: list[Entry], end: int, details: dict) -> None:
    """"Proposer: X" / "Seconder: Y" lines just after a decision."""
    for index in range(end + 1, min(len(entries), end + 6)):
        if entries[index].text and not read_labelled(entries[index].text, details):
            break


_LABEL_OPENS = re.compile(r"^[\w ]{1,30}:")  # "Motion:", "Ayes:", "Vote:": a line of its own
RUN_ON_LINES = 2  # an outcome's sentence wraps onto a line or two: "... Motion carried" / "3-2 on the following roll call vote:"
MOTION_WORD = re.compile(r"\bmotion\b", re.IGNORECASE)


def runs_on(entries: list[Entry], index: int, used: set[int]) -> list[int]:
    """The lines after ``index`` that go on with its last sentence: it ends without a stop and the
    next line starts in lower case or with a figure, or the line breaks after a word in lower case
    that leaves its clause open ("... adopted Resolution No. PC-24-031 approving" / "CUP 24-011 ...")."""
    run: list[int] = []
    k = index
    while len(run) < RUN_ON_LINES and k + 1 < len(entries):
        current, following = entries[k], entries[k + 1]
        if (not following.text or following.heading or following.table or following.opens or k + 1 in used
                or ends_clause(current.text)):
            break
        open_clause = re.search(r"\b[a-z]{3,}$", current.text) and not _LABEL_OPENS.match(following.text)
        if not (re.match(r"[a-z0-9(]", following.text) or open_clause):
            break
        run.append(k + 1)
        k += 1
    return run


# How a member voted, as a vote's roll labels it: "Ayes — A, B", "Nays: Ash", "Absent: Cole".
VOTE_LABEL = r"(?:ayes?|yeas?|nays?|noes|abstain\w*|absent|recused)\b"
# A vote's roll between a motion and its outcome: "Roll call vote:", "Roll call:", "Ayes — A, B", "Nays ~ None", and a
# member's own vote on a line of its own ("Albright - Yes", "Mrs. Fox: Aye").
_ROLL_CALL_LINE = re.compile(
    rf"^(?i:roll[\s-]*call(?:\s+vote)?\b|(?:voice|hand|recorded)\s+vote\b|{VOTE_LABEL})"
    r"|^(?:[A-Z][a-z]{1,12}\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*[-–:,]?\s*(?i:yes|no|aye|nay|abstain(?:ed)?|absent)\.?$")
# "MOTION: X moved to ...", "X moves that ...", "X made a motion to ...", "It was proposed by X, seconded by Y, that ...",
# "MovedDirector Ash" (a web page's label run into its name).
# A speaker's own motion in a transcript: "I move that By-law No. 35/2024 be read", "move adoption of Items 1 to 9".
MOVED = re.compile(r"^motion\s*:|\bmotion\s+(?:made\s+)?by\b|\bmade\s+a\s+motion\b|\bmoved(?:\b|(?=(?-i:[A-Z])))|\bmoves?\s+that\b|\bproposed\s+by\b|\bI\s+(?:will\s+)?move\b|\bmove\s+(?:the\s+)?adoption\b",
                    re.IGNORECASE)
# A motion's words: who moved it, or its operative "THAT ..." (a Canadian minute's "THAT Council award ...").
MOTION = re.compile(rf"{MOVED.pattern}|\bseconded\b|(?:^|\s)(?-i:THAT)\s", re.IGNORECASE)
MOTION_REACH = 12  # lines: a roll call of a large board runs to a few
MOTION_SEARCH = 40  # lines back from an outcome to the motion it closes, past the item's discussion


def is_roll_call(text: str) -> bool:
    """Whether a line is part of a vote's roll ("Roll call vote:", "Ayes — A, B", "Nays: Ash.")."""
    return bool(_ROLL_CALL_LINE.match(text))


# Each label of a roll call and the names or figure under it, several to a line ("AYES: Ash, Fox   NOES: None").
_ROLL_LABEL = re.compile(rf"(?<![A-Za-z])(?P<label>{VOTE_LABEL})\s*:\s*(?P<names>.*?)\s*(?=(?<![A-Za-z]){VOTE_LABEL}\s*:|$)", re.IGNORECASE)
_ROLL_SIDE = {"aye": "for", "yea": "for", "nay": "against", "noe": "against", "abstain": "abstain"}  # absent and recused cast none


def words_after_roll(entries: list[Entry], end: int, used: set[int]) -> list[int]:
    """The roll a motion's outcome leads into ("... carried with the following vote:") and the motion's words
    when they come after it ("Ayes: ..." / "Noes: None" / "to award the coating contract to Ash Ltd."): the
    lines of both, or [] when no words of the motion follow its roll."""
    if not entries[end].text.rstrip().endswith(":"):
        return []
    k, roll = end + 1, []
    while k < len(entries) and k not in used and entries[k].text and is_roll_call(entries[k].text):
        roll.append(k)
        k += 1
    if not roll or k >= len(entries) or k in used or not re.match(r"to\s+[a-z]{3,}\b", entries[k].text):
        return []
    return roll + [k] + runs_on(entries, k, used)


def roll_counts(lines: Iterable[str]) -> dict[str, int]:
    """How a roll call went: how many for, against and abstaining, from its labelled lines, by the figure
    under a label ("AYES: 5") or the names it lists ("NOES: None" is none)."""
    counts: dict[str, int] = {}
    for text in lines:
        for label in _ROLL_LABEL.finditer(text):
            side = next((side for word, side in _ROLL_SIDE.items() if label["label"].lower().startswith(word)), None)
            names = label["names"].strip(" .;")
            counted = int(names) if names.isdigit() else sum(1 for name in re.split(r",|;|\band\b", names)
                                                             if name.strip() and not says_nothing(name))
            if side:
                counts[side] = counts.get(side, 0) + counted
    return counts


def motion_above(entries: list[Entry], index: int, used: set[int]) -> list[int]:
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
    passed: list[list[int]] = []  # paragraphs between the moving one and the roll, nearest first
    while k >= 0 and k not in used and index - k <= MOTION_SEARCH:
        motion = paragraph_above(entries, k, used)
        if not motion:
            break
        if any(MOVED.search(entries[m].text) for m in motion):
            # "Moved: Cr Ash  Seconded: Cr Fox" / "That the Committee: a) ... b) ..." / "CARRIED": the
            # paragraphs after the moving one are the motion's words when they open with "That"
            words = [m for paragraph in reversed(passed) for m in paragraph]
            return motion + (words if words and _THAT.match(entries[words[0]].text) else []) + votes
        if entries[motion[0]].opens and not in_a_list(entries, motion[0]) or _is_outcome_line(entries[motion[-1]].text):
            break  # the item's start, or an earlier motion's outcome: nothing moved is pending
        passed.append(motion)
        k = motion[0] - 1
        while k >= 0 and not entries[k].text and not entries[k].opens:
            k -= 1
    return []


_THAT = re.compile(r"^[\"“]?(?:that|THAT|That)\s")  # a motion's words: "That the Committee receives the report", quoted or not


def items_above(entries: list[Entry], index: int) -> int:
    """How many lines of a list (each item opening with its number or letter, and the lines an item
    wraps onto) stand just above line ``index``."""
    k = index - 1
    # a line ending in a colon leads into the list ("That Council:"), however the page ran it on from the one above
    while k >= 0 and entries[k].text and (parse_marker(entries[k].text)
                                          or (_wraps_item(entries, k) and not entries[k].text.rstrip().endswith(":"))):
        k -= 1
    return index - 1 - k


def _wraps_item(entries: list[Entry], k: int) -> bool:
    """Whether line ``k`` carries on a list item from the lines above: an item opening its section
    that the line stays in, or an item breaking off mid-sentence ("1. Adopt the report of the panel,
    which rates the" / "chief executive's performance as meeting expectations; and")."""
    return _in_item_section(entries, k) or _runs_on_item(entries, k)


def _in_item_section(entries: list[Entry], k: int) -> bool:
    """Whether line ``k`` stays in the section a numbered item opens (the paper's own paragraphing)."""
    above = k - 1
    while above >= 0 and entries[above].text and entries[above].section is entries[k].section and not entries[above + 1].opens:
        if parse_marker(entries[above].text):
            return entries[above].opens
        above -= 1
    return False


def _runs_on_item(entries: list[Entry], k: int) -> bool:
    """Whether the lines above line ``k`` break off mid-clause back to a numbered item (a PDF's wrapping)."""
    above = k
    while above > 0 and not entries[above].opens and not entries[above].heading:
        line = entries[above - 1]
        if not line.text or line.heading or ends_clause(line.text):
            return False
        if parse_marker(line.text):
            return True
        above -= 1
    return False


def in_a_list(entries: list[Entry], index: int) -> bool:
    """Whether a numbered line is an item of a list its motion leads into ("That Council:" / "1. Accept
    the tender ..." / "2. Authorise ..."), not a paragraph of the minutes of its own."""
    items = items_above(entries, index + 1)  # the line itself and the items above it
    lead = index - items
    return items > 0 and lead >= 0 and entries[lead].text.rstrip().endswith(":") and not entries[lead].heading


def words_above(entries: list[Entry], block: list[int], used: set[int]) -> list[int]:
    """The motion's words a block naming only who moved and seconded it, and how it went, closes
    ("Approve the minutes as submitted." / "Motion by A, second by B."; "Cllr Ash proposed that the
    Council buy a sign." / "Proposed: Cllr Ash" / "Seconded: Cllr Fox" / "Carried unanimously."): the
    paragraph just above it, without a field's name heading it ("Motion & Voting"); [] when the block
    says more, or nothing plain stands above it."""
    index, text = block[0], entries[block[0]].text
    said = PROPOSAL.match(text)
    names_only = said and said.group("mover4") and not text[said.end():].strip(" .")  # a board-meeting system's line
    labelled = all(LABELLED.match(entries[k].text) or _is_outcome_line(entries[k].text) for k in block) and LABELLED.match(text)
    if not (names_only or labelled):
        return []
    k = index - 1
    while k >= 0 and not entries[k].text and not entries[k].opens:
        k -= 1
    words = paragraph_above(entries, k, used) if k >= 0 else []
    if words and FIELD_NAME.match(entries[words[0]].text):
        words = words[1:]
    if not words or any(_is_outcome_line(entries[w].text) or MOVED.search(entries[w].text) for w in words):
        return []
    return words


def paragraph_above(entries: list[Entry], k: int, used: set[int]) -> list[int]:
    """The lines of the paragraph ending at line ``k`` (back to a blank line or its section's start)."""
    motion: list[int] = []
    while k >= 0 and entries[k].text and k not in used and len(motion) < 8:
        motion.insert(0, k)
        if entries[k].opens:
            break
        k -= 1
    return motion


def _is_outcome_line(text: str) -> bool:
    return bool(MOTION_CARRIED.search(text) or BARE_OUTCOME.search(text) or RESULT.match(text))


# "On the proposal of Cllr Fox, seconded by Cllr Ash, the minutes were confirmed.": who moved it, then
# what was decided.
_ON_PROPOSAL = r"on\s+(?:the|a)\s+(?:proposal|motion)\s+(?:of|by)\s+(?P<mover>[^,]{2,60}),\s*seconded\s+by\s+(?P<seconder>[^,]{2,60})"
ON_PROPOSAL = re.compile(rf"\b{_ON_PROPOSAL},\s*\w", re.IGNORECASE)


def moved_on_proposal(sentence: str) -> bool:
    return bool(ON_PROPOSAL.search(sentence))


# "It was proposed by Mrs. Ash and seconded by Mr. Fox that the minutes be accepted as a true record.", "Proposed (HLE)
# & Seconded (MT) that the minutes be approved": minutes that record their motions so say nothing more of those
# carried (a name's stops are its abbreviations).
_A_NAME = r"(?:[^.;,]|\.(?=\s?[A-Z]))"
_PROPOSED_THAT = re.compile(rf"\b(?:it\s+was\s+)?(?:proposed|moved)\s+(?:by\s+)?(?=(?-i:[A-Z(])){_A_NAME}{{2,60}}?\s*,?\s+(?:and\s+|&\s+)?seconded\s+(?:by\s+)?{_A_NAME}{{2,60}}?"
                            r"\s*,?\s+(?-i:that)\s+[a-z]", re.IGNORECASE)  # in a sentence: a block's "THAT Council ..." has its outcome line


def proposed_that(sentence: str) -> bool:
    return bool(_PROPOSED_THAT.search(sentence))


# "the Chair declared the motion carried", "The Mayor declared the amendment defeated."
# "The Cathaoirleach declared the proposal to defer defeated."
_DECLARED = re.compile(r"\bdeclared\s+the\s+(?:motion|amendment|resolution|proposal)\s+(?:to\s+[a-z]+\s+(?:[\w'’-]+\s+){0,4}?)?(?:to\s+be\s+|as\s+)?"
                       r"(?:carried|lost|defeated|passed|adopted|agreed|failed)\b", re.IGNORECASE)


def declares_outcome(sentence: str) -> bool:
    return bool(_DECLARED.search(sentence))


# A vote told in a sentence: "The amendment was put to the vote and fell, 2 for, 4 against", "the proposal
# was then voted on and carried 5 to 2", "Proposal to buy the SID now was put to the vote - lost 2-3".
_VOTE_TOLD = re.compile(r"\b(?:was|were)\s+(?:(?:then|first|duly)\s+)*(?:put\s+to\s+(?:the\s+)?vote|voted\s+(?:on|upon))\b"
                        r"[^.;]{0,20}?\b(?P<outcome>carried|passed|fell|lost|defeated|failed)\b", re.IGNORECASE)


def vote_outcome(sentence: str) -> str | None:
    """How a vote told in a sentence went ("carried" or "lost"), or None when the sentence tells none."""
    match = _VOTE_TOLD.search(sentence)
    if not match:
        return None
    return "carried" if match["outcome"].lower() in ("carried", "passed") else "lost"


# An outcome told in words that the motion failed: "Motion fails.", "The proposal fell.", "Motion not carried (2 for, 3 against)."
_FAILED = re.compile(r"\b(?:failed|fails|lost|defeated|fell|not\s+carried)\b", re.IGNORECASE)


def tells_failure(text: str) -> bool:
    """Whether an outcome line or sentence says the motion failed (its words, not its count)."""
    return bool(_FAILED.search(text))


def tells_a_vote(sentence: str) -> bool:
    return vote_outcome(sentence) is not None


# A sentence whose subject is the meeting's own body and whose verb says what it did, however the
# minutes mark their decisions: "The Commission adopted Resolution No. PC-24-031 ...", "By consensus,
# the Board authorized Director Ash to attend ...", "Board appointed Dana Fox as Harbour Master, 5-0",
# "Board consensus to send a thank-you letter", "On a motion by X, seconded by Y, the Board awarded ...".
# At the sentence's start only: "She noted that Council approved the closure" reports.
_BODY_DID = re.compile(
    r"^(?:(?:by\s+(?:general\s+|unanimous\s+)?consensus|by\s+unanimous\s+vote|(?:after|following)\s+(?:some\s+|brief\s+|further\s+|the\s+)?discussion"
    r"|on\s+the\s+recommendation\s+of\s+(?:the\s+)?[\w&'’ -]{1,60}?"  # "On the recommendation of Senate, Council APPROVED ..."
    rf"|{_ON_PROPOSAL}),?\s+(?:and\s+)?){{0,2}}"  # "After discussion, and by consensus, the Board ..."
    r"(?:the\s+)?(?:board|commission|council|committee|panel|trustees|governors|authority|members|councillors)\s+"
    r"(?:(?:then|also|further|unanimously)\s+)?(?:adopted|approved|awarded|appointed|authori[sz]ed|delegated|denied|granted|accepted|rejected|ratified|endorsed|elected"
    r"|deferred|did\s+not\s+(?:support|approve|agree|accept|endorse)|declined\s+to\s+[a-z]+"
    r"|received\s+and\s+filed|voted\s+to\s+[a-z]+|consensus\s+(?:was\s+)?to\s+[a-z]+)\b",
    re.IGNORECASE,
)


# The minutes of an earlier meeting confirmed: "The minutes of the meeting held on 24th October 2011 were
# confirmed as a correct record and signed by the Chairman.", "The minute of meeting of the Committee of 23
# January 2024 was submitted and approved as a correct record.", "The minutes were APPROVED as an accurate record."
_MINUTES_CONFIRMED = re.compile(r"^(?:the\s+)?minutes?\s+(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:confirmed|approved|agreed|accepted|adopted)\b"
                                r"|^(?:the\s+)?minutes?\s+of\s+(?:the\s+)?[^.;]{0,140}?\b(?:was|were)\s+(?:submitted\s+and\s+|read\s+and\s+)?(?:duly\s+|unanimously\s+)?"
                                r"(?:confirmed|approved|agreed|accepted|adopted|signed|taken\s+as\s+read)\b", re.IGNORECASE)


_PARAGRAPH_NUMBER = re.compile(rf"^{PARAGRAPH_NUMBER}")


def body_did(sentence: str) -> bool:
    # "The board accepted this policy." says what it accepted only with the sentence before (read in prose minutes)
    return bool(_BODY_DID.match(_PARAGRAPH_NUMBER.sub("", sentence.strip()))) and len(sentence.split()) > 6


def minutes_confirmed(sentence: str) -> bool:
    return bool(_MINUTES_CONFIRMED.match(sentence.strip()))


# A matter put off to a later meeting, told of the matter: "Consideration of the revised Standing Orders was
# DEFERRED to the July meeting.", "The boundary review was postponed until the next meeting.", "An application
# from the ramblers was deferred to May pending a copy of their accounts."
_PUT_OFF = re.compile(r"^(?:consideration\s+of\s+)?(?:the\s+)?[^.;]{1,100}?\s+(?:was|were)\s+(?:again\s+|further\s+)?(?:deferred|postponed)"
                      r"\s+(?:to|until)\s+(?:(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session)\b|(?-i:[A-Z])[a-z]+(?=\s+(?:pending|when|as|for)\b))"
                      # the decision itself put off: "Decision deferred to the September meeting as the plans ..."
                      r"|^(?:the\s+)?decision\s+(?:was\s+)?(?:deferred|postponed)\s+(?:to|until)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session)\b",
                      re.IGNORECASE)


def put_off(sentence: str) -> bool:
    return bool(_PUT_OFF.match(_PARAGRAPH_NUMBER.sub("", sentence.strip())))


# "the Chairman put the amendment set out in paragraph 7 to the vote and the voting was as follows:"
_PUT_TO_VOTE = re.compile(r"\bput\b[^.]{0,160}?\bto\s+the\s+vote\b|\bput\s+to\s+the\s+vote\b", re.IGNORECASE)


def amendment_outcome(text: str) -> str | None:
    """How an amendment was disposed of ("Amendment lost." -> "lost"), when the line says so."""
    match = _OUTCOME.search(text)
    return match.group(1).lower() if match and match.group(0).lower().startswith("amendment") else None


def puts_to_vote(entries: list[Entry], k: int) -> bool:
    """Whether a sentence putting something to the vote starts on line ``k`` (it may wrap once)."""
    following = entries[k + 1].text if k + 1 < len(entries) else ""
    return bool(entries[k].text and _PUT_TO_VOTE.search(f"{entries[k].text} {following}")
                and not _PUT_TO_VOTE.search(following))


# A vote's count said with the vote: "Vote: 5-0", "the Board voted 4-1 to", "by a vote of 5-0", "a 3-2 vote".
COUNTED_VOTE = re.compile(rf"\bvot(?:e|ed|es|ing)\s*(?::\s*|of\s+|by\s+)?\(?{COUNT}(?:{_SEP}\d{{1,2}}){{0,2}}\b|{_VOTE_COUNT.pattern}",
                          re.IGNORECASE)
COUNTED_WORDS = 5  # words besides the count: "Vote: 5-0." alone says what, not what was voted on
# What a vote was on: "to approve the audit report", "voted 5-0 to accept", "approved 4-1".
_VOTED_ON = re.compile(r"\bto\s+[a-z]{3,}|\b(?:approv|adopt|accept|den(?:y|ied)|award|authori[sz]|appoint|grant|refus|reject)\w*", re.IGNORECASE)


def counts_a_vote(sentence: str) -> bool:
    """A sentence recording a vote with its count, and what the vote was on ("Motion to approve the
    audit report: Ash / Second: Fox / Vote: 5-0", "the Board voted 5-0 to accept ..."); not a vote's
    line alone ("Motion: Ash / Second: Fox / Vote: 5-0"), which closes the decision above it."""
    match = COUNTED_VOTE.search(sentence)
    if not match:
        return False
    rest = f"{sentence[: match.start()]} {sentence[match.end():]}"
    return len(rest.split()) >= COUNTED_WORDS and bool(_VOTED_ON.search(rest))
