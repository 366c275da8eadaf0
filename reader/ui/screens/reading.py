"""The reading screen: table of contents, one section at a time, then feedback."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from reader.article import Article, Outliner
from reader.article.progress import progress
from reader.collector import paused_collection
from reader.source import Source
from reader.ui import commands
from reader.ui.persistence import Memory, Persistence
from reader.ui.screens.remembering import Remembering, resume_index
from reader.ui.widgets.bars import StatusBar, TitleBar
from reader.ui.widgets.section_pane import SectionPane
from reader.ui.widgets.toc import INDEXING, TableOfContents

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.searching import Searching
    from reader.ui.widgets.feedback_pane import FeedbackPane
    from reader.ui.widgets.search_panel import SearchPanel

# Searching, following links and the feedback pane are imported when first
# used: most of their widgets are not on the screen a reader first sees.

NARROW = 70
"""Below this many columns the table of contents starts hidden."""

CONTENTS_WIDTH = 34
"""The table of contents' width (as in reader.tcss: 34 columns, at most 40%)."""

Where = Literal["top", "bottom"]


class ReadingScreen(Screen[None]):
    """Reads one article, one pane per section, the feedback pane last."""

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings()

    def __init__(
        self,
        source: Source,
        article: Article,
        persistence: Persistence,
        *,
        memory: Memory | None = None,
        anchor: str = "",
        resume: bool = True,
        outliner: Outliner | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.article = article
        self._outliner = outliner
        self.persistence = persistence
        self.memory = memory or Memory()
        self.index = 0
        self._anchor = anchor
        self._resume = resume and not anchor
        self._remembering = Remembering(self, self.memory)
        self._search: Searching | None = None
        self._offered: tuple[bool, ...] | None = None
        """What the footer offered when last refreshed."""
        # Kept at hand: a move uses them all, and a query walks the DOM.
        self._pane = SectionPane(id="pane")
        self._toc = TableOfContents(id="toc")
        self._status = StatusBar(id="status")
        self._switcher = ContentSwitcher(initial="pane", id="panes")
        self._feedback: FeedbackPane | None = None
        """The feedback pane, once mounted (on the first visit)."""

    @property
    def reader_app(self) -> ReaderApp:
        from reader.ui.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar(self.article.title, id="title")
        with Horizontal(id="body"):
            with Vertical(id="contents"):
                yield self._toc
                yield Static(Content(INDEXING), id="indexing")
            with Vertical(id="main"), self._switcher:
                yield self._pane
        yield self._status

    @property
    def pane(self) -> SectionPane:
        return self._pane

    @property
    def contents(self) -> Vertical:
        """The table of contents and its "indexing…" mark, shown or hidden as one."""
        return self.query_one("#contents", Vertical)

    @property
    def toc(self) -> TableOfContents:
        return self._toc

    @property
    def status(self) -> StatusBar:
        return self._status

    @property
    def feedback_pane(self) -> FeedbackPane:
        """The feedback pane (mounted the first time it is shown)."""
        assert self._feedback is not None, "the feedback pane is not shown yet"
        return self._feedback

    @property
    def _feedback_shown_yet(self) -> bool:
        return self._feedback is not None

    async def _show_feedback(self) -> None:
        """Switch to the feedback pane, mounting it on the first visit: most
        readers never get there, so the screen starts without it."""
        if self._feedback is None:
            from reader.ui.widgets.feedback_pane import FeedbackPane

            pane = self._feedback = FeedbackPane(id="feedback")
            await self._switcher.mount(pane)
            pane.show_earlier(self.memory.answer, self.source.sha256)
        self._switcher.current = "feedback"

    def _search_panel(self) -> SearchPanel | None:
        """The search panel, once `/` has been pressed (it is mounted then)."""
        from reader.ui.widgets.search_panel import SearchPanel

        panels = self.query("#search").results(SearchPanel)
        return next(panels, None)

    @property
    def on_feedback(self) -> bool:
        """Whether the feedback pane is showing."""
        return self.index >= len(self.article.sections)

    async def on_mount(self) -> None:
        width = self.app.size.width
        self.contents.display = width >= NARROW
        contents = min(CONTENTS_WIDTH, width * 2 // 5) if width >= NARROW else 0
        self.pane.expected_width = width - contents - 1  # 1: the scrollbar
        self.query_one("#indexing").display = not self.article.complete
        self.toc.show_article(self.article, self.index)
        self.toc.set_read(self._remembering.read_indices())
        self.watch(self.pane, "scroll_y", self._scrolled, init=False)
        self.pane.focus()
        if not self.article.complete and self._outliner is not None:
            # After the first frame: its processes would compete with it for
            # the machine's cores.
            self.call_after_refresh(self._finish_outline, self._outliner)
        position = self.memory.position if self._resume else None
        if position is None:
            await self.go(0)
        else:
            await self.go(resume_index(self.article, position), at=position.scroll_y)
            self._say_resumed()
        if self._anchor:
            from reader.ui.screens.following import go_to_anchor

            await go_to_anchor(self, self._anchor)

    @work(thread=True, exclusive=True, description="Finding the rest of the outline")
    def _finish_outline(self, outliner: Outliner) -> None:
        from reader.article.parallel import finish
        from reader.priority import at_lower_priority

        with paused_collection():
            article = at_lower_priority(partial(finish, outliner))
        self.app.call_from_thread(self.outline_complete, article)

    def outline_complete(self, article: Article) -> None:
        """The whole outline is known: show it all."""
        self.article = article
        self.toc.show_article(article, self.index)
        self.toc.set_read(self._remembering.read_indices())
        self.query_one("#indexing").display = False
        panel = self._search_panel()
        if panel is not None:
            panel.set_article(article)
        self.pane.set_article(article)
        self._update_position()
        self.refresh_bindings()

    def _say_resumed(self) -> None:
        if self.on_feedback:
            where = "the feedback pane"
        else:
            section = self.article.sections[self.index]
            where = f"§ {self.index + 1} — {section.label}"
        self.notify(f"Resumed at {where}; g for the start.", markup=False, timeout=4)

    # -- moving ---------------------------------------------------------------

    async def go(self, index: int, where: Where = "top", *, at: float = 0.0) -> None:
        """Show pane `index` (`len(sections)` is the feedback pane) from its top,
        its end, or `at` lines down."""
        index = max(0, min(index, self._last))
        self.index = index
        if self.on_feedback:
            had_focus = self.pane.has_focus
            await self._show_feedback()
            if had_focus:
                self.feedback_pane.focus()
        else:
            had_focus = self._feedback_shown_yet and self.feedback_pane.has_focus_within
            self._switcher.current = "pane"
            pane = self.pane
            section = self.article.sections[index]
            await pane.show(
                self.article, section, at="end" if where == "bottom" else at
            )
            if had_focus:
                pane.focus()
        self.toc.set_current(index)
        self._update_position()
        self._remembering.section_shown()
        self.refresh_bindings()

    def _scrolled(self) -> None:
        self._update_position()
        self._remembering.scrolled()
        # Code wider than the pane may have come into the section as the rest
        # of it was typeset: offer sideways scrolling from then on.
        self.refresh_bindings()

    def read_changed(self) -> None:
        """A section was marked read: show it."""
        self.toc.set_read(self._remembering.read_indices())
        self._update_position()

    def _update_position(self) -> None:
        if not self.article.complete:
            self._status.set_position(f"§ {self.index + 1} · indexing…")
            return
        text = str(progress(self.article, self.index, self.pane.fraction))
        read = len(self._remembering.read_indices())
        if read:
            text += f" · ✓ {read}/{len(self.article.sections)}"
        self._status.set_position(text)

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

    def action_scroll_right(self) -> None:
        self.pane.scroll_sideways(+1)
        self.refresh_bindings()

    def action_scroll_left(self) -> None:
        self.pane.scroll_sideways(-1)
        self.refresh_bindings()

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
        contents = self.contents
        contents.display = not contents.display
        if not contents.display and self.toc.has_focus:
            self.pane.focus()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.reader_app.quit_reading()

    def action_change_theme(self) -> None:
        self.app.action_change_theme()

    def action_suspend(self) -> None:
        self.save_place()
        self.app.action_suspend_process()

    def save_place(self) -> None:
        """Save where the reader is in this article now."""
        self._remembering.save()

    def action_back(self) -> None:
        self.save_place()
        self.app.pop_screen()

    @on(TableOfContents.SectionChosen)
    async def _section_chosen(self, event: TableOfContents.SectionChosen) -> None:
        await self.go(event.index)

    def refresh_bindings(self) -> None:
        """Refresh the footer, but only when what it offers has changed: Textual's
        footer rebuilds itself on every refresh, which costs a frame."""
        offered = tuple(
            bool(self.check_action(command.action, ()))
            for command in commands.COMMANDS
            if command.footer
        )
        if offered != self._offered:
            self._offered = offered
            super().refresh_bindings()

    @property
    def _last(self) -> int:
        """The last pane one can go to: the feedback pane, once the outline is
        complete; until then, the last section known."""
        count = len(self.article.sections)
        return count if self.article.complete else count - 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        count = len(self.article.sections)
        if action in ("answer_yes", "answer_no"):
            pane = self._feedback
            return (
                self.on_feedback
                and pane is not None
                and pane.is_mounted
                and pane.stage == "asking"
            )
        if action == "next_section":
            return self.index < self._last
        if action == "feedback":
            return self.article.complete and self.index < count
        if action in ("previous_section", "first_section"):
            return self.index > 0
        if action == "jump":
            return bool(parameters) and int(str(parameters[0])) <= count
        if action in ("scroll_down", "scroll_up"):
            return not self.on_feedback
        if action == "scroll_right":  # offered only when there is more to see
            return not self.on_feedback and self.pane.scroll_x < self.pane.max_scroll_x
        if action == "scroll_left":
            return not self.on_feedback and self.pane.scroll_x > 0
        if action in ("next_hit", "previous_hit", "clear_search"):
            return self._search is not None and self._search.active
        if action == "follow_link":
            return self.pane.chosen_link is not None and self.pane.has_focus
        if action == "back":  # to the screen this one was opened from
            stack = self.app.screen_stack
            return self in stack and stack.index(self) > 0
        return True

    # -- search ---------------------------------------------------------------

    async def action_search(self) -> None:
        panel = self._search_panel()
        if panel is None:
            from reader.ui.widgets.search_panel import SearchPanel

            panel = SearchPanel(self.article, id="search")
            await self.query_one("#main").mount(panel, before="#panes")
        panel.open()

    def on_search_panel_searched(self, event: SearchPanel.Searched) -> None:
        self._searching().found(event.result)
        self.refresh_bindings()

    async def on_search_panel_hit_chosen(self, event: SearchPanel.HitChosen) -> None:
        await self._searching().go_to(event.hit)

    def on_search_panel_closed(self) -> None:
        self.action_clear_search()

    def action_clear_search(self) -> None:
        panel = self._search_panel()
        if panel is not None:
            panel.display = False
        if self._search is not None:
            self._search.clear()
        (self.feedback_pane if self.on_feedback else self.pane).focus()
        self.refresh_bindings()

    async def action_next_hit(self) -> None:
        await self._searching().step(forward=True)

    async def action_previous_hit(self) -> None:
        await self._searching().step(forward=False)

    def _searching(self) -> Searching:
        """The screen's search (made, and its module imported, on first use)."""
        if self._search is None:
            from reader.ui.screens.searching import Searching

            self._search = Searching(self)
        return self._search

    # -- links ----------------------------------------------------------------

    def action_next_link(self) -> None:
        self._step_link(1)

    def action_previous_link(self) -> None:
        self._step_link(-1)

    def _step_link(self, step: int) -> None:
        """Choose the next link in the pane; past either end, move focus on."""
        pane = self.pane
        if not (pane.has_focus and pane.step_link(step)):
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()
        self.refresh_bindings()

    @on(SectionPane.LinkClicked)
    async def _link_clicked(self, event: SectionPane.LinkClicked) -> None:
        event.stop()
        from reader.ui.screens.following import follow

        await follow(self, event.href)

    async def action_follow_link(self) -> None:
        link = self.pane.chosen_link
        if link is not None:
            from reader.ui.screens.following import follow

            await follow(self, link.href)

    # -- feedback -------------------------------------------------------------

    def action_answer_yes(self) -> None:
        self.feedback_pane.answer("yes")

    def action_answer_no(self) -> None:
        self.feedback_pane.answer("no")

    def on_feedback_pane_answered(self, event: FeedbackPane.Answered) -> None:
        from reader.version import app_version

        self.refresh_bindings()
        self.persistence.add_answer(
            article_id=self.source.article_id,
            title=self.article.title,
            sha256=self.source.sha256,
            answer=event.answer,
            version=app_version(),
        )

    def on_feedback_pane_commented(self, event: FeedbackPane.Commented) -> None:
        self.refresh_bindings()
        if event.comment:
            self.persistence.comment_on_answer(event.comment)
