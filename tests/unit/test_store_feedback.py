"""Feedback records: stored at once, a changed answer is a new record."""

from __future__ import annotations

import re
from pathlib import Path

from store_helpers import add_answer, open_test_store


def test_answer_is_stored_with_every_field(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        record_id = store.feedback.add(
            article_id="do-therapists-go-to-therapy",
            article_title="Do therapists go to therapy?",
            content_sha256="b" * 64,
            answer="no",
            app_version="0.2.0",
        )
        [record] = store.feedback.records()
        assert record.id == record_id
        assert record.to_json() == {
            "article_id": "do-therapists-go-to-therapy",
            "article_title": "Do therapists go to therapy?",
            "content_sha256": "b" * 64,
            "answer": "no",
            "comment": None,
            "created_at": record.created_at,
            "app_version": "0.2.0",
            "reader_id": store.settings.reader_id,
        }
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record.created_at
        )
    finally:
        store.close()


def test_changed_answer_is_a_new_record_and_history_is_newest_first(
    tmp_path: Path,
) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        first = add_answer(store, answer="yes")
        store.feedback.set_comment(first, "good")
        second = add_answer(store, answer="no")
        add_answer(store, article_id="other")

        history = store.feedback.history("article")
        assert [(r.id, r.answer, r.comment) for r in history] == [
            (second, "no", None),
            (first, "yes", "good"),
        ]
        assert store.feedback.latest("article") == history[0]
        assert store.feedback.latest("never answered") is None
        assert store.feedback.history("never answered") == []
        assert [r.id for r in store.feedback.records()] == [first, second, 3]
    finally:
        store.close()


def test_comment_goes_to_its_own_record_and_empty_means_none(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        first = add_answer(store)
        second = add_answer(store)
        store.feedback.set_comment(first, "on the first")
        store.feedback.set_comment(second, "")
        comments = [record.comment for record in store.feedback.records()]
        assert comments == ["on the first", None]
    finally:
        store.close()


def test_records_carry_the_database_reader_id(tmp_path: Path) -> None:
    one = open_test_store(tmp_path / "one")
    other = open_test_store(tmp_path / "other")
    try:
        add_answer(one)
        add_answer(other)
        [mine] = one.feedback.records()
        [theirs] = other.feedback.records()
        assert mine.reader_id == one.settings.reader_id
        assert theirs.reader_id == other.settings.reader_id
        assert mine.reader_id != theirs.reader_id
    finally:
        one.close()
        other.close()
