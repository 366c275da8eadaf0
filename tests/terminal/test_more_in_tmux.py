"""Resuming, searching and hostile text, in a real terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.terminal.tmux import Terminal, base_env, reader_command

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

OPENING = "Yes, therapists do indeed go for therapy."
ESC = "\x1b"


def test_quit_mid_section_five_and_come_back_to_the_same_line(
    data_dir: Path,
) -> None:
    # 12 rows: section 5, "Professional isolation", is taller than its pane.
    first = Terminal(100, 12)
    try:
        first.start(reader_command(), base_env(data_dir))
        first.wait_for(OPENING)
        first.send("5")
        first.wait_for("§ 5/12")
        first.send("Down", "Down")
        # Two lines down: the heading and the blank line after it are gone.
        before = first.wait_until(
            lambda screen: _pane_rows(screen)[0].lstrip().startswith("Many"),
            "the paragraph at the top of the pane",
        )
        first.send("q")
        first.wait_for("READER-EXITED-0")
    finally:
        first.close()
    top = _pane_rows(before)[:3]
    assert all(row.strip() for row in top), before
    assert top[0].lstrip().startswith("Many therapists tend to spend"), before

    again = Terminal(100, 12)
    try:
        again.start(reader_command(), base_env(data_dir))
        after = again.wait_for("Resumed at § 5 — Professional isolation")
        assert "§ 5/12" in after
        # The same three lines at the top of the pane as when we quit.
        assert _pane_rows(after)[:3] == top, after
        again.send("g")
        again.wait_for(OPENING)
    finally:
        again.close()


def _pane_rows(screen: str) -> list[str]:
    """The reading pane's rows: right of the contents, left of the scrollbar,
    between the title and the footer."""
    return [line[34:99].rstrip() for line in screen.splitlines()[2:-1]]


def test_slash_jung_enter_shows_the_quotation(
    terminal: Terminal, data_dir: Path
) -> None:
    terminal.start(reader_command(), base_env(data_dir))
    terminal.wait_for(OPENING)
    terminal.send("/")
    terminal.wait_for("Search all sections")
    terminal.send("Jung")
    terminal.wait_for("1 match in 1 section")
    terminal.send("Enter")
    screen = terminal.wait_for("§ 12/12")
    assert "Carl Jung suggested that" in screen
    assert "Search all sections" not in screen
    assert "“Jung” 1/1" in screen


def test_escape_sequences_in_an_article_never_reach_the_terminal(
    terminal: Terminal, tmp_path: Path, data_dir: Path
) -> None:
    article = tmp_path / "attack.md"
    article.write_text(
        f"# Attack {ESC}]0;pwned-title{ESC}\\\n\n"
        f"Clipboard {ESC}]52;c;aGVsbG8={ESC}\\ and a clear {ESC}[2J screen.\n\n"
        f"## Second {ESC}]0;second-title\x07\n\nMore.\n",
        encoding="utf-8",
    )
    terminal.start(
        f"{reader_command()} {article}",
        base_env(data_dir),
        options={"set-clipboard": "on", "allow-rename": "on", "set-titles": "on"},
    )
    screen = terminal.wait_for("Clipboard")
    assert "␛]52;c;aGVsbG8=" in screen  # shown, as inert text
    terminal.send("Right")
    terminal.wait_for("More.")
    assert "pwned" not in terminal.title()
    assert "second-title" not in terminal.title()
    assert terminal.buffers() == ""  # OSC 52 would have set a paste buffer
    terminal.send("q")
    terminal.wait_for("READER-EXITED-0")
