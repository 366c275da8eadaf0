"""The README and its picture say what the app does now."""

from __future__ import annotations

import pytest

from docs.screenshot import SCREENSHOT, screenshot
from reader.ui.commands import COMMANDS
from reader.ui.screens import remembering
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_starts_with_the_two_set_up_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("make run")
    assert first_block.splitlines()[1].startswith("make test")


def test_the_readme_lists_every_key() -> None:
    table = README.split("## Keys", 1)[1].split("##", 1)[0]
    for command in COMMANDS:
        for key in command.keys_label.split():
            if key in {"1–9"}:
                assert "`1`–`9`" in table
            else:
                assert f"`{key}`" in table, (command.action, key)


def test_the_screenshot_is_what_the_app_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remembering, "DWELL_SECONDS", 3600.0)
    assert SCREENSHOT.read_text(encoding="utf-8") == screenshot(), (
        "docs/screenshot.svg is out of date: run `make screenshot`"
    )
