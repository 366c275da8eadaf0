"""Which headings start sections, what each section holds, and its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import UNTITLED, Anchor, Article, parse_article
from reader.source import load_file

NAME = "notes.md"


def parse(text: str, *, split_level: int = 3) -> Article:
    return parse_article(text, name=NAME, split_level=split_level)


def outline(article: Article) -> list[tuple[str, str, int, int, int]]:
    """Each section as (id, title, level, line_start, line_end)."""
    return [
        (s.id, s.title, s.level, s.line_start, s.line_end) for s in article.sections
    ]


def ids(article: Article) -> list[str]:
    return [section.id for section in article.sections]


def lines(text: str) -> list[str]:
    """`text` split into lines, each keeping its newline (only `\\n` ends one)."""
    parts = text.split("\n")
    kept = [part + "\n" for part in parts[:-1]]
    return [*kept, parts[-1]] if parts[-1] else kept


def assert_exact_sources(article: Article) -> None:
    """Each section is exactly its source lines, and they tile the article."""
    all_lines = lines(article.text)
    for section in article.sections:
        expected = "".join(all_lines[section.line_start : section.line_end])
        assert article.source(section) == expected
    for before, after in zip(article.sections, article.sections[1:], strict=False):
        assert before.line_end == after.line_start
        assert before.char_end == after.char_start
    if article.sections:
        assert article.sections[-1].line_end == len(all_lines)
        assert article.sections[-1].char_end == len(article.text)


ARTICLE = """\
# Title

Intro words here.

## Second

Text of the second section.

#### Deep inside second

More.

### Third

Third text.
"""


def test_levels_one_to_three_start_sections_and_deeper_stay_inside() -> None:
    article = parse(ARTICLE)
    assert outline(article) == [
        ("title", "Title", 1, 0, 4),
        ("second", "Second", 2, 4, 12),
        ("third", "Third", 3, 12, 15),
    ]
    assert "#### Deep inside second" in article.source(article.sections[1])
    assert_exact_sources(article)


@pytest.mark.parametrize(
    ("split_level", "expected"),
    [
        (1, ["title"]),
        (2, ["title", "second"]),
        (3, ["title", "second", "third"]),
        (4, ["title", "second", "deep-inside-second", "third"]),
        (6, ["title", "second", "deep-inside-second", "third"]),
    ],
)
def test_split_level_decides_which_headings_split(
    split_level: int, expected: list[str]
) -> None:
    article = parse(ARTICLE, split_level=split_level)
    assert ids(article) == expected
    assert_exact_sources(article)


def test_headings_inside_lists_and_quotes_do_not_split() -> None:
    text = (
        "# One\n\n"
        "- # Listed heading\n"
        "- item\n\n"
        "  ## Indented under the item\n\n"
        "1. ### Ordered heading\n\n"
        "> # Quoted heading\n"
        ">\n"
        "> > ## Deeper quoted\n\n"
        "# Two\n"
    )
    article = parse(text)
    assert ids(article) == ["one", "two"]
    source = article.source(article.sections[0])
    for heading in ("Listed heading", "Indented under", "Ordered", "Quoted", "Deeper"):
        assert heading in source
    # They are still headings: each has an anchor in the section that holds it.
    for anchor in (
        "listed-heading",
        "indented-under-the-item",
        "ordered-heading",
        "quoted-heading",
        "deeper-quoted",
    ):
        assert article.anchors[anchor].section == 0


def test_text_before_the_first_heading_is_the_opening_section() -> None:
    text = "Some words first.\n\n# Heading\n\nBody.\n"
    article = parse(text)
    assert outline(article) == [
        ("top", "Heading", 0, 0, 2),
        ("heading", "Heading", 1, 2, 5),
    ]
    assert article.source(article.sections[0]) == "Some words first.\n\n"
    assert article.anchors["top"] == Anchor(0, 0)


def test_opening_section_is_titled_with_the_article_title() -> None:
    text = "---\ntitle: From front matter\n---\nIntro.\n\n## Part\n"
    article = parse(text)
    assert outline(article) == [
        ("top", "From front matter", 0, 3, 5),
        ("part", "Part", 2, 5, 6),
    ]
    no_title = parse("Intro.\n\n## Part\n")
    assert no_title.sections[0].title == NAME


@pytest.mark.parametrize(
    "before",
    ["", "\n\n\n", "   \n\t\n", "---\ntitle: T\n---\n", "---\ntitle: T\n---\n\n\n"],
)
def test_no_opening_section_when_only_blank_lines_or_front_matter_precede(
    before: str,
) -> None:
    article = parse(before + "# First\n\nText.\n")
    assert ids(article) == ["first"]
    assert article.sections[0].line_start == before.count("\n")
    assert article.source(article.sections[0]) == "# First\n\nText.\n"


def test_sections_and_front_matter_reproduce_the_text() -> None:
    text = (
        "---\ntitle: Whole\n---\n\nLead paragraph.\n\n# A\n\na\n\n"
        "## B\n\n```\n# code\n```\n\n### C\nlast line without newline"
    )
    article = parse(text)
    assert ids(article) == ["top", "a", "b", "c"]
    front_matter = text[: article.sections[0].char_start]
    assert front_matter == "---\ntitle: Whole\n---\n"
    rebuilt = front_matter + "".join(article.source(s) for s in article.sections)
    assert rebuilt == text
    assert_exact_sources(article)


def test_setext_headings_split_like_atx_ones() -> None:
    text = (
        "Main title\n==========\n\nText.\n\n"
        "A subtitle on\ntwo lines\n---\n\nMore.\n\n"
        "- list item\n  ---\n\n"  # a rule inside the list, not a heading
        "Paragraph\n\n---\n\nafter a rule\n"
    )
    article = parse(text)
    assert outline(article) == [
        ("main-title", "Main title", 1, 0, 5),
        ("a-subtitle-on-two-lines", "A subtitle on two lines", 2, 5, 19),
    ]
    assert article.title == "Main title"
    assert article.source(article.sections[1]).startswith("A subtitle on\ntwo lines\n")
    assert_exact_sources(article)


@pytest.mark.parametrize(
    "block",
    [
        "```\n# not a heading\n## nor this\n```\n",
        "~~~python\n# a comment\n~~~\n",
        "````\n```\n# still code\n```\n````\n",
        "    # indented code\n    ## also code\n",
        "<div>\n# inside an HTML block\n</div>\n",
        "<!--\n# commented out\n\n# still commented\n-->\n",
        "<pre>\n# preformatted\n\n# still pre\n</pre>\n",
    ],
)
def test_hash_lines_in_code_and_html_are_not_headings(block: str) -> None:
    article = parse(f"# Start\n\n{block}\n# End\n")
    assert ids(article) == ["start", "end"]
    assert block in article.source(article.sections[0])
    assert set(article.anchors) == {"start", "end"}


def test_unclosed_fence_swallows_the_rest() -> None:
    text = "# Start\n\n```\n# one\n\n# two\n\n## three\n"
    article = parse(text)
    assert ids(article) == ["start"]
    assert article.sections[0].line_end == 8


def test_empty_headings_have_an_id_and_the_untitled_label() -> None:
    article = parse("#\n\nfirst\n\n## \n\nsecond\n\n# ##\n\nthird\n")
    assert [(s.id, s.title, s.label) for s in article.sections] == [
        ("section", "", UNTITLED),
        ("section-1", "", UNTITLED),
        ("section-2", "", UNTITLED),
    ]
    assert article.title == NAME  # an empty H1 is no title


def test_duplicate_headings_get_numbered_ids() -> None:
    text = "# Notes\n\n## Notes\n\n### Notes\n\n#### Notes\n\n# Notes-1\n"
    article = parse(text)
    assert ids(article) == ["notes", "notes-1", "notes-2", "notes-1-1"]
    assert article.anchors["notes-3"].section == 2  # the #### one


def test_no_headings_at_all_is_one_opening_section() -> None:
    text = "Just a paragraph.\n\n- and a list\n"
    article = parse(text)
    assert outline(article) == [("top", NAME, 0, 0, 3)]
    assert article.source(article.sections[0]) == text
    assert article.sections[0].words == 6


def test_empty_text_is_one_empty_section() -> None:
    article = parse("")
    assert outline(article) == [("top", NAME, 0, 0, 0)]
    assert article.source(article.sections[0]) == ""
    assert article.words == 0
    assert article.complete


def test_crlf_text_is_read_as_the_same_article(tmp_path: Path) -> None:
    text = "Intro\n\n# One\n\nline\n\nTitle two\n---\n\nend\n"
    crlf = text.replace("\n", "\r\n")
    path = tmp_path / "crlf.md"
    path.write_bytes(crlf.encode("utf-8"))
    source = load_file(path)
    assert source.text == text
    expected = parse(text)
    assert outline(parse(source.text)) == outline(expected)
    # Given raw CRLF (or lone CR) text directly, the outliner normalises it too.
    for raw in (crlf, text.replace("\n", "\r")):
        article = parse(raw)
        assert article.text == text
        assert article.sections == expected.sections
        assert_exact_sources(article)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: YAML title\n---\n# Heading\n", "YAML title"),
        ("---\ntitle: 'It''s quoted'\n---\n# Heading\n", "It's quoted"),
        ('+++\ntitle = "TOML title"\n+++\n# Heading\n', "TOML title"),
        ("---\nauthor: someone\n---\n# First H1\n", "First H1"),
        ("## Not level one\n\n# The *first* H1\n\n# Second H1\n", "The first H1"),
        ("- # In a list\n\n## Level two\n", NAME),
        ("No headings at all.\n", NAME),
    ],
)
def test_title_from_front_matter_else_first_h1_else_file_name(
    text: str, title: str
) -> None:
    assert parse(text).title == title


def test_section_at_line_and_find() -> None:
    article = parse(ARTICLE)
    assert article.section_at_line(0).id == "title"
    assert article.section_at_line(3).id == "title"
    assert article.section_at_line(4).id == "second"
    assert article.section_at_line(11).id == "second"
    assert article.section_at_line(14).id == "third"
    assert article.section_at_line(10_000).id == "third"
    second = article.find("second")
    assert second is not None and second.index == 1
    # A nested heading is an anchor inside its section, not a section.
    assert article.anchors["deep-inside-second"] == Anchor(1, 8)
    assert article.find("deep-inside-second") is None
    assert article.find("no-such-id") is None


def test_word_counts_per_section_and_in_total() -> None:
    article = parse(ARTICLE)
    assert [s.words for s in article.sections] == [4, 10, 3]
    assert article.words == 17
    assert [article.words_before(i) for i in range(4)] == [0, 4, 14, 17]
