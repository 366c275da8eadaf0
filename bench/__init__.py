"""Benchmarks for the reader, run on demand (`make bench`), never by `make test`.

`python -m bench` runs them all, prints a table and writes `bench/RESULTS.md`;
see `bench/run.py` for the options. Generated articles go to `bench/out/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: every benchmark process runs from here."""

OUT = ROOT / "bench" / "out"
"""Generated articles and partial results (git-ignored)."""

PYTHON = Path(sys.executable)
"""The interpreter running the benchmarks: the project's venv."""

READER = PYTHON.parent / "reader"
"""The installed `reader` command beside that interpreter."""
