"""`open_store` never fails: unusable dirs, damaged files and newer files."""

from __future__ import annotations

import os
import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import (
    ODD_COMMENTS,
    add_answer,
    integrity,
    open_test_store,
    run_as_nobody,
)

from reader.safe_text import safe_line
from reader.store import open_store
from reader.store.schema import SCHEMA_VERSION

CORRUPT_NAME = re.compile(r"reader\.db\.corrupt-\d{8}T\d{6}Z")


def _healthy_database(directory: Path, records: int = 40) -> bytes:
    """The bytes of a closed, healthy reader.db with `records` long answers."""
    store = open_test_store(directory)
    for number in range(records):
        record_id = add_answer(store, article_id=f"article-{number}")
        store.feedback.set_comment(record_id, ODD_COMMENTS[3])
    store.close()
    assert not (directory / "reader.db-wal").exists()
    return (directory / "reader.db").read_bytes()


def test_creates_the_data_dir_and_its_parents(tmp_path: Path) -> None:
    store = open_test_store(tmp_path / "a" / "b" / "data")
    try:
        add_answer(store)
        assert len(store.feedback.records()) == 1
    finally:
        store.close()
    assert (tmp_path / "a" / "b" / "data" / "reader.db").is_file()


# Unusable data dirs: nothing saved, one notice naming the dir.


def test_data_dir_below_a_file_cannot_be_created(tmp_path: Path) -> None:
    """Fails for root too: nothing can be created below a regular file."""
    (tmp_path / "file").write_text("not a folder")
    directory = tmp_path / "file" / "data"
    opened = open_store(directory)
    assert opened.store is None
    assert opened.notice == (
        f"Nothing will be saved: {directory} cannot be used (not a directory)."
    )


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    opened = open_store(tmp_path / "data")
    assert opened.store is None
    assert opened.notice == (
        f"Nothing will be saved: {tmp_path / 'data'} is a file, not a folder."
    )
    assert (tmp_path / "data").read_text() == "not a folder"


def test_read_only_data_dir_saves_nothing(tmp_path: Path) -> None:
    """chmod 0o500. Root may write anyway, so as root the check runs as nobody,
    or, where there is no such user, on a dir below a file (which fails for
    root too)."""
    if os.geteuid() == 0:
        result = run_as_nobody(_prepare_read_only_dirs, _READ_ONLY_DIRS)
        if result is None:
            test_data_dir_below_a_file_cannot_be_created(tmp_path)
        else:
            assert result.splitlines() == ["existing: read-only", "fresh: read-only"]
        return
    _prepare_read_only_dirs(tmp_path)
    try:
        notices = [open_store(tmp_path / name).notice for name in ("existing", "fresh")]
        assert open_store(tmp_path / "fresh" / "below").store is None
    finally:
        for name in ("existing", "fresh"):
            (tmp_path / name).chmod(0o700)
    assert notices == [
        f"Nothing will be saved: {tmp_path / 'existing'} is read-only.",
        f"Nothing will be saved: {tmp_path / 'fresh'} is read-only.",
    ]
    assert not (tmp_path / "fresh" / "reader.db").exists()


def _prepare_read_only_dirs(work: Path) -> None:
    """`existing` holds a database, `fresh` nothing; both mode 0o500."""
    open_test_store(work / "existing").close()
    (work / "fresh").mkdir()
    for name in ("existing", "fresh"):
        (work / name).chmod(0o500)


_READ_ONLY_DIRS = """
for name in ("existing", "fresh"):
    directory = WORK / name
    opened = open_store(directory)
    assert opened.store is None, name
    assert opened.notice == f"Nothing will be saved: {directory} is read-only.", opened
    print(f"{name}: read-only")
"""


def test_read_only_database_file_saves_nothing(tmp_path: Path) -> None:
    """The dir is writable, reader.db is not (as root: checked as nobody)."""
    if os.geteuid() == 0:
        result = run_as_nobody(_prepare_read_only_file, _READ_ONLY_FILE)
        if result is None:
            pytest.fail("no unprivileged user to make a file read-only for")
        assert result.strip() == "read-only file: nothing saved"
        return
    _prepare_read_only_file(tmp_path)
    opened = open_store(tmp_path / "data")
    assert opened.store is None
    assert opened.notice == (
        f"Nothing will be saved: {tmp_path / 'data' / 'reader.db'}"
        " (the file is read-only)."
    )


def _prepare_read_only_file(work: Path) -> None:
    """`data` (anyone may write in it) holds a reader.db only its owner reads."""
    open_test_store(work / "data").close()
    (work / "data").chmod(0o777)
    (work / "data" / "reader.db").chmod(0o400 if os.geteuid() else 0o444)


_READ_ONLY_FILE = """
opened = open_store(WORK / "data")
assert opened.store is None, opened
assert opened.notice == (
    f"Nothing will be saved: {WORK / 'data' / 'reader.db'} (the file is read-only)."
), opened.notice
print("read-only file: nothing saved")
"""


# Damaged files: moved aside whole, never deleted; a fresh one started.


def _random_bytes(healthy: bytes) -> bytes:
    return random.Random(3).randbytes(16384)


def _text_file(healthy: bytes) -> bytes:
    return "# My notes\n\nNot a database, é 🙂\n".encode() * 300


def _cut_mid_page(healthy: bytes) -> bytes:
    return healthy[: len(healthy) // 2 + 123]


def _cut_at_page(healthy: bytes) -> bytes:
    return healthy[: (len(healthy) // 2) // 4096 * 4096]


def _cut_in_header(healthy: bytes) -> bytes:
    return healthy[:50]


def _page_overwritten(healthy: bytes) -> bytes:
    damaged = bytearray(healthy)
    damaged[4096 * 2 : 4096 * 4] = random.Random(5).randbytes(8192)
    return bytes(damaged)


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "random bytes": _random_bytes,
    "a text file": _text_file,
    "cut mid-page": _cut_mid_page,
    "cut at a page boundary": _cut_at_page,
    "cut inside the header": _cut_in_header,
    "pages overwritten": _page_overwritten,
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_database_is_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, kind: str
) -> None:
    damaged = DAMAGE[kind](_healthy_database(tmp_path / "healthy"))
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "reader.db").write_bytes(damaged)

    opened = open_store(directory)

    assert opened.store is not None, opened.notice
    try:
        [moved] = [p for p in directory.iterdir() if CORRUPT_NAME.fullmatch(p.name)]
        assert moved.read_bytes() == damaged
        assert opened.notice == (
            f"reader.db was damaged, so it was moved to {safe_line(str(moved))}"
            " and a fresh one started."
        )
        assert opened.store.feedback.records() == []
        add_answer(opened.store, article_id="after")
        assert [r.article_id for r in opened.store.feedback.records()] == ["after"]
    finally:
        opened.store.close()
    assert integrity(directory / "reader.db") == "ok"


def test_side_files_move_with_the_damaged_database(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "reader.db").write_bytes(b"garbage" * 1000)
    (directory / "reader.db-wal").write_bytes(b"wal bytes")
    (directory / "reader.db-shm").write_bytes(b"shm bytes")

    opened = open_store(directory)

    assert opened.store is not None
    opened.store.close()
    [moved] = directory.glob("reader.db.corrupt-*[0-9]Z")
    assert moved.read_bytes() == b"garbage" * 1000
    assert Path(f"{moved}-wal").read_bytes() == b"wal bytes"
    assert Path(f"{moved}-shm").read_bytes() == b"shm bytes"


def test_moving_aside_never_replaces_an_earlier_damaged_file(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    for content in (b"first damage", b"second damage", b"third damage"):
        (directory / "reader.db").write_bytes(content * 100)
        opened = open_store(directory)  # all within a second: the same stamp
        assert opened.store is not None
        opened.store.close()
    kept = sorted(path.read_bytes() for path in directory.glob("reader.db.corrupt-*"))
    assert kept == sorted(
        content * 100
        for content in (b"first damage", b"second damage", b"third damage")
    )


def test_zero_byte_file_is_initialised_in_place(tmp_path: Path) -> None:
    """SQLite's own view: an empty file is an empty database, nothing to lose."""
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "reader.db").touch()

    store = open_test_store(directory)  # no notice
    try:
        add_answer(store)
        assert len(store.feedback.records()) == 1
        assert store.database.version == SCHEMA_VERSION
    finally:
        store.close()
    assert [path.name for path in directory.iterdir()] == ["reader.db"]


def test_zero_byte_file_beside_a_wal_is_moved_aside(tmp_path: Path) -> None:
    """The WAL may hold records SQLite would drop: keep the pair, start afresh."""
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "reader.db").touch()
    (directory / "reader.db-wal").write_bytes(b"frames" * 100)

    opened = open_store(directory)

    assert opened.store is not None
    opened.store.close()
    [moved] = directory.glob("reader.db.corrupt-*[0-9]Z")
    assert moved.read_bytes() == b""
    assert Path(f"{moved}-wal").read_bytes() == b"frames" * 100
    assert opened.notice and str(moved) in opened.notice


# A newer reader's database: never written, never downgraded.


def test_newer_schema_is_left_untouched_and_nothing_saved(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    _healthy_database(directory, records=3)
    path = directory / "reader.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    before = path.read_bytes()
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))

    opened = open_store(directory)

    assert opened.store is None
    assert opened.notice == (
        f"reader.db was written by a newer version of reader"
        f" (schema {SCHEMA_VERSION + 5}); nothing will be saved."
    )
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert sorted(p.name for p in directory.iterdir()) == ["reader.db"]


def test_notice_names_an_unprintable_dir_safely(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    directory = tmp_path / "file" / "da\x1b]0;x\x07ta"
    notice = open_store(directory).notice
    assert notice is not None
    assert "\x1b" not in notice and "\x07" not in notice
    assert "␛]0;x␇" in notice


def test_data_dir_with_an_awkward_name_works(tmp_path: Path) -> None:
    """Undecodable bytes and URI characters in the path (SQLite opens a URI)."""
    directory = tmp_path / os.fsdecode(b"da?ta#1 %41\xff")
    store = open_test_store(directory)
    add_answer(store)
    store.close()
    again = open_test_store(directory)  # checked again, through a URI
    try:
        assert len(again.feedback.records()) == 1
    finally:
        again.close()
    assert (directory / "reader.db").is_file()


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("a folder", "is a directory"), ("a FIFO", "not a regular file")],
)
def test_something_else_named_reader_db_is_left_alone(
    tmp_path: Path, kind: str, reason: str
) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    path = directory / "reader.db"
    if kind == "a folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    opened = open_store(directory)  # a FIFO must not hang it
    assert opened.store is None
    assert opened.notice == f"Nothing will be saved: {path} ({reason})."
    assert sorted(p.name for p in directory.iterdir()) == ["reader.db"]


def test_a_locked_database_is_not_taken_for_a_damaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Busy is not damage: another process's lock must never get a file moved."""
    monkeypatch.setattr("reader.store.database.BUSY_TIMEOUT_SECONDS", 0.2)
    directory = tmp_path / "data"
    _healthy_database(directory, records=2)
    holder = sqlite3.connect(directory / "reader.db", isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        opened = open_store(directory)
    finally:
        holder.close()
    assert opened.store is None
    assert opened.notice == (
        f"Nothing will be saved: {directory / 'reader.db'} (database is locked)."
    )
    assert not list(directory.glob("*corrupt*"))
    store = open_test_store(directory)  # free again: all there
    try:
        assert len(store.feedback.records()) == 2
    finally:
        store.close()
