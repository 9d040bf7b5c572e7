"""Many articles at once: the whole pipeline over a corpus, one combined timeline.

:func:`run_corpus` runs clean → actors → dates → events → timeline over every article of a
corpus and puts the results together: one timeline and one actor table, each with a
``source`` column saying which article a row comes from, a table of the articles, and a
table of the failures. A file that cannot be read (not UTF-8, empty, no body, no
publication date …) is a row of ``failures``: it never stops the run, and the other
articles' results are all kept.

The articles run in several processes (a :class:`concurrent.futures.ProcessPoolExecutor`
sized to the machine, or one process for a handful of articles), or on any
:class:`concurrent.futures.Executor` you pass: a Dask cluster's
``distributed.Client(...).get_executor()`` runs the same code on many machines. Results
are put back in the order of the inputs, so the tables are the same whatever runs them.

    >>> from course_utils.corpus import run_corpus            # doctest: +SKIP
    >>> result = run_corpus(["data/articles"])                # doctest: +SKIP
    >>> result.timeline.groupby("source").size()              # doctest: +SKIP

An input is a path (``pathlib.Path``, or a one-line ``str``) or an article's text (a
``str`` of several lines); a ``dict`` maps names to texts. A path is an article file
(``.txt`` or a saved ``.html`` page), a folder holding ``article.txt`` or ``article.html``
(with an optional ``article.toml`` giving ``published``), or a folder of such files and
folders, read in name order.

>>> text = "Truce talks\\n\\nForeign Minister Jane Roe signed a truce with Kalonia on Monday."
>>> result = run_corpus({"made-up": text}, published="2024-03-08", progress=False)
>>> result.timeline[["source", "date_start", "event_type", "actor"]]
    source  date_start event_type     actor
0  made-up  2024-03-04      AGREE  Jane Roe
>>> failed = run_corpus({"empty": ""}, progress=False).failures
>>> print(failed.loc[0, "source"], "|", failed.loc[0, "error"])
empty | the article is empty: check that the file holds the article's text
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils.errors import CourseError, PublicationDateError

__all__ = [
    "ARTICLE_COLUMNS",
    "FAILURE_COLUMNS",
    "ArticleResult",
    "CorpusResult",
    "Job",
    "corpus_jobs",
    "process_article",
    "run_corpus",
]

#: The columns of :attr:`CorpusResult.articles`: one row per article that worked.
ARTICLE_COLUMNS = ["source", "title", "published", "words", "sentences", "actors", "events"]
#: The columns of :attr:`CorpusResult.failures`: one row per article that did not.
FAILURE_COLUMNS = ["source", "error"]
#: The file names that make a folder one article (see ``article_path``).
ARTICLE_FILES = ("article.txt", "article.html")
#: The suffixes of article files found in a folder of articles.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: Below this many articles, one process is quicker than starting several.
FEW_ARTICLES = 8


@dataclass(frozen=True)
class Job:
    """One article to run: its name, and its path or its text (exactly one of them)."""

    source: str
    path: str | None = None
    text: str | None = None
    published: dt.date | None = None


@dataclass
class ArticleResult:
    """What the pipeline gave for one article: its tables, or the error that stopped it."""

    source: str
    timeline: pd.DataFrame | None = None
    actors: pd.DataFrame | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    error: str = ""


@dataclass
class CorpusResult:
    """The combined tables of a corpus (every table has a ``source`` column first).

    ``timeline``: the timelines of every article, sorted by date (articles in input order
    on the same dates). ``actors``: every actor mention. ``articles``: one row per article
    that worked (:data:`ARTICLE_COLUMNS`). ``failures``: one row per article that did not,
    with the error that stopped it (:data:`FAILURE_COLUMNS`).
    """

    timeline: pd.DataFrame
    actors: pd.DataFrame
    articles: pd.DataFrame
    failures: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"CorpusResult({len(self.articles)} article(s), {len(self.failures)} failure(s), "
            f"{len(self.timeline)} event(s), {len(self.actors)} actor mention(s))"
        )


# --- Finding the articles -----------------------------------------------------------------


def _is_article_folder(folder: Path) -> bool:
    return any((folder / name).is_file() for name in ARTICLE_FILES)


def _walk(folder: Path) -> Iterator[Path]:
    """The articles under ``folder``: article folders and article files, in name order."""
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.is_dir() and _is_article_folder(child):
            yield child
        elif child.is_dir() and not child.is_symlink() and not child.name.startswith("."):
            yield from _walk(child)
        elif child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
            yield child


def _expand(path: Path) -> list[Path]:
    """An article file or folder is itself; any other folder, the articles under it."""
    if path.is_dir() and not _is_article_folder(path):
        return list(_walk(path))
    return [path]  # a missing path too: its job fails with a message that says so


def _unique(name: str, seen: dict[str, int]) -> str:
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} ({seen[name]})"


def _jobs_from_item(item: Any, number: int) -> list[tuple[str, str | None, str | None]]:
    """(source, path, text) for one input: a path, a folder of articles, or a text."""
    if isinstance(item, str) and ("\n" in item or "\r" in item):
        return [(f"text {number}", None, item)]
    if isinstance(item, str | os.PathLike):
        return [(str(p), str(p), None) for p in _expand(Path(item))]
    raise CourseError(
        f"input {number} is a {type(item).__name__}: give paths (files or folders of "
        "articles) or the articles' texts as strings"
    )


def corpus_jobs(
    inputs: Iterable[str | os.PathLike[str]] | Mapping[str, str] | str | os.PathLike[str],
    published: str | dt.date | None = None,
) -> list[Job]:
    """The articles of ``inputs``, one :class:`Job` each, in order (see the module's doc).

    >>> [job.source for job in corpus_jobs({"a": "x\\ny", "b": "z\\nw"})]
    ['a', 'b']
    >>> corpus_jobs(["Title\\n\\nBody.", "Other\\n\\nBody."])[1].source
    'text 2'
    """
    from course_utils.dates import published_date

    day = published_date(published)
    if isinstance(inputs, Mapping):
        items = [(str(name), None, text) for name, text in inputs.items()]
    elif isinstance(inputs, str | os.PathLike):
        items = _jobs_from_item(inputs, 1)
    else:
        items = [job for n, item in enumerate(inputs, 1) for job in _jobs_from_item(item, n)]
    seen: dict[str, int] = {}
    return [Job(_unique(source, seen), path, text, day) for source, path, text in items]


# --- One article --------------------------------------------------------------------------


def _article(job: Job) -> Any:
    """Load (for a path) and clean the job's article, with its publication date."""
    from course_utils.article import article_path, clean_article, load_article, load_metadata

    if job.path is None:
        return clean_article(job.text, job.published, source=job.source)
    file = article_path(job.path)
    published = job.published or load_metadata(file).get("published")
    return clean_article(load_article(file), published, source=job.source)


def _pipeline(job: Job) -> ArticleResult:
    from course_utils.actors import find_actors
    from course_utils.dates import find_dates
    from course_utils.events import build_timeline

    article = _article(job)
    if article.published is None:
        raise PublicationDateError(
            "no publication date: give it in an article.toml beside the article "
            "(published = YYYY-MM-DD), or one for the whole corpus (published= in Python, "
            "--published on the command line)"
        )
    actors = find_actors(article)
    dates = find_dates(article, article.published)
    timeline = build_timeline(article, article.published, mentions=actors, dates=dates)
    summary = {
        "source": job.source,
        "title": article.title,
        "published": article.published.isoformat(),
        "words": len(article.text.split()),
        "sentences": len(article.sentences),
        "actors": len(actors),
        "events": len(timeline),
    }
    return ArticleResult(job.source, timeline, actors, summary)


def process_article(job: Job) -> ArticleResult:
    """Run the pipeline over one article; an error is caught and kept, never raised.

    >>> process_article(Job("x", text="")).error
    "the article is empty: check that the file holds the article's text"
    """
    try:
        return _pipeline(job)
    except CourseError as err:
        return ArticleResult(job.source, error=str(err))
    except Exception as err:  # a bug: keep the other articles' results, name it plainly
        return ArticleResult(
            job.source, error=f"internal error ({type(err).__name__}: {err}); please report it"
        )


# --- Many articles ------------------------------------------------------------------------


def default_processes(articles: int) -> int:
    """How many processes to use for ``articles`` articles: one for a handful, else every core.

    >>> default_processes(3)
    1
    """
    if articles < FEW_ARTICLES:
        return 1
    return max(1, min(os.cpu_count() or 1, articles // FEW_ARTICLES))


def _progress_bar(total: int, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not enabled, unit="article", desc="articles")


def _load_stages() -> None:
    import course_utils.actors
    import course_utils.dates
    import course_utils.events  # noqa: F401


def _run_serial(jobs: Sequence[Job], bar: Any) -> list[ArticleResult]:
    results = []
    for job in jobs:
        results.append(process_article(job))
        bar.update(1)
    return results


def _run_on(executor: cf.Executor, jobs: Sequence[Job], bar: Any) -> list[ArticleResult]:
    """Submit every job, collect them as they finish, give them back in input order."""
    futures = {executor.submit(process_article, job): i for i, job in enumerate(jobs)}
    results: list[ArticleResult | None] = [None] * len(jobs)
    for future in cf.as_completed(futures):
        i = futures[future]
        try:
            results[i] = future.result()
        except Exception as err:  # the worker itself died (out of memory, a lost machine)
            error = f"the worker running it failed ({type(err).__name__}: {err})"
            results[i] = ArticleResult(jobs[i].source, error=error)
        bar.update(1)
    return [r for r in results if r is not None]


def _check_processes(processes: int | None) -> None:
    if processes is not None and (isinstance(processes, bool) or not isinstance(processes, int)):
        raise CourseError(f"processes must be a whole number, not {processes!r}")
    if processes is not None and processes < 1:
        raise CourseError(f"processes must be 1 or more, not {processes}")


def run_jobs(
    jobs: Sequence[Job],
    *,
    executor: cf.Executor | None = None,
    processes: int | None = None,
    progress: bool = True,
) -> list[ArticleResult]:
    """Run :func:`process_article` over ``jobs``; the results are in the order of the jobs."""
    _check_processes(processes)
    with _progress_bar(len(jobs), progress) as bar:
        if executor is not None:
            return _run_on(executor, jobs, bar)
        count = default_processes(len(jobs)) if processes is None else processes
        count = min(count, max(1, len(jobs)))
        if count == 1:
            return _run_serial(jobs, bar)
        _load_stages()  # once here, not once per process: the processes start with them
        with cf.ProcessPoolExecutor(max_workers=count) as pool:
            return _run_on(pool, jobs, bar)


def _combine(
    frames: list[pd.DataFrame], sources: list[str], columns: Sequence[str]
) -> pd.DataFrame:
    """One table from per-article tables, with a ``source`` column first."""
    kept = [(s, f) for s, f in zip(sources, frames, strict=True) if len(f)]
    if not kept:
        return pd.DataFrame(columns=["source", *columns])
    combined = pd.concat([f for _, f in kept], ignore_index=True)
    combined.insert(0, "source", [s for s, f in kept for _ in range(len(f))])
    return combined


def combine_results(results: Sequence[ArticleResult]) -> CorpusResult:
    """Put the per-article results together (see :class:`CorpusResult`)."""
    from course_utils.actors import COLUMNS as ACTOR_COLUMNS
    from course_utils.events import TIMELINE_COLUMNS

    good = [r for r in results if not r.error]
    sources = [r.source for r in good]
    timeline = _combine([r.timeline for r in good], sources, TIMELINE_COLUMNS)  # type: ignore[misc]
    if "hedged" in timeline.columns:
        timeline["hedged"] = timeline["hedged"].astype(bool)
    timeline = timeline.sort_values(["date_start", "date_end"], kind="stable")
    return CorpusResult(
        timeline=timeline.reset_index(drop=True),
        actors=_combine([r.actors for r in good], sources, ACTOR_COLUMNS),  # type: ignore[misc]
        articles=pd.DataFrame([r.summary for r in good], columns=ARTICLE_COLUMNS),
        failures=pd.DataFrame(
            [(r.source, r.error) for r in results if r.error], columns=FAILURE_COLUMNS
        ),
    )


def run_corpus(
    inputs: Iterable[str | os.PathLike[str]] | Mapping[str, str] | str | os.PathLike[str],
    *,
    published: str | dt.date | None = None,
    executor: cf.Executor | None = None,
    processes: int | None = None,
    progress: bool = True,
) -> CorpusResult:
    """Run the pipeline over every article of ``inputs`` and combine the results.

    ``inputs``: paths (article files, article folders, folders of articles) or texts, or a
    dict of named texts (see the module's doc). ``published`` (``YYYY-MM-DD``) is used for
    every article; without it, each article's ``article.toml`` or its own date line.
    ``executor``: any :class:`concurrent.futures.Executor` (a Dask client's
    ``get_executor()`` too); without one, ``processes`` processes (default: one for fewer
    than eight articles, else one per core). ``progress`` shows a progress bar (tqdm: a
    widget in Jupyter, a line in a terminal).
    """
    jobs = corpus_jobs(inputs, published)
    return combine_results(
        run_jobs(jobs, executor=executor, processes=processes, progress=progress)
    )


# --- The command line ---------------------------------------------------------------------


def cmd_corpus(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils corpus FOLDER [--out FILE] [--published D] [--processes N] [--force]``."""
    from course_utils.tables import table_format, write_csv, write_table

    folder = Path(args.folder)
    if not folder.exists():
        raise CourseError(f"there is no file or folder {folder}: check the path")
    if args.out:
        table_format(args.out)  # a wrong suffix is said before the run, not after it
    jobs = corpus_jobs([folder], args.published)
    if not jobs:
        raise CourseError(f"{folder} holds no articles (.txt or .html files, or article folders)")
    _check_processes(args.processes)
    results = run_jobs(jobs, processes=args.processes, progress=sys.stderr.isatty())
    result = combine_results(results)
    for source, error in zip(result.failures["source"], result.failures["error"], strict=True):
        print(f"course-utils: skipped {source}: {error}", file=sys.stderr)
    if result.articles.empty:
        raise CourseError(
            f"none of the {len(jobs)} article(s) in {folder} could be read: see the lines above"
        )
    if args.out is None:
        from course_utils.tables import records

        write_csv(records(result.timeline), list(result.timeline.columns), out)
        return
    path = write_table(result.timeline, args.out, force=args.force)
    out.write(
        f"wrote {path}: {len(result.timeline)} event(s) from {len(result.articles)} "
        f"article(s); {len(result.failures)} skipped\n"
    )


def add_command(subparsers: Any) -> None:
    """Add ``corpus`` to the ``course-utils`` parser (:mod:`course_utils.cli`)."""
    help_text = "run the pipeline over a folder of articles: one combined timeline"
    cmd = subparsers.add_parser("corpus", help=help_text, description=help_text)
    cmd.add_argument(
        "folder", metavar="FOLDER",
        help="a folder of articles (.txt or .html files, or folders holding article.txt)",
    )  # fmt: skip
    cmd.add_argument(
        "--out", metavar="FILE",
        help="write the timeline to FILE.csv or FILE.parquet (default: CSV on standard output)",
    )  # fmt: skip
    cmd.add_argument(
        "--published", metavar="YYYY-MM-DD",
        help="the publication date of every article (default: each article's article.toml)",
    )  # fmt: skip
    cmd.add_argument(
        "--processes", metavar="N", type=int,
        help="how many processes to run (default: one per core, one for a few articles)",
    )  # fmt: skip
    cmd.add_argument("--force", action="store_true", help="overwrite FILE if it is there")
    cmd.set_defaults(handler=cmd_corpus)
