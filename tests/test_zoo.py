"""The bad-input zoo: one folder of every kind of awkward file, ingested in one go.

Each bad file gets a one-line reason (in ``--json`` and in the text summary), the good ones are
indexed, the ingest goes on past every failure, and memory stays bounded on a 2,000-page PDF.
All files are generated here; nothing is committed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from minutebook.search.storage.index import current_generation, open_index, read_manifest

from . import paperkit
from .conftest import CLI

MAX_RSS_BYTES = 1_500_000_000
BIG_PAGES = 2000
WORDS = (
    "council board budget housing transport library school park road health care report plan policy "
    "consultation residents officers members funding grant review strategy committee decision scheme "
    "community safety waste recycling planning licence tree river flood bus cycle youth adult carer"
).split()

ALLOTMENTS = "Allotments update. The waiting list fell to forty households after the Mill Lane site opened."
FLOOD = "Flood defence scheme. The cabinet approved raised embankments along the river at Westford."

# file name -> the start of its reason, or None when it must be read and indexed.
EXPECTED = {
    "zero-bytes.pdf": "empty file (0 bytes)",
    "truncated.pdf": "corrupt PDF",
    "broken-xref.pdf": None,  # pypdf rebuilds the cross-reference table: read
    "encrypted-no-password.pdf": None,
    "encrypted-aes-no-password.pdf": None,
    "encrypted-with-password.pdf": "encrypted PDF (needs a password)",
    "scanned-image-only.pdf": "no text layer on any of 1 pages",
    "really-html.pdf": "not a PDF (no %PDF header)",
    "grants-cp1252.txt": None,
    "minutes-utf16.txt": None,
    "two-thousand-pages.pdf": None,
    "one-5mb-line.txt": None,
    "good-report.pdf": None,
    "second-copy-of-good-report.pdf": "duplicate of ",
    "self-loop.pdf": "symlink loop",
    "loop": "symlink loop",  # a folder linking to its parent
    "dangling.pdf": "broken symlink",
}


def _can_encrypt_aes() -> bool:
    try:
        import cryptography  # noqa: F401  (pypdf needs it for AES)
    except ImportError:
        return False
    return True


def _write_zoo(root: Path) -> Path:
    from fpdf import FPDF
    from pypdf import PdfWriter

    papers = root / "papers"
    papers.mkdir()
    good = paperkit.write_pdf(papers / "good-report.pdf", paperkit.CYCLING_REPORT_PAGES)
    data = good.read_bytes()
    (papers / "zero-bytes.pdf").write_bytes(b"")
    (papers / "truncated.pdf").write_bytes(data[: len(data) // 3])
    at = data.rfind(b"startxref")
    (papers / "broken-xref.pdf").write_bytes(data[:at] + b"startxref\n987654\n%%EOF\n")
    shutil.copy(good, papers / "second-copy-of-good-report.pdf")
    (root / "src").mkdir()
    allotments = paperkit.write_pdf(root / "src" / "allotments.pdf", [ALLOTMENTS])
    flood = paperkit.write_pdf(root / "src" / "flood.pdf", [FLOOD])
    for name, source, password, algorithm in (
        ("encrypted-no-password.pdf", allotments, "", "RC4-128"),
        ("encrypted-aes-no-password.pdf", flood, "", "AES-256"),
        ("encrypted-with-password.pdf", good, "s3cret", "RC4-128"),
    ):
        if algorithm.startswith("AES") and not _can_encrypt_aes():
            continue
        writer = PdfWriter(clone_from=str(source))
        writer.encrypt(user_password=password, owner_password="owner-only", algorithm=algorithm)
        writer.write(str(papers / name))
    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 100, style="F")
    scan.output(str(papers / "scanned-image-only.pdf"))
    (papers / "really-html.pdf").write_bytes(b"<!DOCTYPE html><html><body><p>Page not found</p></body></html>")
    (papers / "grants-cp1252.txt").write_bytes(paperkit.GRANT_NOTE_CP1252.encode("cp1252"))
    (papers / "minutes-utf16.txt").write_bytes(paperkit.US_MINUTES.encode("utf-16"))

    big = FPDF()
    big.set_auto_page_break(auto=False)
    big.set_font("Helvetica", size=9)
    rng = random.Random(7)
    for number in range(1, BIG_PAGES + 1):
        big.add_page()
        big.set_xy(20, 20)
        big.cell(170, 5, f"Minute {number}: " + " ".join(rng.choices(WORDS, k=3)) + ".")
    big.output(str(papers / "two-thousand-pages.pdf"))

    phrase = "The board agreed to fund the river path scheme and asked for a report "
    (papers / "one-5mb-line.txt").write_text((phrase * (5_000_000 // len(phrase) + 1))[:5_000_000])
    (papers / "self-loop.pdf").symlink_to("self-loop.pdf")
    (papers / "loop").symlink_to(".")
    (papers / "dangling.pdf").symlink_to("no-such-target.pdf")
    # Unreadable file and folder (chmod 000); as root these stay readable (see the test below).
    (papers / "unreadable.txt").write_text("The committee noted the unreadable file.\n")
    (papers / "unreadable.txt").chmod(0)
    locked = papers / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Nobody may list this folder.\n")
    locked.chmod(0)
    return papers


def _ingest_measured(*args: str, out: Path) -> tuple[int, int, str]:
    """Run ``minutebook ingest --json`` and return (exit code, peak RSS in bytes, stdout).

    The peak is the one the ingest reports of itself (VmHWM): the wait4 figure of a child also
    holds the high-water mark of the test runner it was forked from (~1.5 GB in a full run)."""
    with out.open("w") as handle:
        code = subprocess.run([*CLI, "ingest", *args], stdout=handle, stderr=subprocess.DEVNULL).returncode
    stdout = out.read_text()
    return code, int(json.loads(stdout)["peak_rss_mb"] * 1e6), stdout


@pytest.fixture(scope="module")
def zoo(tmp_path_factory):
    root = tmp_path_factory.mktemp("zoo")
    papers = _write_zoo(root)
    index_dir = root / "index"
    code, peak, stdout = _ingest_measured(str(papers), "--index", str(index_dir), "--json", out=root / "out.json")
    yield papers, index_dir, code, peak, json.loads(stdout)
    for folder in (papers / "locked",):
        folder.chmod(0o755)
    (papers / "unreadable.txt").chmod(0o644)


def _outcomes(summary: dict, papers: Path) -> dict[str, str | None]:
    """file name -> reason (None if read), from the JSON summary."""
    reasons = {Path(s["source"]).name: s["reason"] for s in summary["skipped"]}
    read = {Path(p).name for p in read_manifest(current_generation(Path(summary["index"])))["sources"]}
    return {**{name: None for name in read}, **reasons}


def test_every_bad_file_gets_a_one_line_reason_and_the_rest_is_indexed(zoo):
    papers, index_dir, code, _, summary = zoo
    assert code == 1, "some files skipped: exit code 1"
    outcomes = _outcomes(summary, papers)
    print("\nzoo outcomes (pytest -s):\n" + "\n".join(f"  {name}: {reason or 'indexed'}" for name, reason in sorted(outcomes.items())))
    expected = dict(EXPECTED)
    if not _can_encrypt_aes():
        expected.pop("encrypted-aes-no-password.pdf")
    for name, reason in expected.items():
        assert name in outcomes, f"{name} is neither read nor reported"
        if reason is None:
            assert outcomes[name] is None, f"{name} should be read, got: {outcomes[name]}"
        else:
            assert outcomes[name] is not None and outcomes[name].startswith(reason), (name, outcomes[name])
    for skipped in summary["skipped"]:
        assert "\n" not in skipped["reason"] and len(skipped["reason"]) < 240
    # The duplicate names the file it repeats, and only one of the two is indexed.
    assert outcomes["second-copy-of-good-report.pdf"] == f"duplicate of {papers / 'good-report.pdf'} (same bytes)"


def test_the_good_files_are_decoded_and_searchable(zoo):
    papers, index_dir, _, _, summary = zoo
    index = open_index(index_dir)
    assert index.vectors.ntotal == index.chunks == summary["chunks"]
    sources = read_manifest(index.generation)["sources"]
    assert sources[str(papers / "two-thousand-pages.pdf")]["pages"] == BIG_PAGES
    texts = " ".join(r[0] for r in index.conn.execute("SELECT text FROM chunks"))
    assert "\u00a315,000" in texts and "\u201cMeals Together\u201d" in texts  # cp1252 pound sign and quotes
    assert "Three residents spoke in favor" in texts  # UTF-16
    assert "Mill Lane site" in texts  # RC4-encrypted with an empty password
    if _can_encrypt_aes():
        assert "raised embankments" in texts  # AES-256-encrypted with an empty password
    assert "Minute 1999:" in texts and "river path scheme" in texts
    (copies,) = index.conn.execute(
        "SELECT count(*) FROM documents WHERE source LIKE '%good-report.pdf'"
    ).fetchone()
    assert copies == 1


def test_memory_stays_bounded_on_a_2000_page_pdf(zoo):
    _, _, _, peak, _ = zoo
    print(f"peak RSS of the zoo ingest: {peak / 1e6:.0f} MB")
    assert peak < MAX_RSS_BYTES, f"ingest peaked at {peak / 1e6:.0f} MB"


def test_unreadable_file_and_folder_are_reported(zoo):
    papers, _, _, _, summary = zoo
    outcomes = _outcomes(summary, papers)
    probe = papers / "unreadable.txt"
    if os.access(probe, os.R_OK):
        # Root (as in many CI containers) reads a chmod 000 file: nothing to report, so it is read.
        assert outcomes["unreadable.txt"] is None and outcomes["inside.txt"] is None
        pytest.skip("running as root: chmod 000 does not stop reads, so 'permission denied' cannot occur")
    assert outcomes["unreadable.txt"] == "permission denied"
    assert outcomes["locked"].startswith("cannot open folder (Permission denied")


def test_the_text_summary_lists_each_skip_on_one_line_and_a_rerun_parses_nothing(zoo, embedder, monkeypatch, capsys):
    from minutebook.server.cli import main

    papers, index_dir, _, _, summary = zoo
    monkeypatch.setattr("minutebook.search.service.load_embedder", lambda settings: embedder)  # loaded once already
    capsys.readouterr()
    assert main(["ingest", str(papers), "--index", str(index_dir), "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"read {summary['files_read']} files, skipped {len(summary['skipped'])}" in lines[0]
    assert f"{summary['files_read']} unchanged (not parsed again)" in lines[0]
    assert "(0 newly embedded)" in lines[0]
    for skipped in summary["skipped"]:
        assert f"  skipped {skipped['source']}: {skipped['reason']}" in lines
