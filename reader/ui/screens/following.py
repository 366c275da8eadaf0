"""Following a link from the reading screen: jump, open, ask, or refuse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.links import Anchor, LocalArticle, Refused, WebLink, classify
from reader.ui.screens.confirm_link import ConfirmLinkScreen

if TYPE_CHECKING:
    from reader.ui.screens.reading import ReadingScreen


async def follow(screen: ReadingScreen, href: str) -> None:
    """Do what following `href` from `screen` means (see `reader.links`)."""
    app = screen.reader_app
    target = classify(href, folder=screen.source.folder, root=app.root)
    if isinstance(target, Anchor):
        await go_to_anchor(screen, target.anchor)
    elif isinstance(target, LocalArticle):
        app.open_article(target.path, target.anchor)
    elif isinstance(target, WebLink):
        url = target.url

        def opened(confirmed: bool | None) -> None:
            if confirmed:
                app.open_url(url)

        app.push_screen(ConfirmLinkScreen(target), opened)
    elif isinstance(target, Refused):
        screen.notify(
            target.reason, title="Link not followed", severity="warning", markup=False
        )


async def go_to_anchor(screen: ReadingScreen, anchor: str) -> bool:
    """Show the heading with GitHub-style id `anchor`; False if there is none.

    `#top` and an empty anchor mean the start, as on GitHub.
    """
    article = screen.article
    found = article.anchors.get(anchor)
    if found is None:
        if anchor in ("", "top"):
            await screen.go(0)
            return True
        screen.notify(
            f"No heading “#{anchor}” in this article.", severity="warning", markup=False
        )
        return False
    await screen.go(found.section)
    section_start = article.sections[found.section].line_start
    if found.line != section_start:
        await screen.pane.finish_typesetting()
        screen.pane.reveal_source_line(found.line - section_start)
    return True
