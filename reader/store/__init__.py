"""Persistence in one SQLite database. Never imports Textual."""

from reader.store.database import Database
from reader.store.feedback import MAX_COMMENT, Answer, FeedbackRecord, FeedbackStore

__all__ = ["MAX_COMMENT", "Answer", "Database", "FeedbackRecord", "FeedbackStore"]
