"""Every command of the reading screen, declared once.

A `Command`'s key bindings, footer entry, help-screen line and command-palette
entry are all derived from its declaration here, so they cannot drift apart.
Which commands can run at a given moment is the reading screen's
`check_action`; those that cannot are hidden everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

_KEY_NAMES = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "space": "Space",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "escape": "Esc",
    "enter": "Enter",
    "backspace": "Backspace",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "ctrl+p": "Ctrl+P",
    "ctrl+z": "Ctrl+Z",
    "alt+left": "Alt+←",
    "shift+right": "Shift+→",
    "shift+left": "Shift+←",
    "greater_than_sign": ">",
    "less_than_sign": "<",
}


def key_label(key: str) -> str:
    """How a Textual key name is written for people: `right` is `→`."""
    return _KEY_NAMES.get(key, key)


@dataclass(frozen=True)
class Command:
    """One thing the reader can do, and every way it is offered."""

    action: str
    keys: tuple[str, ...]
    title: str
    """Short: the footer's and the palette's words."""
    help: str
    """One line for the help screen and the palette."""
    group: str
    footer: bool = False
    palette: bool = True

    @property
    def keys_label(self) -> str:
        """All of the command's keys, as people write them ("" if none: a
        command of the palette only)."""
        return " ".join(key_label(key) for key in self.keys)

    def bindings(self) -> list[Binding]:
        """Key bindings: the first key may show in the footer, the rest never do."""
        if not self.keys:
            return []
        primary, *others = self.keys
        bindings = [
            Binding(
                primary,
                self.action,
                self.title,
                show=self.footer,
                key_display=key_label(primary),
            )
        ]
        bindings.extend(
            Binding(key, self.action, self.title, show=False) for key in others
        )
        return bindings


@dataclass(frozen=True)
class JumpCommand(Command):
    """`1`–`9`: one declaration for nine keys, each jumping to its section."""

    @property
    def keys_label(self) -> str:
        return f"{self.keys[0]}–{self.keys[-1]}"

    def bindings(self) -> list[Binding]:
        return [
            Binding(key, f"{self.action}({key})", f"Section {key}", show=False)
            for key in self.keys
        ]


MOVE = "Move between sections"
READ = "Read"
FIND = "Find"
FEEDBACK = "Feedback (on the last pane)"
APP = "The reader"

COMMANDS: tuple[Command, ...] = (
    Command("next_section", ("right", "l"), "Next", "Next section", MOVE, footer=True),
    Command(
        "previous_section",
        ("left", "h"),
        "Prev",
        "Previous section",
        MOVE,
        footer=True,
    ),
    Command("first_section", ("home", "g"), "First", "First section", MOVE),
    Command(
        "feedback", ("end", "G"), "Feedback", "The feedback pane, at the end", MOVE
    ),
    JumpCommand(
        "jump", tuple("123456789"), "Section N", "Section number N", MOVE, palette=False
    ),
    Command(
        "back",
        ("backspace", "alt+left"),
        "Back",
        "Back to the article you followed a link from",
        MOVE,
        footer=True,
    ),
    Command(
        "scroll_down",
        ("down", "j"),
        "Scroll down",
        "Scroll down a line",
        READ,
        palette=False,
    ),
    Command(
        "scroll_up", ("up", "k"), "Scroll up", "Scroll up a line", READ, palette=False
    ),
    Command(
        "page_forward",
        ("space", "pagedown"),
        "Page down",
        "Page down; at the end of a section, on to the next",
        READ,
        palette=False,
    ),
    Command(
        "page_back",
        ("b", "pageup"),
        "Page up",
        "Page up; at the top of a section, back to the end of the one before",
        READ,
        palette=False,
    ),
    Command(
        "scroll_right",
        ("shift+right", "greater_than_sign"),
        "Wider",
        "Scroll right, to see wide code or tables",
        READ,
        footer=True,
    ),
    Command(
        "scroll_left",
        ("shift+left", "less_than_sign"),
        "Left",
        "Scroll back left",
        READ,
        footer=True,
    ),
    Command(
        "toggle_toc",
        ("t",),
        "Contents",
        "Show or hide the table of contents",
        READ,
        footer=False,
    ),
    Command(
        "next_link",
        ("tab",),
        "Next link",
        "Next link in the section, then on to the table of contents",
        READ,
        palette=False,
    ),
    Command(
        "previous_link",
        ("shift+tab",),
        "Previous link",
        "Previous link in the section",
        READ,
        palette=False,
    ),
    Command(
        "follow_link", ("enter",), "Follow", "Follow the chosen link", READ, footer=True
    ),
    Command("search", ("slash",), "Search", "Search every section", FIND, footer=True),
    Command(
        "next_hit",
        ("right_square_bracket",),
        "Next hit",
        "Next search hit, in this section or the ones after",
        FIND,
        footer=True,
    ),
    Command(
        "previous_hit",
        ("left_square_bracket",),
        "Prev hit",
        "Previous search hit",
        FIND,
        footer=False,
    ),
    Command(
        "clear_search", ("escape",), "Clear", "Clear the search", FIND, palette=False
    ),
    Command(
        "answer_yes",
        ("y",),
        "Yes",
        "Answer Yes to “Was this helpful?”",
        FEEDBACK,
        footer=True,
    ),
    Command(
        "answer_no",
        ("n",),
        "No",
        "Answer No to “Was this helpful?”",
        FEEDBACK,
        footer=True,
    ),
    Command("help", ("question_mark",), "Help", "Show every key", APP, footer=True),
    Command("change_theme", (), "Theme", "Change the colour theme", APP),
    Command(
        "suspend",
        ("ctrl+z",),
        "Suspend",
        "Suspend to the shell (fg comes back; your place is kept)",
        APP,
    ),
    Command("quit", ("q",), "Quit", "Quit (your place is kept)", APP, footer=True),
)
"""The reading screen's commands, in the order the help screen lists them."""

FIXED_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Ctrl+P", "Command palette: go to a section, change the theme, …", APP),
)
"""Keys Textual itself provides, listed beside ours in the help screen."""


def bindings(commands: tuple[Command, ...] = COMMANDS) -> list[BindingType]:
    """The key bindings of all `commands`."""
    return [binding for command in commands for binding in command.bindings()]


def groups(commands: tuple[Command, ...] = COMMANDS) -> dict[str, list[Command]]:
    """Commands by group, in declaration order."""
    grouped: dict[str, list[Command]] = {}
    for command in commands:
        grouped.setdefault(command.group, []).append(command)
    return grouped
