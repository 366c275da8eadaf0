"""Reading the bundled article with the keyboard: keys in, screen out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from reader.source import load_file
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.section_pane import SectionPane
from reader.ui.widgets.toc import TableOfContents
from tests.app.helpers import make_app, pane_text, region_text, screen_text

OPENING = "Yes, therapists do indeed go for therapy."
WHY = "Therapists have a difficult job."


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_the_opening_section_shows_first() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = pane_text(app)
        assert pane.startswith("Do therapists go to therapy? " + OPENING)
        assert WHY not in pane
        assert "§ 1/12 · 0% · 7 min left" in screen_text(app)


@pytest.mark.parametrize(("forward", "back"), [("right", "left"), ("l", "h")])
async def test_next_and_previous_section(forward: str, back: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(forward)
        pane = pane_text(app)
        assert pane.startswith("Why do therapists need therapy? " + WHY)
        assert OPENING not in pane
        assert "§ 2/12" in screen_text(app)
        await pilot.press(back)
        pane = pane_text(app)
        assert OPENING in pane
        assert WHY not in pane


async def test_previous_on_the_first_section_stays_put() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("left", "h")
        assert reading(app).index == 0
        assert OPENING in pane_text(app)


@pytest.mark.parametrize("key", ["end", "G"])
async def test_end_shows_the_feedback_pane(key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(key)
        assert pane_text(app) == "Was this helpful? Yes No"
        assert "Feedback · 100%" in screen_text(app)
        await pilot.press("right")  # nothing lies past the feedback pane
        assert reading(app).index == 12


@pytest.mark.parametrize("key", ["home", "g"])
async def test_home_goes_to_the_first_section(key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", "right", "right", key)
        assert reading(app).index == 0
        assert OPENING in pane_text(app)


@pytest.mark.parametrize(
    ("key", "title", "phrase"),
    [
        ("3", "Difficult clients", "Some clients at times show signs"),
        ("5", "Professional isolation", "Many therapists tend to spend"),
        ("9", "Getting Support", "Therapists must work in isolation"),
        ("1", "Do therapists go to therapy?", OPENING),
    ],
)
async def test_number_keys_jump_to_that_section(
    key: str, title: str, phrase: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", key)
        assert pane_text(app).startswith(f"{title} {phrase}")
        assert f"§ {key}/12" in screen_text(app)


async def test_space_pages_down_then_continues_into_the_next_section() -> None:
    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("2")
        screen = reading(app)
        pane = app.query_one(SectionPane)
        assert pane.max_scroll_y > 0, "the section must be longer than the pane"
        pages = 0
        while screen.index == 1:
            before = pane.scroll_y
            await pilot.press("space")
            pages += 1
            if screen.index == 1:
                assert pane.scroll_y > before
            assert pages < 20
        assert pages >= 2
        assert screen.index == 2
        assert pane.scroll_y == 0
        assert "Some clients at times show signs" in pane_text(app)


async def test_pagedown_continues_and_reaches_the_feedback_pane_last() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("9")
        for _ in range(60):
            await pilot.press("pagedown")
        screen = reading(app)
        assert screen.index == 12
        assert "Was this helpful?" in pane_text(app)


@pytest.mark.parametrize("key", ["b", "pageup"])
async def test_page_up_at_the_top_goes_back_to_the_previous_sections_end(
    key: str,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("3", key)
        await pilot.pause()
        screen = reading(app)
        pane = app.query_one(SectionPane)
        assert screen.index == 1
        assert pane.max_scroll_y > 0
        assert pane.scroll_y == pane.max_scroll_y
        assert "There are many reasons why a therapist may need therapy." in pane_text(
            app
        )
        await pilot.press(key)
        assert screen.index == 1
        assert pane.scroll_y < pane.max_scroll_y


async def test_page_up_on_the_feedback_pane_goes_back_to_the_last_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "b")
        await pilot.pause()
        assert reading(app).index == 11
        assert "are for a fee." in pane_text(app)


async def test_arrow_keys_and_j_k_scroll_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("2")
        pane = app.query_one(SectionPane)
        await pilot.press("down", "down", "j")
        assert pane.scroll_y == 3
        await pilot.press("k", "up")
        assert pane.scroll_y == 1
        assert reading(app).index == 1


async def test_t_hides_and_shows_the_table_of_contents() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        toc = app.query_one("#contents")
        assert toc.display
        assert "Vent out" in screen_text(app)
        await pilot.press("t")
        assert not toc.display
        assert "Vent out" not in screen_text(app)
        await pilot.press("t")
        assert toc.display


async def test_tab_moves_focus_between_the_contents_and_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(SectionPane)
        toc = app.query_one(TableOfContents)
        assert pane.has_focus
        await pilot.press("tab")
        assert toc.has_focus
        await pilot.press("tab")
        assert pane.has_focus


async def test_choosing_a_section_in_the_contents_opens_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "down", "down", "enter")
        assert reading(app).index == 2
        assert "Some clients at times show signs" in pane_text(app)


async def test_the_contents_follow_the_current_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        toc = app.query_one(TableOfContents)
        assert toc.cursor == 3
        assert "▸ Personal life" in screen_text(app)
        # Only the rows that change are repainted: none may keep a stale mark.
        await pilot.press("right", "right", "left", "9", "2")
        await pilot.pause()
        marked = [line for line in screen_text(app).splitlines() if "▸" in line]
        assert len(marked) == 1
        assert "▸ Why do therapists need" in marked[0]


async def test_a_narrow_terminal_starts_with_the_contents_hidden() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert not app.query_one("#contents").display
        assert OPENING in pane_text(app)


async def test_help_lists_every_key() -> None:
    from reader.ui.commands import COMMANDS

    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = region_text(app, app.screen.query_one("#help"))
        assert text.startswith("How to read with reader An article is read one section")
        for command in COMMANDS:
            assert command.help in text, command.action
            assert command.keys_label in text, command.action
        assert "Tab" in text and "Ctrl+P" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_palette_goes_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Ethical")
        await pilot.pause(0.3)
        assert "Go to section 6: Ethical issues" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reading(app).index == 5
        assert "Therapists are constantly questioning" in pane_text(app)


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_the_current_section_stays_in_view_in_a_long_contents(
    tmp_path: Path,
) -> None:
    """Moving past the last row in view brings the current row back to the
    middle of the contents, so it is always on screen."""
    parts = "".join(f"## Part {n}\n\nText {n}.\n\n" for n in range(1, 61))
    path = tmp_path / "long.md"
    path.write_text(f"# Parts\n\n{parts}")
    app = make_app(load_file(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        toc = app.query_one(TableOfContents)
        height = toc.scrollable_content_region.height
        first_scroll: int | None = None
        for number in range(1, 41):
            await pilot.press("right")
            marked = [
                line for line in region_text(app, toc).splitlines() if "▸" in line
            ]
            assert marked == [marked[0]] and f"Part {number}" in marked[0]
            if first_scroll is None and toc.scroll_y > 0:
                first_scroll = reading(app).index - int(toc.scroll_y)
        # Past the bottom: re-centred, not crept along a row at a time.
        assert first_scroll is not None
        assert height // 3 <= first_scroll <= height * 2 // 3
        for _ in range(40):
            await pilot.press("left")
        assert toc.scroll_y == 0


async def test_the_scrollbar_shows_a_thumb_only_for_a_section_taller_than_the_pane(
    tmp_path: Path,
) -> None:
    long_text = "\n\n".join(f"Paragraph {n} of the long part." for n in range(40))
    sections = {
        "Long one": long_text,
        "Short one": "A line.",
        "Short two": "Another line.",
        "Long two": long_text,
        "Short three": "A last line.",
    }
    body = "".join(f"## {title}\n\n{text}\n\n" for title, text in sections.items())
    path = tmp_path / "mixed.md"
    path.write_text(body)
    app = make_app(load_file(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(SectionPane)
        seen = []
        for index in range(len(sections)):
            if index:
                await pilot.press("right")
            await pilot.pause()
            bar = pane.vertical_scrollbar
            strips = bar.render_lines(Region(0, 0, 1, bar.size.height))
            styles = {segment.style for strip in strips for segment in strip}
            seen.append(len(styles) > 1)  # a thumb: a second colour on the track
        assert seen == [True, False, False, True, False]


async def test_code_wider_than_the_pane_scrolls_sideways(tmp_path: Path) -> None:
    code = "print('" + "w" * 100 + "THE-END')"
    path = tmp_path / "wide.md"
    path.write_text(f"# Wide\n\n```python\n{code}\n```\n\n## Narrow\n\nJust prose.\n")
    app = make_app(load_file(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Shift+→ Wider" in footer and "Left" not in footer
        assert "THE-END" not in pane_text(app)
        await pilot.press("shift+right", "greater_than_sign")
        await pilot.pause()
        assert "THE-END" in pane_text(app)
        footer = screen_text(app).splitlines()[-1]
        assert "Shift+← Left" in footer and "Wider" not in footer
        await pilot.press("less_than_sign", "shift+left")
        await pilot.pause()
        assert "print('www" in pane_text(app)
        # Another section starts at the left, and offers no sideways scroll.
        await pilot.press("shift+right", "right")
        await pilot.pause()
        assert "Just prose." in pane_text(app)
        assert app.query_one(SectionPane).scroll_x == 0
        footer = screen_text(app).splitlines()[-1]
        assert "Wider" not in footer and "Left" not in footer
