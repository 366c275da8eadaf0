"""What following a link in an article may do. Pure: no Textual, no browser.

Every link target is untrusted. The rules:

- `#anchor`: a heading of this article (GitHub-style id).
- a relative path to a Markdown file (optionally with `#anchor`): that article,
  but only inside the folder tree of the article first opened.
- `http:`, `https:`, `mailto:`: opened in the browser only after the reader has
  seen the exact target; a host with non-ASCII letters or punycode is shown in
  both forms, since it may imitate another site.
- anything else, including a scheme that only shows after percent-decoding
  (`java%73cript:`), is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.safe_text import safe_line
from reader.source import is_markdown_name

WEB_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(
    r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


@dataclass(frozen=True)
class Anchor:
    """A heading in the article being read."""

    anchor: str


@dataclass(frozen=True)
class LocalArticle:
    """Another Markdown file to read, and a heading in it to go to (or "")."""

    path: Path
    anchor: str


@dataclass(frozen=True)
class WebLink:
    """A web or mail address, opened only once the reader confirms it."""

    url: str
    shown: str
    """The decoded target, as it will be shown for confirmation."""
    warning: str | None
    """Why the address deserves a second look, if it does."""


@dataclass(frozen=True)
class Refused:
    """A link the reader will not follow, and why (one line, safe to show)."""

    reason: str


LinkTarget = Anchor | LocalArticle | WebLink | Refused


def decoded(href: str) -> str:
    """`href` percent-decoded until it stops changing (at most a few rounds)."""
    for _ in range(4):
        once = unquote(href)
        if once == href:
            break
        href = once
    return href


def classify(href: str, *, folder: Path | None, root: Path | None) -> LinkTarget:
    """What following `href` means, for an article in `folder` opened under `root`."""
    plain = decoded(href)
    compact = _INVISIBLE.sub("", plain)
    scheme_match = _SCHEME.match(compact)
    if scheme_match is not None:
        scheme = scheme_match[1].lower()
        if scheme in WEB_SCHEMES and _SCHEME.match(href.strip()):
            return _web(href.strip(), scheme)
        return Refused(f"Links of type “{safe_line(scheme)}:” are not followed.")
    if compact.startswith("//"):
        return Refused("Links to another host without a scheme are not followed.")
    if plain.startswith("#"):
        return Anchor(plain[1:])
    return _local(plain, folder=folder, root=root)


def _web(url: str, scheme: str) -> LinkTarget:
    shown = safe_line(decoded(url))
    if scheme == "mailto":
        return WebLink(url, shown, None)
    host = urlsplit(url).hostname or ""
    if not host:
        return Refused("That web link has no host.")
    return WebLink(url, shown, _host_warning(decoded(host)))


def _host_warning(host: str) -> str | None:
    """Say so when a host is not what it looks like."""
    labels = host.split(".")
    if any(label.startswith("xn--") for label in labels):
        try:
            unicode = host.encode("ascii").decode("idna")
        except UnicodeError:
            return f"The host “{safe_line(host)}” is in punycode that does not decode."
        return (
            f"The host “{safe_line(host)}” is punycode for “{safe_line(unicode)}”, "
            "which may imitate another site."
        )
    if not host.isascii():
        try:
            ascii_form = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_form = "(no valid ASCII form)"
        return (
            f"The host “{safe_line(host)}” has non-ASCII letters (really "
            f"“{safe_line(ascii_form)}”) and may imitate another site."
        )
    return None


def _local(target: str, *, folder: Path | None, root: Path | None) -> LinkTarget:
    path_part, _, anchor = target.partition("#")
    path_part = path_part.split("?", 1)[0]
    if not path_part:
        return Anchor(anchor)
    if folder is None or root is None:
        return Refused("Links to other files work only in articles read from a file.")
    if "\x00" in path_part:
        return Refused("That link is not a usable path.")
    candidate = Path(path_part)
    if candidate.is_absolute():
        return Refused("Links to absolute paths are not followed.")
    try:
        resolved = (folder / candidate).resolve()
    except (OSError, RuntimeError):
        return Refused("That link's path cannot be resolved.")
    if not resolved.is_relative_to(root.resolve()):
        return Refused("Links outside the article's folder are not followed.")
    if not is_markdown_name(resolved):
        return Refused(f"“{safe_line(candidate.name)}” is not a Markdown file.")
    return LocalArticle(resolved, anchor)
