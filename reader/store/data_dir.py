"""The data dir on disk: making sure it takes files, locking it while the
database is opened, and moving a damaged database aside (never deleting it).
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.store.clock import utc_stamp

SIDE_FILES = ("-wal", "-shm")
"""SQLite's companions of a WAL database, named after it."""
LOCK_WAIT_SECONDS = 10.0


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its side files) to a new `.corrupt-` name."""
    stamp = utc_stamp()
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while any(os.path.lexists(f"{target}{side}") for side in ("", *SIDE_FILES)):
        count += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    os.rename(path, target)
    for side in SIDE_FILES:
        with suppress(FileNotFoundError):
            os.rename(f"{path}{side}", f"{target}{side}")
    return target


def make_writable_dir(directory: Path) -> None:
    """Create `directory` if needed and prove a file can be made in it."""
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, probe = tempfile.mkstemp(prefix=".reader-probe-", dir=directory)
    os.close(descriptor)
    os.unlink(probe)


def why_unusable(error: OSError) -> str:
    """Why a data dir cannot be used, to follow its name."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "is read-only"
    if error.errno == errno.EEXIST:
        return "is a file, not a folder"
    return f"cannot be used ({(error.strerror or str(error)).lower()})"


@contextmanager
def opening_lock(directory: Path) -> Iterator[None]:
    """One reader at a time checks, moves aside and migrates the database.

    Without it, two readers starting together on a damaged file could both
    move "it" aside, the second one moving the fresh database the first had
    just started. The lock is the directory's own `flock`; if it cannot be
    had within `LOCK_WAIT_SECONDS` (a stopped process holding it), go on.
    """
    if sys.platform == "win32":
        yield
        return
    import fcntl

    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(0.01)
                    continue
            except OSError:  # no locks here (some network file systems)
                pass
            break
        yield
    finally:
        os.close(descriptor)  # releases the lock
