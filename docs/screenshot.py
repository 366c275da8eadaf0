"""Write docs/screenshot.svg: the reader on the bundled article, as the README shows it.

`make screenshot` runs this; a test checks the committed picture is still what
the app draws. Nothing is saved while it runs (no data dir is used).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from textual._doc import take_svg_screenshot
from textual.pilot import Pilot

from reader.article import Outliner
from reader.locations import default_article
from reader.source import load_file
from reader.ui.app import ReaderApp, Reading
from reader.ui.persistence import Persistence
from reader.ui.screens import remembering

SCREENSHOT = Path(__file__).resolve().parent / "screenshot.svg"
SIZE = (100, 30)


def app() -> ReaderApp:
    """The reader on the bundled article, saving nothing."""
    path = default_article()
    source = load_file(path, article_id=path.stem)
    article = Outliner(source.text, name=source.name).run()
    return ReaderApp(Reading(source, article), Persistence(None))


async def _show(pilot: Pilot[None]) -> None:
    """A search for "isolation", its second hit chosen: most of what the reader
    does, on one screen."""
    await pilot.pause()
    await pilot.press("slash", *"isolation", "down", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)


def screenshot() -> str:
    """The SVG, with its random-looking ids made stable.

    Set `remembering.DWELL_SECONDS` high first, so that a slow run does not
    mark the first section read.
    """
    svg = take_svg_screenshot(
        app=app(), terminal_size=SIZE, run_before=_show, title="reader"
    )
    return re.sub(r"terminal-\d+", "terminal", svg)


if __name__ == "__main__":
    remembering.DWELL_SECONDS = 3600.0
    SCREENSHOT.write_text(screenshot(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCREENSHOT}\n")
