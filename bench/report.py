"""The results as Markdown: the tables `python -m bench` prints and writes."""

from __future__ import annotations

from collections.abc import Iterable

from bench.results import BASELINE, READER, Results
from bench.startup import Startup
from bench.stats import Summary
from bench.targets import PARSED, PRINT, targets

MIB = 1024 * 1024


def markdown(r: Results) -> str:
    """The whole report."""
    parts = [
        "# Benchmark results",
        "Written by `make bench` (`python -m bench`); figures are medians "
        f"[min–max] of {r.runs} runs unless said otherwise. The machine is shared "
        "and noisy, so compare ratios from one run, not figures across runs.",
        _machine(r),
        _problems(r),
        _targets(r),
        _startup(r),
        _outline(r),
        _memory(r),
        _moves(r),
        _printing(r),
        _how(r),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def summary_tables(r: Results) -> str:
    """What the terminal shows at the end of a run: the tables, not the prose."""
    parts = [
        _problems(r),
        _targets(r),
        _startup(r),
        _outline(r),
        _memory(r),
        _moves(r),
        _printing(r),
    ]
    return "\n\n".join(part for part in parts if part)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "|".join(" --- " for _ in head) + "|",
    ]
    lines += [
        "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows
    ]
    return "\n".join(lines)


def seconds(s: Summary | None) -> str:
    """`0.412 s [0.398–0.455]`, with failed runs counted."""
    if s is None:
        return "—"
    runs = len(s.values) + len(s.failures)
    failed = f"{len(s.failures)} of {runs} runs failed: " + "; ".join(
        sorted(set(s.failures))
    )
    if s.median is None:
        return failed if s.failures else "—"
    text = f"{s.median:.3f} s [{s.low:.3f}–{s.high:.3f}]"
    return f"{text} ({failed})" if s.failures else text


def _mib(kb: float | None) -> str:
    return "—" if kb is None else f"{kb / 1024:.0f} MiB"


def _size(count: int) -> str:
    return f"{count / MIB:.2f} MiB" if count >= MIB // 10 else f"{count / 1024:.1f} KiB"


def _machine(r: Results) -> str:
    m = r.machine
    versions = ", ".join(f"{name} {version}" for name, version in m.versions.items())
    return "\n".join(
        [
            "## Machine",
            "",
            f"- Date: {m.date}",
            f"- CPU: {m.cpu}, {m.cores} cores; RAM {m.ram_gb:.1f} GiB",
            f"- System: {m.system}; Python {m.python}; {m.tmux}",
            f"- Versions: {versions}",
            f"- Checkout: {m.commit}",
            f"- Load average (1, 5, 15 min): {r.load_before} before, "
            f"{r.load_after} after",
        ]
    )


def _problems(r: Results) -> str:
    if not r.problems:
        return ""
    lines = [f"- {problem}" for problem in r.problems]
    return "## Problems (these parts were not measured)\n\n" + "\n".join(lines)


WHY_NOT = {
    "first content": (
        "First content is Python, `import textual.app` (the floor), markdown-it, "
        "Rich's Markdown and the first frame; a 10 MB article adds reading and "
        "checking the file. What is left above the floor is imports the reader "
        "cannot skip."
    ),
    "whole outline": (
        "The whole outline needs markdown-it-py's full block pass over the "
        "article (no shortcut may change the outline): about 4 s of CPU for the "
        "10 MB article here, split over the two cores after a 0.3 s process "
        "start, plus the app's own start-up."
    ),
    "next section": (
        "A move is Textual's key dispatch (~2 ms), the reader's work (~2 ms) "
        "and Textual compositing the changed regions of the screen; the "
        "'pane repaint alone' note is the cheapest frame that changes the "
        "pane, timed in the same app. Long sections also repaint the scrollbar."
    ),
    "peak RSS": "Memory grows with the article: its text, outline and index.",
    "`reader --print`": (
        "Beyond the reference, `--print` imports Rich's Markdown (with Pygments "
        "and tables), argparse and the reader's modules, and typesets every "
        "section; the machine's noise moves this ratio by ±0.3 between runs."
    ),
    "`reader --outline": (
        "Beyond the reference, `--outline` imports argparse and the reader's "
        "modules and counts every section's words."
    ),
}
"""Why a kind of target can fall short, said under the table when one does."""


def _targets(r: Results) -> str:
    rows = [
        [
            t.name,
            t.measured,
            t.reference,
            "—" if t.ratio is None else f"{t.ratio:.2f}",
            f"≤ {t.limit:g}",
            f"**{t.verdict}**" + (f" ({t.note})" if t.note else ""),
        ]
        for t in targets(r)
    ]
    head = ["target", "measured", "against", "ratio", "limit", "result"]
    table = "## Targets (issue 6 §2)\n\n" + _table(head, rows)
    return table + _why_not(t.name for t in targets(r) if t.verdict == "FAIL")


def _why_not(failed: Iterable[str]) -> str:
    """A line for each kind of target not met: why it falls short."""
    kinds = dict.fromkeys(
        kind for name in failed for kind in WHY_NOT if name.startswith(kind)
    )
    if not kinds:
        return ""
    lines = [f"- **{kind.strip('`')}**: {WHY_NOT[kind]}" for kind in kinds]
    return "\n\nWhy the targets marked FAIL are not met:\n\n" + "\n".join(lines)


def _startup(r: Results) -> str:
    if not r.startup and r.floor is None:
        return ""
    names = list(dict.fromkeys(name for _, name in r.startup))
    rows = []
    for name in names:
        reader = r.startup.get((READER, name))
        rows.append(
            [
                name,
                _size(r.sizes[name]),
                seconds(reader.first if reader else None),
                seconds(reader.settled if reader else None),
                _baseline(r, name),
            ]
        )
    head = ["article", "size", "reader: first content", "reader: outline complete"]
    floor = seconds(r.floor.first) if r.floor else "—"
    return "\n\n".join(
        [
            "## Time to first content (tmux 100×30)",
            _table([*head, "baseline: MarkdownViewer"], rows),
            f'Floor, `python -c "import textual.app"` to exit: {floor}.',
        ]
    )


def _baseline(r: Results, name: str) -> str:
    startup: Startup | None = r.startup.get((BASELINE, name))
    if startup is not None:
        return seconds(startup.first)
    if name in r.baseline_skipped:
        return _projected(r, name)
    return "—"


def _projected(r: Results, name: str) -> str:
    """A skipped baseline run, projected from the trend of the measured ones."""
    measured = [
        (r.sizes[article], startup.first.median)
        for (command, article), startup in r.startup.items()
        if command == BASELINE and startup.first.median is not None
    ]
    if len(measured) < 2:
        return "skipped"
    (small, t_small), (large, t_large) = sorted(measured)[0], sorted(measured)[-1]
    per_mib = (t_large - t_small) / ((large - small) / MIB)
    guess = t_large + per_mib * (r.sizes[name] - large) / MIB
    return f"skipped; ~{guess:.0f} s projected ({per_mib:.0f} s/MiB)"


def _outline(r: Results) -> str:
    if not r.outline:
        return ""
    rows = [
        [name, _size(r.sizes[name]), seconds(s), seconds(_settled(r, name))]
        for name, s in r.outline.items()
    ]
    head = ["article", "size", "headless `Outliner.run()`", "reader in tmux"]
    return "## Whole outline known\n\n" + _table(head, rows)


def _settled(r: Results, name: str) -> Summary | None:
    startup = r.startup.get((READER, name))
    return startup.settled if startup else None


def _memory(r: Results) -> str:
    names = list(dict.fromkeys([*(n for _, n in r.startup), *r.outline_memory]))
    if not names:
        return ""
    rows = []
    for name in names:
        reader = r.startup.get((READER, name))
        baseline = r.startup.get((BASELINE, name))
        outline = r.outline_memory.get(name)
        rows.append(
            [
                name,
                _mib(reader.rss_kb.median if reader else None),
                _mib(baseline.rss_kb.median if baseline else None),
                _mib(outline.parse_kb if outline else None),
                _mib(outline.load_only_kb if outline else None),
            ]
        )
    head = ["article", "reader (tmux)", "baseline (tmux)", "read + parse", "read only"]
    return "## Peak memory (RSS)\n\n" + _table(head, rows)


def _moves(r: Results) -> str:
    if not r.moves:
        return ""
    rows = [
        [
            name,
            str(m.sections),
            f"{m.section_kb:.1f} KiB",
            str(len(m.first_paint.values)),
            _ms(m.first_paint.median),
            _ms(m.first_paint.p95),
            _ms(m.first_paint.high),
            _ms(m.settled.median),
            _ms(m.repaint.median),
        ]
        for name, m in r.moves.items()
    ]
    head = ["article", "sections", "median section", "moves", "median", "p95", "max"]
    return "## Next section (headless, first paint)\n\n" + _table(
        [*head, "settled", "pane repaint (floor)"], rows
    )


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:.1f} ms"


def _printing(r: Results) -> str:
    if not r.printing:
        return ""
    rows = [[f"`{command}`", seconds(s)] for command, s in r.printing.items()]
    parse = r.outline.get("bundled")
    rows.append(["`Outliner.run()` on the bundled article (parse)", seconds(parse)])
    title = f"## `{PRINT}` and friends (bundled article, stdout to /dev/null)"
    note = (
        f"`{PARSED}` (one process, the parser's import included) is what they "
        "are held against: import rich.console + the parse."
    )
    return f"{title}\n\n{_table(['command', 'wall time'], rows)}\n\n{note}"


def _how(r: Results) -> str:
    return "\n".join(
        [
            "## How it is measured",
            "",
            "- First content: a fresh tmux session (100×30) per run; the screen "
            "is read every 10 ms through a tmux control-mode client; the clock "
            "runs from just before the session is asked for until a read shows "
            "the first section's phrase. The reader, the baseline and (on the "
            "bundled article) the floor take turns, run by run, so a change in "
            "the machine's load hits them alike.",
            "- Outline complete: as first content, but also without the table of "
            "contents' `indexing…` mark on screen. (A mark scrolled out of the "
            "table of contents would not be seen: keep it visible.)",
            "- Peak RSS: the process's VmHWM when the outline is complete; for "
            "`Outliner.run()`, a process that reads and parses, against one that "
            "only reads.",
            "- Baseline: `bench/baseline.py`, Textual's `MarkdownViewer` with its "
            "table of contents, on the same file; skipped above "
            f"{r.baseline_limit_mb:g} MiB, with a linear projection.",
            "- Next section: `bench/navigation.py` (headless `run_test`, "
            "100×30): from posting the `right` key to the first screen refresh "
            "after which the new section's first block is laid out; 'settled' "
            "is the last refresh before the app goes idle. An article's moves "
            "stop after 120 s, so the count can be under 50. 'pane repaint' is "
            "the floor under any move, timed in the same app: from "
            "`pane.refresh()` with nothing else to do to the end of the frame "
            "that painted it.",
            "- Every process gets an empty `READER_DATA_DIR`; bytecode is cached "
            "(in `bench/out/pycache`), and each command ran once untimed first.",
        ]
    )
