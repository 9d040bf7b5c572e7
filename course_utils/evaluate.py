"""Answer keys and scorers: how well do the helpers do against a key written by reading?

Each field is scored on its own, as TempEval-3 and the event-data validation studies do:

* spans, strict (exact start and end) and relaxed (any overlap), as precision, recall, F1;
* actors also at the level of distinct actors (did we find Lavrov at all?);
* dates by their value at the key's precision;
* events by type, actor and date separately, then the whole tuple.

Answer keys are CSV files beside the article (``key_actors.csv``, ``key_dates.csv``,
``key_events.csv``). A key names a mention by its surface ``text`` and ``occurrence`` (1 for
the first whole-word occurrence of that text in the cleaned article, 2 for the second …) so
that a person can write it by reading; :func:`load_key` turns that into offsets.

>>> prf(tp=8, fp=2, fn=0)
{'precision': 0.8, 'recall': 1.0, 'f1': 0.889}
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from course_utils.article import Article, article_path, course_article
from course_utils.errors import AnswerKeyError
from course_utils.text import find_phrase, fold_quotes

__all__ = [
    "CHECKED_COLUMN",
    "KEY_COLUMNS",
    "draft_warning",
    "load_key",
    "match_spans",
    "prf",
    "resolve_key",
    "score_actors",
    "score_dates",
    "score_events",
    "score_spans",
    "unchecked_rows",
]

#: The columns each kind of answer key must have.
KEY_COLUMNS: dict[str, list[str]] = {
    "actors": ["text", "occurrence", "actor", "kind"],
    "dates": ["text", "occurrence", "value", "precision", "mod"],
    "events": ["sentence_contains", "event_type", "actor", "recipient", "value", "hedged"],
}
SCORE_COLUMNS = ["level", "match", "precision", "recall", "f1", "tp", "fp", "fn"]

#: The column ``course-utils draft-key`` adds to a draft key: ``no`` on every row until a
#: person has checked the row against the article and written ``yes``.
CHECKED_COLUMN = "checked"
_YES = {"yes", "y", "true", "1"}


def unchecked_rows(key: pd.DataFrame) -> int:
    """How many rows of a key are still an unchecked draft (0 for a key with no marker).

    >>> unchecked_rows(pd.DataFrame({"text": ["a", "b"], "checked": ["no", "yes"]}))
    1
    >>> unchecked_rows(pd.DataFrame({"text": ["a"]}))
    0
    """
    if CHECKED_COLUMN not in key.columns:
        return 0
    marks = key[CHECKED_COLUMN].astype(str).str.strip().str.lower()
    return int((~marks.isin(_YES)).sum())


def draft_warning(key: pd.DataFrame) -> str:
    """The note a score gets when its key is (partly) an unchecked draft, else ``""``."""
    n = unchecked_rows(key)
    if not n:
        return ""
    return (
        f"no score: {n} of {len(key)} key rows are an unchecked draft (the helpers' own "
        "output); correct them by reading the article and set checked to yes"
    )


def _mark_draft(table: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Blank the scores of a table computed against an unchecked draft, and say why.

    >>> key = pd.DataFrame({"start": [0], "end": [5], "checked": ["no"]})
    >>> table = score_spans(key, key)
    >>> bool(table["f1"].isna().all()), table["note"].iloc[0][:9]
    (True, 'no score:')
    """
    warning = draft_warning(key)
    if not warning:
        return table
    table = table.copy()
    table[["precision", "recall", "f1"]] = float("nan")
    table["note"] = warning
    return table


def prf(tp: int, fp: int, fn: int, *, digits: int = 3) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where a ratio has nothing to divide by).

    >>> prf(0, 0, 3)
    {'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, digits),
        "recall": round(recall, digits),
        "f1": round(f1, digits),
    }


# --- Keys ---------------------------------------------------------------------------------


def load_key(
    kind: str, path: str | Path | None = None, *, article: Article | None = None
) -> pd.DataFrame:
    """Read an answer key (``kind`` is actors, dates or events) and resolve it to offsets.

    ``path`` is the article's file or folder (default: the one in ``course.toml``). Actor and date
    keys gain ``start``, ``end`` and ``sentence`` columns; event keys gain ``sentence``.

    >>> key = load_key("dates")
    >>> set(key.columns) >= {"text", "value", "start", "end", "sentence"}
    True
    """
    if kind not in KEY_COLUMNS:
        raise AnswerKeyError(f"no kind of key {kind!r}: use one of {', '.join(KEY_COLUMNS)}")
    if path is None:
        from course_utils.config import load_config

        path = load_config().article
    file = article_path(path).with_name(f"key_{kind}.csv")
    if not file.is_file():
        raise AnswerKeyError(
            f"there is no answer key {file.name} beside the article in {file.parent}: "
            "write one by reading the article (course-utils draft-key makes a first draft)"
        )
    key = pd.read_csv(file, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in KEY_COLUMNS[kind] if c not in key.columns]
    if missing:
        raise AnswerKeyError(f"{file} lacks the column(s) {', '.join(missing)}")
    article = article or course_article(path)
    return resolve_key(kind, key, article, source=file.name)


def resolve_key(
    kind: str, key: pd.DataFrame, article: Article, *, source: str = "the key"
) -> pd.DataFrame:
    """Add offsets (and sentence ids) to a key read from CSV; see :func:`load_key`."""
    key = key.copy()
    if kind == "events":
        key["hedged"] = key["hedged"].str.lower().isin(["true", "yes", "1"])
        key["sentence"] = [
            _sentence_containing(article, snippet, f"{source}, row {i + 2}")
            for i, snippet in enumerate(key["sentence_contains"])
        ]
        return key
    starts, ends = [], []
    for i, (surface, occurrence) in enumerate(zip(key["text"], key["occurrence"], strict=True)):
        spans = find_phrase(article.text, surface)
        n = int(occurrence or 1)
        if not 1 <= n <= len(spans):
            raise AnswerKeyError(
                f"{source}, row {i + 2}: {surface!r} occurs {len(spans)} time(s) in the cleaned "
                f"article, so occurrence {n} does not exist: correct the row"
            )
        starts.append(spans[n - 1][0])
        ends.append(spans[n - 1][1])
    key["occurrence"] = key["occurrence"].replace("", "1").astype(int)
    key["start"], key["end"] = starts, ends
    key["sentence"] = [article.sentence_of(s) for s in starts]
    return key.sort_values("start", kind="stable").reset_index(drop=True)


def _sentence_containing(article: Article, snippet: str, where: str) -> int:
    folded = fold_quotes(snippet)
    hits = [int(r.id) for r in article.sentences.itertuples() if folded in fold_quotes(r.text)]
    if len(hits) != 1:
        raise AnswerKeyError(
            f"{where}: {snippet!r} is in {len(hits)} sentences of the article; "
            "quote a few words that occur in exactly one sentence"
        )
    return hits[0]


# --- Spans --------------------------------------------------------------------------------


def match_spans(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], *, strict: bool = True
) -> list[tuple[int, int]]:
    """Pair predicted and gold spans one to one; return the ``(pred_i, gold_i)`` pairs.

    Strict pairs need the same start and end; relaxed pairs need any overlap (the largest
    overlaps are paired first).

    >>> match_spans([(0, 5), (10, 20)], [(0, 5), (12, 30)], strict=False)
    [(0, 0), (1, 1)]
    >>> match_spans([(0, 5), (10, 20)], [(0, 5), (12, 30)])
    [(0, 0)]
    """
    if strict:
        index = {span: j for j, span in enumerate(gold)}
        pairs, used = [], set()
        for i, span in enumerate(pred):
            j = index.get(tuple(span))
            if j is not None and j not in used:
                pairs.append((i, j))
                used.add(j)
        return pairs
    overlaps = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            size = min(pe, ge) - max(ps, gs)
            if size > 0:
                overlaps.append((-size, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(overlaps):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(pairs)


def _spans(frame: pd.DataFrame) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in zip(frame["start"], frame["end"], strict=True)]


def _row(level: str, match: str, tp: int, n_pred: int, n_gold: int) -> dict[str, object]:
    return {"level": level, "match": match, **prf(tp, n_pred - tp, n_gold - tp),
            "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp}  # fmt: skip


def score_spans(pred: pd.DataFrame, key: pd.DataFrame, *, level: str = "spans") -> pd.DataFrame:
    """Strict and relaxed precision, recall and F1 of predicted spans against the key.

    >>> pred = pd.DataFrame({"start": [0, 10], "end": [5, 20]})
    >>> gold = pd.DataFrame({"start": [0, 12], "end": [5, 30]})
    >>> score_spans(pred, gold)[["match", "precision", "recall", "f1"]]
         match  precision  recall  f1
    0   strict        0.5     0.5  0.5
    1  relaxed        1.0     1.0  1.0
    """
    p, g = _spans(pred), _spans(key)
    rows = [
        _row(level, "strict", len(match_spans(p, g, strict=True)), len(p), len(g)),
        _row(level, "relaxed", len(match_spans(p, g, strict=False)), len(p), len(g)),
    ]
    return _mark_draft(pd.DataFrame(rows, columns=SCORE_COLUMNS), key)


def score_actors(pred: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Score actor mentions: spans strict and relaxed, spans with the right actor, and the
    set of distinct actors found.

    ``pred`` has the columns of ``find_actors``; ``key`` is ``load_key("actors")``.
    """
    table = score_spans(pred, key, level="mentions")[SCORE_COLUMNS]
    p, g = _spans(pred), _spans(key)
    same_actor = sum(
        pred["actor"].iloc[i] == key["actor"].iloc[j] for i, j in match_spans(p, g, strict=False)
    )
    found, wanted = set(pred["actor"]), set(key["actor"])
    rows = [
        _row("mentions + actor", "relaxed", int(same_actor), len(p), len(g)),
        _row("distinct actors", "name", len(found & wanted), len(found), len(wanted)),
    ]
    table = pd.concat([table, pd.DataFrame(rows, columns=SCORE_COLUMNS)], ignore_index=True)
    return _mark_draft(table, key)


def score_dates(pred: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Score date expressions: spans strict and relaxed, then the value (a relaxed span
    match whose TIMEX3 value equals the key's, at the key's precision)."""
    table = score_spans(pred, key, level="date spans")[SCORE_COLUMNS]
    p, g = _spans(pred), _spans(key)
    right_value = sum(
        str(pred["value"].iloc[i]) == str(key["value"].iloc[j])
        for i, j in match_spans(p, g, strict=False)
    )
    row = _row("date values", "relaxed span + value", int(right_value), len(p), len(g))
    table = pd.concat([table, pd.DataFrame([row], columns=SCORE_COLUMNS)], ignore_index=True)
    return _mark_draft(table, key)


EVENT_FIELDS = ("event_type", "actor", "value")


def score_events(pred: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Score events field by field: type, actor and date value, then the whole tuple.

    Predicted and key events are paired within the same sentence, the pair agreeing on most
    fields first. ``pred`` has the columns of ``build_timeline`` (``sentence`` is the
    sentence id); ``key`` is ``load_key("events")``.
    """
    candidates = []
    for i, prow in enumerate(pred.itertuples(index=False)):
        for j, grow in enumerate(key.itertuples(index=False)):
            if int(prow.sentence) != int(grow.sentence):
                continue
            agree = sum(str(getattr(prow, f)) == str(getattr(grow, f)) for f in EVENT_FIELDS)
            candidates.append((-agree, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    n_pred, n_gold = len(pred), len(key)
    rows = [_row("events", "same sentence", len(pairs), n_pred, n_gold)]
    for name in EVENT_FIELDS:
        tp = sum(str(pred[name].iloc[i]) == str(key[name].iloc[j]) for i, j in pairs)
        rows.append(_row(name, "paired + equal", int(tp), n_pred, n_gold))
    whole = sum(
        all(str(pred[f].iloc[i]) == str(key[f].iloc[j]) for f in EVENT_FIELDS) for i, j in pairs
    )
    rows.append(_row("type + actor + date", "paired + all equal", int(whole), n_pred, n_gold))
    return _mark_draft(pd.DataFrame(rows, columns=SCORE_COLUMNS), key)
