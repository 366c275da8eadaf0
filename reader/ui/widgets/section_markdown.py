"""One section's Markdown, with search matches and the keyboard's link marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.actions import parse as parse_action
from textual.content import Content
from textual.style import Style
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from reader.article import Article, Section
from reader.article.markdown import render_parser

MATCH_STYLE = "reverse"
CURRENT_MATCH_STYLE = "reverse bold underline"
LINK_CURSOR_STYLE = "reverse bold"


@dataclass(frozen=True)
class Link:
    """A link as shown: the text widget holding it, where, and its target."""

    holder: Static
    start: int
    end: int
    href: str


class SectionMarkdown(Markdown):
    """One section, parsed with the article's own dialect.

    Links are handed to the app (`open_links=False`), and the article's reference
    definitions are known, so `[text][label]` resolves in any section. Search
    matches and the link chosen with `tab` are drawn over the rendered text
    without parsing anything again.
    """

    def __init__(self, article: Article, section: Section) -> None:
        references = article.references
        super().__init__(
            article.source(section),
            parser_factory=lambda: render_parser(references),
            open_links=False,
            classes="section",
        )
        self.section = section
        self._originals: dict[Static, Content] = {}
        self._pattern: re.Pattern[str] | None = None
        self._current_match: int | None = None
        self._link: Link | None = None

    def _texts(self) -> list[tuple[Static, Content]]:
        """Every piece of text in reading order, as rendered before decoration."""
        texts = []
        for static in self.query(Static):
            content = self._originals.get(static, static.content)
            if isinstance(content, Content) and content.plain:
                texts.append((static, content))
        return texts

    def links(self) -> list[Link]:
        """The section's links, in reading order."""
        found = []
        for static, content in self._texts():
            for span in content.spans:
                style = span.style
                if not isinstance(style, Style):
                    continue
                action = style.meta.get("@click")
                if isinstance(action, str) and action.startswith("link("):
                    _, _, arguments = parse_action(action)
                    if arguments and isinstance(arguments[0], str):
                        found.append(Link(static, span.start, span.end, arguments[0]))
        return found

    def mark(
        self,
        pattern: re.Pattern[str] | None = None,
        current_match: int | None = None,
        link: Link | None = None,
    ) -> Static | None:
        """Draw matches of `pattern` (the `current_match`-th emphasised) and the
        keyboard's `link`; returns the text holding the current match."""
        self._pattern, self._current_match, self._link = pattern, current_match, link
        target: Static | None = None
        ordinal = 0
        for static, original in self._texts():
            decorated = original
            if pattern is not None:
                for match in pattern.finditer(original.plain):
                    if match.end() == match.start():
                        continue
                    current = ordinal == current_match
                    style = CURRENT_MATCH_STYLE if current else MATCH_STYLE
                    decorated = decorated.stylize(style, match.start(), match.end())
                    if current:
                        target = static
                    ordinal += 1
            if link is not None and link.holder is static:
                decorated = decorated.stylize(LINK_CURSOR_STYLE, link.start, link.end)
            if decorated is original:
                if static in self._originals:
                    static.update(self._originals.pop(static), layout=False)
            else:
                self._originals.setdefault(static, original)
                static.update(decorated, layout=False)
        return target

    @property
    def match_count(self) -> int:
        """Matches of the current pattern drawn in this section."""
        if self._pattern is None:
            return 0
        pattern = self._pattern
        return sum(
            1
            for _, content in self._texts()
            for match in pattern.finditer(content.plain)
            if match.end() > match.start()
        )

    def heading_at(self, line: int) -> MarkdownBlock | None:
        """The heading starting at source line `line` of the section (0-based)."""
        for block in self.query(MarkdownBlock):
            if block.name == "heading_open" and block.source_range[0] == line:
                return block
        return None
