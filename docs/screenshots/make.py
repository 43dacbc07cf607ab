"""Make the README's screenshots anew from the sample corpus.

    .venv/bin/python docs/screenshots/make.py      (needs '.[test]' for Playwright, and Debian's chromium)

Ingests corpus/ into a temporary index, serves it on a free port, and photographs the search page,
a search's results, a paper, the meetings, the tracker and an answer in Chromium, into this folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLI = [sys.executable, "-m", "minutebook.server.cli"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUERY = "domestic abuse strategy"
QUESTION = "What did the board decide about the Prevent duty?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        subprocess.run([*CLI, "ingest", str(ROOT / "corpus"), "--index", str(index), "--quiet"], check=True)
        port = free_port()
        server = subprocess.Popen([*CLI, "serve", "--index", str(index), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            paper = httpx.get(f"{url}/search", params={"q": QUERY, "k": 1}).json()["results"][0]["document_id"]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                shots = {
                    "search": "/", "search-results": f"/?q={QUERY.replace(' ', '+')}", "paper": f"/papers/{paper}",
                    "meetings": "/calendar", "tracker": "/tracker", "ask": f"/ask?q={QUESTION.replace(' ', '+')}",
                }
                for name, path in shots.items():
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(HERE / f"{name}.png"))
                    print(f"wrote {HERE.relative_to(ROOT) / (name + '.png')}")
                browser.close()
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
