"""Notebook 04's timeline explorer, driven without a browser: the pure filter is tested
directly, then controls are set and the table HTML and the figure's PNG must change."""

from __future__ import annotations

import datetime as dt
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from course_utils.article import course_article
from course_utils.events import TIMELINE_COLUMNS, build_timeline
from course_utils.widgets import timeline_explorer
from course_utils.widgets.timeline import (
    NO_ACTOR,
    filter_timeline,
    month_options,
    render_png,
    timeline_html,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(course_article())


def _rows(html: str) -> int:
    return html.count("<tr>") - 1  # minus the header


def _readable_in_dark_mode(html: str) -> None:
    outer = re.match(r'<div style="([^"]*)"', html)
    assert outer, html[:80]
    assert "background:#ffffff" in outer.group(1) and "color:#1a1a1a" in outer.group(1)


def _made_up() -> pd.DataFrame:
    rows = [
        ("2022-09-01", "2022-09-30", "month", "2022-09", "ASSAULT", ""),
        ("2022-12-01", "2022-12-31", "month", "2022-12", "REJECT", "Alpha"),
        ("2023-01-23", "2023-01-29", "week", "2023-W04", "ACCUSE", "Beta"),
        ("2023-02-02", "2023-02-02", "day", "2023-02-02", "CONSULT", "Alpha"),
    ]
    frame = pd.DataFrame(
        rows, columns=["date_start", "date_end", "precision", "value", "event_type", "actor"]
    )
    return frame.assign(hedged=False, sentence=range(len(rows)))


# --- the pure functions ----------------------------------------------------------------------


def test_filter_with_no_choices_keeps_everything():
    made_up = _made_up()
    assert filter_timeline(made_up, None, None, None, None).equals(made_up)


def test_filter_by_actor_type_and_unnamed_actor():
    made_up = _made_up()
    assert list(filter_timeline(made_up, ["Alpha"], None, None, None)["value"]) == [
        "2022-12",
        "2023-02-02",
    ]
    assert list(filter_timeline(made_up, [NO_ACTOR], None, None, None)["event_type"]) == ["ASSAULT"]
    both = filter_timeline(made_up, ["Alpha", "Beta"], ["CONSULT", "ACCUSE"], None, None)
    assert list(both["event_type"]) == ["ACCUSE", "CONSULT"]
    assert filter_timeline(made_up, [], None, None, None).empty
    assert filter_timeline(made_up, None, (), None, None).empty


def test_filter_by_dates_keeps_events_that_overlap_the_range():
    made_up = _made_up()
    # The week 23-29 January overlaps a range that starts on the 29th.
    kept = filter_timeline(made_up, None, None, dt.date(2023, 1, 29), None)
    assert list(kept["value"]) == ["2023-W04", "2023-02-02"]
    kept = filter_timeline(made_up, None, None, "2022-09-30", "2022-12-01")
    assert list(kept["value"]) == ["2022-09", "2022-12"]
    assert filter_timeline(made_up, None, None, dt.date(2023, 2, 3), None).empty
    assert list(filter_timeline(made_up, None, None, None, "2022-09-01")["value"]) == ["2022-09"]


def test_filter_keeps_the_columns_and_resets_the_index(timeline):
    kept = filter_timeline(timeline, None, ["REJECT"], None, None)
    assert list(kept.columns) == TIMELINE_COLUMNS
    assert list(kept.index) == list(range(len(kept)))
    assert set(kept["event_type"]) == {"REJECT"}
    assert len(kept) == (timeline["event_type"] == "REJECT").sum() > 0


def test_month_options_cover_every_event(timeline):
    options = month_options(timeline)
    firsts = [first for _, first in options]
    assert firsts[0] <= dt.date.fromisoformat(min(timeline["date_start"]))
    assert firsts[-1].strftime("%Y-%m") == max(timeline["date_end"])[:7]
    assert all(first.day == 1 for first in firsts)
    assert len(set(firsts)) == len(firsts)
    assert options[0][0] == firsts[0].strftime("%b %Y")


def test_table_html_lists_events_with_explicit_colours(timeline):
    page = timeline_html(timeline)
    assert _rows(page) == len(timeline)
    _readable_in_dark_mode(page)
    assert "→" not in page  # the summary column is not shown; the recipient is
    assert "Sergei Kopyrkin" in page
    assert "No event" in timeline_html(timeline.iloc[0:0])
    _readable_in_dark_mode(timeline_html(timeline.iloc[0:0]))


def test_table_html_escapes_text():
    made_up = _made_up().assign(actor=["<b>", "A & B", "x", "y"])
    page = timeline_html(made_up)
    assert "&lt;b&gt;" in page and "A &amp; B" in page


def test_render_png_gives_an_image_and_leaves_no_figure_open(timeline):
    before = plt.get_fignums()
    png = render_png(timeline)
    assert png.startswith(PNG_MAGIC)
    assert render_png(timeline, lanes="event_type") != png
    assert render_png(timeline.iloc[0:0]).startswith(PNG_MAGIC)  # "no dated events"
    assert plt.get_fignums() == before


# --- the widget --------------------------------------------------------------------------------


def test_explorer_starts_with_every_event(timeline):
    explorer = timeline_explorer(timeline)
    assert _rows(explorer.table.value) == len(timeline)
    assert bytes(explorer.image.value).startswith(PNG_MAGIC)
    assert set(explorer.actors.value) == set(explorer.actors.options)
    assert NO_ACTOR in explorer.actors.options  # the clashes have no named actor
    assert explorer.types.options[0] == "AGREE"  # PLOVER's order
    _readable_in_dark_mode(explorer.table.value)


def test_choosing_types_updates_table_and_figure(timeline):
    explorer = timeline_explorer(timeline)
    table, image = explorer.table.value, explorer.image.value
    explorer.types.value = ("ACCUSE",)
    assert explorer.table.value != table and explorer.image.value != image
    assert _rows(explorer.table.value) == (timeline["event_type"] == "ACCUSE").sum()
    assert "REJECT" not in explorer.table.value


def test_choosing_actors_updates_table_and_figure(timeline):
    explorer = timeline_explorer(timeline)
    image = explorer.image.value
    explorer.actors.value = ("Sergei Lavrov",)
    assert _rows(explorer.table.value) == (timeline["actor"] == "Sergei Lavrov").sum()
    assert explorer.image.value != image
    explorer.actors.value = ()
    assert "No event" in explorer.table.value


def test_month_slider_updates_table_and_figure(timeline):
    explorer = timeline_explorer(timeline)
    image = explorer.image.value
    labels = [label for label, _ in explorer.months.options]
    explorer.months.index = (labels.index("Jan 2023"), len(labels) - 1)
    kept = explorer.filtered
    assert len(kept) == (timeline["date_end"] >= "2023-01-01").sum()
    assert _rows(explorer.table.value) == len(kept)
    assert "2022-11" not in explorer.table.value
    assert explorer.image.value != image


def test_lanes_redraw_the_figure_only(timeline):
    explorer = timeline_explorer(timeline)
    table, image = explorer.table.value, explorer.image.value
    explorer.lanes.value = "event_type"
    assert explorer.image.value != image
    assert explorer.table.value == table


def test_browser_style_state_change_updates_the_view(timeline):
    explorer = timeline_explorer(timeline)
    index = list(explorer.types.options).index("CONSULT")
    explorer.types.set_state({"index": [index]})
    assert explorer.types.value == ("CONSULT",)
    assert _rows(explorer.table.value) == (timeline["event_type"] == "CONSULT").sum()


def test_default_explorer_uses_the_course_article(timeline):
    explorer = timeline_explorer()
    assert explorer.timeline.equals(timeline)
