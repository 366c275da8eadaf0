"""Command-palette entries: "Go to section …" for every section of the article."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.ui.screens.reading import ReadingScreen


class SectionCommands(Provider):
    """Go to any section by typing part of its title."""

    def _reading_screen(self) -> ReadingScreen | None:
        screen = self.screen
        return screen if isinstance(screen, ReadingScreen) else None

    def _entries(self) -> list[tuple[str, int]]:
        screen = self._reading_screen()
        if screen is None:
            return []
        return [
            (f"Go to section {section.index + 1}: {section.label}", section.index)
            for section in screen.article.sections
        ]

    async def discover(self) -> Hits:
        screen = self._reading_screen()
        for text, index in self._entries():
            if screen is not None:
                yield DiscoveryHit(Content(text), partial(screen.go, index), text=text)

    async def search(self, query: str) -> Hits:
        screen = self._reading_screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for text, index in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher.query, text),
                    partial(screen.go, index),
                    text=text,
                )


def _highlight(query: str, text: str) -> Content:
    """`text` with the characters matching `query` emphasised.

    Textual's `Matcher.highlight` parses its candidate as markup, which a heading
    like `[/]` would break; this builds plain `Content` instead.
    """
    content = Content(text)
    lowered = text.lower()
    position = 0
    for char in query.lower():
        if char.isspace():
            continue
        found = lowered.find(char, position)
        if found < 0:
            break
        content = content.stylize("bold underline", found, found + 1)
        position = found + 1
    return content
