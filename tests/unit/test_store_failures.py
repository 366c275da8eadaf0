"""A full disk or a failing write: a `StoreError`, and nothing saved is damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import (
    ODD_COMMENTS,
    add_answer,
    integrity,
    open_test_store,
    start_writer,
    stored_ids,
)

from reader.store import Store, StoreError

EMOJI = ODD_COMMENTS[3]


def _fill_until_full(store: Store) -> StoreError:
    """Add long answers until the store refuses one; that refusal."""
    for number in range(1000):
        try:
            record_id = add_answer(store, article_id=f"full-{number}")
            store.feedback.set_comment(record_id, EMOJI)
        except StoreError as error:
            return error
    pytest.fail("the database never filled up")


def test_disk_full_raises_store_error_and_keeps_what_was_saved(tmp_path: Path) -> None:
    """SQLITE_FULL for real: the database may not grow past its current pages."""
    directory = tmp_path / "data"
    store = open_test_store(directory)
    try:
        saved = [add_answer(store, article_id=f"kept-{n}") for n in range(5)]
        store.feedback.set_comment(saved[0], EMOJI)
        store.positions.save("kept-0", "intro", 0, 3.0)
        pages = store.database.read("PRAGMA page_count")[0][0]
        store.database.read(f"PRAGMA max_page_count = {pages + 2}")

        error = _fill_until_full(store)

        assert str(error) == "Could not save: database or disk is full"
        assert isinstance(error.__cause__, sqlite3.Error)
        records = {record.article_id: record for record in store.feedback.records()}
        assert [f"kept-{n}" for n in range(5)] == list(records)[:5]
        assert records["kept-0"].comment == EMOJI
        assert store.positions.load("kept-0") is not None
        # The app keeps running: with room again, saving works again.
        store.database.read("PRAGMA max_page_count = 1000000")
        add_answer(store, article_id="after")
        assert store.feedback.latest("after") is not None
    finally:
        store.close()
    assert integrity(directory / "reader.db") == "ok"


def test_failed_transaction_is_rolled_back_whole(tmp_path: Path) -> None:
    """A write that fails half-way leaves none of its changes behind."""
    store = open_test_store(tmp_path / "data")
    try:
        pages = store.database.read("PRAGMA page_count")[0][0]
        store.database.read(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="full"):
            store.positions.mark_read("a", [f"section-{n}-{EMOJI}" for n in range(50)])
        store.database.read("PRAGMA max_page_count = 1000000")
        assert store.positions.read_sections("a") == frozenset()
    finally:
        store.close()


@pytest.mark.slow
def test_write_error_from_the_os_keeps_every_committed_record(tmp_path: Path) -> None:
    """A real failing write(2): the writer's files may not grow (RLIMIT_FSIZE)."""
    data = tmp_path / "data"
    writer = start_writer(data, "limited", 5, "--limit-bytes", 40_000)
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == "ready" and lines[-1] == "done"
    failure = lines[-2]
    assert failure.startswith("failed: Could not save: "), failure
    committed = [int(line) for line in lines[1:-2]]
    assert len(committed) > 5  # some writes went through under the limit

    database = data / "reader.db"
    assert integrity(database) == "ok"
    assert set(committed) <= stored_ids(database)
    store = open_test_store(data)
    try:
        kept = {record.id for record in store.feedback.records()}
        assert set(committed) <= kept
    finally:
        store.close()


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    store.close()
    with pytest.raises(StoreError):
        add_answer(store)
    with pytest.raises(StoreError):
        store.positions.load("a")
    with pytest.raises(StoreError):
        store.settings.get("theme")
    store.close()  # twice is fine


def test_constraint_failure_is_a_store_error(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        with pytest.raises(StoreError, match="CHECK constraint failed"):
            store.positions.save("a", "intro", -1, 0.0)
        assert store.positions.load("a") is None
    finally:
        store.close()
