"""The Textual app: thin on purpose. Behaviour lives in screens and widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from reader import collector
from reader.article import Article, Outliner
from reader.article.parallel import finish
from reader.folder import FolderScan
from reader.source import DEFAULT_MAX_SIZE, Source, SourceError, load_file
from reader.ui.commands import COMMANDS
from reader.ui.palette import SectionCommands
from reader.ui.persistence import Memory, Persistence
from reader.ui.screens.picker import PickerScreen
from reader.ui.screens.reading import ReadingScreen


@dataclass(frozen=True)
class Reading:
    """Start by reading an article."""

    source: Source
    article: Article
    memory: Memory = field(default_factory=Memory)
    resume: bool = True
    """Open where the reader left off (False: `--from-start`)."""
    outliner: Outliner | None = None
    """Finishes the outline in the background, when `article` is only its start."""


Start = Reading | FolderScan
"""What the app opens with: an article, or a folder to pick one from."""


class ReaderApp(App[None]):
    """Reads articles in the terminal: one, or those of a folder, and those their
    links lead to.

    The theme starts as `theme` (from `--theme` or the one saved); a theme the
    reader picks in the command palette is saved for next time.
    """

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {SectionCommands}

    def __init__(
        self,
        start: Start,
        persistence: Persistence,
        *,
        theme: str | None = None,
        split_level: int = 3,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> None:
        super().__init__()
        self.start = start
        self.persistence = persistence
        self.split_level = split_level
        self.max_size = max_size
        self.root = start.source.folder if isinstance(start, Reading) else start.folder
        """Links may open other articles only inside this folder tree."""
        if theme is not None:
            self.theme = theme

    def get_default_screen(self) -> Screen[None]:
        start = self.start
        if isinstance(start, FolderScan):
            return PickerScreen(start)
        return ReadingScreen(
            start.source,
            start.article,
            self.persistence,
            memory=start.memory,
            resume=start.resume,
            outliner=start.outliner,
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's commands: on the reading screen, the declared ones that
        can run now (see `reader.ui.commands`); elsewhere, Textual's own."""
        if not isinstance(screen, ReadingScreen):
            yield from super().get_system_commands(screen)
            return
        for command in COMMANDS:
            if command.palette and screen.check_action(command.action, ()):
                yield SystemCommand(
                    command.help,
                    command.keys_label,
                    partial(screen.run_action, command.action),
                )

    def on_mount(self) -> None:
        # Up to the first frame, the app makes objects and no garbage.
        self.call_after_refresh(collector.startup_done)
        loop = asyncio.get_running_loop()

        def report(message: str) -> None:  # called on the store's thread
            loop.call_soon_threadsafe(self._report_store_failure, message)

        self.persistence.report = report
        if self.persistence.notice:
            self.notify(
                self.persistence.notice,
                title="Saving",
                severity="warning",
                timeout=8,
                markup=False,
            )
        self.watch(self, "theme", self._theme_changed, init=False)
        if isinstance(self.start, Reading) and self.start.source.notice:
            self.notify(
                self.start.source.notice, severity="warning", timeout=8, markup=False
            )

    def _report_store_failure(self, message: str) -> None:
        self.notify(
            message, title="Not saved", severity="error", timeout=8, markup=False
        )

    def _theme_changed(self, theme: str) -> None:
        self.persistence.save_theme(theme)
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.pane.theme_changed()

    def quit_reading(self) -> None:
        """Save the place in every article open, then quit."""
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_place()
        self.exit()

    async def action_quit(self) -> None:
        self.quit_reading()

    @work(thread=True, exclusive=True, group="open", description="Opening an article")
    def open_article(
        self, path: Path, anchor: str = "", *, resume: bool = False
    ) -> None:
        """Read the article at `path` on a new screen (a link followed, or a file
        picked; only a picked one resumes where the reader left off)."""
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
        screen = ReadingScreen(
            source,
            finish(outliner),
            self.persistence,
            memory=self.persistence.recall(source.article_id),
            anchor=anchor,
            resume=resume,
        )
        self.call_from_thread(self.push_screen, screen)
