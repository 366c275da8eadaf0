"""The command line without the TUI: arguments, dispatch, exit codes, output."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parents[2]
SGR_COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")

ARTICLE = "# Title\n\nOpening.\n\n## Why [bold]x\n\nBecause.\n\n## How\n\nLike so.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(
    capsys: pytest.CaptureFixture[str], *argv: str | os.PathLike[str]
) -> tuple[int, str, str]:
    status = main([os.fspath(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_print(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, out, err = run(capsys, "--print", article)
    assert (status, err) == (0, "")
    assert "Why [bold]x" in out
    assert "Opening.\n\n" in out


def test_print_is_the_default_through_a_pipe(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    assert run(capsys, article) == run(capsys, "--print", article)


@pytest.mark.parametrize("wanted", ["why-boldx", "2"])
def test_print_one_section(
    capsys: pytest.CaptureFixture[str], article: Path, wanted: str
) -> None:
    status, out, err = run(capsys, "--print", "--section", wanted, article)
    assert (status, err) == (0, "")
    assert "Because." in out
    assert "Opening." not in out and "Like so." not in out


def test_an_unknown_section(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, out, err = run(capsys, "--print", "--section", "nope\x1b[2J", article)
    assert (status, out) == (2, "")
    assert err == (
        f"reader: {article}: no section 'nope␛[2J'; "
        f"see the ids with: reader --outline {article}\n"
    )


def test_width(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    _, out, _ = run(capsys, "--print", "--width", "30", article)
    assert max(len(line) for line in out.splitlines()) == 30


def test_outline(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, out, _ = run(capsys, "--outline", article)
    assert status == 0
    assert out.splitlines()[3:] == [
        "1  Title  (1 min, #title)",
        "2    Why [bold]x  (1 min, #why-boldx)",
        "3    How  (1 min, #how)",
    ]
    status, out, _ = run(capsys, "--outline", "--json", article)
    assert [s["id"] for s in json.loads(out)["sections"]] == [
        "title",
        "why-boldx",
        "how",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--json"], "--json goes with --outline or --feedback"),
        (["--outline", "--section", "x"], "--section goes with --print, not --outline"),
        (["--max-size", "lots"], "argument --max-size: not a size: 'lots'"),
        (["--max-size", "0"], "argument --max-size: not a size: '0'"),
        (["--width", "5"], "argument --width: not a width: '5' (a number from 20"),
        (["--width", "wide"], "argument --width: not a width: 'wide'"),
        (["--bogus"], "unrecognized arguments: --bogus (see reader --help)"),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith(f"reader: {message}")
    assert err.count("\n") == 1


def test_max_size(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, _, err = run(capsys, "--print", "--max-size", "10", article)
    assert status == 2
    assert err == (
        f"reader: {article}: larger than the 10 bytes limit "
        "(use --max-size to raise it)\n"
    )
    assert run(capsys, "--print", "--max-size", "1K", article)[0] == 0


def test_bad_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "--print", tmp_path / "x\x1b]0;t\x07.md")
    assert (status, out) == (2, "")
    assert err == f"reader: {tmp_path}/x␛]0;t␇.md: no such file\n"


def test_notes_go_to_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes(b"# Caf\xe9\n\nNa\xefve.\n")
    status, out, err = run(capsys, "--print", tmp_path / "old.md")
    assert status == 0 and "Café" in out
    assert err == (
        f"reader: note: {tmp_path}/old.md: "
        "Not UTF-8: read as Windows-1252 (Western European).\n"
    )
    (tmp_path / "empty.md").write_bytes(b"")
    status, _, err = run(capsys, "--outline", tmp_path / "empty.md")
    assert status == 0
    assert (
        err == f"reader: note: {tmp_path}/empty.md: Empty: there is nothing to read.\n"
    )


def test_a_folder_is_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Bee\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# Ay\n")
    for flags in (["--print"], ["--outline"], []):
        status, out, err = run(capsys, *flags, tmp_path)
        assert (status, err) == (0, "")
        assert out.splitlines()[2:] == [
            "1  Bee  (1 min, b.md)",
            "2  Ay  (1 min, sub/a.md)",
        ]
    status, out, _ = run(capsys, "--outline", "--json", tmp_path)
    assert [a["path"] for a in json.loads(out)["articles"]] == ["b.md", "sub/a.md"]


def test_folder_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    assert run(capsys, "--print", tmp_path) == (
        2,
        "",
        f"reader: {tmp_path}: no Markdown files in this folder\n",
    )
    (tmp_path / "a.md").write_text("# A\n")
    status, _, err = run(capsys, "--print", "--section", "a", tmp_path)
    assert (status, err) == (
        2,
        f"reader: {tmp_path}: a folder; --section needs an article\n",
    )


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes, *, tty: bool = False) -> None:
        super().__init__(io.BytesIO(data))
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"# Piped [/]\n\nText.\n"))
    status, out, err = run(capsys, "--outline", "-")
    assert (status, err) == (0, "")
    assert out.startswith("Piped [/]\n")


def test_standard_input_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"%PDF-1.4"))
    assert run(capsys, "--print", "-")[2] == (
        "reader: standard input: not a text file (a PDF document)\n"
    )
    monkeypatch.setattr(sys, "stdin", _Stdin(b"", tty=True))
    assert run(capsys, "--print", "-") == (
        2,
        "",
        "reader: standard input is a terminal; pipe a file in (reader - < notes.md)\n",
    )


# In subprocesses: what a user's shell sees.


def reader(
    *argv: str | os.PathLike[str], **options: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "reader", *map(os.fspath, argv)],
        capture_output=True,
        timeout=30,
        **options,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--print", "ARTICLE"],
        ["ARTICLE"],  # through a pipe
        ["--outline", "ARTICLE"],
        ["--outline", "--json", "ARTICLE"],
        ["--print", "FOLDER"],
        ["--print", "-"],
        ["--print"],  # the bundled article
        ["--print", "MISSING"],
    ],
)
def test_printing_never_imports_textual(article: Path, argv: list[str]) -> None:
    names = {"ARTICLE": article, "FOLDER": article.parent, "MISSING": "missing.md"}
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"status = main({[os.fspath(names.get(arg, arg)) for arg in argv]!r})\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print('TEXTUAL', loaded, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    with open(article, "rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-c", code],
            stdin=stdin,
            capture_output=True,
            timeout=30,
            cwd=ROOT,
        )
    assert b"TEXTUAL []" in result.stderr, result.stderr


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    paragraph = "A paragraph long enough to fill a line or two of output. " * 3
    path.write_text("# Long\n\n" + f"{paragraph}\n\n" * 1_500)  # > a pipe's 64 KB
    shell = f"{sys.executable} -m reader --print {path} | head -n 1"
    result = subprocess.run(
        shell, shell=True, capture_output=True, timeout=60, check=True
    )
    assert result.stdout.count(b"\n") == 1
    assert result.stderr == b""


def in_terminal(
    *argv: str | os.PathLike[str], columns: int = 60, env: dict[str, str] | None = None
) -> tuple[int, bytes, bytes]:
    """Run the reader with a terminal (a pty) as its stdout and stdin."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environ = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    for name in ("COLUMNS", "LINES", "FORCE_COLOR"):
        environ.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *map(os.fspath, argv)],
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=environ,
    )
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.stderr is not None
    errors = process.stderr.read()
    return process.wait(timeout=30), output, errors


ATTACK = (
    "# Attack \x1b]0;pwned\x07\n\n"
    "Clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 title \x1b]0;evil\x07 "
    "clear \x1b[2J and [a link](https://example.com/) and `code`.\n\n"
    "```python\nx = 1\n```\n"
)


def test_print_to_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "attack.md").write_text(ATTACK)
    status, out, err = in_terminal("--print", tmp_path / "attack.md", columns=50)
    assert (status, err) == (0, b"")
    for attack in (b"\x1b]52", b"\x1b]0;", b"\x1b[2J"):
        assert attack not in out
    assert "Clipboard ␛]52;c;".encode() in out
    assert SGR_COLOUR.search(out.decode())
    plain = re.sub(rb"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", b"", out)
    widths = [len(line.decode()) for line in plain.split(b"\r\n")]
    assert max(widths) == 50  # the terminal's width


def test_no_color_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "attack.md").write_text(ATTACK)
    status, out, _ = in_terminal(
        "--print", tmp_path / "attack.md", env={"NO_COLOR": "1"}
    )
    assert status == 0
    assert not SGR_COLOUR.search(out.decode())
    assert b"\x1b[2J" not in out


def test_standard_input_that_is_a_terminal() -> None:
    status, out, err = in_terminal("--print", "-")
    assert (status, out) == (2, b"")
    assert err.decode() == (
        "reader: standard input is a terminal; pipe a file in (reader - < notes.md)\n"
    )
