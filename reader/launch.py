"""Starting the interactive reader: the terminal, the store, the first screen.

Textual is imported only here, and only once the app is certain to run:
`--print`, `--outline` and `--feedback` never import it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from reader import locations
from reader.arguments import UsageError
from reader.article import Article, Outliner
from reader.safe_text import safe_line
from reader.source import Source

if TYPE_CHECKING:
    from reader.folder import FolderScan
    from reader.ui.app import Reading
    from reader.ui.persistence import Persistence

WHOLE_OUTLINE_AT_ONCE = 256 * 1024
"""Articles up to this many characters are outlined whole before the first frame
(a few milliseconds); longer ones show their start while the rest is found."""


def check_theme(name: str | None) -> str | None:
    """`--theme NAME` checked against Textual's themes (None: none given)."""
    if name is None:
        return None
    from textual.theme import BUILTIN_THEMES

    if name not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        raise UsageError(f"unknown theme {safe_line(name)!r}; choose one of: {names}")
    return name


def keyboard_from_terminal() -> None:
    """After reading the article from a pipe, take keys from the terminal.

    Textual reads keys from standard input, which was the pipe.
    """
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise UsageError(
            "no terminal to read keys from; use --print to print the article"
        ) from None
    os.dup2(terminal, sys.stdin.fileno() if sys.stdin else 0)
    os.close(terminal)


def read(
    args: argparse.Namespace,
    what: FolderScan | tuple[Source, Outliner],
    theme: str | None,
) -> None:
    """Run the interactive reader on an article or a folder.

    Only as much of the article is parsed first as it takes to show where
    reading starts; the rest of its outline is found in the background.
    """
    from reader.folder import FolderScan
    from reader.store import open_store
    from reader.ui.app import ReaderApp, Start
    from reader.ui.persistence import Persistence

    opened = open_store(locations.data_dir(args.data_dir))
    persistence = Persistence(opened.store, opened.notice)
    try:
        start: Start = (
            what
            if isinstance(what, FolderScan)
            else _reading(*what, persistence, resume=not args.from_start)
        )
        app = ReaderApp(
            start,
            persistence,
            theme=theme or _saved_theme(persistence.theme()),
            split_level=args.split_level,
            max_size=args.max_size,
        )
        app.run()
    finally:
        persistence.close()


def _reading(
    source: Source, outliner: Outliner, persistence: Persistence, *, resume: bool
) -> Reading:
    """What the reader opens with: the article known as far as the place to
    start (its first section, or the saved one), the outliner to finish it."""
    from reader.ui.app import Reading
    from reader.ui.screens.remembering import FEEDBACK_ID

    memory = persistence.recall(source.article_id)
    position = memory.position if resume else None

    def known(article: Article) -> bool:
        if position is None:
            return bool(article.sections)
        if position.section_id == FEEDBACK_ID:
            return False  # the feedback pane comes after the last section
        found = article.find(position.section_id) is not None
        return found or len(article.sections) > position.section_index

    if len(source.text) <= WHOLE_OUTLINE_AT_ONCE:
        return Reading(source, outliner.run(), memory, resume)
    return Reading(source, outliner.until(known), memory, resume, outliner)


def _saved_theme(name: str | None) -> str | None:
    """The saved theme, if it still exists."""
    from textual.theme import BUILTIN_THEMES

    return name if name in BUILTIN_THEMES else None
