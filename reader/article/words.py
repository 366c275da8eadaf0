"""Counting words and the minutes they take to read.

A word is a run of letters and digits (with inner apostrophes and hyphens, so
"they’d" and "often-sensitive" are one word). Chinese and Japanese are not
written with spaces, so there each ideograph or kana counts as half a word:
people read those scripts at roughly twice as many characters a minute as they
read words of English. Link targets and HTML tags are not words anyone reads.

The outline counts every word of the article, so this has to be fast on 10 MB.
Finding each word with a regular expression costs about half a microsecond a
word; for text that is mostly ASCII it is ~4× faster to map every character to
its kind (`a` letter or digit, `j` joiner, space) with `bytes.translate` and
count the starts of words with `bytes.count`. Text mostly in other scripts
(Greek, Cyrillic, …) keeps the regular expression, which is faster there.
"""

import math
import re

WORDS_PER_MINUTE = 230

_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
"""Compiled only when text is not ASCII: the pattern takes milliseconds to build."""
_NOT_READ = re.compile(r"\]\([^)\s]*\)|<[^>\n]*>")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WORD_CHAR = re.compile(r"[^\W_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

_KINDS = bytes(
    ord("j") if chr(code) in "'-" else ord("a") if chr(code).isalnum() else 32
    for code in range(256)  # only ASCII is looked up
)
_AS_ASCII: dict[str, str] = {}
"""Non-ASCII characters seen so far, each as an ASCII character of its kind."""


def count_words(text: str) -> int:
    """How many words a person reads in Markdown `text`."""
    prose = _NOT_READ.sub(" ", text)
    cjk = 0
    if not prose.isascii():
        cjk_pattern = re.compile(_CJK)  # cached by `re` after the first time
        cjk = len(cjk_pattern.findall(prose))
        if cjk:
            prose = cjk_pattern.sub(" ", prose)
        if _mostly_non_ascii(prose):
            return len(_WORD.findall(prose)) + (cjk + 1) // 2
        prose = _NON_ASCII.sub(_as_ascii, prose)
    return _count_ascii(prose) + (cjk + 1) // 2


def reading_minutes(words: int) -> int:
    """Whole minutes to read `words` words (at least 1 for any text at all)."""
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0


def _count_ascii(prose: str) -> int:
    """`len(_WORD.findall(prose))` for ASCII `prose`, at C speed."""
    kinds = prose.encode("ascii").translate(_KINDS)
    starts = kinds.count(b" a") + kinds.count(b"ja") + kinds.startswith(b"a")
    # A joiner between two letters makes one word of two runs. A search for
    # "aja" does not overlap, so it misses every other joiner of "a-b-c";
    # a second search finds those.
    joins = kinds.replace(b"aja", b"aXa").replace(b"aja", b"aXa").count(b"X")
    return starts - joins


def _mostly_non_ascii(prose: str) -> bool:
    """Whether more than ~1 character in 32 is not ASCII (cheaply estimated)."""
    extra_bytes = len(prose.encode("utf-8", "surrogatepass")) - len(prose)
    return extra_bytes * 32 > len(prose)


def _as_ascii(match: re.Match[str]) -> str:
    char = match[0]
    ascii_char = _AS_ASCII.get(char)
    if ascii_char is None:
        if char == "’":
            ascii_char = "'"
        elif _WORD_CHAR.match(char):
            ascii_char = "a"
        else:
            ascii_char = " "
        if len(_AS_ASCII) < 65536:
            _AS_ASCII[char] = ascii_char
    return ascii_char
