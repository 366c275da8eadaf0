"""Time to first content in a real terminal (tmux, 100×30), and what it costs.

Each run starts one command in a fresh tmux session, then looks at the screen
every 10 ms. The clock starts just before the session is asked for and stops
when a look returns a screen showing the first section's phrase ("first"),
and when it shows the phrase without the table of contents' "indexing…" mark
("settled": the whole outline known). The process's peak RSS (VmHWM) is read
at "settled". The floor, `python -c "import textual.app"`, is timed to its exit.
Every run gets its own empty READER_DATA_DIR, and its session is killed after.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bench import OUT, PYTHON, READER, ROOT
from bench.articles import BenchArticle
from bench.memory import peak_rss_kb
from bench.stats import Summary
from bench.tmux import POLL, Session, Tmux

INDEXING = "indexing…"
"""What the reader's table of contents shows until the outline is complete."""

K = TypeVar("K")

FAILED = OUT / "failed-runs"
"""The last screen of each run whose command died, to see why."""

READER_TIMEOUT = 60.0
BASELINE_TIMEOUT = 90.0
FLOOR_TIMEOUT = 30.0


@dataclass(frozen=True)
class Run:
    """One launch: seconds to first content and to settled, peak RSS (KiB) then."""

    first: float | None = None
    settled: float | None = None
    rss_kb: int | None = None
    failure: str | None = None


@dataclass(frozen=True)
class Startup:
    """Several launches of one command on one article."""

    first: Summary
    settled: Summary
    rss_kb: Summary


@dataclass(frozen=True)
class Launch:
    """A command to watch: until `phrase` shows (and `absent` does not), or exit."""

    argv: Sequence[str]
    phrase: str | None
    timeout: float
    absent: str | None = None


def reader(article: BenchArticle) -> Launch:
    """`reader` on the article (with no argument for the bundled one: its main job)."""
    argv = [str(READER)] if article.bundled else [str(READER), str(article.path)]
    return Launch(argv, article.phrase, READER_TIMEOUT, INDEXING)


def baseline(article: BenchArticle) -> Launch:
    argv = [str(PYTHON), "bench/baseline.py", str(article.path)]
    return Launch(argv, article.phrase, BASELINE_TIMEOUT)


FLOOR = Launch([str(PYTHON), "-c", "import textual.app"], None, FLOOR_TIMEOUT)


def interleaved(
    tmux: Tmux, launches: Mapping[K, Launch], runs: int
) -> dict[K, Startup]:
    """`runs` launches of each, taking turns, so a change in load hits all alike."""
    done: dict[K, list[Run]] = {key: [] for key in launches}
    for _ in range(runs):
        for key, launch in launches.items():
            done[key].append(watch(tmux, launch))
    return {key: summarise(results) for key, results in done.items()}


def summarise(results: Sequence[Run]) -> Startup:
    return Startup(
        first=Summary.of(
            [run.first for run in results],
            [run.failure or "?" for run in results if run.first is None],
        ),
        settled=Summary.of(
            [run.settled for run in results],
            [run.failure or "?" for run in results if run.settled is None],
        ),
        rss_kb=Summary.of([run.rss_kb for run in results]),
    )


def watch(tmux: Tmux, launch: Launch) -> Run:
    """One launch in a fresh session, watched until done or its timeout."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as data:
        env = {"READER_DATA_DIR": data}
        start = time.perf_counter()
        session = tmux.start(launch.argv, cwd=ROOT, env=env)
        try:
            if launch.phrase is None:
                return _until_exit(session, start, launch.timeout)
            return _until_shown(
                session, start, launch.timeout, launch.phrase, launch.absent
            )
        finally:
            session.kill()
            time.sleep(0.2)  # let the killed process go before the next run


def _until_exit(session: Session, start: float, timeout: float) -> Run:
    while True:
        dead = session.dead()
        elapsed = time.perf_counter() - start
        if dead:
            return Run(first=elapsed, settled=elapsed)
        if elapsed > timeout:
            return Run(failure=f"timeout ({timeout:g} s)")
        _sleep_until_next_poll(start)


def _until_shown(
    session: Session, start: float, timeout: float, phrase: str, absent: str | None
) -> Run:
    first: float | None = None
    while True:
        screen = session.screen()
        elapsed = time.perf_counter() - start
        if phrase in screen:
            first = elapsed if first is None else first
            if absent is None or absent not in screen:
                return Run(first, elapsed, peak_rss_kb(session.pid))
        elif session.dead():
            return Run(first, failure=f"exited: {_last_words(screen, session)}")
        if elapsed > timeout:
            return Run(first, failure=f"timeout ({timeout:g} s)")
        _sleep_until_next_poll(start)


def _last_words(screen: str, session: Session) -> str:
    """The end of what a command printed before it died; its screen is kept too."""
    FAILED.mkdir(parents=True, exist_ok=True)
    kept = FAILED / f"{os.getpid()}-{session.name}.txt"
    kept.write_text(screen, encoding="utf-8")
    lines = [line.strip() for line in screen.splitlines()]
    said = [line for line in lines if line and not line.startswith("Pane is dead")]
    words = " ".join(said[-3:])[-100:] if said else "(nothing)"
    return f"{words} [screen: {kept.relative_to(ROOT)}]"


def _sleep_until_next_poll(start: float) -> None:
    elapsed = time.perf_counter() - start
    time.sleep(POLL - elapsed % POLL)
