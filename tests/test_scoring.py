"""The decision judge of eval/score_wide.py: when an extracted row counts as finding a labelled one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("score_wide", Path(__file__).resolve().parent.parent / "eval" / "score_wide.py")
score_wide = sys.modules.setdefault("score_wide", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(score_wide)


@pytest.mark.parametrize("row, snippet, how", [
    # the labelled words stand in the row, as written or as OCR misread them
    ("RESOLVED that the Quay Hall lease be renewed for five years.", "the Quay Hall lease be renewed", "whole"),
    ("RESOLVED that the Quay Hal1 lease be renewed for five years.", "the Quay Hall lease be renewed", "whole"),
    # the label quoted the line before the decision too: the row is most of it
    ("DF to write to the harbour master.", "Sunday 4th May. DF to write to the harbour master.", "part"),
    # a row of a few generic words stands in many labels' snippets and is none of them
    ("Note and file.", "Annual report of the Harbourside ferry service for 2024. Recommendation: Note and file.", None),
    ("Approve the minutes.", "the Quay Hall lease be renewed", None),
])
def test_a_row_finds_a_label_only_when_it_holds_the_label_or_most_of_it(row, snippet, how):
    assert score_wide.holds(row, snippet) == how
