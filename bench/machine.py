"""What the figures were measured on: machine, versions, date and load."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench import ROOT

PACKAGES = ("article-reader", "textual", "rich", "markdown-it-py", "mdit-py-plugins")


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    ram_gb: float
    system: str
    python: str
    versions: dict[str, str]
    tmux: str
    commit: str
    date: str = field(
        default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    )


def describe() -> Machine:
    return Machine(
        cpu=_cpuinfo("model name") or platform.processor() or "unknown",
        cores=os.cpu_count() or 0,
        ram_gb=_meminfo_kb("MemTotal") / 1024 / 1024,
        system=platform.platform(),
        python=platform.python_version(),
        versions={name: _version(name) for name in PACKAGES},
        tmux=_output("tmux", "-V"),
        commit=_commit(),
    )


def load() -> str:
    """The 1, 5 and 15 minute load averages, for how busy the machine was."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpuinfo(key: str) -> str | None:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def _meminfo_kb(key: str) -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _output(*argv: str) -> str:
    """What `argv` prints, or "unknown" if it prints nothing or cannot run."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def _commit() -> str:
    """The checkout's commit, and whether its tracked files have changed since."""
    commit = _output("git", "rev-parse", "--short", "HEAD")
    changed = _output("git", "status", "--porcelain", "--untracked-files=no")
    return commit if changed == "unknown" else f"{commit} + uncommitted changes"
