"""Outlining a long article in two processes gives what one pass gives."""

from __future__ import annotations

import random

from reader.article import Article, Outliner, parallel
from reader.article.parallel import PARALLEL_FROM, outline
from tests.unit.outline_helpers import assert_same_outline


def one_pass(text: str) -> Article:
    return Outliner(text, name="long.md", chunked=False).run()


def long_article(seed: int) -> str:
    """Over `PARALLEL_FROM` characters of headings, prose, lists, references,
    and code blocks full of `#` lines (comments that look like headings)."""
    rng = random.Random(seed)
    parts = ["---\ntitle: A long one\n---\n\nOpening words [ref].\n\n"]
    size = 0
    number = 0
    while size < PARALLEL_FROM * 1.2:
        number += 1
        level = rng.choice(["#", "##", "###", "####"])
        block = rng.choice(
            [
                f"{level} Heading {number}\n\nSome text about {number}.\n\n",
                f"```python\n# not a heading {number}\nx = {number}\n```\n\n",
                f"- item {number}\n  # not a heading either\n\n",
                f"> # quoted {number}\n\n",
                f"[ref{number}]: https://example.com/{number}\n\n",
                f"Setext {number}\n---\n\n",
                "word " * rng.randint(20, 200) + "\n\n",
            ]
        )
        parts.append(block)
        size += len(block)
    parts.append("[ref]: https://example.com/late\n")
    return "".join(parts)


def test_two_processes_give_what_one_pass_gives() -> None:
    text = long_article(1)
    assert len(text) >= PARALLEL_FROM
    assert_same_outline(outline(text, name="long.md"), one_pass(text))


def test_the_cut_is_never_a_hash_line_inside_a_code_block() -> None:
    text = long_article(2)
    cut = parallel._cut(text)
    assert cut is not None
    before = text[:cut]
    assert before.count("```") % 2 == 0
    assert text[cut] == "#"


def test_a_cut_that_is_not_a_heading_falls_back_to_one_pass() -> None:
    # The middle of the text is one long code block full of `#` lines: no cut
    # there is a heading, and the result must still be exact.
    code = "".join(f"# comment {line}\n" for line in range(PARALLEL_FROM // 12))
    text = f"# Start\n\nText.\n\n~~~\n{code}~~~\n\n## End\n\nDone.\n"
    article = outline(text, name="long.md")
    assert_same_outline(article, one_pass(text))
    assert [section.title for section in article.sections] == ["Start", "End"]


def test_short_articles_are_outlined_in_this_process() -> None:
    text = "# Short\n\nText.\n"
    assert_same_outline(outline(text, name="short.md"), one_pass(text))
