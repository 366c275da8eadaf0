"""`reader DIR`: pick one of a folder's Markdown articles to read."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.folder import FolderEntry, FolderScan, read_entry
from reader.source import display_path

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


def entry_label(entry: FolderEntry) -> Content:
    """`Title · 4 min` over the file's path; an unreadable one says why."""
    if entry.note is not None:
        title = Content.styled(entry.title, "dim")
        detail = Content.styled(f"{entry.relative} — {entry.note}", "dim italic")
    else:
        minutes = f"{entry.minutes} min" if entry.words else "no text"
        title = Content.assemble((entry.title, "bold"), f"  · {minutes}")
        detail = Content.styled(entry.relative, "dim")
    return Content.assemble(title, "\n", detail)


def pending_label(relative: str) -> Content:
    """A file not read yet: its path, and that it is being read."""
    return Content.assemble(
        Content.styled(relative, "bold"), "\n", Content.styled("reading…", "dim italic")
    )


class PickerScreen(Screen[None]):
    """A folder's articles, sorted; `enter` opens one, `q` quits.

    Paths show at once; titles and reading times fill in as a worker reads each
    file, so a large folder never holds up the screen.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=True, priority=True),
        Binding("q", "app.quit", "Quit", show=True),
    ]

    def __init__(self, scan: FolderScan) -> None:
        super().__init__()
        self.scan = scan
        self.entries: list[FolderEntry | None] = [None] * len(scan.paths)

    @property
    def reader_app(self) -> ReaderApp:
        from reader.ui.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    def compose(self) -> ComposeResult:
        count = len(self.scan.paths)
        heading = f"{display_path(self.scan.folder)} — {count:,} article"
        heading += "" if count == 1 else "s"
        if not self.scan.complete:
            heading += f" (the first {count:,})"
        yield Static(Content(heading), id="title")
        yield OptionList(
            *(Option(pending_label(path.as_posix())) for path in self.scan.paths),
            id="articles",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._read_entries()

    @work(
        thread=True,
        exclusive=True,
        group="picker",
        description="Reading the folder's articles",
    )
    def _read_entries(self) -> None:
        for index, relative in enumerate(self.scan.paths):
            entry = read_entry(
                self.scan.folder, relative, max_size=self.reader_app.max_size
            )
            self.app.call_from_thread(self._entry_read, index, entry)

    def _entry_read(self, index: int, entry: FolderEntry) -> None:
        self.entries[index] = entry
        self.query_one(OptionList).replace_option_prompt_at_index(
            index, entry_label(entry)
        )

    def action_open(self) -> None:
        articles = self.query_one(OptionList)
        if articles.highlighted is not None:
            self._open(articles.highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def _open(self, index: int) -> None:
        entry = self.entries[index]
        if entry is not None and entry.note is not None:
            self.notify(
                f"{entry.relative}: {entry.note}",
                title="Cannot open",
                severity="warning",
                markup=False,
            )
            return
        self.reader_app.open_article(
            self.scan.folder / self.scan.paths[index], resume=True
        )
