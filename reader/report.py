"""What `reader --feedback` prints: a summary, or every record as JSON or CSV.

All three are text for a terminal or a pipe, so untrusted text (titles, ids,
comments) never reaches it with control characters: the summary and the CSV
pass it through `reader.safe_text`, and the JSON escapes it, so that
`json.loads` gives back exactly what was stored. No Textual, no Rich.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence

from reader.safe_text import safe, safe_line
from reader.store.feedback import FeedbackRecord

COLUMNS = (
    "article_id",
    "article_title",
    "content_sha256",
    "answer",
    "comment",
    "created_at",
    "app_version",
    "reader_id",
)
"""The fields of a record in `--json` and `--csv`, in order."""
LATEST_COMMENTS = 3
COMMENT_WIDTH = 100
"""Terminal columns a comment may take in the summary before it is cut."""

# Valid in JSON text, but able to act on a terminal (C1 controls such as CSI,
# bidi overrides) or not encodable (lone surrogates): written as \uXXXX.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def feedback_summary(records: Iterable[FeedbackRecord]) -> str:
    """Per article, newest first: answers, % helpful, the latest comments.

    "Helpful" counts each reader's latest answer for each version of the
    article (its SHA-256), so changing an answer moves the figure, and a
    reader answering again after the article changed counts again.
    """
    by_article: dict[str, list[FeedbackRecord]] = {}
    for record in sorted(records, key=lambda record: record.id):
        by_article.setdefault(record.article_id, []).append(record)
    if not by_article:
        return "No feedback recorded yet."
    newest_first = sorted(by_article.values(), key=lambda group: -group[-1].id)
    return "\n\n".join(_article_summary(group) for group in newest_first)


def _article_summary(records: Sequence[FeedbackRecord]) -> str:
    """The summary of one article's records, given oldest first."""
    newest = records[-1]
    latest = {(record.reader_id, record.content_sha256): record for record in records}
    helpful = sum(record.answer == "yes" for record in latest.values())
    percent = int(100 * helpful / len(latest) + 0.5)
    count = f"{len(records)} answer{'' if len(records) == 1 else 's'}"
    lines = [
        safe_line(newest.article_title),
        f"  {safe_line(newest.article_id)}",
        f"  {count} · {percent}% helpful ({helpful} of {len(latest)},"
        " counting each reader's latest answer per version)",
    ]
    commented = [record for record in reversed(records) if record.comment]
    if commented:
        lines.append("  Latest comments:")
        for record in commented[:LATEST_COMMENTS]:
            comment = _cut(safe_line(record.comment or ""), COMMENT_WIDTH)
            lines.append(f"    {record.created_at[:10]}  {record.answer:<3}  {comment}")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns, with "…" if anything was cut."""
    if sum(map(_columns, text)) <= width:
        return text
    used = 0
    for index, char in enumerate(text):
        used += _columns(char)
        if used > width - 1:  # one column is kept for the "…"
            return text[:index].rstrip() + "…"
    return text


def _columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def feedback_json(records: Iterable[FeedbackRecord]) -> str:
    """Every record as a JSON list of objects with the `COLUMNS` keys."""
    text = json.dumps(
        [record.to_json() for record in records], ensure_ascii=False, indent=2
    )
    # json.dumps already escapes C0 controls (ESC is written \u001b).
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def feedback_csv(records: Iterable[FeedbackRecord]) -> str:
    """Every record as CSV: a header row, then one row per record.

    Values go through `reader.safe_text.safe`: controls become visible symbols,
    tabs and line breaks stay (a multi-line comment is one quoted field), so
    ordinary text round-trips through any CSV reader unchanged.
    """
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        data = record.to_json()
        writer.writerow([safe(str(data[column] or "")) for column in COLUMNS])
    return output.getvalue()
