"""Where the reader is, as the footer says it: `§ 3/14 · 27% · 6 min left`.

Progress is measured in words, not sections, so a long section counts for more
than a short one, and it moves while scrolling inside a section.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.article.model import Article
from reader.article.words import WORDS_PER_MINUTE


@dataclass(frozen=True)
class Progress:
    """A position in an article: section `number` of `count` (1-based)."""

    number: int
    count: int
    percent: int
    minutes_left: int

    def __str__(self) -> str:
        if self.number > self.count:
            return f"Feedback · {self.percent}%"
        return (
            f"§ {self.number}/{self.count} · {self.percent}% · "
            f"{self.minutes_left} min left"
        )


def progress(article: Article, index: int, fraction: float = 0.0) -> Progress:
    """Progress at section `index` (0-based; `len(sections)` is the feedback pane),
    having scrolled `fraction` (0–1) of the way through it."""
    sections = article.sections
    count = len(sections)
    fraction = min(max(fraction, 0.0), 1.0)
    total = article.words
    if index >= count:
        return Progress(count + 1, count, 100, 0)
    read = article.words_before(index) + sections[index].words * fraction
    if total:
        percent = math.floor(100 * read / total)
    else:
        percent = math.floor(100 * (index + fraction) / max(count, 1))
    minutes_left = math.ceil((total - read) / WORDS_PER_MINUTE) if total else 0
    return Progress(index + 1, count, percent, minutes_left)
