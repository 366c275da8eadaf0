"""The one Markdown dialect the reader parses, for structure and for rendering.

CommonMark with tables and strikethrough, plus YAML (`---`) and TOML (`+++`)
front matter. No linkify: markdown-it-py's linkify is quadratic (64 KB of
`http:// ` takes ~25 s). Two behaviours differ from stock markdown-it-py:

- Past `MAX_NESTING` levels of lists or quotes, stock markdown-it skips "the
  tail to the end" of the enclosing range, which for a list is the rest of the
  document: every later heading would vanish. Here the too-deep lines alone are
  replaced by one `nesting_limit` token, and parsing carries on.
- The rendering parser never fetches images or passes HTML through: images
  become their alt text, and HTML is shown as the literal text it is (an HTML
  block as a code block), never dropped silently. Lines past the nesting limit
  become a visible note.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.safe_text import safe, safe_line

MAX_NESTING = 16
"""Deepest nesting of lists and quotes that is parsed and rendered."""

NESTING_LIMIT = "nesting_limit"
"""Token type standing in for lines nested deeper than `MAX_NESTING`."""

References = Mapping[str, Mapping[str, Any]]
"""Reference-link definitions as markdown-it keeps them: `href`, `title`, `map`."""


class _DepthCappedParserBlock(ParserBlock):
    """A block parser that survives nesting deeper than `maxNesting`."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level < state.md.options.maxNesting:
            super().tokenize(state, startLine, endLine)
            return
        # Too deep: swallow this nested block's own lines (up to a blank line or
        # a line that leaves it), mark them, and hand back to the parent rule.
        first = line = state.skipEmptyLines(startLine)
        while (
            line < endLine
            and not state.isEmpty(line)
            and state.sCount[line] >= state.blkIndent
        ):
            line += 1
        if line > first:
            token = state.push(NESTING_LIMIT, "", 0)
            token.map = [first, line]
            token.block = True
            token.content = state.getLines(first, line, state.blkIndent, False)
        state.line = line


def _toml_front_matter(
    state: StateBlock, startLine: int, endLine: int, silent: bool
) -> bool:
    """`+++` … `+++` at the very top: TOML front matter (YAML is the plugin's)."""
    if startLine != 0 or not _is_marker_line(state, 0, "+++"):
        return False
    closing = next(
        (line for line in range(1, endLine) if _is_marker_line(state, line, "+++")),
        None,
    )
    if closing is None:
        return False
    if silent:
        return True
    token = state.push("front_matter", "", 0)
    token.hidden = True
    token.markup = "+++"
    token.block = True
    token.content = state.getLines(1, closing, 0, False)
    token.map = [0, closing + 1]
    state.line = closing + 1
    return True


def _is_marker_line(state: StateBlock, line: int, marker: str) -> bool:
    text = state.src[state.bMarks[line] : state.eMarks[line]]
    return text.rstrip(" \t") == marker


def opens_front_matter(text: str) -> bool:
    """Whether `text` starts the way front matter does (closed or not).

    YAML front matter is any first line starting `---` (the plugin's rule),
    TOML a first line `+++`. Unclosed, either is no front matter at all, so
    whether it is one depends on the whole text.
    """
    if text.startswith("---"):
        return True
    return text.startswith("+++") and text[:4096].partition("\n")[0].rstrip() == "+++"


def _configure(md: MarkdownIt) -> MarkdownIt:
    """Our dialect, on a fresh parser: its block parser swapped, then configured."""
    md.block = _DepthCappedParserBlock()
    md.configure("commonmark", {"maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.block.ruler.before("table", "toml_front_matter", _toml_front_matter)
    return md


def structure_parser() -> MarkdownIt:
    """A parser that runs the block rules only: enough to find the sections."""
    md = _configure(MarkdownIt())
    md.disable(["inline", "text_join"])
    return md


class _ReferencedMarkdownIt(MarkdownIt):
    """A parser that knows the whole article's reference-link definitions.

    A section rendered alone must still resolve `[text][label]` links whose
    definitions live elsewhere in the article.
    """

    def __init__(self, references: References) -> None:
        super().__init__("commonmark")
        self._references = references

    def parse(
        self, src: str, env: MutableMapping[str, Any] | None = None
    ) -> list[Token]:
        env = {} if env is None else env
        references = env.setdefault("references", {})
        for label, definition in self._references.items():
            references.setdefault(label, dict(definition))
        return super().parse(src, env)


def render_parser(references: References) -> MarkdownIt:
    """A parser for showing a section, resolving the article's references."""
    md = _configure(_ReferencedMarkdownIt(references))
    md.core.ruler.push("inert", _inert)
    return md


def nesting_note(lines: int) -> str:
    """The note shown instead of lines nested past `MAX_NESTING`."""
    return f"⋯ {lines} line{'' if lines == 1 else 's'} nested too deeply to show"


def _inert(state: StateCore) -> None:
    """Make what the renderers would fetch, pass through or drop plain text.

    Strings are made terminal-safe once more: markdown-it decodes character
    references (`&#x1b;`, `&#x202E;`) after the source was made safe.
    """
    tokens: list[Token] = []
    for token in state.tokens:
        _clean(token)
        if token.type == "inline" and token.children:
            token.children = [_inert_inline(_clean(child)) for child in token.children]
        if token.type == "html_block":
            token.type, token.tag = "code_block", "code"
        if token.type == NESTING_LIMIT:
            lines = token.map[1] - token.map[0] if token.map else 1
            tokens.extend(_paragraph(nesting_note(lines), token.level))
            continue
        tokens.append(token)
    state.tokens[:] = tokens


def _clean(token: Token) -> Token:
    token.content = safe(token.content)
    token.info = safe_line(token.info)
    for key, value in token.attrs.items():
        if isinstance(value, str):
            token.attrs[key] = safe_line(value)
    return token


def _inert_inline(token: Token) -> Token:
    if token.type == "image":
        alt = "".join(safe_line(child.content) for child in token.children or ())
        return _text(f"[image: {alt}]" if alt else "[image]")
    if token.type == "html_inline":
        return _text(token.content)
    return token


def _paragraph(text: str, level: int) -> list[Token]:
    opening = Token("paragraph_open", "p", 1, level=level, block=True)
    inline = Token(
        "inline", "", 0, level=level + 1, content=text, children=[_text(text)]
    )
    closing = Token("paragraph_close", "p", -1, level=level, block=True)
    return [opening, inline, closing]


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)
