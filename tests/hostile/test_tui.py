"""The interactive reader on every hostile case that opens, driven with Pilot.

Each article is opened as the command line opens it, read to the end with
space and sideways moves, searched and its contents walked; what is painted
on the screen must never hold a character a terminal would act on, and the
app must keep going, within a time bound.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from reader.article import Outliner
from reader.source import load_file, load_stream
from reader.ui.app import ReaderApp, Reading
from reader.ui.persistence import Persistence
from reader.ui.screens.reading import ReadingScreen
from tests.app.helpers import screen_text
from tests.hostile.cases import CASE_NAMES, Case, write_case

pytestmark = pytest.mark.slow

TIME_LIMIT = 40.0
"""Seconds one case may take, start to finish, on a loaded machine."""

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def app_for(case: Case) -> ReaderApp | None:
    """The app as `reader PATH` builds it, or None for a case that is refused."""
    if case.exit_status != 0 or case.args:
        return None
    if case.stdin is not None:
        with case.stdin.open("rb") as stream:
            source = load_stream(stream)
    elif case.path.is_file():
        source = load_file(case.path)
    else:
        return None
    outliner = Outliner(source.text, name=source.name)
    article = outliner.until(lambda found: bool(found.sections))
    return ReaderApp(Reading(source, article, outliner=outliner), Persistence(None))


@pytest.mark.parametrize("name", CASE_NAMES)
async def test_the_reader_survives_and_shows_nothing_unsafe(
    name: str, tmp_path: Path
) -> None:
    case = write_case(tmp_path, name)
    app = app_for(case)
    if app is None:
        assert case.exit_status == 2 or case.args or not case.path.is_file()
        return
    started = time.monotonic()
    screens: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screens.append(screen_text(app))
        await pilot.press("space", "space", "pagedown", "right", "j", "k")
        screens.append(screen_text(app))
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.article.complete
        await pilot.press("slash", *"x", "enter", "escape")
        await pilot.press("tab", "down", "enter", "end")
        screens.append(screen_text(app))
        await pilot.press("b", "left", "home")
        await pilot.pause()
        screens.append(screen_text(app))
        assert app.is_running
    assert time.monotonic() - started < TIME_LIMIT
    for text in screens:
        found = _UNSAFE.search(text)
        assert found is None, f"{found.group()!r} painted for {name}"
