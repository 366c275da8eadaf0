"""Background outlining runs at a lower priority, and so do the processes it
starts; the thread that asked keeps its own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from reader.priority import LOWER_BY, at_lower_priority

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="only Linux lowers a single thread"
)

NICE = [sys.executable, "-c", "import os; print(os.nice(0))"]


def niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_the_work_and_the_processes_it_starts_run_lower() -> None:
    before = niceness()
    lowered = str(min(before + LOWER_BY, 19))

    def work() -> tuple[int, str]:
        return niceness(), subprocess.check_output(NICE, text=True).strip()

    assert at_lower_priority(work) == (int(lowered), lowered)
    # The caller is as it was, and so is what it starts.
    assert niceness() == before
    assert subprocess.check_output(NICE, text=True).strip() == str(before)


def test_what_the_work_raises_reaches_the_caller() -> None:
    def fail() -> None:
        raise ValueError("no outline")

    with pytest.raises(ValueError, match="no outline"):
        at_lower_priority(fail)
