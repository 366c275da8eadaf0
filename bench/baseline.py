"""The comparison baseline: a bare Textual app showing `MarkdownViewer` on a file.

`python bench/baseline.py FILE` is what "just use Textual's Markdown viewer"
costs: the whole file parsed and mounted (Textual's default "gfm-like" parser),
with its table of contents shown. `q` quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer


class BaselineApp(App[None]):
    """One `MarkdownViewer` on the whole text, nothing else."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self._text, show_table_of_contents=True)


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: python bench/baseline.py FILE", file=sys.stderr)
        return 2
    BaselineApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
