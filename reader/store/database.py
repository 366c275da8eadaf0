"""The SQLite database `reader.db`: opening it, migrating it, writing to it.

WAL mode so readers never block the writer, `BEGIN IMMEDIATE` for every write so
two readers writing at once queue rather than fail, and a busy timeout long
enough for the other one to finish. One `Database` may be used from several
threads (the app writes from a background thread); a lock keeps their
transactions apart.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_SECONDS = 10.0


class Database:
    """An open `reader.db`, migrated to the current schema."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._connection = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    @property
    def version(self) -> int:
        """The schema version the file is at."""
        row = self._connection.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self) -> None:
        for version in range(self.version, SCHEMA_VERSION):
            with self.write() as connection:
                # Re-read inside the lock: another process may have migrated.
                if self.version > version:
                    continue
                for statement in _statements(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: `BEGIN IMMEDIATE`, then commit, or roll back."""
        with self._lock:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """All rows of one query."""
        with self._lock:
            cursor = self._connection.cursor()
            cursor.row_factory = sqlite3.Row
            return cursor.execute(sql, parameters).fetchall()

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back)."""
        with self._lock:
            self._connection.close()


def _statements(script: str) -> list[str]:
    """The statements of a migration script, one per `;`."""
    return [part.strip() for part in script.split(";") if part.strip()]
