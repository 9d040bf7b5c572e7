"""The self-checks of notebook 05 (the capstone): every solution passes, every known wrong
answer gets its intended hint, placeholders count as not attempted (a DataFrame answer
included), no hint gives the answer, and the truths come from the course's own helpers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from course_utils import exercises
from course_utils._paths import articles_dir
from course_utils.article import course_article
from course_utils.dates import find_dates
from course_utils.events import build_timeline
from course_utils.exercises import check, exercise
from course_utils.exercises.capstone import (
    SECOND_ARTICLE,
    hedged_count,
    merged_timeline,
    paragraph_count,
    second_article,
    second_dates,
    shared_events,
)
from course_utils.timeline_io import merge_timelines

IDS = ["05.1", "05.2", "05.3", "05.4"]


def test_every_exercise_of_the_notebook_is_registered():
    ids = {ex.id for ex in exercises.all_exercises()}
    assert set(IDS) <= ids


def _messages(exercise_id):
    ex = exercise(exercise_id)
    return [ex.check(wrong).message for wrong, _ in ex.wrong_answers]


@pytest.mark.parametrize("exercise_id", ["05.1", "05.3"])
def test_no_hint_contains_the_number(exercise_id):
    truth = exercise(exercise_id).solution()
    for message in _messages(exercise_id):
        assert not re.search(rf"\b{truth}\b", message), message


def test_no_date_hint_contains_a_value_or_the_publication_date():
    values = set(second_dates()["value"]) | {str(second_article().published)}
    for message in _messages("05.2"):
        assert not any(v in message for v in values), message


def test_no_merge_hint_names_a_shared_event():
    truth = shared_events()
    for message in _messages("05.4"):
        for event_type, actor in truth:
            if actor:
                assert actor not in message, message
            assert f"('{event_type}', '{actor}')" not in message, message
            assert f"{event_type} {actor}" not in message, message


# --- The truths come from the helpers -----------------------------------------------------


def test_the_second_article_is_the_practice_article():
    article = second_article()
    assert article.source.endswith(f"{SECOND_ARTICLE}/article.txt")
    assert article.published is not None
    assert article.published != course_article().published


def test_paragraph_count_is_the_cleaned_articles():
    article = course_article(articles_dir() / SECOND_ARTICLE)
    assert paragraph_count() == len(article.paragraphs)
    assert not check("05.1", paragraph_count() + 1).ok
    assert not check("05.1", paragraph_count() - 1).ok


def test_the_cleaner_removed_the_voa_furniture():
    reasons = set(second_article().removed["reason"])
    assert {"skip-link heading", "page-layout label", "credit line"} <= reasons


def test_dates_are_find_dates_with_the_articles_own_date():
    article = second_article()
    expected = find_dates(article, article.published)
    pd.testing.assert_frame_equal(second_dates(), expected)
    assert check("05.2", expected.copy()).ok


def test_dates_accept_another_index_and_column_order():
    table = second_dates()
    table.index = table.index + 10
    assert check("05.2", table[list(reversed(table.columns))]).ok


def test_dates_against_a_wrong_day_get_a_date_hint():
    article = second_article()
    feedback = check("05.2", find_dates(article, "2023-03-15"))
    assert feedback.status == "wrong"
    assert "publication date" in feedback.message


def test_hedged_count_is_the_timelines():
    timeline = build_timeline(second_article())
    assert hedged_count() == int(timeline["hedged"].sum())
    assert 0 < hedged_count() < len(timeline)
    assert not check("05.3", hedged_count() + 1).ok


def test_shared_events_are_the_merge_rows_with_two_reports():
    first, second = build_timeline(course_article()), build_timeline(second_article())
    merged = merge_timelines(first, second, sources=["a", "b"])
    both = merged[merged["reports"] == 2]
    assert shared_events() == set(zip(both["event_type"], both["actor"], strict=True))
    assert len(shared_events()) >= 2
    assert len(merged_timeline()) == len(first) + len(second) - len(both)


def test_shared_events_accept_a_list_of_lists():
    assert check("05.4", [list(pair) for pair in sorted(shared_events())]).ok
    assert check("05.4", frozenset(shared_events())).ok
