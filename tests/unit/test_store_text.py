"""Any path and any comment round-trips through the store, exactly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from store_helpers import NON_UTF8_ID, ODD_COMMENTS, add_answer, open_test_store

from reader.safe_text import is_safe
from reader.store import MAX_COMMENT
from reader.store.text import article_key, storable


def test_non_utf8_path_id_round_trips(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        record_id = add_answer(store, article_id=NON_UTF8_ID, answer="no")
        store.positions.save(NON_UTF8_ID, "intro", 1, 2.5)
        store.positions.mark_read(NON_UTF8_ID, ["intro"])

        [record] = store.feedback.history(NON_UTF8_ID)
        assert record.id == record_id
        assert store.feedback.latest(NON_UTF8_ID) == record
        position = store.positions.load(NON_UTF8_ID)
        assert position is not None and position.section_id == "intro"
        assert store.positions.read_sections(NON_UTF8_ID) == {"intro"}
        # Shown as valid text, the undecodable bytes spelled out.
        assert record.article_id == "/tmp/caf\\xe9/notes-\\xff\\xfe.md"
        json.dumps(record.to_json(), ensure_ascii=False).encode("utf-8")
    finally:
        store.close()


def test_ids_that_look_alike_stay_apart(tmp_path: Path) -> None:
    """The key is exact: an undecodable byte is not its printed spelling."""
    spelled = "/tmp/caf\\xe9/notes-\\xff\\xfe.md"
    store = open_test_store(tmp_path / "data")
    try:
        store.positions.save(NON_UTF8_ID, "a", 0, 0.0)
        store.positions.save(spelled, "b", 1, 0.0)
        add_answer(store, article_id=spelled)
        assert store.feedback.history(NON_UTF8_ID) == []
        position = store.positions.load(NON_UTF8_ID)
        assert position is not None and position.section_id == "a"
    finally:
        store.close()


def test_every_str_has_its_own_key() -> None:
    ids = [NON_UTF8_ID, "café", "caf\udcc3\udca9", "\ud800", "a\x00b", ""]
    assert len({article_key(text) for text in ids}) == len(ids)
    for text in ids:
        assert article_key(text).decode("utf-8", "surrogatepass") == text


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("plain é 家 🙂", "plain é 家 🙂"),
        ("nul\x00esc\x1b", "nul\x00esc\x1b"),
        (os.fsdecode(b"caf\xe9"), "caf\\xe9"),
        ("lone \ud800 high", "lone \ufffd high"),
    ],
)
def test_storable_changes_only_lone_surrogates(text: str, stored: str) -> None:
    assert storable(text) == stored


@pytest.mark.parametrize("comment", ODD_COMMENTS, ids=range(len(ODD_COMMENTS)))
def test_comment_round_trips_exactly(tmp_path: Path, comment: str) -> None:
    directory = tmp_path / "data"
    store = open_test_store(directory)
    record_id = add_answer(store, article_title=comment)
    store.feedback.set_comment(record_id, comment)
    store.close()

    again = open_test_store(directory)
    try:
        [record] = again.feedback.records()
        assert record.comment == comment
        assert record.article_title == comment
    finally:
        again.close()


def test_comment_of_2000_emoji_is_kept_whole_and_longer_cut(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        first = add_answer(store)
        store.feedback.set_comment(first, "🙂" * MAX_COMMENT)
        second = add_answer(store)
        store.feedback.set_comment(second, "🙂" * MAX_COMMENT + "beyond")
        comments = [record.comment for record in store.feedback.records()]
        assert comments == ["🙂" * MAX_COMMENT, "🙂" * MAX_COMMENT]
    finally:
        store.close()


def test_shown_text_is_always_encodable(tmp_path: Path) -> None:
    """No lone surrogate comes back out: printing a record cannot fail."""
    store = open_test_store(tmp_path / "data")
    try:
        record_id = add_answer(
            store, article_id=NON_UTF8_ID, article_title=os.fsdecode(b"t\xff")
        )
        store.feedback.set_comment(record_id, "x \udcff y")
        [record] = store.feedback.records()
        for value in (record.article_id, record.article_title, record.comment):
            assert value is not None
            value.encode("utf-8")
            assert is_safe(value)
    finally:
        store.close()
