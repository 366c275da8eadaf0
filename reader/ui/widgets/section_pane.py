"""The pane that shows the current section, rendered by Textual's Markdown widget."""

from __future__ import annotations

from collections import OrderedDict

from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll

from reader.article import Article, Section
from reader.ui.widgets.section_markdown import SectionMarkdown

RENDERED_KEPT = 3
"""Sections kept rendered (hidden) beside the current one, to go back instantly."""


class SectionPane(VerticalScroll, inherit_bindings=False):
    """Shows one section at a time, at a readable measure, with its own scrolling.

    Keys are the reading screen's (see `reader.ui.commands`), so the pane itself
    binds none. A few recently shown sections stay mounted but hidden, so moving
    back and forth between neighbours does not render them again.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._rendered: OrderedDict[tuple[int, int], SectionMarkdown] = OrderedDict()
        self._article: Article | None = None
        self._generation = 0

    @property
    def current(self) -> SectionMarkdown | None:
        """The section being shown."""
        return next(reversed(self._rendered.values()), None)

    def show(self, article: Article, section: Section) -> AwaitComplete:
        """Show `section` of `article`; await it to know its text is mounted."""
        if article is not self._article:
            self._article = article
            self._generation += 1
        key = (self._generation, section.index)
        shown = self._rendered.pop(key, None)
        for widget in self._rendered.values():
            widget.display = False
        if shown is not None:
            self._rendered[key] = shown
            shown.display = True
            return AwaitComplete(self._no_op())
        widget = SectionMarkdown(article, section)
        self._rendered[key] = widget
        stale = []
        while len(self._rendered) > RENDERED_KEPT:
            stale.append(self._rendered.popitem(last=False)[1])
        return AwaitComplete(self._replace(widget, stale))

    async def _replace(
        self, widget: SectionMarkdown, stale: list[SectionMarkdown]
    ) -> None:
        await self.mount(widget)
        if stale:
            await self.remove_children(stale)

    async def _no_op(self) -> None:
        return None

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
        """How far through the section the bottom of the view is, 0–1."""
        height = self.virtual_size.height
        if height <= 0:
            return 1.0
        return min((self.scroll_y + self.size.height) / height, 1.0)
