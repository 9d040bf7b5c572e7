"""Judging the helpers: the rows where the helpers and an answer key disagree, and a check
for a student's classification of them (exercises 03.4, 04.5 and 05.5).

A disagreement is one of four kinds, read from the two sides of its row: **missed** (only
the key has it), **spurious** (only the helpers have it), **wrong actor** or **wrong date**
(both have it, with a different actor or date). A reader may also decide that the key is
wrong (**key error**): the check accepts that on a row where both sides have something, as
long as it is not every row.

>>> found = pd.DataFrame({"sentence": [1, 2], "event_type": ["AGREE", "ACCUSE"],
...                       "actor": ["Vesland", "Kalonia"], "value": ["2024-03-12", "2024"]})
>>> key = pd.DataFrame({"sentence": [1, 3], "event_type": ["AGREE", "PROTEST"],
...                     "actor": ["Kalonia", "Vesland"], "value": ["2024-03-12", "2024"]})
>>> table = event_disagreements(found, key)
>>> list(table["sentence"]), kinds(table)
([1, 2, 3], ['wrong actor', 'spurious', 'missed'])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from course_utils.exercises._framework import Exercise, Hint, hint

__all__ = [
    "LABELS",
    "actor_disagreements",
    "check_labels",
    "event_disagreements",
    "judgement_exercise",
    "kinds",
]

#: The labels a student may give a row.
LABELS = ("missed", "spurious", "wrong actor", "wrong date", "key error")

_EVENT_COLUMNS = [
    "sentence",
    "event_type",
    "helpers_actor",
    "helpers_value",
    "key_actor",
    "key_value",
]


def _unmatched(ours: list[tuple[str, str]], theirs: list[tuple[str, str]]) -> tuple[list, list]:
    """Drop the (actor, value) pairs both sides have, once for each time both have them."""
    left, right = list(ours), list(theirs)
    for item in list(left):
        if item in right:
            left.remove(item)
            right.remove(item)
    return left, right


def event_disagreements(found: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """The events where ``found`` (a timeline) and ``key`` (an events key) differ, one row
    each, paired by sentence and event type, in sentence order."""
    fields = ["sentence", "event_type", "actor", "value"]
    both = pd.concat(
        [found[fields].assign(side="helpers"), key[fields].assign(side="key")], ignore_index=True
    ).astype({"sentence": int, "actor": str, "value": str})
    rows: list[dict[str, Any]] = []
    for (sentence, kind), group in both.groupby(["sentence", "event_type"], sort=True):
        pairs = {
            side: list(zip(part["actor"], part["value"], strict=True))
            for side, part in group.groupby("side")
        }
        left, right = _unmatched(pairs.get("helpers", []), pairs.get("key", []))
        for i in range(max(len(left), len(right))):
            ours = left[i] if i < len(left) else ("", "")
            theirs = right[i] if i < len(right) else ("", "")
            rows.append(
                dict(zip(_EVENT_COLUMNS, (int(sentence), kind, *ours, *theirs), strict=True))
            )
    return pd.DataFrame(rows, columns=_EVENT_COLUMNS)


def actor_disagreements(found: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """The actor mentions where ``found`` and ``key`` differ: a key mention that no found
    mention overlaps (missed), a found one that overlaps no key mention (spurious), or an
    overlap with another actor (wrong actor). Columns: sentence, text, helpers_actor,
    key_actor; in text order."""
    rows: list[dict[str, Any]] = []
    used: set[int] = set()
    for _, k in key.iterrows():
        hits = found[(found["start"] < k["end"]) & (found["end"] > k["start"])]
        used.update(int(i) for i in hits.index)
        actors = set(hits["actor"])
        if not len(hits):
            rows.append((int(k["start"]), int(k["sentence"]), str(k["text"]), "", str(k["actor"])))
        elif k["actor"] not in actors:
            first = hits.iloc[0]
            rows.append(
                (
                    int(k["start"]),
                    int(k["sentence"]),
                    str(k["text"]),
                    str(first["actor"]),
                    str(k["actor"]),
                )
            )
    for i, f in found.iterrows():
        if int(i) not in used:
            rows.append((int(f["start"]), int(f["sentence"]), str(f["text"]), str(f["actor"]), ""))
    rows.sort()
    columns = ["sentence", "text", "helpers_actor", "key_actor"]
    return pd.DataFrame([r[1:] for r in rows], columns=columns)


def kinds(table: pd.DataFrame) -> list[str]:
    """The kind of each row of a disagreement table, read from its two sides."""
    out = []
    for _, row in table.iterrows():
        if row["helpers_actor"] == "" and row.get("helpers_value", "") == "":
            out.append("missed")
        elif row["key_actor"] == "" and row.get("key_value", "") == "":
            out.append("spurious")
        elif row["helpers_actor"] != row["key_actor"]:
            out.append("wrong actor")
        else:
            out.append("wrong date")
    return out


def _as_labels(answer: Any, n: int) -> list[str] | Hint:
    if isinstance(answer, dict):
        if set(answer) != set(range(n)):
            return hint(f"give a label for each row number of the table, 0 to {n - 1}")
        answer = [answer[i] for i in range(n)]
    if isinstance(answer, str) or not isinstance(answer, list | tuple):
        return hint(f"give a list of {n} labels, one per row of the table, in its order")
    if len(answer) != n:
        return hint(f"the table has {n} rows and you gave {len(answer)} labels: one per row")
    if not all(isinstance(x, str) for x in answer):
        return hint("each label is a string in quotes, such as 'missed'")
    labels = [x.strip().lower() for x in answer]
    unknown = [x for x in labels if x not in LABELS]
    if unknown:
        return hint(f"{unknown[0]!r} is not a label: use one of {', '.join(LABELS)}")
    return labels


def check_labels(answer: Any, table: pd.DataFrame) -> Hint | None:
    """Check a classification of ``table``'s rows (see the module's docstring)."""
    truth = kinds(table)
    labels = _as_labels(answer, len(truth))
    if isinstance(labels, Hint):
        return labels
    if truth and all(x == "key error" for x in labels):
        return hint(
            "the key was written by reading the article: some of these rows are the helpers' "
            "mistakes. Which side has nothing, and which has something different?"
        )
    for i, (got, want) in enumerate(zip(labels, truth, strict=True)):
        if got == want or (got == "key error" and want in {"wrong actor", "wrong date"}):
            continue
        if got == "key error":
            return hint(
                f"row {i}: one side is empty, so the disagreement is about finding, not about "
                "which of two readings is right"
            )
        return hint(
            f"row {i}: look at which side of the row is empty, then compare the two sides",
            "an empty helpers side means the helpers missed it; an empty key side means the "
            "helpers found something the key does not have; otherwise compare actor and date",
        )
    return None


def label_mistakes(table: pd.DataFrame) -> tuple[tuple[Any, str], ...]:
    """Known wrong classifications of ``table`` for the tests, each with part of its hint."""
    truth = kinds(table)
    n = len(truth)
    wrong: list[tuple[Any, str]] = [
        ("missed", f"a list of {n} labels"),
        ([*truth, "missed"], f"the table has {n} rows"),
    ]
    if not truth:
        return tuple(wrong)
    wrong.append((["dunno"] * n, "is not a label"))
    wrong.append((["key error"] * n, "the key was written by reading"))
    flip = {"missed": "spurious", "spurious": "missed", "wrong actor": "missed"}
    first = [flip.get(truth[0], "spurious"), *truth[1:]]
    wrong.append((first, "row 0: look at which side"))
    empty = [i for i, t in enumerate(truth) if t in {"missed", "spurious"}]
    if empty and len(truth) > 1:
        marked = list(truth)
        marked[empty[0]] = "key error"
        wrong.append((marked, f"row {empty[0]}: one side is empty"))
    return tuple(wrong)


def judgement_exercise(
    number: str, text: str, table: Callable[[], pd.DataFrame], success: str
) -> Exercise:
    """A judgement exercise over ``table()``, the disagreements of the article in use, built
    when the check is called: its check, its solution and its known mistakes."""
    return Exercise(
        number,
        text,
        lambda answer: check_labels(answer, table()),
        solution=lambda: kinds(table()),
        mistakes=lambda: label_mistakes(table()),
        success=success,
    )
