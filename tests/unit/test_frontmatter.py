"""The title in an article's front matter."""

from __future__ import annotations

import pytest

from reader.article import parse_article
from reader.article.frontmatter import front_matter_title


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("title: Plain title", "Plain title"),
        ("title:   spaced out   ", "spaced out"),
        ("title: 'Single ''quoted'''", "Single 'quoted'"),
        ('title: "Double \\"quoted\\" \\\\ ok"', 'Double "quoted" \\ ok'),
        ("title: With a comment # not part of it", "With a comment"),
        ("title: C#-style stays", "C#-style stays"),
        ("author: someone\ntitle: Second line\ndate: 2024", "Second line"),
        ("# a comment\ntitle: After a comment", "After a comment"),
        ("meta:\n  title: nested, not the title", None),
        ("title:", None),
        ("title: ''", None),
        ("no title here", None),
        ("", None),
    ],
)
def test_yaml_title(content: str, title: str | None) -> None:
    assert front_matter_title(content, "---") == title


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ('title = "TOML title"', "TOML title"),
        ("title = 'literal'", "literal"),
        ('# comment\ntitle = "After a comment"', "After a comment"),
        ("title = 3", None),
        ('title = "   "', None),
        ("title = [broken", None),
        ('[section]\ntitle = "in a table"', None),
    ],
)
def test_toml_title(content: str, title: str | None) -> None:
    assert front_matter_title(content, "+++") == title


def test_front_matter_is_not_part_of_any_section() -> None:
    text = "---\ntitle: Kept apart\ntags: [a, b]\n---\n\n# Heading\n\nBody.\n"
    article = parse_article(text, name="x.md")
    assert article.title == "Kept apart"
    assert [s.id for s in article.sections] == ["heading"]
    assert "tags" not in article.source(article.sections[0])


def test_only_front_matter_without_a_final_newline() -> None:
    """Regression: the body's start was looked for past the end of the text."""
    for text in ("---\ntitle: Only\n---", '+++\ntitle = "Only"\n+++'):
        article = parse_article(text, name="x.md")
        assert article.title == "Only"
        assert [(s.id, s.line_start, s.line_end) for s in article.sections] == [
            ("top", 3, 3)
        ]
        assert article.source(article.sections[0]) == ""


def test_unclosed_front_matter_is_ordinary_markdown() -> None:
    text = "---\ntitle: never closed\n\n# Heading\n"
    article = parse_article(text, name="x.md")
    assert article.title == "Heading"
    assert [s.id for s in article.sections] == ["top", "heading"]
