"""Small named values kept with the reader's data: the theme, the reader id."""

from __future__ import annotations

import sqlite3
import uuid

from reader.store.database import Database
from reader.store.text import storable

READER_ID = "reader_id"
"""The settings key of this database's reader id."""


def reader_id_in(connection: sqlite3.Connection) -> str:
    """The database's reader id, created if missing (call inside a write)."""
    connection.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
        (READER_ID, uuid.uuid4().hex),
    )
    row = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (READER_ID,)
    ).fetchone()
    return str(row[0])


class SettingsStore:
    """Named text values, one per key."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._reader_id: str | None = None

    def get(self, key: str) -> str | None:
        """The value stored under `key`, if any."""
        rows = self._database.read(
            "SELECT value FROM settings WHERE key = ?", (storable(key),)
        )
        return str(rows[0]["value"]) if rows else None

    def set(self, key: str, value: str) -> None:
        """Store `value` under `key`, replacing what was there."""
        with self._database.write(durable=False) as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (storable(key), storable(value)),
            )

    @property
    def reader_id(self) -> str:
        """A random id made once per database: who answered, for the reports.

        It tells answers from different databases (people) apart without
        saying anything about who they are.
        """
        if self._reader_id is None:
            found = self.get(READER_ID)
            if found is None:
                with self._database.write() as connection:
                    found = reader_id_in(connection)
            self._reader_id = found
        return self._reader_id
