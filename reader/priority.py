"""Letting the screen come first: background work at a lower CPU priority."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

LOWER_BY = 10
"""Added to the thread's niceness (19 at most): about a tenth of the CPU share."""


def at_lower_priority(function: Callable[[], T]) -> T:
    """`function()`, run on a thread of its own at a lower priority, and so are
    the processes it starts (they inherit it): on a machine with few cores the
    app's own thread then draws the screen first while, say, a long outline is
    being found. The caller waits; its own priority is untouched (a thread's
    niceness cannot be raised back, so a pooled thread must not be lowered).

    Only Linux sets the priority of one thread; elsewhere lowering would slow
    the whole process, so there `function` just runs at the usual priority.
    """
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        _lower_this_thread()
        try:
            results.append(function())
        except BaseException as error:  # raised again in the caller
            errors.append(error)

    thread = threading.Thread(target=run, name="lower-priority", daemon=True)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return results[0]


def _lower_this_thread() -> None:
    if sys.platform == "linux":
        thread = threading.get_native_id()
        with contextlib.suppress(OSError):
            niceness = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, min(niceness + LOWER_BY, 19))
