"""The look of the reader, screen by screen (pytest-textual-snapshot).

Each snapshot is an SVG under `__snapshots__/`, accepted after being looked at
(`pytest tests/snapshots --snapshot-update`, then the report). Nothing is saved
(no data dir is used) and every text cursor is still, so each run draws the
same screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.source import load_file
from tests.app.helpers import make_app

Snap = Callable[..., bool]


def steps(*keys: str, pause: float = 0.2) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `keys`, let the app settle, and stop every text cursor blinking."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(pause)
        still(pilot.app.screen.query(Input))

    return run


def still(inputs: Iterable[Input]) -> None:
    for text_box in inputs:
        text_box.cursor_blink = False


def test_first_pane(snap_compare: Snap) -> None:
    """The bundled article as it opens: contents, the opening section, footer."""
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=steps())


def test_middle_pane_with_contents(snap_compare: Snap) -> None:
    """§ 7, a long section with a list, its entry marked in the contents."""
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=steps("7"))


def test_middle_pane_light_theme(snap_compare: Snap) -> None:
    """The same in Textual's light theme."""
    app = make_app(theme="textual-light")
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("7"))


def test_narrow_terminal(snap_compare: Snap) -> None:
    """60×20: the contents start hidden, the text keeps its margins."""
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=steps("3"))


def test_small_terminal(snap_compare: Snap) -> None:
    """80×24, the common default."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steps("2"))


def test_wide_terminal(snap_compare: Snap) -> None:
    """200×60: the text stays at its measure, centred."""
    assert snap_compare(make_app(), terminal_size=(200, 60), run_before=steps("2"))


def test_help_screen(snap_compare: Snap) -> None:
    """`?`: how to read, then every key by group."""
    app = make_app()
    assert snap_compare(app, terminal_size=(100, 40), run_before=steps("question_mark"))


def test_palette_go_to_section(snap_compare: Snap) -> None:
    """Ctrl+P and "ethical iss": the palette offers "Go to section 6: …"."""
    app = make_app()
    run = steps("ctrl+p", *"ethical iss", pause=0.5)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_search_with_hits(snap_compare: Snap) -> None:
    """`/` and "isolation": hits by section with snippets, counts in the contents."""
    app = make_app()
    run = steps("slash", *"isolation")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_search_hit_in_the_pane(snap_compare: Snap) -> None:
    """A hit chosen: its section, the match marked, the hit's number in the footer."""
    app = make_app()
    run = steps("slash", *"isolation", "down", "enter")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_feedback_before_answering(snap_compare: Snap) -> None:
    """The last pane: "Was this helpful?" with Yes and No."""
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=steps("end"))


def test_feedback_asking_for_a_comment(snap_compare: Snap) -> None:
    """After No: the comment box, with what it is for and how to leave it."""
    app = make_app()
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("end", "n"))


def test_feedback_after_answering(snap_compare: Snap) -> None:
    """After Yes and Escape: thanks."""
    app = make_app()
    run = steps("end", "y", "escape")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_error_notice(snap_compare: Snap, tmp_path: Path) -> None:
    """A refused link: the reader stays put and says why in a notice."""
    article = tmp_path / "links.md"
    article.write_text("# Links\n\nA [script](java%73cript:alert(1)) link.\n")
    app = make_app(load_file(article))
    run = steps("tab", "enter")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_link_confirmation(snap_compare: Snap, tmp_path: Path, theme: str) -> None:
    """A web link: its exact target, and the punycode warning, before opening."""
    article = tmp_path / "web.md"
    article.write_text("# Web\n\nSee [this](https://xn--pple-43d.com/login).\n")
    app = make_app(load_file(article), theme=theme)
    run = steps("tab", "enter")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run)
