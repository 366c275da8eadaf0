"""The whole outline, headless: `Outliner(text, name="x").run()` timed, and its memory.

`python -m bench.outline FILE [--runs N]` prints JSON: the seconds of each run
(the text is read and decoded first, as `reader` does, and not timed), and
the process's peak RSS (VmHWM, see `bench.memory`) at the end. `--load-only`
reads the text and stops: the memory a parse adds is the difference.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from bench.memory import peak_rss_kb
from bench.processes import run_json
from reader.article import Outliner
from reader.source import load_file


def time_runs(path: Path, runs: int) -> list[float]:
    """Seconds for each of `runs` full parses of the article at `path`."""
    text = load_file(path).text
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        Outliner(text, name="x").run()
        seconds.append(time.perf_counter() - start)
    return seconds


@dataclass(frozen=True)
class OutlineRun:
    """What one process measured: seconds per parse, and its peak RSS in KiB."""

    seconds: list[float]
    peak_rss_kb: int


def measure(path: Path, runs: int, *, load_only: bool = False) -> OutlineRun:
    """Run this module on `path` in a fresh process."""
    flags = ["--load-only"] if load_only else []
    report = run_json("bench.outline", str(path), "--runs", str(runs), *flags)
    return OutlineRun([float(s) for s in report["seconds"]], int(report["peak_rss_kb"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.outline")
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load-only", action="store_true")
    args = parser.parse_args(argv)
    if args.load_only:
        load_file(args.path)
        seconds: list[float] = []
    else:
        seconds = time_runs(args.path, args.runs)
    print(json.dumps({"seconds": seconds, "peak_rss_kb": peak_rss_kb()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
