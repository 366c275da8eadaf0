"""A section rendered alone: references resolve, HTML and deep nesting show."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from reader.article import Article, parse_article
from reader.article.markdown import MAX_NESTING, nesting_note, render_parser


def parse(text: str) -> Article:
    return parse_article(text, name="notes.md")


def flatten(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        flat.extend(flatten(token.children or []))
    return flat


def rendered(article: Article, index: int) -> list[Token]:
    """The tokens of section `index`, parsed on its own as the pane does."""
    source = article.source(article.sections[index])
    return flatten(render_parser(article.references).parse(source))


def hrefs(tokens: list[Token]) -> list[str]:
    return [str(t.attrs["href"]) for t in tokens if t.type == "link_open"]


def texts(tokens: list[Token]) -> list[str]:
    return [t.content for t in tokens if t.type == "text"]


REFERENCES = """\
Opening text uses [the guide][Guide] before it is defined.

[early]: https://example.com/early

# First

See [the guide][guide], [early] and [quoted][q] and [listed].

# Second

Defined below: [the guide][GUIDE].

> [q]: https://example.com/quoted

- [listed]: https://example.com/listed

[guide]: https://example.com/guide "The Guide"
"""


def test_reference_definitions_anywhere_resolve_in_a_section_alone() -> None:
    article = parse(REFERENCES)
    assert [s.id for s in article.sections] == ["top", "first", "second"]
    assert hrefs(rendered(article, 0)) == ["https://example.com/guide"]
    assert hrefs(rendered(article, 1)) == [
        "https://example.com/guide",
        "https://example.com/early",
        "https://example.com/quoted",
        "https://example.com/listed",
    ]
    assert hrefs(rendered(article, 2)) == ["https://example.com/guide"]
    link = next(t for t in rendered(article, 1) if t.type == "link_open")
    assert link.attrs["title"] == "The Guide"


def test_first_definition_of_a_label_wins() -> None:
    text = "# A\n\n[x]\n\n[x]: /first\n\n# B\n\n[x]: /second\n"
    article = parse(text)
    assert hrefs(rendered(article, 0)) == ["/first"]
    # The section holding the losing definition still shows no stray text.
    assert "[x]: /second" not in " ".join(texts(rendered(article, 1)))


def test_a_heading_link_to_a_later_definition_reads_as_its_text() -> None:
    article = parse("# See [the docs][docs]\n\ntext\n\n[docs]: https://example.com\n")
    assert article.sections[0].title == "See the docs"
    assert article.sections[0].id == "see-the-docs"


def test_html_blocks_render_as_code_not_as_headings() -> None:
    html = "<div>\n# not a heading\n<script>alert(1)</script>\n</div>\n"
    article = parse(f"# Page\n\n{html}\nafter <b>inline</b> html\n")
    assert [s.id for s in article.sections] == ["page"]
    tokens = rendered(article, 0)
    assert [t.type for t in tokens if t.type.startswith("heading_open")] == [
        "heading_open"
    ]
    code = [t for t in tokens if t.type == "code_block"]
    assert [t.content for t in code] == [html]
    assert "<b>" in texts(tokens)  # inline HTML is shown as text, not dropped


def test_images_become_their_alt_text() -> None:
    article = parse("# Pictures\n\n![a cat](cat.png) and ![](blank.png)\n")
    tokens = rendered(article, 0)
    assert not [t for t in tokens if t.type == "image"]
    assert "[image: a cat]" in texts(tokens)
    assert "[image]" in texts(tokens)


HEADINGS_AFTER = "\n# After one\n\ntext\n\n## After two\n\n### After three\n"

DEEP = {
    "ten list markers on one line": "- " * 10 + "deep\n",
    "300 indented list levels": "".join("  " * i + "- item\n" for i in range(300)),
    "50,000 quote markers": ">" * 50_000 + " deep\n",
    "quote markers growing line by line": "".join(
        ">" * i + " level\n" for i in range(1, 60)
    ),
    "ordered lists 100 deep": "".join("   " * i + "1. item\n" for i in range(100)),
    "quotes holding lists": "".join("> " * i + "- item\n" for i in range(1, 40)),
}


@pytest.mark.parametrize("deep", DEEP.values(), ids=DEEP.keys())
def test_nesting_past_the_limit_never_hides_later_headings(deep: str) -> None:
    article = parse(f"# Start\n\n{deep}{HEADINGS_AFTER}")
    assert [s.id for s in article.sections] == [
        "start",
        "after-one",
        "after-two",
        "after-three",
    ]
    assert article.sections[0].line_end == 2 + deep.count("\n") + 1
    notes = [t for t in texts(rendered(article, 0)) if "nested too deeply" in t]
    assert notes
    assert all(note.startswith("⋯ ") for note in notes)
    for index in (1, 2, 3):  # the sections after it render in full
        assert not [t for t in texts(rendered(article, index)) if "nested" in t]


def test_nesting_note_counts_the_hidden_lines() -> None:
    lines = 30
    deep = "".join(">" * (MAX_NESTING + 5) + f" line {n}\n" for n in range(lines))
    article = parse(f"# Start\n\n{deep}\n## Later\n")
    assert [s.id for s in article.sections] == ["start", "later"]
    assert nesting_note(lines) in texts(rendered(article, 0))
    assert nesting_note(1) == "⋯ 1 line nested too deeply to show"


def test_headings_nested_below_the_limit_stay_inside_their_section() -> None:
    deep = "".join("  " * i + "- item\n" for i in range(40))
    text = f"# Start\n\n{deep}\n#### Small heading after\n\nwords\n\n## Next\n"
    article = parse(text)
    assert [s.id for s in article.sections] == ["start", "next"]
    assert article.anchors["small-heading-after"].section == 0
    tokens = rendered(article, 0)
    assert "Small heading after" in texts(tokens)
