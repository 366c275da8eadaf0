"""What an article is, once parsed: a title and its sections."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate

from reader.article.markdown import References
from reader.article.words import reading_minutes

UNTITLED = "Untitled section"
"""What an empty heading is called wherever a title is shown."""


@dataclass(frozen=True)
class Section:
    """One pane's worth of an article: a heading and what follows it.

    Lines are 0-based and `line_end` is exclusive; `source` is the exact text
    of those lines.
    """

    index: int
    id: str
    title: str
    level: int
    """The heading's level, or 0 for the opening section before any heading."""
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    words: int

    @property
    def label(self) -> str:
        """The title to show: never blank."""
        return self.title or UNTITLED

    @property
    def minutes(self) -> int:
        """Minutes it takes to read."""
        return reading_minutes(self.words)


@dataclass(frozen=True)
class Anchor:
    """Where a heading's GitHub-style id points: its section, and its line."""

    section: int
    line: int


@dataclass(frozen=True)
class Article:
    """A parsed article. `complete` is False while only its start is known."""

    title: str
    text: str = field(repr=False)
    sections: tuple[Section, ...] = field(repr=False)
    anchors: Mapping[str, Anchor] = field(repr=False)
    references: References = field(repr=False)
    complete: bool = True
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _words_before: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = tuple(section.line_start for section in self.sections)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(
            self, "_words_before", (0, *accumulate(s.words for s in self.sections))
        )

    def source(self, section: Section) -> str:
        """The exact Markdown of `section`."""
        return self.text[section.char_start : section.char_end]

    @property
    def words(self) -> int:
        """Words in the whole article (as far as it is known)."""
        return self._words_before[-1]

    def words_before(self, index: int) -> int:
        """Words in the sections before section `index`."""
        return self._words_before[index]

    def section_at_line(self, line: int) -> Section:
        """The section that holds source line `line` (0-based)."""
        return self.sections[max(bisect_right(self._starts, line) - 1, 0)]

    def find(self, section_id: str) -> Section | None:
        """The section with id `section_id`, if there is one."""
        anchor = self.anchors.get(section_id)
        if anchor is None:
            return None
        section = self.sections[anchor.section]
        return section if section.id == section_id else None
