"""Code and tables wider than the measure: whole in the reader, wrapped in print."""

from __future__ import annotations

from reader.typeset import WIDEST, Typesetter

LONG_CODE = 'x = "' + "y" * 120 + '"'
SOURCE = (
    "# Wide\n\n"
    f"```python\n{LONG_CODE}\nshort = 1\n```\n\n"
    "| a | b | c |\n|---|---|---|\n"
    f"| {'alpha ' * 8}| {'beta ' * 8}| {'gamma ' * 8}|\n\n"
    "A paragraph of prose that is long enough to wrap at sixty columns, as "
    "prose should, whatever the code and tables around it do.\n"
)


def test_code_is_never_wrapped_in_the_reader() -> None:
    typeset = Typesetter({}, wide=True).typeset(SOURCE, 60)
    code = next(text for text in typeset.texts if LONG_CODE in text)
    assert len(code) == len(LONG_CODE) + 2  # a column of padding each side
    assert typeset.widest >= len(code)


def test_a_table_is_set_at_its_natural_width_in_the_reader() -> None:
    typeset = Typesetter({}, wide=True).typeset(SOURCE, 60)
    row = next(text for text in typeset.texts if "alpha" in text)
    assert "alpha " * 7 + "alpha" in row and "gamma " * 7 + "gamma" in row


def test_prose_still_wraps_at_the_width() -> None:
    typeset = Typesetter({}, wide=True).typeset(SOURCE, 60)
    prose = [text for text in typeset.texts if "prose" in text or "tables" in text]
    assert len(prose) >= 2
    assert all(len(text.rstrip()) <= 60 for text in prose)


def test_print_wraps_code_and_tables_to_the_width() -> None:
    typeset = Typesetter({}).typeset(SOURCE, 60)
    assert typeset.widest <= 60
    assert not any(LONG_CODE in text for text in typeset.texts)


def test_a_narrow_block_is_set_as_before() -> None:
    source = "```\nshort\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    wide = Typesetter({}, wide=True).typeset(source, 60)
    narrow = Typesetter({}).typeset(source, 60)
    assert wide.texts == narrow.texts
    assert wide.widest <= 60


def test_an_absurdly_long_line_is_wrapped_after_all() -> None:
    source = "```\n" + "z" * (3 * WIDEST) + "\n```\n"
    typeset = Typesetter({}, wide=True).typeset(source, 60)
    assert typeset.widest == WIDEST
    assert sum(text.count("z") for text in typeset.texts) == 3 * WIDEST
