"""The evaluation's judges: when an extracted decision row finds a labelled one (eval/score_wide.py),
which questions ask the same fact (eval/distinct_facts.py), how every set's results are pooled
and compared between runs (eval/run_sets.py), how a fresh set is readied for its first run
(eval/first_run.py), and the naive page search the right-page measure is set beside
(eval/right_page.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from minutebook.search import evaluate

from . import paperkit


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent.parent / "eval" / f"{name}.py")
    module = sys.modules.setdefault(name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


score_wide = _script("score_wide")
distinct_facts = _script("distinct_facts")
run_sets = _script("run_sets")
label_agreement = _script("label_agreement")
score_invented = _script("score_invented")
first_run = _script("first_run")
sentence_pairs = _script("sentence_pairs")


@pytest.mark.parametrize("row, snippet, how", [
    # the labelled words stand in the row, as written or as OCR misread them
    ("RESOLVED that the Quay Hall lease be renewed for five years.", "the Quay Hall lease be renewed", "whole"),
    ("RESOLVED that the Quay Hal1 lease be renewed for five years.", "the Quay Hall lease be renewed", "whole"),
    # the label quoted the line before the decision too: the row is most of it
    ("DF to write to the harbour master.", "Sunday 4th May. DF to write to the harbour master.", "part"),
    # a row of a few generic words stands in many labels' snippets and is none of them
    ("Note and file.", "Annual report of the Harbourside ferry service for 2024. Recommendation: Note and file.", None),
    ("Approve the minutes.", "the Quay Hall lease be renewed", None),
    # the label quoted the caption the recommendation stands under, which the row leaves off
    ("Ratify commercial warrants numbered 24-118 through 24-119 in the amount of $4,218.",
     "Recommended Action: Ratify commercial warrants numbered 24-118 through", "whole"),
    # but a caption's words alone find nothing
    ("Ratify commercial warrants numbered 24-118.", "Recommended Action: Approve the quay hall lease renewal", None),
])
def test_a_row_finds_a_label_only_when_it_holds_the_label_or_most_of_it(row, snippet, how):
    assert score_wide.holds(row, snippet) == how


@pytest.mark.parametrize("one, other, same", [
    # one reader quotes more of the sentence than the other: the same decision, either way round
    ("the Clerk write to the harbour trust", "It was agreed that the Clerk write to the harbour trust about the wall.", True),
    ("It was agreed that the Clerk write to the harbour trust about the wall.", "the Clerk write to the harbour trust", True),
    ("The accounts were approved.", "The minutes of the last meeting were approved.", False),
])
def test_two_readers_quote_the_same_decision_when_either_snippet_holds_the_other(one, other, same):
    assert label_agreement.same_decision(one, other) is same


def test_the_second_reading_covers_labelled_papers_with_the_labels_kinds():
    second = json.loads(label_agreement.SECOND.read_text())["papers"]
    split = json.loads(score_wide.SPLIT.read_text())
    assert {f.split("/")[0] in split["blind"] for f in second} == {True, False}  # both splits are read twice
    for file, decisions in second.items():
        labelled = json.loads((score_wide.LABELS / f"{file.split('/')[0]}.json").read_text())["papers"]
        assert any(p["file"] == file for p in labelled), file
        assert decisions and all(d["kind"] in score_wide.KINDS and d["snippet"].strip() for d in decisions)


def test_the_invented_papers_labels_quote_their_papers():
    labels = json.loads((score_invented.INVENTED / "labels.json").read_text())["papers"]
    assert len(labels) == 186
    for name, decisions in labels.items():
        text = " ".join((score_invented.INVENTED / name).read_text().split())
        assert decisions and all(d["kind"] in score_wide.KINDS for d in decisions)
        assert all(" ".join(d["snippet"].split()) in text for d in decisions), name


def test_questions_on_one_page_sharing_a_key_fact_are_one_fact():
    results = [
        ("quay/agenda.pdf", 2, ["October 24", "5:30 PM"], True),
        ("quay/agenda.pdf", 2, ["october 24"], False),  # the same hearing date, asked again
        ("quay/agenda.pdf", 2, ["Dana Fox"], True),  # the same page, another fact
        ("quay/minutes.pdf", 2, ["October 24"], True),  # the same words in another paper
    ]
    assert distinct_facts.group_facts(results) == [[True, False], [True], [True]]


def _record(qid, answerable=True, rank=None, found=True, facts=1.0, cited=True, answer="..."):
    return {"set": "quay.json", "group": "blind", "id": qid, "answerable": answerable, "rank": rank,
            "found": found, "facts": facts, "cited": cited, "answer": answer}


def test_pooled_figures_weigh_each_question_once_and_keep_refusals_apart():
    records = [_record("q1", rank=1), _record("q2", rank=7, facts=0.5, cited=False),
               _record("q3", found=False, facts=0.0, cited=False),
               _record("q4", answerable=False, found=False), _record("q5", answerable=False, found=True)]
    figures = run_sets.figures(records)
    assert figures["recall@5"] == round(1 / 3, 3)
    assert figures["mrr@10"] == round((1 + 1 / 7) / 3, 3)
    assert figures["key_facts"] == 0.5 and figures["cited"] == round(1 / 3, 3)
    assert figures["answerable_refused"] == round(1 / 3, 3) and figures["unanswerable_refused"] == 0.5
    unsearched = [{k: v for k, v in r.items() if k != "rank"} for r in records]  # a chat-only run
    assert run_sets.figures(unsearched)["recall@5"] is None and run_sets.figures(unsearched)["key_facts"] == 0.5


def test_the_trade_counts_right_answers_refusals_and_near_misses_answered_per_group():
    records = [_record("q1"), _record("q2", facts=0.5), _record("q3", found=False, facts=0.0, cited=False),
               _record("q4", answerable=False, found=False), _record("q5", answerable=False, found=True)]
    header, row = run_sets.trade(records).splitlines()
    assert row.split() == ["blind", "1", "1", "1", "2", str(1 - run_sets.UNSUPPORTED_COST)]
    assert run_sets.trade([{k: v for k, v in r.items() if k != "found"} for r in records]).splitlines() == [header]


def test_comparing_two_runs_names_the_answers_gained_and_lost():
    old = [_record("q1", facts=0.5, answer="The lease runs to 2030."), _record("q2", answer="Dana Fox."),
           _record("q3", answerable=False, found=False, answer="Not found in the papers.")]
    new = [_record("q1", answer="The lease runs to 2030 at a rent of 1,200."), _record("q2", found=False, answer="Not found in the papers."),
           _record("q3", answerable=False, found=False, answer="Not found in the papers.")]
    changes = run_sets.compare(old, new)
    assert "chat GAINED blind quay.json q1" in changes and "chat LOST blind quay.json q2" in changes
    assert "q3" not in changes
    assert run_sets.compare(old, old) == "  nothing changed"


def test_a_long_snippet_is_cut_to_the_shortest_run_holding_its_answer():
    snippet = ("At its meeting the Quay Hall committee heard from residents about parking and, after a long "
               "discussion of the options, agreed that the car park would close at 10pm from 1 May 2025.")
    short = first_run.trimmed(snippet, ["10pm", "1 May 2025"])
    assert len(short.split()) == first_run.TRIM_WORDS
    assert "10pm" in short and "1 May 2025." in short and short in snippet
    # a short snippet, and one whose keywords it does not hold, are kept as written
    assert first_run.trimmed("the car park closes at 10pm", ["10pm"]) == "the car park closes at 10pm"
    assert first_run.trimmed(snippet, ["midnight"]) == snippet


def test_a_fresh_set_counts_the_questions_whose_passage_an_earlier_set_asked_about(tmp_path):
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps([{"id": "p001", "evidence": [{"snippet": "the Quay Hall lease be renewed for five years"}]}]))
    fresh = tmp_path / "fresh.json"
    fresh.write_text(json.dumps([
        {"id": "p001", "evidence": [{"snippet": "RESOLVED that the Quay Hall lease be renewed for ten years"}]},
        {"id": "p002", "evidence": [{"snippet": "Dana Fox will write to the harbour master"}]},
        {"id": "p003", "evidence": []},  # unanswerable: not counted
    ]))
    assert first_run.sharing(fresh, [earlier]) == (1, 2)


def test_a_set_is_never_its_own_earlier_set():
    for path in [*sorted(first_run.EVAL.glob("wide/questions-*.json"))[:1], *sorted(first_run.EVAL.glob("fresh/questions-wide-*.json"))[:1]]:
        earlier = first_run.earlier_sets(path, "wide")
        assert earlier and path.resolve() not in {p.resolve() for p in earlier}


right_page = _script("right_page")


def test_a_page_is_cut_into_overlapping_windows_of_words():
    text = " ".join(f"w{n}" for n in range(230))
    cut = right_page.windows(text)
    assert [len(w.split()) for w in cut] == [right_page.WINDOW] * 3
    assert cut[1].split()[0] == f"w{right_page.STRIDE}"
    assert right_page.windows("a short page") == ["a short page"] and right_page.windows("  ") == []


def test_the_naive_search_ranks_the_page_that_says_it_first(tmp_path, embedder):
    paperkit.write_pdf(tmp_path / "minutes.pdf", [
        "Apologies were received from Councillor Dana Fox. The minutes of the last meeting were approved.",
        "The harbour ferry timetable will change in May: the first sailing leaves Quayford at 6.40am.",
        "Allotment rents will rise by five pounds a plot from next April, the clerk reported.",
    ])
    pages = right_page.NaivePages(tmp_path, embedder.encode)
    assert [p.number for p in pages.pages] == [1, 2, 3]
    question = embedder.encode(["When does the first ferry sail from Quayford?"])[0]
    assert pages.top(question, k=1) == [right_page.Page("minutes.pdf", 2)]
    passage = SimpleNamespace(source="/data/council/minutes.pdf", page=1, last_page=3)
    assert evaluate.on_evidence_page(passage, evaluate.Evidence("minutes.pdf", "", 2))
    assert not evaluate.on_evidence_page(passage, evaluate.Evidence("minutes.pdf", "", 4))


@pytest.mark.parametrize("snippet, section, text, held", [
    # a text layer that runs each line's words together is the same words as the passage
    ("LauraFox(Incumbent)B.JoeQuayle", None, "A. Laura Fox (Incumbent)\nB. Joe Quayle", True),
    ("Laura Fox Joe Quayle", None, "A. Laura Fox (Incumbent)\nB. Joe Quayle", False),
    # a table row's cells, as the page reads them, with the column names the passage adds left out
    ("Fidelity guarantee appropriately set Annual review Indemnity limit £50,000", None,
     "Ref.: 2.1 | Topic: Assets | Management of Risk: Fidelity guarantee appropriately set | "
     "Action: Annual review | Notes: Indemnity limit £50,000", True),
    ("Fidelity guarantee appropriately set Annual review Indemnity limit £60,000", None,
     "Ref.: 2.1 | Topic: Assets | Management of Risk: Fidelity guarantee appropriately set | "
     "Action: Annual review | Notes: Indemnity limit £50,000", False),
    # a colon in running text is no cell: its words stay
    ("Recommendation Approve the harbour lease", "7. Harbour lease", "Recommendation: Approve the harbour lease.", True),
    ("Approve the harbour lease", "7. Harbour lease", "Recommendation: Approve the harbour lease.", True),
    ("Harbour lease Approve the minutes", "7. Harbour lease", "Recommendation: Approve the harbour lease.", False),
])
def test_a_passage_holds_a_snippet_whatever_its_spaces_and_table_cells_names(snippet, section, text, held):
    assert evaluate.holds(snippet, section, text) is held


def test_a_candidate_sentence_is_right_when_it_gives_every_key_fact_or_one_in_the_evidence():
    question = evaluate.Question(
        id="q1", question="Who will write to the harbour master, and by when?", category="commitment",
        evidence=(evaluate.Evidence("quay/minutes.pdf", "Dana Fox to write to the harbour master by 4 May", 2),),
        answer_keywords=("Dana Fox", "4 May"))
    source = "/papers/quay/minutes.pdf"
    assert sentence_pairs.right("Dana Fox agreed to write to the harbour master by 4 May.", "/papers/other.pdf", question)
    # one key fact, in the evidence's paper, with most of the snippet's words
    assert sentence_pairs.right("Dana Fox to write to the harbour master by the next meeting.", source, question)
    # one key fact, but another paper, or words the snippet does not hold
    assert not sentence_pairs.right("Dana Fox to write to the harbour master by the next meeting.", "/papers/other.pdf", question)
    assert not sentence_pairs.right("Dana Fox chaired the meeting.", source, question)
    unanswerable = evaluate.Question(id="q2", question="Who chairs the ferry board?", category="unanswerable",
                                     evidence=(), answer_keywords=())
    assert not sentence_pairs.right("Dana Fox chairs the ferry board.", source, unanswerable)


def test_minutes_set_as_a_table_keep_each_item_in_its_row_with_its_owner_apart():
    page = score_invented.as_table("Quayford Parish Council\nMinutes of 4 May 2025\n\n1. Apologies\nNone.\n"
                                   "24/041 Harbour path\nThe clerk to write to the county. Action: Clerk\n")
    assert page.index("<p>Quayford Parish Council</p>") < page.index("<table>")
    assert ('<tr><td class="n">24/041</td><td><p>Harbour path</p><p>The clerk to write to the county.</p></td>'
            '<td class="a">Clerk</td></tr>') in page
    assert '<tr><td class="n">1.</td><td><p>Apologies</p><p>None.</p></td><td class="a"></td></tr>' in page
