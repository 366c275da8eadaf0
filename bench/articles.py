"""The articles the benchmarks read: the bundled one and generated ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench import OUT, ROOT
from bench.generate import FIRST_PHRASE, MB, ensure

BUNDLED_PHRASE = "Yes, therapists do indeed go for therapy."


@dataclass(frozen=True)
class BenchArticle:
    """An article file, and words its first section shows near its top."""

    name: str
    path: Path
    phrase: str
    bundled: bool = False

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return self.path.stat().st_size


def bundled() -> BenchArticle:
    path = ROOT / "content" / "do-therapists-go-to-therapy.md"
    return BenchArticle("bundled", path, BUNDLED_PHRASE, bundled=True)


def sized(megabytes: float) -> BenchArticle:
    """A generated article of varied sections, `megabytes` (2**20 bytes) long."""
    path = ensure(OUT / f"article-{megabytes:g}MB.md", int(megabytes * MB))
    return BenchArticle(f"{megabytes:g} MB", path, FIRST_PHRASE)


def uniform(section_bytes: int, sections: int = 80) -> BenchArticle:
    """A generated article of `sections` sections of about `section_bytes` each."""
    label = (
        f"{section_bytes // 1000} KB" if section_bytes >= 1000 else f"{section_bytes} B"
    )
    path = ensure(
        OUT / f"sections-{label.replace(' ', '')}.md",
        section_bytes * sections,
        section_bytes=section_bytes,
    )
    return BenchArticle(f"{label} sections", path, FIRST_PHRASE)


def by_size(quick: bool) -> list[BenchArticle]:
    """The articles startup is timed on: all sizes, or the two ends when quick."""
    sizes = (10.0,) if quick else (0.5, 2.0, 10.0)
    return [bundled(), *(sized(size) for size in sizes)]
