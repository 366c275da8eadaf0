"""Run the real `reader` on every hostile case: `--print`, `--outline`,
`--outline --json`.

Every run must end in time with the case's exit status, no traceback, and
nothing a terminal would act on in what it writes: no byte below 0x20 but tab
and newline, no DEL, no C1 control, no bidirectional override or isolate.
Runs happen in subprocesses, a few at once: the session's first test starts
every selected run, and each test waits for its own.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.article import UNTITLED
from tests.hostile.cases import CASE_NAMES, ESC, Case, write_cases

pytestmark = pytest.mark.slow

TIME_LIMIT = 20.0
"""Seconds any one run may take."""

MODES: dict[str, tuple[str, ...]] = {
    "print": ("--print",),
    "outline": ("--outline",),
    "outline-json": ("--outline", "--json"),
}

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


@dataclass(frozen=True)
class Run:
    """One finished run of the reader."""

    case: Case
    mode: str
    status: int
    stdout: bytes
    stderr: bytes
    seconds: float

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8")


def run_reader(
    case: Case, arguments: tuple[str, ...], data_dir: Path, *, timeout: float
) -> tuple[int, bytes, bytes, float]:
    """`reader ARGUMENTS CASE-ARGS PATH`, as a user would run it, through a pipe."""
    env = {**os.environ, "READER_DATA_DIR": os.fspath(data_dir)}
    for name in ("NO_COLOR", "FORCE_COLOR", "READER_DEBUG", "COLUMNS"):
        env.pop(name, None)
    command = [
        sys.executable,
        "-m",
        "reader",
        *arguments,
        *case.args,
        os.fspath(case.path),
    ]
    started = time.monotonic()
    with open(case.stdin or os.devnull, "rb") as stdin:
        result = subprocess.run(
            command, stdin=stdin, capture_output=True, env=env, timeout=timeout
        )
    return result.returncode, result.stdout, result.stderr, time.monotonic() - started


@pytest.fixture(scope="session")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: case for case in write_cases(folder)}


@pytest.fixture(scope="session")
def runs(
    request: pytest.FixtureRequest,
    cases: dict[str, Case],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[str, str], Future[Run]]]:
    """Every selected (case, mode) run, started at once on a few workers."""
    data_dir = tmp_path_factory.mktemp("data")
    wanted = sorted(
        {
            (item.callspec.params["name"], item.callspec.params["mode"])
            for item in request.session.items
            if isinstance(item, pytest.Function)
            and item.module is sys.modules[__name__]
            and hasattr(item, "callspec")
            and {"name", "mode"} <= item.callspec.params.keys()
        },
        key=_slow_first,
    )

    def run(name: str, mode: str) -> Run:
        case = cases[name]
        status, out, err, seconds = run_reader(
            case, MODES[mode], data_dir, timeout=TIME_LIMIT * 2
        )
        return Run(case, mode, status, out, err, seconds)

    with ThreadPoolExecutor(max_workers=max(os.cpu_count() or 2, 2)) as pool:
        futures = {key: pool.submit(run, *key) for key in wanted}
        yield futures
        for future in futures.values():
            future.cancel()


_SLOW = ("table-5000-rows", "many-headings", "code-30000-lines", "unclosed-angles")


def _slow_first(key: tuple[str, str]) -> tuple[bool, str, str]:
    return (key[0] not in _SLOW, *key)


def _result(runs: dict[tuple[str, str], Future[Run]], name: str, mode: str) -> Run:
    return runs[(name, mode)].result(timeout=TIME_LIMIT * 20)


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_input(
    runs: dict[tuple[str, str], Future[Run]], name: str, mode: str
) -> None:
    run = _result(runs, name, mode)
    case = run.case
    assert "Traceback" not in run.err
    assert run.status == case.exit_status, run.err
    assert run.seconds < TIME_LIMIT
    for stream in (run.out, run.err):  # both must be UTF-8, and inert
        assert ESC not in stream
        assert not _UNSAFE.findall(stream), _UNSAFE.findall(stream)[:5]
    if case.exit_status:
        assert run.out == ""
        assert run.err.count("\n") == 1, run.err
        assert run.err.startswith("reader: ")
        assert case.error in run.err
        return
    assert run.out
    if case.error:  # a note, e.g. the encoding that was assumed
        assert case.error in run.err
        assert run.err.startswith("reader: note: ")
    else:
        assert run.err == ""
    for hidden in case.hides:
        assert hidden not in run.out
    if mode == "print":
        for shown in case.shows:
            assert shown in run.out
        assert not re.search(r" +$", run.out, re.MULTILINE), "trailing spaces"
    if mode == "outline-json" and (case.path.is_file() or case.stdin):
        _check_outline(run, case)


def _check_outline(run: Run, case: Case) -> None:
    if run.mode != "outline-json":
        return
    outline = json.loads(run.out)
    titles = [section["title"] or UNTITLED for section in outline["sections"]]
    for heading in case.headings:
        assert heading in titles
    if case.title is not None:
        assert outline["title"] == case.title


def test_every_case_has_a_distinct_file(cases: dict[str, Case]) -> None:
    paths = [case.path for case in cases.values() if case.stdin is None]
    assert len(paths) == len(set(paths))
    assert set(cases) == set(CASE_NAMES)


def test_print_through_a_pipe_without_print_flag(
    cases: dict[str, Case], tmp_path: Path
) -> None:
    """The acceptance test: a pipe gets the article, and none of its escapes."""
    case = cases["escape-sequences"]
    status, out, err, _ = run_reader(case, (), tmp_path, timeout=TIME_LIMIT)
    assert (status, err) == (0, b"")
    for attack in (b"\x1b]52;c;", b"\x1b]0;", b"\x1b[2J", b"\x1b"):
        assert attack not in out
    assert "Clipboard: ␛]52;c;ZWNobyBwd25lZA==␇" in out.decode()
