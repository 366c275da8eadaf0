"""The Textual app: thin on purpose. Behaviour lives in screens and widgets."""

from __future__ import annotations

from textual.app import App

from reader.article import Article
from reader.source import Source
from reader.ui.palette import SectionCommands
from reader.ui.persistence import Persistence
from reader.ui.screens.reading import ReadingScreen


class ReaderApp(App[None]):
    """Reads one article in the terminal."""

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {SectionCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self, source: Source, article: Article, persistence: Persistence
    ) -> None:
        super().__init__()
        self.source = source
        self.article = article
        self.persistence = persistence

    def get_default_screen(self) -> ReadingScreen:
        return ReadingScreen(self.source, self.article, self.persistence)
