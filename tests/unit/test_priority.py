"""Background outlining runs at a lower priority, and so do the processes it
starts; the rest of the app keeps its own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from reader.priority import lower_this_thread

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="only Linux lowers a single thread"
)

NICE = [sys.executable, "-c", "import os; print(os.nice(0))"]


def test_a_lowered_thread_starts_processes_at_the_lower_priority() -> None:
    before = os.nice(0)
    seen: list[str] = []

    def work() -> None:
        lower_this_thread()
        seen.append(subprocess.check_output(NICE, text=True).strip())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert seen == [str(min(before + 10, 19))]
    # The calling thread (the app's) is as it was, and so is what it starts.
    assert os.nice(0) == before
    assert subprocess.check_output(NICE, text=True).strip() == str(before)
