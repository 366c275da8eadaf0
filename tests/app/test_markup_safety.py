"""Text we did not write is never markup: it shows as written and does nothing.

A heading like `[/]` passed to Textual as a plain string would crash the app;
`[@click=app.quit]x` would become a live action. Each place that shows article
text, titles or file names gets these headings and must show them literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.folder import scan_folder
from reader.source import load_file
from reader.ui.app import ReaderApp
from reader.ui.persistence import Persistence
from reader.ui.screens.confirm_link import ConfirmLinkScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.widgets.toc import TableOfContents
from tests.app.helpers import make_app, pane_text, region_text, screen_text, settle

HOSTILE = ["[/]", "[/", "[bold]x", "[@click=app.quit]x", "[link=https://example.com]x"]


def hostile_article(folder: Path) -> Path:
    sections = "".join(
        f"## {heading}\n\nText under {heading} here.\n\n" for heading in HOSTILE
    )
    path = folder / "[bold]hostile[red].md"
    path.write_text(
        "---\ntitle: '[@click=app.quit]Title'\n---\n\n"
        f"Opening with [a link](https://example.com/[bold]x) in it.\n\n{sections}"
    )
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return hostile_article(tmp_path)


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_title_contents_and_pane_show_markup_literally(article: Path) -> None:
    app = make_app(load_file(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]Title" in text.splitlines()[0]
        toc = region_text(app, app.query_one(TableOfContents))
        for heading in HOSTILE:
            assert heading in toc
        for number, heading in enumerate(HOSTILE, start=2):
            await pilot.press(str(number))
            assert pane_text(app).startswith(f"{heading} Text under {heading} here.")


async def test_clicking_hostile_text_does_nothing(article: Path) -> None:
    app = make_app(load_file(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#title")
        toc = app.query_one(TableOfContents)
        for line in range(len(HOSTILE) + 1):
            await pilot.click(toc, offset=(6, 1 + line))
        await pilot.press("5")
        await pilot.click("#pane", offset=(10, 1))
        await pilot.pause()
        assert app.is_running
        assert reading(app).article.title == "[@click=app.quit]Title"


async def test_search_hits_and_status_show_markup_literally(article: Path) -> None:
    app = make_app(load_file(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"[bold]x")
        await settle(pilot)
        hits = region_text(app, app.query_one(SearchPanel))
        assert "§ 4 [bold]x" in hits
        assert "Text under [bold]x here." in hits
        await pilot.press("enter")
        await settle(pilot)
        assert "“[bold]x” 1/" in screen_text(app).splitlines()[-1]


async def test_the_palette_shows_section_titles_literally(article: Path) -> None:
    app = make_app(load_file(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"[/")
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Go to section 2: [/]" in text
        assert "Go to section 3: [/" in text
        await pilot.press("escape")
        assert app.is_running


async def test_notifications_show_markup_literally(
    article: Path, data_dir: Path
) -> None:
    app = make_app(load_file(article), data_dir=data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "q")
    app.persistence.close()
    again = make_app(load_file(article), data_dir=data_dir)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        shown = "Resumed at § 2 — [/]; g for the start."
        for _ in range(40):  # toasts appear a moment after they are sent
            if shown in screen_text(again):
                break
            await pilot.pause(0.05)
        assert shown in screen_text(again)
    again.persistence.close()


async def test_a_link_dialog_shows_its_target_literally(article: Path) -> None:
    app = make_app(load_file(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLinkScreen)
        dialog = region_text(app, app.screen.query_one("#confirm-link"))
        assert "https://example.com/[bold]x" in dialog
        await pilot.press("escape")


async def test_picker_rows_show_titles_and_file_names_literally(article: Path) -> None:
    app = ReaderApp(scan_folder(article.parent), Persistence(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = region_text(app, app.screen.query_one(OptionList))
        assert "[@click=app.quit]Title" in rows
        assert "[bold]hostile[red].md" in rows
        await pilot.click(OptionList, offset=(4, 1))
        assert app.is_running
