"""How a resolution disposed of a report's recommendations: agreed, amended, noted, deferred or
rejected, with the reasons a reader can check.

A phrase only counts when the recommendation itself does not already say it ("subject to
funding" in both is the recommendation agreed as written, not an amendment).
"""

from __future__ import annotations

import re

from minutebook.vocabulary import Decision

from minutebook.search.decisions.link_text import item_label, note_only, parts, same_words, similarity

_REJECTED = re.compile(
    r"\bnot\s+(?:be\s+)?(?:agreed|approved|adopted|accepted|supported|endorsed|agree|approve|adopt|accept|support|endorse)\b"
    r"|\b(?:refused|rejected|declined\s+to\s+(?:approve|agree|adopt|accept))\b"
    r"|\b(?:motion|recommendations?|proposals?)\s+(?:was\s+|were\s+)?(?:lost|defeated|fell|failed)\b",
    re.IGNORECASE,
)
_DEFERRED = re.compile(
    r"\b(?:defer(?:red|s)?|adjourn(?:ed|s)?|postpone(?:d|s)?|held\s+over|withdrawn)\b"
    r"|\b(?:to|until|at)\s+(?:a|the|its)\s+(?:later|future|next|subsequent)\s+(?:\w+\s+)?meeting\b",
    re.IGNORECASE,
)
_AMENDED = re.compile(
    r"\bas\s+amended\b|\bsubject\s+to\b|\bwith\s+the\s+(?:following\s+)?(?:amendments?|additions?|changes?|deletion)\b"
    r"|\bamended\s+(?:to\s+read|as\s+follows|by)\b|\bfollowing\s+amendments?\b|\badditional\s+recommendation"
    r"|\b(?:except|save)\s+(?:that|for)\b|\bwith\s+(?:an\s+)?amendment",
    re.IGNORECASE,
)
_ALL_RECOMMENDATIONS = re.compile(
    r"\brecommendations?\s+(?:(?:as\s+)?set\s+out|contained|in\s+the\s+report|at\s+paragraph|of\s+the\s+report|be\s+(?:agreed|approved|adopted))"
    r"|\b(?:approve[sd]?|agree[sd]?|adopt(?:ed|s)?|endorse[sd]?|accept(?:ed|s)?)\s+the\s+(?:report'?s\s+)?recommendations\b",
    re.IGNORECASE,
)
_LOST = ("lost", "failed", "defeated", "fell", "rejected", "refused", "denied")
SAME_ITEM = 70  # an item of the resolution is this recommendation item (possibly reworded)
SAME_WORDING = 90  # ... in the same words


def _new(pattern: re.Pattern, resolution: str, recommendation: str) -> re.Match | None:
    match = pattern.search(resolution)
    if match and not pattern.search(recommendation):
        return match
    return None


def _resolution_body(resolution: Decision) -> str:
    """The resolution without the minute's narrative before its decision verb."""
    return re.sub(r"^.*?\b(?:RESOLVED|AGREED|DECIDED)\b", "", resolution.text, count=1) or resolution.text


def classify(recommendation: Decision, resolution: Decision) -> tuple[str, list[str]]:
    """(outcome, reasons) for ``recommendation`` as disposed of by ``resolution``."""
    rec_text, res_text = recommendation.text, _resolution_body(resolution)
    outcome = str(resolution.details.get("outcome", "")).lower()
    if outcome in _LOST:
        return "rejected", [f"the motion was {outcome}"]
    if match := _new(_REJECTED, res_text, rec_text):
        kept = [item for item in resolution.items if not _REJECTED.search(item)]
        if kept:  # "(iii) that the contract not be awarded": the rest was agreed
            return "amended", [f"the resolution says \"{match.group(0)}\" of part of the recommendations"]
        return "rejected", [f"the resolution says \"{match.group(0)}\""]
    rec_parts = parts(recommendation)
    res_parts = parts(resolution) if resolution.items else [res_text.strip(" :-–") or resolution.text]
    pairs = _pair_items(rec_parts, res_parts)
    if match := _new(_DEFERRED, res_text, rec_text):
        if not any(score >= SAME_WORDING for _, _, score in pairs):
            return "deferred", [f"the resolution says \"{match.group(0)}\""]
    noted = outcome == "noted" or all(note_only(part) for part in res_parts)
    if noted and not _ALL_RECOMMENDATIONS.search(res_text):
        return "noted", ["the resolution only notes"]
    if match := _new(_AMENDED, res_text, rec_text):
        return "amended", [f"the resolution says \"{match.group(0)}\""]
    if _ALL_RECOMMENDATIONS.search(res_text) and not resolution.items:
        return "agreed", ["the resolution adopts the recommendations"]
    return _compare_items(rec_parts, res_parts, pairs)


def _pair_items(rec_parts: list[str], res_parts: list[str]) -> list[tuple[int, int, int]]:
    """(recommendation item, best resolution item, similarity) for each recommendation item."""
    out = []
    for i, rec in enumerate(rec_parts):
        scores = [(similarity(rec, res), j) for j, res in enumerate(res_parts)]
        best, j = max(scores) if scores else (0, -1)
        out.append((i, j, best))
    return out


def _compare_items(rec_parts: list[str], res_parts: list[str], pairs: list[tuple[int, int, int]]) -> tuple[str, list[str]]:
    reasons: list[str] = []
    single = len(rec_parts) == 1 and len(res_parts) == 1
    if single:
        return "agreed", ["the resolution decides the recommendation"]
    missing = [i for i, _, score in pairs if score < SAME_ITEM]
    reworded = [(i, j) for i, j, score in pairs if score >= SAME_ITEM and same_words(rec_parts[i], res_parts[j]) < SAME_WORDING]
    matched = {j for _, j, score in pairs if score >= SAME_ITEM}
    extra = [j for j in range(len(res_parts)) if j not in matched
             and max((similarity(res_parts[j], rec) for rec in rec_parts), default=0) < SAME_ITEM]
    if len(rec_parts) > 1 and len(res_parts) == 1:
        # one sentence for a list: "RESOLVED that the recommendations be approved" or a summary
        return "agreed", ["the resolution decides the recommendations in one"]
    for i in missing:
        reasons.append(f"recommendation {item_label(i)} is not in the resolution")
    for i, j in reworded:
        reasons.append(f"recommendation {item_label(i)} reworded in item {item_label(j)}")
    for j in extra:
        reasons.append(f"the resolution adds item {item_label(j)}")
    if reasons:
        return "amended", reasons
    return "agreed", ["every recommendation is in the resolution as written"]
