"""The `?` screen: how to read, then every key, generated from the commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
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


def help_rows() -> dict[str, list[tuple[str, str]]]:
    """(keys, what they do) by group: the declared commands, then Textual's own."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for group, members in commands.groups().items():
        grouped[group] = [
            (command.keys_label or f"Ctrl+P {command.title.lower()}", command.help)
            for command in members
        ]
    for keys, text, group in commands.FIXED_KEYS:
        grouped.setdefault(group, []).append((keys, text))
    return grouped


class HelpScreen(ModalScreen[None]):
    """Every key of the reader, grouped, with a short how-to at the top."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(
                Content.styled("How to read with reader", "bold"), classes="title"
            )
            yield Static(Content(HOW_TO_READ), classes="how-to")
            for group, rows in help_rows().items():
                yield Static(Content.styled(group, "bold $accent"), classes="group")
                for keys, text in rows:
                    with Horizontal(classes="row"):
                        yield Static(Content.styled(keys, "bold"), classes="keys")
                        yield Static(Content(text), classes="does")
            yield Static(Content("Esc, ? or q closes this."), classes="closing")
