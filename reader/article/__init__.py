"""Text in, `Article` out: an article's title and sections. Never imports Textual."""

from reader.article.model import UNTITLED, Anchor, Article, Section
from reader.article.outline import Outliner

__all__ = ["UNTITLED", "Anchor", "Article", "Outliner", "Section", "parse_article"]


def parse_article(text: str, *, name: str, split_level: int = 3) -> Article:
    """Parse the whole of `text` (already decoded and made safe) into an `Article`."""
    return Outliner(text, name=name, split_level=split_level).run()
