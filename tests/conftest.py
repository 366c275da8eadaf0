"""Shared test set-up: every test gets its own data dir, so none touches yours."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh `READER_DATA_DIR` for each test."""
    directory = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(directory))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield directory
