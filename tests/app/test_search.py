"""`/` searches every section; hits are listed, highlighted and visited in order."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.widgets.section_pane import SectionPane
from tests.app.helpers import (
    make_app,
    marked_runs,
    pane_text,
    region_text,
    screen_text,
)


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def search(pilot: Pilot[None], query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def panel_text(pilot: Pilot[None]) -> str:
    return region_text(pilot.app, pilot.app.screen.query_one(SearchPanel))


def highlighted(app: object) -> list[tuple[str, bool]]:
    """Matches drawn in the pane: (text, whether it is the current one)."""
    return marked_runs(app, reading(app).pane)  # type: ignore[arg-type]


async def test_typing_lists_hits_from_every_section_with_their_titles() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await search(pilot, "isolation")
        text = panel_text(pilot)
        assert "4 matches in 3 sections" in text
        assert "§ 1 Do therapists go to therapy?" in text
        assert "§ 5 Professional isolation" in text
        assert "§ 9 Getting Support" in text
        assert "Therapists must work in isolation which is stressful" in text


async def test_the_search_is_case_insensitive_and_incremental() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await search(pilot, "JUN")
        assert "1 match in 1 section" in panel_text(pilot)
        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 match in 1 section" in panel_text(pilot)
        await pilot.press("x")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "No matches" in panel_text(pilot)


async def test_enter_opens_the_hit_and_highlights_it_in_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "Jung")
        await pilot.press("enter")
        await pilot.pause()
        screen = reading(app)
        assert screen.index == 11
        assert not app.query_one(SearchPanel).display
        assert "Carl Jung suggested that" in pane_text(app)
        assert highlighted(app) == [("Jung", True)]
        assert "“Jung” 1/1" in screen_text(app)


async def test_a_phrase_matches_across_line_breaks_and_marks() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "compassion   fatigue")
        assert "1 match in 1 section" in panel_text(pilot)


async def test_down_then_enter_opens_the_second_hit() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "isolation")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert reading(app).index == 4
        # The second hit is section 5's heading; its text holds the third.
        assert highlighted(app) == [("isolation", True), ("isolation", False)]


async def test_next_and_previous_hit_keys_cross_sections() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "isolation")
        await pilot.press("escape")  # closes the box: the search is over
        assert reading(app).index == 0
        assert "“isolation”" not in screen_text(app)

        await search(pilot, "isolation")
        await pilot.press("enter")
        screen = reading(app)
        visited = [screen.index]
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            visited.append(screen.index)
        # Section 5's heading and text each match; the count wraps to the first.
        assert visited == [0, 4, 4, 8, 0]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.index == 8
        assert "“isolation” 4/4" in screen_text(app)


async def test_the_contents_show_hit_counts_while_searching() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "isolation")
        text = screen_text(app)
        assert "2 Professional isolation" in text
        assert "1 Getting Support" in text
        assert "Vent out" in text and "1 Vent out" not in text
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert "2 Professional isolation" not in screen_text(app)
        assert highlighted(app) == []


async def test_the_hit_is_scrolled_into_view() -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await search(pilot, "for a fee")
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(SectionPane)
        assert reading(app).index == 11
        assert pane.scroll_y > 0
        assert "are for a fee." in pane_text(app)


async def test_no_matches_is_said_plainly_and_enter_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "zebra")
        assert "No matches" in panel_text(pilot)
        await pilot.press("enter")
        assert reading(app).index == 0
        assert "“zebra”" not in screen_text(app)
