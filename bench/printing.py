"""`reader --print` and `reader --outline --json`: wall time, and no Textual.

Each command runs to its exit with standard output to /dev/null, timed from
just before it starts until it has exited. They are held against a process
that imports `rich.console` and parses the same article with markdown-it-py
(`parse_floor_argv`): "import rich.console + the parse", the parser's own
import included, since no command can parse without it. `python -c "import
rich.console"` alone is timed too, for reference. `textual_modules` runs the
reader's own `main` in a fresh interpreter and lists the `textual` modules it
imported.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections.abc import Sequence

from bench import PYTHON, READER, ROOT
from bench.processes import child_env
from bench.stats import Summary

RICH_FLOOR = [str(PYTHON), "-c", "import rich.console"]

_PARSE = """
import sys
import rich.console
from markdown_it import MarkdownIt
with open(sys.argv[1], encoding="utf-8") as file:
    MarkdownIt("commonmark").parse(file.read())
"""


def parse_floor_argv(path: str) -> list[str]:
    """Import `rich.console` and parse the article at `path`, in one process."""
    return [str(PYTHON), "-c", _PARSE, path]


def print_argv(*args: str) -> list[str]:
    """`reader --print` (the bundled article unless a path is given)."""
    return [str(READER), "--print", *args]


def outline_argv(*args: str) -> list[str]:
    return [str(READER), "--outline", "--json", *args]


def wall_time(argv: Sequence[str], runs: int) -> Summary:
    """Seconds from start to exit of `argv`, `runs` times."""
    seconds: list[float | None] = []
    failures = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as data:
        env = {**child_env(), "READER_DATA_DIR": data}
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False
            )
            elapsed = time.perf_counter() - start
            if done.returncode:
                failures.append(f"exit status {done.returncode}")
            else:
                seconds.append(elapsed)
    return Summary.of(seconds, failures)


_PROBE = """
import json, sys
from reader.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"status": status, "textual": loaded}), file=sys.stderr)
"""


def textual_modules(*args: str) -> list[str]:
    """The `textual` modules `reader ARGS` imports (it should be none)."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as data:
        done = subprocess.run(
            [str(PYTHON), "-c", _PROBE, *args],
            cwd=ROOT,
            env={**child_env(), "READER_DATA_DIR": data},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report["status"]:
        raise RuntimeError(f"reader {' '.join(args)} exited {report['status']}")
    return list(report["textual"])
