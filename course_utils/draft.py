"""Draft answer keys for a new article, from the helpers' own output.

An answer key is written by reading the article (see ``data/articles/*/KEY*.md``). Typing
every row by hand is slow, so ``course-utils draft-key`` writes a first draft in the final
key formats, filled in with what :func:`~course_utils.actors.find_actors`,
:func:`~course_utils.dates.find_dates` and :func:`~course_utils.events.build_timeline` find:

    course-utils draft-key my_article/ --published 2023-02-21

writes ``key_actors.draft.csv``, ``key_dates.draft.csv`` and ``key_events.draft.csv`` beside
the article. The drafts are the helpers' output, with all their mistakes: read the article,
correct every row (add what they missed, delete what they got wrong), then rename each file
to ``key_*.csv``. A key copied from the program's output would score the program against
itself.

Each draft resolves back to offsets with :func:`course_utils.evaluate.resolve_key`: actors
and dates are named by ``text`` and ``occurrence`` (1 for the first whole-word occurrence of
the text in the cleaned article), events by ``sentence_contains``, a few words found in
exactly one sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils.article import (
    Article,
    article_path,
    clean_article,
    load_article,
    load_metadata,
)
from course_utils.errors import CourseError, PublicationDateError
from course_utils.evaluate import KEY_COLUMNS
from course_utils.text import find_phrase, fold_quotes

__all__ = ["DraftExistsError", "draft_file_names", "draft_keys", "occurrence", "unique_snippet"]

REMINDER = (
    "These drafts are the helpers' output, mistakes included. Read the article, correct "
    "every row (add what was missed, delete what is wrong) and set its checked column to "
    "yes, then rename each file to key_*.csv (for example key_actors.draft.csv -> "
    "key_actors.csv). Scores against rows still marked checked=no are not shown."
)


class DraftExistsError(CourseError):
    """A draft key would overwrite a file that is already there."""


def draft_file_names() -> dict[str, str]:
    """The file name of each kind of draft key.

    >>> draft_file_names()["actors"]
    'key_actors.draft.csv'
    """
    return {kind: f"key_{kind}.draft.csv" for kind in KEY_COLUMNS}


def occurrence(text: str, surface: str, start: int) -> int | None:
    """Which whole-word occurrence of ``surface`` in ``text`` starts at ``start`` (1-based).

    ``None`` when no whole-word occurrence starts there (the key format cannot name it).

    >>> occurrence("Armenia and Armenia’s border", "Armenia", 12)
    2
    >>> occurrence("Armenian", "Armenia", 0) is None
    True
    """
    for n, (s, _) in enumerate(find_phrase(text, surface), start=1):
        if s == start:
            return n
    return None


_WORD = re.compile(r"\S+")


def unique_snippet(article: Article, sentence: int, *, min_words: int = 4) -> str:
    """A few words of sentence ``sentence`` that occur in no other sentence of the article.

    The shortest run of whole words (at least ``min_words``, or the whole sentence if it is
    shorter) that is unique, searching from the start of the sentence.

    >>> article = clean_article("Talks\\n\\nThe talks ended. The talks ended late on Friday.")
    >>> unique_snippet(article, 2)
    'The talks ended late'
    """
    row = article.sentences.loc[article.sentences["id"] == sentence]
    if row.empty:
        raise CourseError(f"the article has no sentence {sentence}")
    own = str(row.iloc[0]["text"])
    sentences = article.sentences
    others = [
        fold_quotes(str(text))
        for i, text in zip(sentences["id"], sentences["text"], strict=True)
        if int(i) != sentence
    ]
    words = [(m.start(), m.end()) for m in _WORD.finditer(own)]
    for size in range(min(min_words, len(words)), len(words) + 1):
        for first in range(len(words) - size + 1):
            snippet = own[words[first][0] : words[first + size - 1][1]].strip(",;:")
            if not any(fold_quotes(snippet) in other for other in others):
                return snippet
    return own


def _actors_draft(article: Article) -> tuple[pd.DataFrame, list[str]]:
    from course_utils.actors import find_actors

    rows, skipped = [], []
    for m in find_actors(article).sort_values("start", kind="stable").itertuples(index=False):
        n = occurrence(article.text, str(m.text), int(m.start))
        if n is None:
            skipped.append(f"actor {m.text!r} at {m.start}")
            continue
        rows.append((str(m.text), n, str(m.actor), str(m.kind)))
    return pd.DataFrame(rows, columns=KEY_COLUMNS["actors"]), skipped


def _dates_draft(article: Article, published: dt.date) -> tuple[pd.DataFrame, list[str]]:
    from course_utils.dates import find_dates

    rows, skipped = [], []
    for d in find_dates(article, published).sort_values("start", kind="stable").itertuples():
        n = occurrence(article.text, str(d.text), int(d.start))
        if n is None:
            skipped.append(f"date {d.text!r} at {d.start}")
            continue
        mod = "" if pd.isna(d.mod) else str(d.mod)
        rows.append((str(d.text), n, str(d.value), str(d.precision), mod))
    return pd.DataFrame(rows, columns=KEY_COLUMNS["dates"]), skipped


def _events_draft(article: Article, published: dt.date) -> pd.DataFrame:
    from course_utils.events import build_timeline

    timeline = build_timeline(article, published).sort_values("sentence", kind="stable")
    rows = []
    for e in timeline.itertuples(index=False):
        rows.append(
            (
                unique_snippet(article, int(e.sentence)),
                str(e.event_type),
                "" if pd.isna(e.actor) else str(e.actor),
                "" if pd.isna(e.recipient) else str(e.recipient),
                str(e.value),
                "true" if bool(e.hedged) else "false",
            )
        )
    return pd.DataFrame(rows, columns=KEY_COLUMNS["events"])


def draft_keys(article: Article, published: str | dt.date | None = None) -> dict[str, pd.DataFrame]:
    """Draft the three answer keys of ``article`` from the helpers' output.

    Returns ``{"actors": ..., "dates": ..., "events": ...}``, each a DataFrame with the
    columns of the final key (all text, as they are written to CSV). ``published`` defaults
    to the article's own publication date. Mentions the key format cannot name (a span that
    does not start on a whole word) are left out and listed in ``frame.attrs["skipped"]``.
    """
    from course_utils.dates import published_date

    day = published_date(published) or article.published
    if day is None:
        raise PublicationDateError(
            "drafting the date and event keys needs the article's publication date: "
            "add --published YYYY-MM-DD"
        )
    actors, skipped_actors = _actors_draft(article)
    dates, skipped_dates = _dates_draft(article, day)
    events = _events_draft(article, day)
    actors.attrs["skipped"] = skipped_actors
    dates.attrs["skipped"] = skipped_dates
    events.attrs["skipped"] = []
    return {"actors": actors, "dates": dates, "events": events}


# --- Command line -------------------------------------------------------------------------


def _check_targets(targets: dict[str, Path], *, force: bool) -> None:
    """Refuse to overwrite existing drafts without ``force``, and links always."""
    links = [str(p) for p in targets.values() if p.is_symlink()]
    if links:
        raise DraftExistsError(
            f"{', '.join(links)} is a symbolic link; drafts are never written through a "
            "link (it could point outside the folder), and nothing was written: remove the "
            "link, or use --out DIR"
        )
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise DraftExistsError(
            f"{', '.join(existing)} already exist(s); nothing was written: add --force to "
            "overwrite, or --out DIR to write the drafts elsewhere"
        )


def _write_csv(frame: pd.DataFrame, target: Path) -> None:
    """Write through a temporary file and a rename, so no link at ``target`` is followed."""
    temp = target.with_name(f".{target.name}.tmp")
    temp.unlink(missing_ok=True)
    frame.to_csv(temp, index=False, lineterminator="\n", encoding="utf-8")
    os.replace(temp, target)


def cmd_draft_key(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils draft-key [ARTICLE] [--published D] [--out DIR] [--force]``."""
    from course_utils.dates import published_date

    given = published_date(args.published)
    if args.article is None:
        from course_utils.config import load_config

        config = load_config()
        file = article_path(config.article)
        given = given or config.published
    else:
        file = article_path(args.article)
    published = given or published_date(load_metadata(file).get("published"))
    article = clean_article(load_article(file), published, source=str(file))
    folder = Path(args.out) if args.out else file.parent
    targets = {kind: folder / name for kind, name in draft_file_names().items()}
    _check_targets(targets, force=args.force)
    drafts = draft_keys(article, published)
    folder.mkdir(parents=True, exist_ok=True)
    day = published or article.published
    out.write(f"draft answer keys for {file} (published {day}):\n")
    for kind, frame in drafts.items():
        # scorers refuse rows not yet checked by reading
        _write_csv(frame.assign(checked="no"), targets[kind])
        out.write(f"  wrote {targets[kind]} ({len(frame)} rows)\n")
        for item in frame.attrs.get("skipped", []):
            out.write(f"    left out {item}: add it by hand if it is right\n")
    out.write(REMINDER + "\n")


def add_command(subparsers: Any) -> None:
    """Add this module's commands to the ``course-utils`` parser (:mod:`course_utils.cli`)."""
    help_text = "write draft answer keys for an article, to correct by reading"
    cmd = subparsers.add_parser("draft-key", help=help_text, description=help_text)
    cmd.add_argument(
        "article", nargs="?", metavar="ARTICLE",
        help="a .txt file or a folder holding article.txt (default: the one in course.toml)",
    )  # fmt: skip
    cmd.add_argument(
        "--published", metavar="YYYY-MM-DD",
        help="the publication date (default: from course.toml or article.toml)",
    )  # fmt: skip
    cmd.add_argument(
        "--out", metavar="DIR", help="where to write the drafts (default: the article's folder)"
    )
    cmd.add_argument("--force", action="store_true", help="overwrite existing draft files")
    cmd.set_defaults(handler=cmd_draft_key)
