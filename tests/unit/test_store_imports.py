"""The store and the feedback report never load Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

from store_helpers import ROOT


def test_store_and_report_import_no_ui() -> None:
    code = (
        "import sys, reader.store, reader.report\n"
        "print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip() == "[]"
