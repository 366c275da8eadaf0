"""`load_file` and `load_stream`: only regular files, never blocking, capped."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from reader import source
from reader.source import (
    EMPTY_NOTICE,
    Source,
    SourceError,
    display_path,
    is_markdown_name,
    load_file,
    load_stream,
    parse_size,
)

IS_ROOT = os.geteuid() == 0


def refused(path: str | os.PathLike[str], **options: int) -> str:
    """The one-line error `load_file` gives, finishing within five seconds."""
    outcome: list[BaseException | Source] = []

    def load() -> None:
        try:
            outcome.append(load_file(path, **options))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "load_file blocked"
    (result,) = outcome
    assert isinstance(result, SourceError), result
    return str(result)


def test_a_markdown_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"# Notes\r\n\r\nText.\r\n")
    loaded = load_file(path)
    assert loaded.text == "# Notes\n\nText.\n"
    assert loaded.name == "notes.md"
    assert loaded.article_id == os.fspath(path.resolve())
    assert loaded.folder == path.resolve().parent
    assert loaded.notice is None
    assert loaded.sha256 == hashlib.sha256(loaded.text.encode()).hexdigest()


def test_a_link_is_read_as_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("# T\n")
    (tmp_path / "link.md").symlink_to(target)
    assert load_file(tmp_path / "link.md").article_id == os.fspath(target.resolve())


def test_an_empty_file_is_read_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    assert load_file(tmp_path / "empty.md").notice == EMPTY_NOTICE


def test_windows_1252_is_read_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes(b"# Caf\xe9\n\nNa\xefve text here.\n")
    loaded = load_file(tmp_path / "old.md")
    assert loaded.text.startswith("# Café")
    assert loaded.notice is not None and "Windows-1252" in loaded.notice


def test_missing(tmp_path: Path) -> None:
    assert refused(tmp_path / "gone.md").endswith("gone.md: no such file")


def test_a_folder(tmp_path: Path) -> None:
    assert refused(tmp_path) == f"{tmp_path}: a folder, not a Markdown file"


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    assert refused(tmp_path / "pipe.md").endswith(": a named pipe, not a Markdown file")


def test_a_socket(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(os.fspath(tmp_path / "s.md"))
    assert refused(tmp_path / "s.md").endswith(": a socket, not a Markdown file")


def test_a_device() -> None:
    assert refused("/dev/zero") == "/dev/zero: a character device, not a Markdown file"


def test_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    assert "a symbolic link loop" in refused(tmp_path / "a.md")


def test_a_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "nowhere.md")
    assert refused(tmp_path / "a.md").endswith(
        ": a broken symbolic link (its target does not exist)"
    )


def test_a_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "f.md").write_text("x")
    assert refused(tmp_path / "f.md" / "x.md").endswith(
        ": a part of the path is not a folder"
    )


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source.os, "open", deny)
    assert refused(path) == f"{path}: permission denied"


def test_an_unreadable_file_really(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n")
    path.chmod(0)
    if IS_ROOT:  # file modes do not stop root: it reads the file, as cat would
        assert load_file(path).text == "# Secret\n"
    else:
        assert refused(path) == f"{path}: permission denied"


def test_a_file_swapped_for_a_fifo_after_the_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.md"
    regular.write_text("x")
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    real_stat = os.stat

    def swapped(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return real_stat(regular)

    monkeypatch.setattr(source.os, "stat", swapped)
    assert refused(fifo).endswith(": changed while opening, not a regular file")


def test_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 2048)
    assert load_file(path, max_size=2048).text == "x" * 2048
    assert refused(path, max_size=2047).endswith(
        ": larger than the 2 KB limit (use --max-size to raise it)"
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_the_size_cap_holds_when_the_size_says_zero() -> None:
    assert os.stat("/proc/self/status").st_size == 0
    assert "larger than the 100 bytes limit" in refused(
        "/proc/self/status", max_size=100
    )
    assert "Name:" in load_file("/proc/self/status").text


def test_binary_is_refused_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "doc.md").write_bytes(b"%PDF-1.7\n")
    assert (
        refused(tmp_path / "doc.md")
        == f"{tmp_path}/doc.md: not a text file (a PDF document)"
    )


def test_file_names_are_shown_safely(tmp_path: Path) -> None:
    name = "evil \x1b]0;pwned\x07\nname.md"
    message = refused(tmp_path / name)
    assert "\x1b" not in message and "\n" not in message and "\x07" not in message
    assert message.endswith("evil ␛]0;pwned␇ name.md: no such file")
    (tmp_path / name).write_text("text")
    assert load_file(tmp_path / name).name == "evil ␛]0;pwned␇ name.md"


def test_display_path() -> None:
    assert display_path("a\tb\nc\x1b[2J.md") == "a b c␛[2J.md"
    assert display_path(os.fsdecode(b"caf\xe9.md")) == "caf\ufffd.md"
    assert display_path(Path("x/y.md")) == "x/y.md"


def test_standard_input() -> None:
    loaded = load_stream(io.BytesIO(b"\xef\xbb\xbf# Piped\r\n"))
    assert loaded.text == "# Piped\n"
    assert loaded.name == "standard input"
    digest = hashlib.sha256(b"# Piped\n").hexdigest()
    assert loaded.article_id == f"stdin:{digest[:16]}"
    assert loaded.folder is None and loaded.notice is None


def test_standard_input_empty_big_or_binary() -> None:
    assert load_stream(io.BytesIO(b"")).notice == EMPTY_NOTICE
    with pytest.raises(SourceError, match=r"^standard input: larger than the 10 bytes"):
        load_stream(io.BytesIO(b"x" * 11), max_size=10)
    with pytest.raises(SourceError, match=r"^standard input: not a text file"):
        load_stream(io.BytesIO(b"\x7fELF"))


def test_a_source_error_keeps_its_parts() -> None:
    error = SourceError("x.md", "no such file")
    assert (str(error), error.shown, error.reason) == (
        "x.md: no such file",
        "x.md",
        "no such file",
    )


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("4096", 4096),
        ("500K", 500 * 1024),
        ("500k", 500 * 1024),
        ("10M", 10 * 1024**2),
        ("10MB", 10 * 1024**2),
        ("10MiB", 10 * 1024**2),
        ("2G", 2 * 1024**3),
        ("1.5M", 1024**2 * 3 // 2),
        (" 7 b ", 7),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize(
    "text", ["", "0", "0K", "-1", "10X", "M", "1e9", "ten", "1.2.3"]
)
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


@pytest.mark.parametrize(
    ("name", "markdown"),
    [
        ("a.md", True),
        ("A.MD", True),
        ("a.markdown", True),
        ("a.txt", False),
        ("md", False),
    ],
)
def test_is_markdown_name(name: str, markdown: bool) -> None:
    assert is_markdown_name(name) is markdown


def test_modes_are_checked_before_opening(tmp_path: Path) -> None:
    """The stat decides; `S_ISREG` is the only kind ever opened."""
    os.mkfifo(tmp_path / "p")
    assert stat.S_ISFIFO(os.stat(tmp_path / "p").st_mode)
    assert "named pipe" in refused(tmp_path / "p")
