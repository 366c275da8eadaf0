"""The pane that shows the current section: typeset lines, painted a screen at a time.

The section is typeset (see `reader.typeset`) once per width and theme and the
pane paints only the lines on screen, so a long section scrolls as cheaply as
a short one and moving between sections lays out no widgets. The sections
either side of the one shown are typeset in a thread while the reader reads,
so the next one is usually ready before it is asked for; a section too long to
set at once shows its first screens at once and the rest when ready (see
`reader.ui.typesetting`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.article import Article, Section
from reader.typeset import LinkSpot, Mark, Typeset, overlay
from reader.ui.typesetting import Key, Typesetting

MEASURE = 80
"""The widest line of text: a comfortable measure for reading."""

MARGIN = 2
"""Columns kept clear at each side of the text."""

AT_ONCE = 3
"""Screens of a section typeset before it is shown; the rest follows."""

MATCH = Style(reverse=True)
CURRENT_MATCH = Style(reverse=True, bold=True, underline=True)
LINK_CURSOR = Style(reverse=True, bold=True)
PENDING = "⋯ typesetting the rest of this section"

At = float | Literal["end"]


class SectionPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one section at a time at a readable measure, with its own scrolling.

    Keys are the reading screen's (see `reader.ui.commands`), so the pane itself
    binds none. It also draws the search's matches and the link chosen with
    `tab`, and says which link was clicked.
    """

    class LinkClicked(Message):
        """A link in the section was clicked."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._typesetting = Typesetting()
        self._section: Section | None = None
        self._typeset = Typeset(0, complete=True)
        self._pattern: re.Pattern[str] | None = None
        self._current_match: int | None = None
        self._marks: list[Mark] = []
        self._link: int | None = None
        self.expected_width = 0
        """The width the screen expects the pane's text area to have, before
        its first layout: the first section is set at it, so the first frame
        shows text (if it turns out wrong, the text is set again)."""
        self._resize_pending = False
        self._pending_scroll: At | None = None
        """Where to scroll once the section waiting for the pane's size is shown."""
        self._base = Style()
        """The widget's style, worked out once per paint (see `render_lines`)."""

    # -- what is shown ---------------------------------------------------------

    @property
    def section(self) -> Section | None:
        """The section being shown."""
        return self._section

    @property
    def typeset(self) -> Typeset:
        """The lines being shown (as far as typeset)."""
        return self._typeset

    @property
    def text_width(self) -> int:
        """How wide the text is set: the measure, or less in a narrow pane."""
        room = self.scrollable_content_region.width or self.expected_width
        return max(min(MEASURE, room - 2 * MARGIN), 16)

    def _key(self, index: int) -> Key:
        return self._typesetting.key(index, self.text_width, self.app.theme)

    async def show(self, article: Article, section: Section, *, at: At = 0.0) -> None:
        """Show `section` of `article`, scrolled `at` lines down (or to its end).

        Before the pane has its size, the section waits for it (the width
        decides how the text is set).
        """
        self._typesetting.show_article(article)
        self._section = section
        self._link = None
        self._current_match = None
        self._pending_scroll = at
        if self.size.width or self.expected_width:
            self._show_section()

    def set_article(self, article: Article) -> None:
        """Go on with `article`, a fuller outline of the one shown: the section
        on screen stays as it is."""
        self._typesetting.show_article(article)
        if self._section is not None:
            self._section = article.sections[self._section.index]

    def _show_section(self) -> None:
        assert self._section is not None
        index = self._section.index
        typeset = self._typesetting.get(self._key(index))
        if typeset is None:
            typeset = self._set_start()
        self._display(typeset)
        at, self._pending_scroll = self._pending_scroll, None
        self.scroll_to(0, 0, animate=False, immediate=True, force=True)
        if at == "end":
            self._scroll_now_and_after_refresh(self.scroll_to_end)
        elif at:
            y = at
            self._scroll_now_and_after_refresh(
                lambda: self.scroll_to(0, y, animate=False, immediate=True)
            )
        self._set_either_side(index)

    def _set_start(self) -> Typeset:
        """The current section's first screens now; the rest in a thread."""
        assert self._section is not None
        key = self._key(self._section.index)
        lines = max(self.size.height, 10) * AT_ONCE
        theme = self.app.current_theme
        typeset = self._typesetting.start(self._section, key.width, lines, theme)
        if typeset.complete:
            self._typesetting.keep(key, typeset)
        else:
            self._set_rest(self._section, key)
        return typeset

    @work(thread=True, exclusive=True, group="typeset-rest", description="Typesetting")
    def _set_rest(self, section: Section, key: Key) -> None:
        typeset = self._typesetting.whole(section, key.width, self.app.current_theme)
        if typeset is not None:
            self.app.call_from_thread(self._rest_set, key, typeset)

    def _rest_set(self, key: Key, typeset: Typeset) -> None:
        self._typesetting.keep(key, typeset)
        if self._section is not None and key == self._key(self._section.index):
            self._display(typeset)

    @work(thread=True, exclusive=True, group="typeset-ahead", description="Reading on")
    def _set_either_side(self, index: int) -> None:
        """Typeset the sections either side of `index`, ready for a move."""
        article = self._typesetting.article
        assert article is not None
        for neighbour in (index + 1, index - 1):
            if not 0 <= neighbour < len(article.sections):
                continue
            key = self.app.call_from_thread(self._key, neighbour)
            if get_current_worker().is_cancelled or self._typesetting.get(key):
                continue
            section = article.sections[neighbour]
            theme = self.app.current_theme
            typeset = self._typesetting.whole(section, key.width, theme)
            if typeset is not None:
                self.app.call_from_thread(self._typesetting.keep, key, typeset)

    def _display(self, typeset: Typeset) -> None:
        self._typeset = typeset
        self._marks = typeset.marks(self._pattern) if self._pattern else []
        extra = 0 if typeset.complete else 2
        room = self.scrollable_content_region.width or self.expected_width
        # Code or a table wider than the measure runs past the pane's right
        # edge: the pane scrolls sideways that far (`scroll_sideways`).
        width = max(typeset.width + 2 * MARGIN, self._indent(room) + typeset.widest)
        size = Size(width, len(typeset.lines) + extra)
        # Setting `virtual_size` lays out the whole screen, in case scrollbars
        # come or go; this pane always shows its scrollbar, so it need not. Only
        # the scrollbar is updated, as Textual does when it sizes a widget itself,
        # and only if it changes: between two sections that fit, it shows no
        # thumb either way (repainting it would cost a sixth of the move).
        self.set_reactive(SectionPane.virtual_size, size)
        bar = self.vertical_scrollbar
        if not (
            bar.window_size
            and max(bar.window_virtual_size, size.height) <= bar.window_size
        ):
            self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        # Sizes settle over the first frames (several resizes may come): set
        # the text once the screen has been refreshed with the latest one.
        if not self._resize_pending:
            self._resize_pending = True
            self.call_after_refresh(self._resized)

    def _resized(self) -> None:
        self._resize_pending = False
        if self._section is None:
            return
        if self._pending_scroll is not None:
            self._show_section()
        elif self._typeset.width != self.text_width:
            self._set_again()

    def _set_again(self) -> None:
        """Set the current section again (new width or theme), keeping the place."""
        if self._section is None:
            return
        fraction = self.fraction
        self._display(self._set_start())
        self.scroll_to(y=fraction * self.max_scroll_y, animate=False, immediate=True)

    def theme_changed(self) -> None:
        """The app's theme changed: typeset again in its colours."""
        self._typesetting.forget()
        self._set_again()

    async def finish_typesetting(self) -> None:
        """Make sure all of the current section is typeset (before a search hit
        or an anchor far down a long one is looked for)."""
        if self._typeset.complete or self._section is None:
            return
        key = self._key(self._section.index)
        theme = self.app.current_theme
        typeset = self._typesetting.now(self._section, key.width, theme)
        self._typesetting.keep(key, typeset)
        self._display(typeset)

    # -- painting --------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style, worked out once for all the lines painted now
        # (Textual walks every ancestor to find it).
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self._base
        number = y + scroll_y
        lines = self._typeset.lines
        if number < len(lines):
            strip = Strip(self._decorated(number, lines[number]))
        elif number == len(lines) + 1 and not self._typeset.complete:
            strip = Strip([Segment(PENDING, Style(dim=True, italic=True))])
        else:
            return Strip.blank(width, base)
        strip = Strip.join([Strip.blank(self._indent(width)), strip]).apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _indent(self, width: int) -> int:
        """Columns before the text: it is centred, with at least a margin."""
        return max((width - self._typeset.width) // 2, MARGIN)

    def _decorated(self, number: int, line: list[Segment]) -> list[Segment]:
        for mark in self._marks:
            if mark.line == number:
                current = mark.ordinal == self._current_match
                style = CURRENT_MATCH if current else MATCH
                line = overlay(line, mark.start, mark.end, style)
        link = self.chosen_link
        if link is not None and link.line == number:
            line = overlay(line, link.start, link.end, LINK_CURSOR)
        return line

    # -- where the view is -------------------------------------------------------

    @property
    def at_top(self) -> bool:
        """Scrolled to the very top."""
        return self.scroll_y <= 0

    @property
    def at_bottom(self) -> bool:
        """Scrolled to the very bottom (or nothing to scroll)."""
        return self.scroll_y >= self.max_scroll_y

    @property
    def fraction(self) -> float:
        """How far down the section the view has scrolled, 0–1."""
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0

    def reveal_line(self, line: int, *, top: bool = False) -> None:
        """Scroll typeset line `line` into view: to the top, or the middle."""

        def scroll() -> None:
            height = self.scrollable_content_region.height
            y = line if top else line - height // 2
            self.scroll_to(y=max(y, 0), animate=False, immediate=True)

        # After a new section is shown, its size settles on the next refresh.
        self.call_after_refresh(scroll)

    def reveal_source_line(self, source_line: int) -> None:
        """Scroll to the block holding source line `source_line` of the section."""
        self.reveal_line(self._typeset.line_of(source_line), top=True)

    def _scroll_now_and_after_refresh(self, scroll: Callable[[], None]) -> None:
        """Scroll now, so the first frame is already in place, and again once
        the screen has settled the pane's size (which may not be final yet)."""
        scroll()
        self.call_after_refresh(scroll)

    def scroll_sideways(self, direction: int) -> None:
        """Scroll half the pane's width right (`direction` 1) or left (-1)."""
        step = max(self.scrollable_content_region.width // 2, 1)
        x = self.scroll_x + direction * step
        # `force`: the pane hides a horizontal scrollbar, not horizontal scrolling.
        self.scroll_to(x=max(0, min(x, self.max_scroll_x)), animate=False, force=True)

    def scroll_to_end(self) -> None:
        """Scroll to the bottom."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # -- search matches ----------------------------------------------------------

    def set_search(
        self, pattern: re.Pattern[str] | None, current_match: int | None = None
    ) -> int | None:
        """Mark `pattern`'s matches (the `current_match`-th emphasised) here and in
        sections shown later; returns the line of the current match."""
        self._pattern, self._current_match = pattern, current_match
        self._marks = self._typeset.marks(pattern) if pattern else []
        self.refresh()
        if current_match is None or not self._marks:
            return None
        wanted = min(current_match, self._marks[-1].ordinal)
        return next(mark.line for mark in self._marks if mark.ordinal >= wanted)

    # -- links -----------------------------------------------------------------

    @property
    def chosen_link(self) -> LinkSpot | None:
        """The link `tab` has chosen, if any."""
        links = self._typeset.links
        if self._link is None or self._link >= len(links):
            return None
        return links[self._link]

    def step_link(self, step: int) -> bool:
        """Choose the next (or, `step` -1, previous) link; False past either end."""
        links = self._typeset.links
        if self._link is None:
            position = 0 if step > 0 else len(links) - 1
        else:
            position = self._link + step
        self._link = position if 0 <= position < len(links) else None
        self.refresh()
        link = self.chosen_link
        if link is not None:
            self.reveal_line(link.line)
        return link is not None

    def link_at(self, x: int, y: int) -> LinkSpot | None:
        """The link at cell (`x`, `y`) of the pane's content region, if any."""
        scroll_x, scroll_y = self.scroll_offset
        column = x + scroll_x - self._indent(self.scrollable_content_region.width)
        number = y + scroll_y
        for link in self._typeset.links:
            if link.line == number and link.start <= column < link.end:
                return link
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        link = None if offset is None else self.link_at(offset.x, offset.y)
        if link is not None:
            event.stop()
            self.post_message(self.LinkClicked(link.href))
