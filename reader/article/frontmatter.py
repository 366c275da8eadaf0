"""The `title` of an article's front matter (YAML `---` or TOML `+++`).

Only the title is read, so no YAML library is needed: a top-level `title:`
line, plain or quoted. TOML goes through the standard library's `tomllib`.
Anything malformed simply has no title.
"""

import re

from reader.safe_text import safe_line

_YAML_TITLE = re.compile(r"^title:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)


def front_matter_title(content: str, marker: str) -> str | None:
    """The title in front matter `content` fenced by `marker`, if it has one.

    Escapes in quoted values (TOML's `\u001b`) decode after the text was made
    safe, so the title is made safe again.
    """
    title = _toml_title(content) if marker == "+++" else _yaml_title(content)
    return safe_line(title) if title is not None else None


def _toml_title(content: str) -> str | None:
    import tomllib  # only TOML front matter needs it

    try:
        title = tomllib.loads(content).get("title")
    except tomllib.TOMLDecodeError:
        return None
    if not isinstance(title, str):
        return None
    return title.strip() or None


def _yaml_title(content: str) -> str | None:
    match = _YAML_TITLE.search(content)
    if match is None:
        return None
    value = match["value"]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1].replace("''", "'")
    elif len(value) >= 2 and value[0] == value[-1] == '"':
        value = _unescape_double_quoted(value[1:-1])
    else:
        value = re.sub(r"\s+#.*$", "", value)  # a plain scalar's trailing comment
    return value.strip() or None


def _unescape_double_quoted(value: str) -> str:
    escapes = {"\\\\": "\\", '\\"': '"', "\\t": "\t", "\\n": " ", "\\/": "/"}
    return re.sub(r"\\[\\\"tn/]", lambda m: escapes[m[0]], value)
