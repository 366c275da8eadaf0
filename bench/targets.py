"""Issue 6's targets, each a ratio of figures from the same run, passed or not."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, replace

from bench.results import BASELINE, READER, Results
from bench.stats import Summary

FRAME = 0.016
"""One frame at 60 Hz: the budget for a typical move to the next section."""

PRINT = "reader --print"
OUTLINE = "reader --outline --json"
RICH = 'python -c "import rich.console"'
PARSED = 'python -c "import rich.console; MarkdownIt().parse(article)"'
BIG = "10 MB"


@dataclass(frozen=True)
class Target:
    """One target: `measured` against `limit`; `ratio` is measured ÷ reference."""

    name: str
    measured: str
    reference: str
    ratio: float | None
    limit: float
    note: str = ""
    failed: bool = False
    """No ratio because the runs failed (timed out, say): a FAIL, not a gap."""

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "FAIL" if self.failed else "not measured"
        return "PASS" if self.ratio <= self.limit else "FAIL"


def targets(results: Results) -> list[Target]:
    return list(_targets(results))


def _targets(r: Results) -> Iterator[Target]:
    reader = _first(r, READER, "bundled")
    baseline = _first(r, BASELINE, "bundled")
    floor = r.floor.first if r.floor else Summary(())
    yield _ratio("first content, bundled ≤ 0.7 × MarkdownViewer", reader, baseline, 0.7)
    yield _ratio("first content, bundled ≤ 1.6 × import floor", reader, floor, 1.6)
    yield _ratio(
        f"first content, {BIG} ≤ 1.3 × bundled", _first(r, READER, BIG), reader, 1.3
    )
    settled = _settled(r, READER, BIG)
    yield _ratio(f"whole outline, {BIG} ≤ 3 s (in tmux)", settled, Summary((3.0,)), 1.0)
    yield from _moves(r)
    rss = r.startup.get((READER, BIG))
    mib = Summary(tuple(kb / 1024 for kb in rss.rss_kb.values)) if rss else Summary(())
    yield _ratio(f"peak RSS, {BIG} ≤ 250 MiB", mib, Summary((250.0,)), 1.0, "MiB")
    budget = r.printing.get(PARSED, Summary(()))
    for command in (PRINT, OUTLINE):
        yield _ratio(
            f"`{command}` ≤ 1.5 × (import rich.console + parse)",
            r.printing.get(command, Summary(())),
            budget,
            1.5,
        )
    for command, modules in r.textual_imports.items():
        yield Target(
            f"`{command}` imports no Textual",
            f"{len(modules)} textual modules",
            "0",
            float(len(modules)),
            0.0,
            ", ".join(modules[:3]),
        )


def _moves(r: Results) -> Iterator[Target]:
    for name, moves in r.moves.items():
        frame = Summary((FRAME,))
        target = _ratio(
            f"next section, {name}: median ≤ 16 ms", moves.first_paint, frame, 1.0, "ms"
        )
        floor = moves.repaint.median
        if floor is not None and not target.note:
            # What Textual alone takes to paint the pane: no move can beat it.
            note = f"pane repaint alone: {_show(floor, 'ms')}"
            target = replace(target, note=note)
        yield target
        yield _p95(f"next section, {name}: p95 ≤ 50 ms", moves.first_paint, 0.050)


def _first(r: Results, command: str, article: str) -> Summary:
    startup = r.startup.get((command, article))
    return startup.first if startup else Summary(())


def _settled(r: Results, command: str, article: str) -> Summary:
    startup = r.startup.get((command, article))
    return startup.settled if startup else Summary(())


def _ratio(
    name: str, measured: Summary, reference: Summary, limit: float, unit: str = "s"
) -> Target:
    value, base = _median_counting_failures(measured), reference.median
    failed = ", ".join(sorted(set(measured.failures)))
    if value is None or base is None or value == math.inf:
        return Target(
            name, failed or "n/a", _show(base, unit), None, limit, failed, bool(failed)
        )
    note = f"{len(measured.failures)} run(s) failed: {failed}" if failed else ""
    return Target(
        name, _show(value, unit), _show(base, unit), value / base, limit, note
    )


def _median_counting_failures(measured: Summary) -> float | None:
    """The median, counting a failed run (a timeout) as infinitely slow."""
    values = measured.values + (math.inf,) * len(measured.failures)
    return statistics.median(values) if values else None


def _p95(name: str, measured: Summary, limit_seconds: float) -> Target:
    value = measured.p95
    ratio = None if value is None else value / limit_seconds
    return Target(name, _show(value, "ms"), _show(limit_seconds, "ms"), ratio, 1.0)


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.3f} s"
