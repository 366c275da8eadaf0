"""The reader in a real terminal, as a person runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.terminal.tmux import Terminal, base_env, reader_command

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

OPENING = "Yes, therapists do indeed go for therapy."


def test_read_the_bundled_article_and_answer_yes(
    terminal: Terminal, data_dir: Path
) -> None:
    terminal.start(reader_command(), base_env(data_dir))
    screen = terminal.wait_for(OPENING)
    assert "Do therapists go to therapy?" in screen
    terminal.wait_for("§ 1/12")

    terminal.send("Right")
    screen = terminal.wait_for("Therapists have a difficult job.")
    assert "Why do therapists need therapy?" in screen
    assert OPENING not in screen

    terminal.send("Left")
    terminal.wait_for(OPENING)

    terminal.send("End")
    terminal.wait_for("Was this helpful?")

    terminal.send("y")
    terminal.wait_for("Anything to add?")
    terminal.send("Escape")
    terminal.wait_for("Thanks for your feedback!")

    terminal.send("q")
    terminal.wait_for("READER-EXITED-0")

    result = subprocess.run(
        [reader_command(), "--feedback", "--json"],
        check=True,
        capture_output=True,
        text=True,
        env={**base_env(data_dir), "PATH": "/usr/bin:/bin"},
    )
    records = json.loads(result.stdout)
    assert len(records) == 1
    assert records[0]["answer"] == "yes"
    assert records[0]["comment"] is None
    assert records[0]["article_id"] == "do-therapists-go-to-therapy"
