"""Bytes to article text: which encodings are read, and what is refused.

- UTF-8, with its BOM dropped (so a heading on the first line stays a heading);
- UTF-16 and UTF-32, when a BOM says so;
- bytes that are plainly Western European text in Windows-1252 (which also
  covers Latin-1 text), read with a notice saying so;
- anything else that is not valid UTF-8 is refused, naming the byte offset,
  and so is anything with a NUL byte or a known binary signature.

The text comes out with `\\n` line endings and made terminal-safe
(`reader.safe_text.safe`), so nothing downstream sees a raw control character.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.safe_text import is_safe_utf8, safe

WINDOWS_1252_NOTICE = "Not UTF-8: read as Windows-1252 (Western European)."

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "a zip archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32-LE's BOM starts with UTF-16-LE's, so it is tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_HIGH_RUNS = re.compile(rb"[\x80-\xff]+")
_UTF8_SEQUENCES = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(
    range(ord("a"), ord("z") + 1)
)
_ODD_CONTROLS = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D})


class DecodingError(Exception):
    """Bytes that are not text the reader reads; `str()` says why, in one line."""


@dataclass(frozen=True)
class Decoded:
    """An article's text, and a notice when its encoding was a guess."""

    text: str
    notice: str | None = None


def decode(data: bytes) -> Decoded:
    """Bytes to normalised, terminal-safe text; `DecodingError` if they are not."""
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_normalise(data[len(bom) :].decode(encoding)))
            except UnicodeDecodeError as error:
                raise DecodingError(
                    f"not valid {name} at byte {error.start + len(bom)}"
                ) from None
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise DecodingError(f"not a text file ({what})")
    if b"\x00" in data:
        raise DecodingError("not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
    else:
        if is_safe_utf8(data, carriage_returns=True):  # the usual case, found fast
            return Decoded(_newlines(text) if b"\r" in data else text)
        return Decoded(_normalise(text))
    guessed = windows_1252(data)
    if guessed is None:
        line = data.count(b"\n", 0, offset) + 1
        raise DecodingError(
            f"not valid UTF-8 at byte {offset} (line {line}); "
            "save it as UTF-8 to read it"
        )
    return Decoded(_normalise(guessed), WINDOWS_1252_NOTICE)


def windows_1252(data: bytes) -> str | None:
    """The text, if `data` (not valid UTF-8) is plainly Windows-1252 text.

    Western European text is mostly ASCII letters, with an accent, a curly
    quote or a dash here and there, alone or in pairs (`l’été`, `ações`).
    Other encodings are not: Shift-JIS, GBK, KOI8 or Greek text is dense with
    high bytes in longer runs; UTF-8 with a stray bad byte is mostly
    well-formed UTF-8 sequences; binary data has control bytes. All those are
    refused: an error is better than silently wrong text.
    """
    try:
        text = data.decode("cp1252")  # strict: 0x81, 0x8D, 0x8F, 0x90, 0x9D fail
    except UnicodeDecodeError:
        return None
    runs = _HIGH_RUNS.findall(data)
    high = sum(map(len, runs))
    in_long_runs = sum(len(run) for run in runs if len(run) > 2)
    in_utf8 = sum(map(len, _UTF8_SEQUENCES.findall(data)))
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    controls = len(data) - len(data.translate(None, _ODD_CONTROLS))
    if controls * 100 > len(data):  # more than 1% odd control bytes: binary
        return None
    if high * 2 > letters:  # dense high bytes: not mostly-ASCII Western text
        return None
    if in_long_runs * 4 > high:  # runs of high bytes: words of another script
        return None
    if in_utf8 * 2 > high:  # mostly well-formed UTF-8: a damaged UTF-8 file
        return None
    return text


def _normalise(text: str) -> str:
    return safe(_newlines(text))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
