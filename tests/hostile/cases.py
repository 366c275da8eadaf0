"""The hostile-input suite's cases: files written to attack or upset the reader.

`write_cases(folder)` writes every case into `folder` and returns them. Each
`Case` says how the reader must end on it (exit status 0 for articles it reads,
2 for inputs it refuses with one line on stderr), the extra arguments to give
it, and what must show literally. The `--print`/`--outline` tests run the real
command on each (`tests/hostile/test_hostile.py`); the TUI tests can load the
same files (`Case.path`, or `Case.stdin` when the path is `-`).
"""

from __future__ import annotations

import codecs
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"

READ = 0
REFUSED = 2


@dataclass(frozen=True)
class Case:
    """One hostile input, and what the reader must do with it."""

    name: str
    path: Path
    """What to pass as PATH: a file, a folder, a special file, or `-`."""
    exit_status: int
    """0: read (or listed); 2: refused with one line on stderr."""
    args: tuple[str, ...] = ()
    """Extra arguments, e.g. `("--max-size", "1K")`."""
    stdin: Path | None = None
    """For `-`: the file to feed to standard input."""
    shows: tuple[str, ...] = ()
    """Text that `--print` must show literally (markup stays markup)."""
    headings: tuple[str, ...] = ()
    """Section titles `--outline --json` must list (nothing swallowed them)."""
    title: str | None = None
    """The article title `--outline --json` must report."""
    hides: tuple[str, ...] = ()
    """Text that must not appear in any output (front matter, say)."""
    error: str = ""
    """A fragment of the one-line error (exit status 2) or note (0)."""


_Writer = Callable[[Path], Case]
_WRITERS: dict[str, _Writer] = {}


def _case(name: str) -> Callable[[_Writer], _Writer]:
    def register(writer: _Writer) -> _Writer:
        _WRITERS[name] = writer
        return writer

    return register


CASE_NAMES: tuple[str, ...]
"""Every case's name, known without writing anything (set at the end)."""


def write_cases(folder: Path) -> list[Case]:
    """Write every case into `folder` (which must exist); return them."""
    return [write_case(folder, name) for name in CASE_NAMES]


def write_case(folder: Path, name: str) -> Case:
    """Write the case called `name` into `folder` and return it."""
    case = _WRITERS[name](folder)
    assert case.name == name
    return case


def _text(folder: Path, name: str, text: str, **expect: object) -> Case:
    """A UTF-8 article named after its case."""
    return _bytes(folder, name, text.encode("utf-8"), **expect)


def _bytes(folder: Path, name: str, data: bytes, **expect: object) -> Case:
    path = folder / f"{name}.md"
    path.write_bytes(data)
    expect.setdefault("exit_status", READ)
    return Case(name=name, path=path, **expect)  # type: ignore[arg-type]


# Terminal attacks ----------------------------------------------------------


@_case("escape-sequences")
def _escape_sequences(folder: Path) -> Case:
    text = (
        f"# Attack {ESC}]0;pwned title{ST}\n\n"
        f"Clipboard: {ESC}]52;c;ZWNobyBwd25lZA=={BEL}\n"
        f"Window title: {ESC}]0;evil title{BEL}\n"
        f"Clear screen: {ESC}[2J{ESC}[H and {ESC}c reset\n"
        f"Colour: {ESC}[31mred{ESC}[0m\n"
        f"Hyperlink: {ESC}]8;;https://evil.example/{ST}click{ESC}]8;;{ST}\n"
        f"Device query: {ESC}P+q544e{ST} {ESC}[6n {ESC}[>c\n"
        "Bell \x07 backspace \b form feed \f vertical tab \v delete \x7f\n\n"
        f"## In a heading {ESC}[2J{ESC}]52;c;aGk={BEL}\n\n"
        f"```\ncode {ESC}]0;from code{BEL}\n```\n\n"
        f"`inline {ESC}[2J` and [link {ESC}[2J]({ESC}]0;x{BEL}) and "
        f"<https://example.com/{ESC}[2J>\n"
    )
    return _text(
        folder,
        "escape-sequences",
        text,
        shows=("Clipboard:", "Window title:", "Clear screen:", "␛]52;c;", "␛[2J"),
        headings=("In a heading ␛[2J␛]52;c;aGk=␇",),
    )


@_case("c1-controls")
def _c1_controls(folder: Path) -> Case:
    text = (
        "# C1 \u009b2J heading \u0085 next \u009d0;x\u009c\n\n"
        "Single-byte CSI \u009b31m and OSC \u009d52;c;aGk=\u009c and NEL \u0085.\n"
    )
    return _text(folder, "c1-controls", text, shows=("Single-byte CSI",))


@_case("windows-1252-0x9b")
def _windows_1252_csi(folder: Path) -> Case:
    # 0x9B is CSI in 8-bit terminals; in Windows-1252 it is "›".
    data = (
        b"# Caf\xe9 \x9b2J menu\n\n"
        b"The na\xefve \x93quote\x94 \x97 and \x9b31m a raw CSI byte, "
        b"\x85 an ellipsis, \x9c and \x80 5.\n"
    )
    return _bytes(
        folder,
        "windows-1252-0x9b",
        data,
        shows=("Café ›2J menu", "“quote”", "€ 5"),
        error="Windows-1252",
    )


@_case("windows-1252-prose")
def _windows_1252_prose(folder: Path) -> Case:
    prose = (
        "# Notes from the café\n\n"
        "« Voilà », dit-il — c’était l’été à Paris. Über die Brücke; "
        "informações sobre as ações. “Quoted” and ‘single’ … €5.\n"
    )
    return _bytes(
        folder,
        "windows-1252-prose",
        prose.encode("cp1252"),
        title="Notes from the café",
        shows=("c’était l’été", "informações"),
        error="Windows-1252",
    )


@_case("bidi-controls")
def _bidi_controls(folder: Path) -> Case:
    text = (
        "# Invoice \u202etxt.exe\u202c and \u2066isolated\u2069\n\n"
        "Left \u202aembedding\u202c, right \u202bembedding\u202c, "
        "\u202doverride\u202c, \u2067rtl isolate\u2069, \u2068first strong\u2069.\n\n"
        "## By reference &#x202E;gnp.exe &#x2066;x&#x2069;\n\n"
        "Text by reference: &#x202E;desrever&#x202C; and &#x2067;y&#x2069;.\n"
    )
    return _text(folder, "bidi-controls", text, shows=("Invoice txt.exe", "desrever"))


@_case("character-references")
def _character_references(folder: Path) -> Case:
    # markdown-it decodes these after the text was made safe.
    text = (
        "# Refs &#27;[2J &#13;CR &#x85;NEL &#x2028;LS\n\n"
        "Escape &#27;]0;title&#7; carriage &#13; return, form &#12; feed, "
        "tab &#9; NUL &#0; DEL &#127; C1 &#x9b; LS &#x2028; PS &#x2029;.\n"
    )
    return _text(folder, "character-references", text, shows=("carriage",))


@_case("line-separators")
def _line_separators(folder: Path) -> Case:
    text = "# One\u2028heading\n\nOne\u2028paragraph\u2029still one.\n\n## Two\n"
    return _text(
        folder,
        "line-separators",
        text,
        headings=("One heading", "Two"),
        shows=("One paragraph still one.",),
    )


# Markup that is not ours ---------------------------------------------------

MARKUP = ("[/]", "[/", "[bold]x", "[@click=app.quit]x", "[link=https://example.com]x")


@_case("markup-headings")
def _markup_headings(folder: Path) -> Case:
    text = "# [bold]x\n\n" + "".join(
        f"## {markup}\n\nText with {markup} in it.\n\n" for markup in MARKUP
    )
    return _text(
        folder,
        "markup-headings",
        text,
        title="[bold]x",
        headings=MARKUP,
        shows=MARKUP,
    )


@_case("markup-title-only")
def _markup_title_only(folder: Path) -> Case:
    return _text(folder, "markup-title-only", "# [/]\n", title="[/]", shows=("[/]",))


@_case("markup-front-matter-title")
def _markup_front_matter_title(folder: Path) -> Case:
    text = '---\ntitle: "[@click=app.quit]x [/]"\n---\n\nBody.\n'
    return _text(
        folder,
        "markup-front-matter-title",
        text,
        title="[@click=app.quit]x [/]",
        shows=("[@click=app.quit]x [/]",),
    )


@_case("hostile-file-name")
def _hostile_file_name(folder: Path) -> Case:
    # No heading: the title is the file name, escape sequence and all.
    path = folder / f"name {ESC}]0;pwned{BEL} [bold]x\nline.md"
    path.write_text("Text without a heading.\n", encoding="utf-8")
    return Case("hostile-file-name", path, READ, shows=("[bold]x",))


# Encodings and binary files ------------------------------------------------

BODY = "# Heading\n\nCafé, naïve, 日本語, emoji 🙂.\n\n## Second\n\nText.\n"


def _encoded(folder: Path, name: str, encoding: str, bom: bytes) -> Case:
    return _bytes(
        folder,
        name,
        bom + BODY.encode(encoding),
        title="Heading",
        headings=("Heading", "Second"),
        shows=("Café, naïve, 日本語, emoji 🙂.",),
    )


@_case("utf-8-bom")
def _utf8_bom(folder: Path) -> Case:
    return _encoded(folder, "utf-8-bom", "utf-8", codecs.BOM_UTF8)


@_case("utf-16-le-bom")
def _utf16le(folder: Path) -> Case:
    return _encoded(folder, "utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE)


@_case("utf-16-be-bom")
def _utf16be(folder: Path) -> Case:
    return _encoded(folder, "utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE)


@_case("utf-32-le-bom")
def _utf32le(folder: Path) -> Case:
    return _encoded(folder, "utf-32-le-bom", "utf-32-le", codecs.BOM_UTF32_LE)


@_case("utf-32-be-bom")
def _utf32be(folder: Path) -> Case:
    return _encoded(folder, "utf-32-be-bom", "utf-32-be", codecs.BOM_UTF32_BE)


@_case("utf-16-without-bom")
def _utf16_no_bom(folder: Path) -> Case:
    data = BODY.encode("utf-16-le")
    return _bytes(
        folder, "utf-16-without-bom", data, exit_status=REFUSED, error="not a text"
    )


@_case("utf-16-truncated")
def _utf16_truncated(folder: Path) -> Case:
    data = codecs.BOM_UTF16_LE + BODY.encode("utf-16-le") + b"\x41"
    return _bytes(
        folder, "utf-16-truncated", data, exit_status=REFUSED, error="not valid UTF-16"
    )


@_case("invalid-utf-8")
def _invalid_utf8(folder: Path) -> Case:
    data = ("# Café\n\nrésumé déjà vu " * 20).encode() + b"\n\xff\xfe\xc3\x28 bad\n"
    return _bytes(
        folder, "invalid-utf-8", data, exit_status=REFUSED, error="not valid UTF-8"
    )


@_case("utf-8-surrogates")
def _utf8_surrogates(folder: Path) -> Case:
    data = b"# Lone surrogate \xed\xa0\x80 here\n"
    return _bytes(
        folder, "utf-8-surrogates", data, exit_status=REFUSED, error="at byte 17"
    )


@_case("shift-jis")
def _shift_jis(folder: Path) -> Case:
    data = "# 日本語のテキスト\n\nこれは日本語の文章です。\n".encode("shift_jis")
    return _bytes(
        folder, "shift-jis", data, exit_status=REFUSED, error="not valid UTF-8"
    )


@_case("gbk")
def _gbk(folder: Path) -> Case:
    text = "# Title\n\nEnglish with 中文 in the middle, and more English words.\n"
    return _bytes(
        folder, "gbk", (text * 3).encode("gbk"), exit_status=REFUSED, error="UTF-8"
    )


@_case("random-bytes")
def _random_bytes(folder: Path) -> Case:
    data = bytes((index * 151 + 7) % 255 + 1 for index in range(4096))
    return _bytes(folder, "random-bytes", data, exit_status=REFUSED)


@_case("nul-bytes")
def _nul_bytes(folder: Path) -> Case:
    data = b"# Looks like text\n\nthen\x00\x00\x00 NULs\n"
    return _bytes(folder, "nul-bytes", data, exit_status=REFUSED, error="not a text")


SIGNATURES = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "elf": b"\x7fELF\x02\x01\x01\x00",
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00",
}


def _signature(name: str) -> _Writer:
    def write(folder: Path) -> Case:
        # Binary magic, then plain text: the signature alone must refuse it.
        data = SIGNATURES[name] + b"# But this looks like Markdown\n" * 4
        return _bytes(
            folder,
            f"binary-{name}",
            data,
            exit_status=REFUSED,
            error="not a text file",
        )

    return write


for _name in SIGNATURES:
    _case(f"binary-{_name}")(_signature(_name))


@_case("crlf")
def _crlf(folder: Path) -> Case:
    data = b"# Windows\r\n\r\nLine one\r\nline two\r\n\r\n## Second\r\n\r\nText\r\n"
    return _bytes(folder, "crlf", data, headings=("Windows", "Second"))


@_case("cr")
def _cr(folder: Path) -> Case:
    data = b"# Old Mac\r\rLine one\rline two\r\r## Second\r\rText\r"
    return _bytes(folder, "cr", data, headings=("Old Mac", "Second"))


# Markdown that fights back -------------------------------------------------

AFTER = "\n\n# After the attack\n\nStill here.\n"


@_case("ten-list-markers")
def _ten_list_markers(folder: Path) -> Case:
    text = "# Lists\n\n" + "- " * 10 + "deep" + AFTER
    return _text(
        folder, "ten-list-markers", text, headings=("Lists", "After the attack")
    )


@_case("list-300-levels")
def _list_300(folder: Path) -> Case:
    text = "# Lists\n\n" + "".join("  " * level + "- x\n" for level in range(300))
    return _text(
        folder,
        "list-300-levels",
        text + AFTER,
        headings=("Lists", "After the attack"),
        shows=("nested too deeply",),
    )


@_case("quote-50000")
def _quote_50000(folder: Path) -> Case:
    text = "# Quotes\n\n" + ">" * 50_000 + " deep" + AFTER
    return _text(folder, "quote-50000", text, headings=("Quotes", "After the attack"))


@_case("quote-lines-2000")
def _quote_lines(folder: Path) -> Case:
    text = "# Quotes\n\n" + "".join(">" * level + " q\n" for level in range(2000))
    return _text(
        folder, "quote-lines-2000", text + AFTER, headings=("After the attack",)
    )


@_case("linkify-bait")
def _linkify_bait(folder: Path) -> Case:
    text = "# Links\n\n" + "http:// " * 8_192 + AFTER
    return _text(folder, "linkify-bait", text, headings=("After the attack",))


@_case("unclosed-brackets")
def _unclosed_brackets(folder: Path) -> Case:
    text = (
        "# Brackets\n\n"
        + "[" * 20_000
        + "\n\n"
        + "*a **a " * 5_000
        + "\n\n"
        + "`a``" * 5_000
        + "\n\n"
        + "![[]()" * 5_000
    )
    return _text(
        folder, "unclosed-brackets", text + AFTER, headings=("After the attack",)
    )


@_case("unclosed-angles")
def _unclosed_angles(folder: Path) -> Case:
    # Word counting once took quadratic time on these (a `<…>` / `](…)` scan).
    text = "# Angles\n\n" + "<" * 10_000 + "\n\n" + "[a](<" * 2_000
    return _text(
        folder, "unclosed-angles", text + AFTER, headings=("After the attack",)
    )


@_case("front-matter-yaml")
def _front_matter_yaml(folder: Path) -> Case:
    text = (
        "---\ntitle: The YAML title\nsecret: yaml-front-matter-value\n---\n\n"
        "Body text.\n\n## Part\n\nMore.\n"
    )
    return _text(
        folder,
        "front-matter-yaml",
        text,
        title="The YAML title",
        hides=("yaml-front-matter-value",),
        shows=("Body text.",),
    )


@_case("front-matter-toml")
def _front_matter_toml(folder: Path) -> Case:
    text = (
        '+++\ntitle = "The TOML title"\nsecret = "toml-front-matter-value"\n+++\n\n'
        "Body text.\n"
    )
    return _text(
        folder,
        "front-matter-toml",
        text,
        title="The TOML title",
        hides=("toml-front-matter-value",),
        shows=("Body text.",),
    )


@_case("front-matter-escapes")
def _front_matter_escapes(folder: Path) -> Case:
    # TOML and YAML unescape `\u001b` themselves, after the text was made safe.
    text = (
        '+++\ntitle = "T\\u001b]0;pwned\\u0007 \\u202eevil\\u001b[2J"\n+++\n\nBody.\n'
    )
    return _text(folder, "front-matter-escapes", text, shows=("Body.",))


@_case("html-blocks")
def _html_blocks(folder: Path) -> Case:
    text = (
        "# HTML\n\n<div>\n<script>alert('x')</script>\n</div>\n\n"
        "Inline <b>bold</b> and <!-- comment --> here.\n\n"
        '<img src="https://example.com/track.png">\n'
    )
    return _text(
        folder,
        "html-blocks",
        text,
        shows=("<script>alert('x')</script>", "<b>bold</b>", "<!-- comment -->"),
    )


@_case("empty-headings")
def _empty_headings(folder: Path) -> Case:
    text = "#\n\nFirst.\n\n## \n\nSecond.\n\n### ###\n\nThird.\n\n## Named\n"
    return _text(
        folder,
        "empty-headings",
        text,
        headings=("Untitled section", "Named"),
        shows=("First.", "Third."),
    )


@_case("table-5000-rows")
def _table(folder: Path) -> Case:
    rows = "".join(f"| {row} | cell {row} | [bold]x |\n" for row in range(5_000))
    text = "# Table\n\n| a | b | c |\n|---|---|---|\n" + rows
    return _text(
        folder, "table-5000-rows", text + AFTER, headings=("After the attack",)
    )


@_case("code-30000-lines")
def _code(folder: Path) -> Case:
    lines = "".join(f"line {line} {ESC}[2J [/]\n" for line in range(30_000))
    text = "# Code\n\n```\n" + lines + "```\n"
    return _text(
        folder,
        "code-30000-lines",
        text + AFTER,
        headings=("After the attack",),
        shows=("line 29999 ␛[2J [/]",),
    )


@_case("section-of-5000-blocks")
def _many_blocks(folder: Path) -> Case:
    blocks = "".join(f"Paragraph {block}.\n\n" for block in range(5_000))
    return _text(
        folder,
        "section-of-5000-blocks",
        "# Long\n\n" + blocks + "## End\n",
        headings=("Long", "End"),
        shows=("Paragraph 4999.",),
    )


@_case("many-headings")
def _many_headings(folder: Path) -> Case:
    text = "".join(f"## Heading {index}\n\nText.\n\n" for index in range(3_000))
    return _text(folder, "many-headings", text, headings=("Heading 2999",))


@_case("long-line")
def _long_line(folder: Path) -> Case:
    text = "# Line\n\n" + "word " * 200_000 + AFTER
    return _text(folder, "long-line", text, headings=("After the attack",))


# What is not an article ----------------------------------------------------


@_case("over-max-size")
def _over_max_size(folder: Path) -> Case:
    return _text(
        folder,
        "over-max-size",
        "# Big\n\n" + "x" * 4096 + "\n",
        exit_status=REFUSED,
        args=("--max-size", "1K"),
        error="larger than the 1 KB limit",
    )


@_case("proc-file-over-max-size")
def _proc_file(folder: Path) -> Case:
    # /proc files report a size of 0; the cap must hold anyway.
    path = Path("/proc/self/maps")
    return Case(
        "proc-file-over-max-size",
        path if path.exists() else folder / "missing-proc",
        REFUSED,
        args=("--max-size", "100"),
        error="larger than" if path.exists() else "no such file",
    )


@_case("empty-file")
def _empty_file(folder: Path) -> Case:
    return _bytes(folder, "empty-file", b"", error="Empty")


@_case("whitespace-only")
def _whitespace_only(folder: Path) -> Case:
    return _text(folder, "whitespace-only", "\n\n   \n\t\n")


@_case("fifo")
def _fifo(folder: Path) -> Case:
    path = folder / "fifo.md"
    os.mkfifo(path)  # nobody writes to it: opening it would block forever
    return Case("fifo", path, REFUSED, error="a named pipe")


@_case("socket")
def _socket(folder: Path) -> Case:
    path = folder / "socket.md"
    with socket.socket(socket.AF_UNIX) as listener:
        if len(os.fsencode(path)) < 100:
            listener.bind(os.fspath(path))
        else:  # too long for a socket address: bind it by a relative name
            here = os.getcwd()
            os.chdir(folder)
            try:
                listener.bind(path.name)
            finally:
                os.chdir(here)
    return Case("socket", path, REFUSED, error="a socket")


@_case("character-device")
def _device(folder: Path) -> Case:
    return Case(
        "character-device", Path("/dev/zero"), REFUSED, error="a character device"
    )


@_case("missing-file")
def _missing(folder: Path) -> Case:
    path = folder / f"missing {ESC}]0;pwned{BEL}.md"
    return Case("missing-file", path, REFUSED, error="no such file")


@_case("broken-symlink")
def _broken_symlink(folder: Path) -> Case:
    path = folder / "broken-link.md"
    path.symlink_to(folder / "nowhere.md")
    return Case("broken-symlink", path, REFUSED, error="broken symbolic link")


@_case("symlink-loop")
def _symlink_loop(folder: Path) -> Case:
    first, second = folder / "loop-a.md", folder / "loop-b.md"
    first.symlink_to(second)
    second.symlink_to(first)
    return Case("symlink-loop", first, REFUSED, error="symbolic link loop")


@_case("unreadable-file")
def _unreadable(folder: Path) -> Case:
    path = folder / "unreadable.md"
    path.write_text("# Secret\n\nroot reads this anyway.\n", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root is not stopped by file modes: it reads it
        return Case("unreadable-file", path, READ, headings=("Secret",))
    return Case("unreadable-file", path, REFUSED, error="permission denied")


@_case("path-through-a-file")
def _through_a_file(folder: Path) -> Case:
    (folder / "plain.md").write_text("# x\n", encoding="utf-8")
    path = folder / "plain.md" / "inside.md"
    return Case("path-through-a-file", path, REFUSED, error="not a folder")


@_case("folder-without-markdown")
def _folder_without_markdown(folder: Path) -> Case:
    path = folder / "no-markdown"
    path.mkdir()
    (path / "notes.txt").write_text("# Not Markdown by name\n", encoding="utf-8")
    (path / ".hidden.md").write_text("# Hidden\n", encoding="utf-8")
    return Case("folder-without-markdown", path, REFUSED, error="no Markdown files")


@_case("folder")
def _folder(folder: Path) -> Case:
    path = folder / "articles"
    (path / "sub" / "deeper").mkdir(parents=True)
    (path / "alpha.md").write_text("# Alpha article\n\nWords here.\n")
    (path / "sub" / "beta.markdown").write_text("---\ntitle: Beta\n---\n\nText.\n")
    (path / "sub" / "deeper" / "gamma.md").write_text("No heading at all.\n")
    (path / "[bold]x.md").write_text("# [@click=app.quit]x\n")
    (path / f"evil {ESC}]0;pwned{BEL}.md").write_text(f"# Evil {ESC}[2J\n")
    (path / "binary.md").write_bytes(SIGNATURES["pdf"])
    (path / "sub" / "loop").symlink_to("..")  # a folder loop: never followed
    (path / "dangling.md").symlink_to("nowhere.md")
    (path / ".hidden").mkdir()
    (path / ".hidden" / "secret.md").write_text("# Hidden\n")
    return Case(
        "folder",
        path,
        READ,
        shows=(
            "Alpha article",
            "Beta",
            "gamma.md",
            "[@click=app.quit]x",
            "[bold]x.md",
            "cannot open: not a text file",
            "broken symbolic link",
        ),
        hides=("Hidden",),
    )


@_case("standard-input")
def _standard_input(folder: Path) -> Case:
    feed = folder / "stdin-feed.txt"
    feed.write_bytes(
        f"# From a pipe {ESC}]0;pwned{BEL}\n\n[bold]x {ESC}[2J text\n".encode()
    )
    return Case(
        "standard-input", Path("-"), READ, stdin=feed, shows=("[bold]x ␛[2J text",)
    )


@_case("standard-input-binary")
def _standard_input_binary(folder: Path) -> Case:
    feed = folder / "stdin-binary.bin"
    feed.write_bytes(SIGNATURES["elf"] * 10)
    return Case(
        "standard-input-binary",
        Path("-"),
        REFUSED,
        stdin=feed,
        error="standard input: not a text file",
    )


@_case("standard-input-over-max-size")
def _standard_input_big(folder: Path) -> Case:
    feed = folder / "stdin-big.txt"
    feed.write_bytes(b"x" * 5000)
    return Case(
        "standard-input-over-max-size",
        Path("-"),
        REFUSED,
        args=("--max-size", "4K"),
        stdin=feed,
        error="larger than the 4 KB limit",
    )


CASE_NAMES = tuple(_WRITERS)
