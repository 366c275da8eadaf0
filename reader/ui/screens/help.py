"""The `?` screen: how to read, then every key, generated from the commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui import commands

HOW_TO_READ = (
    "An article is read one section at a time. → and ← move between sections; "
    "Space pages down and, at the end of a section, carries on into the next, so "
    "you can read the whole article with one key. The table of contents on the "
    "left follows along (t hides it, Tab moves into it). The last pane asks "
    "whether the article was helpful; your answer stays on this computer. "
    "q quits, and your place is kept."
)


def help_text() -> Content:
    """The help screen's text: the paragraph, then keys grouped by purpose."""
    grouped = commands.groups()
    for *_, group in commands.FIXED_KEYS:
        grouped.setdefault(group, [])
    parts: list[Content] = [Content(HOW_TO_READ), Content("\n")]
    for group, members in grouped.items():
        parts.append(Content.styled(f"\n{group}\n", "bold $accent"))
        rows = [(command.keys_label, command.help) for command in members]
        rows += [
            (key, text) for key, text, fixed in commands.FIXED_KEYS if fixed == group
        ]
        for keys, text in rows:
            parts.append(Content.assemble((f"  {keys:<16}", "bold"), text, "\n"))
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Every key of the reader, grouped, with a short how-to at the top."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(
                Content.styled("How to read with reader", "bold"), id="help-title"
            )
            yield Static(help_text(), id="help-text")
