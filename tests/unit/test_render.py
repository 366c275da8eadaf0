"""`--outline` and `--print` output: what it shows, and that it is inert."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.article import Article, Outliner
from reader.folder import list_folder
from reader.render import (
    folder_json,
    folder_text,
    outline_json,
    outline_text,
    print_article,
)
from reader.source import load_file
from reader.typeset import PLAIN_CODE as LONG_CODE_LINES

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile(r"\x1b\[([0-9;]*)m")

ARTICLE = """\
---
title: The [bold]title[/]
secret: front-matter-value
---

Opening words.

# First [/]

Text with [@click=app.quit]x and &#x202E;reversed&#13; and `code`.

<div>
<script>alert(1)</script>
</div>

See [the docs](https://example.com/a "t").

## 

Empty heading above.

## Last

```python
print("hello")
```
"""


class Terminal(io.StringIO):
    """A file that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def article(text: str = ARTICLE) -> Article:
    return Outliner(text, name="a.md").run()


def printed(text: str = ARTICLE, **options: object) -> str:
    out = io.StringIO()
    print_article(article(text), out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def test_outline_text() -> None:
    assert outline_text(article()) == (
        "The [bold]title[/]\n"
        "4 sections · 32 words · 1 min\n"
        "\n"
        "1  The [bold]title[/]  (1 min, #top)\n"
        "2  First [/]  (1 min, #first-)\n"
        "3    Untitled section  (1 min, #section)\n"
        "4    Last  (1 min, #last)"
    )


def test_outline_json() -> None:
    outline = json.loads(outline_json(article()))
    assert outline["title"] == "The [bold]title[/]"
    assert [(s["id"], s["title"], s["level"]) for s in outline["sections"]] == [
        ("top", "The [bold]title[/]", 0),
        ("first-", "First [/]", 1),
        ("section", "", 2),
        ("last", "Last", 2),
    ]
    assert outline["sections"][1]["line_start"] == 8


def test_outline_titles_are_made_safe_again() -> None:
    # TOML unescapes \u001b after the file's text was made safe.
    text = '+++\ntitle = "T\\u001b]0;x\\u0007\\u202e\\u000dX"\n+++\n\nBody.\n'
    for output in (outline_text(article(text)), outline_json(article(text))):
        assert not UNSAFE.search(output)
        assert "T␛]0;x␇␍X" in output


def test_print_shows_the_article_plainly_through_a_pipe() -> None:
    out = printed()
    assert "The [bold]title[/]" in out.splitlines()[0]  # the rule
    assert "[@click=app.quit]x" in out
    assert "First [/]" in out
    assert "<script>alert(1)</script>" in out  # HTML shown as the text it is
    assert "front-matter-value" not in out
    assert "the docs (https://example.com/a)" in out
    assert not UNSAFE.search(out)
    assert "\x1b" not in out
    assert "reversed␍" in out
    assert not re.search(" $", out, re.MULTILINE)
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_sections_are_separated_by_a_blank_line() -> None:
    out = printed("# One\n\nText one.\n\n# Two\n\nText two.\n")
    assert "Text one.\n\n" in out
    lines = out.splitlines()
    assert lines[lines.index("Text one.") + 1] == ""


def test_print_width() -> None:
    out = printed("# W\n\n" + "word " * 100, width=30)
    assert max(cell_len(line) for line in out.splitlines()) == 30


def test_print_one_section() -> None:
    parsed = article()
    out = io.StringIO()
    print_article(parsed, out, only=parsed.sections[3])
    assert "Last" in out.getvalue()
    assert 'print("hello")' in out.getvalue()
    assert "Opening words." not in out.getvalue()
    assert "─" not in out.getvalue()  # no title rule for one section


def test_deep_nesting_shows_a_note_and_the_rest() -> None:
    text = "# A\n\n" + "".join("  " * depth + "- x\n" for depth in range(300))
    out = printed(text + "\n# After\n\nStill here.\n")
    assert "nested too deeply to show" in out
    assert "Still here." in out


def test_a_long_code_block_is_printed_quickly_and_whole() -> None:
    lines = LONG_CODE_LINES * 5
    code = "".join(f"line {number} \x1b[2J\n" for number in range(lines))
    started = time.monotonic()
    out = printed(f"# Code\n\n```\n{code}```\n\n" + "x" * 200, width=40)
    assert time.monotonic() - started < 5
    assert f"line {lines - 1} ␛[2J" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 40


def test_on_a_terminal_styles_are_rich_s_but_the_text_is_inert() -> None:
    out = Terminal()
    print_article(article("# T \x1b[2J\n\nA [link](https://example.com/).\n"), out)
    text = out.getvalue()
    assert SGR.search(text)  # Rich's own styling
    assert "\x1b]8;" not in text  # no hyperlink escape: the target is written out
    assert "https://example.com/" in text
    assert "T ␛[2J" in text
    assert "\x1b[2J" not in text


def test_no_color_means_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# T\n\nA [link](https://example.com/) and `code`.\n\n```py\nx = 1\n```\n"
    coloured = Terminal()
    print_article(article(text), coloured)
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    print_article(article(text), plain)
    assert _colours(coloured.getvalue())
    assert not _colours(plain.getvalue())


def _colours(text: str) -> list[str]:
    """The SGR parameters that set a colour."""
    found = []
    for match in SGR.finditer(text):
        codes = [int(code or 0) for code in match[1].split(";")]
        found += [
            str(code)
            for code in codes
            if 30 <= code <= 38 or 40 <= code <= 48 or 90 <= code <= 107
        ]
    return found


def test_folder_listing(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Bee \x1b[2J\n\n" + "word " * 300)
    (tmp_path / "a [bold]x.md").write_text("Just text.\n")
    (tmp_path / "c.md").write_bytes(b"\x7fELF")
    (tmp_path / "d.md").write_text("")
    listing = list_folder(tmp_path)
    assert folder_text(listing, "notes") == (
        "notes · 4 Markdown files\n"
        "\n"
        "1  a [bold]x.md  (1 min, a [bold]x.md)\n"
        "2  Bee ␛[2J  (2 min, b.md)\n"
        "3  c.md  (cannot open: not a text file (an executable (ELF)), c.md)\n"
        "4  d.md  (no text, d.md)"
    )
    data = json.loads(folder_json(listing, "notes"))
    assert data["folder"] == "notes" and data["complete"] is True
    assert data["articles"][1] == {
        "path": "b.md",
        "title": "Bee ␛[2J",
        "words": 302,
        "minutes": 2,
        "note": None,
    }
    assert data["articles"][2]["note"] == "not a text file (an executable (ELF))"


def test_an_incomplete_listing_says_so(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number}.md").write_text("# x\n")
    text = folder_text(list_folder(tmp_path, max_files=2), "f")
    assert text.endswith("\n\nOnly the first 2 are listed.")


def test_the_bundled_article_prints() -> None:
    from reader import locations

    source = load_file(locations.default_article())
    out = io.StringIO()
    print_article(Outliner(source.text, name=source.name).run(), out)
    assert "Do therapists go to therapy?" in out.getvalue()
