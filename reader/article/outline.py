"""Finding an article's sections with markdown-it's block rules, chunk by chunk.

A top-level ATX heading (`# …` outside any list or quote) ends every block
before it and starts the parser afresh, so the article can be parsed in chunks
that end just before one without changing a single token. A cheap line scan
proposes where such headings might be; the parser confirms each by parsing up
to and including it, and a chunk whose proposed end turns out to be inside
something else (a code fence, say) is simply retried twice as long. So:

- the first section is known after parsing a few kilobytes, however long the
  article is (`Outliner.advance` until `Outliner.snapshot` has a section);
- memory stays bounded: each chunk's tokens are dropped once read;
- the result is exactly what one pass over the whole text gives (tests compare
  them; `chunked=False` is that one pass).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from reader.article.frontmatter import front_matter_title
from reader.article.markdown import structure_parser
from reader.article.model import Anchor, Article, Section
from reader.article.slugs import Slugger
from reader.article.words import count_words

FIRST_CHUNK = 4 * 1024
"""Characters in the first chunk: small, so the first section is known at once."""

LARGEST_CHUNK = 256 * 1024
"""Chunks grow to this size; their tokens are what the parse holds in memory."""

OPENING_ID = "top"
"""The id of the opening section (before any heading), as GitHub's `#top`."""

_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t\n]|$)", re.MULTILINE)


@dataclass(frozen=True)
class _Heading:
    line: int
    char: int
    level: int
    top_level: bool
    content: str


class _LineCursor:
    """Maps ever-increasing line numbers of `text` to character offsets."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._line = 0
        self._char = 0

    def char_of(self, line: int) -> int:
        text, char = self._text, self._char
        for _ in range(line - self._line):
            char = text.index("\n", char) + 1
        self._line, self._char = line, char
        return char


class Outliner:
    """Parses an article's structure a chunk at a time.

    Call `advance` until it returns False (or until `snapshot` knows enough);
    `snapshot` gives the `Article` as far as it is known.
    """

    def __init__(
        self, text: str, *, name: str, split_level: int = 3, chunked: bool = True
    ) -> None:
        self._text = text
        self._name = name
        self._split_level = split_level
        self._md = structure_parser()
        self._references: dict[str, Any] = {}
        self._headings: list[_Heading] = []
        self._front_title: str | None = None
        self._body_line = 0
        self._body_char = 0
        self._first_block_line: int | None = None
        self._line = 0
        self._char = 0
        self._cursor = _LineCursor(text)
        self._chunk = FIRST_CHUNK if chunked else len(text) + 1
        self.done = not text

    def advance(self) -> bool:
        """Parse one more chunk. False once the whole article has been parsed."""
        size = self._chunk
        while not self.done:
            boundary = self._boundary_after(self._char + size)
            if boundary is None:
                tokens, references = self._parse(len(self._text))
                self._take(tokens, references)
                self._line = self._text.count("\n", self._char) + self._line
                self._char = len(self._text)
                self.done = True
                break
            line, char = boundary
            line_end = self._text.find("\n", char)
            tokens, references = self._parse(
                len(self._text) if line_end < 0 else line_end + 1
            )
            if _ends_with_top_level_heading(tokens, line - self._line):
                self._take(tokens[:-3], references)
                self._line, self._char = line, char
                self._chunk = min(size * 2, LARGEST_CHUNK)
                return True
            size *= 2  # the proposed heading is inside something longer
        return False

    def run(self) -> Article:
        """Parse the rest of the article and return it whole."""
        while self.advance():
            pass
        return self.snapshot()

    def _boundary_after(self, char: int) -> tuple[int, int] | None:
        """The (line, char) of the first possible ATX heading at or past `char`."""
        if char >= len(self._text):
            return None
        match = _ATX_HEADING.search(self._text, char)
        if match is None:
            return None
        start = match.start()
        return self._line + self._text.count("\n", self._char, start), start

    def _parse(self, end: int) -> tuple[list[Token], dict[str, Any]]:
        env: dict[str, Any] = {"references": dict(self._references)}
        tokens = self._md.parse(self._text[self._char : end], env)
        return tokens, env["references"]

    def _take(self, tokens: list[Token], references: dict[str, Any]) -> None:
        self._references = references
        for index, token in enumerate(tokens):
            if token.map is None:
                continue
            line = self._line + token.map[0]
            if token.type == "front_matter":
                self._front_title = front_matter_title(token.content, token.markup)
                self._body_line = self._line + token.map[1]
                self._body_char = self._cursor.char_of(self._body_line)
                continue
            if self._first_block_line is None:
                self._first_block_line = line
            if token.type == "heading_open":
                self._headings.append(
                    _Heading(
                        line=line,
                        char=self._cursor.char_of(line),
                        level=int(token.tag[1:]),
                        top_level=token.level == 0,
                        content=tokens[index + 1].content,
                    )
                )

    def snapshot(self) -> Article:
        """The article as far as it has been parsed."""
        titles = [self._plain_text(heading.content) for heading in self._headings]
        slugger = Slugger()
        ids = [slugger.slug(title, empty="section") for title in titles]
        splits = [
            index
            for index, heading in enumerate(self._headings)
            if heading.top_level and heading.level <= self._split_level
        ]
        title = self._article_title(titles)
        bounds: list[
            tuple[int, int, str, str, int]
        ] = []  # line, char, id, title, level
        first_split = self._headings[splits[0]].line if splits else None
        if first_split is None or (
            self._first_block_line is not None and self._first_block_line < first_split
        ):
            bounds.append(
                (self._body_line, self._body_char, slugger.claim(OPENING_ID), title, 0)
            )
        for index in splits:
            heading = self._headings[index]
            bounds.append(
                (heading.line, heading.char, ids[index], titles[index], heading.level)
            )
        sections = self._sections(bounds)
        starts = [section.line_start for section in sections]
        anchors = {
            section.id: Anchor(section.index, section.line_start)
            for section in sections
        }
        known_end = sections[-1].line_end if sections else 0
        for heading, heading_id in zip(self._headings, ids, strict=True):
            if heading_id not in anchors and heading.line < known_end:
                index = max(bisect_right(starts, heading.line) - 1, 0)
                anchors[heading_id] = Anchor(index, heading.line)
        return Article(
            title=title,
            text=self._text,
            sections=tuple(sections),
            anchors=anchors,
            references=self._references,
            complete=self.done,
        )

    def _sections(self, bounds: list[tuple[int, int, str, str, int]]) -> list[Section]:
        """Sections between consecutive bounds; the last only once its end is known."""
        ends = [(line, char) for line, char, *_ in bounds[1:]]
        if self.done:
            ends.append((self._line_count(), len(self._text)))
        else:
            bounds = bounds[: len(ends)]
        sections = []
        for index, (start, end) in enumerate(zip(bounds, ends, strict=True)):
            line, char, section_id, title, level = start
            end_line, end_char = end
            sections.append(
                Section(
                    index=index,
                    id=section_id,
                    title=title,
                    level=level,
                    line_start=line,
                    line_end=end_line,
                    char_start=char,
                    char_end=end_char,
                    words=count_words(self._text[char:end_char]),
                )
            )
        return sections

    def _line_count(self) -> int:
        """Lines in the whole text; a last line without a newline counts."""
        text = self._text
        return self._line + (1 if text and not text.endswith("\n") else 0)

    def _article_title(self, titles: list[str]) -> str:
        if self._front_title:
            return self._front_title
        for heading, title in zip(self._headings, titles, strict=True):
            if heading.top_level and heading.level == 1 and title:
                return title
        return self._name

    def _plain_text(self, inline: str) -> str:
        """A heading's text as read: emphasis, code and link marks dropped."""
        children: list[Token] = []
        env: dict[str, Any] = {"references": self._references}
        self._md.inline.parse(inline, self._md, env, children)
        return "".join(_plain(children)).strip()


def _plain(tokens: list[Token]) -> list[str]:
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image" and token.children:
            parts.extend(_plain(token.children))
    return parts


def _ends_with_top_level_heading(tokens: list[Token], line: int) -> bool:
    """Whether the parse ends with a heading outside any container at `line`."""
    if len(tokens) < 3:
        return False
    opening = tokens[-3]
    return (
        opening.type == "heading_open"
        and opening.level == 0
        and opening.map is not None
        and opening.map[0] == line
    )
