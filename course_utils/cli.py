"""``course-utils``: the course's helpers from a shell (contract: ``docs/cli.md``).

    course-utils clean [ARTICLE] [--format json|csv|text]
    course-utils actors [ARTICLE] [--format …]
    course-utils dates [ARTICLE] [--published YYYY-MM-DD] [--format …]
    course-utils timeline [ARTICLE] [--published YYYY-MM-DD] [--format …]
    course-utils corpus FOLDER [--out FILE.csv|FILE.parquet] [--published …] [--processes N]
    course-utils student-edition | run-notebooks | draft-key …   (see --help)

ARTICLE is a file, or ``-`` for standard input; without one, the course's bundled article
and its known publication date. Bad input ends with exit status 2 and one line on standard
error that begins ``course-utils: error:``.

The commands of other modules (``edition``, ``draft``, ``corpus``) are imported here: each
has an ``add_command(subparsers)`` that adds its sub-parser and sets its ``handler``. No
module of the library imports this one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

import pandas as pd

from course_utils import corpus, draft, edition
from course_utils.article import (
    Article,
    article_path,
    clean_article,
    course_article,
    decode_article,
    load_article,
)
from course_utils.errors import CourseError, PublicationDateError
from course_utils.tables import plain, printable, records, write_csv, write_text

PROG = "course-utils"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see `{PROG} --help`)\n")


@dataclass(frozen=True)
class Input:
    """What a command works on: the cleaned article and the publication date to use."""

    article: Article
    published: dt.date | None


def read_input(source: str | None, published: str | None) -> Input:
    """Load and clean ARTICLE (a path, ``-`` for stdin, or None for the bundled article)."""
    from course_utils.dates import published_date

    given = published_date(published)  # a day YYYY-MM-DD that relative dates can use
    if source is None:
        article = course_article(article_path())  # the bundled article, whatever course.toml says
        return Input(article, given or article.published)
    if source == "-":
        raw = decode_article(sys.stdin.buffer.read(), source="standard input")
        article = clean_article(raw, given, source="-")
    else:
        article = clean_article(load_article(source), given, source=source)
    return Input(article, given or article.published)


def _need_date(data: Input) -> dt.date:
    if data.published is None:
        raise PublicationDateError(
            "no publication date is known for this article, and relative dates need one: "
            "add --published YYYY-MM-DD"
        )
    return data.published


# --- Output -------------------------------------------------------------------------------


def emit_table(frame: pd.DataFrame, fmt: str, out: io.TextIOBase) -> None:
    """Print a command's records in the chosen format."""
    if fmt == "json":
        json.dump(records(frame), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        write_csv(records(frame), list(frame.columns), out)
    else:
        write_text(frame, out)


# --- Commands -----------------------------------------------------------------------------


def cmd_clean(args: argparse.Namespace, out: io.TextIOBase) -> None:
    article = read_input(args.article, None).article
    if args.format == "json":
        json.dump(plain(article.to_dict()), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        write_csv(records(article.sentences), list(article.sentences.columns), out)
    else:
        out.write(f"{printable(article.title)}\n\n")
        for caption in article.captions:
            out.write(f"[caption] {printable(caption)}\n\n")
        out.write("\n\n".join(printable(p) for p in article.paragraphs) + "\n\n")
        out.write(f"removed {len(article.removed)} line(s):\n")
        for row in article.removed.itertuples(index=False):
            out.write(f"  line {row.line}: {row.text!r} ({row.reason})\n")


def cmd_actors(args: argparse.Namespace, out: io.TextIOBase) -> None:
    from course_utils.actors import find_actors

    emit_table(find_actors(read_input(args.article, None).article), args.format, out)


def cmd_dates(args: argparse.Namespace, out: io.TextIOBase) -> None:
    data = read_input(args.article, args.published)
    published = _need_date(data)
    from course_utils.dates import find_dates

    emit_table(find_dates(data.article, published), args.format, out)


def cmd_timeline(args: argparse.Namespace, out: io.TextIOBase) -> None:
    data = read_input(args.article, args.published)
    published = _need_date(data)
    from course_utils.events import build_timeline

    emit_table(build_timeline(data.article, published), args.format, out)


Command = Callable[[argparse.Namespace, io.TextIOBase], None]
COMMANDS: dict[str, tuple[str, Command, bool]] = {
    "clean": ("title, captions, paragraphs, sentences and removed lines", cmd_clean, False),
    "actors": ("one record per actor mention", cmd_actors, False),
    "dates": ("one record per calendar date expression", cmd_dates, True),
    "timeline": ("one record per dated event, by date", cmd_timeline, True),
}  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="The course's helpers from a shell.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (help_text, _, dated) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument(
            "article", nargs="?", metavar="ARTICLE",
            help="a text file, or - for standard input (default: the course's article)",
        )  # fmt: skip
        cmd.add_argument(
            "--format", choices=("json", "csv", "text"), default=None,
            help="output format (default: text on a terminal, json otherwise)",
        )  # fmt: skip
        if dated:
            cmd.add_argument(
                "--published", metavar="YYYY-MM-DD",
                help="the publication date that relative dates are resolved against",
            )  # fmt: skip
    for module in (edition, draft, corpus):
        module.add_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    if getattr(args, "format", "x") is None:
        args.format = "text" if sys.stdout.isatty() else "json"
    buffer = io.StringIO()
    try:
        handler = args.handler if hasattr(args, "handler") else COMMANDS[args.command][1]
        handler(args, buffer)
    except CourseError as err:
        _write_out(buffer.getvalue())  # what a writing command did before it stopped
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: error: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so in one line rather than a traceback
        print(
            f"{PROG}: error: internal error ({type(err).__name__}: {err}); "
            "please report it with the article that caused it",
            file=sys.stderr,
        )
        return 1
    _write_out(buffer.getvalue())
    return 0


def _write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        pass


if __name__ == "__main__":
    sys.exit(main())
