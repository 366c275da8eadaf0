"""The SQLite database `reader.db`: opening it, migrating it, writing to it.

WAL mode so readers never block the writer, `BEGIN IMMEDIATE` for every write so
two readers writing at once queue rather than fail, and a busy timeout long
enough for the other one to finish. One `Database` may be used from several
threads (the app writes from a background thread); a lock keeps their
transactions apart.

Every commit survives the process being killed. A durable one (the default,
used for feedback) is also on disk when `write()` returns (`synchronous =
FULL`), so it survives a power cut too. Reading positions and settings, saved
far more often and cheap to lose, skip that fsync (`synchronous = NORMAL`:
still safe from corruption, but a power cut may undo the last few).

Every failure comes out as a `StoreError` (see `reader.store.errors`): a
damaged file as `DatabaseDamaged`, a newer reader's file as `DatabaseTooNew`,
which is never written to, migrated or downgraded.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.store.errors import DatabaseTooNew, store_errors
from reader.store.health import check_pages, header_version
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

BUSY_TIMEOUT_SECONDS = 10.0


class Database:
    """An open `reader.db`, checked and migrated to the current schema."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._durable = True
        # Only read-only looks until the file is known to be sound and not newer.
        found = header_version(path)
        if found <= SCHEMA_VERSION and path.exists():
            found = check_pages(path, BUSY_TIMEOUT_SECONDS)
        if found > SCHEMA_VERSION:
            raise DatabaseTooNew(found)
        action = f"Could not open {path.name}"
        with store_errors(action):
            self._connection = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_SECONDS,
                isolation_level=None,
                check_same_thread=False,
            )
        try:
            with store_errors(action):
                self._refuse_newer()  # in case a newer reader migrated meanwhile
                self._connection.execute("PRAGMA journal_mode = WAL")
                self._connection.execute("PRAGMA synchronous = FULL")
                self._migrate()
                self._refuse_newer()
        except BaseException:
            self._connection.close()
            raise

    @property
    def version(self) -> int:
        """The schema version the file is at."""
        with self._lock, store_errors("Could not read"):
            row = self._connection.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _refuse_newer(self) -> None:
        if self.version > SCHEMA_VERSION:
            raise DatabaseTooNew(self.version)

    def _migrate(self) -> None:
        for version in range(self.version, SCHEMA_VERSION):
            with self._transaction(f"Could not upgrade {self.path.name}") as connection:
                # Re-read inside the lock: another process may have migrated.
                if self.version > version:
                    continue
                # A migration may give the database its reader id (`:reader_id`).
                parameters = {"reader_id": uuid.uuid4().hex}
                for statement in statements(MIGRATIONS[version]):
                    connection.execute(statement, parameters)
                connection.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction: `BEGIN IMMEDIATE`, then commit, or roll back.

        If anything fails, the commit included, the transaction is rolled back
        (what was committed before is untouched) and a SQLite or OS failure is
        raised as a `StoreError`. `durable=False` skips the fsync at commit.
        """
        with self._transaction("Could not save", durable=durable) as connection:
            yield connection

    @contextmanager
    def _transaction(
        self, action: str, *, durable: bool = True
    ) -> Iterator[sqlite3.Connection]:
        with self._lock, store_errors(action):
            connection = self._connection
            if durable != self._durable:  # may only change between transactions
                level = "FULL" if durable else "NORMAL"
                connection.execute(f"PRAGMA synchronous = {level}")
                self._durable = durable
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    with suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    def read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """All rows of one query."""
        with self._lock, store_errors("Could not read"):
            cursor = self._connection.cursor()
            cursor.row_factory = sqlite3.Row
            return cursor.execute(sql, parameters).fetchall()

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back); idempotent."""
        with self._lock, suppress(sqlite3.Error):
            self._connection.close()
