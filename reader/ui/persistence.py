"""Saving from the app: every store call runs on one background thread, in order.

SQLite writes can wait on another reader's lock (up to the busy timeout), so
they never run on the event loop. One worker thread keeps them in the order
they were asked for: a comment is saved after the answer it belongs to.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from reader.store import Answer, FeedbackRecord, FeedbackStore

T = TypeVar("T")


class Persistence:
    """The app's way to the store; `None` stores mean nothing is saved."""

    def __init__(self, feedback: FeedbackStore | None) -> None:
        self._feedback = feedback
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._last_answer: int | None = None
        """The record of the answer just given: touched on the store thread only."""

    @property
    def saving(self) -> bool:
        """Whether anything the reader does is kept."""
        return self._feedback is not None

    async def _run(self, job: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    async def add_answer(
        self, *, article_id: str, title: str, sha256: str, answer: Answer, version: str
    ) -> None:
        """Store an answer now."""
        store = self._feedback
        if store is None:
            return

        def add() -> None:
            self._last_answer = store.add(
                article_id=article_id,
                article_title=title,
                content_sha256=sha256,
                answer=answer,
                app_version=version,
            )

        await self._run(add)

    async def comment_on_answer(self, comment: str) -> None:
        """Attach `comment` to the answer stored last (it is saved first)."""
        store = self._feedback
        if store is None:
            return

        def comment_on_last() -> None:
            if self._last_answer is not None:
                store.set_comment(self._last_answer, comment)

        await self._run(comment_on_last)

    async def latest_answer(self, article_id: str) -> FeedbackRecord | None:
        """The newest answer given for an article."""
        store = self._feedback
        if store is None:
            return None
        return await self._run(lambda: store.latest(article_id))

    def close(self) -> None:
        """Finish pending writes and stop the thread."""
        self._executor.shutdown(wait=True)
