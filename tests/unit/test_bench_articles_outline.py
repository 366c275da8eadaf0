"""The articles `make bench` measures, outlined every way the reader outlines
them, give the outline of one full parse (issue 6: no optimisation may change
the outline). The text is generated here as `bench/generate.py` writes it."""

from __future__ import annotations

import pytest

from bench.generate import MB, generate
from reader.article import Outliner
from reader.article.parallel import PARALLEL_FROM, outline
from tests.unit.outline_helpers import assert_same_outline

ARTICLES = {
    "0.5 MB": (MB // 2, None),
    "2 MB": (2 * MB, None),
    "10 MB": (10 * MB, None),
    "600 B sections": (600 * 80, 600),
    "20 KB sections": (20_000 * 80, 20_000),
}


@pytest.mark.parametrize("name", ARTICLES)
def test_every_way_of_outlining_a_bench_article_agrees(name: str) -> None:
    size, section_bytes = ARTICLES[name]
    text = generate(size, section_bytes=section_bytes)
    one_pass = Outliner(text, name="bench.md", chunked=False).run()
    assert len(one_pass.sections) > 10
    # In chunks, as the app outlines while it shows the first section.
    assert_same_outline(Outliner(text, name="bench.md").run(), one_pass)
    # The first section alone, as the app shows it before the rest is known.
    start = Outliner(text, name="bench.md").until(lambda found: bool(found.sections))
    assert start.sections[0] == one_pass.sections[0]
    # In two processes, from 2 MB on.
    if len(text) >= PARALLEL_FROM:
        assert_same_outline(outline(text, name="bench.md"), one_pass)
