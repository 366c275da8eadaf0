"""The reading screen: table of contents, one section at a time, then feedback."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher

from reader.article import Article
from reader.article.progress import progress
from reader.source import Source
from reader.store import Answer
from reader.ui import commands
from reader.ui.persistence import Persistence
from reader.ui.widgets.bars import StatusBar, TitleBar
from reader.ui.widgets.feedback_pane import FeedbackPane
from reader.ui.widgets.section_pane import SectionPane
from reader.ui.widgets.toc import TableOfContents

NARROW = 70
"""Below this many columns the table of contents starts hidden."""

Where = Literal["top", "bottom"]


class ReadingScreen(Screen[None]):
    """Reads one article, one pane per section, the feedback pane last."""

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings()

    def __init__(
        self, source: Source, article: Article, persistence: Persistence
    ) -> None:
        super().__init__()
        self.source = source
        self.article = article
        self.persistence = persistence
        self.index = 0

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar(self.article.title, id="title")
        with Horizontal(id="body"):
            yield TableOfContents(id="toc")
            with ContentSwitcher(initial="pane", id="panes"):
                yield SectionPane(id="pane")
                yield FeedbackPane(id="feedback")
        yield StatusBar(id="status")

    @property
    def pane(self) -> SectionPane:
        return self.query_one(SectionPane)

    @property
    def toc(self) -> TableOfContents:
        return self.query_one(TableOfContents)

    @property
    def feedback_pane(self) -> FeedbackPane:
        return self.query_one(FeedbackPane)

    @property
    def on_feedback(self) -> bool:
        """Whether the feedback pane is showing."""
        return self.index >= len(self.article.sections)

    async def on_mount(self) -> None:
        self.toc.display = self.app.size.width >= NARROW
        self.toc.show_article(self.article, self.index)
        self.watch(self.pane, "scroll_y", self._update_position, init=False)
        await self.go(0)
        self.pane.focus()

    # -- moving ---------------------------------------------------------------

    async def go(self, index: int, where: Where = "top") -> None:
        """Show pane `index` (`len(sections)` is the feedback pane)."""
        index = max(0, min(index, len(self.article.sections)))
        self.index = index
        switcher = self.query_one(ContentSwitcher)
        if self.on_feedback:
            had_focus = self.pane.has_focus
            switcher.current = "feedback"
            if had_focus:
                self.feedback_pane.focus()
        else:
            had_focus = self.feedback_pane.has_focus_within
            switcher.current = "pane"
            await self.pane.show(self.article, self.article.sections[index])
            self.pane.scroll_to(
                y=0 if where == "top" else self.pane.max_scroll_y,
                animate=False,
                immediate=True,
            )
            if where == "bottom":
                self.call_after_refresh(self._scroll_to_end)
            if had_focus:
                self.pane.focus()
        self.toc.set_current(index)
        self._update_position()
        self.refresh_bindings()

    def _scroll_to_end(self) -> None:
        self.pane.scroll_end(animate=False, immediate=True)

    def _update_position(self) -> None:
        pane = self.pane
        fraction = pane.scroll_y / pane.max_scroll_y if pane.max_scroll_y else 0.0
        text = str(progress(self.article, self.index, fraction))
        self.query_one(StatusBar).set_position(text)

    async def action_next_section(self) -> None:
        await self.go(self.index + 1)

    async def action_previous_section(self) -> None:
        await self.go(self.index - 1)

    async def action_first_section(self) -> None:
        await self.go(0)

    async def action_feedback(self) -> None:
        await self.go(len(self.article.sections))

    async def action_jump(self, number: int) -> None:
        await self.go(number - 1)

    def action_scroll_down(self) -> None:
        self.pane.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.pane.scroll_up(animate=False)

    async def action_page_forward(self) -> None:
        if self.on_feedback:
            return
        if self.pane.at_bottom:
            await self.go(self.index + 1)
        else:
            self.pane.scroll_page_down(animate=False)

    async def action_page_back(self) -> None:
        if self.index > 0 and (self.on_feedback or self.pane.at_top):
            await self.go(self.index - 1, where="bottom")
        elif not self.on_feedback:
            self.pane.scroll_page_up(animate=False)

    def action_toggle_toc(self) -> None:
        toc = self.toc
        toc.display = not toc.display
        if not toc.display and toc.has_focus:
            self.pane.focus()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.app.exit()

    @on(TableOfContents.SectionChosen)
    async def _section_chosen(self, event: TableOfContents.SectionChosen) -> None:
        await self.go(event.index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        count = len(self.article.sections)
        if action in ("answer_yes", "answer_no"):
            return self.on_feedback and self.feedback_pane.stage == "asking"
        if action in ("next_section", "feedback"):
            return self.index < count
        if action in ("previous_section", "first_section"):
            return self.index > 0
        if action == "jump":
            return bool(parameters) and int(str(parameters[0])) <= count
        if action in ("scroll_down", "scroll_up"):
            return not self.on_feedback
        return True

    # -- feedback -------------------------------------------------------------

    def action_answer_yes(self) -> None:
        self.feedback_pane.answer("yes")

    def action_answer_no(self) -> None:
        self.feedback_pane.answer("no")

    @on(FeedbackPane.Answered)
    def _answered(self, event: FeedbackPane.Answered) -> None:
        self.refresh_bindings()
        self._save_answer(event.answer)

    @on(FeedbackPane.Commented)
    def _commented(self, event: FeedbackPane.Commented) -> None:
        self.refresh_bindings()
        if event.comment:
            self._save_comment(event.comment)

    @work(group="store")
    async def _save_answer(self, answer: Answer) -> None:
        from reader.version import app_version

        await self.persistence.add_answer(
            article_id=self.source.article_id,
            title=self.article.title,
            sha256=self.source.sha256,
            answer=answer,
            version=app_version(),
        )

    @work(group="store")
    async def _save_comment(self, comment: str) -> None:
        await self.persistence.comment_on_answer(comment)
