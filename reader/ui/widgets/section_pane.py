"""The pane that shows the current section, rendered by Textual's Markdown widget."""

from __future__ import annotations

import re
from collections import OrderedDict

from textual.containers import VerticalScroll
from textual.widget import Widget

from reader.article import Article, Section
from reader.ui.widgets.section_markdown import Link, SectionMarkdown

RENDERED_KEPT = 3
"""Sections kept rendered (hidden) beside the current one, to go back instantly."""


class SectionPane(VerticalScroll, inherit_bindings=False):
    """Shows one section at a time, at a readable measure, with its own scrolling.

    Keys are the reading screen's (see `reader.ui.commands`), so the pane itself
    binds none. A few recently shown sections stay mounted but hidden, so moving
    back and forth between neighbours does not render them again. The pane also
    draws the search's matches and the link chosen with `tab`.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._rendered: OrderedDict[tuple[int, int], SectionMarkdown] = OrderedDict()
        self._article: Article | None = None
        self._generation = 0
        self._pattern: re.Pattern[str] | None = None
        self._current_match: int | None = None
        self._link: int | None = None

    @property
    def current(self) -> SectionMarkdown | None:
        """The section being shown."""
        return next(reversed(self._rendered.values()), None)

    async def show(self, article: Article, section: Section) -> None:
        """Show `section` of `article` from its top, its text mounted on return."""
        if article is not self._article:
            self._article = article
            self._generation += 1
        key = (self._generation, section.index)
        shown = self._rendered.pop(key, None)
        for widget in self._rendered.values():
            widget.display = False
        self._link = None
        self._current_match = None
        if shown is not None:
            self._rendered[key] = shown
            shown.display = True
        else:
            widget = SectionMarkdown(article, section)
            self._rendered[key] = widget
            stale = []
            while len(self._rendered) > RENDERED_KEPT:
                stale.append(self._rendered.popitem(last=False)[1])
            await self.mount(widget)
            if stale:
                await self.remove_children(stale)
        self.redraw()
        self.scroll_to(y=0, animate=False, immediate=True)

    # -- where the view is ----------------------------------------------------

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

    def reveal(self, widget: Widget, *, top: bool = False) -> None:
        """Scroll `widget` into view (to the top, or the middle) once laid out."""

        def scroll() -> None:
            if top:
                self.scroll_to_widget(widget, top=True, animate=False)
            else:
                self.scroll_to_center(widget, animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def scroll_to_end_when_laid_out(self) -> None:
        """Scroll to the bottom, after the section has been laid out."""
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def scroll_when_laid_out(self, y: float) -> None:
        """Scroll down to `y` lines, after the section has been laid out."""
        self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True)

    # -- search matches and the chosen link -------------------------------------

    def set_search(
        self, pattern: re.Pattern[str] | None, current_match: int | None = None
    ) -> Widget | None:
        """Mark `pattern`'s matches (the `current_match`-th emphasised) here and in
        sections shown later; returns the text holding the current match."""
        self._pattern, self._current_match = pattern, current_match
        return self.redraw()

    def redraw(self) -> Widget | None:
        """Draw the search's matches and the chosen link on the current section."""
        section = self.current
        if section is None:
            return None
        return section.mark(self._pattern, self._current_match, self.chosen_link)

    @property
    def chosen_link(self) -> Link | None:
        """The link `tab` has chosen, if any."""
        section = self.current
        if section is None or self._link is None:
            return None
        links = section.links()
        return links[self._link] if self._link < len(links) else None

    def step_link(self, step: int) -> bool:
        """Choose the next (or, `step` -1, previous) link; False past either end."""
        section = self.current
        links = section.links() if section is not None else []
        if self._link is None:
            position = 0 if step > 0 else len(links) - 1
        else:
            position = self._link + step
        self._link = position if 0 <= position < len(links) else None
        self.redraw()
        link = self.chosen_link
        if link is not None:
            self.reveal(link.holder)
        return link is not None
