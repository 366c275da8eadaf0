"""Keeping an article's place and read sections saved as the reader moves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from reader.article import Article
from reader.store import Position
from reader.ui.persistence import Memory, Persistence

if TYPE_CHECKING:
    from reader.ui.screens.reading import ReadingScreen

DWELL_SECONDS = 2.0
"""Time on a section that fits on screen after which it counts as read."""

SCROLL_SAVE_SECONDS = 1.0
"""Quiet time after scrolling before the scroll offset is saved."""

FEEDBACK_ID = ""
"""The section id saved for the feedback pane (which has none)."""


def resume_index(article: Article, position: Position) -> int:
    """The pane to resume at: the saved section, else the one at its old index.

    An article may have changed since: when the saved id is gone, the reader
    goes to the section now at the saved index (or the last one), never past
    the feedback pane.
    """
    count = len(article.sections)
    if position.section_id != FEEDBACK_ID:
        found = article.find(position.section_id)
        if found is not None:
            return found.index
        return min(position.section_index, max(count - 1, 0))
    return count


class Remembering:
    """Saves where the reader is and marks sections read, for one screen."""

    def __init__(self, screen: ReadingScreen, memory: Memory) -> None:
        self._screen = screen
        self._read = set(memory.read)
        self._dwell: Timer | None = None
        self._scroll_save: Timer | None = None

    @property
    def _persistence(self) -> Persistence:
        return self._screen.persistence

    def read_indices(self) -> frozenset[int]:
        """The indices of the sections read so far."""
        article = self._screen.article
        found = (article.find(section_id) for section_id in self._read)
        return frozenset(section.index for section in found if section is not None)

    def section_shown(self) -> None:
        """A pane was shown: save the place, and time it if it is short."""
        if self._dwell is not None:
            self._dwell.stop()
            self._dwell = None
        self.save()
        screen = self._screen
        if not screen.on_feedback:
            screen.call_after_refresh(self._time_if_short, screen.index)

    def _time_if_short(self, index: int) -> None:
        """Once laid out, a section with nothing to scroll is read after a moment."""
        screen = self._screen
        if screen.index == index and screen.pane.max_scroll_y == 0:
            self._dwell = screen.set_timer(DWELL_SECONDS, lambda: self._dwelt(index))

    def scrolled(self) -> None:
        """The pane scrolled: a section scrolled to its end is read; save soon."""
        screen = self._screen
        pane = screen.pane
        if not screen.on_feedback and pane.scroll_y > 0 and pane.at_bottom:
            self._mark_read(screen.index)
        if self._scroll_save is not None:
            self._scroll_save.stop()
        self._scroll_save = screen.set_timer(SCROLL_SAVE_SECONDS, self.save)

    def _dwelt(self, index: int) -> None:
        if self._screen.index == index:
            self._mark_read(index)

    def _mark_read(self, index: int) -> None:
        section = self._screen.article.sections[index]
        if section.id in self._read:
            return
        self._read.add(section.id)
        self._screen.read_changed()
        self._persistence.mark_read(self._screen.source.article_id, section.id)

    def save(self) -> None:
        """Save the current pane and scroll offset (in the background)."""
        screen = self._screen
        sections = screen.article.sections
        section_id = FEEDBACK_ID if screen.on_feedback else sections[screen.index].id
        scroll = 0.0 if screen.on_feedback else screen.pane.scroll_y
        self._persistence.save_position(
            screen.source.article_id, section_id, screen.index, scroll
        )
