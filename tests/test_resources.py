"""The peak memory a program reports is its own, not that of the process that started it."""

from __future__ import annotations

import subprocess
import sys

PEAK = "from minutebook.resources import peak_rss_bytes; {work}; print(peak_rss_bytes())"


def _peak_of(work: str) -> int:
    done = subprocess.run([sys.executable, "-c", PEAK.format(work=work)], capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_peak_memory_is_the_programs_own_and_not_its_parents():
    ballast = b"x" * 600_000_000  # this process is large when it starts the children
    small = _peak_of("pass")
    large = _peak_of("held = b'x' * 300_000_000")
    assert small < 150_000_000, small  # ru_maxrss would report the parent's 600+ MB here
    assert 300_000_000 <= large < 450_000_000, large
    assert len(ballast) == 600_000_000
