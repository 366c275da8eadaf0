"""Word counts and reading times."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reader.article.words import WORDS_PER_MINUTE, count_words, reading_minutes

CORPUS = Path("/work/shared/corpus/real")

# The rule, stated plainly; `count_words` must always agree with it.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_READ = re.compile(r"\]\([^)\s]*\)|<[^>\n]*>")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def words_by_rule(text: str) -> int:
    prose = _NOT_READ.sub(" ", text)
    cjk = len(_CJK.findall(prose))
    prose = _CJK.sub(" ", prose)
    return len(_WORD.findall(prose)) + (cjk + 1) // 2


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one two  three\nfour", 4),
        ("they’d often-sensitive don't", 3),
        ("a - b -- c", 3),
        ("-leading trailing- 'quoted'", 3),
        ("snake_case is two", 4),
        ("3.14 and 42", 4),
        ("café naïve Straße", 3),
        ("Ελληνικά κείμενα", 2),
        ("## Heading\n\n- item one\n> quoted", 4),
        ("[a link](https://example.com/long/path) stays", 3),
        ("<span class='x'>shown</span> text", 2),
        ("`code` **bold** _em_", 3),
        ("e\u0301t\u00e9", 2),  # a combining accent splits, as in the rule
    ],
)
def test_words_are_runs_of_letters_and_digits(text: str, words: int) -> None:
    assert count_words(text) == words
    assert words_by_rule(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("日本語", 2),  # three ideographs: one and a half words, rounded up
        ("日本", 1),
        ("中文文本测试", 3),
        ("ひらがなカタカナ", 4),
        ("Hello 世界", 2),
        ("한국어 텍스트", 2),  # Hangul is written with spaces: ordinary words
    ],
)
def test_chinese_and_japanese_characters_count_half_a_word(
    text: str, words: int
) -> None:
    assert count_words(text) == words


def test_fast_count_agrees_with_the_rule_on_random_text() -> None:
    pieces = [
        *"ab1_-'’ \n\t.,é²五か한ßΩя]()<>[!",
        "\u0301",
        "𝔘",
        "\ud800",
        "](x)",
        "<b>",
        "--",
        "a-b",
        "''",
        "word ",
        "  ",
    ]
    rng = random.Random(2024)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert count_words(text) == words_by_rule(text), repr(text)


def test_fast_count_agrees_on_long_texts_in_many_scripts() -> None:
    texts = [
        "English prose, mostly ASCII — with a few ‘quotes’ and café. " * 2000,
        "Ελληνικά κείμενα με λέξεις και αριθμούς 123. " * 2000,
        "中文文本测试，还有 English words 和数字 42。" * 2000,
    ]
    if CORPUS.is_dir():
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md")))
    for text in texts:
        assert count_words(text) == words_by_rule(text)


def test_reading_minutes_round_up() -> None:
    assert WORDS_PER_MINUTE == 230
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(230) == 1
    assert reading_minutes(231) == 2
    assert reading_minutes(2300) == 10
