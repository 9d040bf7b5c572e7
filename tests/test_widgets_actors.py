"""Notebook 03's actor explorer, driven without a browser: the pure view functions, then the
widget, whose views must update as soon as a checkbox changes."""

from __future__ import annotations

import re

import pytest

from course_utils.actors import find_actors
from course_utils.article import course_article
from course_utils.plots.actors import KIND_COLOURS
from course_utils.widgets import actor_explorer
from course_utils.widgets.actors import (
    ALL_METHODS,
    explorer_mentions,
    explorer_view,
    summary_html,
)

MADE_UP = (
    "Georgian Foreign Minister Nino Beridze met Armenian lawmakers in Yerevan. "
    "Tbilisi accused Moscow. The EU said Beridze was right."
)


def _marks(page: str) -> list[str]:
    return re.findall(r"<mark[^>]*>([^<]*)</mark>", page)


def _mark_colours(page: str) -> set[str]:
    return set(re.findall(r"<mark style=\"background:(#[0-9A-Fa-f]{6})", page))


def _readable_in_dark_mode(fragment: str) -> None:
    """The outer box, and every table cell, set both a background and a text colour."""
    outer = re.match(r'<div style="([^"]*)"', fragment)
    assert outer, fragment[:80]
    assert "background:#ffffff" in outer.group(1) and "color:#" in outer.group(1)
    for style in re.findall(r'<t[dh] style="([^"]*)"', fragment):
        assert "background:#ffffff" in style and "color:#1a1a1a" in style


@pytest.fixture(scope="module")
def article():
    return course_article()


def test_view_keeps_only_the_chosen_kinds():
    page, table = explorer_view(MADE_UP, ["person"], ALL_METHODS[1:])
    assert _marks(page) == ["Nino Beridze", "Beridze"]
    assert _mark_colours(page) == {KIND_COLOURS["person"]}
    assert "Nino Beridze" in table and "Armenia" not in table
    page, table = explorer_view(MADE_UP, ["state", "group"], ALL_METHODS[1:])
    assert _marks(page) == ["Armenian lawmakers", "Tbilisi", "Moscow"]
    assert "Armenia: lawmakers" in table and "Nino Beridze" not in table


def test_view_follows_the_methods():
    kinds = list(KIND_COLOURS)
    gazetteer_only, _ = explorer_view(MADE_UP, kinds, ["gazetteer"])
    with_metonymy, _ = explorer_view(MADE_UP, kinds, ["gazetteer", "metonymy"])
    assert "Tbilisi" not in _marks(gazetteer_only)
    assert "Tbilisi" in _marks(with_metonymy) and "Moscow" in _marks(with_metonymy)
    baseline, _ = explorer_view(MADE_UP, kinds, ["baseline"])
    assert "The EU" in _marks(baseline)  # the baseline keeps a sentence's first word
    assert "(state, baseline)" in baseline


def test_view_without_methods_or_kinds_says_what_to_do():
    page, table = explorer_view(MADE_UP, list(KIND_COLOURS), [])
    assert "Tick at least one method" in page and page == table
    page, table = explorer_view(MADE_UP, [], ["gazetteer"])
    assert _marks(page) == []
    assert "No actor found" in table
    _readable_in_dark_mode(table)


def test_explorer_mentions_filters_rows(article):
    found = find_actors(article)
    people = explorer_mentions(article, ["person"], ALL_METHODS[1:], found)
    assert set(people["kind"]) == {"person"}
    assert len(people) == (found["kind"] == "person").sum()
    assert list(people.index) == list(range(len(people)))


def test_summary_table_has_a_row_per_actor(article):
    found = find_actors(article)
    table = summary_html(found)
    assert table.count("<tr>") == found["actor"].nunique() + 1  # the header row too
    assert f"{found['actor'].nunique()} actor(s), {len(found)} mention(s)" in table
    assert "27-nation bloc" in table  # aliases are listed
    _readable_in_dark_mode(table)


def test_summary_escapes_html():
    found = find_actors("Foreign Minister Ann Lee met EU envoys.")
    found.loc[0, "actor"] = "<b>Ann</b>"
    assert "<b>Ann</b>" not in summary_html(found)


def test_explorer_starts_with_every_kind_and_the_rules(article):
    explorer = actor_explorer()
    assert explorer.kinds == list(KIND_COLOURS)
    assert explorer.methods == list(ALL_METHODS[1:])
    expected = explorer_view(article, list(KIND_COLOURS), ALL_METHODS[1:])
    assert (explorer.page.value, explorer.table.value) == expected
    _readable_in_dark_mode(explorer.page.value)
    _readable_in_dark_mode(explorer.table.value)


def test_ticking_boxes_updates_the_views_at_once():
    explorer = actor_explorer()
    first_page, first_table = explorer.page.value, explorer.table.value
    explorer.kind_boxes["state"].value = False
    assert KIND_COLOURS["state"] not in _mark_colours(explorer.page.value)
    assert "Azerbaijan" not in explorer.table.value
    assert explorer.page.value != first_page
    explorer.method_boxes["title"].value = False
    explorer.method_boxes["surname"].value = False
    assert "Sergei Lavrov" not in explorer.table.value
    explorer.method_boxes["baseline"].value = True
    assert "Russian Foreign Minister Sergei Lavrov" in explorer.table.value
    for name in ("title", "surname"):
        explorer.method_boxes[name].value = True
    explorer.method_boxes["baseline"].value = False
    explorer.kind_boxes["state"].value = True
    assert (explorer.page.value, explorer.table.value) == (first_page, first_table)


def test_unticking_every_method_shows_the_note():
    explorer = actor_explorer(MADE_UP)
    for box in explorer.method_boxes.values():
        box.value = False
    assert "Tick at least one method" in explorer.page.value
    explorer.method_boxes["metonymy"].value = True
    assert _marks(explorer.page.value) == ["Tbilisi", "Moscow"]


def test_widget_repr_is_deterministic():
    first, second = repr(actor_explorer().widget), repr(actor_explorer().widget)
    assert first == second
    assert "0x" not in first
