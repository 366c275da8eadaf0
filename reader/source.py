"""Reading an article from disk or standard input, safely, into text.

Only regular files are read (a FIFO is never opened, so it never blocks), never
more than a size cap (sizes can lie: /proc files say 0), and the bytes must be
text (see `reader.decoding`). Every failure is a `SourceError` carrying one
line fit for stderr, naming the path safely.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.decoding import Decoded, DecodingError, decode
from reader.safe_text import safe_line

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
STDIN_NAME = "standard input"
EMPTY_NOTICE = "Empty: there is nothing to read."

_SIZE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:([kmg])(?:i?b)?|b)?\s*", re.I)
_SCALES = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


class SourceError(Exception):
    """An article that cannot be read; `str()` is one line naming it safely."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{shown}: {reason}")
        self.shown = shown
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """An article's text, ready to parse, and what identifies it."""

    text: str
    name: str
    article_id: str
    folder: Path | None = None
    notice: str | None = None
    """Something the reader should be told once, e.g. which encoding was assumed."""

    @property
    def sha256(self) -> str:
        """Hash of the text: which version of the article this is."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as it may be shown: one line, nothing a terminal would act on."""
    return safe_line(os.fsdecode(path))


def parse_size(text: str) -> int:
    """Bytes in a size such as `500K`, `10M`, `2G`, `1.5MB` or `4096`."""
    match = _SIZE.fullmatch(text)
    size = 0
    if match is not None:
        size = int(float(match[1]) * _SCALES[(match[2] or "").lower()])
    if size < 1:
        raise ValueError(
            f"not a size: {safe_line(text)!r} (try 500K, 10M, 2G or a number of bytes)"
        )
    return size


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
        raise SourceError(shown, _describe(error, path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(shown, f"{_kind(info.st_mode)}, not a Markdown file")
    if info.st_size > max_size:
        raise SourceError(shown, _too_big(max_size))
    # O_NONBLOCK and O_NOCTTY: if the file was swapped for a FIFO or a terminal
    # since the stat, opening it must neither block nor adopt the terminal.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise SourceError(shown, _describe(error, path)) from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise SourceError(shown, "changed while opening, not a regular file")
        data = _read_capped(file, max_size, shown)
    resolved = Path(os.path.realpath(path))
    decoded = _decode(data, shown)
    return Source(
        text=decoded.text,
        name=safe_line(resolved.name),
        article_id=article_id or os.fsdecode(resolved),
        folder=resolved.parent,
        notice=decoded.notice or (None if data else EMPTY_NOTICE),
    )


def load_stream(stream: BinaryIO, *, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read an article from a stream (standard input); its id is its hash."""
    data = _read_capped(stream, max_size, STDIN_NAME)
    decoded = _decode(data, STDIN_NAME)
    digest = hashlib.sha256(decoded.text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(
        text=decoded.text,
        name=STDIN_NAME,
        article_id=f"stdin:{digest[:16]}",
        notice=decoded.notice or (None if data else EMPTY_NOTICE),
    )


def is_markdown_name(path: str | os.PathLike[str]) -> bool:
    """Whether a file name looks like Markdown (`.md`, `.markdown`, …)."""
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def _read_capped(file: BinaryIO, max_size: int, shown: str) -> bytes:
    """At most `max_size` bytes; more is an error (sizes can lie, e.g. in /proc)."""
    chunks: list[bytes] = []
    left = max_size + 1
    try:
        while left > 0:
            chunk = file.read(min(left, 1 << 20))
            if not chunk:  # the end (None: a non-blocking read found nothing)
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise SourceError(shown, _describe(error)) from None
    if left <= 0:
        raise SourceError(shown, _too_big(max_size))
    return b"".join(chunks)


def _decode(data: bytes, shown: str) -> Decoded:
    try:
        return decode(data)
    except DecodingError as error:
        raise SourceError(shown, str(error)) from None


def _too_big(max_size: int) -> str:
    return f"larger than the {_size(max_size)} limit (use --max-size to raise it)"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} byte{'' if count == 1 else 's'}"


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _describe(error: OSError, path: str | os.PathLike[str] | None = None) -> str:
    if error.errno == errno.ENOENT and path is not None and os.path.islink(path):
        return "a broken symbolic link (its target does not exist)"
    messages = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "a symbolic link loop (too many levels of symbolic links)",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the path is too long",
        errno.EISDIR: "a folder, not a Markdown file",
        errno.ENXIO: "a special file with nothing behind it",
    }
    if error.errno in messages:
        return messages[error.errno]
    return safe_line(error.strerror or type(error).__name__).lower()
