"""Building the app as the command line does, and reading what it shows."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.widget import Widget

from reader import locations
from reader.article import Outliner
from reader.source import Source, load_file
from reader.store import Database, FeedbackStore
from reader.ui.app import ReaderApp
from reader.ui.persistence import Persistence

_CHROME = re.compile("[\u2500-\u259f]")


def bundled_source() -> Source:
    path = locations.default_article()
    return load_file(path, article_id=path.stem)


def make_app(
    source: Source | None = None, *, data_dir: Path | None = None
) -> ReaderApp:
    """The reader on `source` (default: the bundled article), saving in `data_dir`."""
    source = source or bundled_source()
    article = Outliner(source.text, name=source.name).run()
    store = None
    if data_dir is not None:
        data_dir.mkdir(parents=True, exist_ok=True)
        store = FeedbackStore(Database(locations.database_path(data_dir)))
    return ReaderApp(source, article, Persistence(store))


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
