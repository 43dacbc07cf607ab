"""The organisation a paper belongs to, chosen among candidates by the evidence around each, or left empty.

Every name of an organisation's shape in the paper's opening text is a candidate: a municipality
("City of Harbourside", "London Borough of Quayford", "Port of Harbourside"), a council ("Quayford
Parish Council", "Harbourside Council"), a district ("Quayford Public Library District"), a
department ("Harbour State Department of Corrections"), an agency ("Harbourside Employment Solutions
Corporation"), a company or society running a service ("Harbourside Libraries IPS"), and the town of
a postal line ("Harbourside, California 90210": "City of Harbourside").
Each is described by where it stands and how it is written (first line it appears on, whether it
fills or opens its line or only stands in sentences, capitals, how often it recurs, whether it is
the meeting's body, whether the letterhead rules pick it), and scored by a logistic model fitted on
the development bodies' labels (``eval/fit_organisation.py`` writes ``weights/organisation.json``). The best candidate is
kept only above the threshold chosen with the fit; below it the letterhead rules' pick stands.
"""

from __future__ import annotations

import re
from pathlib import Path

from .candidates import HEAD_LINES, MAX_LINE, Candidate, key as _key, placement
from .candidates import choose as _choose

WEIGHTS = Path(__file__).with_name("weights") / "organisation.json"
SHORT_LINE_WORDS = 3

_CAP = r"(?:[A-Z][\w'’.&-]*|Mc[A-Z]\w*)"


def _place(guard: str = "") -> str:
    """A place's name: up to four capitalised words on one line, each passing ``guard`` (a lookahead)."""
    return rf"{guard}{_CAP}(?:[ \t]+{guard}{_CAP}){{0,3}}"


_PLACE = _place()
_COUNCIL_PLACE = _place(r"(?!(?i:council)\b)")  # a council's place has no council in it
_SHAPES = {
    "municipality": rf"(?:(?:London|Royal|Metropolitan)\s+)?(?i:city|town|village|county|borough|township|municipality|port|parish)"
                    rf"\s+(?i:of)\s+(?:(?i:the)\s+)?{_PLACE}",
    # "NORTHSHIRE COUNTY COUNCIL" over "COUNTY COUNCIL" names one council, not two
    "council": rf"{_COUNCIL_PLACE}\s+(?:(?i:county|city|borough|district|town|parish|community|metropolitan\s+borough|regional|village|municipal)\s+)?"
               rf"(?i:council)\b"
               # Welsh puts the kind first: "Cyngor Cymuned Cwm Arian" (community council), "Cyngor Tref Aberarian"
               rf"|(?i:cyngor)\s+(?:(?i:cymuned|tref|sir|dinas|bwrdeistref\s+sirol)\s+)?{_COUNCIL_PLACE}",
    "district": rf"{_PLACE}\s+(?:(?i:unified|union|elementary|high|community|independent|public|joint)\s+){{0,2}}"
                rf"(?i:school|library|park|water|fire|sanitation|transit|hospital|irrigation|utility|recreation)\s+(?i:district)\b",
    "department": rf"{_PLACE}\s+(?i:department)\s+(?i:of)\s+{_PLACE}",
    "agency": rf"{_PLACE}\s+(?i:corporation|authority|commission|board|trust|agency|foundation)"
              rf"(?:\s+(?i:on|of|for)\s+{_PLACE})?",
    # a service run as a company or society ("Harbourside Libraries IPS", "Quay Leisure Ltd")
    "company": rf"{_PLACE}\s+(?:Ltd|Limited|LLC|Inc|IPS|CIC|plc|PLC)\b\.?",
}
_PATTERNS = {kind: re.compile(pattern) for kind, pattern in _SHAPES.items()}
# A postal line ("Harbourside, California 90210", "Quay Heights, CA 90274", "Harbourside, Manitoba R3B 1B9")
# names the town a meeting is held in, which is often the only way a city's own boards name their city.
_CODE = r"(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)"  # a US ZIP or a Canadian postal code
_POSTAL = re.compile(rf"(?:^|,\s*)(?P<place>{_PLACE}),\s*{_CAP}(?:\s+{_CAP})?\.?,?\s+{_CODE}\b")
_CODE_LINE = re.compile(rf"\s*{_CODE}\s*$")
# Words that open a heading before the name ("AGENDA", "Minutes of the", "Regular Meeting of the")
# and words that are the kind of a body, not its name: "City Council" alone names no organisation.
_LEADING = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "agenda", "minutes", "notice", "dear", "member", "members", "all", "councillor", "councillors", "meeting", "meetings", "regular", "special", "of", "the", "a", "an", "summary",
            "draft", "annual", "adjourned", "and", "joint", "public", "hearing", "amended", "revised", "report", "to", "for",
            # a post signed before its council ("Dana Fox, Chairman Harbourside Parish Council")
            "chair", "chairman", "chairwoman", "chairperson", "vice", "clerk", "mayor", "leader", "secretary", "treasurer"}
_GENERIC = _LEADING | {"city", "county", "council", "town", "village", "borough", "district", "parish", "community",
                       "board", "commission", "committee", "department", "planning", "authority", "trust", "agency",
                       "corporation", "school", "library", "members", "member", "directors", "trustees", "commissioners", "full",
                       "cyngor", "cymuned", "tref", "sir", "dinas"}  # Welsh: council, community, town, county, city
_PARTNER_BEFORE = re.compile(
    r"(?:\b(?:supported|funded|commissioned|provided|run|delivered|hosted|led|chaired|represented|submitted|prepared)\s+by"
    r"|\bwith|\b(?:leader|member|members|officers?|chief executive|representatives?)\s+(?:of|from)|\bfrom|\bto)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PROSE_BEFORE = re.compile(r"\b[a-z]+\s+(?:[a-z]+\s+)?$")  # "... heard that the City of London"
SMALL_WORDS = {"and", "of", "for", "the", "in", "on", "to", "a", "an", "&"}  # lower case inside a name

FEATURES = (
    "municipality", "council", "district", "department", "agency", "company", "first_line", "top", "repeats",
    "whole_line", "line_start", "only_in_sentences", "capitals", "rule_pick", "rank", "words", "the_body", "body_not_council",
    "postal",
)


def _tidy(name: str) -> str | None:
    words = name.split()
    while words and words[0].lower().strip(",.:;") in _LEADING:
        words.pop(0)
    words = [w.strip(",.:;") for w in words]
    if not words or all(w.lower() in _GENERIC for w in words):
        return None
    return " ".join(word_case(w) for w in words)


def word_case(word: str) -> str:
    """A word of a name in capitals as a reader writes it: "HARBOURSIDE" -> "Harbourside", "OF" -> "of";
    a short word stays as it is ("NHS" is an acronym)."""
    if not word.isupper():
        return word
    if word.lower() in SMALL_WORDS:
        return word.lower()
    return word.capitalize() if len(word) > 3 else word


def spellings(lines: list[str]) -> dict[str, str]:
    """How the paper writes its capitalised words when not in capitals ("De", "La"), by lower case."""
    counts: dict[str, dict[str, int]] = {}
    for line in lines:
        for word in re.findall(r"\b[A-Z][a-z][\w'’]*", line):
            forms = counts.setdefault(word.lower(), {})
            forms[word] = forms.get(word, 0) + 1
    return {low: max(forms, key=forms.get) for low, forms in counts.items()}


def as_written(name: str | None, written: dict[str, str]) -> str | None:
    """A name read from a heading in capitals, its short words as the paper writes them elsewhere:
    "DE LA Mer City Council" -> "De La Mer City Council" when the text says "De La Mer"; a short
    word it never writes otherwise stays an acronym ("NHS")."""
    if not name:
        return name
    return " ".join(written.get(word.lower(), word) if word.isupper() and len(word) <= 3 else word for word in name.split())


def candidates(lines: list[str], rule_pick: str | None, body: str | None = None) -> list[Candidate]:
    """Each distinct organisation-shaped name of the opening lines, described where it first appears.

    A name only ever introduced as a partner ("supported by Quayford County Council") is no
    candidate: the paper says itself that someone else publishes it. ``body`` is the meeting's body
    as the header rules read it: a board or committee named as the body belongs to an organisation
    rather than being one, unless it is a council meeting as itself."""
    seen: dict[str, dict] = {}
    order: list[str] = []
    texts = [line.strip()[:MAX_LINE] for line in lines[:HEAD_LINES] if line.strip()]
    # A letterhead breaks a name over lines ("CITY OF" / "CEDAR FALLS HEIGHTS"): a short line is
    # also read with the next.
    joined = [(n, f"{a} {b}", len(a)) for n, (a, b) in enumerate(zip(texts, texts[1:])) if len(a.split()) <= SHORT_LINE_WORDS]
    for number, text, join in [*((n, t, None) for n, t in enumerate(texts)), *joined]:
        for kind, pattern in _PATTERNS.items():
            for match in pattern.finditer(text):
                if join is not None and not match.start() < join < match.end():
                    continue  # read on its own line already
                name = _tidy(match.group())
                if name is None:
                    continue
                name = _recurring(name, texts) if kind == "municipality" else name
                key = _key(name)
                if key not in seen:
                    order.append(key)
                    seen[key] = {"name": name, "kind": kind, "first": number, "count": 0, "whole": False,
                                 "caps": False, "partner": True, "start": False, "sentence": True}
                entry = seen[key]
                entry["partner"] &= bool(_PARTNER_BEFORE.search(text[max(0, match.start() - 40):match.start()]))
                entry["count"] += 1
                entry["whole"] |= len(match.group()) >= 0.8 * len(text)
                entry["caps"] |= match.group().isupper()
                entry["start"] |= match.start() <= 3
                entry["sentence"] &= bool(_PROSE_BEFORE.search(text[:match.start()]))
    _postal_towns(texts, seen, order)
    rule_key, body_key = _key(rule_pick or ""), _key(body or "")
    out = []
    for rank, key in enumerate(k for k in order if not seen[k]["partner"]):
        entry = seen[key]
        the_body = float(key == body_key)
        features = {kind: float(entry["kind"] == kind) for kind in _SHAPES}
        features.update({
            **placement(entry, rank, key, rule_key),
            "the_body": the_body,
            "body_not_council": the_body * float(entry["kind"] != "council"),
            "postal": float(entry.get("postal", False)),
        })
        out.append(Candidate(entry["name"], features))
    return out


def _recurring(name: str, texts: list[str]) -> str:
    """A town's name as the paper repeats it: capitalised words run on after it ("City of Harbourside
    Surveyor, Solicitor ...", "the City of Harbourside Planning Commission") are not part of it when the shorter
    name stands more often than the longer one."""
    words = name.split()
    text = "\n".join(texts)

    def count(n: int) -> int:
        return len(re.findall(r"\b" + r"\s+".join(map(re.escape, words[:n])) + r"\b", text, re.IGNORECASE))

    counts = {n: count(n) for n in range(3, len(words) + 1)}
    return " ".join(words[:max(counts, key=lambda n: (counts[n], n))]) if counts else name


def _postal_towns(texts: list[str], seen: dict[str, dict], order: list[str]) -> None:
    """The town of each postal line, as the municipality "City of <town>", unless the paper names it
    so already. A postal line may wrap before its code ("Quay Heights, CA" / "90274"): a
    line is also read with the next when that one is only the code."""
    for number, text in enumerate(texts):
        following = texts[number + 1] if number + 1 < len(texts) else ""
        for line in (text, f"{text} {following}" if _CODE_LINE.match(following) else ""):
            match = _POSTAL.search(line)
            place = _tidy(match["place"]) if match else None
            if place is None:
                continue
            name = place if _PATTERNS["municipality"].fullmatch(place) else f"City of {place}"
            key = _key(name)
            if key not in seen:
                order.append(key)
                seen[key] = {"name": name, "kind": "municipality", "first": number, "count": 0, "whole": False,
                             "caps": False, "partner": False, "start": False, "sentence": False}
            seen[key]["postal"] = True
            seen[key]["count"] += 1
            break


def choose(found: list[Candidate], rule_pick: str | None) -> str | None:
    """The best-supported candidate when it is likely enough, else the letterhead rules' pick (with
    the fit's papers held out by body, the two together are right more often than either alone and
    no more often wrong: see the weights' "body_held_out")."""
    return _choose(found, rule_pick, WEIGHTS)
