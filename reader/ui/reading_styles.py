"""The colours a section is typeset in, taken from the app's Textual theme.

Sections are typeset with Rich (see `reader.typeset`), whose Markdown styles
know nothing of Textual themes; this maps a theme's colours onto them so a
section reads in the theme the rest of the screen is in, dark or light.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.theme import Theme
from textual.color import Color, ColorParseError
from textual.theme import Theme as TextualTheme


@dataclass(frozen=True)
class ReadingStyles:
    """A Rich theme for Markdown, and the Pygments style for code."""

    theme: Theme
    code_theme: str


def reading_styles(textual_theme: TextualTheme) -> ReadingStyles:
    """Rich Markdown styles in the colours of `textual_theme`."""
    variables = textual_theme.to_color_system().generate()
    background = _colour(variables, "background", Color(0, 0, 0))
    foreground = _colour(variables, "foreground", Color(224, 224, 224))

    foreground = background + foreground

    def hex_of(name: str) -> str:
        """A theme colour as plain hex, any transparency laid over the background."""
        return (background + _colour(variables, name, foreground)).hex

    muted = foreground.blend(background, 0.4).hex
    heading = hex_of("text-primary")
    code_background = _colour(variables, "warning", foreground).blend(
        background, 0.88 if textual_theme.dark else 0.92
    )
    styles = {
        "markdown.h1": f"bold underline {heading}",
        "markdown.h2": f"bold {heading}",
        "markdown.h3": f"bold {foreground.hex}",
        "markdown.h4": f"bold italic {foreground.hex}",
        "markdown.h5": f"italic {foreground.hex}",
        "markdown.h6": f"italic {muted}",
        "markdown.h1.border": heading,
        "markdown.code": f"{hex_of('text-warning')} on {code_background.hex}",
        "markdown.code_block": f"{foreground.hex} on {code_background.hex}",
        "markdown.block_quote": f"italic {hex_of('text-secondary')}",
        "markdown.list": hex_of("text-accent"),
        "markdown.item.bullet": f"bold {hex_of('text-accent')}",
        "markdown.item.number": f"bold {hex_of('text-accent')}",
        "markdown.hr": muted,
        "markdown.link": f"underline {heading}",
        "markdown.link_url": f"underline {heading}",
        "markdown.table.border": muted,
        "markdown.table.header": f"bold {foreground.hex}",
        "markdown.s": "strike",
    }
    return ReadingStyles(
        Theme(styles), "github-dark" if textual_theme.dark else "friendly"
    )


def _colour(variables: dict[str, str], name: str, fallback: Color) -> Color:
    try:
        return Color.parse(variables.get(name, ""))
    except ColorParseError:
        return fallback
