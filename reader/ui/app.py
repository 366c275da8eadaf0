"""The Textual app: thin on purpose. Behaviour lives in screens and widgets."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App

from reader.article import Article, Outliner
from reader.source import DEFAULT_MAX_SIZE, Source, SourceError, load_file
from reader.ui.palette import SectionCommands
from reader.ui.persistence import Persistence
from reader.ui.screens.reading import ReadingScreen


class ReaderApp(App[None]):
    """Reads one article in the terminal (and those its links lead to)."""

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {SectionCommands}

    def __init__(
        self,
        source: Source,
        article: Article,
        persistence: Persistence,
        *,
        split_level: int = 3,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> None:
        super().__init__()
        self.source = source
        self.article = article
        self.persistence = persistence
        self.split_level = split_level
        self.max_size = max_size
        self.root = source.folder
        """Links may open other articles only inside this folder tree."""

    def get_default_screen(self) -> ReadingScreen:
        return ReadingScreen(self.source, self.article, self.persistence)

    @work(thread=True, exclusive=True, group="open")
    def open_article(self, path: Path, anchor: str = "") -> None:
        """Read the article at `path` (a followed link) on a new screen."""
        try:
            source = load_file(path, max_size=self.max_size)
        except SourceError as error:
            self.call_from_thread(
                self.notify,
                str(error),
                title="Cannot open",
                severity="error",
                markup=False,
            )
            return
        outliner = Outliner(source.text, name=source.name, split_level=self.split_level)
        screen = ReadingScreen(source, outliner.run(), self.persistence, anchor=anchor)
        self.call_from_thread(self.push_screen, screen)
