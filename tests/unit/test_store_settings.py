"""Settings: named values, and a reader id made once per database."""

from __future__ import annotations

import re
from pathlib import Path

from store_helpers import open_test_store


def test_setting_is_stored_replaced_and_kept(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = open_test_store(directory)
    assert store.settings.get("theme") is None
    store.settings.set("theme", "nord")
    store.settings.set("theme", "gruvbox")
    store.close()

    again = open_test_store(directory)
    try:
        assert again.settings.get("theme") == "gruvbox"
    finally:
        again.close()


def test_reader_id_is_made_once_per_database(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = open_test_store(directory)
    reader_id = store.settings.reader_id
    store.close()
    assert re.fullmatch(r"[0-9a-f]{32}", reader_id)

    again = open_test_store(directory)
    other = open_test_store(tmp_path / "other")
    try:
        assert again.settings.reader_id == reader_id
        assert again.settings.get("reader_id") == reader_id
        assert other.settings.reader_id != reader_id
    finally:
        again.close()
        other.close()


def test_reader_id_comes_back_if_its_row_is_lost(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        with store.database.write() as connection:
            connection.execute("DELETE FROM settings")
        fresh = store.settings.reader_id
        assert re.fullmatch(r"[0-9a-f]{32}", fresh)
        assert store.settings.get("reader_id") == fresh
    finally:
        store.close()
