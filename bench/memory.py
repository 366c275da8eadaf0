"""Peak memory of a process, as the kernel counts it for its current program.

VmHWM from /proc/PID/status, not `ru_maxrss`: after `exec`, Linux carries the
parent's peak over into the child's `ru_maxrss` (it counts the memory the
child had before `exec`, i.e. its parent's), so a small child of a big parent
would report the parent's size. VmHWM belongs to the program now running.
"""

from __future__ import annotations

from pathlib import Path


def peak_rss_kb(pid: int | str = "self") -> int | None:
    """The process's peak resident set size (VmHWM), in KiB; None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None
