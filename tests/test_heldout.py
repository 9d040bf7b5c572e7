"""The helpers on articles they were not written against (tests/data/heldout/).

Each article's keys were written by reading alone. The floors below are well under what the
helpers reach today; they guard against a change that helps the course article and quietly
hurts every other one. Raise them when the helpers improve.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course_utils import build_timeline, course_article, find_actors, find_dates
from course_utils.evaluate import load_key, score_actors, score_dates, score_events

HELDOUT = sorted(p for p in (Path(__file__).parent / "data" / "heldout").iterdir() if p.is_dir())


def f1(table, level: str, match: str | None = None) -> float:
    rows = table[table["level"] == level]
    if match is not None:
        rows = rows[rows["match"] == match]
    return float(rows["f1"].iloc[0])


def test_there_are_heldout_articles():
    assert len(HELDOUT) >= 4


@pytest.fixture(params=HELDOUT, ids=lambda p: p.name)
def heldout(request):
    article = course_article(request.param)
    return request.param, article


def test_actors_generalise(heldout):
    folder, article = heldout
    table = score_actors(find_actors(article), load_key("actors", folder, article=article))
    assert f1(table, "mentions", "relaxed") >= 0.85
    assert f1(table, "mentions + actor") >= 0.85
    assert f1(table, "distinct actors") >= 0.85


def test_dates_generalise(heldout):
    folder, article = heldout
    table = score_dates(find_dates(article), load_key("dates", folder, article=article))
    assert f1(table, "date spans", "relaxed") >= 0.85
    assert f1(table, "date values") >= 0.8


def test_events_generalise(heldout):
    folder, article = heldout
    table = score_events(build_timeline(article), load_key("events", folder, article=article))
    assert f1(table, "events") >= 0.7
    assert f1(table, "event_type") >= 0.55
    assert f1(table, "value") >= 0.65
