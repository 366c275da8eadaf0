"""The bundled article is a faithful Markdown edition of its seed text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it.token import Token

from reader.article import Article, parse_article
from reader.article.markdown import structure_parser

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "content" / "do-therapists-go-to-therapy.md"
SEED = ROOT / "tests" / "fixtures" / "seed-do-therapists-go-to-therapy.txt"

TITLE = "Do therapists go to therapy?"
FURNITURE = {"Was this helpful?", "Thanks for your feedback!"}

HEADINGS = [
    ("h1", TITLE),
    ("h2", "Why do therapists need therapy?"),
    ("h3", "Difficult clients"),
    ("h3", "Personal life"),
    ("h3", "Professional isolation"),
    ("h3", "Ethical issues"),
    ("h3", "Work related stress"),
    ("h2", "Benefits of counselling for therapists"),
    ("h3", "Getting Support"),
    ("h3", "Vent out"),
    ("h3", "To bring them back to themselves"),
    ("h3", "Educational purposes"),
]

SECTIONS = [
    ("do-therapists-go-to-therapy", TITLE),
    ("why-do-therapists-need-therapy", "Why do therapists need therapy?"),
    ("difficult-clients", "Difficult clients"),
    ("personal-life", "Personal life"),
    ("professional-isolation", "Professional isolation"),
    ("ethical-issues", "Ethical issues"),
    ("work-related-stress", "Work related stress"),
    (
        "benefits-of-counselling-for-therapists",
        "Benefits of counselling for therapists",
    ),
    ("getting-support", "Getting Support"),
    ("vent-out", "Vent out"),
    ("to-bring-them-back-to-themselves", "To bring them back to themselves"),
    ("educational-purposes", "Educational purposes"),
]


@pytest.fixture(scope="module")
def text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(text: str) -> Article:
    return parse_article(text, name=ARTICLE.name)


@pytest.fixture(scope="module")
def tokens(text: str) -> list[Token]:
    return structure_parser().parse(text)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_lines() -> list[str]:
    """The seed's lines, without page furniture or the repeated title line."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and line not in FURNITURE]
    assert lines[:2] == [TITLE, TITLE]
    return [normalise(re.sub(r"^•\s*", "", line)) for line in lines[1:]]


def seed_text() -> str:
    return " ".join(seed_lines())


def article_plain_text(article: Article) -> str:
    """The article's words: front matter dropped, Markdown marks stripped."""
    body = article.text[article.sections[0].char_start :]
    marks = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")
    return normalise(" ".join(marks.sub("", line) for line in body.splitlines()))


def seed_sentences() -> list[str]:
    """Each line of the seed (a heading, a list item, a paragraph) by sentence."""
    return [
        sentence
        for line in seed_lines()
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z“])", line)
    ]


def test_every_sentence_of_the_seed_appears_in_order(article: Article) -> None:
    plain = article_plain_text(article)
    position = 0
    every = seed_sentences()
    assert len(every) == 76
    for sentence in every:
        found = plain.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)


def test_nothing_is_added_to_the_seed_text(article: Article) -> None:
    assert article_plain_text(article) == seed_text()


def test_title_is_the_one_level_one_heading_and_in_front_matter(
    text: str, article: Article, tokens: list[Token]
) -> None:
    assert text.startswith(f"---\ntitle: {TITLE}\n---\n")
    assert tokens[0].type == "front_matter"
    assert article.title == TITLE
    level_one = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    assert len(level_one) == 1
    assert text.count(TITLE) == 2  # front matter and heading, nowhere else


def test_headings_are_exactly_those_of_issue_2(tokens: list[Token]) -> None:
    headings = [
        (token.tag, tokens[index + 1].content)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert headings == HEADINGS
    assert all(t.level == 0 for t in tokens if t.type == "heading_open")


def test_bullet_lists_are_markdown_lists(tokens: list[Token]) -> None:
    lists = []
    for index, token in enumerate(tokens):
        if token.type == "bullet_list_open":
            items = []
            depth = 0
            for inner in tokens[index + 1 :]:
                if inner.type == "bullet_list_close" and depth == 0:
                    break
                depth += inner.nesting if inner.type.endswith("list_open") else 0
                if inner.type == "inline":
                    items.append(inner.content)
            lists.append(items)
    assert lists[0] == [
        "Difficult clients",
        "Personal life",
        "Professional isolation",
        "Ethical issues",
        "Work related stress",
    ]
    assert [item.split(" ")[:3] for item in lists[1]] == [
        ["Therapists", "benefit", "greatly"],
        ["Because", "of", "the"],
        ["People", "who", "go"],
    ]
    assert len(lists) == 2


def test_carl_jung_quotation_is_a_block_quote_with_its_citation(
    tokens: list[Token],
) -> None:
    opening = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
    quoted = next(t.content for t in tokens[opening:] if t.type == "inline")
    assert quoted.startswith("Carl Jung suggested that “a good half of every")
    assert quoted.endswith("hope to put right in the patient” (Plata, 2018).")
    assert sum(t.type == "blockquote_open" for t in tokens) == 1


def test_no_page_furniture(text: str) -> None:
    for line in FURNITURE:
        assert line not in text


def test_section_list(article: Article) -> None:
    assert [(s.id, s.title) for s in article.sections] == SECTIONS
    assert [s.level for s in article.sections] == [1, 2, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3]
    assert all(s.words > 0 for s in article.sections)
    assert article.sections[0].line_start == 4  # just after the front matter
