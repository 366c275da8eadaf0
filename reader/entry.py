"""The `reader` command's entry point (`reader` and `python -m reader`).

It pauses the garbage collector before anything heavy is imported: starting
up makes many objects and almost no garbage (see `reader.collector`). The
interactive reader ends the pause once its first frame is painted; the
one-shot commands (`--print`, `--outline`, `--feedback`) keep it to their exit.
Calling `reader.cli.main` directly (as the tests do) pauses nothing.
"""

from __future__ import annotations

from reader import collector


def main() -> int:
    """Run `reader` with the process's arguments; returns the exit status."""
    collector.pause_for_startup()
    from reader.cli import main as run

    return run()
