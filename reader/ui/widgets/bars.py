"""The title bar at the top and the status bar (keys and position) at the bottom."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Static


class TitleBar(Static):
    """The article's title, one line, never markup."""

    def __init__(self, title: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(Content(title), id=id)

    def set_title(self, title: str) -> None:
        """Show another title."""
        self.update(Content(title))


class StatusBar(Horizontal):
    """The footer's keys on the left, `§ 3/14 · 27% · 6 min left` on the right."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._position_width = 0

    def compose(self) -> ComposeResult:
        yield Footer(show_command_palette=False, compact=True)
        yield Static(id="search-position")
        yield Static(id="position")

    def set_search(self, text: str) -> None:
        """Show the active search and where in its hits the reader is ("" hides it)."""
        label = self.query_one("#search-position", Static)
        label.update(Content(text))
        label.display = bool(text)

    def set_position(self, text: str) -> None:
        """Show where the reader is, right-aligned in the widest space it has
        needed so far: only growing needs a layout (which repaints the whole
        screen and costs a frame), and "§ 9/12" → "§ 10/12" does not shrink it
        back."""
        label = self.query_one("#position", Static)
        grows = len(text) > self._position_width
        self._position_width = max(self._position_width, len(text))
        label.update(Content(text.rjust(self._position_width)), layout=grows)
