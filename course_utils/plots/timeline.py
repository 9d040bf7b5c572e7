"""The timeline of an article's events, one lane per actor (or per event type).

- A day is a dot; a week, a month or a year is a bar over the days it covers, with the part
  that "early", "mid" or "late" points to drawn darker.
- Colours (Okabe–Ito) and marker shapes show the PLOVER event type, with a legend.
- Hedged events ("reportedly", "is expected to") are hollow dots and hatched bars.

>>> import matplotlib
>>> matplotlib.use("agg")
>>> from course_utils import build_timeline, course_article
>>> ax = plot_timeline(build_timeline(course_article()))
>>> ax.get_title()
'Timeline of events, by actor'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from course_utils.errors import CourseError
from course_utils.plots._style import PLOVER_STYLE, new_figure, plover_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TYPE_COLOURS", "plot_timeline", "type_style"]

#: The colours the event types use (Okabe–Ito, yellow left out: too faint on white).
TYPE_COLOURS: tuple[str, ...] = tuple(dict.fromkeys(c for c, _ in PLOVER_STYLE.values()))
_PLOVER_ORDER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_NEEDED = ("date_start", "date_end", "precision", "event_type", "actor", "hedged")
_UNKNOWN = "(actor not named)"


def type_style(event_types: list[str]) -> dict[str, tuple[str, str]]:
    """The (colour, marker) of each event type present, in PLOVER's order, from the course's
    fixed table (:data:`course_utils.plots._style.PLOVER_STYLE`): a type looks the same in
    every figure, whichever other types are present.

    >>> type_style(["REJECT", "AGREE"])
    {'AGREE': ('#0072B2', 'o'), 'REJECT': ('#E69F00', '^')}
    >>> type_style(["REJECT"])
    {'REJECT': ('#E69F00', '^')}
    """
    order = {name: i for i, name in enumerate(_PLOVER_ORDER)}
    present = sorted(set(event_types), key=lambda t: (order.get(t, len(order)), t))
    return {name: plover_style(name) for name in present}


def _mod_part(start: dt.date, end: dt.date, mod: str) -> tuple[dt.date, dt.date] | None:
    """The third of a span that "early" (START), "mid" (MID) or "late" (END) points to."""
    if mod not in {"START", "MID", "END"}:
        return None
    days = (end - start).days + 1
    third = max(days // 3, 1)
    first = {"START": 0, "MID": third, "END": days - third}[mod]
    return start + dt.timedelta(days=first), start + dt.timedelta(days=first + third - 1)


def plot_timeline(
    timeline: pd.DataFrame,
    *,
    lanes: Literal["actor", "event_type"] = "actor",
    ax: Axes | None = None,
    title: str | None = None,
    labels: bool = True,
) -> Axes:
    """Draw a timeline from :func:`course_utils.events.build_timeline`; return the ``Axes``.

    ``lanes`` is ``"actor"`` (one row per actor) or ``"event_type"``. Each event gets a
    short label (its type and recipient, or its actor) unless ``labels=False``. The table of
    :func:`course_utils.events.find_events` works too, and as it has a ``mod`` column, the
    part of a month that "early", "mid" or "late" points to is drawn solid.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if lanes not in {"actor", "event_type"}:
        raise CourseError(f"lanes={lanes!r} is not a choice: use lanes='actor' or 'event_type'")
    missing = [c for c in _NEEDED if c not in timeline.columns]
    if missing:
        raise CourseError(
            f"this table lacks the column(s) {', '.join(missing)}: "
            "pass the DataFrame that build_timeline returns"
        )
    rows = timeline.copy()
    rows["actor"] = rows["actor"].fillna("").replace("", _UNKNOWN)
    lane_names = list(dict.fromkeys(rows.sort_values("date_start", kind="stable")[lanes]))
    _fig, ax = new_figure(ax, size=(10, 1.6 + 0.55 * max(len(lane_names), 1)))
    by_lane = "actor" if lanes == "actor" else "event type"
    ax.set_title(title or f"Timeline of events, by {by_lane}")
    ax.set_xlabel("Date (relative dates resolved against the publication date)")
    ax.set_ylabel(by_lane.capitalize())
    if rows.empty:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return ax

    styles = type_style(list(rows["event_type"]))
    lane_of = {name: i for i, name in enumerate(lane_names)}
    seen_in_lane: dict[int, int] = {}
    for row in rows.sort_values(["date_start", "sentence"], kind="stable").itertuples():
        lane = lane_of[getattr(row, lanes)]
        nth = seen_in_lane.get(lane, 0)
        seen_in_lane[lane] = nth + 1
        y = lane + (0, -0.22, 0.22)[nth % 3]  # nudge events that share a lane
        colour, marker = styles[row.event_type]
        start = dt.date.fromisoformat(row.date_start)
        end = dt.date.fromisoformat(row.date_end)
        hedged = bool(row.hedged)
        if row.precision == "day":
            ax.plot(
                [mdates.date2num(start) + 0.5], [y], marker=marker, markersize=9,
                markerfacecolor="white" if hedged else colour, markeredgecolor=colour,
                markeredgewidth=2, linestyle="none", zorder=3,
            )  # fmt: skip
            x_label = mdates.date2num(start) + 0.5
        else:
            left, width = mdates.date2num(start), (end - start).days + 1
            ax.barh(
                y, width, left=left, height=0.22, color="white" if hedged else colour,
                alpha=1 if hedged else 0.45, edgecolor=colour, hatch="////" if hedged else None,
                linewidth=1.2, zorder=2,
            )  # fmt: skip
            part = _mod_part(start, end, getattr(row, "mod", "") or "")
            if part:
                ax.barh(
                    y, (part[1] - part[0]).days + 1, left=mdates.date2num(part[0]), height=0.22,
                    color=colour, edgecolor=colour, hatch="////" if hedged else None, zorder=2.5,
                )  # fmt: skip
            x_label = left + width
        if labels:
            if lanes == "actor":
                text = row.event_type.lower() + (f" → {row.recipient}" if row.recipient else "")
            else:
                text = row.actor
            ax.annotate(
                text, (x_label, y), xytext=(6, 0), textcoords="offset points", va="center",
                fontsize=8, color="#333333",
            )  # fmt: skip

    ax.set_yticks(range(len(lane_names)), lane_names)
    ax.set_ylim(len(lane_names) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    low = min(dt.date.fromisoformat(d) for d in rows["date_start"])
    high = max(dt.date.fromisoformat(d) for d in rows["date_end"])
    margin = max((high - low).days * 0.04, 3)
    ax.set_xlim(
        mdates.date2num(low) - margin, mdates.date2num(high) + 1 + margin * (4 if labels else 1)
    )

    handles: list[Any] = [
        Line2D([], [], marker=m, color=c, linestyle="none", markersize=8, label=t)
        for t, (c, m) in styles.items()
    ]
    handles += [
        Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor="#555555",
               markeredgewidth=2, linestyle="none", markersize=8, label="hedged / expected"),
        Patch(facecolor="#bbbbbb", edgecolor="#555555", label="a week or a month"),
        Patch(facecolor="white", edgecolor="#555555", hatch="////", label="hedged week or month"),
    ]  # fmt: skip
    if "mod" in rows.columns and rows["mod"].fillna("").ne("").any():
        handles.append(Patch(facecolor="#555555", label="early / mid / late part"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False, title="Event type", title_fontsize=9)  # fmt: skip
    return ax
