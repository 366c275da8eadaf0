"""Issue 2's database (schema 1) upgrades in place without losing a record."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from store_helpers import (
    V1_FIXTURE,
    add_answer,
    integrity,
    load_v1_maker,
    open_test_store,
)

from reader.store.schema import SCHEMA_VERSION


def _copy_fixture(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    shutil.copyfile(V1_FIXTURE, directory / "reader.db")
    return directory


def test_fixture_is_schema_1_as_its_script_makes_it(tmp_path: Path) -> None:
    """The committed file is what `make_reader_v1_db.py` writes (same rows)."""
    remade = tmp_path / "remade.db"
    load_v1_maker().make(remade)
    queries = (
        "PRAGMA user_version",
        "SELECT sql FROM sqlite_master ORDER BY name",
        "SELECT * FROM feedback ORDER BY id",
    )
    fixture, fresh = _read_only(V1_FIXTURE), _read_only(remade)
    try:
        for query in queries:
            assert fixture.execute(query).fetchall() == fresh.execute(query).fetchall()
        assert fixture.execute("PRAGMA user_version").fetchone() == (1,)
    finally:
        fixture.close()
        fresh.close()


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, nor leave -wal/-shm beside it."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def test_every_v1_record_survives_the_upgrade_with_its_fields(tmp_path: Path) -> None:
    directory = _copy_fixture(tmp_path)
    expected = load_v1_maker().RECORDS

    store = open_test_store(directory)
    try:
        assert store.database.version == SCHEMA_VERSION == 2
        records = store.feedback.records()
        reader_id = store.settings.reader_id
        assert len(reader_id) == 32 and int(reader_id, 16) >= 0
        got = [
            (
                r.id,
                r.article_id,
                r.article_title,
                r.content_sha256,
                r.answer,
                r.comment,
                r.created_at,
                r.app_version,
            )
            for r in records
        ]
        assert got == list(expected)
        assert {record.reader_id for record in records} == {reader_id}
        # Found by their key, as new records are.
        [latest] = store.feedback.history("/home/ana/notes/week 3.md")
        assert latest.id == 3
        assert store.feedback.latest("do-therapists-go-to-therapy") == records[1]
    finally:
        store.close()
    assert integrity(directory / "reader.db") == "ok"


def test_new_tables_work_after_the_upgrade(tmp_path: Path) -> None:
    directory = _copy_fixture(tmp_path)
    store = open_test_store(directory)
    try:
        new_id = add_answer(store, article_id="do-therapists-go-to-therapy")
        assert new_id == 4  # ids go on from the old records
        assert [
            r.id for r in store.feedback.history("do-therapists-go-to-therapy")
        ] == [
            4,
            2,
            1,
        ]
        store.positions.save("do-therapists-go-to-therapy", "personal-life", 4, 12.5)
        store.positions.mark_read("do-therapists-go-to-therapy", ["intro", "why"])
        store.settings.set("theme", "gruvbox")
    finally:
        store.close()

    again = open_test_store(directory)  # and it all persists, not migrated twice
    try:
        position = again.positions.load("do-therapists-go-to-therapy")
        assert position is not None
        assert (position.section_id, position.section_index, position.scroll_y) == (
            "personal-life",
            4,
            12.5,
        )
        assert again.positions.read_sections("do-therapists-go-to-therapy") == {
            "intro",
            "why",
        }
        assert again.settings.get("theme") == "gruvbox"
        assert len(again.feedback.records()) == 4
    finally:
        again.close()
