"""Notebook 04's explorer: filter the timeline by actor, event type and months, and redraw.

The logic is in pure functions (:func:`filter_timeline`, :func:`timeline_html`,
:func:`month_options`, :func:`render_png`); :func:`timeline_explorer` only wires the
controls to an ``HTML`` table and an ``Image`` of the figure. The figure is drawn on its own
matplotlib ``Figure`` (not through pyplot) and saved as PNG bytes, so an update is
synchronous and can be tested without a kernel or a browser.

>>> import pandas as pd
>>> rows = pd.DataFrame({"date_start": ["2023-01-23", "2022-12-01"],
...                      "date_end": ["2023-01-23", "2022-12-31"],
...                      "event_type": ["AGREE", "REJECT"], "actor": ["EU", ""]})
>>> list(filter_timeline(rows, None, ["REJECT"], None, None)["event_type"])
['REJECT']
>>> len(filter_timeline(rows, ["EU"], None, dt.date(2023, 2, 1), None))
0
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course_utils.events import PLOVER_TYPES
from course_utils.widgets._style import BOX_STYLE, CELL_STYLE, TABLE_STYLE

__all__ = [
    "NO_ACTOR",
    "TimelineExplorer",
    "filter_timeline",
    "month_options",
    "render_png",
    "timeline_explorer",
    "timeline_html",
]

#: How an event without a named actor is listed in the actor filter (as in the figure).
NO_ACTOR = "(actor not named)"

#: The columns of the table view, in order.
TABLE_COLUMNS = [
    "value", "time_text", "event_type", "actor", "recipient", "attributed_to", "hedged",
]  # fmt: skip


def _actor_labels(timeline: pd.DataFrame) -> pd.Series:
    return timeline["actor"].fillna("").astype(str).replace("", NO_ACTOR)


def filter_timeline(
    timeline: pd.DataFrame,
    actors: Sequence[str] | None,
    types: Sequence[str] | None,
    start: dt.date | str | None,
    end: dt.date | str | None,
) -> pd.DataFrame:
    """Keep the events of the chosen ``actors`` and ``types`` that overlap ``start``–``end``.

    ``None`` for any argument means "do not filter on it"; an empty list keeps nothing. An
    event without an actor is chosen with :data:`NO_ACTOR`. An event that covers a stretch
    of time (a week, a month) is kept when any day of it lies in the range (both ends
    included). The index is reset; the columns are those of ``timeline``.
    """
    keep = pd.Series(True, index=timeline.index)
    if actors is not None:
        keep &= _actor_labels(timeline).isin(list(actors))
    if types is not None:
        keep &= timeline["event_type"].isin(list(types))
    if start is not None:
        keep &= timeline["date_end"].astype(str) >= _iso(start)
    if end is not None:
        keep &= timeline["date_start"].astype(str) <= _iso(end)
    return timeline[keep].reset_index(drop=True)


def _iso(day: dt.date | str) -> str:
    return day.isoformat() if isinstance(day, dt.date) else dt.date.fromisoformat(day).isoformat()


def month_options(timeline: pd.DataFrame) -> list[tuple[str, dt.date]]:
    """One ``(label, first day)`` per month from the earliest to the latest event.

    >>> rows = pd.DataFrame({"date_start": ["2022-11-01"], "date_end": ["2023-01-31"]})
    >>> [label for label, _ in month_options(rows)]
    ['Nov 2022', 'Dec 2022', 'Jan 2023']
    """
    if timeline.empty:
        today = dt.date(2000, 1, 1)
        return [(today.strftime("%b %Y"), today)]
    low = dt.date.fromisoformat(min(timeline["date_start"].astype(str)))
    high = dt.date.fromisoformat(max(timeline["date_end"].astype(str)))
    months, year, month = [], low.year, low.month
    while (year, month) <= (high.year, high.month):
        first = dt.date(year, month, 1)
        months.append((f"{calendar.month_abbr[month]} {year}", first))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def timeline_html(timeline: pd.DataFrame) -> str:
    """A small HTML table of the events, with explicit colours (readable in dark mode)."""
    if timeline.empty:
        return f'<div style="{BOX_STYLE}">No event matches these choices.</div>'
    header = "".join(f'<th style="{CELL_STYLE}">{name}</th>' for name in TABLE_COLUMNS)
    rows = []
    for row in timeline.itertuples(index=False):
        cells = []
        for name in TABLE_COLUMNS:
            value = getattr(row, name, "")
            if name == "hedged":
                text = "yes" if bool(value) else ""
            else:
                text = "" if pd.isna(value) else str(value)
            cells.append(f'<td style="{CELL_STYLE}">{html.escape(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div style="{BOX_STYLE}"><b>{len(timeline)} event(s)</b>'
        f'<table style="{TABLE_STYLE}"><tr>{header}</tr>{"".join(rows)}</table></div>'
    )


def render_png(timeline: pd.DataFrame, lanes: str = "actor") -> bytes:
    """Draw :func:`course_utils.plots.plot_timeline` on a new figure and return PNG bytes.

    The figure is made without pyplot, so nothing is shown or left open in the notebook.
    """
    from matplotlib.figure import Figure

    from course_utils.plots.timeline import plot_timeline

    n_lanes = max(timeline[lanes].nunique() if lanes in timeline else 0, 1)
    fig = Figure(figsize=(10, 1.6 + 0.55 * n_lanes), layout="constrained")
    fig.patch.set_facecolor("white")
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    plot_timeline(timeline, lanes=lanes, ax=ax)  # type: ignore[arg-type]
    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=80, facecolor="white")
    fig.clear()
    return buffer.getvalue()


@dataclass
class TimelineExplorer:
    """The explorer's parts: display ``widget``; set ``.value`` on ``actors``, ``types``,
    ``months`` or ``lanes`` and ``table`` and ``image`` update at once."""

    widget: widgets.VBox
    actors: widgets.SelectMultiple
    types: widgets.SelectMultiple
    months: widgets.SelectionRangeSlider
    lanes: widgets.ToggleButtons
    table: widgets.HTML
    image: widgets.Image
    timeline: pd.DataFrame = field(repr=False)

    @property
    def filtered(self) -> pd.DataFrame:
        """The events the controls choose now."""
        first, last = self.months.value
        return filter_timeline(
            self.timeline, self.actors.value, self.types.value, first, _month_end(last)
        )

    def refresh(self, _: Any = None) -> None:
        """Recompute the table and the figure from the controls."""
        chosen = self.filtered
        self.table.value = timeline_html(chosen)
        self.image.value = render_png(chosen, lanes=self.lanes.value)


def timeline_explorer(timeline: pd.DataFrame | None = None) -> TimelineExplorer:
    """Explore a timeline (default: the course article's, from ``build_timeline``).

    >>> explorer = timeline_explorer()
    >>> explorer.types.value = ("CONSULT",)
    >>> "CONSULT" in explorer.table.value, "ASSAULT" in explorer.table.value
    (True, False)
    """
    if timeline is None:
        from course_utils.article import course_article
        from course_utils.events import build_timeline

        timeline = build_timeline(course_article())
    order = {name: i for i, name in enumerate(PLOVER_TYPES)}
    actor_names = sorted(set(_actor_labels(timeline)), key=lambda a: (a == NO_ACTOR, a))
    type_names = sorted(set(timeline["event_type"]), key=lambda t: (order.get(t, 99), t))
    months = month_options(timeline)
    wide = widgets.Layout(width="auto")
    actors = widgets.SelectMultiple(
        options=actor_names, value=actor_names, rows=min(len(actor_names), 8) or 1,
        description="actors", layout=widgets.Layout(width="340px"),
    )  # fmt: skip
    types = widgets.SelectMultiple(
        options=type_names, value=type_names, rows=min(len(type_names), 8) or 1,
        description="types", layout=widgets.Layout(width="240px"),
    )  # fmt: skip
    month_range = widgets.SelectionRangeSlider(
        options=months, index=(0, len(months) - 1), description="months",
        continuous_update=False, layout=widgets.Layout(width="600px"),
    )  # fmt: skip
    lanes = widgets.ToggleButtons(
        options=[("one row per actor", "actor"), ("one row per event type", "event_type")],
        value="actor", description="lanes", layout=wide,
        style={"description_width": "initial", "button_width": "auto"},  # whole labels
    )  # fmt: skip
    table, image = widgets.HTML(), widgets.Image(format="png", layout=wide)
    controls = widgets.VBox([widgets.HBox([actors, types]), month_range, lanes])
    explorer = TimelineExplorer(
        widgets.VBox([controls, image, table]),
        actors, types, month_range, lanes, table, image, timeline,
    )  # fmt: skip
    for control in (actors, types, month_range, lanes):
        control.observe(explorer.refresh, names="value")
    explorer.refresh()
    return explorer
