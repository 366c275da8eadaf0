"""Searching a whole article: plain text indexed once, searched on every keystroke.

The index holds each section's text as read, roughly: Markdown's marks
(emphasis, code ticks, link targets, list and quote markers, table pipes) are
removed with a few regular expressions, which is linear and fast even for a
10 MB article (markdown-it's inline pass would take seconds). Whitespace is
collapsed so a phrase matches across line breaks. Matching is
case-insensitive, and every query searches all sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.article.model import Article

MAX_HITS = 10_000
"""Hits counted at most; past this a search says "10,000+"."""

SNIPPET_BEFORE = 30
SNIPPET_AFTER = 50

_STRIP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^ {0,3}(?:`{3,}|~{3,}).*$", re.M), ""),  # code fence lines
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M), ""),  # reference definitions
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),
    (re.compile(r"^ {0,3}(?:=+|-+|(?:[*_-][ \t]*){3,})[ \t]*$", re.M), ""),  # rules
    (
        re.compile(
            r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.M
        ),
        "",
    ),
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M), ""),  # quote marks
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M), ""),
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])"), r"\1"),  # links
    (re.compile(r"(\*{1,3}|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # * emphasis
    (re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)"), r"\2"),  # _ emphasis
    (re.compile(r"`+"), ""),  # code ticks
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),  # backslash escapes
    (re.compile(r"\|"), " "),  # table cells
)
_SPACE = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """Markdown as read, without its marks, on one line."""
    text = markdown
    for pattern, replacement in _STRIP:
        text = pattern.sub(replacement, text)
    return _SPACE.sub(" ", text).strip()


def query_pattern(query: str) -> re.Pattern[str] | None:
    """The pattern a query searches for (None for a blank query)."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """One match: in section `section`, the `ordinal`-th there (0-based)."""

    section: int
    ordinal: int
    snippet: str
    match_start: int
    match_end: int
    """Where the match is inside `snippet`."""


@dataclass(frozen=True)
class SearchResult:
    """Every hit of one query, in reading order, and the count per section."""

    query: str
    hits: tuple[Hit, ...]
    counts: dict[int, int]
    truncated: bool

    @property
    def total(self) -> int:
        return len(self.hits)

    def describe(self) -> str:
        """ "3 matches in 2 sections", or "No matches"."""
        if not self.hits:
            return "No matches"
        total = f"{self.total:,}{'+' if self.truncated else ''}"
        noun = "match" if self.total == 1 else "matches"
        sections = len(self.counts)
        return f"{total} {noun} in {sections} section{'s' if sections != 1 else ''}"

    def next_after(self, section: int, ordinal: int) -> Hit | None:
        """The first hit after (`section`, `ordinal`), wrapping round to the first."""
        for hit in self.hits:
            if (hit.section, hit.ordinal) > (section, ordinal):
                return hit
        return self.hits[0] if self.hits else None

    def previous_before(self, section: int, ordinal: int) -> Hit | None:
        """The last hit before (`section`, `ordinal`), wrapping round to the last."""
        for hit in reversed(self.hits):
            if (hit.section, hit.ordinal) < (section, ordinal):
                return hit
        return self.hits[-1] if self.hits else None


class SearchIndex:
    """Each section's plain text, built once per article."""

    def __init__(self, article: Article) -> None:
        self.texts = tuple(
            plain_text(article.source(section)) for section in article.sections
        )

    def search(self, query: str) -> SearchResult:
        """All hits of `query` (case-insensitive), up to `MAX_HITS`."""
        pattern = query_pattern(query)
        hits: list[Hit] = []
        counts: dict[int, int] = {}
        if pattern is None:
            return SearchResult(query, (), counts, False)
        for section, text in enumerate(self.texts):
            for ordinal, match in enumerate(pattern.finditer(text)):
                if len(hits) >= MAX_HITS:
                    return SearchResult(query, tuple(hits), counts, True)
                hits.append(_hit(text, section, ordinal, match))
                counts[section] = ordinal + 1
        return SearchResult(query, tuple(hits), counts, False)


def _hit(text: str, section: int, ordinal: int, match: re.Match[str]) -> Hit:
    start = max(match.start() - SNIPPET_BEFORE, 0)
    end = min(match.end() + SNIPPET_AFTER, len(text))
    if start > 0:
        space = text.find(" ", start, match.start())
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", match.end(), end)
        end = space if space >= 0 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = f"{prefix}{text[start:end]}{suffix}"
    offset = len(prefix) + match.start() - start
    return Hit(section, ordinal, snippet, offset, offset + match.end() - match.start())
