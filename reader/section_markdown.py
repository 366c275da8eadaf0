"""`SectionMarkdown`: Rich's Markdown renderable over tokens from our parser.

Only `--print` imports this (and so Rich's Markdown and Pygments).
"""

from __future__ import annotations

from typing import ClassVar

from markdown_it.token import Token
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import CodeBlock, Markdown, MarkdownElement
from rich.segment import Segment

LONG_CODE_LINES = 1_000
"""Code blocks longer than this are printed plainly: Rich's `Syntax` takes
seconds over tens of thousands of lines."""


class LongCodeBlock(CodeBlock):
    """A code block, highlighted by Rich; as plain lines when it is very long."""

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> RenderResult:
        code = str(self.text).rstrip()
        if code.count("\n") < LONG_CODE_LINES:
            yield from super().__rich_console__(console, options)
            return
        style = console.get_style("markdown.code_block", default="none")
        room = max(options.max_width - 2, 1)
        yield Segment.line()
        for line in code.expandtabs(4).split("\n"):
            chunks = chop_cells(line, room) if cell_len(line) > room else [line]
            for chunk in chunks:
                yield Segment(f" {chunk}", style)
                yield Segment.line()
        yield Segment.line()


class SectionMarkdown(Markdown):
    """Rich's Markdown, given tokens already parsed in the reader's dialect.

    Make one and set `parsed` for each section: creating a Rich `Markdown`
    builds a parser (and compiles linkify's patterns) every time.
    """

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "fence": LongCodeBlock,
        "code_block": LongCodeBlock,
    }

    def __init__(self, *, hyperlinks: bool) -> None:
        super().__init__("", hyperlinks=hyperlinks)
        self.parsed: list[Token] = []
