"""Asking before a link leaves the terminal for the browser."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.links import WebLink


class ConfirmLinkScreen(ModalScreen[bool]):
    """Shows the exact target of a web link; dismisses True to open it."""

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", "Cancel", show=True),
        Binding("o,y", "dismiss(True)", "Open", show=True),
    ]

    def __init__(self, link: WebLink) -> None:
        super().__init__()
        self.link = link

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-link"):
            yield Static(Content.styled("Open this link in your browser?", "bold"))
            yield Static(Content(self.link.shown), id="link-target")
            if self.link.warning:
                yield Static(Content("⚠ " + self.link.warning), id="link-warning")
            with Horizontal(id="link-buttons"):
                yield Button("Open", id="open", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "open")
