"""How `str` values go into the database: keys exactly, text always valid.

Article ids are file paths, and a path need not be valid UTF-8: Python hands it
over as a `str` with lone surrogates (`os.fsdecode`'s "surrogateescape"), which
SQLite cannot store as TEXT. So an article is looked up by `article_key`, the
exact bytes of its id (`surrogatepass` maps every `str`, surrogates included, to
distinct bytes), and shown by `storable(id)`, valid text close to the original.
Every other text column goes through `storable` too, so no value can make a
write fail; text that is already valid (all text the reader makes: titles,
section ids, typed comments) is stored unchanged, NUL and escapes included.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def article_key(article_id: str) -> bytes:
    """The exact, lossless key of an article id, for lookups (a BLOB)."""
    return article_id.encode("utf-8", "surrogatepass")


def storable(text: str) -> str:
    """`text` as valid Unicode: unchanged unless it has lone surrogates.

    Undecodable file-name bytes (surrogateescape) show as `\\xNN`, as Python
    prints them; any other lone surrogate becomes U+FFFD.
    """
    if _LONE_SURROGATE.search(text) is None:
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return raw.decode("utf-8", "backslashreplace")
