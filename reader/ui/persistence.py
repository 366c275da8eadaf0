"""The app's way to the store: recall what it knows, save what happens.

SQLite writes can wait on another reader's lock (up to the busy timeout), so
they never run on the event loop: every write runs on one background thread,
in the order asked for (a comment is saved after the answer it belongs to).
Writes are queued, not awaited: the app never waits on the disk, and `close`
(after the app has exited) waits for the queue to drain, so a place saved on
quit is kept. A failed write becomes one notice per cause, never an exception
in the app; with no store at all, nothing is saved and nothing fails.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from reader.store import Answer, FeedbackRecord, Position, Store, StoreError

T = TypeVar("T")

THEME = "theme"
"""The settings key of the chosen theme."""


@dataclass(frozen=True)
class Memory:
    """What the store remembers of one article."""

    position: Position | None = None
    read: frozenset[str] = field(default_factory=frozenset)
    answer: FeedbackRecord | None = None


class Persistence:
    """Reads and writes for the app; `store` None means nothing is saved."""

    def __init__(self, store: Store | None, notice: str | None = None) -> None:
        self._store = store
        self.notice = notice
        """Said once when the app starts: why nothing (or something odd) is saved."""
        self.report: Callable[[str], None] = lambda message: None
        """Shows a failure to the reader; the app sets it. Called on any thread."""
        self._reported: set[str] = set()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._last_answer: int | None = None
        """The record of the answer just given: touched on the store thread only."""

    @property
    def saving(self) -> bool:
        """Whether anything the reader does is kept."""
        return self._store is not None

    # -- reading (blocking: at start-up, or from a worker thread) ---------------

    def recall(self, article_id: str) -> Memory:
        """The saved position, read sections and latest answer for an article."""
        store = self._store
        if store is None:
            return Memory()
        try:
            return Memory(
                position=store.positions.load(article_id),
                read=store.positions.read_sections(article_id),
                answer=store.feedback.latest(article_id),
            )
        except StoreError as error:
            self._failed(error)
            return Memory()

    def theme(self) -> str | None:
        """The theme chosen last time, if any."""
        store = self._store
        if store is None:
            return None
        try:
            return store.settings.get(THEME)
        except StoreError as error:
            self._failed(error)
            return None

    # -- writing (on the store thread, in order) ----------------------------------

    def _submit(self, job: Callable[[Store], None]) -> None:
        """Queue `job` for the store thread; a failure is reported, not raised."""
        store = self._store
        if store is None:
            return

        def run() -> None:
            try:
                job(store)
            except StoreError as error:
                self._failed(error)

        self._executor.submit(run)

    async def settled(self) -> None:
        """Wait until every write asked for so far has been done."""
        await asyncio.wrap_future(self._executor.submit(lambda: None))

    def _failed(self, error: StoreError) -> None:
        message = str(error)
        if message not in self._reported:
            self._reported.add(message)
            self.report(message)

    def save_position(
        self, article_id: str, section_id: str, section_index: int, scroll_y: float
    ) -> None:
        """Remember where the reader is in an article."""
        self._submit(
            lambda store: store.positions.save(
                article_id, section_id, section_index, scroll_y
            )
        )

    def mark_read(self, article_id: str, section_id: str) -> None:
        """Remember that a section has been read."""
        self._submit(lambda store: store.positions.mark_read(article_id, [section_id]))

    def save_theme(self, theme: str) -> None:
        """Remember the reader's theme."""
        self._submit(lambda store: store.settings.set(THEME, theme))

    def add_answer(
        self, *, article_id: str, title: str, sha256: str, answer: Answer, version: str
    ) -> None:
        """Store an answer now."""

        def add(store: Store) -> None:
            self._last_answer = store.feedback.add(
                article_id=article_id,
                article_title=title,
                content_sha256=sha256,
                answer=answer,
                app_version=version,
            )

        self._submit(add)

    def comment_on_answer(self, comment: str) -> None:
        """Attach `comment` to the answer stored last (which is saved first)."""

        def comment_on_last(store: Store) -> None:
            if self._last_answer is not None:
                store.feedback.set_comment(self._last_answer, comment)

        self._submit(comment_on_last)

    def close(self) -> None:
        """Finish pending writes, stop the thread and close the store."""
        self._executor.shutdown(wait=True)
        if self._store is not None:
            self._store.close()
