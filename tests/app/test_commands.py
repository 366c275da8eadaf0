"""Commands declared once: keys, footer, help and palette agree; mouse and colour."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual import events

from reader.ui.commands import COMMANDS
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.section_pane import SectionPane
from reader.ui.widgets.toc import TableOfContents
from tests.app.helpers import make_app, pane_text, screen_text


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


def footer(app: object) -> str:
    return screen_text(app).splitlines()[-1]  # type: ignore[arg-type]


async def test_every_key_of_every_command_is_bound_on_the_reading_screen() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)):
        bound = {
            (key, binding.action.split("(")[0])
            for key, bindings in reading(app)._bindings.key_to_bindings.items()
            for binding in bindings
        }
        for command in COMMANDS:
            for key in command.keys:
                assert (key, command.action) in bound, (key, command.action)


async def test_the_footer_offers_only_what_can_run_now() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Next" in footer(app) and "← Prev" not in footer(app)
        await pilot.press("right")
        assert "← Prev" in footer(app) and "Next" in footer(app)
        await pilot.press("end")
        text = footer(app)
        assert "y Yes" in text and "n No" in text and "→ Next" not in text


async def test_the_palette_runs_declared_commands() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"next section")
        await pilot.pause(0.3)
        assert "Next section" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reading(app).index == 1


async def test_the_palette_hides_commands_that_cannot_run() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"previous section")
        await pilot.pause(0.3)
        assert "Previous section" not in screen_text(app)
        await pilot.press("escape")
        await pilot.press("right", "ctrl+p", *"previous section")
        await pilot.pause(0.3)
        assert "Previous section" in screen_text(app)


async def test_the_palette_changes_the_theme() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"colour theme")
        await pilot.pause(0.3)
        assert "Change the colour theme" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord", "enter")
        await pilot.pause(0.3)
        assert app.theme == "nord"


async def test_clicking_a_section_in_the_contents_opens_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        toc = app.query_one(TableOfContents)
        assert "Professional isolation" in toc.row_text(4)
        await pilot.click(toc, offset=(8, 4 + toc.styles.padding.top))
        await pilot.pause()
        assert reading(app).index == 4
        assert pane_text(app).startswith("Professional isolation")


async def test_the_mouse_wheel_scrolls_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("2")
        pane = app.query_one(SectionPane)
        # Pilot has no wheel of its own; this is what it sends for a click.
        await pilot._post_mouse_events([events.MouseScrollDown], pane, offset=(10, 3))
        await pilot.pause()
        assert pane.scroll_y > 0
        assert reading(app).index == 1


async def test_no_color_leaves_the_screen_grey_and_still_readable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.no_color
        await pilot.press("slash", *"isolation", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        colours: set[tuple[int, int, int]] = set()
        reversed_text = []
        # The screen as the terminal receives it, after the app's filters.
        for line in app.screen._compositor.render_strips():
            for filter_ in app._filters:
                line = line.apply_filter(filter_, app.screen.styles.background)
            for segment in line:
                colours |= _colours(segment)
                if segment.style and segment.style.reverse:
                    reversed_text.append(segment.text)
        assert colours, "nothing was drawn"
        assert all(red == green == blue for red, green, blue in colours)
        assert any("isolation" in text.lower() for text in reversed_text)
        assert "▸ 1 Do therapists go to" in screen_text(app)


def _colours(segment: Segment) -> set[tuple[int, int, int]]:
    style = segment.style
    found = set()
    if style is not None:
        for colour in (style.color, style.bgcolor):
            if colour is not None and colour.triplet is not None:
                red, green, blue = colour.triplet
                found.add((red, green, blue))
    return found
