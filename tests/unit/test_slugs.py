"""Section ids are GitHub's heading ids (github-slugger's rules)."""

from __future__ import annotations

import pytest

from reader.article import parse_article
from reader.article.slugs import Slugger, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Why do therapists need therapy?", "why-do-therapists-need-therapy"),
        ("Hello, World!", "hello-world"),
        ("  Leading and trailing  ", "--leading-and-trailing--"),
        ("snake_case stays", "snake_case-stays"),
        ("Dashes - and -- more", "dashes---and----more"),
        ("C++ & C#", "c--c"),
        ("1.2.3 release", "123-release"),
        ("Ünïcödé Straße", "ünïcödé-straße"),
        ("Ελληνικά κείμενα", "ελληνικά-κείμενα"),
        ("日本語の見出し", "日本語の見出し"),
        ("🎉 Party time", "-party-time"),
        ("Emoji 👍🏽 in the middle", "emoji--in-the-middle"),
        ("Tab\tand\u00a0no-break", "tabandno-break"),
        ("", ""),
    ],
)
def test_slugify_follows_github(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugger_deduplicates_like_github_slugger() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ("Foo", "Foo", "Foo-1", "Foo", "foo-1")] == [
        "foo",
        "foo-1",
        "foo-1-1",
        "foo-2",
        "foo-1-2",
    ]


def test_blank_slugs_use_the_stand_in() -> None:
    slugger = Slugger()
    assert slugger.slug("", empty="section") == "section"
    assert slugger.slug("!!!", empty="section") == "section-1"
    assert slugger.slug("Section") == "section-2"


@pytest.mark.parametrize(
    ("heading", "title", "slug"),
    [
        ("Use `pip install`", "Use pip install", "use-pip-install"),
        ("*Emphasis* and **strong**", "Emphasis and strong", "emphasis-and-strong"),
        ("A [link](https://example.com) here", "A link here", "a-link-here"),
        ("An ![image](x.png) alt", "An image alt", "an-image-alt"),
        ("Tom &amp; Jerry", "Tom & Jerry", "tom--jerry"),
        ("C\\# tips", "C# tips", "c-tips"),
        ("\\*not emphasis\\*", "*not emphasis*", "not-emphasis"),
        ("~~struck~~ out", "struck out", "struck-out"),
        ("Closing hashes ##", "Closing hashes", "closing-hashes"),
        ("x <b>bold</b> y", "x bold y", "x-bold-y"),
    ],
)
def test_headings_with_markup_use_their_text(
    heading: str, title: str, slug: str
) -> None:
    article = parse_article(f"# {heading}\n\ntext\n", name="x.md")
    assert (article.sections[0].title, article.sections[0].id) == (title, slug)


def test_duplicate_headings_in_an_article_follow_github() -> None:
    text = "# Foo\n\n## Foo\n\n### Foo-1\n\n#### Foo\n\n## Foo 1\n"
    article = parse_article(text, name="x.md")
    assert [s.id for s in article.sections] == ["foo", "foo-1", "foo-1-1", "foo-1-2"]
    assert article.anchors["foo-2"].section == 2  # the #### one, inside "Foo-1"
