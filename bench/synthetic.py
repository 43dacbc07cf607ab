"""A seeded synthetic corpus: N x the sample, built from the real papers' structure with varied text.

Each synthetic paper is a real paper from ``corpus/`` line for line: headings, agenda items, numbered
paragraphs, tables (tabs) and blank lines stay where they were, so the parser meets the same
structure. In body lines a share of the lower-case words is swapped for other words of the corpus
vocabulary; numbers, names, dates and "Label:" prefixes stay, so item numbers and meeting dates
still parse. Every passage is new text (nothing comes from the embedding cache and no paper is
taken for a republished copy of another), with the sample's vocabulary and passage lengths. The same seed always gives the same bytes.

    python bench/synthetic.py OUT_DIR --scale 10 [--corpus corpus] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^A-Za-z\d]+")
_HEADING = re.compile(r"^\s*(#|agenda item|item \d|\d+(\.\d+)*\.?\s+[A-Z][^.]{0,80}$|[A-Z][A-Z ,&'-]{3,}$)", re.I)
_LABEL = re.compile(r"^[^:\n]{1,40}:")
# Words swapped per body line: high enough that no two passages are alike.
SWAP = 0.35


def sample_papers(corpus: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]


def vocabulary(papers: list[tuple[str, str]]) -> list[str]:
    words = {w for _, text in papers for w in re.findall(r"\b[a-z]{4,}\b", text)}
    return sorted(words)


def vary_line(line: str, rng: random.Random, words: list[str]) -> str:
    if not line.strip() or _HEADING.match(line):
        return line  # structure the parser reads (headings, item labels) stays as it was
    label = _LABEL.match(line)  # "Date of meeting:", "Report by:" ... are metadata the parser reads
    head, line = (line[: label.end()], line[label.end() :]) if label else ("", line)
    out = [head]
    for token in _TOKEN.findall(line):
        if token.isalpha() and token.islower() and len(token) >= 4 and rng.random() < SWAP:
            out.append(rng.choice(words))
        else:
            out.append(token)
    return "".join(out)


def generate(out: Path, scale: int, corpus: Path = Path("corpus"), seed: int = 0) -> list[Path]:
    """Write ``scale`` varied copies of every sample paper into ``out``; returns the files."""
    papers = sample_papers(corpus)
    words = vocabulary(papers)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(scale):
        for name, text in papers:
            rng = random.Random(f"{seed}:{copy}:{name}")
            path = out / f"{copy:04d}_{name}"
            if copy == 0:
                varied = text  # copy 0 is the sample itself, so 1x is the real corpus
            else:
                varied = "\n".join(vary_line(line, rng, words) for line in text.split("\n"))
            if not path.exists() or path.read_text(encoding="utf-8") != varied:
                path.write_text(varied, encoding="utf-8")
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    files = generate(args.out, args.scale, args.corpus, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
