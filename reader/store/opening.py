"""Opening the store for the app: never fails, says once what will not work.

`open_store` always returns. With a usable database it returns a `Store`; when
nothing can be saved it returns none and a notice saying why:

- the data dir cannot be created or written: nothing is saved;
- `reader.db` is damaged (not an SQLite file, cut off, failing SQLite's check):
  it is renamed aside to `reader.db.corrupt-<UTC time>` (its `-wal` and `-shm`
  files alongside, as `…corrupt-<time>-wal`, so SQLite can still open the
  set) and a fresh database is started; nothing is ever deleted;
- a zero-byte `reader.db` is not damage: SQLite sees an empty database, so it
  is just initialised (unless a non-empty `-wal` lies beside it: see
  `reader.store.health`);
- `reader.db` comes from a newer reader (a higher schema version): it is left
  exactly as it is, never written, migrated or downgraded, and nothing is
  saved (no read-only store either: the older code cannot know what the newer
  schema's data means);
- any other failure (the file locked for too long, unreadable): nothing saved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader.locations import database_path
from reader.safe_text import safe_line
from reader.store.data_dir import (
    make_writable_dir,
    move_aside,
    opening_lock,
    why_unusable,
)
from reader.store.database import Database
from reader.store.errors import DatabaseDamaged, DatabaseTooNew, StoreError
from reader.store.feedback import FeedbackStore
from reader.store.positions import PositionStore
from reader.store.settings import SettingsStore, reader_id_in


@dataclass(frozen=True)
class Store:
    """Everything the reader keeps, over one open database."""

    database: Database
    feedback: FeedbackStore
    positions: PositionStore
    settings: SettingsStore

    @classmethod
    def over(cls, database: Database) -> Store:
        """The stores of an open database."""
        return cls(
            database=database,
            feedback=FeedbackStore(database),
            positions=PositionStore(database),
            settings=SettingsStore(database),
        )

    def close(self) -> None:
        """Close the database; idempotent."""
        self.database.close()


@dataclass(frozen=True)
class OpenedStore:
    """What `open_store` found: a store, or none, and what to tell the reader."""

    store: Store | None
    notice: str | None = None


def open_store(directory: Path) -> OpenedStore:
    """Open (creating if needed) `reader.db` in `directory`; never raises."""
    shown = safe_line(os.fsdecode(directory))
    try:
        make_writable_dir(directory)
    except OSError as error:
        problem = why_unusable(error)
        return OpenedStore(None, f"Nothing will be saved: {shown} {problem}.")
    path = database_path(directory)
    try:
        with opening_lock(directory):
            return _open(path)
    except Exception as error:  # a bug must not stop the reader from reading
        return OpenedStore(None, f"Nothing will be saved: {safe_line(str(error))}.")


def _open(path: Path) -> OpenedStore:
    shown = safe_line(os.fsdecode(path))
    notice = None
    try:
        try:
            database = Database(path)
        except DatabaseDamaged:
            moved = move_aside(path)
            notice = (
                f"{path.name} was damaged, so it was moved to"
                f" {safe_line(os.fsdecode(moved))} and a fresh one started."
            )
            database = Database(path)
        try:
            _prove_writable(database)
        except StoreError:
            database.close()
            raise
    except DatabaseTooNew as error:
        return OpenedStore(
            None,
            f"{path.name} was written by a newer version of reader"
            f" (schema {error.version}); nothing will be saved.",
        )
    except StoreError as error:
        return OpenedStore(None, f"Nothing will be saved: {shown} ({error.reason}).")
    except OSError as error:  # moving a damaged file aside failed
        reason = safe_line(error.strerror or str(error)).lower()
        return OpenedStore(None, f"Nothing will be saved: {shown} ({reason}).")
    return OpenedStore(Store.over(database), notice)


def _prove_writable(database: Database) -> None:
    """Raise `StoreError` unless the file takes writes (a read-only file opens).

    The write is real but changes nothing once the reader id exists: an empty
    transaction would pass even on a read-only file.
    """
    with database.write() as connection:
        reader_id_in(connection)
