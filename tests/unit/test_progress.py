"""The footer's position: `§ 3/14 · 27% · 6 min left`."""

from __future__ import annotations

from reader.article import Article, Section, parse_article
from reader.article.progress import Progress, progress


def article_of(words: list[int]) -> Article:
    """An article whose sections hold `words[i]` words each."""
    sections = tuple(
        Section(
            index=index,
            id=f"s{index}",
            title=f"S{index}",
            level=1,
            line_start=index,
            line_end=index + 1,
            char_start=index,
            char_end=index + 1,
            words=count,
        )
        for index, count in enumerate(words)
    )
    return Article(
        title="T", text="x" * len(words), sections=sections, anchors={}, references={}
    )


def test_footer_example_from_the_design() -> None:
    article = article_of([200, 240, 60, *[107] * 11])  # 1,677 words, 14 sections
    position = progress(article, 2, 0.3)
    assert position == Progress(number=3, count=14, percent=27, minutes_left=6)
    assert str(position) == "§ 3/14 · 27% · 6 min left"


def test_progress_is_measured_in_words() -> None:
    article = article_of([100, 300])
    assert str(progress(article, 0)) == "§ 1/2 · 0% · 2 min left"
    assert str(progress(article, 0, 1.0)) == "§ 1/2 · 25% · 2 min left"
    assert str(progress(article, 1)) == "§ 2/2 · 25% · 2 min left"
    assert str(progress(article, 1, 0.5)) == "§ 2/2 · 62% · 1 min left"
    assert str(progress(article, 1, 1.0)) == "§ 2/2 · 100% · 0 min left"


def test_scroll_fraction_is_clamped() -> None:
    article = article_of([100, 300])
    assert progress(article, 1, -3.0) == progress(article, 1, 0.0)
    assert progress(article, 1, 7.0) == progress(article, 1, 1.0)


def test_the_feedback_pane_is_past_the_last_section() -> None:
    article = article_of([100, 300])
    position = progress(article, 2)
    assert position == Progress(number=3, count=2, percent=100, minutes_left=0)
    assert str(position) == "Feedback · 100%"


def test_articles_without_words_move_by_sections() -> None:
    article = article_of([0, 0, 0, 0])
    assert str(progress(article, 0)) == "§ 1/4 · 0% · 0 min left"
    assert str(progress(article, 2, 0.5)) == "§ 3/4 · 62% · 0 min left"
    assert str(progress(article, 4)) == "Feedback · 100%"
    empty = parse_article("", name="empty.md")
    assert str(progress(empty, 0)) == "§ 1/1 · 0% · 0 min left"


def test_progress_of_a_parsed_article() -> None:
    text = "# One\n\n" + "word " * 459 + "\n\n# Two\n\n" + "word " * 919 + "\n"
    article = parse_article(text, name="x.md")
    assert [s.words for s in article.sections] == [460, 920]
    assert str(progress(article, 0)) == "§ 1/2 · 0% · 6 min left"
    assert str(progress(article, 1)) == "§ 2/2 · 33% · 4 min left"
