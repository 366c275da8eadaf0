"""Deterministic Markdown articles of a given size, for benchmarks.

`generate(size_bytes, seed)` always returns the same text for the same
arguments: sections under headings of levels 1–3 (some with level 4–6
headings inside), prose-like paragraphs, bullet and ordered lists, fenced
code with `#` comment lines, tables, block quotes and reference links.
Sections are mostly 0.5–5 KB with the odd ~20 KB one, unless `section_bytes`
asks for uniform ones. The first section starts with `FIRST_PHRASE`, which the
terminal harness polls for.

`python -m bench.generate SIZE_MB [--seed N] [--section-bytes N] [-o FILE]`
writes one article (to standard output without `-o`).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

FIRST_PHRASE = "Benchmark article begins here"
"""The first words of the first section, found nowhere else in the article."""

MB = 1024 * 1024

_VOCABULARY = """
the of and to in is it that for on with as was are be this have from or one
had by word but not what all were we when your can said there use an each
which she do how their if will up other about out many then them these so some
her would make like him into time has look two more write go see number no way
could people my than first water been call who oil its now find long down day
did get come made may part reader terminal section article heading paragraph
outline memory parser token frame screen window table list quote code
benchmark measure latency startup render widget layout scroll page cursor
therapy client practice session support stress balance habit morning evening
river mountain garden kitchen letter season market village harbour bridge
quiet careful simple gentle honest rapid steady narrow bright heavy early late
often rarely always never perhaps indeed however therefore meanwhile instead
don’t it’s café naïve
"""
_WORDS = _VOCABULARY.split()

_LANGUAGES = ("python", "bash", "toml", "text")


class _Writer:
    """Builds one article from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.references = 0

    # -- words ----------------------------------------------------------------

    def words(self, low: int, high: int) -> list[str]:
        return [self.rng.choice(_WORDS) for _ in range(self.rng.randint(low, high))]

    def title(self) -> str:
        return " ".join(self.words(2, 6)).capitalize()

    def sentence(self) -> str:
        words = self.words(5, 18)
        roll = self.rng.random()
        if roll < 0.06:
            words[1] = f"*{words[1]}*"
        elif roll < 0.10:
            words[2] = f"**{words[2]}**"
        elif roll < 0.14:
            words[1] = f"`{words[1]}()`"
        elif roll < 0.17:
            words[2] = f"[{words[2]}](https://example.com/{words[3]})"
        elif roll < 0.19:
            self.references += 1
            words[1] = f"[{words[1]}][ref-{self.references}]"
        if len(words) > 9 and self.rng.random() < 0.4:
            words[self.rng.randint(3, 6)] += self.rng.choice((",", ",", " —"))
        end = self.rng.choice(".....?!")
        return " ".join(words).capitalize() + end

    def prose(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        return " ".join(self.sentence() for _ in range(count))

    # -- blocks ---------------------------------------------------------------

    def paragraph(self) -> str:
        return self.prose(2, 7)

    def bullets(self) -> str:
        lines = []
        for _ in range(self.rng.randint(2, 7)):
            lines.append(f"- {self.prose(1, 2)}")
            if self.rng.random() < 0.2:
                lines.append(f"  - {self.prose(1, 1)}")
        return "\n".join(lines)

    def ordered(self) -> str:
        count = self.rng.randint(2, 6)
        return "\n".join(f"{n}. {self.prose(1, 2)}" for n in range(1, count + 1))

    def code(self) -> str:
        language = self.rng.choice(_LANGUAGES)
        lines = []
        for _ in range(self.rng.randint(3, 14)):
            roll = self.rng.random()
            name = "_".join(self.words(1, 3))
            if roll < 0.3:
                lines.append(f"# {' '.join(self.words(2, 8))}")
            elif roll < 0.5:
                lines.append(f"def {name}(value):")
            elif roll < 0.8:
                lines.append(f"    {name} = {self.rng.randint(0, 9999)}")
            else:
                lines.append(f"    return {name}")
        fence = "~~~" if self.rng.random() < 0.2 else "```"
        return "\n".join([f"{fence}{language}", *lines, fence])

    def table(self) -> str:
        columns = self.rng.randint(3, 5)
        header = [w.capitalize() for w in self.words(columns, columns)]
        rows = [
            "| " + " | ".join(header) + " |",
            "|" + "|".join(" --- " for _ in header) + "|",
        ]
        for _ in range(self.rng.randint(3, 10)):
            cells = [
                str(self.rng.randint(0, 999))
                if self.rng.random() < 0.3
                else " ".join(self.words(1, 3))
                for _ in header
            ]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def quote(self) -> str:
        lines = [f"> {self.prose(1, 3)}"]
        if self.rng.random() < 0.1:
            lines[:0] = [f"> # {self.title()}", ">"]  # a heading that never splits
        return "\n".join(lines)

    def subheading(self) -> str:
        return f"{'#' * self.rng.randint(4, 6)} {self.title()}"

    def block(self) -> str:
        makers: list[tuple[float, Callable[[], str]]] = [
            (0.58, self.paragraph),
            (0.68, self.bullets),
            (0.74, self.ordered),
            (0.83, self.code),
            (0.87, self.table),
            (0.93, self.quote),
            (1.00, self.subheading),
        ]
        roll = self.rng.random()
        return next(make for limit, make in makers if roll < limit)()

    # -- sections -------------------------------------------------------------

    def heading(self, first: bool) -> str:
        if first:
            return "# Benchmark article"
        level = self.rng.choices((1, 2, 3), weights=(1, 5, 6))[0]
        title = self.title()
        if level <= 2 and self.rng.random() < 0.05:  # setext, now and then
            return f"{title}\n{'=-'[level - 1] * len(title)}"
        return f"{'#' * level} {title}"

    def section(self, budget: int, first: bool) -> str:
        first_reference = self.references + 1
        blocks = [self.heading(first)]
        if first:
            blocks.append(f"{FIRST_PHRASE}. {self.paragraph()}")
        size = sum(len(block) + 2 for block in blocks)
        while size < budget:
            block = self.block()
            grown = size + len(block.encode()) + 2
            if grown > budget * 1.25 and len(blocks) > 2:
                break  # a block that would overshoot ends the section instead
            blocks.append(block)
            size = grown
        blocks.extend(
            f"[ref-{n}]: https://example.org/notes/{n}"
            for n in range(first_reference, self.references + 1)
        )
        return "\n\n".join(blocks) + "\n\n"

    def section_budget(self, section_bytes: int | None) -> int:
        if section_bytes is not None:
            return int(section_bytes * self.rng.uniform(0.9, 1.1))
        if self.rng.random() < 0.03:
            return self.rng.randint(18_000, 22_000)
        return int(math.exp(self.rng.uniform(math.log(500), math.log(5000))))


def generate(size_bytes: int, seed: int = 0, section_bytes: int | None = None) -> str:
    """An article of about `size_bytes` UTF-8 bytes (at least that many)."""
    writer = _Writer(seed)
    parts: list[str] = []
    size = 0
    while size < size_bytes or not parts:
        budget = writer.section_budget(section_bytes)
        part = writer.section(budget, first=not parts)
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)


def ensure(
    path: Path, size_bytes: int, seed: int = 0, section_bytes: int | None = None
) -> Path:
    """Write the article to `path` unless the same one is already there."""
    recipe = f"{size_bytes}:{seed}:{section_bytes}:".encode() + _own_source()
    key = hashlib.sha256(recipe).hexdigest()
    stamp = path.with_name(path.name + ".key")
    if path.exists() and stamp.exists() and stamp.read_text() == key:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate(size_bytes, seed, section_bytes), encoding="utf-8")
    stamp.write_text(key)
    return path


def _own_source() -> bytes:
    """This module's code: a change to the generator regenerates the files."""
    return Path(__file__).read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate")
    parser.add_argument("size_mb", type=float, help="size in MB (2**20 bytes)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--section-bytes", type=int, default=None)
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    size = int(args.size_mb * MB)
    if args.output is not None:
        ensure(args.output, size, args.seed, args.section_bytes)
    else:
        sys.stdout.write(generate(size, args.seed, args.section_bytes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
