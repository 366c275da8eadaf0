"""Output without the TUI: `--outline` (text or JSON) and `--print` (Rich).

Never imports Textual. Every string here comes from an `Article`, whose text
was made terminal-safe when it was read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from reader.article import Article, Section
from reader.article.markdown import render_parser
from reader.article.words import reading_minutes

if TYPE_CHECKING:
    from rich.console import Console


def outline_json(article: Article) -> str:
    """The outline as JSON: lines are 1-based and inclusive."""
    data = {
        "title": article.title,
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "level": section.level,
                "words": section.words,
                "line_start": section.line_start + 1,
                "line_end": max(section.line_end, section.line_start + 1),
            }
            for section in article.sections
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def outline_text(article: Article) -> str:
    """The outline for people: numbered, indented by level, with reading times."""
    count = len(article.sections)
    minutes = reading_minutes(article.words)
    lines = [
        article.title,
        f"{count} section{'s' if count != 1 else ''} · {article.words:,} words · "
        f"{minutes} min",
        "",
    ]
    width = len(str(count))
    for section in article.sections:
        indent = "  " * max(section.level - 1, 0)
        lines.append(
            f"{section.index + 1:>{width}}  {indent}{section.label}"
            f"  ({_minutes(section)}, #{section.id})"
        )
    return "\n".join(lines)


def _minutes(section: Section) -> str:
    return f"{section.minutes} min" if section.words else "no text"


def print_article(
    article: Article, console: Console, *, only: Section | None = None
) -> None:
    """Render the article (or one section) with Rich to `console`.

    Rich's `Markdown` parses with a stock markdown-it; each section is parsed
    with the reader's own dialect instead (no HTML, no images fetched, deep
    nesting capped, the article's reference links known).
    """
    from rich.markdown import Markdown
    from rich.rule import Rule

    parser = render_parser(article.references)
    if only is None:
        console.print(Rule(article.title, style="bold"))
    for section in (only,) if only is not None else article.sections:
        markdown = Markdown("", hyperlinks=console.is_terminal)
        markdown.markup = article.source(section)
        markdown.parsed = parser.parse(markdown.markup)
        console.print(markdown)
