"""The optional LLM rewrite, against a tiny real HTTP server speaking the OpenAI chat protocol:
supported sentences are kept, unsupported or unmarked ones dropped, failures fall back."""

from __future__ import annotations

import dataclasses
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from minutebook.search.service import Minutebook

from .conftest import free_port

REPLY = (
    "The waiting list for allotments has grown to 412 households [1]. "
    "The council will build a new allotment site on the old gasworks [1]. "  # not in the passage: dropped
    "Everyone agreed it was a good meeting."  # no marker: dropped
)


class FakeModel(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 - the protocol's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeModel.received.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": REPLY}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def model_url():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), FakeModel)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def _library(built_index, embedder, **changes):
    settings, _ = built_index
    return Minutebook(dataclasses.replace(settings, **changes), embedder)


def test_only_sentences_a_cited_passage_supports_survive(built_index, embedder, model_url):
    library = _library(built_index, embedder, llm_url=model_url, llm_model="tiny", llm_key="sekrit")
    answer = library.chat([{"role": "user", "content": "How many households are waiting for an allotment?"}])
    assert answer.found
    assert answer.answer == "The waiting list for allotments has grown to 412 households [1]."
    request = FakeModel.received[-1]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sekrit"
    sent = request["body"]["messages"][1]["content"]
    assert "[1]" in sent and "412 households" in sent  # the model sees the cited passages only


def test_an_unreachable_endpoint_leaves_the_extractive_answer(built_index, embedder):
    offline = _library(built_index, embedder, llm_url=f"http://127.0.0.1:{free_port()}/v1", llm_model="x")
    plain = _library(built_index, embedder)
    question = [{"role": "user", "content": "How many households are waiting for an allotment?"}]
    assert offline.chat(question).answer == plain.chat(question).answer
