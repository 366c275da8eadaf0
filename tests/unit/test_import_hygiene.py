"""Layering: only the interactive reader loads Textual.

Each check runs in a fresh interpreter, so modules other tests imported do not
count, and reads `sys.modules` there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT_TEXTUAL = (
    "import sys, json\n"
    "loaded = sorted(m for m in sys.modules"
    " if m == 'textual' or m.startswith('textual.'))\n"
    "sys.stderr.write('\\nTEXTUAL=' + json.dumps(loaded) + '\\n')\n"
)


def run(code: str, tmp_path: Path) -> tuple[str, list[str]]:
    """Run `code` then report; returns its stdout and the Textual modules loaded."""
    result = subprocess.run(
        [sys.executable, "-c", code + "\n" + REPORT_TEXTUAL],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout: the installed package is what runs
        check=True,
        timeout=60,
    )
    report = result.stderr.rsplit("TEXTUAL=", 1)[1]
    return result.stdout, json.loads(report)


def test_pure_modules_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import reader.article, reader.cli, reader.render, reader.source, reader.store"
    )
    _, loaded = run(code, tmp_path)
    assert loaded == []


def test_outline_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import reader.cli\n"
        "status = reader.cli.main(['--outline'])\n"
        "assert status == 0, status\n"
    )
    stdout, loaded = run(code, tmp_path)
    assert "Do therapists go to therapy?" in stdout
    assert "#why-do-therapists-need-therapy" in stdout
    assert loaded == []


def test_outline_json_does_not_import_textual(tmp_path: Path) -> None:
    code = "import reader.cli\nreader.cli.main(['--outline', '--json'])\n"
    stdout, loaded = run(code, tmp_path)
    assert json.loads(stdout)["title"] == "Do therapists go to therapy?"
    assert loaded == []


def test_the_check_itself_sees_textual_when_it_is_imported(tmp_path: Path) -> None:
    _, loaded = run("import textual.app", tmp_path)
    assert "textual" in loaded
    assert "textual.app" in loaded
