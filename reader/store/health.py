"""Is a `reader.db` healthy? Checked each time it is opened, before any write.

Two looks, neither of which can write: the first 100 bytes, read directly, so
that a text file, random bytes or a cut-off file are caught without handing
them to SQLite, and so that a database from a newer reader is recognised
before SQLite opens it for writing; then SQLite's own `PRAGMA quick_check`
over every page, on a read-only connection.

A zero-byte file passes, and is simply initialised: SQLite treats it as an
empty database, it is what a first start leaves if stopped between creating
the file and writing its header, and it holds nothing to lose. Unless a
non-empty `-wal` file lies beside it: SQLite would ignore (and then overwrite)
that WAL, which may hold records, so that pair counts as damaged and is moved
aside whole.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from reader.safe_text import safe_line
from reader.store.errors import DatabaseDamaged, StoreError, store_errors

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def header_version(path: Path) -> int:
    """The schema version in the file's header; 0 for a missing or empty file.

    Raises `DatabaseDamaged` when the bytes cannot be an SQLite database.
    """
    with store_errors(f"Could not read {path.name}"):
        try:
            # Non-blocking, so that a FIFO in its place cannot hang the reader.
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return 0
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise StoreError(f"{path.name} is not a file", "not a regular file")
            header = file.read(HEADER_SIZE)
            size = info.st_size
    if size == 0:
        if _size(path.with_name(f"{path.name}-wal")):
            raise DatabaseDamaged(f"{path.name} is empty but its WAL file is not")
        return 0
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise DatabaseDamaged(f"{path.name} is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        raise DatabaseDamaged(f"{path.name} has a damaged header")
    # SQLite only ever writes whole pages, so a partial page means a cut-off file.
    if size % page_size:
        raise DatabaseDamaged(f"{path.name} is cut off mid-page")
    version = int.from_bytes(header[60:64], "big", signed=True)
    if version < 0:
        raise DatabaseDamaged(f"{path.name} has an unknown schema version")
    return version


def check_pages(path: Path, timeout: float) -> int:
    """SQLite's check of every page; returns the schema version SQLite sees.

    The connection is read-only, so a damaged file is never written, not even
    by the checkpoint a closing connection makes. The version may be newer than
    the header's: a WAL file not yet checkpointed holds the latest header.
    Raises `DatabaseDamaged` for damage, `StoreError` for any other failure.
    """
    uri = f"file:{quote(os.fsencode(path.absolute()))}?mode=ro"
    with store_errors(f"Could not open {path.name}"):
        connection = sqlite3.connect(uri, uri=True, timeout=timeout)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    if [tuple(row) for row in rows] != [("ok",)]:
        first = str(rows[0][0]) if rows else "no answer"
        raise DatabaseDamaged(f"{path.name} failed its check: {safe_line(first)}")
    return version


def _size(path: Path) -> int:
    """The size of the file at `path`; 0 if there is none (or it cannot be seen)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
