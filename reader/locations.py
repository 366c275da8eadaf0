"""Every place on disk the reader uses, decided in one module.

- The bundled articles: `reader/content/` in an installed wheel, `content/`
  beside the package in a source checkout.
- The data dir holding `reader.db`: `--data-dir`, else `READER_DATA_DIR`, else
  the platform's user data dir (e.g. `~/.local/share/article-reader`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "article-reader"
DATA_DIR_ENV = "READER_DATA_DIR"
DATABASE_NAME = "reader.db"
DEFAULT_ARTICLE = "do-therapists-go-to-therapy.md"

_PACKAGE = Path(__file__).resolve().parent


def content_dir() -> Path:
    """The folder of bundled Markdown articles."""
    installed = _PACKAGE / "content"
    return installed if installed.is_dir() else _PACKAGE.parent / "content"


def default_article() -> Path:
    """The article `reader` opens with no argument."""
    return content_dir() / DEFAULT_ARTICLE


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where `reader.db` lives (see the module docstring for the order)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    """The database file inside data dir `directory`."""
    return directory / DATABASE_NAME
