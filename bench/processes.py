"""Starting the processes that are measured, all in the same environment.

Bytecode is cached as for any user (this machine sets PYTHONDONTWRITEBYTECODE,
which would make every run compile the reader from source), but in
`bench/out/pycache`, so benchmarks write nothing outside `bench/`.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any

from bench import OUT, PYTHON, ROOT

PYCACHE = OUT / "pycache"


def child_env() -> dict[str, str]:
    """This process's environment, with bytecode caching on (in `PYCACHE`)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_json(module: str, *args: str, timeout: float = 600) -> Any:
    """Run `python -m module args…` and return the JSON it prints."""
    done = subprocess.run(
        [str(PYTHON), "-m", module, *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"python -m {module} failed: {last}")
    return json.loads(done.stdout)
