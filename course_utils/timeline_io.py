"""Save a timeline to a file, read it back, and merge the timelines of several articles.

A timeline (the table :func:`course_utils.events.build_timeline` returns) is saved as CSV or
JSON, chosen by the file's suffix, with the same conventions as the ``course-utils`` command
line (``docs/cli.md``): in CSV, booleans are ``true``/``false`` and list fields are joined
with ``;``; JSON is a list of records. :func:`read_timeline` gives back the same table, with
the same types (``hedged`` a bool, ``sentence`` an int).

:func:`merge_timelines` puts the timelines of several articles together. Two articles often
report the same event, and counting every report as an event of its own is a known trap of
machine-coded event data: GDELT once counted 151 and 215 "kidnappings" in Nigeria on two days
in April 2014, mostly repeated reports of one event. So the merge keeps one row per event and
says which sources reported it, and how many.

>>> one = pd.DataFrame({
...     "date_start": ["2023-01-01"], "date_end": ["2023-01-31"], "precision": ["month"],
...     "value": ["2023-01"], "event_type": ["AGREE"], "actor": ["EU"], "recipient": [""],
...     "hedged": [False], "sentence": [4]})
>>> two = one.assign(date_start="2023-01-23", date_end="2023-01-23", precision="day",
...                  value="2023-01-23", sentence=2)
>>> merge_timelines(one, two, sources=["first", "second"])[
...     ["value", "event_type", "actor", "source", "sources", "reports"]]
        value event_type actor  source       sources  reports
0  2023-01-23      AGREE    EU  second  first;second        2
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils.errors import CourseError
from course_utils.events import TIMELINE_COLUMNS
from course_utils.tables import records, write_csv

__all__ = [
    "MERGE_COLUMNS",
    "PRECISION_ORDER",
    "export_timeline",
    "merge_timelines",
    "read_timeline",
]

#: Date precisions from the most precise to the least: a merge keeps the most precise report.
PRECISION_ORDER: tuple[str, ...] = ("day", "week", "month", "year")
#: The columns :func:`merge_timelines` adds to a timeline's own.
MERGE_COLUMNS: tuple[str, ...] = ("source", "sources", "reports")
#: The columns a timeline needs to be merged.
_NEEDED = ("date_start", "date_end", "precision", "event_type", "actor", "recipient")
_FORMATS = {".csv": "csv", ".json": "json"}
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


# --- Files --------------------------------------------------------------------------------


def _format(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CourseError(
            f"cannot tell the format of {path.name!r} from its suffix: "
            "end the file name with .csv or .json"
        )
    return fmt


def export_timeline(timeline: pd.DataFrame, path: str | Path) -> Path:
    """Write a timeline to ``path`` as CSV (``.csv``) or JSON (``.json``); return the path.

    The fields are written as ``course-utils timeline --format csv|json`` writes them.

    >>> import tempfile
    >>> table = pd.DataFrame({"event_type": ["AGREE"], "hedged": [True], "sentence": [3]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = export_timeline(table, Path(folder) / "events.csv")
    ...     print(file.read_text(encoding="utf-8"), end="")
    event_type,hedged,sentence
    AGREE,true,3
    """
    if not isinstance(timeline, pd.DataFrame):
        raise CourseError(
            f"export_timeline needs a DataFrame, not {type(timeline).__name__}: "
            "pass the table build_timeline returns"
        )
    path = Path(path)
    fmt = _format(path)
    rows = records(timeline)
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            write_csv(rows, list(timeline.columns), out)  # type: ignore[arg-type]
        else:
            json.dump(rows, out, ensure_ascii=False, indent=2)
            out.write("\n")
    return path


def _as_bool(value: Any, column: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CourseError(f"the column {column} holds {value!r}, which is not true or false")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a timeline read from a file the types build_timeline and merge_timelines give."""
    frame = frame.copy()
    for column in frame.columns:
        if column == "hedged":
            frame[column] = [_as_bool(v, column) for v in frame[column]]
            frame[column] = frame[column].astype(bool)
        elif column in ("sentence", "reports"):
            try:
                frame[column] = frame[column].astype(int)
            except (TypeError, ValueError):
                raise CourseError(f"the column {column} should hold whole numbers") from None
        else:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def read_timeline(path: str | Path) -> pd.DataFrame:
    """Read a timeline saved by :func:`export_timeline` (or by ``course-utils timeline``).

    >>> import tempfile
    >>> table = pd.DataFrame({"event_type": ["AGREE"], "hedged": [True], "sentence": [3]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     back = read_timeline(export_timeline(table, Path(folder) / "events.json"))
    >>> back.equals(table), back["hedged"].dtype.name, back["sentence"].dtype.name
    (True, 'bool', 'int64')
    """
    path = Path(path)
    fmt = _format(path)
    if not path.is_file():
        raise CourseError(f"there is no file {path.name!r} in {path.parent}: check the path")
    if fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    else:
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise CourseError(f"{path.name} is not valid JSON (line {err.lineno})") from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise CourseError(f"{path.name} should hold a list of records, one per event")
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=TIMELINE_COLUMNS)
    return _typed(frame)


# --- Merging ------------------------------------------------------------------------------


def _rank(precision: str) -> int:
    order = PRECISION_ORDER
    return order.index(precision) if precision in order else len(order)


@dataclass
class _Event:
    """One event of the merge and the reports of it, from different sources."""

    first: int  # the order of its first report, to keep the merge stable
    event_type: str
    actor: str
    recipient: str
    start: str  # the dates every report allows: the intersection of their ranges
    end: str
    reports: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def accepts(self, source: str, row: dict[str, Any]) -> bool:
        """Is ``row`` another source's report of this event?"""
        if source in {s for s, _ in self.reports}:
            return False  # an article does not confirm itself
        if row["event_type"] != self.event_type or row["actor"] != self.actor:
            return False
        if row["recipient"] and self.recipient and row["recipient"] != self.recipient:
            return False
        return row["date_start"] <= self.end and self.start <= row["date_end"]

    def add(self, source: str, row: dict[str, Any]) -> None:
        self.reports.append((source, row))
        self.recipient = self.recipient or row["recipient"]
        self.start, self.end = max(self.start, row["date_start"]), min(self.end, row["date_end"])

    def merged(self) -> dict[str, Any]:
        """The most precise report (the earliest of equally precise ones), and its sources."""
        source, row = min(self.reports, key=lambda report: _rank(report[1]["precision"]))
        sources = list(dict.fromkeys(s for s, _ in self.reports))
        return {**row, "source": source, "sources": ";".join(sources), "reports": len(sources)}


def _check_timeline(timeline: Any, name: str) -> pd.DataFrame:
    if not isinstance(timeline, pd.DataFrame):
        raise CourseError(
            f"merge_timelines takes DataFrames, but {name} is a {type(timeline).__name__}: "
            "pass the tables build_timeline (or read_timeline) returns"
        )
    missing = [c for c in _NEEDED if c not in timeline.columns]
    if missing:
        raise CourseError(
            f"{name} lacks the column(s) {', '.join(missing)}: "
            "pass the table build_timeline (or read_timeline) returns"
        )
    return timeline


def merge_timelines(*timelines: pd.DataFrame, sources: Sequence[str] | None = None) -> pd.DataFrame:
    """Put the timelines of several articles together, one row per event.

    ``sources`` names each timeline (default ``timeline 1``, ``timeline 2`` …). Rows of
    different timelines are one event when they have the same ``event_type``, the same
    ``actor``, the same ``recipient`` if both name one, and date ranges
    (``date_start`` … ``date_end``) that overlap. Rows of the same timeline are never merged:
    an article does not confirm itself.

    The row kept for an event is the report with the most precise date (day, then week,
    month, year; the first on a tie), with its other fields as that report gives them. Three
    columns are added: ``source`` (where the kept row comes from), ``sources`` (every source
    that reports the event, joined with ``;``) and ``reports`` (how many do). Rows are sorted
    by date. Deduplicating matters: without it, two articles about one event count as two
    events, the mistake that inflated GDELT's counts (see this module's docstring).

    >>> row = {"date_start": "2022-11-01", "date_end": "2022-11-30", "precision": "month",
    ...        "event_type": "AGREE", "actor": "CSTO", "recipient": "", "hedged": False}
    >>> a = pd.DataFrame([row])
    >>> b = pd.DataFrame([row, {**row, "actor": "EU"}])
    >>> merge_timelines(a, b)[["actor", "sources", "reports"]]
      actor                sources  reports
    0  CSTO  timeline 1;timeline 2        2
    1    EU             timeline 2        1
    """
    names = [f"timeline {i + 1}" for i in range(len(timelines))] if sources is None else sources
    if isinstance(names, str) or len(names) != len(timelines):
        raise CourseError(
            f"give one source name per timeline: {len(timelines)} timeline(s) but "
            f"sources={sources!r}"
        )
    names = [str(n) for n in names]
    if len(set(names)) != len(names) or any(";" in n or not n for n in names):
        raise CourseError(
            "source names must be different from each other, not empty, and without ';' "
            "(it separates them in the sources column)"
        )
    frames = [_check_timeline(t, f"timeline {i + 1}") for i, t in enumerate(timelines)]
    columns = list(dict.fromkeys(c for f in frames for c in f.columns if c not in MERGE_COLUMNS))
    events: list[_Event] = []
    order = 0
    for name, frame in zip(names, frames, strict=True):
        for row in frame.drop(columns=list(MERGE_COLUMNS), errors="ignore").to_dict("records"):
            row = {c: ("" if c in _NEEDED and pd.isna(v) else v) for c, v in row.items()}
            event = next((e for e in events if e.accepts(name, row)), None)
            if event is None:
                event = _Event(
                    order, row["event_type"], row["actor"], row["recipient"],
                    row["date_start"], row["date_end"],
                )  # fmt: skip
                events.append(event)
            event.add(name, row)
            order += 1
    merged = pd.DataFrame([e.merged() for e in events], columns=[*columns, *MERGE_COLUMNS])
    merged["reports"] = merged["reports"].astype(int)
    if "hedged" in merged.columns:
        merged["hedged"] = merged["hedged"].astype(bool)
    if "sentence" in merged.columns and not merged.empty:
        merged["sentence"] = merged["sentence"].astype(int)
    merged["_first"] = [e.first for e in events]
    merged = merged.sort_values(["date_start", "date_end", "_first"], kind="stable")
    return merged.drop(columns="_first").reset_index(drop=True)
