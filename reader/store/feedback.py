"""Answers to "Was this helpful?": written at once, never lost."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Literal

from reader.store.database import Database

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

    def to_json(self) -> dict[str, object]:
        """The record as `--feedback --json` prints it (without the row id)."""
        data = asdict(self)
        del data["id"]
        return data


_COLUMNS = (
    "id, article_id, article_title, content_sha256, answer, comment, created_at,"
    " app_version"
)


def utc_now() -> str:
    """The current UTC time as ISO 8601 with milliseconds and a `Z`."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
                "INSERT INTO feedback (article_id, article_title, content_sha256,"
                " answer, comment, created_at, app_version)"
                " VALUES (?, ?, ?, ?, NULL, ?, ?)",
                (
                    article_id,
                    article_title,
                    content_sha256,
                    answer,
                    utc_now(),
                    app_version,
                ),
            )
            record_id = cursor.lastrowid
        assert record_id is not None
        return record_id

    def set_comment(self, record_id: int, comment: str) -> None:
        """Attach `comment` (cut to `MAX_COMMENT` characters) to an answer."""
        with self._database.write() as connection:
            connection.execute(
                "UPDATE feedback SET comment = ? WHERE id = ?",
                (comment[:MAX_COMMENT], record_id),
            )

    def records(self) -> list[FeedbackRecord]:
        """Every record, oldest first."""
        rows = self._database.read(f"SELECT {_COLUMNS} FROM feedback ORDER BY id")
        return [FeedbackRecord(**dict(row)) for row in rows]

    def latest(self, article_id: str) -> FeedbackRecord | None:
        """The newest answer for an article, if it has one."""
        rows = self._database.read(
            f"SELECT {_COLUMNS} FROM feedback WHERE article_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (article_id,),
        )
        return FeedbackRecord(**dict(rows[0])) if rows else None
