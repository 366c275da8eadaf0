"""The last pane of every article: "Was this helpful?".

The pane only asks and reports what the reader chose; the reading screen
stores the answer. Yes/No buttons work with `tab`/`enter` and the mouse; `y`
and `n` are the screen's commands, available only while this pane asks.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Input, Static

from reader.safe_text import safe_line
from reader.store import MAX_COMMENT, Answer, FeedbackRecord

Stage = Literal["asking", "commenting", "thanked"]

QUESTION = "Was this helpful?"
THANKS = "Thanks for your feedback!"
COMMENT_PROMPTS: dict[Answer, str] = {
    "yes": "Anything to add?",
    "no": "What could be better?",
}


def earlier_answer(record: FeedbackRecord, sha256: str) -> str:
    """ "You answered Yes on 25 Nov 2026: “Clear and kind.”" (and if the article
    has changed since, that the answer was about an earlier version)."""
    answer = "Yes" if record.answer == "yes" else "No"
    day = _day(record.created_at)
    said = f"You answered {answer} on {day}"
    if record.comment:
        said += f": “{safe_line(record.comment)}”"
    if record.content_sha256 != sha256:
        said += " (about an earlier version of this article)"
    return said + ". Answer again to change it."


def _day(timestamp: str) -> str:
    """`2026-11-25T21:03:00.123Z` as `25 Nov 2026` (as stored, if unreadable)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return safe_line(timestamp)
    return f"{moment.day} {moment:%b %Y}"


class CommentInput(Input):
    """A one-line comment box: at most `MAX_COMMENT` characters, nothing unsafe.

    Pasted text is cut to fit rather than refused, and control characters and
    escape sequences become visible symbols before they can reach the screen.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(max_length=MAX_COMMENT, id=id)

    def replace(self, text: str, start: int, end: int) -> None:
        room = MAX_COMMENT - (len(self.value) - (end - start))
        super().replace(safe_line(text)[: max(room, 0)], start, end)


class FeedbackPane(Vertical, can_focus=True):
    """Asks "Was this helpful?", then for an optional comment, then thanks."""

    BINDINGS = [Binding("escape", "skip_comment", "Skip", show=False)]

    stage: reactive[Stage] = reactive("asking")

    class Answered(Message):
        """The reader answered Yes or No."""

        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer: Answer = answer

    class Commented(Message):
        """The reader saved a comment (or skipped it, with `comment` None)."""

        def __init__(self, comment: str | None) -> None:
            super().__init__()
            self.comment = comment

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._answer: Answer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="feedback-card"):
            yield Static(Content(QUESTION), id="question")
            yield Static(id="earlier")
            with Horizontal(id="answers"):
                yield Button("Yes", id="yes", variant="success", compact=True)
                yield Button("No", id="no", variant="error", compact=True)
            yield Static(id="comment-prompt")
            yield CommentInput(id="comment")
            yield Static(Content("Enter saves it · Esc skips"), id="comment-hint")
            yield Static(Content(THANKS), id="thanks")

    def show_earlier(self, record: FeedbackRecord | None, sha256: str) -> None:
        """Say what the reader answered last time (`record`), if anything."""
        self.set_class(record is not None, "-has-earlier")
        if record is not None:
            self.query_one("#earlier", Static).update(
                Content(earlier_answer(record, sha256))
            )

    def watch_stage(self, stage: Stage) -> None:
        self.set_class(stage == "asking", "-asking")
        self.set_class(stage == "commenting", "-commenting")
        self.set_class(stage == "thanked", "-thanked")
        comments = self.query(CommentInput)
        if not comments:  # asked before its children exist: on_mount asks again
            return
        comment = comments.first()
        if stage == "commenting":
            comment.value = ""
            comment.focus()
        elif comment.has_focus:
            self.focus()

    def on_mount(self) -> None:
        self.watch_stage(self.stage)

    def answer(self, answer: Answer) -> None:
        """Record the reader's answer and ask for a comment."""
        if self.stage != "asking":
            return
        self._answer = answer
        self.query_one("#comment-prompt", Static).update(
            Content(COMMENT_PROMPTS[answer])
        )
        self.post_message(self.Answered(answer))
        self.stage = "commenting"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id in ("yes", "no"):
            self.answer("yes" if event.button.id == "yes" else "no")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        comment = event.value.strip()
        self.post_message(self.Commented(comment or None))
        self.stage = "thanked"

    def action_skip_comment(self) -> None:
        """`escape` while commenting: no comment."""
        self.post_message(self.Commented(None))
        self.stage = "thanked"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip_comment":
            return self.stage == "commenting"
        return True
