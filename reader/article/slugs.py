"""GitHub-compatible heading ids, so `[see](#why-do-therapists-need-therapy)` works.

The rules are github-slugger's: lower-case the heading's text, drop every
character that is not a letter, mark, number, connector (`_`), hyphen or space,
turn each space into a hyphen, and de-duplicate with `-1`, `-2`, … in document
order.
"""

import unicodedata


def slugify(text: str) -> str:
    """The bare slug of a heading's plain text, before de-duplication."""
    return text.lower().translate(_KEPT).replace(" ", "-")


class _KeptCharacters(dict[int, str | None]):
    """A `str.translate` table keeping slug characters and deleting the rest."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        kept = char in "- " or category[0] in "LMN" or category == "Pc"
        result = char if kept else None
        if len(self) < 65536:
            self[code] = result
        return result


_KEPT = _KeptCharacters()


class Slugger:
    """Hands out unique slugs in document order, as GitHub does."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str, *, empty: str = "") -> str:
        """The next unique slug for `text` (`empty` stands in for a blank slug)."""
        return self.claim(slugify(text) or empty)

    def claim(self, base: str) -> str:
        """Reserve `base`, or `base-N` for the first free N, and return it."""
        result = base
        while result in self._occurrences:
            self._occurrences[base] += 1
            result = f"{base}-{self._occurrences[base]}"
        self._occurrences[result] = 0
        return result
