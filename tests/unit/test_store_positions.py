"""Reading positions and read marks, kept per article across runs."""

from __future__ import annotations

import math
from pathlib import Path

from store_helpers import open_test_store

from reader.store import Position


def test_position_is_saved_replaced_and_kept_across_runs(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = open_test_store(directory)
    assert store.positions.load("article") is None
    store.positions.save("article", "intro", 0, 4.0)
    store.positions.save("article", "personal-life", 5, 17.25)
    store.positions.save("other", "end", 9, 0.0)
    store.close()

    again = open_test_store(directory)
    try:
        position = again.positions.load("article")
        assert isinstance(position, Position)
        assert (position.section_id, position.section_index, position.scroll_y) == (
            "personal-life",
            5,
            17.25,
        )
        assert position.updated_at.endswith("Z")
        other = again.positions.load("other")
        assert other is not None and other.section_id == "end"
    finally:
        again.close()


def test_odd_scroll_offsets_are_saved_as_the_top(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "data")
    try:
        for offset in (-3.0, math.nan, math.inf):
            store.positions.save("article", "intro", 0, offset)
            position = store.positions.load("article")
            assert position is not None and position.scroll_y == 0.0
    finally:
        store.close()


def test_read_marks_add_up_per_article(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = open_test_store(directory)
    assert store.positions.read_sections("article") == frozenset()
    store.positions.mark_read("article", ["intro", "why"])
    store.positions.mark_read("article", iter(["why", "personal-life"]))
    store.positions.mark_read("article", [])
    store.positions.mark_read("other", ["intro"])
    store.close()

    again = open_test_store(directory)
    try:
        assert again.positions.read_sections("article") == {
            "intro",
            "why",
            "personal-life",
        }
        assert again.positions.read_sections("other") == {"intro"}
    finally:
        again.close()
