"""Pictures of a corpus: events per week by type, and who acts on whom.

The tables come first, as small pure functions that need no matplotlib, so that they can be
read, tested and reused on their own:

- :func:`week_of` and :func:`weekly_counts`: the events of a timeline counted per ISO week
  and PLOVER type (only events whose dates fit in one week: a month cannot be put in one);
- :func:`actor_edges`: one row per actor → recipient pair, with its number of events;
- :func:`network_nodes` and :func:`circle_layout`: the actors of those edges, and where each
  one sits on a circle.

Then the figures, which only draw those tables (matplotlib is imported when they run):

- :func:`plot_weekly_events`: stacked bars, one bar per week, one colour per type;
- :func:`plot_actor_network`: actors on a circle, an arrow from actor to recipient whose
  width is the number of events.

Both take a timeline of :func:`course_utils.events.build_timeline` or the combined timeline
of :func:`course_utils.corpus.run_corpus`.

>>> timeline = pd.DataFrame({
...     "date_start": ["2024-03-04", "2024-03-06", "2024-03-01"],
...     "date_end": ["2024-03-04", "2024-03-06", "2024-03-31"],
...     "event_type": ["ACCUSE", "AGREE", "AGREE"],
...     "actor": ["Vesland", "Kalonia", "Vesland"],
...     "recipient": ["Kalonia", "Vesland", "Kalonia"],
... })
>>> weekly_counts(timeline)
event_type  AGREE  ACCUSE
week
2024-03-04      1       1
>>> actor_edges(timeline)
     actor recipient  events  articles
0  Vesland   Kalonia       2         1
1  Kalonia   Vesland       1         1
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import pandas as pd

from course_utils.errors import CourseError
from course_utils.plots._style import new_figure
from course_utils.plots.timeline import type_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "EDGE_COLUMNS",
    "MARKER_HATCHES",
    "actor_edges",
    "circle_layout",
    "network_nodes",
    "plot_actor_network",
    "plot_weekly_events",
    "tick_weeks",
    "week_of",
    "weekly_counts",
]

#: The columns of :func:`actor_edges`.
EDGE_COLUMNS = ["actor", "recipient", "events", "articles"]
#: A hatch for each marker of :data:`course_utils.plots._style.PLOVER_STYLE`: two types of
#: one colour have different markers, so in a bar their hatches tell them apart.
MARKER_HATCHES: dict[str, str] = {"o": "", "s": "///", "^": "...", "D": "xxx", "X": "++"}
_NODE_COLOUR = "#56B4E9"  # sky blue (Okabe–Ito)
_EDGE_COLOUR = "#0072B2"  # blue (Okabe–Ito)


def _check(timeline: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in getattr(timeline, "columns", ())]
    if missing:
        raise CourseError(
            f"this table lacks the column(s) {', '.join(missing)}: pass the timeline that "
            "build_timeline or run_corpus gives"
        )


def _day(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CourseError(
            f"{value!r} is not a date written YYYY-MM-DD: pass the timeline that "
            "build_timeline or run_corpus gives"
        ) from None


# --- Events per week ----------------------------------------------------------------------


def week_of(date_start: str, date_end: str) -> str:
    """The Monday (``YYYY-MM-DD``) of the ISO week that holds the whole date range, or
    ``""`` when the range runs over more than one week (a month, a year).

    >>> week_of("2024-03-06", "2024-03-06")  # a Wednesday
    '2024-03-04'
    >>> week_of("2024-03-04", "2024-03-10")  # an ISO week, Monday to Sunday
    '2024-03-04'
    >>> week_of("2024-03-01", "2024-03-31")  # a month
    ''
    """
    start, end = _day(date_start), _day(date_end)
    monday = start - dt.timedelta(days=start.weekday())
    if end < start or (end - monday).days > 6:
        return ""
    return monday.isoformat()


def _mondays(first: str, last: str) -> list[str]:
    """Every Monday from ``first`` to ``last`` (both Mondays), so that empty weeks show.

    >>> _mondays("2024-02-26", "2024-03-11")
    ['2024-02-26', '2024-03-04', '2024-03-11']
    """
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(weeks=n)).isoformat() for n in range((end - start).days // 7 + 1)]


def weekly_counts(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events per week and PLOVER type: one row per ISO week (its Monday, in ``week``),
    from the first week with an event to the last, empty weeks included; one column per
    event type present, in PLOVER's order; whole numbers.

    Only events dated within one week (a day, or an ISO week) are counted: an event dated
    to a month or a year cannot be put in one week, and is left out. The number left out
    is ``len(timeline) - weekly_counts(timeline).to_numpy().sum()``.

    >>> table = pd.DataFrame({"date_start": ["2024-03-05", "2024-03-19", "2024-03-01"],
    ...     "date_end": ["2024-03-05", "2024-03-19", "2024-03-31"],
    ...     "event_type": ["CONSULT", "CONSULT", "AGREE"]})
    >>> weekly_counts(table)["CONSULT"].tolist()
    [1, 0, 1]
    """
    _check(timeline, ("date_start", "date_end", "event_type"))
    weeks = [
        week_of(s, e) for s, e in zip(timeline["date_start"], timeline["date_end"], strict=True)
    ]
    counts = Counter(
        (week, str(kind)) for week, kind in zip(weeks, timeline["event_type"], strict=True) if week
    )
    types = list(type_style([kind for _, kind in counts]))
    index = _mondays(min(w for w, _ in counts), max(w for w, _ in counts)) if counts else []
    table = pd.DataFrame(
        [[counts.get((week, kind), 0) for kind in types] for week in index],
        index=pd.Index(index, name="week"),
        columns=pd.Index(types, name="event_type"),
        dtype="int64",
    )
    return table


# --- Who acts on whom ---------------------------------------------------------------------


def actor_edges(timeline: pd.DataFrame) -> pd.DataFrame:
    """One row per actor → recipient pair of the timeline (:data:`EDGE_COLUMNS`): ``events``
    is the number of its events, ``articles`` the number of articles (``source``) that
    report at least one of them (1 for the timeline of one article). Events without a named
    actor or recipient are left out. The pairs with the most events come first.

    >>> table = pd.DataFrame({"actor": ["A", "A", "B", ""], "recipient": ["B", "B", "", "A"],
    ...     "source": ["x", "y", "x", "x"]})
    >>> actor_edges(table).values.tolist()
    [['A', 'B', 2, 2]]
    """
    _check(timeline, ("actor", "recipient"))
    actors = timeline["actor"].fillna("").astype(str)
    recipients = timeline["recipient"].fillna("").astype(str)
    if "source" in timeline.columns:
        sources = timeline["source"].astype(str).tolist()
    else:
        sources = [""] * len(timeline)
    events: Counter[tuple[str, str]] = Counter()
    reported_by: dict[tuple[str, str], set[str]] = {}
    for actor, recipient, source in zip(actors, recipients, sources, strict=True):
        if actor and recipient:
            events[(actor, recipient)] += 1
            reported_by.setdefault((actor, recipient), set()).add(source)
    ranked = sorted(events.items(), key=lambda item: (-item[1], item[0]))
    rows = [(a, r, n, len(reported_by[(a, r)])) for (a, r), n in ranked]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS).astype({"events": "int64", "articles": "int64"})


def network_nodes(edges: pd.DataFrame) -> list[str]:
    """The actors of ``edges``, the one in most events (sent and received) first, then by
    name.

    >>> edges = pd.DataFrame({"actor": ["A", "C"], "recipient": ["B", "B"], "events": [1, 2]})
    >>> network_nodes(edges)
    ['B', 'C', 'A']
    """
    _check(edges, ("actor", "recipient", "events"))
    total: Counter[str] = Counter()
    for actor, recipient, n in zip(
        edges["actor"], edges["recipient"], edges["events"], strict=True
    ):
        total[actor] += int(n)
        total[recipient] += int(n)
    return sorted(total, key=lambda name: (-total[name], name))


def circle_layout(names: list[str]) -> dict[str, tuple[float, float]]:
    """Put ``names`` on a circle of radius 1, the first at the top, then clockwise.

    >>> {name: (round(x, 2), round(y, 2)) for name, (x, y) in circle_layout(["A", "B"]).items()}
    {'A': (0.0, 1.0), 'B': (0.0, -1.0)}
    >>> circle_layout([])
    {}
    """
    n = len(names)
    return {
        name: (
            math.cos(math.pi / 2 - 2 * math.pi * i / n),
            math.sin(math.pi / 2 - 2 * math.pi * i / n),
        )
        for i, name in enumerate(names)
    }


# --- The figures --------------------------------------------------------------------------


def _week_label(monday: str) -> str:
    """``"2024-03-04"`` → ``"4 Mar\\n2024"``."""
    day = dt.date.fromisoformat(monday)
    return f"{day.day} {day:%b}\n{day.year}"


def tick_weeks(busy: list[bool], most: int = 12) -> list[int]:
    """Which bars get a date under them: every week with events (when there are at most
    ``most`` of them), then every few weeks, never right next to a labelled bar.

    >>> tick_weeks([False] * 6 + [True] + [False] * 13, most=5)
    [0, 4, 6, 8, 12, 16]
    >>> tick_weeks([True, True, False, False], most=12)
    [0, 1, 3]
    """
    step = max(1, math.ceil(len(busy) / most))
    chosen = [i for i, has_events in enumerate(busy) if has_events]
    if len(chosen) > most:
        chosen = []
    regular = [i for i in range(0, len(busy), step) if all(abs(i - j) > 1 for j in chosen)]
    return sorted(chosen + regular)


def plot_weekly_events(
    timeline: pd.DataFrame, ax: Axes | None = None, *, title: str | None = None
) -> Axes:
    """Draw the events per week as stacked bars, one colour (and hatch) per PLOVER type
    (:func:`weekly_counts`: events dated to a month or a year are left out, and the x
    label says how many). Return the ``Axes``."""
    weekly = weekly_counts(timeline)
    _fig, ax = new_figure(ax, size=(10, 4.5))
    ax.set_title(title or "Events per week, by event type")
    ax.set_ylabel("number of events")
    left_out = len(timeline) - int(weekly.to_numpy().sum())
    ax.set_xlabel(
        f"week (the Monday it starts); {left_out} event(s) dated only to a month or a year "
        "are not shown"
    )
    if weekly.empty:
        ax.text(0.5, 0.5, "no event dated to a day or a week", ha="center", va="center",
                transform=ax.transAxes)  # fmt: skip
        ax.set_xticks([])
        return ax
    positions = list(range(len(weekly)))
    bottom = [0] * len(weekly)
    for kind, (colour, marker) in type_style(list(weekly.columns)).items():
        heights = weekly[kind].tolist()
        ax.bar(
            positions, heights, bottom=bottom, width=0.8, color=colour, edgecolor="#ffffff",
            linewidth=0.8, hatch=MARKER_HATCHES.get(marker, ""), label=kind,
        )  # fmt: skip
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ticks = tick_weeks([total > 0 for total in weekly.sum(axis=1)])
    ax.set_xticks(ticks, [_week_label(weekly.index[i]) for i in ticks], fontsize=8)
    ax.set_xlim(-0.6, len(weekly) - 0.4)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(title="Event type", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize=8, title_fontsize=9)  # fmt: skip
    return ax


def _draw_edges(ax: Axes, edges: pd.DataFrame, position: dict[str, tuple[float, float]]) -> None:
    from matplotlib.patches import Circle, FancyArrowPatch

    for actor, recipient, n in zip(
        edges["actor"], edges["recipient"], edges["events"], strict=True
    ):
        (x1, y1), (x2, y2) = position[actor], position[recipient]
        width = 1.2 * int(n)
        if actor == recipient:  # an actor acting on itself: a loop outside its node
            ax.add_patch(Circle((x1 * 1.12, y1 * 1.12), 0.08, fill=False, edgecolor=_EDGE_COLOUR,
                                linewidth=width, zorder=1))  # fmt: skip
            continue
        ax.add_patch(
            FancyArrowPatch(
                (x1, y1), (x2, y2), arrowstyle="-|>", mutation_scale=12 + 3 * int(n),
                connectionstyle="arc3,rad=0.12", color=_EDGE_COLOUR, linewidth=width,
                shrinkA=10, shrinkB=10, zorder=1,
            )
        )  # fmt: skip


def _width_legend(ax: Axes, edges: pd.DataFrame) -> None:
    from matplotlib.lines import Line2D

    most = int(edges["events"].max())
    shown = sorted({1, (most + 1) // 2, most})
    handles = [
        Line2D([], [], color=_EDGE_COLOUR, linewidth=1.2 * n, label=f"{n} event{'s' * (n > 1)}")
        for n in shown
    ]
    ax.legend(handles=handles, title="arrow width", loc="upper left", bbox_to_anchor=(1.0, 1.0),
              frameon=False, fontsize=8, title_fontsize=9)  # fmt: skip


def plot_actor_network(
    timeline: pd.DataFrame, ax: Axes | None = None, *, title: str | None = None
) -> Axes:
    """Draw the actors of :func:`actor_edges` on a circle (:func:`circle_layout`, the actor
    in most events at the top), with an arrow from each actor to each recipient whose width
    is the number of events. Return the ``Axes``."""
    from course_utils.plots.actors import label_positions

    edges = actor_edges(timeline)
    nodes = network_nodes(edges)
    position = circle_layout(nodes)
    _fig, ax = new_figure(ax, size=(10, 7))
    ax.set_title(title or "Who acts on whom: actor → recipient")
    ax.set_xlabel("arrow: from the actor to the recipient; width: number of events")
    ax.set_ylabel("actors around the circle, most events at the top")
    ax.set_xticks([])
    ax.set_yticks([])
    if not nodes:
        ax.text(0.5, 0.5, "no event names both an actor and a recipient", ha="center",
                va="center", transform=ax.transAxes)  # fmt: skip
        return ax
    _draw_edges(ax, edges, position)
    xs, ys = zip(*position.values(), strict=True)
    ax.scatter(xs, ys, s=220, color=_NODE_COLOUR, edgecolor="#000000", zorder=2)
    labels = label_positions(position)
    for name, (lx, ly) in labels.items():
        ax.annotate(
            name, position[name], xytext=(lx, ly), ha="left" if lx >= 0 else "right",
            va="center", fontsize=9, color="#000000",
            arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6},
        )  # fmt: skip
    low = min([y for _, y in labels.values()] + [-1.3])
    high = max([y for _, y in labels.values()] + [1.3])
    ax.set_xlim(-2.3, 2.3)
    ax.set_ylim(low - 0.1, high + 0.1)
    ax.set_aspect("equal")
    _width_legend(ax, edges)
    return ax
