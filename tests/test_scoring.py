"""The evaluation's judges: when an extracted decision row finds a labelled one (eval/score_wide.py),
and which questions ask the same fact (eval/distinct_facts.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent.parent / "eval" / f"{name}.py")
    module = sys.modules.setdefault(name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


score_wide = _script("score_wide")
distinct_facts = _script("distinct_facts")


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


def test_questions_on_one_page_sharing_a_key_fact_are_one_fact():
    results = [
        ("quay/agenda.pdf", 2, ["October 24", "5:30 PM"], True),
        ("quay/agenda.pdf", 2, ["october 24"], False),  # the same hearing date, asked again
        ("quay/agenda.pdf", 2, ["Dana Fox"], True),  # the same page, another fact
        ("quay/minutes.pdf", 2, ["October 24"], True),  # the same words in another paper
    ]
    assert distinct_facts.group_facts(results) == [[True, False], [True], [True]]
