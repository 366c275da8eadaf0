"""Where the reader was in each article, and which sections they have read."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from reader.store.clock import utc_now
from reader.store.database import Database
from reader.store.text import article_key, storable


@dataclass(frozen=True)
class Position:
    """A saved reading position: the section, and how far down it (in lines)."""

    section_id: str
    section_index: int
    scroll_y: float
    updated_at: str


class PositionStore:
    """Reading positions and read marks, one set per article.

    The section index is kept beside the id so that, if the article has changed
    and the id is gone, the reader can fall back to the section at that index.
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    def save(
        self, article_id: str, section_id: str, section_index: int, scroll_y: float
    ) -> None:
        """Remember the position in an article, replacing the one before.

        A scroll offset that is negative or not a finite number is saved as 0.
        """
        offset = scroll_y if math.isfinite(scroll_y) and scroll_y > 0 else 0.0
        with self._database.write(durable=False) as connection:
            connection.execute(
                "INSERT INTO positions (article_key, article_id, section_id,"
                " section_index, scroll_y, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (article_key) DO UPDATE SET"
                " article_id = excluded.article_id,"
                " section_id = excluded.section_id,"
                " section_index = excluded.section_index,"
                " scroll_y = excluded.scroll_y,"
                " updated_at = excluded.updated_at",
                (
                    article_key(article_id),
                    storable(article_id),
                    storable(section_id),
                    section_index,
                    float(offset),
                    utc_now(),
                ),
            )

    def load(self, article_id: str) -> Position | None:
        """The saved position in an article, if there is one."""
        rows = self._database.read(
            "SELECT section_id, section_index, scroll_y, updated_at FROM positions"
            " WHERE article_key = ?",
            (article_key(article_id),),
        )
        if not rows:
            return None
        row = rows[0]
        return Position(
            section_id=str(row["section_id"]),
            section_index=int(row["section_index"]),
            scroll_y=float(row["scroll_y"]),
            updated_at=str(row["updated_at"]),
        )

    def mark_read(self, article_id: str, section_ids: Iterable[str]) -> None:
        """Add sections to those read in an article (marks are never removed)."""
        key = article_key(article_id)
        now = utc_now()
        rows = [(key, storable(section_id), now) for section_id in section_ids]
        if not rows:
            return
        with self._database.write(durable=False) as connection:
            connection.executemany(
                "INSERT OR IGNORE INTO read_sections (article_key, section_id,"
                " read_at) VALUES (?, ?, ?)",
                rows,
            )

    def read_sections(self, article_id: str) -> frozenset[str]:
        """The ids of the sections read in an article."""
        rows = self._database.read(
            "SELECT section_id FROM read_sections WHERE article_key = ?",
            (article_key(article_id),),
        )
        return frozenset(str(row["section_id"]) for row in rows)
