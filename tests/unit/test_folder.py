"""`find_articles`: a folder's Markdown files, sorted, titled, bounded."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

import pytest

from reader import folder as folder_module
from reader.folder import FolderEntry, find_articles, list_folder, read_entry
from reader.source import SourceError


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    write(root / "beta.md", "# Beta\n\n" + "word " * 460)
    write(root / "Alpha.markdown", "---\ntitle: Alpha from front matter\n---\n\nHi.\n")
    write(root / "a-sub" / "gamma.md", "No heading, so the file name is the title.\n")
    write(root / "a-sub" / "deeper" / "delta.MD", "# Delta\n")
    write(root / "zeta.txt", "# Not Markdown by name\n")
    write(root / ".hidden" / "secret.md", "# Hidden\n")
    write(root / ".draft.md", "# Draft\n")
    write(root / "node_modules" / "pkg" / "README.md", "# A dependency\n")
    return root


def test_lists_markdown_sorted_by_relative_path(articles: Path) -> None:
    entries = find_articles(articles)
    assert [entry.relative for entry in entries] == [
        "a-sub/deeper/delta.MD",
        "a-sub/gamma.md",
        "Alpha.markdown",
        "beta.md",
    ]
    assert entries[0] == FolderEntry(
        articles / "a-sub" / "deeper" / "delta.MD", "a-sub/deeper/delta.MD", "Delta", 1
    )


def test_titles_and_reading_times(articles: Path) -> None:
    by_path = {entry.relative: entry for entry in find_articles(articles)}
    assert by_path["Alpha.markdown"].title == "Alpha from front matter"
    assert by_path["a-sub/gamma.md"].title == "gamma.md"
    beta = by_path["beta.md"]
    assert (beta.title, beta.words, beta.minutes) == ("Beta", 461, 3)
    assert all(entry.readable and entry.note is None for entry in by_path.values())


def test_unreadable_files_are_listed_with_a_note(tmp_path: Path) -> None:
    write(tmp_path / "binary.md", b"%PDF-1.7\n")
    write(tmp_path / "big.md", "# Big\n" + "x" * 2000)
    write(tmp_path / "latin.md", b"\xfd\xfc\xfb\xfa bytes")
    (tmp_path / "broken.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "folder.md").mkdir()  # a folder with a Markdown name: walked
    notes = {
        entry.relative: (entry.title, entry.note)
        for entry in find_articles(tmp_path, max_size=1024)
    }
    assert notes == {
        "big.md": ("big.md", "larger than the 1 KB limit (use --max-size to raise it)"),
        "binary.md": ("binary.md", "not a text file (a PDF document)"),
        "broken.md": (
            "broken.md",
            "a broken symbolic link (its target does not exist)",
        ),
        "fifo.md": ("fifo.md", "a named pipe, not a Markdown file"),
        "latin.md": (
            "latin.md",
            "not valid UTF-8 at byte 0 (line 1); save it as UTF-8 to read it",
        ),
        "loop.md": (
            "loop.md",
            "a symbolic link loop (too many levels of symbolic links)",
        ),
    }


def test_linked_folders_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "one.md", "# One\n")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "elsewhere").symlink_to("/")
    (tmp_path / "linked.md").symlink_to(tmp_path / "one.md")  # a file: read
    assert [entry.relative for entry in find_articles(tmp_path)] == [
        "linked.md",
        "one.md",
    ]


def test_hostile_names_are_shown_safely(tmp_path: Path) -> None:
    write(tmp_path / "evil \x1b]0;x\x07\n.md", "# Title \x1b[2J\n")
    (entry,) = find_articles(tmp_path)
    assert entry.relative == "evil ␛]0;x␇ .md"
    assert entry.title == "Title ␛[2J"


def test_no_markdown_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt", "# x\n")
    with pytest.raises(SourceError) as raised:
        find_articles(tmp_path)
    assert str(raised.value) == f"{tmp_path}: no Markdown files in this folder"


@pytest.mark.parametrize(
    ("name", "reason"), [("missing", "no such folder"), ("file.md", "not a folder")]
)
def test_not_a_folder(tmp_path: Path, name: str, reason: str) -> None:
    write(tmp_path / "file.md", "x")
    with pytest.raises(SourceError, match=f": {reason}$"):
        find_articles(tmp_path / name)


def test_an_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "top" / "a.md", "# A\n")
    write(tmp_path / "top" / "locked" / "b.md", "# B\n")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name in ("locked", "top-locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(folder_module.os, "scandir", scandir)
    # A subfolder that cannot be listed is passed over...
    assert [entry.relative for entry in find_articles(tmp_path / "top")] == ["a.md"]
    # ...but the folder asked for says so.
    (tmp_path / "top").rename(tmp_path / "top-locked")
    with pytest.raises(SourceError, match=r": permission denied$"):
        find_articles(tmp_path / "top-locked")


def test_at_most_max_files_are_read(tmp_path: Path) -> None:
    for number in range(12):
        write(tmp_path / f"{number:02}.md", f"# Article {number}\n")
    listing = list_folder(tmp_path, max_files=5)
    assert [entry.title for entry in listing.entries] == [
        f"Article {number}" for number in range(5)
    ]
    assert not listing.complete
    assert list_folder(tmp_path, max_files=12).complete


def test_the_walk_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(30):
        write(tmp_path / f"d{number:02}" / "a.md", "# A\n")
    monkeypatch.setattr(folder_module, "MAX_ENTRIES", 40)
    listing = list_folder(tmp_path)
    assert 0 < len(listing.entries) < 30
    assert not listing.complete
    monkeypatch.setattr(folder_module, "MAX_ENTRIES", 20)
    with pytest.raises(SourceError, match="no Markdown files in its first 20 entries"):
        list_folder(tmp_path)


def test_read_entry(tmp_path: Path) -> None:
    write(tmp_path / "x" / "y.md", "# Why\n\nOne two three.\n")
    entry = read_entry(tmp_path, PurePath("x/y.md"))
    assert (entry.relative, entry.title, entry.words, entry.minutes) == (
        "x/y.md",
        "Why",
        4,
        1,
    )
