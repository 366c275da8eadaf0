"""The table of contents: the article's sections as a tree, built from our model."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.article import Article, Section

INDEXING = "indexing…"


class TableOfContents(Tree[int], inherit_bindings=False):
    """Sections by heading level; marks the current one, read ones and search hits.

    Labels are `rich.text.Text`, never markup strings: a heading like `[/]` or
    `[@click=app.quit]` is shown as written.
    """

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select_cursor", "Open", show=False),
    ]

    class SectionChosen(Message):
        """The reader picked a section in the table of contents."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("Contents", id=id)
        self.show_root = False
        self.show_guides = False
        self.guide_depth = 2
        self.auto_expand = False
        self._article: Article | None = None
        self._section_nodes: list[TreeNode[int]] = []
        self._current = -1
        self._read: frozenset[int] = frozenset()
        self._hits: dict[int, int] = {}

    def show_article(self, article: Article, current: int) -> None:
        """(Re)build the tree for `article`, with section `current` marked."""
        self._article = article
        self._current = current
        self.clear()
        parents: list[tuple[int, TreeNode[int]]] = []
        self._section_nodes = []
        for section in article.sections:
            level = max(section.level, 1)
            while parents and parents[-1][0] >= level:
                parents.pop()
            parent = parents[-1][1] if parents else self.root
            node = parent.add(
                self._label(section),
                data=section.index,
                expand=True,
                allow_expand=False,
            )
            parents.append((level, node))
            self._section_nodes.append(node)
        if not article.complete:
            self.root.add_leaf(Text(INDEXING, style="italic dim"))
        self.root.expand()
        self._move_cursor_to_current()

    def set_current(self, index: int) -> None:
        """Mark section `index` as the one being read (past the end: none)."""
        previous, self._current = self._current, index
        self._relabel(previous, index)
        self._move_cursor_to_current()

    def set_read(self, read: frozenset[int]) -> None:
        """Mark the sections in `read` as read."""
        changed = read ^ self._read
        self._read = read
        self._relabel(*changed)

    def set_hits(self, hits: dict[int, int]) -> None:
        """Show `hits[index]` search hits beside each section (empty: none)."""
        changed = set(hits) | set(self._hits)
        self._hits = dict(hits)
        self._relabel(*changed)

    def _relabel(self, *indices: int) -> None:
        if self._article is None:
            return
        for index in indices:
            if 0 <= index < len(self._section_nodes):
                self._section_nodes[index].set_label(
                    self._label(self._article.sections[index])
                )

    def _label(self, section: Section) -> Text:
        if section.index == self._current:
            marker = Text("▸ ", style="bold")
        elif section.index in self._read:
            marker = Text("✓ ", style="dim")
        else:
            marker = Text("  ")
        title = Text(
            section.label, style="bold" if section.index == self._current else ""
        )
        if not section.title:
            title.stylize("italic")
        hits = self._hits.get(section.index)
        count = Text(f"{hits:,}", style="bold reverse") if hits else Text()
        return Text.assemble(marker, count, " " if hits else "", title)

    def _move_cursor_to_current(self) -> None:
        if 0 <= self._current < len(self._section_nodes):
            self.move_cursor(self._section_nodes[self._current])

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))
