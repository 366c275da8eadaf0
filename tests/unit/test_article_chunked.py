"""The chunked parse gives exactly the outline one full parse gives (issue 6).

`Outliner(text, name=…)` parses chunk by chunk; `chunked=False` parses the
whole text in one pass. They are compared on generated articles (small ones
with tiny chunks, so that every line that might be a heading becomes a chunk
end, and articles over 1 MB with the real chunk sizes), on hand-written
tricky cases, and on the real corpus when it is there.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reader.article import Article, Outliner, Section, outline
from reader.article.outline import FIRST_CHUNK, LARGEST_CHUNK

CORPUS = Path("/work/shared/corpus/real")

TINY = (1, 1)
SMALL = (64, 512)
REAL = (FIRST_CHUNK, LARGEST_CHUNK)


def summary(article: Article) -> tuple[Any, ...]:
    """Everything an outline holds, in a form that compares exactly."""
    return (
        article.title,
        article.sections,
        dict(article.anchors),
        {label: dict(value) for label, value in article.references.items()},
        article.complete,
    )


ChunkSizes = Callable[[tuple[int, int]], None]


@pytest.fixture
def chunk_sizes(monkeypatch: pytest.MonkeyPatch) -> ChunkSizes:
    """Sets the first and largest chunk sizes the outliner uses."""

    def use(sizes: tuple[int, int]) -> None:
        monkeypatch.setattr(outline, "FIRST_CHUNK", sizes[0])
        monkeypatch.setattr(outline, "LARGEST_CHUNK", sizes[1])

    return use


def chunked(text: str) -> tuple[Article, int]:
    """The chunked outline of `text`, and how many chunks it took."""
    outliner = Outliner(text, name="generated.md")
    chunks = 1
    while outliner.advance():
        chunks += 1
    return outliner.snapshot(), chunks


def whole(text: str) -> Article:
    return Outliner(text, name="generated.md", chunked=False).run()


def assert_same_outline(text: str) -> int:
    """Chunked and whole parses agree on `text`; returns the chunk count."""
    article, chunks = chunked(text)
    assert summary(article) == summary(whole(text))
    return chunks


# -- a deterministic generator of awkward Markdown --------------------------

WORDS = [
    "river",
    "garden",
    "letter",
    "quiet",
    "honest",
    "narrow",
    "therapy",
    "client",
    "session",
    "stress",
    "cursor",
    "token",
    "don’t",
    "it’s",
    "café",
    "naïve",
    "五月",
    "한국어",
    "Ωmega",
]


class ArticleWriter:
    """Builds one article from a seed: every block kind that affects structure."""

    def __init__(self, seed: int, *, heading_links: bool = True) -> None:
        self.rng = random.Random(seed)
        self.heading_links = heading_links
        self.labels = 0

    def words(self, low: int = 2, high: int = 8) -> str:
        count = self.rng.randint(low, high)
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def title(self) -> str:
        roll = self.rng.random()
        if roll < 0.05:
            return ""
        if roll < 0.15:
            return self.rng.choice(["Notes", "Notes", "Notes-1", "Summary"])
        if roll < 0.25:
            return f"{self.words(1, 3)} `code` *em* &amp; \\# [link](/x)"
        if roll < 0.30 and self.heading_links and self.labels:
            return f"see [{self.words(1, 2)}][label-{self.rng.randint(1, self.labels)}]"
        return self.words(1, 6).capitalize()

    def atx(self) -> str:
        indent = " " * self.rng.choice([0, 0, 0, 1, 2, 3])
        marks = "#" * self.rng.randint(1, 6)
        closing = self.rng.choice(["", "", " #", " ###"])
        space = self.rng.choice([" ", " ", "\t"])
        return f"{indent}{marks}{space}{self.title()}{closing}\n"

    def setext(self) -> str:
        lines = "\n".join(
            self.words().capitalize() for _ in range(self.rng.randint(1, 2))
        )
        underline = self.rng.choice(["===", "---", "=", "------"])
        return f"{lines}\n{underline}\n"

    def paragraph(self) -> str:
        lines = [self.words(4, 12) for _ in range(self.rng.randint(1, 4))]
        if self.labels and self.rng.random() < 0.3:
            lines.append(f"a [link][label-{self.rng.randint(1, self.labels)}] here")
        if self.rng.random() < 0.1:
            lines.append("#hashtag is no heading, nor is #5")
        text = "\n".join(lines) + "\n"
        if self.rng.random() < 0.15:  # a heading interrupting the paragraph
            text += self.atx()
        return text

    def listing(self) -> str:
        marker = self.rng.choice(["-", "*", "1.", "2)"])
        pad = " " * (len(marker) + 1)
        items = []
        for _ in range(self.rng.randint(1, 4)):
            roll = self.rng.random()
            if roll < 0.25:
                items.append(f"{marker} {self.atx().lstrip()}")
            elif roll < 0.45:
                items.append(f"{marker} {self.words()}\n\n{pad}{self.atx().lstrip()}")
            elif roll < 0.55:
                items.append(f"{marker} {self.words()}\nlazy {self.words()}\n")
            elif roll < 0.65:
                items.append(f"{marker} {self.words()}\n{pad}{self.fence()}")
            elif roll < 0.72:
                items.append(f"{marker} {self.words()}\n{pad}{self.setext()}")
            else:
                items.append(f"{marker} {self.words()}\n")
        return "".join(items)

    def quote(self) -> str:
        roll = self.rng.random()
        if roll < 0.3:
            return f"> {self.atx().lstrip()}> {self.words()}\n"
        if roll < 0.5:
            return f"> {self.words()}\nlazy {self.words()}\n"
        if roll < 0.65:
            return f"> > {self.atx().lstrip()}"
        if roll < 0.75:
            return f"> ```\n> # in a quoted fence\n{self.atx()}"
        return f"> {self.words()}\n> {self.setext()}"

    def fence(self, *, closed: bool = True) -> str:
        mark = self.rng.choice(["```", "~~~", "````"])
        body = []
        for _ in range(self.rng.randint(1, 8)):
            roll = self.rng.random()
            if roll < 0.4:
                body.append(self.atx())
            elif roll < 0.5:
                body.append("\n")
            elif roll < 0.6:
                body.append(
                    f"{mark[0] * 3}not closing, too short\n" if len(mark) > 3 else "\n"
                )
            else:
                body.append(f"    {self.words()}\n")
        end = f"{mark}\n" if closed else ""
        return f"{mark}{self.rng.choice(['', 'python', 'bash'])}\n{''.join(body)}{end}"

    def indented_code(self) -> str:
        return "".join(f"    # {self.words()}\n" for _ in range(self.rng.randint(1, 3)))

    def html(self) -> str:
        atx = self.atx()
        return self.rng.choice(
            [
                f"<div>\n{atx}</div>\n",
                f"<!--\n{atx}\n{self.atx()}-->\n",
                f"<pre>\n{atx}\n{self.atx()}</pre>\n",
                f"<script>\n{atx}</script>\n",
                f"<?php\n{atx}?>\n",
                f"<![CDATA[\n{atx}]]>\n",
                f"<custom-tag>\n{atx}",
                f"<!DOCTYPE html>\n{atx}",
            ]
        )

    def table(self) -> str:
        header = self.rng.choice(["| a | b |", "a | b", "# a | b", "#  | b |"])
        rows = "".join(
            f"| {self.words(1, 2)} | x |\n" for _ in range(self.rng.randint(0, 3))
        )
        tail = self.atx() if self.rng.random() < 0.3 else ""
        return f"{header}\n|---|:-:|\n{rows}{tail}"

    def definition(self) -> str:
        self.labels += 1
        label = f"label-{self.labels}"
        if self.rng.random() < 0.2:  # defined twice: the first one wins
            label = f"label-{self.rng.randint(1, self.labels)}"
        prefix = self.rng.choice(["", "", "> ", "- ", "   "])
        title = self.rng.choice(
            ["", ' "A title"', "\n  'on the next line'", " (multi\nline)"]
        )
        return f"{prefix}[{label}]: https://example.com/{self.labels}{title}\n"

    def deep(self) -> str:
        if self.rng.random() < 0.5:
            return "".join(
                "  " * i + "- deep\n" for i in range(self.rng.randint(10, 40))
            )
        return ">" * self.rng.randint(10, 200) + " deep\n"

    def front_matter(self) -> str:
        comment = "".join(f"# {self.words()}\n" for _ in range(self.rng.randint(0, 3)))
        return self.rng.choice(
            [
                f"---\ntitle: {self.words()}\n{comment}---\n",
                f"---\ntitle: {self.words()}\n{comment}...\n",
                f'+++\ntitle = "{self.words()}"\n{comment}+++\n',
                f"---\n{comment}",  # never closed: a thematic break
                "",
                "",
            ]
        )

    def block(self) -> str:
        kinds = [
            (self.atx, 18),
            (self.setext, 5),
            (self.paragraph, 25),
            (self.listing, 10),
            (self.quote, 7),
            (self.fence, 8),
            (self.indented_code, 3),
            (self.html, 5),
            (self.table, 4),
            (self.definition, 5),
            (lambda: self.rng.choice(["---\n", "***\n", "- - -\n"]), 3),
            (self.deep, 1),
        ]
        make = self.rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        return make()

    def article(self, size: int) -> str:
        parts = [self.front_matter()]
        length = len(parts[0])
        while length < size:
            block = self.block()
            separator = self.rng.choice(["\n", "\n", "\n", "", "\n\n"])
            parts.append(block + separator)
            length += len(block) + len(separator)
        if self.rng.random() < 0.1:
            parts.append(self.fence(closed=False))
        if self.rng.random() < 0.2:
            parts.append(self.rng.choice(["# last line, no newline", "trailing"]))
        return "".join(parts)


# -- the comparisons ---------------------------------------------------------


@pytest.mark.parametrize("sizes", [TINY, SMALL, REAL], ids=["tiny", "small", "real"])
def test_generated_articles_outline_as_one_full_parse(
    chunk_sizes: ChunkSizes, sizes: tuple[int, int]
) -> None:
    chunk_sizes(sizes)
    total_chunks = 0
    for seed in range(60):
        text = ArticleWriter(seed).article(
            size=random.Random(seed).randint(200, 12_000)
        )
        total_chunks += assert_same_outline(text)
    if sizes != REAL:
        assert total_chunks > 60 * 5  # the small sizes really do split


def test_articles_over_a_megabyte_outline_as_one_full_parse() -> None:
    text = ArticleWriter(1).article(size=1_100_000)
    assert len(text) > 1_000_000
    chunks = assert_same_outline(text)
    # 4 KB, 8 KB, … 256 KB: a megabyte takes at least eight chunks.
    assert chunks >= 8


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not here")
@pytest.mark.parametrize("sizes", [SMALL, REAL], ids=["small", "real"])
def test_real_corpus_outlines_as_one_full_parse(
    chunk_sizes: ChunkSizes, sizes: tuple[int, int]
) -> None:
    chunk_sizes(sizes)
    files = sorted(CORPUS.glob("*.md"))
    assert files
    for path in files:
        assert_same_outline(path.read_text(encoding="utf-8"))


PAD = "".join(f"Filler line {n} of plain words.\n" for n in range(300))  # ~9 KB

TRICKY = {
    "yaml front matter with # comments, closed late": (
        f"---\ntitle: T\n# a comment\n{PAD.replace('Filler', 'key: ')}# late\n---\n"
        "# Real\n\ntext\n"
    ),
    "toml front matter with # comments": (
        f'+++\ntitle = "T"\n{PAD.replace("Filler", "# k =")}+++\n\n# Real\n'
    ),
    "yaml front matter closed by ...": f"---\ntitle: T\n# c\n{PAD}...\n# Real\n",
    "--- first line never closed": f"---\n# one\n{PAD}# two\n\n## three\n",
    "fence closing much later": f"# A\n\n```\n# x\n{PAD}# y\n{PAD}```\n# B\n",
    "tilde fence with backtick lines": f"# A\n~~~\n```\n# x\n```\n{PAD}~~~\n# B\n",
    "html comment with blank lines": f"# A\n<!--\n# x\n\n{PAD}\n# y\n-->\n# B\n",
    "html pre with blank lines": f"# A\n<pre>\n# x\n\n{PAD}# y\n</pre>\n# B\n",
    "html block type 7 then heading": f"# A\n\n<custom>\n# inside\n{PAD}\n# B\n",
    "heading that is a table header": f"# A\n{PAD}\n# a | b\n--|--\n1 | 2\n\n# B\n",
    "heading then setext underline": f"# A\n{PAD}# B\n===\ntext\n# C\n---\n",
    "setext underline after a paragraph": f"# A\n{PAD}\nTitle\n---\n# B\n",
    "lazy continuations": f"# A\n{PAD}> quote\nlazy\n# B\n- item\nlazy\n# C\n",
    "headings in list items": f"# A\n{PAD}- a\n  # in item\n   # in item too\n# B\n",
    "wide list item": f"# A\n{PAD}10.  wide\n   # not in the item\n# B\n",
    "indented code then heading": f"# A\n{PAD}    # code\n    # code\n# B\n",
    "headings back to back": "".join(f"# H{n}\n" for n in range(2000)),
    "empty headings": "#\n" * 500 + f"{PAD}#\n##\n",
    "tab after hashes": f"#\tA\n{PAD}#\tB\n",
    "no newline at the end": f"# A\n{PAD}# B",
    "reference defined across": (
        f"# A\n{PAD}[r]: /url\n'title on\nlines'\n# B\n[r]\n[s]\n\n[s]: /s\n# C\n"
    ),
    "deep list then headings": (
        "# A\n" + "".join("  " * i + "- d\n" for i in range(300)) + f"{PAD}# B\n# C\n"
    ),
    "deep quote then headings": "# A\n" + ">" * 50_000 + f" d\n{PAD}# B\n",
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
@pytest.mark.parametrize("sizes", [TINY, SMALL, REAL], ids=["tiny", "small", "real"])
def test_tricky_cases_outline_as_one_full_parse(
    chunk_sizes: ChunkSizes, sizes: tuple[int, int], text: str
) -> None:
    chunk_sizes(sizes)
    assert_same_outline(text)


def test_front_matter_comments_are_not_headings(chunk_sizes: ChunkSizes) -> None:
    """Regression: a `# comment` in long front matter became a section."""
    chunk_sizes(REAL)
    text = TRICKY["yaml front matter with # comments, closed late"]
    article, _ = chunked(text)
    assert [s.id for s in article.sections] == ["real"]
    assert article.title == "T"
    toml, _ = chunked(TRICKY["toml front matter with # comments"])
    assert [s.id for s in toml.sections] == ["real"]


def test_reference_lines_count_from_the_article_start(chunk_sizes: ChunkSizes) -> None:
    """Regression: references kept the line numbers of the chunk they were in."""
    chunk_sizes(SMALL)
    text = f"# A\n{PAD}# B\n\n[late]: /late\n"
    article, chunks = chunked(text)
    assert chunks > 1
    assert article.references["LATE"]["map"] == [303, 304]


# -- the early outline -------------------------------------------------------


def as_known_early(article: Article) -> list[Section]:
    """The sections, but the opening one untitled.

    The opening section is titled with the article title, which may come from
    a level-1 heading further on than has been parsed yet.
    """
    return [
        replace(section, title="") if section.level == 0 else section
        for section in article.sections
    ]


def test_early_snapshots_are_prefixes_of_the_complete_outline() -> None:
    for seed in range(6):
        text = ArticleWriter(seed, heading_links=False).article(size=300_000)
        outliner = Outliner(text, name="generated.md")
        snapshots = []
        while outliner.advance():
            snapshots.append(outliner.snapshot())
        complete = outliner.snapshot()
        assert complete.complete
        assert summary(complete) == summary(whole(text))
        assert len(snapshots) >= 4
        first = snapshots[0]
        assert first.sections, "the first chunk already knows a section"
        for early in snapshots:
            assert not early.complete
            known = len(early.sections)
            assert as_known_early(early) == as_known_early(complete)[:known]
            for anchor, place in early.anchors.items():
                assert complete.anchors[anchor] == place


def test_first_section_is_known_after_parsing_a_few_kilobytes() -> None:
    text = ArticleWriter(7).article(size=2_000_000)
    outliner = Outliner(text, name="generated.md")
    outliner.advance()
    early = outliner.snapshot()
    assert early.sections
    assert not early.complete
    assert early.sections[-1].char_end < 64 * 1024


def test_snapshot_references_are_not_a_live_view() -> None:
    text = f"# A\n\n[a]: /a\n{PAD}# B\n{PAD}[b]: /b\n# C\n"
    outliner = Outliner(text, name="x.md")
    outliner.advance()
    early = outliner.snapshot()
    before = dict(early.references)
    outliner.run()
    assert dict(early.references) == before


def test_each_part_of_the_text_is_parsed_about_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: a chunk ending inside a code block was parsed again from its
    start at twice the size, each time; 10 MB of text cost 19 MB of parsing."""
    parsed: list[int] = []
    original = Outliner._parse

    def counting(self: Outliner, end: int) -> Any:
        parsed.append(end - self._char)
        return original(self, end)

    monkeypatch.setattr(Outliner, "_parse", counting)
    fence = (
        "```bash\n" + "".join(f"# step {n}\necho {n}\n" for n in range(40)) + "```\n"
    )
    section = f"# Section\n\n{PAD[:1500]}\n{fence}\n"
    text = section * 400  # 0.9 MB; a chunk end falls in a fence more often than not
    chunks = assert_same_outline(text)
    assert chunks > 8
    assert sum(parsed[:-1]) < 1.1 * len(text)  # the last entry is the full parse
