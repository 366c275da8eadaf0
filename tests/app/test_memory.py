"""What the reader remembers: place, read sections, theme and earlier answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.source import load_file
from reader.store import StoreError, open_store
from reader.ui.app import ReaderApp
from reader.ui.screens import remembering
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.section_pane import SectionPane
from reader.ui.widgets.toc import TableOfContents
from tests.app.helpers import make_app, pane_text, region_text, screen_text, settle


def reading(app: object) -> ReadingScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


def notices(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (at most a few seconds)."""
    for _ in range(100):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


def saved_position(data_dir: Path, article_id: str) -> tuple[str, int, float] | None:
    store = open_store(data_dir).store
    assert store is not None
    try:
        position = store.positions.load(article_id)
    finally:
        store.close()
    if position is None:
        return None
    return position.section_id, position.section_index, position.scroll_y


async def test_quitting_mid_section_and_reopening_resumes_there(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("5", "down", "down", "down")
        assert app.query_one(SectionPane).scroll_y == 3
        await pilot.press("q")
    app.persistence.close()
    assert saved_position(data_dir, "do-therapists-go-to-therapy") == (
        "professional-isolation",
        4,
        3.0,
    )

    again = make_app(data_dir=data_dir)
    async with again.run_test(size=(80, 14)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert reading(again).index == 4
        assert again.query_one(SectionPane).scroll_y == 3
        assert "Resumed at § 5 — Professional isolation; g for the start." in notices(
            again
        )
        assert "§ 5/12" in screen_text(again)
        await pilot.press("g")
        assert reading(again).index == 0
    again.persistence.close()


async def test_from_start_ignores_the_saved_place(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7", "q")
    app.persistence.close()
    again = make_app(data_dir=data_dir, resume=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert reading(again).index == 0
        assert not [n for n in notices(again) if n.startswith("Resumed")]
    again.persistence.close()


async def test_every_section_change_saves_the_place(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", "right")
        await settle(pilot)
        assert saved_position(data_dir, "do-therapists-go-to-therapy") == (
            "difficult-clients",
            2,
            0.0,
        )
        await pilot.press("end")
        await settle(pilot)
        assert saved_position(data_dir, "do-therapists-go-to-therapy") == ("", 12, 0.0)
    app.persistence.close()


def write_article(path: Path, headings: list[str]) -> None:
    body = "".join(
        f"## {heading}\n\nAbout {heading.lower()}.\n\n" for heading in headings
    )
    path.write_text(f"# Notes\n\nOpening.\n\n{body}")


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        (["Alpha", "Beta", "Gamma", "Delta"], "Delta"),  # unchanged
        (["Alpha", "Delta", "Beta"], "Delta"),  # moved: found by its id
        (["Alpha", "Beta", "Gamma", "Renamed"], "Renamed"),  # gone: same index
        (["Alpha"], "Alpha"),  # gone, and fewer sections: the last one
    ],
)
async def test_a_changed_article_resumes_at_the_nearest_section(
    data_dir: Path, tmp_path: Path, later: list[str], expected: str
) -> None:
    path = tmp_path / "notes.md"
    write_article(path, ["Alpha", "Beta", "Gamma", "Delta"])
    app = make_app(load_file(path), data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "q")  # § 5 is Delta (the H1 section is § 1)
    app.persistence.close()
    write_article(path, later)
    again = make_app(load_file(path), data_dir=data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = reading(again)
        assert screen.article.sections[screen.index].title == expected
        assert pane_text(again).startswith(expected)
    again.persistence.close()


async def test_a_long_section_counts_as_read_once_its_end_is_reached(
    data_dir: Path,
) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("2")
        toc = app.query_one(TableOfContents)
        assert "✓" not in screen_text(app)
        while not app.query_one(SectionPane).at_bottom:
            await pilot.press("space")
        await pilot.pause()
        assert "✓ Why do therapists" in region_text(app, toc) or "✓ 1/12" in (
            screen_text(app)
        )
        assert "✓ 1/12" in screen_text(app).splitlines()[-1]
        await settle(pilot)
    app.persistence.close()
    store = open_store(data_dir).store
    assert store is not None
    assert store.positions.read_sections("do-therapists-go-to-therapy") == {
        "why-do-therapists-need-therapy"
    }
    store.close()


async def test_a_short_section_counts_as_read_after_a_moment(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remembering, "DWELL_SECONDS", 0.2)
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = reading(app)
        await screen.go(3)
        read_before = len(screen._remembering.read_indices())
        assert 3 not in screen._remembering.read_indices()
        await wait_until(pilot, lambda: 3 in screen._remembering.read_indices())
        # Passing through quickly reads nothing.
        for index in (4, 5, 6):
            await screen.go(index)
        await wait_until(pilot, lambda: 6 in screen._remembering.read_indices())
        assert reading(app)._remembering.read_indices() - {0} == {3, 6}
        assert f"✓ {read_before + 2}/12" in screen_text(app).splitlines()[-1]
    app.persistence.close()

    again = make_app(data_dir=data_dir, resume=False)
    async with again.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        toc_text = region_text(again, again.query_one(TableOfContents))
        assert "✓ Personal life" in toc_text
        assert "✓ Work related stress" in toc_text
        assert "✓ Ethical issues" not in toc_text
    again.persistence.close()


async def test_the_chosen_theme_is_remembered_and_theme_overrides_it_once(
    data_dir: Path,
) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
    app.persistence.close()

    again = make_app(data_dir=data_dir)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "textual-light"
    again.persistence.close()

    once = make_app(data_dir=data_dir, theme="nord")
    async with once.run_test(size=(100, 30)) as pilot:
        assert once.theme == "nord"
        await settle(pilot)
    once.persistence.close()

    after = make_app(data_dir=data_dir)
    async with after.run_test(size=(100, 30)):
        assert after.theme == "textual-light"
    after.persistence.close()


async def test_the_feedback_pane_shows_the_earlier_answer_and_takes_a_new_one(
    data_dir: Path,
) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "y", *"Kind words.", "enter")
        await settle(pilot)
    app.persistence.close()

    again = make_app(data_dir=data_dir, resume=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("end")
        text = pane_text(again)
        assert "You answered Yes on " in text
        assert "“Kind words.”" in text
        assert "Answer again to change it." in text
        await pilot.press("n", "escape")
        await settle(pilot)
    again.persistence.close()
    store = open_store(data_dir).store
    assert store is not None
    history = store.feedback.history("do-therapists-go-to-therapy")
    store.close()
    assert [(r.answer, r.comment) for r in history] == [
        ("no", None),
        ("yes", "Kind words."),
    ]


async def test_a_data_dir_that_cannot_be_written_is_said_once_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(data_dir=blocker / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = [n for n in notices(app) if n.startswith("Nothing will be saved")]
        assert len(said) == 1
        await pilot.press("right", "end", "y", "escape")
        await settle(pilot)
        assert "Thanks for your feedback!" in pane_text(app)
        assert len([n for n in notices(app) if "saved" in n]) == 1
        await pilot.press("q")
    assert app.return_code == 0
    app.persistence.close()


async def test_a_failed_save_is_a_notice_and_the_app_keeps_running(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(data_dir=data_dir)
    store = app.persistence._store
    assert store is not None

    def full(*args: object, **kwargs: object) -> int:
        raise StoreError("Could not save: database or disk is full")

    monkeypatch.setattr(store.feedback, "add", full)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "y")
        await settle(pilot)
        assert "Could not save: database or disk is full" in notices(app)
        await pilot.press("escape", "home")
        assert reading(app).index == 0
        assert app.is_running
    app.persistence.close()
