"""`reader --feedback`: the summary, JSON and CSV, safe on a terminal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_helpers import NON_UTF8_ID, ODD_COMMENTS, add_answer, open_test_store

from reader.report import (
    COLUMNS,
    feedback_csv,
    feedback_json,
    feedback_summary,
)
from reader.store import Answer, FeedbackRecord


def _record(
    number: int,
    answer: Answer,
    *,
    reader: str = "r1",
    version: str = "v1",
    article: str = "article",
    comment: str | None = None,
) -> FeedbackRecord:
    return FeedbackRecord(
        id=number,
        article_id=article,
        article_title=f"Title of {article}",
        content_sha256=version,
        answer=answer,
        comment=comment,
        created_at=f"2026-11-{number:02d}T10:00:00.000Z",
        app_version="0.1.0",
        reader_id=reader,
    )


def _odd_records(tmp_path: Path) -> list[FeedbackRecord]:
    """Records with every odd comment, through the real store."""
    store = open_test_store(tmp_path / "data")
    try:
        for number, comment in enumerate(ODD_COMMENTS):
            record_id = add_answer(
                store,
                article_id=NON_UTF8_ID if number % 2 else f"article-{number}",
                article_title=f"Title \x1b]0;owned\x07 {comment[:20]}",
                answer="yes" if number % 2 else "no",
            )
            store.feedback.set_comment(record_id, comment)
        return store.feedback.records()
    finally:
        store.close()


def _assert_terminal_safe(output: str) -> None:
    controls = {char for char in output if ord(char) < 0x20 and char not in "\n\t"}
    assert controls == set()
    assert not any(0x7F <= ord(char) <= 0x9F for char in output)
    assert not any(0x202A <= ord(char) <= 0x202E for char in output)
    output.encode("utf-8")  # no lone surrogates


def test_summary_counts_the_latest_answer_per_reader_per_version() -> None:
    records = [
        _record(1, "no", reader="r1", version="v1"),
        _record(2, "yes", reader="r1", version="v1"),  # r1 changed their mind
        _record(3, "no", reader="r2", version="v1"),
        _record(4, "yes", reader="r2", version="v2"),  # a new version: counts too
        _record(5, "yes", reader="r3", version="v2", comment="Clear."),
    ]
    summary = feedback_summary(records)
    assert summary.splitlines() == [
        "Title of article",
        "  article",
        "  5 answers · 75% helpful (3 of 4, counting each reader's latest answer"
        " per version)",
        "  Latest comments:",
        "    2026-11-05  yes  Clear.",
    ]


def test_summary_lists_articles_newest_first_with_latest_comments() -> None:
    records = [
        _record(1, "yes", article="old", comment="first"),
        _record(2, "no", article="new", comment="one"),
        _record(3, "no", article="new", reader="r2", comment="two"),
        _record(4, "yes", article="new", reader="r3", comment="three"),
        _record(5, "yes", article="new", reader="r4", comment="four"),
    ]
    blocks = feedback_summary(records).split("\n\n")
    assert [block.splitlines()[1] for block in blocks] == ["  new", "  old"]
    assert blocks[0].splitlines()[-3:] == [
        "    2026-11-05  yes  four",
        "    2026-11-04  yes  three",
        "    2026-11-03  no   two",
    ]
    assert "1 answer · 100% helpful" in blocks[1]


def test_summary_of_nothing() -> None:
    assert feedback_summary([]) == "No feedback recorded yet."


def test_summary_cuts_long_comments_to_a_line() -> None:
    summary = feedback_summary([_record(1, "yes", comment="🙂" * 2000)])
    comment_line = summary.splitlines()[-1]
    comment = comment_line.split("yes  ", 1)[1]
    assert comment == "🙂" * 49 + "…"  # 99 columns, the "…" the 100th


def test_outputs_are_safe_on_a_terminal(tmp_path: Path) -> None:
    records = _odd_records(tmp_path)
    for output in (
        feedback_summary(records),
        feedback_json(records),
        feedback_csv(records),
    ):
        _assert_terminal_safe(output)
        assert "\x1b" not in output
    assert "␛]0;owned␇" in feedback_summary(records)
    assert "[bold]x[/]" in feedback_summary(records)  # shown as written, inert


def test_json_gives_back_every_record_exactly(tmp_path: Path) -> None:
    records = _odd_records(tmp_path)
    data = json.loads(feedback_json(records))
    assert data == [record.to_json() for record in records]
    assert list(data[0]) == list(COLUMNS)
    assert data[3]["comment"] == "🙂" * 2000
    assert "🙂" in feedback_json(records)  # readable, not \\ud83d escapes


def test_csv_has_a_header_and_round_trips_ordinary_text() -> None:
    comment = "Commas, \"quotes\", 'single', é 家 🙂\nand a second line\twith a tab"
    records = [_record(1, "yes", comment=comment), _record(2, "no")]
    rows = list(csv.reader(io.StringIO(feedback_csv(records))))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "article",
        "Title of article",
        "v1",
        "yes",
        comment,
        "2026-11-01T10:00:00.000Z",
        "0.1.0",
        "r1",
    ]
    assert rows[2][COLUMNS.index("comment")] == ""
    assert len(rows) == 3


@pytest.mark.parametrize(
    ("comment", "shown"),
    [
        ("\x1b[31mred", "␛[31mred"),
        ("nul\x00", "nul␀"),
        ("csi\x9b2J", "csi\ufffd2J"),
        ("\u202eevil", "evil"),
    ],
)
def test_csv_makes_controls_visible(comment: str, shown: str) -> None:
    rows = list(
        csv.reader(io.StringIO(feedback_csv([_record(1, "no", comment=comment)])))
    )
    assert rows[1][COLUMNS.index("comment")] == shown
