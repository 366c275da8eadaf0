"""Following links: within the article, to other articles, to the web, or refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.source import load_file
from reader.ui.app import ReaderApp
from reader.ui.screens.confirm_link import ConfirmLinkScreen
from reader.ui.screens.reading import ReadingScreen
from tests.app.helpers import make_app, marked_runs, pane_text, region_text

LINKS = [
    "[the end](#the-end)",
    "[deep heading](#deep-down)",
    "[article b](sub/b.md)",
    "[part two of b](sub/b.md#part-two)",
    "[outside](../outside.md)",
    "[web](https://example.com/path?q=1)",
    "[mail](mailto:someone@example.com)",
    "[sneaky](java%73cript:alert(1))",
    "[ftp](ftp://example.com/file)",
    "[lookalike](https://xn--pple-43d.com/)",
    "[missing](nope.md)",
    "[not markdown](notes.txt)",
    "[no such heading](#nowhere)",
]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    paragraphs = "\n\n".join(LINKS)
    (root / "a.md").write_text(
        "# Start\n\n"
        f"{paragraphs}\n\n"
        "![a picture](http://example.com/pic.png)\n\n"
        "## Middle\n\nMiddle text.\n\n#### Deep down\n\nDeep text.\n\n"
        "### The end\n\nFinal words.\n"
    )
    (root / "sub" / "b.md").write_text(
        "# B\n\nB opening.\n\n## Part two\n\nHere is part two.\n"
    )
    (root / "notes.txt").write_text("plain\n")
    (tmp_path / "outside.md").write_text("# Outside\n\nSecret.\n")
    yield root


def app_for(folder: Path) -> ReaderApp:
    return make_app(load_file(folder / "a.md"))


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def follow(pilot: Pilot[None], number: int) -> None:
    """Tab to link `number` (1-based) of the section and press enter."""
    await pilot.press(*["tab"] * number, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def notices(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_tab_marks_each_link_in_turn(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("tab", "tab")
        links = reading(app).pane.typeset.links
        hrefs = [link.href for link in links]
        assert hrefs[:3] == ["#the-end", "#deep-down", "sub/b.md"]
        assert marked_runs(app, reading(app).pane) == [("deep heading", True)]


async def test_an_anchor_link_opens_its_section(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 1)
        assert reading(app).index == 2
        assert pane_text(app).startswith("The end Final words.")


async def test_an_anchor_to_a_deeper_heading_opens_the_section_holding_it(
    folder: Path,
) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 2)
        assert reading(app).index == 1
        assert "Deep down Deep text." in pane_text(app)


async def test_a_relative_link_opens_that_article_and_backspace_returns(
    folder: Path,
) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("right", "left")
        await follow(pilot, 3)
        assert reading(app).source.name == "b.md"
        assert pane_text(app).startswith("B B opening.")
        await pilot.press("right")
        await pilot.press("backspace")
        await pilot.pause()
        screen = reading(app)
        assert screen.source.name == "a.md"
        assert screen.index == 0
        assert pane_text(app).startswith("Start")


async def test_alt_left_goes_back_too_and_an_anchor_in_another_file_is_honoured(
    folder: Path,
) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 4)
        screen = reading(app)
        assert screen.source.name == "b.md"
        assert screen.index == 1
        assert pane_text(app).startswith("Part two Here is part two.")
        await pilot.press("alt+left")
        await pilot.pause()
        assert reading(app).source.name == "a.md"


async def test_back_does_nothing_in_the_first_article(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("backspace")
        await pilot.pause()
        assert reading(app).source.name == "a.md"
        assert app.is_running


async def test_a_link_outside_the_folder_is_refused(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 5)
        assert reading(app).source.name == "a.md"
        assert "Links outside the article's folder are not followed." in notices(app)


async def test_a_web_link_asks_first_and_opens_only_when_confirmed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = app_for(folder)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 6)
        assert isinstance(app.screen, ConfirmLinkScreen)
        dialog = region_text(app, app.screen.query_one("#confirm-link"))
        assert "Open this link in your browser?" in dialog
        assert "https://example.com/path?q=1" in dialog
        await pilot.press("escape")
        assert opened == []
        await pilot.press("enter")  # the same link is still chosen
        assert isinstance(app.screen, ConfirmLinkScreen)
        await pilot.click("#open")
        await pilot.pause()
        assert opened == ["https://example.com/path?q=1"]


async def test_a_mail_link_asks_first(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = app_for(folder)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 7)
        assert isinstance(app.screen, ConfirmLinkScreen)
        await pilot.press("o")
        assert opened == ["mailto:someone@example.com"]


async def test_a_punycode_host_is_shown_for_what_it_is(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 10)
        assert isinstance(app.screen, ConfirmLinkScreen)
        dialog = region_text(app, app.screen.query_one("#confirm-link"))
        assert "xn--pple-43d.com" in dialog
        assert "punycode for “аpple.com”" in dialog


@pytest.mark.parametrize(
    ("number", "notice"),
    [
        (8, "Links of type “javascript:” are not followed."),
        (9, "Links of type “ftp:” are not followed."),
        (12, "“notes.txt” is not a Markdown file."),
        (13, "No heading “#nowhere” in this article."),
    ],
)
async def test_other_links_are_refused_with_a_notice(
    folder: Path, number: int, notice: str
) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, number)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.source.name == "a.md"
        assert notice in notices(app)


async def test_a_missing_file_is_a_notice(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await follow(pilot, 11)
        assert reading(app).source.name == "a.md"
        assert any("nope.md: no such file" in notice for notice in notices(app))


async def test_images_show_their_alt_text_and_are_not_links(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        assert "[image: a picture]" in pane_text(app)
        assert len(reading(app).pane.typeset.links) == len(LINKS)


async def test_clicking_a_link_follows_it(folder: Path) -> None:
    app = app_for(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        pane = reading(app).pane
        first = pane.typeset.links[0]
        region = pane.scrollable_content_region
        indent = (region.width - pane.typeset.width) // 2
        top = pane.styles.padding.top
        offset = (indent + first.start + 1, top + first.line - int(pane.scroll_y))
        await pilot.click(pane, offset=offset)
        await pilot.pause()
        assert reading(app).index == 2


async def test_the_bundled_article_has_no_local_links_to_follow() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "toc"
