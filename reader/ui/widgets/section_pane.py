"""The pane that shows the current section: typeset lines, painted a screen at a time.

The section is typeset once per width and theme (see `reader.typeset`) and the
pane paints only the lines on screen, so a long section scrolls as cheaply as
a short one and moving between sections does not lay out any widgets. Sections
next to the one shown are typeset in a thread while the reader reads, so the
next one is usually ready before it is asked for. A section too long to
typeset at once shows its first screens at once and the rest when ready.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.theme import Theme as TextualTheme
from textual.worker import get_current_worker

from reader.article import Article, Section
from reader.typeset import LinkSpot, Typeset, Typesetter, source_start
from reader.ui.reading_styles import reading_styles

MEASURE = 80
"""The widest line of text: a comfortable measure for reading."""

MARGIN = 2
"""Columns kept clear at each side of the text."""

KEPT = 12
"""Typeset sections kept, to come back to (or go on to) without typesetting."""

AT_ONCE = 3
"""Screens of a section typeset before it is shown; the rest follows."""

MATCH = Style(reverse=True)
CURRENT_MATCH = Style(reverse=True, bold=True, underline=True)
LINK_CURSOR = Style(reverse=True, bold=True)
PENDING = "⋯ typesetting the rest of this section"


@dataclass(frozen=True)
class _Match:
    """The part of search match number `ordinal` on one typeset line (in cells)."""

    ordinal: int
    line: int
    start: int
    end: int


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
        self._article: Article | None = None
        self._generation = 0
        self._section: Section | None = None
        self._typeset = Typeset(0, complete=True)
        self._cache: OrderedDict[tuple[int, int, int, str], Typeset] = OrderedDict()
        self._typesetter: Typesetter | None = None
        self._pattern: re.Pattern[str] | None = None
        self._current_match: int | None = None
        self._matches: list[_Match] = []
        self._link: int | None = None
        self.expected_width = 0
        """The width the screen expects the pane's text area to have, before
        its first layout: the first section is set at it, so the first frame
        shows text (if it turns out wrong, the text is set again)."""
        self._resize_pending = False
        self._pending_scroll: float | Literal["end"] | None = None
        """Where to scroll once the section waiting for the pane's size is shown."""

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

    def _key(self, index: int) -> tuple[int, int, int, str]:
        return (self._generation, index, self.text_width, self.app.theme)

    def _setter(self) -> Typesetter:
        """The typesetter for the event loop's own use."""
        if self._typesetter is None:
            self._typesetter = _typesetter(self._article, self.app.current_theme)
        return self._typesetter

    async def show(
        self, article: Article, section: Section, *, at: float | Literal["end"] = 0.0
    ) -> None:
        """Show `section` of `article`, scrolled `at` lines down (or to its end).

        Before the pane has its size, the section waits for it (the width
        decides how the text is set).
        """
        if article is not self._article:
            self._article = article
            self._generation += 1
            self._typesetter = None
        self._section = section
        self._link = None
        self._current_match = None
        self._pending_scroll = at
        if self.size.width or self.expected_width:
            self._show_section()

    def set_article(self, article: Article) -> None:
        """Go on with `article`, a fuller outline of the one shown: the section
        on screen stays as it is."""
        self._article = article
        self._generation += 1
        self._typesetter = None
        if self._section is not None:
            self._section = article.sections[self._section.index]

    def _show_section(self) -> None:
        assert self._article is not None and self._section is not None
        article, section = self._article, self._section
        key = self._key(section.index)
        typeset = self._cache.get(key)
        if typeset is None:
            typeset = self._typeset_start(section)
            if typeset.complete:
                self._remember(key, typeset)
            else:
                self._typeset_rest(article, section, key)
        self._display(typeset)
        at, self._pending_scroll = self._pending_scroll, None
        self.scroll_to(0, 0, animate=False, immediate=True)
        # A new virtual size settles on the next refresh; scroll within it then.
        if at == "end":
            self.call_after_refresh(self.scroll_to_end)
        elif at:
            self.call_after_refresh(
                self.scroll_to, 0, at, animate=False, immediate=True
            )
        self._prefetch(article, section.index)

    def _typeset_start(self, section: Section) -> Typeset:
        """As many blocks as fill `AT_ONCE` screens (all of a short section).

        Only the start of a long section's source is even parsed here; the
        whole of it is typeset in a thread (`_typeset_rest`).
        """
        assert self._article is not None
        source = self._article.source(section)
        start = source_start(source)
        width = self.text_width
        typeset = Typeset(width)
        enough = max(self.size.height, 10) * AT_ONCE
        for block, block_lines in self._setter().iter_lines(start, width):
            typeset.add(block, block_lines)
            if len(typeset.lines) > enough:
                return typeset
        typeset.complete = start is source
        return typeset

    @work(
        thread=True,
        exclusive=True,
        group="typeset-rest",
        description="Typesetting the rest of a section",
    )
    def _typeset_rest(
        self, article: Article, section: Section, key: tuple[int, int, int, str]
    ) -> None:
        typeset = _typeset_politely(article, section, key[2], self.app.current_theme)
        if typeset is not None:
            self.app.call_from_thread(self._rest_typeset, key, typeset)

    def _rest_typeset(self, key: tuple[int, int, int, str], typeset: Typeset) -> None:
        self._remember(key, typeset)
        if self._section is not None and key == self._key(self._section.index):
            self._display(typeset)

    @work(
        thread=True,
        exclusive=True,
        group="typeset-ahead",
        description="Typesetting the sections either side",
    )
    def _prefetch(self, article: Article, index: int) -> None:
        """Typeset the sections either side of `index`, ready for a move."""
        for neighbour in (index + 1, index - 1):
            if not 0 <= neighbour < len(article.sections):
                continue
            key = self.app.call_from_thread(self._key, neighbour)
            if key in self._cache or get_current_worker().is_cancelled:
                continue
            section = article.sections[neighbour]
            typeset = _typeset_politely(
                article, section, key[2], self.app.current_theme
            )
            if typeset is not None:
                self.app.call_from_thread(self._remember, key, typeset)

    def _remember(self, key: tuple[int, int, int, str], typeset: Typeset) -> None:
        self._cache[key] = typeset
        self._cache.move_to_end(key)
        while len(self._cache) > KEPT:
            self._cache.popitem(last=False)

    def _display(self, typeset: Typeset) -> None:
        self._typeset = typeset
        self._find_matches()
        extra = 0 if typeset.complete else 2
        size = Size(typeset.width + 2 * MARGIN, len(typeset.lines) + extra)
        # Setting `virtual_size` lays out the whole screen, in case scrollbars
        # come or go; this pane always shows its scrollbar, so it need not. Only
        # the scrollbar is updated, as Textual does when it sizes a widget itself.
        self.set_reactive(SectionPane.virtual_size, size)
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
            self._cache.clear()
            self._retypeset()

    def _retypeset(self) -> None:
        """Typeset the current section again (new width or theme), keeping the place."""
        if self._article is None or self._section is None:
            return
        fraction = self.fraction
        typeset = self._typeset_start(self._section)
        if not typeset.complete:
            self._typeset_rest(
                self._article, self._section, self._key(self._section.index)
            )
        else:
            self._remember(self._key(self._section.index), typeset)
        self._display(typeset)
        self.scroll_to(y=fraction * self.max_scroll_y, animate=False, immediate=True)

    def theme_changed(self) -> None:
        """The app's theme changed: typeset again in its colours."""
        self._cache.clear()
        self._typesetter = None
        self._retypeset()

    async def finish_typesetting(self) -> None:
        """Make sure the whole of the current section is typeset."""
        if self._typeset.complete or self._section is None:
            return
        typeset = self._setter().typeset(self._setter_source(), self._typeset.width)
        self._remember(self._key(self._section.index), typeset)
        self._display(typeset)

    def _setter_source(self) -> str:
        assert self._article is not None and self._section is not None
        return self._article.source(self._section)

    # -- painting --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = y + scroll_y
        lines = self._typeset.lines
        if number < len(lines):
            strip = Strip(self._decorated(number, lines[number]))
        elif number == len(lines) + 1 and not self._typeset.complete:
            strip = Strip([Segment(PENDING, Style(dim=True, italic=True))])
        else:
            return Strip.blank(width, base)
        indent = max((width - self._typeset.width) // 2, MARGIN) if width else 0
        strip = Strip.join([Strip.blank(indent), strip]).apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _decorated(self, number: int, line: list[Segment]) -> list[Segment]:
        marks = [
            (
                match.start,
                match.end,
                CURRENT_MATCH if ordinal == self._current_match else MATCH,
            )
            for ordinal, match in enumerate(self._matches)
            if match.line == number
        ]
        link = self.chosen_link
        if link is not None and link.line == number:
            marks.append((link.start, link.end, LINK_CURSOR))
        if not marks:
            return line
        for start, end, style in marks:
            line = _overlay(line, start, end, style)
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
        self._find_matches()
        self.refresh()
        if current_match is None or not self._matches:
            return None
        wanted = min(current_match, self.match_count - 1)
        return next(match.line for match in self._matches if match.ordinal == wanted)

    def _find_matches(self) -> None:
        """Find the search's matches in the typeset text, across line breaks too
        (a query's spaces match any run of white space, newlines included)."""
        self._matches = []
        if self._pattern is None:
            return
        texts = self._typeset.texts
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        joined = "\n".join(texts)
        for ordinal, match in enumerate(self._pattern.finditer(joined)):
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.end() - 1, match.start())) - 1
            for line in range(first, last + 1):
                text = texts[line]
                begin = max(match.start() - starts[line], 0)
                end = min(match.end() - starts[line], len(text))
                if line > first:
                    begin += len(text) - len(text.lstrip())
                if line < last:
                    end = len(text[:end].rstrip())
                if end > begin:
                    start_cell = cell_len(text[:begin])
                    end_cell = start_cell + cell_len(text[begin:end])
                    self._matches.append(_Match(ordinal, line, start_cell, end_cell))

    @property
    def match_count(self) -> int:
        """Matches of the search drawn in this section."""
        return len({match.ordinal for match in self._matches})

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
        width = self.scrollable_content_region.width
        indent = max((width - self._typeset.width) // 2, MARGIN)
        column, number = x + scroll_x - indent, y + scroll_y
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


def _typeset_politely(
    article: Article, section: Section, width: int, theme: TextualTheme
) -> Typeset | None:
    """Typeset a whole section on a worker thread, letting the event loop's
    thread run between blocks; None if the worker was cancelled meanwhile."""
    worker = get_current_worker()
    typeset = Typeset(width)
    setter = _typesetter(article, theme)
    for block, lines in setter.iter_lines(article.source(section), width):
        typeset.add(block, lines)
        time.sleep(0)  # hand the GIL over: keys must not wait for typesetting
        if worker.is_cancelled:
            return None
    typeset.complete = True
    return typeset


def _typesetter(article: Article | None, theme: TextualTheme) -> Typesetter:
    references = article.references if article is not None else {}
    styles = reading_styles(theme)
    return Typesetter(references, theme=styles.theme, code_theme=styles.code_theme)


def _overlay(line: list[Segment], start: int, end: int, style: Style) -> list[Segment]:
    """`line` with `style` laid over cells `start` to `end`."""
    before, middle, after = Strip(line).divide([start, end, Strip(line).cell_length])
    marked = [
        Segment(text, (seg_style or Style()) + style) for text, seg_style, _ in middle
    ]
    return [*before, *marked, *after]
