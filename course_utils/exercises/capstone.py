"""Self-checks for notebook 05, "Your own timeline" (the capstone).

The exercises run the pipeline on the second article, ``data/articles/eu-mission-2023``,
and the truth always comes from the course's own helpers: 05.1 from
:func:`course_utils.article.course_article`, 05.2 from :func:`course_utils.dates.find_dates`,
05.3 from :func:`course_utils.events.build_timeline`, and 05.4 from
:func:`course_utils.timeline_io.merge_timelines` of the first article's timeline (the one
``course.toml`` names) and the second's. Hints name the kind of mistake, never the answer.

>>> from course_utils.exercises import check
>>> check("05.3", len(build_timeline(second_article())))
✘ 05.3: not yet. Hint: that is every event of the timeline: count only the rows whose \
hedged column is True
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils._paths import articles_dir
from course_utils.article import Article, course_article, load_article
from course_utils.dates import find_dates
from course_utils.events import PLOVER_TYPES, build_timeline
from course_utils.exercises._framework import Exercise, Hint, hint, register
from course_utils.exercises._judging import judgement_exercise
from course_utils.timeline_io import merge_timelines

__all__ = [
    "SECOND_ARTICLE",
    "hedged_count",
    "merged_timeline",
    "paragraph_count",
    "second_article",
    "second_article_path",
    "second_dates",
    "second_judgement_table",
    "shared_events",
]

#: The folder (under ``data/articles``) of the capstone's second article.
SECOND_ARTICLE = "eu-mission-2023"


def second_article_path() -> Path:
    """The folder of the second article."""
    return articles_dir() / SECOND_ARTICLE


def second_article() -> Article:
    """The second article, cleaned, with the publication date of its ``article.toml``."""
    return course_article(second_article_path())


def _whole_number(answer: Any) -> Hint | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return hint("give a whole number (an int, such as 7), not text or a table")
    return None


def _distinct(truth: Any, candidates: Iterable[tuple[Any, str]]) -> tuple[tuple[Any, str], ...]:
    """Keep the known wrong answers that differ from the truth and from each other (for one
    article two mistakes can give the same number, and then the first hint is shown)."""
    kept: list[tuple[Any, str]] = []
    for value, part in candidates:
        if value != truth and all(value != other for other, _ in kept):
            kept.append((value, part))
    return tuple(kept)


# --- 05.1 Clean the second article ------------------------------------------------------


def paragraph_count() -> int:
    """The number of body paragraphs of the cleaned second article."""
    return len(second_article().paragraphs)


def _paragraph_mistakes() -> list[tuple[int, str]]:
    """(number, hint) for each way of counting wrongly, in the order the checker tries them."""
    article = second_article()
    raw_lines = [line for line in load_article(second_article_path()).splitlines() if line.strip()]
    return [
        (
            len(course_article().paragraphs),
            "that is how many paragraphs the first article has (course_article() with no "
            "path): pass the second article's folder to course_article",
        ),
        (
            len(raw_lines),
            "you counted the non-empty lines of the raw page: clean it first, so that the "
            "page furniture goes",
        ),
        (
            len(article.sentences),
            "that is the number of sentences (title and caption included), not of paragraphs",
        ),
        (
            len(article.paragraphs) + 1 + len(article.captions),
            "the title and the photo caption are not body paragraphs: count article.paragraphs",
        ),
        (
            len(article.removed),
            "that is how many lines the cleaner removed (article.removed), not how many "
            "paragraphs it kept",
        ),
    ]


def _check_paragraphs(answer: Any) -> Hint | None:
    wrong_type = _whole_number(answer)
    if wrong_type:
        return wrong_type
    truth = paragraph_count()
    if answer == truth:
        return None
    for value, text in _paragraph_mistakes():
        if answer == value:
            return hint(text)
    if answer < 1:
        return hint("a cleaned article has at least one body paragraph: count article.paragraphs")
    if answer > truth:
        return hint(
            "more than the cleaned article has: count the items of article.paragraphs of the "
            "second article, not lines of the raw page"
        )
    return hint("fewer than the cleaned article has: count every item of article.paragraphs")


register(
    Exercise(
        "05.1",
        "Clean the second article: how many body paragraphs does it have?",
        _check_paragraphs,
        solution=paragraph_count,
        mistakes=lambda: (
            ("8", "whole number"),
            (True, "whole number"),
            *_distinct(paragraph_count(), _paragraph_mistakes()),
            (0, "at least one body paragraph"),
            (100, "more than the cleaned article has"),
        ),
        success="The cleaner dropped the VOA template's furniture, and the caption is kept once.",
    )
)


# --- 05.2 The dates of the second article ------------------------------------------------

#: The columns 05.2 compares (find_dates has these and ``sentence``, ``rule``).
DATE_FIELDS: tuple[str, ...] = (
    "text", "start", "end", "value", "precision", "mod", "date_start", "date_end",
)  # fmt: skip


def second_dates() -> pd.DataFrame:
    """find_dates on the second article, against its own publication date."""
    return find_dates(second_article())


def _rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in frame[list(DATE_FIELDS)].itertuples(index=False)]


def _caption_date(article: Article) -> dt.date | None:
    """The day the photo caption names (it dates the photo, not the article)."""
    found = find_dates(article)
    captions = set(article.sentences.loc[article.sentences["section"] == "caption", "id"])
    days = found[found["sentence"].isin(captions) & (found["precision"] == "day")]
    return dt.date.fromisoformat(days["value"].iloc[0]) if len(days) else None


def _wrong_date_tables() -> list[tuple[pd.DataFrame, str]]:
    """Tables a student gets with a wrong article or a wrong publication date, and the hint."""
    article = second_article()
    first = course_article()
    tables = [
        (
            find_dates(first),
            "these are the dates of the first article: run find_dates on the second one",
        ),
    ]
    if first.published is not None and first.published != article.published:
        tables.append(
            (
                find_dates(article, first.published),
                "you resolved the dates against the first article's publication date: each "
                "article's relative dates ('on Monday', 'last month') count from its own",
            )
        )
    photo = _caption_date(article)
    if photo is not None and photo != article.published:
        tables.append(
            (
                find_dates(article, photo),
                "you gave the date of the photo caption as the publication date: a caption "
                "dates the photo, not the article",
            )
        )
    return tables


def _check_dates(answer: Any) -> Hint | None:
    if isinstance(answer, str | dt.date):
        return hint("give the table that find_dates returns (a DataFrame), not a date")
    if not isinstance(answer, pd.DataFrame):
        return hint("give the DataFrame that find_dates returns for the second article")
    if "decision" in answer.columns:
        return hint(
            "that is explain_dates' table, with the expressions it left out too: use find_dates"
        )
    missing = [c for c in DATE_FIELDS if c not in answer.columns]
    if missing:
        return hint(f"keep every column find_dates gives; missing: {', '.join(missing)}")
    truth = second_dates()
    given = _rows(answer)
    if given == _rows(truth):
        return None
    for table, text in _wrong_date_tables():
        if given == _rows(table):
            return hint(text)
    spans = [row[:3] for row in given]
    true_spans = [row[:3] for row in _rows(truth)]
    if spans == true_spans:
        return hint(
            "the right expressions, but some values are off: resolve them against the "
            "second article's own publication date (article.published, from its article.toml)"
        )
    if set(given) < set(_rows(truth)):
        return hint("some expressions are missing: keep every row find_dates gives, unfiltered")
    if len(given) > len(true_spans):
        return hint("more rows than find_dates gives for the second article: add nothing to it")
    return hint(
        "this is not the table find_dates gives for the second article: run it on the cleaned "
        "second article, with its publication date"
    )


def _dates_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth = second_dates()
    from course_utils.dates import explain_dates

    wrong: list[tuple[Any, str]] = [
        ("2023-02-21", "not a date"),
        ([1, 2], "DataFrame that find_dates returns"),
        (explain_dates(second_article()), "explain_dates"),
        (truth[["text", "value"]], "keep every column"),
        (truth[truth["precision"] == "day"], "some expressions are missing"),
        (pd.concat([truth, truth.head(1)], ignore_index=True), "more rows"),
        (truth.iloc[::-1].reset_index(drop=True), "not the table find_dates gives"),
    ]
    for table, text in _wrong_date_tables():
        wrong.append((table, text[:40]))
    changed = truth.copy()
    changed.loc[changed.index[-1], "value"] = "1999"
    wrong.append((changed, "some values are off"))
    return tuple(wrong)


register(
    Exercise(
        "05.2",
        "Find the date expressions of the second article, resolved against its publication date.",
        _check_dates,
        solution=second_dates,
        mistakes=_dates_wrong_answers,
        success="Every relative date counts from 21 February 2023, the article's own date.",
    )
)


# --- 05.3 Hedged events --------------------------------------------------------------------


def hedged_count() -> int:
    """How many events of the second article's timeline are hedged."""
    return int(build_timeline(second_article())["hedged"].sum())


def _hedged_mistakes() -> list[tuple[int, str]]:
    from course_utils.evaluate import load_key

    timeline = build_timeline(second_article())
    key = load_key("events", second_article_path())
    return [
        (
            len(timeline),
            "that is every event of the timeline: count only the rows whose hedged column is True",
        ),
        (
            int((~timeline["hedged"]).sum()),
            "you counted the events that are not hedged: count those whose hedged is True",
        ),
        (
            int(build_timeline(course_article())["hedged"].sum()),
            "that is the first article's count: build the timeline of the second article",
        ),
        (
            int(key["hedged"].sum()),
            "that is how many the answer key marks hedged; the question asks about the "
            "timeline build_timeline makes",
        ),
    ]


def _check_hedged(answer: Any) -> Hint | None:
    wrong_type = _whole_number(answer)
    if wrong_type:
        return wrong_type
    truth = hedged_count()
    if answer == truth:
        return None
    for value, text in _hedged_mistakes():
        if answer == value:
            return hint(text)
    if answer < 0:
        return hint("a count cannot be negative")
    if answer > truth:
        return hint("more than the timeline has: timeline['hedged'].sum() counts the True values")
    return hint("fewer than the timeline has: look again at the hedged column of every row")


register(
    Exercise(
        "05.3",
        "Build the second article's timeline: how many of its events are hedged?",
        _check_hedged,
        solution=hedged_count,
        mistakes=lambda: (
            ("two", "whole number"),
            (2.5, "whole number"),
            *_distinct(hedged_count(), _hedged_mistakes()),
            (-1, "cannot be negative"),
        ),
        success="A hedged event is a claim the article does not make its own: read it as one.",
    )
)


# --- 05.4 Events both articles report ------------------------------------------------------


def merged_timeline() -> pd.DataFrame:
    """The first article's timeline merged with the second's (sources named by folder)."""
    first = course_article()
    second = second_article()
    names = [Path(first.source).parent.name, SECOND_ARTICLE]
    if names[0] == names[1]:  # course.toml names the second article itself
        names[0] = f"{names[0]} (course.toml)"
    return merge_timelines(build_timeline(first), build_timeline(second), sources=names)


def _pairs(frame: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(frame["event_type"], frame["actor"], strict=True))


def shared_events() -> set[tuple[str, str]]:
    """The (event_type, actor) pairs of the events the merge finds in both timelines."""
    merged = merged_timeline()
    return _pairs(merged[merged["reports"] > 1])


_EXAMPLE = "{('PROTEST', 'Ruritania'), ...}"


def _as_pairs(answer: Any) -> set[tuple[Any, ...]] | Hint:
    if isinstance(answer, pd.DataFrame):
        return hint(
            "give a set of pairs, not a table: set(zip(table['event_type'], table['actor'])) "
            "makes one from the rows you chose"
        )
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        return hint(f"give a set of (event_type, actor) pairs, like {_EXAMPLE}")
    items = list(answer)
    if not all(isinstance(p, tuple | list) for p in items):
        return hint(f"each item should be a pair (event_type, actor), like {_EXAMPLE}")
    if any(len(p) != 2 for p in items):
        return hint("give pairs of two, (event_type, actor), without the recipient or the date")
    if not all(isinstance(x, str) for p in items for x in p):
        return hint("both items of a pair are strings: an event type and an actor's name")
    return {tuple(p) for p in items}


def _check_shared(answer: Any) -> Hint | None:
    truth = shared_events()
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        if answer == len(truth):
            return hint(
                "that is the right number of events; now give the events themselves, as a set "
                "of (event_type, actor) pairs"
            )
        return hint(
            "give the events as a set of (event_type, actor) pairs, not a number; the rows "
            "to look at have more than one report"
        )
    given = _as_pairs(answer)
    if isinstance(given, Hint):
        return given
    if given == truth:
        return None
    if not given:
        return hint("an empty set, but the merge did find events that both articles report")
    if all(a in PLOVER_TYPES and t not in PLOVER_TYPES for t, a in given):
        return hint("put the event type first and the actor second in each pair")
    if not all(t in PLOVER_TYPES for t, _ in given):
        return hint("the first item of each pair is a PLOVER event type, in capitals")
    merged = merged_timeline()
    everything = _pairs(merged)
    second_only = _pairs(build_timeline(second_article()))
    if given == everything:
        return hint(
            "that is every event of the merged timeline: keep only the rows with more than "
            "one report"
        )
    if given == second_only:
        return hint(
            "those are all the events of the second article: keep only those the merge found "
            "in both"
        )
    if given < truth:
        return hint(
            f"{len(truth - given)} event(s) that both report are missing: look at every row "
            "whose reports column is more than 1"
        )
    if given - everything:
        return hint(
            "some of your pairs are not in the merged timeline at all: copy the event types "
            "and actor names exactly as the table shows them"
        )
    return hint(
        "some of your pairs were reported by one article only (their reports column is 1); "
        "the same event named with different actors is not merged"
    )


def _shared_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth = sorted(shared_events())
    merged = merged_timeline()
    single = sorted(_pairs(merged[merged["reports"] == 1]))
    common = (
        (len(truth), "right number of events"),
        (len(truth) + 5, "not a number"),
        (merged[merged["reports"] > 1], "not a table"),
        ("AGREE EU", "give a set of (event_type, actor) pairs"),
        ({(t, a, "x") for t, a in truth}, "pairs of two"),
        ({(t, 1) for t, _ in truth}, "both items of a pair are strings"),
        (set(), "an empty set"),
        ({(a, t) for t, a in truth}, "event type first"),
        ({(t.lower(), a) for t, a in truth}, "PLOVER event type, in capitals"),
        (_pairs(merged), "every event of the merged timeline"),
        (_pairs(build_timeline(second_article())), "all the events of the second article"),
    )
    if not truth:  # the two articles share no event: the empty set is the answer
        return common
    extra = [([t for t, _ in truth], "each item should be a pair"), (set(truth[1:]), "are missing")]
    extra.append(({*truth, (truth[0][0], "Atlantis")}, "not in the merged timeline at all"))
    if single:
        extra.append(({*truth, single[0]}, "reported by one article only"))
    return (*common, *extra)


register(
    Exercise(
        "05.4",
        "Merge the two timelines: which events (event_type, actor) do both articles report?",
        _check_shared,
        solution=shared_events,
        mistakes=_shared_wrong_answers,
        success="Each of these is one event told twice, not two events.",
    )
)


# --- 05.5 Judge the second article's timeline ------------------------------------------------


def second_judgement_table() -> pd.DataFrame:
    """The events where the second article's timeline and its events key differ."""
    from course_utils.evaluate import load_key
    from course_utils.exercises._judging import event_disagreements

    return event_disagreements(
        build_timeline(second_article()), load_key("events", second_article_path())
    )


register(
    judgement_exercise(
        "05.5",
        "Classify each row where the second article's timeline and its key disagree.",
        second_judgement_table,
        success="Missed events call for new trigger words; wrong actors and dates for new rules.",
    )
)
