"""Counting words and the minutes they take to read.

A word is a run of letters and digits (with inner apostrophes and hyphens, so
"they’d" and "often-sensitive" are one word). Chinese and Japanese are not
written with spaces, so there each ideograph or kana counts as half a word:
people read those scripts at roughly twice as many characters a minute as they
read words of English. Link targets and HTML tags are not words anyone reads.
"""

import math
import re

WORDS_PER_MINUTE = 230

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_READ = re.compile(r"\]\([^)\s]*\)|<[^>\n]*>")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """How many words a person reads in Markdown `text`."""
    prose = _NOT_READ.sub(" ", text)
    cjk = len(_CJK.findall(prose))
    if cjk:
        prose = _CJK.sub(" ", prose)
    return len(_WORD.findall(prose)) + (cjk + 1) // 2


def reading_minutes(words: int) -> int:
    """Whole minutes to read `words` words (at least 1 for any text at all)."""
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0
