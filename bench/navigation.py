"""Moving to the next section, headless: each press of `right`, timed to its frame.

`python -m bench.navigation FILE [--moves 50] [--budget 120]` prints JSON; it
stops early once the moves have taken `--budget` seconds, so a slow reader
still finishes (the JSON says how many moves were made). The app is built
as `reader.cli` builds it (`build_app`), in `App.run_test(size=(100, 30))`.

What one move measures: the clock starts when the `right` key event is posted
to the app, and stops at the end of the first screen refresh (Textual's
compositor paint of the screen) after which the next section is on screen: a
section pane holds that section, typeset, in the frame just painted.
The condition is checked right after every refresh, so the time is that of
the frame that first showed the section. "settled" is the last refresh before
the app went idle again. Between moves the app is left to go idle, its
background workers finished, as a reader's next key press would find it; on
the last section `home` (untimed) starts over. `pilot.press` is not used for
timing: it waits for CPU idleness in steps of 20 ms, longer than one frame.

"repaint" is the floor a move stands on, measured in the same app after the
moves: from `pane.refresh()` (the section already typeset, nothing else to
do) to the end of the frame that painted it — what Textual takes to paint
the pane once on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen

from reader.article import Article, Outliner, Section
from reader.source import load_file
from reader.ui.app import ReaderApp, Reading
from reader.ui.persistence import Persistence
from reader.ui.screens.reading import ReadingScreen

REPAINTS = 20
"""Repaints of the pane timed for the floor."""

TIMEOUT = 30.0
"""Seconds one move may take before the moves stop (it counts as a failure)."""


def build_app(path: Path) -> tuple[ReaderApp, Article]:
    """The reader on `path`, as `reader.launch.read` makes it, saving nothing.

    The one place to change when the way the app is started changes.
    """
    source = load_file(path)
    article = Outliner(source.text, name=source.name).run()
    app = ReaderApp(Reading(source, article, resume=False), Persistence(None))
    return app, article


class Frames:
    """Watches a screen's refreshes; tells when a condition first held after one."""

    def __init__(self, screen: Screen[object]) -> None:
        self.last = 0.0
        self._condition: Callable[[], bool] | None = None
        self._met: asyncio.Future[float] | None = None
        paint = screen._compositor_refresh

        def refresh() -> None:
            paint()
            self.last = time.perf_counter()
            met, condition = self._met, self._condition
            if met is not None and not met.done() and condition and condition():
                met.set_result(self.last)

        # An instance attribute: every caller looks it up on `self`.
        screen._compositor_refresh = refresh  # type: ignore[method-assign]

    async def until(self, condition: Callable[[], bool]) -> float:
        """The time of the first refresh after which `condition()` holds (or now)."""
        if condition():
            return time.perf_counter()
        self._condition = condition
        self._met = asyncio.get_running_loop().create_future()
        try:
            return await asyncio.wait_for(self._met, TIMEOUT)
        finally:
            self._condition, self._met = None, None


def shown(app: App[Any], article: Article, section: Section) -> Callable[[], bool]:
    """Whether `section`'s text is in the pane, typeset, as the frame painted it."""

    def check() -> bool:
        screen = app.screen
        if not isinstance(screen, ReadingScreen):
            return False
        pane = screen.pane
        return (
            pane.section is not None
            and pane.section.index == section.index
            and bool(pane.typeset.lines)
            and pane.virtual_size.height > 0
        )

    return check


async def measure(path: Path, moves: int, budget: float) -> dict[str, object]:
    """Time `moves` moves to the next section; seconds, as JSON-ready lists."""
    app, article = build_app(path)
    count = len(article.sections)
    firsts: list[float] = []
    settled: list[float] = []
    sizes: list[int] = []
    failures: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        frames = Frames(app.screen)
        await frames.until(shown(app, article, article.sections[0]))
        index = 0
        deadline = time.monotonic() + budget
        while len(firsts) < moves and time.monotonic() < deadline:
            if index + 1 >= count:
                app.post_message(events.Key("home", None))
                await frames.until(shown(app, article, article.sections[0]))
                await pilot.pause()
                index = 0
            index += 1
            condition = shown(app, article, article.sections[index])
            start = time.perf_counter()
            app.post_message(events.Key("right", None))
            try:
                painted = await frames.until(condition)
            except TimeoutError:
                failures.append(f"section {index} not shown after {TIMEOUT:g} s")
                break
            await pilot.pause()
            # A reader reads before moving on: background work (typesetting the
            # sections either side) is done by then.
            await app.workers.wait_for_complete()
            firsts.append(painted - start)
            settled.append(frames.last - start)
            sizes.append(len(article.source(article.sections[index]).encode()))
        repaints = await _repaints(app, frames)
    return {
        "sections": count,
        "section_bytes": sizes,
        "first_paint": firsts,
        "settled": settled,
        "repaint": repaints,
        "failures": failures,
    }


def _painted_since(frames: Frames, start: float) -> bool:
    return frames.last > start


async def _repaints(app: ReaderApp, frames: Frames) -> list[float]:
    """Seconds from a refresh of the pane to the end of the frame painting it."""
    screen = app.screen
    if not isinstance(screen, ReadingScreen):
        return []
    times: list[float] = []
    for _ in range(REPAINTS):
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        screen.pane.refresh()
        painted = await frames.until(partial(_painted_since, frames, start))
        times.append(painted - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.navigation")
    parser.add_argument("path", type=Path)
    parser.add_argument("--moves", type=int, default=50)
    parser.add_argument("--budget", type=float, default=120.0)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(measure(args.path, args.moves, args.budget))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
