"""The feedback pane: what the reader sees, and what lands in the database."""

from __future__ import annotations

from pathlib import Path

from reader import locations
from reader.store import Database, FeedbackRecord, FeedbackStore
from reader.ui.widgets.feedback_pane import CommentInput, FeedbackPane
from tests.app.helpers import make_app, pane_text, screen_text, settle


def records(data_dir: Path) -> list[FeedbackRecord]:
    path = locations.database_path(data_dir)
    if not path.exists():
        return []
    database = Database(path)
    try:
        return FeedbackStore(database).records()
    finally:
        database.close()


async def test_yes_is_saved_at_once_then_the_comment_into_the_same_record(
    data_dir: Path,
) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "y")
        await settle(pilot)
        saved = records(data_dir)
        assert [(r.answer, r.comment) for r in saved] == [("yes", None)]
        assert saved[0].article_id == "do-therapists-go-to-therapy"
        assert saved[0].article_title == "Do therapists go to therapy?"
        assert len(saved[0].content_sha256) == 64
        assert saved[0].created_at.endswith("Z")
        assert "Anything to add?" in pane_text(app)
        assert app.query_one(CommentInput).has_focus
        await pilot.press(*"Clear and kind.")
        await pilot.press("enter")
        await settle(pilot)
        assert [(r.answer, r.comment) for r in records(data_dir)] == [
            ("yes", "Clear and kind.")
        ]
        assert "Thanks for your feedback!" in pane_text(app)


async def test_no_asks_what_could_be_better_and_escape_skips(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "n")
        assert "What could be better?" in pane_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert [(r.answer, r.comment) for r in records(data_dir)] == [("no", None)]
        assert "Thanks for your feedback!" in pane_text(app)
        assert "What could be better?" not in pane_text(app)


async def test_buttons_answer_with_tab_and_enter(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end")
        assert app.query_one(FeedbackPane).has_focus
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "yes"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")
        await settle(pilot)
        assert [r.answer for r in records(data_dir)] == ["no"]


async def test_buttons_answer_with_the_mouse(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end")
        assert await pilot.click("#yes")
        await settle(pilot)
        assert [r.answer for r in records(data_dir)] == ["yes"]


async def test_no_navigation_key_records_an_answer(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        # y and n do nothing away from the feedback pane.
        await pilot.press("y", "n", "right", "y", "n")
        assert app.screen.index == 1  # type: ignore[attr-defined]
        await pilot.press("end")
        keys = ["space", "pagedown", "right", "l", "enter", "j", "k", "down", "up"]
        await pilot.press(*keys, "end", "G", "t", "t")
        await settle(pilot)
        assert records(data_dir) == []
        assert pane_text(app) == "Was this helpful? Yes No"


async def test_y_and_n_show_in_the_footer_only_while_asking(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        footer = screen_text(app).splitlines()[-1]
        assert " y Yes" not in footer
        await pilot.press("end")
        footer = screen_text(app).splitlines()[-1]
        assert "y Yes" in footer and "n No" in footer
        await pilot.press("y")
        await pilot.press("escape")
        footer = screen_text(app).splitlines()[-1]
        assert "y Yes" not in footer


async def test_keys_typed_in_the_comment_go_into_the_comment(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "y")
        await pilot.press(*"yes no q h l 1 g G", "space", "left", "right")
        assert app.screen.index == 12  # type: ignore[attr-defined]
        assert app.is_running
        await pilot.press("enter")
        await settle(pilot)
        saved = records(data_dir)
        assert [(r.answer, r.comment) for r in saved] == [("yes", "yes no q h l 1 g G")]


async def test_a_comment_is_at_most_2000_characters(data_dir: Path) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "n")
        comment = app.query_one(CommentInput)
        comment.insert_text_at_cursor("x" * 2500)
        assert len(comment.value) == 2000
        await pilot.press("enter")
        await settle(pilot)
        assert records(data_dir)[0].comment == "x" * 2000


async def test_control_characters_pasted_into_a_comment_are_made_harmless(
    data_dir: Path,
) -> None:
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "y")
        comment = app.query_one(CommentInput)
        comment.insert_text_at_cursor("a\x1b]0;pwned\x07b")
        assert "\x1b" not in comment.value and "\x07" not in comment.value
        assert comment.value == "a␛]0;pwned␇b"
