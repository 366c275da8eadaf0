"""`reader.links.classify`: what following an untrusted link target may do."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.links import Anchor, LocalArticle, Refused, WebLink, classify


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# B\n")
    (tmp_path / "a.md").write_text("# A\n")
    (tmp_path.parent / "outside.md").write_text("# Outside\n")
    return tmp_path


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java%73cript:alert(1)",
        "%6a%61%76%61%73%63%72%69%70%74:alert(1)",
        "java%2573cript:alert(1)",  # encoded twice
        "java\u200bscript:alert(1)",  # a zero-width space inside
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "ssh://example.com",
        "http%3A//example.com",  # a scheme only after decoding: not a web link
        "//example.com/path",
    ],
)
def test_every_other_scheme_is_refused(href: str, root: Path) -> None:
    target = classify(href, folder=root, root=root)
    assert isinstance(target, Refused), target
    assert "\x1b" not in target.reason and "\n" not in target.reason


@pytest.mark.parametrize(
    ("href", "shown"),
    [
        ("https://example.com/a%20b?q=1", "https://example.com/a b?q=1"),
        ("http://example.com", "http://example.com"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
    ],
)
def test_web_and_mail_links_show_their_decoded_target(
    href: str, shown: str, root: Path
) -> None:
    target = classify(href, folder=root, root=root)
    assert isinstance(target, WebLink)
    assert (target.url, target.shown, target.warning) == (href, shown, None)


def test_a_punycode_host_is_shown_decoded_with_a_warning(root: Path) -> None:
    target = classify("https://xn--pple-43d.com/login", folder=root, root=root)
    assert isinstance(target, WebLink)
    assert target.warning is not None
    assert "xn--pple-43d.com" in target.warning and "аpple.com" in target.warning


def test_a_non_ascii_host_is_shown_with_its_ascii_form(root: Path) -> None:
    target = classify("https://аpple.com/", folder=root, root=root)
    assert isinstance(target, WebLink)
    assert target.warning is not None and "xn--pple-43d.com" in target.warning


def test_an_escape_sequence_in_a_target_is_shown_inert(root: Path) -> None:
    target = classify("https://example.com/%1b]0;pwned%07", folder=root, root=root)
    assert isinstance(target, WebLink)
    assert "\x1b" not in target.shown and "\x07" not in target.shown


def test_anchors_and_files_inside_the_folder_tree(root: Path) -> None:
    assert classify("#part-two", folder=root, root=root) == Anchor("part-two")
    assert classify("sub/b.md#x", folder=root, root=root) == LocalArticle(
        (root / "sub" / "b.md").resolve(), "x"
    )
    back = classify("../a.md", folder=root / "sub", root=root)
    assert back == LocalArticle((root / "a.md").resolve(), "")


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("../outside.md", "outside the article's folder"),
        ("sub/../../outside.md", "outside the article's folder"),
        ("%2e%2e/outside.md", "outside the article's folder"),
        ("/etc/passwd", "absolute paths"),
        ("notes.txt", "not a Markdown file"),
    ],
)
def test_files_outside_the_tree_or_not_markdown_are_refused(
    href: str, reason: str, root: Path
) -> None:
    target = classify(href, folder=root, root=root)
    assert isinstance(target, Refused) and reason in target.reason


def test_a_symlink_out_of_the_tree_is_refused(root: Path) -> None:
    (root / "escape.md").symlink_to(root.parent / "outside.md")
    target = classify("escape.md", folder=root, root=root)
    assert isinstance(target, Refused) and "outside" in target.reason


def test_other_files_need_an_article_read_from_a_file() -> None:
    target = classify("b.md", folder=None, root=None)
    assert isinstance(target, Refused)
