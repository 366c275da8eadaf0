"""The `/` search box: type to search every section, pick a hit to go there."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.article import Article
from reader.article.search import Hit, SearchIndex, SearchResult

SHOWN_HITS = 200
"""Hits listed at most (all of them still count, and `]` visits every one)."""


class HitList(OptionList, can_focus=False):
    """The hits; focus stays in the query box, whose up and down move in here."""


class SearchPanel(Vertical):
    """A query box, what it found, and the hits with their section and snippet.

    The article's plain text is indexed (in a thread) the first time the panel
    opens; every edit of the query then searches the whole index, also in a
    thread, and the result is posted as `Searched`.
    """

    BINDINGS = [
        Binding("escape", "close", "Close search", show=False),
        Binding("down", "move(1)", "Next hit", show=False),
        Binding("up", "move(-1)", "Previous hit", show=False),
    ]

    class Searched(Message):
        """A search finished (a blank query gives an empty result)."""

        def __init__(self, result: SearchResult) -> None:
            super().__init__()
            self.result = result

    class HitChosen(Message):
        """The reader picked a hit to go to."""

        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    class Closed(Message):
        """The reader closed the search with escape: the search is over."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._article = article
        self._index: SearchIndex | None = None
        self._hits: tuple[Hit, ...] = ()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search all sections", id="query")
        yield Static(id="search-status")
        yield HitList(id="hits")

    def on_mount(self) -> None:
        self.display = False

    def set_article(self, article: Article) -> None:
        """Search `article` from now on (its outline became complete)."""
        self._article = article
        self._index = None
        if self.display:
            self._set_status("indexing…")
            self._build_index()

    def open(self) -> None:
        """Show the panel with the query box focused and its text selected."""
        self.display = True
        query = self.query_one("#query", Input)
        query.focus()
        query.select_all()
        if self._index is None:
            self._set_status("indexing…")
            self._build_index()

    @work(
        thread=True,
        exclusive=True,
        group="search-index",
        description="Indexing the article for search",
    )
    def _build_index(self) -> None:
        index = SearchIndex(self._article)
        self.app.call_from_thread(self._index_built, index)

    def _index_built(self, index: SearchIndex) -> None:
        self._index = index
        self._search(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._index is not None:
            self._search(event.value)

    @work(thread=True, exclusive=True, group="search", description="Searching")
    def _search(self, query: str) -> None:
        if self._index is not None:
            result = self._index.search(query)
            self.app.call_from_thread(self._show_result, result)

    def _show_result(self, result: SearchResult) -> None:
        self._hits = result.hits[:SHOWN_HITS]
        more = result.total - len(self._hits)
        status = result.describe() if result.query.strip() else ""
        if more > 0:
            status += f" (the first {SHOWN_HITS:,} listed; ] visits them all)"
        self._set_status(status)
        hits = self.query_one(HitList)
        hits.clear_options()
        hits.add_options(Option(_hit_label(hit, self._article)) for hit in self._hits)
        hits.display = bool(self._hits)
        if self._hits:
            hits.highlighted = 0
        self.post_message(self.Searched(result))

    def _set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one(HitList).highlighted or 0)

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self._hits):
            self.display = False
            self.post_message(self.HitChosen(self._hits[index]))

    def action_move(self, step: int) -> None:
        hits = self.query_one(HitList)
        if self._hits:
            current = hits.highlighted if hits.highlighted is not None else -step
            hits.highlighted = max(0, min(current + step, len(self._hits) - 1))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())


def _hit_label(hit: Hit, article: Article) -> Content:
    """`§ 12 Educational purposes` over the snippet, the match emphasised."""
    section = article.sections[hit.section]
    heading = Content.styled(f"§ {hit.section + 1} {section.label}", "bold")
    snippet = Content(hit.snippet).stylize("reverse", hit.match_start, hit.match_end)
    return Content.assemble(heading, "\n", snippet)
