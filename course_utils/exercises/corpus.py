"""Self-checks for notebook 06, "From one article to many" (optional).

The notebook runs :func:`course_utils.corpus.run_corpus` over every article of the course's
``data/articles`` folder and draws who acts on whom from the combined timeline
(:func:`course_utils.plots.corpus.actor_edges`). Exercise 06.1 asks for the actor on the
receiving end of the most events. The truth is computed from those same tables every time
it is checked, so it holds for whatever articles the folder holds; when several recipients
share the largest number of events, any of them is right. Hints name the kind of mistake,
never the answer.

>>> from course_utils.exercises import check
>>> check("06.1", 3)
✘ 06.1: not yet. Hint: give the recipient's name as text (a str), such as "Vesland"
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from course_utils._paths import articles_dir
from course_utils.corpus import CorpusResult, run_corpus
from course_utils.exercises._framework import Exercise, Hint, hint, register
from course_utils.plots.corpus import actor_edges

__all__ = [
    "corpus_edges",
    "course_corpus",
    "received_events",
    "sent_events",
    "top_recipients",
]


def course_corpus() -> CorpusResult:
    """:func:`~course_utils.corpus.run_corpus` over the course's articles, as the notebook
    runs it (one process, no progress bar)."""
    return run_corpus(articles_dir(), processes=1, progress=False)


def corpus_edges() -> pd.DataFrame:
    """The actor → recipient edges of the course corpus's combined timeline."""
    return actor_edges(course_corpus().timeline)


def received_events(edges: pd.DataFrame) -> dict[str, int]:
    """The number of events each recipient receives (the ``events`` of its edges, added).

    >>> edges = pd.DataFrame({"actor": ["A", "B", "C"], "recipient": ["B", "C", "C"],
    ...     "events": [3, 1, 1]})
    >>> received_events(edges)
    {'B': 3, 'C': 2}
    """
    return _totals(edges["recipient"], edges["events"])


def sent_events(edges: pd.DataFrame) -> dict[str, int]:
    """The number of events each actor sends to a named recipient.

    >>> edges = pd.DataFrame({"actor": ["A", "A"], "recipient": ["B", "C"], "events": [1, 2]})
    >>> sent_events(edges)
    {'A': 3}
    """
    return _totals(edges["actor"], edges["events"])


def _totals(names: Iterable[Any], counts: Iterable[Any]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for name, n in zip(names, counts, strict=True):
        totals[str(name)] = totals.get(str(name), 0) + int(n)
    return totals


def _tops(totals: dict[str, int]) -> list[str]:
    """The names with the largest total, in name order (several when they tie).

    >>> _tops({"B": 2, "A": 2, "C": 1}), _tops({})
    (['A', 'B'], [])
    """
    most = max(totals.values(), default=0)
    return sorted(name for name, n in totals.items() if n == most)


def top_recipients(edges: pd.DataFrame | None = None) -> list[str]:
    """The recipients of the most events (any of them answers 06.1)."""
    return _tops(received_events(corpus_edges() if edges is None else edges))


def _solution() -> str:
    tops = top_recipients()
    return tops[0] if tops else ""


EMPTY_HINT = (
    "an empty recipient means the article names none: leave those events out "
    "(the edges table has only events with a recipient)"
)
SENDER_HINT = (
    "that actor starts the most events: the question asks who is on the receiving end, so "
    "add up the events by the recipient column"
)
ROWS_HINT = (
    "you counted rows of the edges table (one per actor → recipient pair): add up its "
    "events column for each recipient instead"
)
UNKNOWN_HINT = (
    "that name is not in the edges table: copy a recipient's name exactly as the table writes it"
)
NEVER_HINT = (
    "that name is an actor in the edges table but never a recipient: look at the recipient column"
)
FEWER_HINT = (
    "that recipient receives fewer events than another one: add up the events of each "
    "recipient and take the largest total"
)


def _first(names: list[str]) -> str | None:
    return names[0] if names else None


def _mistakes(edges: pd.DataFrame) -> list[tuple[str | None, str]]:
    """(wrong answer, hint) for the mistakes that give one particular name, computed from
    the edges, in the order the checker tries them (``None``: no such mistake here)."""
    return [
        ("", EMPTY_HINT),
        (_first(_tops(sent_events(edges))), SENDER_HINT),
        (_first(_tops(_totals(edges["recipient"], [1] * len(edges)))), ROWS_HINT),
    ]


def _wrong_kind(answer: Any) -> Hint | None:
    if isinstance(answer, list | tuple | set | frozenset | dict) or hasattr(answer, "columns"):
        return hint(
            "give one name as text, not a collection or a table: take the recipient with the "
            "largest total (a Series' .idxmax() gives its label)"
        )
    if not isinstance(answer, str):
        return hint('give the recipient\'s name as text (a str), such as "Vesland"')
    return None


def _check_top_recipient(answer: Any) -> Hint | None:
    wrong_kind = _wrong_kind(answer)
    if wrong_kind:
        return wrong_kind
    answer = answer.strip()
    edges = actor_edges(course_corpus().timeline)
    tops = top_recipients(edges)
    if answer in tops or (not tops and answer == ""):
        return None
    for value, text in _mistakes(edges):
        if answer == value:
            return hint(text)
    recipients = set(edges["recipient"])
    if answer not in recipients | set(edges["actor"]):
        return hint(UNKNOWN_HINT)
    return hint(NEVER_HINT if answer not in recipients else FEWER_HINT)


def _wrong_answers() -> tuple[tuple[Any, str], ...]:
    """The known wrong answers for the course's articles, each with part of its hint. A
    mistake that gives a right answer on these articles (a tie) is left out."""
    edges = actor_edges(course_corpus().timeline)
    received = received_events(edges)
    right = set(_tops(received))
    candidates: list[tuple[Any, str]] = [
        (3, "as text"),
        (["one", "two"], "not a collection"),
        ("Nobody Atall", UNKNOWN_HINT),
        *_mistakes(edges),
        *[(name, NEVER_HINT) for name in sorted(set(edges["actor"]) - set(received))],
        *[(name, FEWER_HINT) for name in sorted(received, key=lambda n: (received[n], n))],
    ]
    kept: list[tuple[Any, str]] = []
    hints: set[str] = set()
    for value, text in candidates:  # one wrong answer per hint, none that is right here
        if value is None or (isinstance(value, str) and value in right):
            continue
        if any(value == v for v, _ in kept):
            continue
        if text not in hints:
            hints.add(text)
            kept.append((value, text.split(":")[0]))
    return tuple(kept)


register(
    Exercise(
        "06.1",
        "From the edges of the combined timeline: which recipient receives the most events?",
        _check_top_recipient,
        solution=_solution,
        mistakes=_wrong_answers,
        success="Each arrow's width counts events, not articles: an event that two articles "
        "report is counted twice.",
    )
)
