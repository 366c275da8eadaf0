"""Typesetting a section into lines of Rich segments, one block at a time.

Both the interactive reader and `--print` show sections through this. The
section is parsed with the reader's own dialect (`render_parser`) and each
top-level block is rendered by Rich's Markdown elements into lines, so the
reader can paint any screenful of a long section without laying out a widget
per paragraph (Textual's `Markdown` widget takes seconds to lay out a 20 KB
section, and as long again to show it once more). What the lines hold besides
text is recorded as it is made:

- where each top-level block starts, so a heading's anchor finds its line;
- where each link is (line and cells), so the app, not the terminal, decides
  what following it does: no OSC 8 hyperlink ever reaches the terminal;
- each line's plain text, for search.

Very long blocks are cut into pieces (`CODE_PIECE` lines of code, `TABLE_PIECE`
rows of a table, the header repeated) so no one block stalls the rendering.

For the interactive reader (`wide=True`), code is never wrapped and a table is
set at its natural width, up to `WIDEST` cells: a line of code broken in two
reads as two lines, and a squeezed table as a column of fragments. Such lines
are wider than the rest; the pane scrolls sideways to show them. Printed output
(`wide=False`) wraps them to the width, as a pipe expects. Never imports
Textual.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import ClassVar

from markdown_it.token import Token
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import CodeBlock, Heading, Markdown, MarkdownElement
from rich.segment import Segment
from rich.style import Style
from rich.syntax import Syntax
from rich.theme import Theme

from reader.article.markdown import References, render_parser

CODE_PIECE = 200
"""Lines of a code block rendered as one piece."""

PLAIN_CODE = 1_000
"""Code blocks longer than this are not highlighted: Pygments takes seconds
over tens of thousands of lines."""

TABLE_PIECE = 200
"""Rows of a table rendered as one piece (each piece repeats the header)."""

WIDEST = 1_000
"""Cells a code line or table may take before it is wrapped after all."""

CODE_PADDING = 1
"""Columns of background either side of a code block's text (Rich's padding)."""

Line = list[Segment]


class _LeftHeading(Heading):
    """Rich's heading, but every level is set flush left, as read."""

    LEVEL_ALIGN: ClassVar[dict[str, str]] = {  # type: ignore[assignment]
        f"h{level}": "left" for level in range(1, 7)
    }


class _UnwrappedCode(CodeBlock):
    """Rich's code block, set as wide as its longest line (see
    `Typesetter.render`), so only a line past `WIDEST` cells is wrapped."""

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> RenderResult:
        code = str(self.text).rstrip()
        yield Syntax(
            code,
            self.lexer_name,
            theme=self.theme,
            word_wrap=True,
            padding=CODE_PADDING,
        )


class _Markdown(Markdown):
    """Rich's Markdown over tokens the reader already parsed."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "heading_open": _LeftHeading,
    }

    def __init__(self, tokens: list[Token], *, code_theme: str, urls: bool) -> None:
        # Rich's own __init__ builds a new MarkdownIt parser (about 1.3 ms) for
        # every instance just to parse its argument; the tokens are parsed, so
        # set what the rendering reads and skip it.
        self.markup = ""
        self.parsed = tokens
        self.code_theme = code_theme
        self.justify = None
        self.style = "none"
        self.hyperlinks = not urls
        self.inline_code_lexer = None
        self.inline_code_theme = code_theme


class _WideMarkdown(_Markdown):
    """The same, its code set at its own width."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **_Markdown.elements,
        "fence": _UnwrappedCode,
        "code_block": _UnwrappedCode,
    }


@dataclass(frozen=True)
class Block:
    """A top-level block's tokens, the source line it starts at, and whether it
    continues the block before it (a piece of a long code block or table)."""

    tokens: list[Token]
    line: int
    continues: bool = False


@dataclass(frozen=True)
class LinkSpot:
    """A link as typeset: on `line`, cells `start` to `end`, going to `href`."""

    line: int
    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Mark:
    """Where search match number `ordinal` lies on one typeset line (in cells)."""

    ordinal: int
    line: int
    start: int
    end: int


@dataclass
class Typeset:
    """A section's lines at one width, and what they hold."""

    width: int
    lines: list[Line] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    widest: int = 0
    """Cells of the widest line: more than `width` when code or a table is."""
    starts: list[tuple[int, int]] = field(default_factory=list)
    """(source line, typeset line) where each top-level block starts."""
    links: list[LinkSpot] = field(default_factory=list)
    complete: bool = False

    def line_of(self, source_line: int) -> int:
        """The typeset line of the block holding `source_line` (0 if unknown)."""
        found = 0
        for line, typeset_line in self.starts:
            if line > source_line:
                break
            found = typeset_line
        return found

    def marks(self, pattern: re.Pattern[str]) -> list[Mark]:
        """Where `pattern` matches the text as set, across line breaks too (a
        query's spaces match any run of white space, newlines included); a
        match over two lines is two marks of the same ordinal."""
        texts = self.texts
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        found = []
        for ordinal, match in enumerate(pattern.finditer("\n".join(texts))):
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
                    cells = cell_len(text[:begin])
                    found.append(
                        Mark(ordinal, line, cells, cells + cell_len(text[begin:end]))
                    )
        return found

    def add(self, block: Block, lines: list[Line]) -> None:
        """Append a block's rendered lines (after a blank line between blocks)."""
        while lines and _blank(lines[0]):
            lines = lines[1:]
        while lines and _blank(lines[-1]):
            lines = lines[:-1]
        if self.lines and not block.continues:
            self._append([])
        self.starts.append((block.line, len(self.lines)))
        for line in lines:
            self._append(line)

    def _append(self, line: Line) -> None:
        y = len(self.lines)
        cleaned: Line = []
        x = 0
        for segment in line:
            text, style, control = segment
            if control:
                continue
            width = segment.cell_length
            if style is not None and style.link:
                self._link(y, x, x + width, style.link)
                style = style.update_link(None)
            cleaned.append(Segment(text, style))
            x += width
        self.lines.append(cleaned)
        self.texts.append("".join(segment.text for segment in cleaned))
        self.widest = max(self.widest, x)

    def _link(self, y: int, start: int, end: int, href: str) -> None:
        last = self.links[-1] if self.links else None
        if (
            last is not None
            and last.line == y
            and last.end == start
            and last.href == href
        ):
            self.links[-1] = LinkSpot(y, last.start, end, href)
        else:
            self.links.append(LinkSpot(y, start, end, href))


def _blank(line: Line) -> bool:
    """A line of nothing but unpainted spaces (not a code block's padding)."""
    return all(
        not segment.text.strip()
        and (segment.style is None or not segment.style.bgcolor)
        for segment in line
    )


class Typesetter:
    """Typesets sections of one article (its reference links known) in a theme.

    Not thread-safe: use one per thread.
    """

    def __init__(
        self,
        references: References,
        *,
        theme: Theme | None = None,
        code_theme: str = "monokai",
        urls: bool = False,
        wide: bool = False,
    ) -> None:
        """`urls`: write a link's target after its text, as `text (url)`, for
        output that is not interactive (no `LinkSpot`s are recorded then).
        `wide`: code and tables wider than the width are not wrapped (see the
        module docstring)."""
        self._parser = render_parser(references)
        self._code_theme = code_theme
        self._urls = urls
        self._wide = wide
        self._console = Console(
            file=io.StringIO(),
            theme=theme,
            force_terminal=True,
            color_system="truecolor",
            legacy_windows=False,
            markup=False,
            emoji=False,
            highlight=False,
        )

    def blocks(self, source: str) -> list[Block]:
        """The section's top-level blocks, long ones cut into pieces."""
        tokens = self._parser.parse(source)
        blocks: list[Block] = []
        start = 0
        depth = 0
        for index, token in enumerate(tokens):
            depth += token.nesting
            if depth == 0:
                group = tokens[start : index + 1]
                line = group[0].map[0] if group[0].map else 0
                blocks.extend(_pieces(group, line))
                start = index + 1
        return blocks

    def render(self, block: Block, width: int) -> list[Line]:
        """One block's lines at `width` cells (code and tables wider, if wide)."""
        width = max(width, 8)
        first = block.tokens[0]
        if self._wide and first.type in ("fence", "code_block"):
            longest = max(
                map(cell_len, first.content.expandtabs(4).splitlines()), default=0
            )
            width = max(width, min(longest + 2 * CODE_PADDING, WIDEST))
        elif self._wide and first.type == "table_open":
            natural = self._render(block, WIDEST)
            if max(map(Segment.get_line_length, natural), default=0) > width:
                return natural
        return self._render(block, width)

    def _render(self, block: Block, width: int) -> list[Line]:
        options = self._console.options.update(width=width)
        kind = _WideMarkdown if self._wide else _Markdown
        markdown = kind(block.tokens, code_theme=self._code_theme, urls=self._urls)
        return self._console.render_lines(markdown, options, pad=False)

    def typeset(self, source: str, width: int) -> Typeset:
        """The whole section at once."""
        typeset = Typeset(width)
        for block, lines in self.iter_lines(source, width):
            typeset.add(block, lines)
        typeset.complete = True
        return typeset

    def iter_lines(self, source: str, width: int) -> Iterator[tuple[Block, list[Line]]]:
        """Each block with its lines, in order: for typesetting a bit at a time."""
        for block in self.blocks(source):
            yield block, self.render(block, width)


START_CHARS = 16_000
"""Characters of a long section typeset at once, before the rest."""


def source_start(source: str) -> str:
    """The start of a long section's source, cut after a blank line past
    `START_CHARS`, or failing that after a line end (a short one whole)."""
    if len(source) <= START_CHARS:
        return source
    cut = source.find("\n\n", START_CHARS, 2 * START_CHARS)
    if cut < 0:
        cut = source.find("\n", START_CHARS)
    return source if cut < 0 else source[: cut + 1]


def _pieces(group: list[Token], line: int) -> list[Block]:
    """A top-level block, cut into pieces if it is a very long code block or table."""
    first = group[0]
    if first.type in ("fence", "code_block") and first.content.count("\n") > CODE_PIECE:
        return _code_pieces(first, line)
    if first.type == "table_open":
        return _table_pieces(group, line)
    return [Block(group, line)]


def _code_pieces(token: Token, line: int) -> list[Block]:
    code_lines = token.content.splitlines(keepends=True)
    plain = len(code_lines) > PLAIN_CODE
    blocks = []
    for start in range(0, len(code_lines), CODE_PIECE):
        piece = token.copy()
        piece.content = "".join(code_lines[start : start + CODE_PIECE])
        if plain:
            piece.info = ""
        blocks.append(Block([piece], line + start, continues=start > 0))
    return blocks


def _table_pieces(group: list[Token], line: int) -> list[Block]:
    """A table of many rows as tables of `TABLE_PIECE` rows, each with the header."""
    body_start = next((i for i, t in enumerate(group) if t.type == "tbody_open"), None)
    if body_start is None:
        return [Block(group, line)]
    head = group[:body_start]
    rows: list[list[Token]] = []
    current: list[Token] = []
    for token in group[body_start + 1 : -2]:  # between tbody_open and tbody_close
        current.append(token)
        if token.type == "tr_close":
            rows.append(current)
            current = []
    if len(rows) <= TABLE_PIECE:
        return [Block(group, line)]
    tail = group[-2:]
    blocks = []
    for start in range(0, len(rows), TABLE_PIECE):
        body = [token for row in rows[start : start + TABLE_PIECE] for token in row]
        tokens = [*head, group[body_start], *body, *tail]
        first_row = rows[start][0].map
        row_line = first_row[0] if first_row else line
        blocks.append(Block(tokens, row_line, continues=start > 0))
    return blocks


def overlay(line: Line, start: int, end: int, style: Style) -> Line:
    """`line` with `style` laid over cells `start` to `end`."""
    before: Line = []
    middle: Line = []
    after: Line = []
    x = 0
    for segment in line:
        width = segment.cell_length
        if x + width <= start:
            before.append(segment)
        elif x >= end:
            after.append(segment)
        else:  # this segment overlaps the span: split it where it must
            head, rest = Segment.split_cells(segment, max(start - x, 0))
            body, tail = Segment.split_cells(rest, end - max(start, x))
            before.append(head)
            middle.append(body)
            after.append(tail)
        x += width
    marked = [
        Segment(text, (seg_style or Style()) + style) for text, seg_style, _ in middle
    ]
    return [*before, *marked, *after]
