"""What can go wrong with the store, as exceptions the app can show in one line.

Every SQLite or OS failure while the store reads or writes comes out as a
`StoreError`, never as a raw `sqlite3` exception, so the app has one thing to
catch and a message it can put in a notice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reader.safe_text import safe_line

_CORRUPTION_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_READ_ONLY = "the file is read-only"


class StoreError(Exception):
    """Reading or writing the database failed; `str()` is one line for a notice.

    `reason` is the cause alone ("database or disk is full"), to fit other text.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class DatabaseDamaged(StoreError):
    """The file is not a healthy SQLite database: it is to be moved aside."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer reader: it is never written or downgraded."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"reader.db was written by a newer version of reader (schema {version})"
        )
        self.version = version


def is_corruption(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged (not busy, full or locked)."""
    return _primary_code(error) in _CORRUPTION_CODES


@contextmanager
def store_errors(action: str) -> Iterator[None]:
    """Turn SQLite and OS failures inside the block into `StoreError`s.

    `action` starts the message: "Could not save" gives
    "Could not save: database or disk is full".
    """
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as error:
        kind = DatabaseDamaged if is_corruption(error) else StoreError
        reason = _READ_ONLY if _is_read_only(error) else safe_line(str(error))
        raise kind(f"{action}: {reason}", reason) from error
    except OSError as error:
        reason = safe_line(error.strerror or str(error)).lower()
        raise StoreError(f"{action}: {reason}", reason) from error


def _is_read_only(error: sqlite3.Error) -> bool:
    return _primary_code(error) == sqlite3.SQLITE_READONLY


def _primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (`SQLITE_CORRUPT` for `SQLITE_CORRUPT_VTAB`)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF
