"""Output without the TUI: `--outline` (text or JSON), `--print` (Rich), and a
folder's listing.

Never imports Textual. The article's text was made terminal-safe when it was
read, but some strings are made later (a TOML title's `\\u001b`, a character
reference such as `&#x202E;`), so everything untrusted is made safe again here,
just before it is written, and none of it is ever parsed as Rich markup.
"""

from __future__ import annotations

import io
import json
import re
from typing import TYPE_CHECKING, TextIO

from reader.article import Article, Section
from reader.article.words import reading_minutes
from reader.safe_text import safe_line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reader.folder import FolderListing

PIPE_WIDTH = 80
"""Columns `--print` uses when standard output is not a terminal."""

_TRAILING_SPACES = re.compile(r"[ \t]+$", re.MULTILINE)


def outline_json(article: Article) -> str:
    """The outline as JSON: lines are 1-based and inclusive."""
    data = {
        "title": safe_line(article.title),
        "sections": [
            {
                "id": safe_line(section.id),
                "title": safe_line(section.title),
                "level": section.level,
                "words": section.words,
                "line_start": section.line_start + 1,
                "line_end": max(section.line_end, section.line_start + 1),
            }
            for section in article.sections
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def outline_text(article: Article) -> str:
    """The outline for people: numbered, indented by level, with reading times."""
    count = len(article.sections)
    minutes = reading_minutes(article.words)
    lines = [
        safe_line(article.title),
        f"{_count(count, 'section')} · {article.words:,} words · {minutes} min",
        "",
    ]
    width = len(str(count))
    for section in article.sections:
        indent = "  " * max(section.level - 1, 0)
        lines.append(
            f"{section.index + 1:>{width}}  {indent}{safe_line(section.label)}"
            f"  ({_minutes(section.words)}, #{safe_line(section.id)})"
        )
    return "\n".join(lines)


def folder_text(listing: FolderListing, shown: str) -> str:
    """A folder's articles for people: numbered, with reading times and paths.

    `shown` is the folder as it may be shown (`reader.source.display_path`).
    """
    entries = listing.entries
    lines = [f"{shown} · {_count(len(entries), 'Markdown file')}", ""]
    width = len(str(len(entries)))
    for number, entry in enumerate(entries, 1):
        detail = (
            _minutes(entry.words) if entry.readable else f"cannot open: {entry.note}"
        )
        lines.append(f"{number:>{width}}  {entry.title}  ({detail}, {entry.relative})")
    if not listing.complete:
        lines += ["", f"Only the first {len(entries):,} are listed."]
    return "\n".join(safe_line(line) for line in lines)


def folder_json(listing: FolderListing, shown: str) -> str:
    """A folder's articles as JSON; `note` says why one cannot be opened."""
    data = {
        "folder": safe_line(shown),
        "complete": listing.complete,
        "articles": [
            {
                "path": safe_line(entry.relative),
                "title": safe_line(entry.title),
                "words": entry.words,
                "minutes": entry.minutes,
                "note": None if entry.note is None else safe_line(entry.note),
            }
            for entry in listing.entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def print_article(
    article: Article,
    file: TextIO,
    *,
    width: int | None = None,
    only: Section | None = None,
) -> None:
    """Render the article (or one section) with Rich to `file`.

    To a terminal: at its width (or `width`), styled, honouring `NO_COLOR`.
    Elsewhere (a pipe, a file): at `width` or 80 columns, without escape codes
    (unless `FORCE_COLOR` asks), and without trailing spaces. Sections are
    separated by a blank line.
    """
    from rich.rule import Rule
    from rich.segment import Segment, Segments
    from rich.text import Text

    from reader.typeset import Typesetter

    output = _Output(file, width)
    # The same typesetting as the interactive reader's, but a link's target is
    # written after its text: printed text cannot be followed.
    typesetter = Typesetter(article.references, urls=True)
    if only is None:
        output.print(Rule(Text(safe_line(article.title)), style="bold"))
    sections = (only,) if only is not None else article.sections
    for index, section in enumerate(sections):
        if index:
            output.blank_line()
        typeset = typesetter.typeset(article.source(section), output.console.width)
        segments = [
            segment for line in typeset.lines for segment in (*line, Segment.line())
        ]
        output.print(Segments(segments))


class _Output:
    """A Rich console on `file`; when that is not a terminal, each print is
    rendered to a buffer first so trailing spaces can be dropped."""

    def __init__(self, file: TextIO, width: int | None) -> None:
        from rich.console import Console

        self.file = file
        self.terminal = file.isatty()
        self._buffer = None if self.terminal else io.StringIO()
        self.console = Console(
            file=self._buffer or file,
            width=width if width or self.terminal else PIPE_WIDTH,
            markup=False,
            emoji=False,
            highlight=False,
            legacy_windows=False,
        )

    def blank_line(self) -> None:
        self.file.write("\n")

    def print(self, renderable: RenderableType) -> None:
        self.console.print(renderable)
        if self._buffer is not None:
            text = self._buffer.getvalue()
            self._buffer.seek(0)
            self._buffer.truncate()
            self.file.write(_TRAILING_SPACES.sub("", text))


def _minutes(words: int) -> str:
    return f"{reading_minutes(words)} min" if words else "no text"


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
