"""Outlining a long article on two cores: each half in a process of its own.

The text is cut at a line that may start a top-level heading, near the middle.
One process outlines the text before it, the other the text from it on; both
run while the reader's own process stays free for the screen. The halves are
joined only if the cut really is a top-level heading in the whole text (one
chunk is parsed to check, see `Outliner`'s module docstring for why that makes
the join exact); if not, or if processes cannot be started, the article is
outlined in one pass here instead. The result is always what one full parse
gives (a test compares them).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection

from reader.article.markdown import structure_parser
from reader.article.model import Article
from reader.article.outline import _ATX_HEADING, OutlinePart, Outliner

PARALLEL_FROM = 2 * 1024 * 1024
"""Characters from which two processes are worth their start-up (~0.3 s)."""


def outline(text: str, *, name: str, split_level: int = 3) -> Article:
    """The whole outline of `text`, on two cores when it is long."""
    return finish(Outliner(text, name=name, split_level=split_level))


def finish(outliner: Outliner) -> Article:
    """The whole outline `outliner` has begun: on two cores when it is long
    (starting afresh; the little it parsed already is not worth keeping)."""
    if len(outliner.text) >= PARALLEL_FROM and not outliner.done:
        article = _in_halves(
            outliner.text, name=outliner.name, split_level=outliner.split_level
        )
        if article is not None:
            return article
    return outliner.run()


_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)


def _cut(text: str) -> int | None:
    """A line near the middle likely to start a top-level heading: a `#` line
    after an even number of code-fence lines (so not inside a code block)."""
    middle = len(text) // 2
    fences = len(_FENCE.findall(text, 0, middle))
    position = middle
    for match in _ATX_HEADING.finditer(text, middle):
        fences += len(_FENCE.findall(text, position, match.start()))
        position = match.start()
        if fences % 2 == 0:
            return position
    return None


def _in_halves(text: str, *, name: str, split_level: int) -> Article | None:
    cut = _cut(text)
    if cut is None:
        return None
    try:
        first, second = _in_processes(
            (text[:cut], name, split_level), (text[cut:], name, split_level)
        )
    except Exception:  # processes cannot run here: one pass it is, as exact
        return None
    start = (first.lines, cut)
    if not _starts_top_level_heading(text, first.last_start, start):
        return None
    joined = Outliner.joined(
        text, first, second, start=start, name=name, split_level=split_level
    )
    return joined.snapshot()


def _in_processes(*jobs: tuple[str, str, int]) -> list[OutlinePart]:
    """`_outline_part` of each job, each in a process of its own.

    The processes are daemons: if the reader quits meanwhile, they are ended
    with it rather than waited for.
    """
    context = multiprocessing.get_context("spawn")
    started = []
    with _quiet_stderr():
        for job in jobs:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(sender, *job), daemon=True)
            process.start()
            sender.close()
            started.append((process, receiver))
    parts = []
    for process, receiver in started:
        with receiver:
            parts.append(receiver.recv())
        process.join()
    return parts


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Start processes with /dev/null as `sys.stderr`.

    multiprocessing hands `sys.stderr`'s file descriptor to its resource
    tracker; inside a full-screen app that may be a stand-in with none (Textual
    captures it), and on a terminal anything written would land on the screen.
    """
    with open(os.devnull, "w") as devnull:
        saved, sys.stderr = sys.stderr, devnull
        try:
            yield
        finally:
            sys.stderr = saved


def _child(sender: Connection, text: str, name: str, split_level: int) -> None:
    # Inherited standard output and error are the reader's terminal: keep off it.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    with sender:
        sender.send(_outline_part(text, name, split_level))


def _outline_part(text: str, name: str, split_level: int) -> OutlinePart:
    """Outline a stretch of text (in a worker process, which no one else uses,
    so its garbage collector can rest: see `reader.collector`)."""
    gc.disable()
    outliner = Outliner(text, name=name, split_level=split_level)
    while outliner.advance():
        pass
    return outliner.part()


def _starts_top_level_heading(
    text: str, chunk_start: tuple[int, int], heading: tuple[int, int]
) -> bool:
    """Whether the line at `heading` starts a top-level heading of the whole
    text, parsing from `chunk_start` (a known block boundary) through it."""
    start_line, start_char = chunk_start
    line, char = heading
    line_end = text.find("\n", char)
    source = text[start_char : len(text) if line_end < 0 else line_end + 1]
    tokens = structure_parser().parse(source)
    if len(tokens) < 3:
        return False
    opening = tokens[-3]
    return (
        opening.type == "heading_open"
        and opening.level == 0
        and opening.markup[:1] == "#"
        and opening.map is not None
        and opening.map[0] == line - start_line
    )
