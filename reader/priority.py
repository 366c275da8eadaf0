"""Letting the screen come first: background work at a lower CPU priority."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

LOWER_BY = 10
"""Added to the thread's niceness (19 at most): a tenth of the CPU share."""


def lower_this_thread() -> None:
    """Lower the calling thread's priority, and that of the processes it starts
    (they inherit it): on a machine with few cores, the app's own thread then
    draws the screen first while a long outline is being found.

    Only Linux sets the priority of one thread; elsewhere the call would lower
    the whole process, so there it does nothing.
    """
    if sys.platform == "linux":
        thread = threading.get_native_id()
        with contextlib.suppress(OSError):
            niceness = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, min(niceness + LOWER_BY, 19))
