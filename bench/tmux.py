"""A real terminal to time apps in: a private tmux server, driven without forking.

One tmux server on its own socket (`tmux -L reader-bench-<pid>`, no config
file) and one control-mode client (`tmux -C`) to talk to it: each command is a
line written to the client and its reply a `%begin`…`%end` block read back, so
polling the screen every 10 ms costs no process start (a `tmux capture-pane`
per poll would take a few ms of CPU each time on a 2-core machine).
"""

from __future__ import annotations

import contextlib
import os
import queue
import shlex
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from bench.processes import child_env

POLL = 0.010
"""Seconds between two looks at the screen."""


class TmuxError(Exception):
    """tmux answered a command with an error."""


class Tmux:
    """A private tmux server; `start` runs a command in a fresh session."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.width, self.height = width, height
        self.socket = f"reader-bench-{os.getpid()}"
        self._sessions = 0
        self._replies: queue.Queue[tuple[bool, list[str]] | None] = queue.Queue()
        argv = [*self._tmux(), "-C", "new-session", "-s", "keeper"]
        argv += ["-x", str(width), "-y", str(height), "sleep 86400"]
        self._client = subprocess.Popen(
            argv,
            env=child_env(),  # the server's, so every session's too
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self._reply(timeout=10)  # the new-session that started the client
        self.command("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self) -> list[str]:
        return ["tmux", "-L", self.socket, "-f", os.devnull]

    def _read(self) -> None:
        """Turn the client's output into replies; notifications are dropped."""
        assert self._client.stdout is not None
        block: list[str] | None = None
        for raw in self._client.stdout:
            line = raw.rstrip("\n")
            if block is None:
                if line.startswith("%begin "):
                    block, tag = [], line.split(" ")[1:3]
                continue
            words = line.split(" ")
            if words[0] in ("%end", "%error") and words[1:3] == tag:
                self._replies.put((words[0] == "%end", block))
                block = None
            else:
                block.append(line)
        self._replies.put(None)

    def _reply(self, timeout: float) -> list[str]:
        reply = self._replies.get(timeout=timeout)
        if reply is None:
            raise TmuxError("the tmux control client has gone")
        ok, lines = reply
        if not ok:
            raise TmuxError(" ".join(lines))
        return lines

    def command(self, *args: str, timeout: float = 10) -> list[str]:
        """Run one tmux command; its output lines."""
        assert self._client.stdin is not None
        self._client.stdin.write(shlex.join(args) + "\n")
        self._client.stdin.flush()
        return self._reply(timeout)

    def start(
        self, argv: Sequence[str], *, cwd: Path, env: Mapping[str, str]
    ) -> Session:
        """Start `argv` in a new session of the terminal's size."""
        self._sessions += 1
        name = f"run{self._sessions}"
        flags = [f"-e{key}={value}" for key, value in env.items()]
        lines = self.command(
            "new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", name,
            "-x", str(self.width), "-y", str(self.height), "-c", str(cwd),
            *flags, "exec " + shlex.join(argv),
        )  # fmt: skip
        return Session(self, name, int(lines[0]))

    def close(self) -> None:
        """Stop the server and every session in it, and remove its socket."""
        with contextlib.suppress(TmuxError, queue.Empty, OSError):
            socket = self.command("display-message", "-p", "#{socket_path}")[0]
            self.command("kill-server", timeout=5)
            Path(socket).unlink(missing_ok=True)
        try:
            self._client.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._client.kill()
            self._client.wait()

    def __enter__(self) -> Tmux:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class Session:
    """One command running in its own tmux session (the pane runs it by `exec`)."""

    tmux: Tmux
    name: str
    pid: int

    def screen(self) -> str:
        """What the pane shows now, one line per row."""
        return "\n".join(self.tmux.command("capture-pane", "-p", "-t", self.name))

    def dead(self) -> bool:
        """Whether the command has exited."""
        reply = self.tmux.command(
            "display-message", "-p", "-t", self.name, "#{pane_dead}"
        )
        return reply == ["1"]

    def kill(self) -> None:
        """End the session, and the command with it (by its pid, if it lingers)."""
        with contextlib.suppress(TmuxError):
            self.tmux.command("kill-session", "-t", self.name)
        deadline = time.monotonic() + 5
        while _alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        if _alive(self.pid):
            os.kill(self.pid, 9)


def _alive(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"
