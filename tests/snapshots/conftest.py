"""Snapshots must not depend on how long a run took."""

from __future__ import annotations

import pytest

from reader.ui.screens import remembering


@pytest.fixture(autouse=True)
def no_reading_by_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short section counts as read after a moment; no snapshot waits that long,
    but a slow run might: keep "read" out of the pictures."""
    monkeypatch.setattr(remembering, "DWELL_SECONDS", 3600.0)
