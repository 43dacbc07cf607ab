"""Score paper metadata and decisions against the labels of ../shared/papers-wide, per body.

    python eval/score_wide.py [--papers DIR] [--split dev|blind|earlier|built-on|all] [--show] [--json]

The labels (eval/wide/labels/<body folder>.json) were written by reading the papers alone; the
split (eval/wide/split.json) holds a third of the bodies out as a blind part that nothing is tuned
on. The "earlier" part is the US papers of ../shared/papers (eval/earlier/labels/<folder>.json,
labelled the same way), development papers whose decisions no rule was fitted on before they were
labelled; the "built-on" part is its UK papers (a county council's and a library service's, labels
marked "part": "built-on"), the papers the decision rules were first written on, labelled the same
way later. For each paper the first document parsed from its file is compared with the label:

  * meeting date: right, wrong or empty (a wrong date is counted apart: empty is better than wrong);
  * body and organisation: right when the two names share their words (rapidfuzz token_set_ratio
    >= 90 after case and punctuation are dropped), e.g. "Planning Commission" and "City of Duarte
    Planning Commission"; organisation is scored only where the paper names one;
  * type: the same document type.

A labelled decision is found when a row of the same kind, anywhere in the file, holds its snippet
(case-, whitespace- and punctuation-insensitively; rapidfuzz partial_ratio >= 90 for scanned text),
or stands in the snippet as at least half of it (each such row finds one label: see ``holds``).
Precision is the share of extracted rows of the labelled kinds (resolution, recommendation, action)
that hold some labelled decision of their kind. Papers whose text layer is missing or garbled are
scored too and also shown apart ("readable" figures leave them out); pages without a text layer are
read by OCR as ingest reads them (MINUTEBOOK_OCR).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutebook.ingest.collection import fill_organisations  # noqa: E402
from minutebook.ingest.ocr import Ocr  # noqa: E402
from minutebook.ingest.read import UnreadableFile, file_hash, read_pages  # noqa: E402
from minutebook.settings import load_settings  # noqa: E402
from minutebook.ingest.structure import build_documents  # noqa: E402

LABELS = ROOT / "eval" / "wide" / "labels"
EARLIER_LABELS = ROOT / "eval" / "earlier" / "labels"  # papers of ../shared/papers, beside --papers
SPLIT = ROOT / "eval" / "wide" / "split.json"
PAPERS = ROOT.parent / "shared" / "papers-wide"
KINDS = ("resolution", "recommendation", "action")
NAME_MATCH = 90
SNIPPET_MATCH = 90
UNREADABLE = {"none", "garbled"}
OCR = Ocr.from_settings(load_settings())  # scanned pages are read as ingest reads them


def words(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def same_name(predicted: str | None, label: str | None) -> bool:
    if not predicted or not label:
        return False
    return fuzz.token_set_ratio(words(predicted), words(label)) >= NAME_MATCH


def holds(text: str, snippet: str) -> str | None:
    """How a row's text holds a labelled snippet: "whole" when the snippet stands in it (fuzzily, for
    scanned text), "part" when the row stands in the snippet and is at least half of it (the label
    quoted a line before the decision too: "... 4th May. DF to write to the harbour master"), else
    None. A shorter row would be found in every snippet that ends with its words ("Note and file.")."""
    want, have = words(snippet), words(text)
    if not want or not have:
        return None
    if want in have or (len(have) >= len(want) and fuzz.partial_ratio(want, have) >= SNIPPET_MATCH):
        return "whole"
    label, colon, said = snippet.partition(":")
    if colon and len(words(label).split()) <= 4 and len(words(said).split()) >= 5 and words(said) in have:
        return "whole"  # the labeller quoted the label the decision stands under ("Recommended Action: Ratify ...")
    if len(have.split()) * 2 >= len(want.split()) and (have in want or fuzz.partial_ratio(have, want) >= SNIPPET_MATCH):
        return "part"
    return None


def finders(rows: list, labels: list[dict]) -> list[list[int]]:
    """For each labelled decision, the rows of its kind that find it: those holding its snippet whole,
    else one row standing in it as most of it (each such row finds one label)."""
    parts: set[int] = set()
    found = []
    for gold in labels:
        held = {i: holds(d.text, gold["snippet"]) for i, d in enumerate(rows) if d.kind == gold["kind"]}
        hits = [i for i, how in held.items() if how == "whole"]
        if not hits:
            hits = [i for i, how in held.items() if how == "part" and i not in parts][:1]
            parts.update(hits)
        found.append(hits)
    return found


def parse(path: Path) -> list:
    """A file's documents as ingest parses them (scanned pages read by OCR); none when unreadable."""
    try:
        return build_documents(list(read_pages(path, OCR)), file_hash(path), 1200)
    except UnreadableFile:
        return []


def decision_rows(documents: list) -> list:
    """The rows of the labelled kinds the documents hold, in order."""
    return [d for p in documents for d in p.decisions if d.kind in KINDS]


@dataclass
class PaperScore:
    file: str
    folder: str
    readable: bool
    date: str  # right | wrong | empty | n/a (label has no date and none was given)
    body: bool
    type: bool
    organisation: bool | None  # None: the paper names no organisation
    got: dict = field(default_factory=dict)
    want: dict = field(default_factory=dict)
    decisions: int = 0
    found: int = 0
    page_right: int = 0
    predicted: int = 0
    predicted_right: int = 0
    misses: list = field(default_factory=list)
    extra: list = field(default_factory=list)


def score_paper(folder: str, label: dict, parsed: list) -> PaperScore:
    front = parsed[0].document if parsed else None
    got = {k: getattr(front, k, None) for k in ("meeting_date", "body", "organisation", "type")}
    got["papers_held"] = len(parsed)
    want_date = label.get("meeting_date")
    if got["meeting_date"] is None:
        date = "n/a" if want_date is None else "empty"
    else:
        date = "right" if got["meeting_date"] == want_date else "wrong"
    body_right = same_name(got["body"], label.get("body")) if label.get("body") else got["body"] is None
    organisation = same_name(got["organisation"], label["organisation"]) if label.get("organisation") else None
    result = PaperScore(
        file=label["file"], folder=folder, readable=label.get("text_layer", "ok") not in UNREADABLE,
        date=date, body=body_right, type=got["type"] == label.get("type"), organisation=organisation,
        got=got, want={k: label.get(k) for k in ("meeting_date", "body", "organisation", "type", "papers_held")},
    )
    rows = decision_rows(parsed)
    found = finders(rows, label.get("decisions", []))
    matched_rows = {i for hits in found for i in hits}
    for gold, hits in zip(label.get("decisions", []), found):
        result.decisions += 1
        if hits:
            result.found += 1
            result.page_right += any(rows[i].page == gold.get("page") for i in hits)
        else:
            result.misses.append(f"{gold['kind']} p{gold.get('page')}: {gold['snippet']}")
    result.predicted = len(rows)
    result.predicted_right = len(matched_rows)
    result.extra = [f"{rows[i].kind} p{rows[i].page}: {rows[i].text[:120]}" for i in range(len(rows)) if i not in matched_rows]
    return result


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "-"


def summarise(scores: list[PaperScore]) -> dict:
    dated = [s for s in scores if s.date != "n/a" or s.want["meeting_date"] is not None]
    named = [s for s in scores if s.organisation is not None]
    return {
        "bodies": len({s.folder for s in scores}),
        "papers": len(scores),
        "date_right": sum(s.date in ("right", "n/a") for s in scores), "date_wrong": sum(s.date == "wrong" for s in scores),
        "date_of": len(scores), "dated": len(dated),
        "body_right": sum(s.body for s in scores), "type_right": sum(s.type for s in scores),
        "org_right": sum(bool(s.organisation) for s in named), "org_of": len(named),
        "decisions": sum(s.decisions for s in scores), "found": sum(s.found for s in scores),
        "page_right": sum(s.page_right for s in scores),
        "predicted": sum(s.predicted for s in scores), "predicted_right": sum(s.predicted_right for s in scores),
    }


def per_body_found(bodies: dict[str, dict]) -> tuple[float, int]:
    """(mean share of labelled decisions found, bodies counted): one body with hundreds of labelled
    agenda items weighs as much as a parish council with a dozen."""
    shares = [t["found"] / t["decisions"] for t in bodies.values() if t["decisions"]]
    return (sum(shares) / len(shares) if shares else 0.0), len(shares)


def table_line(name: str, t: dict) -> str:
    return (f"{name:42s} {t['papers']:3d}  {_ratio(t['date_right'], t['date_of']):14s} {_ratio(t['date_wrong'], t['date_of']):14s} "
            f"{_ratio(t['body_right'], t['papers']):14s} {_ratio(t['type_right'], t['papers']):14s} {_ratio(t['org_right'], t['org_of']):14s} "
            f"{_ratio(t['found'], t['decisions']):15s} {_ratio(t['predicted_right'], t['predicted']):15s}")


HEADER = (f"{'body':42s} {'pp':>3s}  {'date right':14s} {'date wrong':14s} {'body right':14s} {'type right':14s} "
          f"{'org right':14s} {'decisions found':15s} {'precision':15s}")


def papers_ready(papers: Path) -> bool:
    """Whether the papers folder is there (else says so); pypdf's warnings on damaged files are quietened."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not papers.is_dir():
        print(f"no papers folder at {papers}", file=sys.stderr)
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=PAPERS, help="the papers-wide folder (default ../shared/papers-wide)")
    parser.add_argument("--split", choices=("dev", "blind", "earlier", "built-on", "all"), default="all", help="which bodies to score")
    parser.add_argument("--show", action="store_true", help="list each paper's fields and its missed and extra decisions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not papers_ready(args.papers):
        return 3
    split = json.loads(SPLIT.read_text())
    blind = set(split["blind"])
    by_split: dict[str, list[PaperScore]] = defaultdict(list)
    label_files = [(f, args.papers) for f in sorted(LABELS.glob("*.json"))]
    label_files += [(f, args.papers.parent / "papers") for f in sorted(EARLIER_LABELS.glob("*.json"))]
    for label_file, papers in label_files:
        labels = json.loads(label_file.read_text())
        if label_file.parent == EARLIER_LABELS:
            part = labels.get("part", "earlier")
        else:
            part = "blind" if labels["folder"] in blind else "dev"
        if args.split not in ("all", part):
            continue
        parsed = {paper["file"]: parse(papers / paper["file"]) for paper in labels["papers"]}
        fill_organisations([p.document for documents in parsed.values() for p in documents])  # as ingest does over a folder
        for paper in labels["papers"]:
            by_split[part].append(score_paper(labels["folder"], paper, parsed[paper["file"]]))
    report = {}
    for part in ("dev", "blind", "earlier", "built-on"):
        scores = by_split.get(part, [])
        if not scores:
            continue
        folders = sorted({s.folder for s in scores})
        bodies = {f: summarise([s for s in scores if s.folder == f]) for f in folders}
        report[part] = {
            "all": summarise(scores),
            "found_per_body": per_body_found(bodies),
            "readable": summarise([s for s in scores if s.readable]),
            "bodies": bodies,
            "papers": [asdict(s) for s in scores] if args.show else None,
        }
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    for part, r in report.items():
        print(f"\n== {part} split: {r['all']['bodies']} bodies ==")
        print(HEADER)
        for folder, t in r["bodies"].items():
            print(table_line(folder, t))
        print(table_line(f"ALL {part}", r["all"]))
        print(table_line(f"ALL {part}, readable text only", r["readable"]))
        mean, counted = r["found_per_body"]
        if counted:
            print(f"decisions found, each body weighed alike: {mean:.2f} (mean over the {counted} bodies with labelled decisions)")
        if args.show:
            for s in by_split[part]:
                print(f"\n{s.file}: date {s.date} body {s.body} type {s.type} org {s.organisation}\n  got  {s.got}\n  want {s.want}")
                for miss in s.misses:
                    print(f"  MISS  {miss}")
                for extra in s.extra:
                    print(f"  EXTRA {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
