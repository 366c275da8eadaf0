"""Several reader processes, and one killed mid-write: nothing committed is lost."""

from __future__ import annotations

import shutil
import signal
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from store_helpers import (
    V1_FIXTURE,
    integrity,
    open_test_store,
    start_writer,
    stored_ids,
)

from reader.store import FeedbackRecord

RECORDS_EACH = 300


def _comment_as_written(record: FeedbackRecord) -> bool:
    """Whether a writer's record has its comment if it should have one."""
    number = int(record.content_sha256, 16)
    if number % 10:
        return record.comment is None
    return record.comment == f"{record.article_id} comment {number} " + "🙂" * 200


def _wait_for_line(process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != expected:
        process.kill()
        _, errors = process.communicate(timeout=10)
        pytest.fail(f"writer said {line!r}, not {expected!r}: {errors}")


@pytest.mark.slow
def test_two_processes_writing_at_once_keep_every_record(tmp_path: Path) -> None:
    """They start on issue 2's database, so they also race to upgrade it."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(V1_FIXTURE, data / "reader.db")
    barrier = tmp_path / "go"
    writers = [
        start_writer(data, name, RECORDS_EACH, "--barrier", barrier)
        for name in ("first", "second")
    ]
    for writer in writers:  # both have opened the store ...
        _wait_for_line(writer, "ready")
    barrier.touch()  # ... and now start writing at the same moment
    printed: dict[str, list[int]] = {}
    for name, writer in zip(("first", "second"), writers, strict=True):
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        lines = out.split()
        assert lines[-1] == "done"
        printed[name] = [int(line) for line in lines[:-1]]

    assert len(printed["first"]) == len(printed["second"]) == RECORDS_EACH
    store = open_test_store(data)
    try:
        records = store.feedback.records()
        assert len(records) == 3 + 2 * RECORDS_EACH
        assert {record.id for record in records} == {
            1,
            2,
            3,
            *printed["first"],
            *printed["second"],
        }
        for name in ("first", "second"):
            history = store.feedback.history(name)
            assert len(history) == RECORDS_EACH
            assert all(_comment_as_written(record) for record in history)
            position = store.positions.load(name)
            assert position is not None
            last = RECORDS_EACH - 1
            assert (position.section_index, position.scroll_y) == (last % 7, last / 3)
        # Interleaved, not one after the other: they really wrote at once.
        order = [record.article_id for record in records]
        switches = sum(a != b for a, b in pairwise(order))
        assert switches > 1
    finally:
        store.close()
    assert integrity(data / "reader.db") == "ok"


@pytest.mark.slow
def test_process_killed_mid_write_loses_nothing_it_committed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    writer = start_writer(data, "killed", 0)  # writes until killed
    _wait_for_line(writer, "ready")
    assert writer.stdout is not None
    committed: list[int] = []
    while len(committed) < 40:
        committed.append(int(writer.stdout.readline()))
    writer.send_signal(signal.SIGKILL)
    rest, _ = writer.communicate(timeout=10)
    committed += [int(line) for line in rest.split()]  # reported before it died
    assert writer.returncode == -signal.SIGKILL

    database = data / "reader.db"
    assert integrity(database) == "ok"
    assert set(committed) <= stored_ids(database)
    store = open_test_store(data)  # opens cleanly: no "damaged" notice
    try:
        kept = {record.id: record for record in store.feedback.records()}
        assert all(_comment_as_written(kept[record_id]) for record_id in committed)
    finally:
        store.close()
