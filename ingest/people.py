"""The people a paper lists as attending: who was present, in attendance or sent apologies.

Informal minutes task people by their own names ("Janet will update the website", "Ailsa to chase
this up", "Sue and Deborah will put in the application"). A bare name is read as a person's only
where the paper itself lists that person, so "Grant will ..." is a task only where a Grant attended.
"""

from __future__ import annotations

import re

from .decision_text import Entry, ends_clause

# An officer by post, as minutes name whoever advises or is tasked ("the Superintendent", "the Fire Chief",
# "the Town Clerk", "staff", "Management" of an association's managing agent).
OFFICER_ROLE = (r"(?:staff|[Mm]anagers?|[Mm]anagement|[Dd]irectors?|[Ss]uperintendent|[Dd]epartments?|[Oo]fficers?|[Cc]lerk|[Cc]ounsel"
                r"|[Aa]ttorney|[Ee]ngineer|[Aa]dministrator|[Ss]ecretary|[Tt]reasurer|[Cc]hief|Head|[Aa]uditor|[Mm]arshal|[Ss]olicitor|[Pp]lanner)")

# Honorifics and offices written before a name ("Cllr D. Whitlock", "Mayor Pro Tem Alma Ruiz", a board's "President Ash").
TITLE = (r"(?:Cllrs?|Councill?ors?|Crs?|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Revd?|Director|Trustees?|Commissioners?|Councilmembers?|Council\s+Members?|President"
         r"|Mayor|Chair(?:man|woman)?|PCSO|PC|Sgt|Sergeant|Insp|Inspector|Supt|Superintendent|Sir|Dame|Lord|Lady)")
_LEADING = re.compile(rf"^(?:(?:{TITLE}|Deputy|Vice|Pro|Tem|District|County|Borough|Town|Parish|Community|Ward|Board|Members?|Student)\.?\s+)+")

# A line opening a list of who attended: "Present:", "Members present:", "In attendance:", "Also present",
# "Apologies were received from", "Staff:".
_LABEL = re.compile(
    r"^(?:(?:(?:members?|councill?ors?|trustees?|directors?|commissioners?|governors?|staff|officers?|board\s+members?)\s+)?(?:also\s+)?"
    r"(?:present|in\s+attendance|attending|attendees|apologies(?:\s+for\s+absence)?|absent)"
    r"|(?:staff|officers)(?=\s*:))"
    r"(?:\s+(?:were\s+)?(?:received\s+)?from\b|\s+were\b)?\s*[:–-]?\s*",
    re.IGNORECASE,
)
# The words of a name: "Ailsa", "Oduya-Fenn", "O'Halloran", "McQuay", an initial "D." or "D".
_WORD = r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?|(?:Mc|Mac|O['’])[A-Z][a-zß-ÿ]+"
_NAME = re.compile(rf"^(?:(?:[A-Z]\.?|{_WORD})\s+)*(?:{_WORD})$")  # each word read one way only: no backtracking blow-up
# Words of an office, not of a name: "City Manager Gordon Fairweather" is Gordon Fairweather.
_OFFICE = re.compile(r"(?:Officer|Manager|Clerk|Directors?|Engineer|Planner|Treasurer|Secretary|Administrator|Administrative|Counsel"
                     r"|Attorney|Chair(?:man|woman|person)?|President|Superintendent|Executive|Librarian|Bookkeeper|Commissioner"
                     r"|Services|Department|Works|Public|Press|Nil|None|Council|Committee|Board|Authority|Office|Commission|Police|Trust|Association|Society|Group|Ltd|Inc)")
_LIST_LINES = 16  # a list of one name a line, or two columns of them ("Present:" beside "Also in attendance:")
_MINUTE = re.compile(r"^(?:\d|[A-Z]{1,3}\d)")  # the next minute's number: the list has ended


def _listed(entries: list[Entry]) -> list[str]:
    """The text of each attendance list: its label line's words and the lines that carry it on."""
    lists = []
    for index, entry in enumerate(entries):
        label = _LABEL.match(entry.text)
        if not label or entry.heading and entry.text[label.end():].strip() == "":
            continue
        text = entry.text[label.end():]
        one_a_line = not text.strip()  # "Present:" alone, its people on the lines below
        for following in entries[index + 1: index + 1 + _LIST_LINES]:
            joined = bool(re.search(r"(?:[,;&]|\band)\s*$", text))  # "Dana Fox, Sam Ash and" goes on
            # a line the page's width cut mid-sentence ("... signed the attendance" / "sheet, including
            # Dana Fox (Chair), Robin" / "Quill (Secretary), Sam ...") runs on, as one line
            cut = not one_a_line and not joined and not ends_clause(text) and bool(re.match(r"[\w(]", following.text))
            carried = (not text.strip() or joined or re.match(rf"{TITLE}\b", following.text)
                       or one_a_line and all(_person(chunk)[0] for chunk in _chunks(following.text)) or cut)
            if not carried or following.heading or _MINUTE.match(following.text) or _LABEL.match(following.text):
                break
            text += (" " if cut else "; ") + following.text  # a line of the list names its own people
        lists.append(text)
    return lists


def attending(entries: list[Entry]) -> set[str]:
    """Each name by which a listed person may be tasked: full name, given name and surname."""
    names: set[str] = set()
    for text in _listed(entries):
        for chunk in _chunks(text):
            words = _person(chunk)[1]
            if words:
                names.add(words[-1])
                if len(words) >= 2:
                    names.update((words[0], f"{words[0]} {words[-1]}"))
    return names


def _chunks(text: str) -> list[str]:
    """A list's pieces, one person each: split at separators, and before a title, which opens the next
    name when two columns run into one line ("Mr D Fox   Cllr S Ash Quayle")."""
    text = re.sub(r"\([^)]*\)", ",", text)
    pieces = re.split(rf"[;,:]|\s[-–]\s|\band\b|&|\s(?=(?:{TITLE})\.?\s)", text)
    return [piece.strip(" .") for piece in pieces if piece.strip(" .")]


def _person(chunk: str) -> tuple[bool, list[str]]:
    """Whether a piece of a list names a person (or an office), and the words of the person's name."""
    bare = _LEADING.sub("", chunk).strip()
    titled = bare != chunk
    if not bare or not _NAME.match(bare):
        return False, []
    tokens = bare.split()
    office = max((n for n, token in enumerate(tokens) if _OFFICE.fullmatch(token)), default=None)
    if office is not None:  # the name after the office's words
        tokens, titled = _LEADING.sub("", " ".join(tokens[office + 1:])).split(), True
    words = [word for word in tokens if not re.fullmatch(r"[A-Z]\.?", word)]
    if not words or len(tokens) < 2 and not titled:
        return office is not None, []  # one bare word ("Staff", "Nil") is no one's name
    return True, words


def name_pattern(names: set[str]) -> str | None:
    """A pattern for one or more listed people ("Janet", "Sue and Deborah", "Ewan, Kirsty and Isla")."""
    if not names:
        return None
    one = "(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")(?![\w'’-])"
    return rf"{one}(?:\s*,\s*{one})*(?:\s+(?:and|&)\s+{one})?"
