"""`safe` and `safe_line`: nothing a terminal would act on gets through."""

from __future__ import annotations

import re

import pytest

from reader.safe_text import is_safe, safe, safe_line

ACTIVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def test_every_code_point_comes_out_inert() -> None:
    everything = "".join(map(chr, range(0x110000)))
    made_safe = safe(everything)
    assert not ACTIVE.search(made_safe)
    assert is_safe(made_safe)
    assert not is_safe(everything)


def test_tab_and_newline_are_kept() -> None:
    assert safe("a\tb\nc") == "a\tb\nc"
    assert safe_line("a\tb\nc") == "a b c"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇"),
        ("\x1b]0;title\x1b\\", "␛]0;title␛\\"),
        ("\x1b[2J", "␛[2J"),
        ("\x00", "␀"),
        ("\r", "␍"),
        ("\x0c\x0b\x08", "␌␋␈"),
        ("\x7f", "␡"),
        ("\x9b31m", "\ufffd31m"),
        ("\x85", "\ufffd"),
        ("\x9d0;x\x9c", "\ufffd0;x\ufffd"),
        ("a\u2028b\u2029c", "a b c"),
        ("\u202etxt.exe\u202c", "txt.exe"),
        ("\u2066\u2067\u2068x\u2069\u202a\u202b\u202d", "x"),
        ("\udcff", "\ufffd"),  # an undecodable file-name byte
    ],
)
def test_controls_become_visible_or_vanish(raw: str, shown: str) -> None:
    assert safe(raw) == shown


def test_ordinary_text_is_untouched() -> None:
    text = "Café — 日本語 🙂 [bold]x [/] \u200f ‘quotes’ \ufeff"
    assert safe(text) is text
    assert is_safe(text)


def test_safe_is_idempotent() -> None:
    text = "".join(map(chr, range(0x3000)))
    assert safe(safe(text)) == safe(text)
