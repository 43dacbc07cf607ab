"""What the running process has used: its peak resident memory."""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_rss_bytes() -> int:
    """The process's peak resident memory since it started its program.

    On Linux this is VmHWM, the high-water mark of this program's own memory. ``ru_maxrss`` is not
    used there: exec keeps the old high-water mark, so a program started by a large parent (a test
    runner holding a model) would report the parent's size. Elsewhere ``ru_maxrss`` is the best there is.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS reports bytes, the others KiB
