"""The self-checks of notebook 04: every solution passes, every known wrong answer gets its
intended hint, placeholders count as not attempted, no hint gives the answer, and the truths
come from the course's own helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from course_utils import exercises
from course_utils.article import course_article
from course_utils.dates import find_dates, iso_week, resolve
from course_utils.evaluate import load_key
from course_utils.events import PLOVER_TYPES
from course_utils.exercises import check, exercise
from course_utils.exercises.timeline import (
    LATE_DECEMBER_SENTENCE,
    PUBLISHED,
    TYPE_SENTENCES,
    changed_expressions,
    last_week,
    late_december,
    sentence_types,
)
from course_utils.text import fold_quotes

IDS = ["04.1", "04.2", "04.3", "04.4"]


def test_every_exercise_of_the_notebook_is_registered():
    ids = {ex.id for ex in exercises.all_exercises()}
    assert set(IDS) <= ids


def _shown_forms(answer):
    if isinstance(answer, str):
        return {answer}
    if isinstance(answer, dict):
        return {repr(answer), str(answer), answer["value"]}
    if not answer:
        return {repr(answer), "[]"}
    return {repr(answer), ", ".join(map(str, answer)), *answer}


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_hint_contains_the_answer(exercise_id):
    ex = exercise(exercise_id)
    shown = _shown_forms(ex.solution())
    for wrong, _ in ex.wrong_answers:
        message = ex.check(wrong).message
        assert not any(s in message for s in shown), (message, shown)


# --- 04.1 ---------------------------------------------------------------------------------


def test_last_week_is_the_iso_week_before_publication():
    assert dt.date(2023, 2, 3) == PUBLISHED
    assert last_week() == iso_week(PUBLISHED - dt.timedelta(weeks=1)) == "2023-W04"
    assert check("04.1", " 2023-W04 ").ok


def test_last_week_agrees_with_the_answer_key():
    key = load_key("dates")
    assert last_week() in set(key.loc[key["text"] == "last week", "value"])


# --- 04.2 ---------------------------------------------------------------------------------


def test_late_december_sentence_is_quoted_from_the_article():
    assert fold_quotes(LATE_DECEMBER_SENTENCE) in fold_quotes(course_article().text)


def test_late_december_reads_the_tense_of_its_sentence():
    # On its own, without a tense, the helper would take the publication year: the
    # exercise's truth must come from the past tense of the sentence.
    assert resolve("late December", PUBLISHED).value == "2023-12"
    assert late_december() == {"value": "2022-12", "mod": "END"}
    key = load_key("dates").set_index("text")
    assert (key.at["late December", "value"], key.at["late December", "mod"]) == (
        late_december()["value"],
        late_december()["mod"],
    )


def test_late_december_accepts_a_tuple_and_spaces():
    assert check("04.2", ("2022-12", "END")).ok
    assert check("04.2", {"Value": " 2022-12 ", "mod": "END "}).ok
    assert not check("04.2", ("2022-12", "END", "")).ok


# --- 04.3 ---------------------------------------------------------------------------------


def test_nothing_changes_between_2_and_3_february():
    article = course_article()
    assert changed_expressions(article) == []
    assert changed_expressions(article, dt.date(2023, 2, 3), dt.date(2023, 2, 2)) == []


def test_changed_expressions_can_find_changes():
    # The check is not an empty list in disguise: other dates move some expressions.
    article = course_article()
    assert changed_expressions(article, other=dt.date(2023, 2, 1)) == ["Thursday"]
    monday = changed_expressions(article, other=dt.date(2023, 2, 6))
    assert "last week" in monday and "September 2022" not in monday


def test_empty_answers_of_any_kind_are_accepted():
    for answer in ([], (), set()):
        assert check("04.3", answer).ok


def test_every_expression_of_the_article_is_a_known_wrong_answer():
    every = list(find_dates(course_article())["text"])
    assert any(wrong == every for wrong, _ in exercise("04.3").wrong_answers)


# --- 04.4 ---------------------------------------------------------------------------------


def test_type_sentences_have_one_trigger_each_and_distinct_types():
    types = sentence_types()
    assert len(types) == len(TYPE_SENTENCES) >= 3
    assert len(set(types)) == len(types)
    assert set(types) <= set(PLOVER_TYPES)


def test_types_ignore_case_and_spaces():
    assert check("04.4", [f" {t.lower()} " for t in sentence_types()]).ok
    assert check("04.4", tuple(sentence_types())).ok
