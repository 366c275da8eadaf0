"""Pausing Python's garbage collector while the reader makes many objects and
almost no garbage.

Two moments do that. Starting up imports Textual, Rich and markdown-it (some
300 modules) and builds the first screen: with the collector paused until the
first frame, the first content shows about a sixth sooner. And markdown-it
allocates a `Token` per block part: a 10 MB article makes about a million, and
the collector keeps stopping to scan them, though none is garbage until the
parse ends; pausing it saves about a fifth of the parse.

The collector is process-wide, so the pure parsing code never pauses it itself:
callers that own the process (the command line, the app) do. Pauses nest and
may overlap across threads (a parse in a worker while the app starts): the
collector runs again once the last one ends, as it was before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_enabled_before = True
_startup_paused = False


def pause() -> None:
    """Stop automatic collection until a matching `resume`."""
    global _pauses, _enabled_before
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume() -> None:
    """End one `pause`; after the last, collection is as it was before."""
    global _pauses
    with _lock:
        if _pauses == 0:
            return
        _pauses -= 1
        if _pauses == 0 and _enabled_before:
            gc.enable()


@contextmanager
def paused_collection() -> Iterator[None]:
    """Within the block, no automatic garbage collection."""
    pause()
    try:
        yield
    finally:
        resume()


def pause_for_startup() -> None:
    """Pause until `startup_done` (the `reader` command's first step)."""
    global _startup_paused
    if not _startup_paused:
        _startup_paused = True
        pause()


def startup_done() -> None:
    """The first frame is on screen: end the startup pause, if there was one."""
    global _startup_paused
    if _startup_paused:
        _startup_paused = False
        resume()
