"""The `reader` command: what to do with its arguments, and exit codes.

Only the interactive reader imports Textual; `--outline`, `--print` and
`--feedback` never do, and neither does reading through a pipe. Every failure
the user can cause is one line on stderr and exit status 2; nothing prints a
traceback (set `READER_DEBUG=1` to see one for a bug).
"""

from __future__ import annotations

import argparse
import io
import os
import shlex
import stat
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import launch, locations
from reader.arguments import UsageError, build_parser
from reader.article import Article, Outliner, Section
from reader.safe_text import safe_line
from reader.source import (
    STDIN_NAME,
    Source,
    SourceError,
    display_path,
    load_file,
    load_stream,
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reader`; returns the exit status."""
    try:
        status = _run(build_parser().parse_args(argv))
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
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
    print(f"reader: {safe_line(message)}", file=sys.stderr)


def _note(shown: str, notice: str) -> None:
    print(f"reader: note: {safe_line(shown)}: {safe_line(notice)}", file=sys.stderr)


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
    if args.csv and not args.feedback:
        raise UsageError("--csv goes with --feedback")
    if args.csv and args.json:
        raise UsageError("choose one of --json and --csv")
    theme = launch.check_theme(args.theme)
    if args.section is not None and args.outline:
        raise UsageError("--section goes with --print, not --outline")
    if args.feedback:
        return _print_feedback(args)
    printing = args.outline or args.print_ or not _is_terminal(sys.stdout)
    if args.section is not None and not printing:
        raise UsageError("--section goes with --print")
    if printing:
        _replace_unencodable(sys.stdout)
        if _is_folder(args.path):
            return _print_folder(args)
    elif _is_folder(args.path):
        from reader.folder import scan_folder

        launch.read(args, scan_folder(args.path), theme)
        return EXIT_OK
    source = _load(args)
    if printing and source.notice:
        _note(_shown(args), source.notice)
    outliner = Outliner(source.text, name=source.name, split_level=args.split_level)
    if args.outline:
        from reader.render import outline_json, outline_text

        article = _whole(outliner)
        print(outline_json(article) if args.json else outline_text(article))
        return EXIT_OK
    if printing:
        return _print(args, _whole(outliner))
    if args.path == "-":
        launch.keyboard_from_terminal()
    launch.read(args, (source, outliner), theme)
    return EXIT_OK


def _whole(outliner: Outliner) -> Article:
    """The whole outline, as fast as this machine allows (see `reader.collector`
    and `reader.article.parallel`)."""
    if len(outliner.text) < launch.WHOLE_OUTLINE_AT_ONCE:
        return outliner.run()
    from reader.article.parallel import finish
    from reader.collector import paused_collection

    with paused_collection():
        return finish(outliner)


def _load(args: argparse.Namespace) -> Source:
    if args.path is None:
        bundled = locations.default_article()
        return load_file(bundled, max_size=args.max_size, article_id=bundled.stem)
    if args.path == "-":
        if sys.stdin is None:
            raise UsageError("standard input is closed; pipe a file in")
        if sys.stdin.isatty():
            raise UsageError(
                "standard input is a terminal; pipe a file in (reader - < notes.md)"
            )
        return load_stream(sys.stdin.buffer, max_size=args.max_size)
    return load_file(args.path, max_size=args.max_size)


def _shown(args: argparse.Namespace) -> str:
    """The article's path as it may be shown."""
    if args.path is None:
        return locations.DEFAULT_ARTICLE
    return STDIN_NAME if args.path == "-" else display_path(args.path)


def _is_terminal(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


def _is_folder(path: str | None) -> bool:
    if path is None or path == "-":
        return False
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False  # loading it says what is wrong


def _replace_unencodable(stream: TextIO | None) -> None:
    """On a terminal that is not UTF-8, show `?` rather than fail."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")


def _print_folder(args: argparse.Namespace) -> int:
    """`reader DIR` without the TUI: list its articles."""
    from reader.folder import list_folder
    from reader.render import folder_json, folder_text

    shown = display_path(args.path)
    if args.section is not None:
        raise UsageError(f"{shown}: a folder; --section needs an article")
    listing = list_folder(args.path, max_size=args.max_size)
    print(folder_json(listing, shown) if args.json else folder_text(listing, shown))
    return EXIT_OK


def _print(args: argparse.Namespace, article: Article) -> int:
    from reader.render import print_article

    only = None if args.section is None else _section(args, article)
    print_article(article, sys.stdout, width=args.width, only=only)
    return EXIT_OK


def _section(args: argparse.Namespace, article: Article) -> Section:
    """The section `--section` names: by id, else by its number in the outline."""
    wanted = args.section.strip()
    section = article.find(wanted)
    if (
        section is None
        and wanted.isdecimal()
        and 0 < int(wanted) <= len(article.sections)
    ):
        section = article.sections[int(wanted) - 1]
    if section is None:
        command = "reader --outline"
        if args.path is not None:
            command += f" {shlex.quote(_shown(args))}" if args.path != "-" else " -"
        raise UsageError(
            f"{_shown(args)}: no section {safe_line(wanted)!r}; "
            f"see the ids with: {command}"
        )
    return section


def _print_feedback(args: argparse.Namespace) -> int:
    from reader.report import feedback_csv, feedback_json, feedback_summary
    from reader.store import FeedbackRecord, open_store

    directory = locations.data_dir(args.data_dir)
    records: list[FeedbackRecord] = []
    if locations.database_path(directory).exists():
        opened = open_store(directory)
        if opened.notice:
            _fail(f"note: {opened.notice}")
        if opened.store is None:
            return EXIT_ERROR
        try:
            records = opened.store.feedback.records()
        finally:
            opened.store.close()
    if args.json:
        print(feedback_json(records))
    elif args.csv:
        sys.stdout.write(feedback_csv(records))
    else:
        print(feedback_summary(records))
    return EXIT_OK
