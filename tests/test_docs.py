"""The README stays true: its commands exist, CI runs its test command, its routes are served;
the docs name every setting."""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.server.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
DOCS = README + "".join(p.read_text() for p in sorted((ROOT / "docs").glob("*.md")))  # the guide and its detail


def _shell_blocks() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_readme_starts_with_the_run_and_test_commands_and_ci_runs_the_test_command():
    run, test = _shell_blocks()[:2]
    assert "minutebook ingest corpus" in run and "minutebook serve" in run
    assert "pytest" in test
    ci_lines = [l for l in (ROOT / ".ci" / "run").read_text().splitlines() if l and not l.startswith(("#", "set ", "cd "))]
    assert ci_lines == [test]


def test_every_cli_command_is_documented():
    commands = _parser()._subparsers._group_actions[0].choices  # argparse keeps them here
    for name in commands:
        assert f"`minutebook {name}" in README, f"minutebook {name} is missing from the README"


def test_every_route_is_documented():
    from minutebook.server.app import create_app
    from minutebook.settings import load_settings

    app = create_app(load_settings())
    routes = {r.path for r in app.routes if getattr(r, "include_in_schema", False)}
    for path in routes:
        assert f"`GET {path}" in README or f"`POST {path}" in README or f", `GET {path}" in README, path


def test_the_corpus_is_shipped_byte_identical_to_the_shared_sample():
    import pytest

    shared = ROOT.parent / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("../shared/corpus is not on this machine")
    for original in shared.iterdir():
        assert (ROOT / "corpus" / original.name).read_bytes() == original.read_bytes(), original.name


def test_every_setting_is_documented():
    from dataclasses import fields

    from minutebook.settings import Settings

    for f in fields(Settings):
        assert f"`{f.metadata['env']}`" in DOCS, f"{f.metadata['env']} is missing from docs/settings.md"


def test_every_command_and_route_the_readme_names_exists():
    from minutebook.server.app import create_app
    from minutebook.settings import load_settings

    commands = set(_parser()._subparsers._group_actions[0].choices)
    named = set(re.findall(r"minutebook ([a-z]\w*)", README)) - {"is", "serving"}  # prose: "minutebook is search ..."
    assert named and named <= commands, f"the README names commands that do not exist: {named - commands}"
    app = create_app(load_settings())
    served = {r.path for r in app.routes}
    routes = set(re.findall(r"`(?:GET|POST) (/[^`?\s]*)", README)) | set(re.findall(r"^\| `(/[^`?\s]*)`", README, re.M))
    missing = {r for r in routes if r not in served and r.split("{")[0].rstrip("/") not in {s.split("{")[0].rstrip("/") for s in served}}
    assert routes and not missing, f"the README names routes that are not served: {missing}"


def test_each_command_the_readme_names_runs():
    """Every command the README names answers --help with its options (exit 0), as a user typing it would see."""
    from .conftest import run_cli

    named = sorted(set(re.findall(r"minutebook ([a-z]\w*)", README)) - {"is", "serving"})
    for name in named:
        done = run_cli(name, "--help", timeout=60)
        assert done.returncode == 0 and f"usage: minutebook {name}" in done.stdout, (name, done.stderr)
