"""The reading screen's search: what was found, which hit is being read, and
going from hit to hit across sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.article.search import Hit, SearchResult, query_pattern

if TYPE_CHECKING:
    from reader.ui.screens.reading import ReadingScreen


class Searching:
    """The search of one reading screen (none is active until `found`)."""

    def __init__(self, screen: ReadingScreen) -> None:
        self._screen = screen
        self.result: SearchResult | None = None
        self.hit: Hit | None = None
        """The hit being read, once one was chosen or stepped to."""

    @property
    def active(self) -> bool:
        """Whether there are hits to go to."""
        return self.result is not None and bool(self.result.hits)

    def found(self, result: SearchResult) -> None:
        """The search panel found `result`: mark it everywhere."""
        screen = self._screen
        self.result = result if result.query.strip() else None
        self.hit = None
        screen.toc.set_hits(result.counts)
        screen.pane.set_search(query_pattern(result.query))
        self._say_where()

    def clear(self) -> None:
        """No search any more."""
        self.result = None
        self.hit = None
        self._screen.toc.set_hits({})
        self._screen.pane.set_search(None)
        self._say_where()

    async def step(self, forward: bool) -> None:
        """Go to the next (or previous) hit after the one being read, or after
        (before) the section being read; past the last, round to the first."""
        result = self.result
        if result is None:
            return
        if self.hit is not None:
            section, ordinal = self.hit.section, self.hit.ordinal
        else:
            section, ordinal = self._screen.index, -1 if forward else 1 << 30
        if forward:
            hit = result.next_after(section, ordinal)
        else:
            hit = result.previous_before(section, ordinal)
        if hit is not None:
            await self.go_to(hit)

    async def go_to(self, hit: Hit) -> None:
        """Show `hit`: its section, scrolled to it, the match emphasised."""
        screen = self._screen
        self.hit = hit
        if hit.section != screen.index:
            await screen.go(hit.section)
        pane = screen.pane
        pane.focus()
        await pane.finish_typesetting()
        pattern = query_pattern(self.result.query) if self.result else None
        line = pane.set_search(pattern, hit.ordinal)
        if line is not None:
            pane.reveal_line(line)
        self._say_where()

    def _say_where(self) -> None:
        """The footer's “query” 2/4 (or how many matches, before one is chosen)."""
        result = self.result
        if result is None or not result.hits:
            self._screen.status.set_search("")
            return
        where = result.describe()
        if self.hit is not None:
            where = f"{result.hits.index(self.hit) + 1:,}/{result.total:,}"
        self._screen.status.set_search(f"“{result.query.strip()}” {where}")
