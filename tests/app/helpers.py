"""Building the app as the command line does, and reading what it shows."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget

from reader import locations
from reader.article import Outliner
from reader.source import Source, load_file
from reader.store import open_store
from reader.ui.app import ReaderApp, Reading
from reader.ui.persistence import Persistence

_CHROME = re.compile("[\u2500-\u259f]")


def bundled_source() -> Source:
    path = locations.default_article()
    return load_file(path, article_id=path.stem)


def make_app(
    source: Source | None = None,
    *,
    data_dir: Path | None = None,
    resume: bool = True,
    theme: str | None = None,
) -> ReaderApp:
    """The reader on `source` (default: the bundled article), built as the command
    line builds it, saving in `data_dir` (None: saving nothing)."""
    source = source or bundled_source()
    article = Outliner(source.text, name=source.name).run()
    persistence = Persistence(None)
    if data_dir is not None:
        opened = open_store(data_dir)
        persistence = Persistence(opened.store, opened.notice)
    start = Reading(source, article, persistence.recall(source.article_id), resume)
    return ReaderApp(start, persistence, theme=theme or persistence.theme())


async def settle(pilot: Pilot[ReaderApp] | Pilot[None]) -> None:
    """Let the app and the store's queued writes finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.persistence.settled()
    await pilot.pause()


def screen_text(app: App[object]) -> str:
    """The characters on the terminal right now, one line per row.

    Renders the screen as Textual's own `export_screenshot` does, but to text.
    """
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    console.print(update)
    return console.export_text(styles=False)


def region_text(app: App[object], widget: Widget) -> str:
    """The words on screen inside `widget`'s region, as one line.

    Rows are joined with spaces, runs of spaces collapsed and box-drawing and
    block characters (borders, scrollbars) dropped, so a phrase matches however
    the pane wrapped it.
    """
    region = widget.region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    cropped = " ".join(row[region.x : region.right] for row in rows)
    return " ".join(_CHROME.sub(" ", cropped).split())


def pane_text(app: App[object]) -> str:
    """What the section (or feedback) pane shows, as one line of words."""
    return region_text(app, app.screen.query_one("#panes"))


def marked_runs(app: App[object], widget: Widget) -> list[tuple[str, bool]]:
    """Runs of reversed text on screen inside `widget`: (text, emphasised).

    Search matches and the chosen link are drawn reversed; the current match
    and the chosen link are also bold.
    """
    region = widget.region
    runs: list[tuple[str, bool]] = []
    strips = app.screen._compositor.render_strips()
    for y in range(region.y, region.bottom):
        x = 0
        current: list[str] = []
        bold = False
        for segment in strips[y]:
            inside = region.x <= x < region.right
            style = segment.style
            if inside and style is not None and style.reverse and segment.text.strip():
                current.append(segment.text)
                bold = bold or bool(style.bold)
            elif current:
                runs.append(("".join(current).strip(), bold))
                current, bold = [], False
            x += segment.cell_length
        if current:
            runs.append(("".join(current).strip(), bold))
    return runs
