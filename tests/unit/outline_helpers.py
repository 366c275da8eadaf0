"""Comparing outlines found in different ways."""

from __future__ import annotations

from reader.article import Article


def assert_same_outline(left: Article, right: Article) -> None:
    """`left` and `right` are the same complete outline."""
    assert left.title == right.title
    assert left.sections == right.sections
    assert dict(left.anchors) == dict(right.anchors)
    assert dict(left.references) == dict(right.references)
    assert left.complete and right.complete
