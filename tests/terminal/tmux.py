"""Driving the real `reader` in a real terminal: tmux, keys in, screen out."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

READER = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "reader"


def reader_command() -> str:
    """The installed `reader` script of this checkout's venv, or the one on PATH."""
    if READER.exists():
        return str(READER)
    found = shutil.which("reader")
    assert found is not None, "reader is not installed"
    return found


class Terminal:
    """One tmux session on its own server socket, sized like a person's terminal."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def start(
        self,
        command: str,
        env: Mapping[str, str],
        options: Mapping[str, str] | None = None,
    ) -> None:
        """Run `command` (then keep the pane open) with `env` added.

        COLUMNS and LINES are dropped: a test runner may export them (pytest's
        does), and they would override the size the pane really has. `options`
        are tmux server options, set before the command starts.
        """
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        shell = (
            f"env -u COLUMNS -u LINES {exports} {command}; "
            "echo READER-EXITED-$?; sleep 30"
        )
        settings: list[str] = []
        for name, value in (options or {}).items():
            settings += [";", "set-option", "-g", name, value]
        self._tmux(
            "new-session",
            "-d",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-s",
            "reader",
            shell,
            *settings,
        )

    def buffers(self) -> str:
        """The server's paste buffers (where OSC 52 clipboard writes land)."""
        return self._tmux("list-buffers")

    def screen(self) -> str:
        """What the terminal shows now."""
        return self._tmux("capture-pane", "-p", "-t", "reader")

    def title(self) -> str:
        """The terminal's window title, as the program set it."""
        return self._tmux("display-message", "-p", "-t", "reader", "#{pane_title}")

    def send(self, *keys: str) -> None:
        """Press `keys` (tmux key names: Right, End, Escape, or literal text)."""
        for key in keys:
            self._tmux("send-keys", "-t", "reader", key)
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until `text` is on screen; returns the screen."""
        return self.wait_until(lambda screen: text in screen, f"{text!r}", timeout)

    def wait_until_gone(self, text: str, timeout: float = 15.0) -> str:
        """Wait until `text` is no longer on screen; returns the screen."""
        return self.wait_until(
            lambda screen: text not in screen, f"{text!r} gone", timeout
        )

    def wait_until(
        self, check: Callable[[str], bool], what: str, timeout: float = 15.0
    ) -> str:
        """Wait until `check(screen)` holds; returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what}; the screen:\n{screen}")
            time.sleep(0.05)

    def close(self) -> None:
        """Kill the tmux server."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def base_env(data_dir: Path) -> dict[str, str]:
    """A clean environment for the reader: its own data dir, a known terminal."""
    return {
        "READER_DATA_DIR": str(data_dir),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
    }
