"""The `reader` command: arguments, dispatch and exit codes.

Only the interactive reader imports Textual; `--outline`, `--print` and
`--feedback` never do. Every failure the user can cause is one line on stderr
and exit status 2; nothing prints a traceback (set `READER_DEBUG=1` to see one
for a bug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import locations
from reader.article import Article, Outliner
from reader.safe_text import safe_line
from reader.source import Source, SourceError, load_file

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad arguments or input: one line for stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{safe_line(message)} (see reader --help)")


def build_parser() -> argparse.ArgumentParser:
    """The command line, as `reader --help` shows it."""
    parser = _Parser(
        prog="reader",
        description=(
            "Read a Markdown article in the terminal, one section at a time. "
            "With no PATH, opens the bundled article "
            "“Do therapists go to therapy?”."
        ),
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="a Markdown file")
    parser.add_argument(
        "--outline", action="store_true", help="print the article's sections and exit"
    )
    parser.add_argument(
        "--print",
        dest="print_",
        action="store_true",
        help="print the article as styled text and exit (the default when "
        "standard output is not a terminal)",
    )
    parser.add_argument(
        "--feedback", action="store_true", help="print the feedback recorded so far"
    )
    parser.add_argument(
        "--json", action="store_true", help="with --outline or --feedback: as JSON"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where reader.db is kept (default: ${locations.DATA_DIR_ENV}, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--split-level",
        type=int,
        choices=range(1, 7),
        default=3,
        metavar="N",
        help="headings of level 1 to N start a section (default 3)",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reader`; returns the exit status."""
    try:
        return _run(build_parser().parse_args(argv))
    except UsageError as error:
        _fail(str(error))
        return EXIT_USAGE
    except SourceError as error:
        _fail(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: one line, unless asked for more
        if os.environ.get("READER_DEBUG"):
            raise
        _fail(f"internal error: {safe_line(repr(error))} (READER_DEBUG=1 shows more)")
        return EXIT_ERROR


def _fail(message: str) -> None:
    print(f"reader: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a closed pipe (`reader x.md | head`), exit without more errors."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _run(args: argparse.Namespace) -> int:
    if args.version:
        from reader.version import app_version

        print(f"reader {app_version()}")
        return EXIT_OK
    if args.json and not (args.outline or args.feedback):
        raise UsageError("--json goes with --outline or --feedback")
    if args.feedback:
        return _print_feedback(args)
    source = _load(args)
    outliner = Outliner(source.text, name=source.name, split_level=args.split_level)
    if args.outline:
        from reader.render import outline_json, outline_text

        article = outliner.run()
        print(outline_json(article) if args.json else outline_text(article))
        return EXIT_OK
    if args.print_ or not sys.stdout.isatty():
        return _print(outliner.run())
    return _read(args, source, outliner.run())


def _load(args: argparse.Namespace) -> Source:
    if args.path is None:
        bundled = locations.default_article()
        return load_file(bundled, article_id=bundled.stem)
    return load_file(args.path)


def _print(article: Article) -> int:
    from rich.console import Console

    from reader.render import print_article

    print_article(article, Console(highlight=False))
    return EXIT_OK


def _print_feedback(args: argparse.Namespace) -> int:
    from reader.store import Database, FeedbackStore

    path = locations.database_path(locations.data_dir(args.data_dir))
    records = []
    if path.exists():
        database = Database(path)
        try:
            records = FeedbackStore(database).records()
        finally:
            database.close()
    if args.json:
        print(
            json.dumps(
                [record.to_json() for record in records], ensure_ascii=False, indent=2
            )
        )
        return EXIT_OK
    if not records:
        print("No feedback recorded yet.")
        return EXIT_OK
    for record in records:
        title = safe_line(record.article_title)
        comment = f" — {safe_line(record.comment)}" if record.comment else ""
        print(f"{record.created_at}  {record.answer:<3}  {title}{comment}")
    return EXIT_OK


def _read(args: argparse.Namespace, source: Source, article: Article) -> int:
    from reader.store import Database, FeedbackStore
    from reader.ui.app import ReaderApp
    from reader.ui.persistence import Persistence

    directory = locations.data_dir(args.data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    database = Database(locations.database_path(directory))
    persistence = Persistence(FeedbackStore(database))
    try:
        ReaderApp(source, article, persistence).run()
    finally:
        persistence.close()
        database.close()
    return EXIT_OK
