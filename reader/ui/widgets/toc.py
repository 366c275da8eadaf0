"""The table of contents: the article's sections by heading level, from our model.

A Line-API widget: it paints only the rows on screen, so an article of
thousands of sections costs no more to show than one of ten (Textual's `Tree`
took over a second to build 4,000 nodes). Each row is a section, indented by
its heading level, marked when it is the one being read (`▸`), read (`✓`) or
holds search hits (their count). Titles are `Text`, never markup: a heading
like `[/]` or `[@click=app.quit]` is shown as written.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.article import Article, Section

INDEXING = "indexing…"
"""Shown under the contents while the outline is still being found."""
INDENT = 2
"""Columns of indentation per heading level."""


class TableOfContents(ScrollView, can_focus=True, inherit_bindings=False):
    """Sections by heading level; marks the current one, read ones and hits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "toc--cursor",
        "toc--current",
        "toc--read",
        "toc--hits",
    }

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """The row the keyboard is on."""

    class SectionChosen(Message):
        """The reader picked a section in the table of contents."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._sections: tuple[Section, ...] = ()
        self._current = -1
        self._read: frozenset[int] = frozenset()
        self._hits: dict[int, int] = {}
        self._base = Style()

    # -- what it shows ------------------------------------------------------------

    def show_article(self, article: Article, current: int) -> None:
        """Show `article`'s sections (as far as known), with `current` marked."""
        self._sections = article.sections
        self._current = current
        rows = len(self._sections)
        widest = max(
            (self._row_width(section) for section in self._sections), default=0
        )
        self.virtual_size = Size(widest, rows)
        self.cursor = max(min(current, len(self._sections) - 1), 0)
        self.refresh()

    def set_current(self, index: int) -> None:
        """Mark section `index` as the one being read (past the end: none)."""
        old, self._current = self._current, index
        if 0 <= index < len(self._sections):
            self.cursor = index
        # Only the two rows change: repainting the rest would cost a frame.
        self.refresh_line(old)
        self.refresh_line(index)

    def set_read(self, read: frozenset[int]) -> None:
        """Mark the sections in `read` as read."""
        changed, self._read = read ^ self._read, read
        for row in changed:
            self.refresh_line(row)

    def set_hits(self, hits: dict[int, int]) -> None:
        """Show `hits[index]` search hits beside each section (empty: none)."""
        self._hits = dict(hits)
        self.refresh()

    def row_text(self, row: int) -> str:
        """A row as shown (without colour)."""
        return self._row(row).plain

    # -- painting -------------------------------------------------------------------

    def _row_width(self, section: Section) -> int:
        return INDENT * max(section.level - 1, 0) + 2 + len(section.label) + 8

    def _row(self, row: int) -> Text:
        section = self._sections[row]
        indent = " " * (INDENT * max(section.level - 1, 0))
        if row == self._current:
            marker = Text("▸ ", style=self.get_component_rich_style("toc--current"))
        elif row in self._read:
            marker = Text("✓ ", style=self.get_component_rich_style("toc--read"))
        else:
            marker = Text("  ")
        title = Text(section.label)
        if row == self._current:
            title.stylize(self.get_component_rich_style("toc--current"))
        if not section.title:
            title.stylize("italic")
        text = Text.assemble(indent, marker)
        hits = self._hits.get(row)
        if hits:
            text.append(f"{hits:,}", self.get_component_rich_style("toc--hits"))
            text.append(" ")
        text.append_text(title)
        return text

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style, worked out once for all the lines painted now
        # (Textual walks every ancestor to find it).
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y
        width = self.scrollable_content_region.width
        base = self._base
        if row >= self.virtual_size.height:
            return Strip.blank(width, base)
        text = self._row(row)
        text.truncate(width + scroll_x, overflow="ellipsis")
        segments = list(text.render(self.app.console, end=""))
        style = base
        if row == self.cursor and (self.has_focus or row == self._current):
            # Over the whole row, the title's own styles included.
            cursor = self.get_component_rich_style("toc--cursor")
            style = base + Style(bgcolor=cursor.bgcolor, reverse=cursor.reverse)
            segments = [
                Segment(text, (segment_style or Style()) + style)
                for text, segment_style, _ in segments
            ]
        strip = Strip(segments).apply_style(style)
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def watch_cursor(self, old: int, new: int) -> None:
        # A cursor leaving the view brings it back to the middle, not the edge:
        # the next half-screen of moves then need no scroll (which repaints
        # every row), as in `less` or Vim's 'scrolljump'.
        height = self.scrollable_content_region.height
        if height and not self.scroll_y <= new < self.scroll_y + height:
            self.scroll_to(y=max(new - height // 2, 0), animate=False)
        self.refresh_line(old)
        self.refresh_line(new)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- choosing -------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self._sections) - 1))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(self.scrollable_content_region.height - 1, 1))

    def action_choose(self) -> None:
        if 0 <= self.cursor < len(self._sections):
            self.post_message(self.SectionChosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_y)
        if 0 <= row < len(self._sections):
            event.stop()
            self.cursor = row
            self.post_message(self.SectionChosen(row))
