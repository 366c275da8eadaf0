"""Shared by the store tests: records to add, odd text, and a look at the file."""

from __future__ import annotations

import functools
import importlib.util
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.store import Answer, Store, open_store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
V1_FIXTURE = FIXTURES / "reader-v1.db"
WRITER = FIXTURES / "store_writer.py"

NON_UTF8_ID = os.fsdecode(b"/tmp/caf\xe9/notes-\xff\xfe.md")
"""A file path that is not valid UTF-8, as Python gives it: with surrogates."""
ODD_COMMENTS = (
    "NUL\x00 in the middle\x00",
    "\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x1b[0m \x9b31m C1 CSI",
    "[bold]x[/] [link=https://e.invalid]y[/link] $var {x} %s \\ ' \"",
    "🙂" * 2000,
    "tab\there\nnew line\r\nCRLF \u202eevil\u202c \u2028 sep é 家",
)
"""Comments that must come back exactly as given."""


def open_test_store(directory: Path) -> Store:
    """A store in `directory`, which must open without a notice."""
    opened = open_store(directory)
    assert opened.store is not None, opened.notice
    assert opened.notice is None
    return opened.store


def add_answer(store: Store, **fields: Any) -> int:
    """Add one answer (sensible defaults, any field overridden); its id."""
    answer: Answer = fields.pop("answer", "yes")
    values: dict[str, Any] = {
        "article_id": "article",
        "article_title": "An article",
        "content_sha256": "a" * 64,
        "app_version": "0.1.0",
    }
    values.update(fields)
    return store.feedback.add(answer=answer, **values)


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` of the database at `path`, as one string."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)


def stored_ids(path: Path) -> set[int]:
    """The ids of every feedback record in the database at `path`."""
    connection = sqlite3.connect(path)
    try:
        return {int(row[0]) for row in connection.execute("SELECT id FROM feedback")}
    finally:
        connection.close()


def start_writer(*arguments: str | int | Path) -> subprocess.Popen[str]:
    """`store_writer.py` in its own process, its stdout a pipe of lines."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), *map(str, arguments)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def load_v1_maker() -> ModuleType:
    """`tests/fixtures/make_reader_v1_db.py`, imported by path."""
    spec = importlib.util.spec_from_file_location(
        "make_reader_v1_db", FIXTURES / "make_reader_v1_db.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_as_nobody(prepare: Callable[[Path], None], script: str) -> str | None:
    """Run `script` as the unprivileged user "nobody"; its stdout.

    For tests that need permissions enforced while the suite runs as root.
    `prepare(work)` sets up a fresh dir first; the script sees it as `WORK`
    (a `Path`) and has `open_store` imported. `reader.store` needs only the
    standard library, so if nobody may not run this interpreter (a venv under
    /root), a system Python 3.11+ does. None when there is no such user or no
    Python it may run.
    """
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        return None
    work = Path(tempfile.mkdtemp(prefix="reader-as-nobody-"))
    try:
        work.chmod(0o755)
        prepare(work)
        header = (
            "from pathlib import Path\n"
            "from reader.store import open_store\n"
            f"WORK = Path({str(work)!r})\n"
        )
        run = functools.partial(
            subprocess.run,
            user=nobody.pw_uid,
            group=nobody.pw_gid,
            extra_groups=[],
            env={"PYTHONPATH": str(ROOT), "PATH": os.defpath},
            cwd=work,
            capture_output=True,
            text=True,
            timeout=60,
        )
        for python in _interpreters():
            try:
                usable = run([python, "-c", header]).returncode == 0
            except OSError:  # may not even be executed
                usable = False
            if usable:
                result = run([python, "-c", header + script])
                assert result.returncode == 0, result.stderr
                return str(result.stdout)
        return None
    finally:
        for path in (work, *work.rglob("*")):
            if path.is_dir():
                path.chmod(0o700)
        shutil.rmtree(work)


def _interpreters() -> list[str]:
    """This Python, then the system's, for `run_as_nobody`."""
    found = [sys.executable]
    for name in ("python3.13", "python3.12", "python3.11", "python3"):
        path = shutil.which(name, path=os.defpath)
        if path and path not in found:
            found.append(path)
    return found
