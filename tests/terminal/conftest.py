"""What the real-terminal tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.terminal.tmux import Terminal


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A 100×30 tmux terminal, closed after the test."""
    terminal = Terminal(100, 30)
    yield terminal
    terminal.close()
