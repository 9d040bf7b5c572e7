"""The figures of notebook 06: the tables behind them (weeks, edges, node positions), worked
out by hand on made-up timelines, and the figures drawn from them (no browser: Agg)."""

from __future__ import annotations

import math
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")  # tests only; notebooks keep Jupyter's inline backend

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import FancyArrowPatch

from course_utils.errors import CourseError
from course_utils.plots import plot_actor_network, plot_weekly_events
from course_utils.plots._style import OKABE_ITO, PLOVER_STYLE
from course_utils.plots.corpus import (
    EDGE_COLUMNS,
    MARKER_HATCHES,
    actor_edges,
    circle_layout,
    network_nodes,
    tick_weeks,
    week_of,
    weekly_counts,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def timeline(*rows: tuple[str, str, str, str, str, str]) -> pd.DataFrame:
    """A made-up combined timeline: (source, date_start, date_end, type, actor, recipient)."""
    columns = ["source", "date_start", "date_end", "event_type", "actor", "recipient"]
    return pd.DataFrame(list(rows), columns=columns)


# March 2024: Monday 4, Monday 11, Monday 18; Sunday 10.
CORPUS = timeline(
    ("a", "2024-03-05", "2024-03-05", "ACCUSE", "Vesland", "Kalonia"),
    ("a", "2024-03-07", "2024-03-07", "AGREE", "Kalonia", "Vesland"),
    ("b", "2024-03-06", "2024-03-06", "ACCUSE", "Vesland", "Kalonia"),
    ("b", "2024-03-18", "2024-03-24", "ASSAULT", "Vesland", ""),  # an ISO week
    ("b", "2024-03-01", "2024-03-31", "AGREE", "Jane Roe", "Kalonia"),  # a month
    ("c", "2024-03-19", "2024-03-19", "ACCUSE", "", "Vesland"),
)


# --- Weeks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "monday"),
    [
        ("2024-03-04", "2024-03-04", "2024-03-04"),  # a Monday is its own week's start
        ("2024-03-10", "2024-03-10", "2024-03-04"),  # a Sunday ends the week of the 4th
        ("2024-03-11", "2024-03-17", "2024-03-11"),  # an ISO week
        ("2024-01-01", "2024-01-03", "2024-01-01"),  # three days inside one week
        ("2023-01-01", "2023-01-01", "2022-12-26"),  # a Sunday: the week began the year before
        ("2024-03-09", "2024-03-11", ""),  # Saturday to Monday: two weeks
        ("2024-03-01", "2024-03-31", ""),  # a month
        ("2024-01-01", "2024-12-31", ""),  # a year
        ("2024-03-07", "2024-03-05", ""),  # an end before its start fits no week
    ],
)
def test_week_of(start, end, monday):
    assert week_of(start, end) == monday


def test_week_of_a_value_that_is_not_a_date_says_what_to_pass():
    with pytest.raises(CourseError, match="YYYY-MM-DD"):
        week_of("last week", "2024-03-05")


def test_weekly_counts_by_hand():
    weekly = weekly_counts(CORPUS)
    # The month-long AGREE is left out; the other five events fall in three weeks.
    assert list(weekly.index) == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert weekly.index.name == "week"
    assert list(weekly.columns) == ["AGREE", "ACCUSE", "ASSAULT"]  # PLOVER's order
    assert weekly.loc["2024-03-04"].tolist() == [1, 2, 0]
    assert weekly.loc["2024-03-11"].tolist() == [0, 0, 0]  # an empty week is shown
    assert weekly.loc["2024-03-18"].tolist() == [0, 1, 1]
    assert set(weekly.dtypes.astype(str)) == {"int64"}
    assert int(weekly.to_numpy().sum()) == len(CORPUS) - 1


def test_weekly_counts_of_a_timeline_with_no_week_is_empty():
    months = timeline(("a", "2024-03-01", "2024-03-31", "AGREE", "Vesland", ""))
    assert weekly_counts(months).empty
    assert weekly_counts(CORPUS.iloc[0:0]).empty


def test_weekly_counts_needs_a_timeline():
    with pytest.raises(CourseError, match="date_end"):
        weekly_counts(pd.DataFrame({"date_start": ["2024-03-05"], "event_type": ["AGREE"]}))


# --- Edges and nodes ----------------------------------------------------------------------


def test_actor_edges_by_hand():
    edges = actor_edges(CORPUS)
    assert list(edges.columns) == EDGE_COLUMNS
    assert edges.values.tolist() == [
        ["Vesland", "Kalonia", 2, 2],  # two events, reported by articles a and b
        ["Jane Roe", "Kalonia", 1, 1],
        ["Kalonia", "Vesland", 1, 1],  # edges have a direction
    ]
    # events without an actor or a recipient are no edge
    assert "" not in set(edges["actor"]) | set(edges["recipient"])


def test_actor_edges_of_one_article_and_missing_values():
    one = CORPUS.drop(columns="source")
    one.loc[len(one)] = ["2024-03-08", "2024-03-08", "AGREE", None, "Kalonia"]
    edges = actor_edges(one)
    assert edges["articles"].tolist() == [1, 1, 1]
    assert edges["events"].sum() == 4
    assert actor_edges(CORPUS.iloc[0:0]).columns.tolist() == EDGE_COLUMNS


def test_actor_edges_needs_actor_and_recipient():
    with pytest.raises(CourseError, match="recipient"):
        actor_edges(CORPUS.drop(columns="recipient"))


def test_nodes_come_in_order_of_events_then_name():
    # Kalonia: 2 + 1 + 1 = 4 events; Vesland: 2 + 1 = 3; Jane Roe: 1.
    assert network_nodes(actor_edges(CORPUS)) == ["Kalonia", "Vesland", "Jane Roe"]


def test_circle_layout_starts_at_the_top_and_goes_clockwise():
    position = circle_layout(["north", "east", "south", "west"])
    expected = {"north": (0, 1), "east": (1, 0), "south": (0, -1), "west": (-1, 0)}
    for name, (x, y) in expected.items():
        assert position[name] == pytest.approx((x, y), abs=1e-9)
    for x, y in circle_layout([f"Actor {i}" for i in range(7)]).values():
        assert math.hypot(x, y) == pytest.approx(1)
    assert circle_layout([]) == {}


# --- The figures --------------------------------------------------------------------------


def test_weekly_figure_stacks_one_colour_per_type():
    ax = plot_weekly_events(CORPUS)
    assert ax.get_title() and ax.get_ylabel()
    assert "1 event(s)" in ax.get_xlabel()  # the month-long event is said to be left out
    assert to_hex(ax.figure.get_facecolor()) == "#ffffff"
    assert to_hex(ax.get_facecolor()) == "#ffffff"
    heights: dict[str, float] = {}
    for container in ax.containers:
        kind = container.get_label()
        colour, marker = PLOVER_STYLE[kind]
        for bar in container:
            assert to_hex(bar.get_facecolor()).upper() == colour.upper()
            assert (bar.get_hatch() or "") == MARKER_HATCHES[marker]
        heights[kind] = sum(bar.get_height() for bar in container)
    assert heights == {"AGREE": 1, "ACCUSE": 3, "ASSAULT": 1}
    colours = {to_hex(p.get_facecolor()).upper() for p in ax.patches}
    assert colours <= {c.upper() for c in OKABE_ITO}, colours


def test_every_week_with_events_gets_its_date_and_labels_keep_apart():
    busy = [False] * 30
    busy[3] = busy[17] = busy[18] = True
    ticks = tick_weeks(busy, most=10)
    assert {3, 17, 18} <= set(ticks)
    others = [i for i in ticks if not busy[i]]
    assert others and all(abs(i - j) > 1 for i in others for j in (3, 17, 18))
    assert len(ticks) <= 10 + 3
    # too many busy weeks to label them all: every few weeks instead
    assert tick_weeks([True] * 40, most=10) == [0, 4, 8, 12, 16, 20, 24, 28, 32, 36]


def test_weekly_figure_labels_the_weeks_with_events():
    ax = plot_weekly_events(CORPUS)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["4 Mar\n2024", "18 Mar\n2024"]  # the empty week between is next to both


def test_same_coloured_types_get_different_hatches():
    by_colour: dict[str, set[str]] = {}
    for colour, marker in PLOVER_STYLE.values():
        hatches = by_colour.setdefault(colour, set())
        assert MARKER_HATCHES[marker] not in hatches, colour
        hatches.add(MARKER_HATCHES[marker])


def test_network_draws_one_arrow_per_edge_as_wide_as_its_events():
    ax = plot_actor_network(CORPUS)
    assert ax.get_title() and ax.get_xlabel()
    assert to_hex(ax.figure.get_facecolor()) == "#ffffff"
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 3
    assert sorted(a.get_linewidth() for a in arrows) == pytest.approx([1.2, 1.2, 2.4])
    names = {t.get_text() for t in ax.texts}
    assert names == {"Kalonia", "Vesland", "Jane Roe"}


def test_figures_of_an_empty_timeline_say_so():
    assert "no event" in plot_weekly_events(CORPUS.iloc[0:0]).texts[0].get_text()
    assert "no event" in plot_actor_network(CORPUS.iloc[0:0]).texts[0].get_text()


def test_the_tables_need_no_matplotlib():
    code = (
        "import sys, course_utils.plots.corpus as c, course_utils.exercises.corpus;"
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
