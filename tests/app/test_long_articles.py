"""Long articles: the first section at once, the rest of the outline after."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.article import Article, Outliner, parallel
from reader.source import load_file
from reader.ui.app import ReaderApp, Reading
from reader.ui.persistence import Persistence
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.toc import INDEXING
from tests.app.helpers import pane_text, region_text, screen_text

SECTIONS = 3_000


def long_article(folder: Path) -> Path:
    path = folder / "long.md"
    body = "".join(
        f"## Part {number}\n\nThe text of part {number}, which goes on a while.\n\n"
        for number in range(1, SECTIONS + 1)
    )
    path.write_text(f"# A long article\n\nIt begins here.\n\n{body}")
    return path


def opened(path: Path) -> ReaderApp:
    """The app as the command line opens it: the outline only just begun."""
    source = load_file(path)
    outliner = Outliner(source.text, name=source.name)
    article = outliner.until(lambda found: bool(found.sections))
    assert not article.complete
    return ReaderApp(Reading(source, article, outliner=outliner), Persistence(None))


async def test_the_first_section_shows_while_the_outline_is_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hold the outline back until the screen has been checked: on a fast
    # machine it could otherwise be complete before anyone looks.
    release = threading.Event()
    finish = parallel.finish

    def held(outliner: Outliner) -> Article:
        release.wait(10)
        return finish(outliner)

    monkeypatch.setattr(parallel, "finish", held)
    app = opened(long_article(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert not screen.article.complete
        assert INDEXING in region_text(app, app.query_one("#contents"))
        assert "§ 1 · indexing…" in screen_text(app)
        assert not screen.check_action("feedback", ())
        assert pane_text(app).startswith("A long article It begins here.")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.article.complete
        assert len(screen.article.sections) == SECTIONS + 1
        assert INDEXING not in region_text(app, app.query_one("#contents"))
        assert f"§ 1/{SECTIONS + 1}" in screen_text(app)
        await pilot.press("end")
        assert screen.on_feedback
        await pilot.press("b")
        assert pane_text(app).startswith(f"Part {SECTIONS}")


async def test_moving_on_before_the_outline_is_complete_stays_in_what_is_known(
    tmp_path: Path,
) -> None:
    app = opened(long_article(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        for _ in range(5):
            await pilot.press("right")
        assert not screen.on_feedback
        assert pane_text(app).startswith("Part ")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right")
        assert pane_text(app).startswith("Part ")
