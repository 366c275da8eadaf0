"""Answers to "Was this helpful?": written at once, never lost.

A changed answer is a new record, never an update, so the history is kept and
reports can count the latest answer per reader per article version. Records
are found by the article's exact key (see `reader.store.text`); the
`article_id` they carry is its text form, always valid Unicode.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from reader.store.clock import utc_now
from reader.store.database import Database
from reader.store.settings import reader_id_in
from reader.store.text import article_key, storable

Answer = Literal["yes", "no"]
MAX_COMMENT = 2000
"""The longest comment kept, in characters."""


@dataclass(frozen=True)
class FeedbackRecord:
    """One answer, as stored."""

    id: int
    article_id: str
    article_title: str
    content_sha256: str
    answer: Answer
    comment: str | None
    created_at: str
    app_version: str
    reader_id: str

    def to_json(self) -> dict[str, object]:
        """The record as `--feedback --json` prints it (without the row id)."""
        data = asdict(self)
        del data["id"]
        return data


_COLUMNS = (
    "id, article_id, article_title, content_sha256, answer, comment, created_at,"
    " app_version, reader_id"
)


class FeedbackStore:
    """Feedback records in the database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(
        self,
        *,
        article_id: str,
        article_title: str,
        content_sha256: str,
        answer: Answer,
        app_version: str,
    ) -> int:
        """Store an answer now; returns its record id for the comment to follow."""
        with self._database.write() as connection:
            cursor = connection.execute(
                "INSERT INTO feedback (article_key, article_id, article_title,"
                " content_sha256, answer, comment, created_at, app_version,"
                " reader_id) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                (
                    article_key(article_id),
                    storable(article_id),
                    storable(article_title),
                    storable(content_sha256),
                    answer,
                    utc_now(),
                    storable(app_version),
                    reader_id_in(connection),
                ),
            )
            record_id = cursor.lastrowid
        assert record_id is not None
        return record_id

    def set_comment(self, record_id: int, comment: str) -> None:
        """Attach `comment` (cut to `MAX_COMMENT` characters) to an answer.

        An empty comment is stored as none.
        """
        kept = storable(comment[:MAX_COMMENT]) or None
        with self._database.write() as connection:
            connection.execute(
                "UPDATE feedback SET comment = ? WHERE id = ?", (kept, record_id)
            )

    def records(self) -> list[FeedbackRecord]:
        """Every record, oldest first."""
        rows = self._database.read(f"SELECT {_COLUMNS} FROM feedback ORDER BY id")
        return [FeedbackRecord(**dict(row)) for row in rows]

    def history(self, article_id: str) -> list[FeedbackRecord]:
        """Every answer given for an article, newest first."""
        rows = self._database.read(
            f"SELECT {_COLUMNS} FROM feedback WHERE article_key = ? ORDER BY id DESC",
            (article_key(article_id),),
        )
        return [FeedbackRecord(**dict(row)) for row in rows]

    def latest(self, article_id: str) -> FeedbackRecord | None:
        """The newest answer for an article, if it has one."""
        rows = self._database.read(
            f"SELECT {_COLUMNS} FROM feedback WHERE article_key = ?"
            " ORDER BY id DESC LIMIT 1",
            (article_key(article_id),),
        )
        return FeedbackRecord(**dict(rows[0])) if rows else None
