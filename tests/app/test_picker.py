"""`reader DIR`: a folder's articles to pick from, and back again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.folder import scan_folder
from reader.ui.app import ReaderApp
from reader.ui.persistence import Persistence
from reader.ui.screens.picker import PickerScreen
from reader.ui.screens.reading import ReadingScreen
from tests.app.helpers import pane_text, region_text, settle


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    (root / "b-folder").mkdir(parents=True)
    (root / "a.md").write_text("# Alpha article\n\nAlpha text.\n")
    (root / "b-folder" / "c.md").write_text("---\ntitle: Gamma\n---\n\nGamma text.\n")
    (root / "broken.md").write_bytes(b"%PDF-1.7 not really")
    (root / "ignored.txt").write_text("not Markdown")
    return root


def picker_app(folder: Path) -> ReaderApp:
    return ReaderApp(scan_folder(folder), Persistence(None))


async def test_the_picker_lists_articles_with_titles_and_reading_times(
    folder: Path,
) -> None:
    app = picker_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        text = region_text(app, app.screen.query_one(OptionList))
        assert text.index("Alpha article · 1 min a.md") < text.index("Gamma · 1 min")
        assert "b-folder/c.md" in text
        assert "broken.md — not a text file (a PDF document)" in text
        assert "ignored.txt" not in text
        assert "3 articles" in region_text(app, app.screen.query_one("#title"))


async def test_enter_opens_an_article_and_backspace_returns(folder: Path) -> None:
    app = picker_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == "Gamma"
        assert "Gamma text." in pane_text(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == "Alpha article"


async def test_an_unreadable_entry_says_why_instead_of_opening(folder: Path) -> None:
    app = picker_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        messages = [str(n.message) for n in app._notifications]
        assert "broken.md: not a text file (a PDF document)" in messages


async def test_links_between_articles_of_the_folder_work(folder: Path) -> None:
    (folder / "a.md").write_text("# Alpha\n\nSee [gamma](b-folder/c.md).\n")
    app = picker_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == "Gamma"
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
