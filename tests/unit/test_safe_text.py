"""`safe` and `safe_line`: nothing a terminal would act on gets through."""

from __future__ import annotations

import re

import pytest

from reader.safe_text import is_safe, is_safe_utf8, safe, safe_line

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


def test_the_byte_scan_agrees_with_the_text_scan_on_every_code_point() -> None:
    """`is_safe_utf8` finds on the bytes exactly what `is_safe` finds in the text,
    for each code point alone and between multi-byte neighbours."""
    for code in (*range(0xD800), *range(0xE000, 0x110000)):
        char = chr(code)
        for text in (char, f"é{char}€", f"\u2027{char}\u206a"):
            expected = is_safe(text)
            if is_safe_utf8(text.encode()) != expected:
                pytest.fail(f"U+{code:04X} in {text!r}: expected {expected}")


def test_the_byte_scan_lets_carriage_returns_through_only_when_asked() -> None:
    data = b"a\r\nb\rc"
    assert not is_safe_utf8(data)
    assert is_safe_utf8(data, carriage_returns=True)
    assert not is_safe_utf8(b"a\r\x1b[2J", carriage_returns=True)
