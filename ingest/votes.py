"""How a recorded vote's counts are written: "For (14)", "Against (2)", "Abstain (0)".

Resolutions read the counts; sections know a line that is only a count (over the names that voted
so) is no heading.
"""

from __future__ import annotations

import re

_ABSTAINED = r"abstain(?:ed|ing|ions?)?"
FOR = re.compile(r"\bfor\s*\((\d+)\)", re.IGNORECASE)
AGAINST = re.compile(r"\bagainst\s*\((\d+)\)", re.IGNORECASE)
ABSTAIN = re.compile(rf"\b{_ABSTAINED}\s*\((\d+)\)", re.IGNORECASE)
COUNT_LINE = re.compile(rf"^(?:for|against|{_ABSTAINED}|abstentions?)\s*\(\d+\)$", re.IGNORECASE)
