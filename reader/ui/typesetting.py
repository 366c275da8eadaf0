"""Which sections are typeset, at what width and in which theme: the pane's store.

Typesetting a section takes from milliseconds to a second or more; showing one
already set takes nothing. This keeps the last `KEPT` sections set (by
article, section, width and theme), sets the start of a long section at once
and the whole of it on a worker thread, politely: between blocks the thread
hands the interpreter back, so keys are never kept waiting.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import NamedTuple

from textual.theme import Theme
from textual.worker import get_current_worker

from reader.article import Article, Section
from reader.typeset import Typeset, Typesetter, source_start
from reader.ui.reading_styles import reading_styles

KEPT = 12
"""Typeset sections kept, to come back to (or go on to) without typesetting."""


class Key(NamedTuple):
    """What a typeset section depends on."""

    article: int
    """Which article (a number that changes with each article shown)."""
    section: int
    width: int
    theme: str


class Typesetting:
    """Typeset sections of the article shown, kept for a while."""

    def __init__(self) -> None:
        self.article: Article | None = None
        self._generation = 0
        self._kept: OrderedDict[Key, Typeset] = OrderedDict()
        self._own: Typesetter | None = None

    def show_article(self, article: Article) -> None:
        """From now on, set sections of `article` (a new one, or a fuller
        outline of the same)."""
        if article is not self.article:
            self.article = article
            self._generation += 1
            self._own = None

    def key(self, section: int, width: int, theme: str) -> Key:
        """The key of `section` set at `width` in `theme`."""
        return Key(self._generation, section, width, theme)

    def get(self, key: Key) -> Typeset | None:
        """The section set as `key` says, if it is kept."""
        return self._kept.get(key)

    def keep(self, key: Key, typeset: Typeset) -> None:
        """Keep a typeset section (only a complete one is worth keeping)."""
        if not typeset.complete:
            return
        self._kept[key] = typeset
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT:
            self._kept.popitem(last=False)

    def forget(self) -> None:
        """Forget every typeset section (the theme changed: set them again)."""
        self._kept.clear()
        self._own = None

    def start(self, section: Section, width: int, lines: int, theme: Theme) -> Typeset:
        """At least `lines` lines of `section` (all of a short one), now.

        Only the start of a long section's source is even parsed; `whole`
        sets the rest.
        """
        assert self.article is not None
        if self._own is None:
            self._own = typesetter(self.article, theme)
        source = self.article.source(section)
        start = source_start(source)
        typeset = Typeset(width)
        for block, block_lines in self._own.iter_lines(start, width):
            typeset.add(block, block_lines)
            if len(typeset.lines) > lines:
                return typeset
        typeset.complete = start is source
        return typeset

    def now(self, section: Section, width: int, theme: Theme) -> Typeset:
        """All of `section`, set at once on this thread (a long one blocks)."""
        assert self.article is not None
        if self._own is None:
            self._own = typesetter(self.article, theme)
        return self._own.typeset(self.article.source(section), width)

    def whole(self, section: Section, width: int, theme: Theme) -> Typeset | None:
        """All of `section`, set on the worker thread calling this; None if the
        worker was cancelled meanwhile (the reader moved on)."""
        assert self.article is not None
        worker = get_current_worker()
        typeset = Typeset(width)
        setter = typesetter(self.article, theme)
        for block, lines in setter.iter_lines(self.article.source(section), width):
            typeset.add(block, lines)
            time.sleep(0)  # hand the interpreter over: keys must not wait
            if worker.is_cancelled:
                return None
        typeset.complete = True
        return typeset


def typesetter(article: Article, theme: Theme) -> Typesetter:
    """A typesetter for `article` in the colours of `theme` (one per thread)."""
    styles = reading_styles(theme)
    return Typesetter(
        article.references,
        theme=styles.theme,
        code_theme=styles.code_theme,
        wide=True,
    )
