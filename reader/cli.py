"""The `reader` command: arguments, dispatch and exit codes.

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
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import locations
from reader.article import Article, Outliner, Section
from reader.safe_text import safe_line
from reader.source import (
    DEFAULT_MAX_SIZE,
    STDIN_NAME,
    Source,
    SourceError,
    display_path,
    load_file,
    load_stream,
    parse_size,
)

if TYPE_CHECKING:
    from reader.folder import FolderScan
    from reader.ui.app import Reading
    from reader.ui.persistence import Persistence

WHOLE_OUTLINE_AT_ONCE = 256 * 1024
"""Articles up to this many characters are outlined whole before the first frame
(a few milliseconds); longer ones show their start while the rest is found."""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

MIN_WIDTH, MAX_WIDTH = 20, 1_000


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
            "“Do therapists go to therapy?”. When standard output is not a "
            "terminal, prints the article instead."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a Markdown file, a folder of them, or - for standard input",
    )
    parser.add_argument(
        "--outline",
        action="store_true",
        help="print the article's sections (or a folder's articles) and exit",
    )
    parser.add_argument(
        "--print",
        dest="print_",
        action="store_true",
        help="print the article as styled text and exit (the default when "
        "standard output is not a terminal)",
    )
    parser.add_argument(
        "--section",
        metavar="ID",
        help="with --print: print only this section (an id or number from "
        "reader --outline)",
    )
    parser.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help="with --print: columns to print in (default: the terminal's, "
        "or 80 when not printing to a terminal)",
    )
    parser.add_argument(
        "--max-size",
        type=_max_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="refuse articles larger than this, e.g. 500K, 10M, 2G or bytes "
        "(default 50M)",
    )
    parser.add_argument(
        "--feedback", action="store_true", help="print the feedback recorded so far"
    )
    parser.add_argument(
        "--json", action="store_true", help="with --outline or --feedback: as JSON"
    )
    parser.add_argument(
        "--csv", action="store_true", help="with --feedback: every record as CSV"
    )
    parser.add_argument(
        "--from-start",
        action="store_true",
        help="start at the beginning, not where you left off",
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="use this colour theme for this run only"
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


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        width = 0
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(
            f"not a width: {safe_line(text)!r} (a number from {MIN_WIDTH} "
            f"to {MAX_WIDTH})"
        )
    return width


def _max_size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    theme = _theme(args.theme)
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

        return _read(args, scan_folder(args.path), theme)
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
        _keyboard_from_terminal()
    return _read(args, (source, outliner), theme)


def _whole(outliner: Outliner) -> Article:
    """The whole outline, as fast as this machine allows (see `reader.collector`
    and `reader.article.parallel`)."""
    if len(outliner.text) < WHOLE_OUTLINE_AT_ONCE:
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


def _theme(name: str | None) -> str | None:
    """`--theme NAME` checked against Textual's themes (None: none given)."""
    if name is None:
        return None
    from textual.theme import BUILTIN_THEMES

    if name not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        raise UsageError(f"unknown theme {safe_line(name)!r}; choose one of: {names}")
    return name


def _keyboard_from_terminal() -> None:
    """After reading the article from a pipe, take keys from the terminal.

    Textual reads keys from standard input, which was the pipe.
    """
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise UsageError(
            "no terminal to read keys from; use --print to print the article"
        ) from None
    os.dup2(terminal, sys.stdin.fileno() if sys.stdin else 0)
    os.close(terminal)


def _read(
    args: argparse.Namespace,
    what: FolderScan | tuple[Source, Outliner],
    theme: str | None,
) -> int:
    """Run the interactive reader on an article or a folder.

    Only as much of the article is parsed first as it takes to show where
    reading starts; the rest of its outline is found in the background.
    """
    from reader.folder import FolderScan
    from reader.store import open_store
    from reader.ui.app import ReaderApp, Start
    from reader.ui.persistence import Persistence

    opened = open_store(locations.data_dir(args.data_dir))
    persistence = Persistence(opened.store, opened.notice)
    try:
        start: Start = (
            what
            if isinstance(what, FolderScan)
            else _reading(*what, persistence, resume=not args.from_start)
        )
        app = ReaderApp(
            start,
            persistence,
            theme=theme or _saved_theme(persistence.theme()),
            split_level=args.split_level,
            max_size=args.max_size,
        )
        app.run()
    finally:
        persistence.close()
    return EXIT_OK


def _reading(
    source: Source, outliner: Outliner, persistence: Persistence, *, resume: bool
) -> Reading:
    """What the reader opens with: the article known as far as the place to
    start (its first section, or the saved one), the outliner to finish it."""
    from reader.ui.app import Reading
    from reader.ui.screens.remembering import FEEDBACK_ID

    memory = persistence.recall(source.article_id)
    position = memory.position if resume else None

    def known(article: Article) -> bool:
        if position is None:
            return bool(article.sections)
        if position.section_id == FEEDBACK_ID:
            return False  # the feedback pane comes after the last section
        found = article.find(position.section_id) is not None
        return found or len(article.sections) > position.section_index

    if len(source.text) <= WHOLE_OUTLINE_AT_ONCE:
        return Reading(source, outliner.run(), memory, resume)
    return Reading(source, outliner.until(known), memory, resume, outliner)


def _saved_theme(name: str | None) -> str | None:
    """The saved theme, if it still exists."""
    from textual.theme import BUILTIN_THEMES

    return name if name in BUILTIN_THEMES else None
