"""Optional rewriting of an extractive answer by an OpenAI-compatible chat endpoint.

Off unless ``MINUTEBOOK_LLM_URL`` is set. The model sees only the cited passages; every sentence
it returns must carry a marker [n] to a passage that supports it (most of its words are in that
passage), else the sentence is dropped. If nothing supported is left, or the endpoint fails, the
extractive answer stands.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from minutebook.ingest.chunk import split_sentences

from minutebook.search.ranking.retrieve import query_terms

log = logging.getLogger(__name__)
SUPPORT = 0.6  # share of a sentence's words that must be in the passage it cites
_MARKER = re.compile(r"\[(\d+)\]")

PROMPT = (
    "You rewrite answers about council board papers. Use ONLY the numbered passages. Answer the "
    "question in at most three sentences. End every sentence with the marker of the passage that "
    "supports it, like [1]. If the passages do not answer the question, say so."
)


@dataclass(frozen=True)
class Endpoint:
    url: str  # base URL, e.g. http://127.0.0.1:8080/v1
    model: str
    key: str = ""
    timeout: float = 20.0


def supported_sentences(text: str, passages: dict[int, str]) -> list[str]:
    """The sentences of ``text`` whose every marker points at a passage holding most of their words."""
    kept: list[str] = []
    for sentence in split_sentences(" ".join(text.split())):
        markers = [int(n) for n in _MARKER.findall(sentence)]
        if not markers or any(n not in passages for n in markers):
            continue
        words = set(query_terms(_MARKER.sub("", sentence)))
        if not words:
            continue
        cited = set(query_terms(" ".join(passages[n] for n in markers)))
        if len(words & cited) / len(words) >= SUPPORT:
            kept.append(sentence)
    return kept


def rewrite(endpoint: Endpoint, question: str, draft: str, passages: dict[int, str]) -> str | None:
    """The model's rewrite, reduced to supported sentences; None when nothing usable came back."""
    numbered = "\n\n".join(f"[{n}] {text}" for n, text in sorted(passages.items()))
    body = {
        "model": endpoint.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": f"Question: {question}\n\nPassages:\n{numbered}\n\nDraft answer: {draft}"},
        ],
    }
    request = urllib.request.Request(
        endpoint.url.rstrip("/") + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {endpoint.key}"} if endpoint.key else {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            content = json.loads(response.read())["choices"][0]["message"]["content"]
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("LLM endpoint failed (%s); keeping the extractive answer", exc)
        return None
    kept = supported_sentences(str(content), passages)
    return " ".join(kept) if kept else None
