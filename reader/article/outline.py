"""Finding an article's sections with markdown-it's block rules, chunk by chunk.

An ATX heading (`# …`) outside any list or quote ends every block before it,
and the parser starts afresh after it; so the article can be parsed in chunks,
each resuming at such a heading, without changing a single token. Each chunk
is parsed from its first line to a line a cheap scan says may be a heading,
and the next chunk resumes at the last top-level ATX heading the parser found
in it; what came after that heading is parsed again. (A chunk with no such
heading past its first line is retried twice as long.) So:

- the first section is known after parsing a few kilobytes, however long the
  article is (`Outliner.advance` until `Outliner.snapshot` has a section);
- memory stays bounded: each chunk's tokens are dropped once read;
- the result is exactly what one pass over the whole text gives (tests compare
  them; `chunked=False` is that one pass).

Two things need care. Front matter: a first line `---` (or `+++`) takes in
the text up to its closing line, or is no front matter at all if that never
comes, so the first chunk must reach past it. And reference definitions:
markdown-it collects them from the whole chunk, so only those before the line
the next chunk resumes at are kept; the rest are read again with it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from reader.article.frontmatter import front_matter_title
from reader.article.markdown import opens_front_matter, structure_parser
from reader.article.model import Anchor, Article, Section
from reader.article.slugs import Slugger
from reader.article.words import count_words
from reader.safe_text import safe_line

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
        """Where `line` starts (the end of the text for the line after the last)."""
        text, char = self._text, self._char
        for _ in range(line - self._line):
            newline = text.find("\n", char)
            if newline < 0:
                char = len(text)
                break
            char = newline + 1
        self._line, self._char = line, char
        return char


@dataclass(frozen=True)
class OutlinePart:
    """What the parse of a stretch of an article found (see `Outliner.joined`)."""

    headings: tuple[_Heading, ...]
    references: dict[str, Any]
    front_title: str | None
    body: tuple[int, int]
    first_block_line: int | None
    lines: int
    last_start: tuple[int, int]
    words: dict[tuple[int, int], int]
    """Word counts already made, by (start, end) character of a section."""
    titles: dict[str, str]
    """Headings' plain titles already read, by their inline Markdown."""


class Outliner:
    """Parses an article's structure a chunk at a time.

    Call `advance` until it returns False (or until `snapshot` knows enough);
    `snapshot` gives the `Article` as far as it is known.
    """

    def __init__(
        self, text: str, *, name: str, split_level: int = 3, chunked: bool = True
    ) -> None:
        if "\r" in text:  # as markdown-it does, or lines would not match up
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._text = text
        self._name = name
        self._split_level = split_level
        self._md = structure_parser()
        self._references: dict[str, Any] = {}
        self._headings: list[_Heading] = []
        self._front_title: str | None = None
        self._opens_front_matter = opens_front_matter(text)
        self._body_line = 0
        self._body_char = 0
        self._first_block_line: int | None = None
        self._line = 0
        self._char = 0
        self._cursor = _LineCursor(text)
        self._chunk = FIRST_CHUNK if chunked else len(text) + 1
        self._plain_titles: dict[str, str] = {}
        self._counted: dict[tuple[int, int], int] = {}
        self.done = not text
        self.last_start = (0, 0)
        """(line, char) where the last chunk began: a top-level heading, or 0."""

    @property
    def text(self) -> str:
        """The article's text."""
        return self._text

    @property
    def name(self) -> str:
        """The name it was given (its title if nothing better is found)."""
        return self._name

    @property
    def split_level(self) -> int:
        """Headings of levels 1 to this start sections."""
        return self._split_level

    def part(self) -> OutlinePart:
        """What a finished parse found, to join to the parse of the text after
        (its sections' word counts and titles too, so the join need not count)."""
        assert self.done
        self.snapshot()
        return OutlinePart(
            headings=tuple(self._headings),
            references=self._references,
            front_title=self._front_title,
            body=(self._body_line, self._body_char),
            first_block_line=self._first_block_line,
            lines=self._line,
            last_start=self.last_start,
            words=self._counted,
            titles=self._plain_titles,
        )

    @classmethod
    def joined(
        cls,
        text: str,
        first: OutlinePart,
        second: OutlinePart,
        *,
        start: tuple[int, int],
        name: str,
        split_level: int = 3,
    ) -> Outliner:
        """A finished outliner from the parses of the text up to a top-level
        heading at `start` (line, char) and from that heading on (`second`,
        its lines and characters counted from the heading)."""
        outliner = cls(text, name=name, split_level=split_level)
        start_line, start_char = start
        outliner._headings = [
            *first.headings,
            *(
                _Heading(
                    heading.line + start_line,
                    heading.char + start_char,
                    heading.level,
                    heading.top_level,
                    heading.content,
                )
                for heading in second.headings
            ),
        ]
        references = dict(first.references)
        for label, definition in second.references.items():
            if label not in references:
                begin, end = definition.get("map") or (0, 0)
                moved = [begin + start_line, end + start_line]
                references[label] = {**definition, "map": moved}
        outliner._references = references
        outliner._front_title = first.front_title
        outliner._body_line, outliner._body_char = first.body
        outliner._first_block_line = first.first_block_line
        if first.first_block_line is None and second.first_block_line is not None:
            outliner._first_block_line = second.first_block_line + start_line
        outliner._line = start_line + second.lines
        outliner._char = len(text)
        outliner._counted = {
            **first.words,
            **{
                (begin + start_char, end + start_char): words
                for (begin, end), words in second.words.items()
            },
        }
        outliner._plain_titles = {**second.titles, **first.titles}
        outliner.done = True
        return outliner

    def advance(self) -> bool:
        """Parse one more chunk. False once the whole article has been parsed."""
        size = self._chunk
        while not self.done:
            end = self._chunk_end(self._char + size)
            tokens, references = self._parse(end)
            if end == len(self._text):
                self.last_start = (self._line, self._char)
                self._take(tokens, references, len(tokens))
                self._line += self._text.count("\n", self._char)
                self._char = len(self._text)
                self.done = True
                break
            resume = self._resume_at(tokens)
            if resume is not None:
                self._take(tokens, references, resume)
                self._chunk = min(size * 2, LARGEST_CHUNK)
                return True
            # One long block, or front matter not closed yet: read on, at
            # least twice as far as this time.
            size = 2 * (end - self._char)
        return False

    def run(self) -> Article:
        """Parse the rest of the article and return it whole."""
        while self.advance():
            pass
        return self.snapshot()

    def until(self, found: Callable[[Article], bool]) -> Article:
        """Parse on until the snapshot satisfies `found` (or all is parsed).

        For showing a long article at once: `until(lambda a: bool(a.sections))`
        is its first section after a few kilobytes, whatever the length.
        """
        article = self.snapshot()
        chunks = 1
        while not (article.complete or found(article)):
            for _ in range(chunks):  # snapshots cost, so take them ever less often
                self.advance()
            chunks *= 2
            article = self.snapshot()
        return article

    def _chunk_end(self, char: int) -> int:
        """The end of the first line at or past `char` that may be a heading."""
        if char >= len(self._text):
            return len(self._text)
        match = _ATX_HEADING.search(self._text, char)
        if match is None:
            return len(self._text)
        line_end = self._text.find("\n", match.start())
        return len(self._text) if line_end < 0 else line_end + 1

    def _resume_at(self, tokens: list[Token]) -> int | None:
        """The index of the last top-level ATX heading past the chunk's first line.

        Everything before such a heading is as the whole text's parse has it;
        the heading itself is parsed again at the start of the next chunk.
        """
        if (
            self._opens_front_matter
            and self._char == 0
            and (not tokens or tokens[0].type != "front_matter")
        ):
            return None  # it may still close further on
        for index in range(len(tokens) - 1, 0, -1):
            token = tokens[index]
            if (
                token.type == "heading_open"
                and token.level == 0
                and token.markup[:1] == "#"
                and token.map is not None
                and token.map[0] > 0
            ):
                return index
        return None

    def _parse(self, end: int) -> tuple[list[Token], dict[str, Any]]:
        env: dict[str, Any] = {"references": dict(self._references)}
        tokens = self._md.parse(self._text[self._char : end], env)
        return tokens, env["references"]

    def _take(self, tokens: list[Token], references: dict[str, Any], stop: int) -> None:
        """Keep what `tokens[:stop]` say; the next chunk starts at `tokens[stop]`."""
        resume = _line_of(tokens[stop]) if stop < len(tokens) else None
        for label, definition in references.items():
            if label in self._references:
                continue
            start, end = definition.get("map") or (0, 0)
            if resume is None or start < resume:  # the rest is read again
                self._references[label] = {
                    **definition,
                    "map": [self._line + start, self._line + end],
                }
        if self._char == 0 and stop and tokens[0].type == "front_matter":
            front_matter = tokens[0]
            assert front_matter.map is not None
            self._front_title = front_matter_title(
                front_matter.content, front_matter.markup
            )
            self._body_line = self._line + front_matter.map[1]
            self._body_char = self._cursor.char_of(self._body_line)
        if self._first_block_line is None:
            self._first_block_line = next(
                (
                    self._line + token.map[0]
                    for token in tokens[:stop]
                    if token.map is not None and token.type != "front_matter"
                ),
                None,
            )
        for index in range(stop):
            token = tokens[index]
            if token.type != "heading_open":
                continue
            line = self._line + _line_of(token)
            self._headings.append(
                _Heading(
                    line=line,
                    char=self._cursor.char_of(line),
                    level=int(token.tag[1:]),
                    top_level=token.level == 0,
                    content=tokens[index + 1].content,
                )
            )
        if resume is not None:
            self._line += resume
            self._char = self._cursor.char_of(self._line)

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
            references=dict(self._references),  # more may come: not a live view
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
                    words=self._words(char, end_char),
                )
            )
        return sections

    def _words(self, start: int, end: int) -> int:
        """Words in `text[start:end]`, counted once however often asked."""
        words = self._counted.get((start, end))
        if words is None:
            words = self._counted[start, end] = count_words(self._text[start:end])
        return words

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
        """A heading's text as read: emphasis, code and link marks dropped.

        Only text with a `[` can hold a reference link, whose reading may change
        as more definitions are found; the rest is parsed once.
        """
        known = self._plain_titles.get(inline)
        if known is not None:
            return known
        children: list[Token] = []
        env: dict[str, Any] = {"references": self._references}
        self._md.inline.parse(inline, self._md, env, children)
        # Character references (`&#x202E;`) decode here, after the text was made
        # safe: make the title safe again.
        plain = safe_line("".join(_plain(children))).strip()
        if "[" not in inline:
            self._plain_titles[inline] = plain
        return plain


def _plain(tokens: list[Token]) -> list[str]:
    parts = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image" and token.children:
            parts.extend(_plain(token.children))
    return parts


def _line_of(token: Token) -> int:
    """The first line of a block token (one that has a line map)."""
    assert token.map is not None
    return token.map[0]
