"""The Markdown articles in a folder, for `reader DIR`: names, titles, times.

The walk is bounded and never loops: symbolic links to folders are not
followed (a symbolic link to a file is read like the file); hidden entries
(`.git`, `.obsidian`, …), `node_modules` and `__pycache__` are skipped; at most
`MAX_ENTRIES` directory entries are looked at, and at most `max_files` articles
are read, each through `load_file` with its size cap. A file that cannot be
read (binary, undecodable, too big, unreadable, a broken link) is still listed,
with its file name as title and a `note` saying why: a reader who expects it
there learns why it will not open, instead of wondering where it went.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from reader.article import Outliner
from reader.article.words import reading_minutes
from reader.safe_text import safe_line
from reader.source import (
    DEFAULT_MAX_SIZE,
    SourceError,
    display_path,
    is_markdown_name,
    load_file,
)

MAX_FILES = 2_000
"""Articles read for one listing; later ones (in sorted order) are left out."""

MAX_ENTRIES = 100_000
"""Directory entries looked at, however deep the tree: the walk's bound."""

_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True)
class FolderEntry:
    """One Markdown file of a folder, as the picker and `--print` list it."""

    path: Path
    """The file: the folder joined with `relative` (not resolved)."""
    relative: str
    """Its path inside the folder, `/`-separated, made terminal-safe."""
    title: str
    """The article's title (terminal-safe); the file name if it was not read."""
    words: int
    note: str | None = None
    """Why it cannot be opened (one line), or None when it can."""

    @property
    def minutes(self) -> int:
        """Minutes it takes to read."""
        return reading_minutes(self.words)

    @property
    def readable(self) -> bool:
        """Whether it opened: no `note`."""
        return self.note is None


@dataclass(frozen=True)
class FolderListing:
    """A folder's articles, sorted by relative path."""

    folder: Path
    entries: tuple[FolderEntry, ...]
    complete: bool
    """False when Markdown files were left out: past `max_files`, or past
    `MAX_ENTRIES` directory entries."""


def find_articles(
    folder: str | os.PathLike[str],
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_files: int = MAX_FILES,
) -> list[FolderEntry]:
    """The Markdown files under `folder`, sorted, each read for title and time.

    Raises `SourceError` (one line, naming the folder) when `folder` cannot be
    listed or holds no Markdown file. Reads every listed file: run it off the
    event loop.
    """
    return list(list_folder(folder, max_size=max_size, max_files=max_files).entries)


@dataclass(frozen=True)
class FolderScan:
    """The Markdown files of a folder, found but not yet read."""

    folder: Path
    paths: tuple[PurePath, ...]
    """Relative paths, sorted; at most `max_files` of them."""
    complete: bool
    """False when Markdown files were left out (see `FolderListing.complete`)."""


def scan_folder(
    folder: str | os.PathLike[str], *, max_files: int = MAX_FILES
) -> FolderScan:
    """Find the Markdown files under `folder` without reading them (fast).

    Raises `SourceError` when `folder` cannot be listed or holds no Markdown.
    """
    root = Path(folder)
    found, walked_all = _markdown_files(root)
    if not found:
        where = "this folder" if walked_all else f"its first {MAX_ENTRIES:,} entries"
        raise SourceError(display_path(root), f"no Markdown files in {where}")
    found.sort(key=_sort_key)
    complete = walked_all and len(found) <= max_files
    return FolderScan(root, tuple(found[:max_files]), complete)


def list_folder(
    folder: str | os.PathLike[str],
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_files: int = MAX_FILES,
) -> FolderListing:
    """`find_articles`, also saying whether the listing is complete."""
    scan = scan_folder(folder, max_files=max_files)
    entries = tuple(
        read_entry(scan.folder, relative, max_size=max_size) for relative in scan.paths
    )
    return FolderListing(scan.folder, entries, scan.complete)


def read_entry(
    folder: Path, relative: PurePath, *, max_size: int = DEFAULT_MAX_SIZE
) -> FolderEntry:
    """One file of the folder, read for its title and length."""
    path = folder / relative
    shown = safe_line(relative.as_posix())
    try:
        source = load_file(path, max_size=max_size)
    except SourceError as error:
        return FolderEntry(path, shown, safe_line(relative.name), 0, error.reason)
    article = Outliner(source.text, name=safe_line(relative.name)).run()
    return FolderEntry(path, shown, safe_line(article.title), article.words)


def _markdown_files(root: Path) -> tuple[list[PurePath], bool]:
    """Relative paths of the Markdown files under `root`, and whether the walk
    got through every folder within `MAX_ENTRIES`."""
    found: list[PurePath] = []
    for seen, (relative, is_dir) in enumerate(_walk(root), 1):
        if seen > MAX_ENTRIES:
            return found, False
        if not is_dir and is_markdown_name(relative.name):
            found.append(relative)
    return found, True


def _walk(root: Path) -> Iterator[tuple[PurePath, bool]]:
    """Every entry under `root` (relative path, is a real folder), top down.

    Only the top folder's own errors are raised; a subfolder that cannot be
    listed is passed over.
    """
    pending = [PurePath()]
    while pending:
        relative = pending.pop()
        try:
            with os.scandir(root / relative) as scan:
                entries = list(scan)
        except OSError as error:
            if relative == PurePath():
                raise SourceError(display_path(root), _folder_error(error)) from None
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name in _SKIPPED_FOLDERS:
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            child = relative / entry.name
            if is_dir:
                pending.append(child)
            yield child, is_dir


def _folder_error(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, NotADirectoryError):
        return "not a folder"
    if isinstance(error, FileNotFoundError):
        return "no such folder"
    return safe_line(error.strerror or type(error).__name__).lower()


def _sort_key(relative: PurePath) -> tuple[tuple[str, str], ...]:
    """Folder by folder, case-insensitively (then exactly, for a stable order)."""
    return tuple((part.casefold(), part) for part in relative.parts)
