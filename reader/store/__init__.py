"""Persistence in one SQLite database. Never imports Textual.

The app opens it with `open_store`, which never raises; every later failure
is a `StoreError` with a one-line message.
"""

from reader.store.database import Database
from reader.store.errors import DatabaseDamaged, DatabaseTooNew, StoreError
from reader.store.feedback import MAX_COMMENT, Answer, FeedbackRecord, FeedbackStore
from reader.store.opening import OpenedStore, Store, open_store
from reader.store.positions import Position, PositionStore
from reader.store.settings import SettingsStore

__all__ = [
    "MAX_COMMENT",
    "Answer",
    "Database",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "FeedbackRecord",
    "FeedbackStore",
    "OpenedStore",
    "Position",
    "PositionStore",
    "SettingsStore",
    "Store",
    "StoreError",
    "open_store",
]
