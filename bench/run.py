"""Run the benchmarks, print the tables and write RESULTS.md.

    python -m bench                 everything, 5 runs each (about 10 min)
    python -m bench --quick         3 runs and 10 moves, bundled and 10 MB only
    python -m bench --only startup  one part: startup, outline, navigation, printing

A full run writes `bench/RESULTS.md`; a quick or partial one writes
`bench/out/RESULTS.md` instead (or `--output FILE`), so it never stands in
for the real thing. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import OUT, ROOT, articles, machine, outline, printing, startup
from bench.articles import BenchArticle
from bench.processes import run_json
from bench.report import markdown, seconds, summary_tables
from bench.results import BASELINE, READER, Moves, OutlineMemory, Results
from bench.stats import Summary
from bench.targets import OUTLINE, PARSED, PRINT, RICH
from bench.tmux import Tmux

FLOOR = "floor"
PARTS = ("startup", "outline", "navigation", "printing")
MIB = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    parts = set(args.only or PARTS)
    runs = args.runs or (3 if args.quick else 5)
    full = not args.quick and parts == set(PARTS)
    output = args.output or (
        ROOT / "bench" / "RESULTS.md" if full else OUT / "RESULTS.md"
    )
    results = Results(machine.describe(), runs, machine.load())
    results.baseline_limit_mb = args.baseline_max_mb
    by_size = articles.by_size(args.quick)
    results.sizes.update((article.name, article.size) for article in by_size)
    moves = args.moves or (10 if args.quick else 50)
    budget = 30.0 if args.quick else 120.0

    steps: list[tuple[str, Callable[[], None]]] = [("warm-up", _warm_up)]
    if "startup" in parts:
        steps.append(("startup", lambda: _startup(results, by_size)))
    if "outline" in parts or "printing" in parts:
        chosen = by_size if "outline" in parts else by_size[:1]
        steps.append(("outline", lambda: _outline(results, chosen)))
    if "navigation" in parts:
        steps.append(("navigation", lambda: _navigation(results, moves, budget)))
    if "printing" in parts:
        steps.append(("printing", lambda: _printing(results)))
    for name, step in steps:
        try:
            step()
        except Exception as error:  # one broken part must not lose the others
            results.problems.append(f"{name}: {type(error).__name__}: {error}")
            _say(f"{name} failed: {error}")
    results.load_after = machine.load()

    print(summary_tables(results))
    OUT.mkdir(parents=True, exist_ok=True)
    output.write_text(markdown(results), encoding="utf-8")
    print(f"\nwritten: {output}")
    return 1 if results.problems else 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes")
    parser.add_argument("--runs", type=int, help="runs of each timing (default 5)")
    parser.add_argument("--only", action="append", choices=PARTS, help="one part")
    parser.add_argument("--moves", type=int, help="moves per article (default 50)")
    parser.add_argument(
        "--baseline-max-mb",
        type=float,
        default=0.5,
        help="run the baseline on articles up to this size only (default 0.5)",
    )
    parser.add_argument("--output", type=Path, help="where to write the report")
    return parser.parse_args(argv)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _warm_up() -> None:
    """One untimed pass of each kind of process, to fill the caches."""
    _say("warming up (bytecode and page caches)…")
    bundled = articles.bundled()
    with Tmux() as tmux:
        startup.watch(tmux, startup.FLOOR)
        startup.watch(tmux, startup.reader(bundled))
        startup.watch(tmux, startup.baseline(bundled))
    printing.wall_time(printing.print_argv(), 1)
    outline.measure(bundled.path, 1)
    run_json("bench.navigation", str(bundled.path), "--moves", "1")


def _startup(results: Results, by_size: list[BenchArticle]) -> None:
    """Each article's launches take turns: reader, baseline (if small), floor."""
    limit = results.baseline_limit_mb * MIB * 1.1  # generated sizes overshoot a bit
    with Tmux() as tmux:
        for article in by_size:
            launches = {READER: startup.reader(article)}
            if article.size <= limit:
                launches[BASELINE] = startup.baseline(article)
            else:
                results.baseline_skipped.append(article.name)
            if article.bundled:
                launches[FLOOR] = startup.FLOOR
            names = ", ".join(launches)
            _say(f"first content on {article.name}: {names} × {results.runs}")
            measured = startup.interleaved(tmux, launches, results.runs)
            for command, summary in measured.items():
                _say(f"  {command}: {seconds(summary.first)}")
                if command == FLOOR:
                    results.floor = summary
                else:
                    results.startup[command, article.name] = summary


def _outline(results: Results, by_size: list[BenchArticle]) -> None:
    for article in by_size:
        _say(f"outline, headless: {article.name} × {results.runs}")
        parsed = outline.measure(article.path, results.runs)
        loaded = outline.measure(article.path, 0, load_only=True)
        results.outline[article.name] = Summary.of(parsed.seconds)
        results.outline_memory[article.name] = OutlineMemory(
            load_only_kb=loaded.peak_rss_kb, parse_kb=parsed.peak_rss_kb
        )


def _navigation(results: Results, moves: int, budget: float) -> None:
    """Moves on each article, stopping early once they take `budget` seconds."""
    chosen = [articles.uniform(600), articles.uniform(20_000), articles.bundled()]
    chosen.append(articles.sized(10))
    for article in chosen:
        _say(f"next section: {article.name}, {moves} moves")
        report = run_json(
            "bench.navigation",
            str(article.path),
            *("--moves", str(moves), "--budget", str(budget)),
        )
        results.moves[article.name] = Moves(
            sections=report["sections"],
            section_kb=statistics.median(report["section_bytes"]) / 1024,
            first_paint=Summary.of(report["first_paint"], report["failures"]),
            settled=Summary.of(report["settled"]),
            repaint=Summary.of(report["repaint"]),
        )
        results.sizes.setdefault(article.name, article.size)
        done = results.moves[article.name].first_paint
        _say(f"  {len(done.values)} moves, median {(done.median or 0) * 1000:.1f} ms")


def _printing(results: Results) -> None:
    runs = results.runs
    commands = {
        PRINT: printing.print_argv(),
        OUTLINE: printing.outline_argv(),
        RICH: printing.RICH_FLOOR,
        PARSED: printing.parse_floor_argv(str(articles.bundled().path)),
    }
    for label, argv in commands.items():
        _say(f"{label} × {runs}")
        results.printing[label] = printing.wall_time(argv, runs)
    for label, argv in ((PRINT, ["--print"]), (OUTLINE, ["--outline", "--json"])):
        results.textual_imports[label] = printing.textual_modules(*argv)
