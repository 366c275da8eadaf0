"""Reading an article from disk or standard input, safely, into text.

Only regular files are read (a FIFO is never opened, so it never blocks), never
more than a size cap, and the bytes must be text: UTF-8 (a BOM is dropped),
UTF-16 or UTF-32 with a BOM, or bytes that are clearly Windows-1252, which are
opened with a notice saying so. Line endings become `\\n` and anything that
could act on a terminal is made inert (see `reader.safe_text`). Every failure
is a `SourceError` carrying one line fit for stderr.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.safe_text import safe, safe_line

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})

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
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """An article that cannot be read; `str()` is one line naming it safely."""


@dataclass(frozen=True)
class Source:
    """An article's text, ready to parse, and what identifies it."""

    text: str
    name: str
    article_id: str
    folder: Path | None = None
    notice: str | None = None

    @property
    def sha256(self) -> str:
        """Hash of the text: which version of the article this is."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as it may be shown: one line, nothing a terminal would act on."""
    return safe_line(os.fsdecode(path))


def load_file(
    path: str | os.PathLike[str],
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    article_id: str | None = None,
) -> Source:
    """Read the Markdown file at `path`; its id is its resolved path."""
    shown = display_path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise SourceError(f"{shown}: {_describe(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{shown}: {_kind(info.st_mode)}, not a Markdown file")
    if info.st_size > max_size:
        raise SourceError(f"{shown}: {_too_big(max_size)}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise SourceError(f"{shown}: {_describe(error)}") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise SourceError(f"{shown}: changed while opening, not a regular file")
        data = _read_capped(file, max_size, shown)
    resolved = Path(os.path.realpath(path))
    text, notice = decode(data, shown)
    return Source(
        text=text,
        name=safe_line(resolved.name),
        article_id=article_id or os.fsdecode(resolved),
        folder=resolved.parent,
        notice=notice,
    )


def load_stream(stream: BinaryIO, *, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read an article from a stream (standard input); its id is its hash."""
    data = _read_capped(stream, max_size, "standard input")
    text, notice = decode(data, "standard input")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(
        text=text,
        name="standard input",
        article_id=f"stdin:{digest[:16]}",
        notice=notice,
    )


def _read_capped(file: BinaryIO, max_size: int, shown: str) -> bytes:
    """At most `max_size` bytes; more is an error (sizes can lie, e.g. in /proc)."""
    try:
        data = file.read(max_size + 1)
    except OSError as error:
        raise SourceError(f"{shown}: {_describe(error)}") from None
    if data is None:  # a non-blocking read with nothing there yet
        data = b""
    if len(data) > max_size:
        raise SourceError(f"{shown}: {_too_big(max_size)}")
    return data


def decode(data: bytes, shown: str) -> tuple[str, str | None]:
    """Bytes to normalised, terminal-safe text, and a notice if a guess was made."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data[len(bom) :].decode(encoding)), None
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"{shown}: not valid {encoding.upper()} at byte "
                    f"{error.start + len(bom)}"
                ) from None
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise SourceError(f"{shown}: not a text file ({what})")
    if b"\x00" in data:
        raise SourceError(f"{shown}: not a text file (it contains NUL bytes)")
    try:
        return _normalise(data.decode("utf-8")), None
    except UnicodeDecodeError as error:
        offset = error.start
    guessed = _windows_1252(data)
    if guessed is None:
        raise SourceError(
            f"{shown}: not valid UTF-8 at byte {offset}; save it as UTF-8 to read it"
        )
    return _normalise(guessed), "Not UTF-8: read as Windows-1252 (Western European)."


def _windows_1252(data: bytes) -> str | None:
    """The text, if `data` is plainly Western European text in Windows-1252."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = sum(1 for byte in data if byte >= 0x80)
    letters = sum(1 for char in text if char.isalpha())
    # Mostly ASCII letters with a few accents, quotes or dashes: text. Dense
    # high bytes are some other encoding (or not text at all).
    return text if high * 4 <= max(letters, 1) else None


def _normalise(text: str) -> str:
    return safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def _too_big(max_size: int) -> str:
    return f"larger than the {_size(max_size)} limit (use --max-size to raise it)"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _describe(error: OSError) -> str:
    messages = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the path is too long",
        errno.EISDIR: "a folder, not a Markdown file",
    }
    if error.errno in messages:
        return messages[error.errno]
    return safe_line(error.strerror or type(error).__name__).lower()


def is_markdown_name(path: Path) -> bool:
    """Whether a file name looks like Markdown."""
    return path.suffix.lower() in MARKDOWN_SUFFIXES
