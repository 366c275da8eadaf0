"""Everything one benchmark run measured, keyed by article name."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.machine import Machine
from bench.startup import Startup
from bench.stats import Summary

READER = "reader"
BASELINE = "baseline"


@dataclass(frozen=True)
class Moves:
    """Moves to the next section on one article (seconds)."""

    sections: int
    section_kb: float
    """The median size of the sections moved to, in KiB."""
    first_paint: Summary
    settled: Summary
    repaint: Summary
    """Repainting the pane, nothing else: the floor under a move."""


@dataclass(frozen=True)
class OutlineMemory:
    """Peak RSS (KiB) of a process that reads the article, with and without a parse."""

    load_only_kb: int
    parse_kb: int


@dataclass
class Results:
    machine: Machine
    runs: int
    load_before: str
    load_after: str = ""
    sizes: dict[str, int] = field(default_factory=dict)
    """Bytes of each article measured."""
    startup: dict[tuple[str, str], Startup] = field(default_factory=dict)
    """By (`READER` or `BASELINE`, article)."""
    baseline_skipped: list[str] = field(default_factory=list)
    baseline_limit_mb: float = 0.5
    """The baseline runs on articles up to this size (MiB) only."""
    floor: Startup | None = None
    """`python -c "import textual.app"`, timed to its exit."""
    outline: dict[str, Summary] = field(default_factory=dict)
    """Headless `Outliner.run()` seconds, by article."""
    outline_memory: dict[str, OutlineMemory] = field(default_factory=dict)
    moves: dict[str, Moves] = field(default_factory=dict)
    printing: dict[str, Summary] = field(default_factory=dict)
    """Wall time by command line as shown."""
    textual_imports: dict[str, list[str]] = field(default_factory=dict)
    """Textual modules each non-interactive command imported."""
    problems: list[str] = field(default_factory=list)
    """Parts of the run that broke, and why."""
