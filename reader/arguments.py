"""The `reader` command's arguments, as `reader --help` shows them.

A mistake in them is a `UsageError`: one line for stderr, exit status 2.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from reader import locations
from reader.safe_text import safe_line
from reader.source import DEFAULT_MAX_SIZE, parse_size

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
