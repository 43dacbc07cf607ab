"""Ingest end to end: every file type into the store and FAISS, reasons for skips, exit codes."""

from __future__ import annotations

import json
import sqlite3

from minutebook.search.storage.index import STORE_FILE, current_generation, open_index, read_manifest

from .conftest import run_cli


def _rows(settings, sql, *args):
    conn = sqlite3.connect(current_generation(settings.index_dir) / STORE_FILE)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_every_readable_file_becomes_documents_and_the_corrupt_pdf_is_skipped(built_index):
    settings, report = built_index
    assert report.files_read == 10
    assert [(s.source.rsplit("/", 1)[-1], s.reason.split(" (")[0]) for s in report.skipped] == [
        ("broken.pdf", "corrupt PDF")
    ]
    sources = {row[0].rsplit("/", 1)[-1] for row in _rows(settings, "SELECT source FROM documents")}
    assert sources == {
        "active-travel-report.pdf", "planning-2024-01-08.txt", "libraries-strategy.md",
        "flood-notice.html", "grants.txt", "committee-pack.pdf", "street-trees-report.pdf",
        "committee-minutes-2024-03-12.txt", "car-park-use-review.txt", "gritting-record-of-decision.pdf",
    }
    index = open_index(settings.index_dir)
    assert index.vectors.ntotal == index.chunks == report.chunks > 0


def test_pdf_passages_carry_their_page_number(built_index):
    settings, _ = built_index
    pages = {
        phrase: _rows(settings, "SELECT page FROM chunks WHERE text LIKE ?", f"%{phrase}%")
        for phrase in ("draft Active Travel Plan for the borough", "twelve kilometres", "4.2 million")
    }
    assert pages == {
        "draft Active Travel Plan for the borough": [(1,)], "twelve kilometres": [(2,)], "4.2 million": [(3,)],
    }


def test_text_is_decoded_and_html_tags_are_gone(built_index):
    settings, _ = built_index
    (grant,) = _rows(settings, "SELECT text FROM chunks WHERE text LIKE '%Meals Together%'")
    assert "\u00a315,000" in grant[0] and "\u201cMeals Together\u201d" in grant[0]
    texts = " ".join(r[0] for r in _rows(settings, "SELECT text FROM chunks"))
    assert "<p>" not in texts and "tracking" not in texts


def test_the_manifest_records_model_versions_and_a_hash_per_file(built_index):
    settings, report = built_index
    manifest = read_manifest(current_generation(settings.index_dir))
    assert manifest["dimension"] == 384
    assert manifest["model"] == "all-MiniLM-L6-v2" or "minilm" in manifest["model"].lower()
    assert {"faiss-cpu", "sentence-transformers", "pypdf"} <= set(manifest["versions"])
    assert len(manifest["sources"]) == 10
    assert all(len(entry["sha256"]) == 64 for entry in manifest["sources"].values())
    assert manifest["counts"]["chunks"] == report.chunks


def test_cli_ingest_reports_skips_in_json_and_exits_1(fixture_corpus, tmp_path):
    result = run_cli("ingest", str(fixture_corpus), "--index", str(tmp_path / "idx"), "--json")
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)
    assert summary["files_read"] == 10 and summary["chunks"] > 0 and summary["seconds"] > 0
    assert [s["reason"].split(" (")[0] for s in summary["skipped"]] == ["corrupt PDF"]

    # Unchanged files: nothing is embedded again.
    again = json.loads(run_cli("ingest", str(fixture_corpus), "--index", str(tmp_path / "idx"), "--json").stdout)
    assert again["embedded"] == 0 and again["chunks"] == summary["chunks"]


def test_cli_exit_codes_for_clean_ingest_usage_errors_and_missing_index(fixture_corpus, tmp_path):
    clean = run_cli("ingest", str(fixture_corpus / "grants.txt"), "--index", str(tmp_path / "idx"), "--quiet")
    assert clean.returncode == 0, clean.stderr
    assert "read 1 files, skipped 0" in clean.stdout
    assert run_cli("ingest").returncode == 2  # no PATH
    missing = run_cli("search", "anything", "--index", str(tmp_path / "nowhere"))
    assert missing.returncode == 3
    assert "minutebook ingest" in missing.stderr  # says what to do


def test_every_passage_keeps_a_vector_per_sentence_chat_reads(built_index):
    from minutebook.ingest.chunk import sentence_spans

    settings, _ = built_index
    rows = _rows(settings, "SELECT c.text, length(v.vectors), length(v.scales) FROM chunks c LEFT JOIN sentence_vectors v ON v.chunk_id = c.id")
    # int8 codes and a float32 scale a sentence
    assert rows and all(size == len(sentence_spans(text)) * 384 and scales == len(sentence_spans(text)) * 4 for text, size, scales in rows)


def test_a_paper_naming_no_organisation_takes_the_one_its_folder_agrees_on(tmp_path, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.settings import load_settings

    def minutes(folder, name, council, day):
        (folder / name).write_text(
            f"{council.upper()}\n\nMinutes of the meeting of {council} held on {day} March 2024 in the Village Hall.\n\n"
            "1. Apologies\nApologies were received from Cllr Ash.\n\n"
            "2. Playing field\nRESOLVED that the clerk obtains three quotes for the new gate.\n")

    packet = ("Information packet for members\n\nBudget workshop\n\n"
              "The draft budget for the coming year holds the grounds maintenance line at last year's level. "
              "Members are asked to bring questions on the reserves to the workshop.\n")
    one, mixed = tmp_path / "quayford", tmp_path / "downloads"
    one.mkdir(), mixed.mkdir()
    minutes(one, "minutes-2024-03-04.txt", "Quayford Parish Council", 4)
    minutes(one, "minutes-2024-03-18.txt", "Quayford Parish Council", 18)
    (one / "budget-packet.txt").write_text(packet)
    minutes(mixed, "minutes-a.txt", "Quayford Parish Council", 5)
    minutes(mixed, "minutes-b.txt", "Harbourside Town Council", 6)
    (mixed / "budget-packet.txt").write_text(packet.replace("coming year", "next year"))
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([one, mixed], settings, embedder, progress=False)
    found = {source.replace(str(tmp_path) + "/", ""): organisation
             for source, organisation in _rows(settings, "SELECT source, organisation FROM documents")}
    assert found["quayford/minutes-2024-03-04.txt"] == "Quayford Parish Council"
    assert found["quayford/budget-packet.txt"] == "Quayford Parish Council"  # named by its folder's papers
    assert found["downloads/minutes-b.txt"] == "Harbourside Town Council"
    assert found["downloads/budget-packet.txt"] is None  # the folder's papers disagree: no organisation
