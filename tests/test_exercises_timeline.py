"""The self-checks of notebook 04: every solution passes, every known wrong answer gets its
intended hint, placeholders count as not attempted, no hint gives the answer, and the truths
come from the course's own helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from course_utils import exercises
from course_utils.article import clean_article, course_article
from course_utils.dates import find_dates, iso_week, resolve
from course_utils.events import PLOVER_TYPES, explain_events
from course_utils.exercises import _framework, check, exercise
from course_utils.exercises import timeline as timeline_checks
from course_utils.exercises.timeline import (
    LATE_DECEMBER_SENTENCE,
    PUBLISHED,
    TYPE_SENTENCES,
    changed_expressions,
    dropped_for_date,
    last_week,
    late_december,
    sentence_types,
)
from course_utils.text import fold_quotes

IDS = ["04.1", "04.2", "04.3", "04.4", "04.6"]


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


# --- 04.2 ---------------------------------------------------------------------------------


def test_late_december_sentence_is_made_up_and_in_the_past_tense():
    assert "late December" in LATE_DECEMBER_SENTENCE
    assert "cancelled" in LATE_DECEMBER_SENTENCE
    assert fold_quotes(LATE_DECEMBER_SENTENCE) not in fold_quotes(course_article().text)


def test_late_december_reads_the_tense_of_its_sentence():
    # On its own, without a tense, the helper would take the publication year: the
    # exercise's truth must come from the past tense of the sentence.
    assert resolve("late December", PUBLISHED).value == "2023-12"
    assert late_december() == {"value": "2022-12", "mod": "END"}


def test_late_december_accepts_a_tuple_and_spaces():
    assert check("04.2", ("2022-12", "END")).ok
    assert check("04.2", {"Value": " 2022-12 ", "mod": "END "}).ok
    assert not check("04.2", ("2022-12", "END", "")).ok


# --- 04.3 ---------------------------------------------------------------------------------


VESLAND = (
    "Vesland Closes Its Border\n\n"
    "Vesland closed its border with Kalonia on Tuesday, officials said. "
    "The two states signed a border treaty in March 2021.\n"
)


def test_changed_expressions_on_a_made_up_article():
    # Published on Friday 15 March 2024: "on Tuesday" is 12 March; a week earlier it is
    # 5 March. "March 2021" names its own year and stays.
    article = clean_article(VESLAND, dt.date(2024, 3, 15))
    assert changed_expressions(article) == ["Tuesday"]
    assert changed_expressions(article, other=dt.date(2024, 3, 14)) == []


def test_a_week_earlier_moves_the_relative_dates_of_the_course_article():
    changed = changed_expressions(course_article())
    assert {"last week", "Tuesday", "Thursday"} <= set(changed)
    assert "September 2022" not in changed


def test_a_table_compared_with_itself_is_rejected():
    article = course_article()
    same = find_dates(article, article.published)
    again = find_dates(article, article.published)
    self_comparison = list(same.loc[same["value"] != again["value"], "text"])
    assert self_comparison == []
    feedback = check("04.3", self_comparison)
    assert not feedback.ok
    assert "same day" in feedback.message


def test_the_right_comparison_is_accepted_in_any_container():
    article = course_article()
    now = find_dates(article)
    before = find_dates(article, article.published - dt.timedelta(weeks=1))
    rows = now["value"] != before["value"]
    assert check("04.3", list(now.loc[rows, "text"])).ok
    assert check("04.3", now.loc[rows, "text"]).ok  # a pandas Series
    assert check("04.3", now.loc[rows, "text"].to_numpy()).ok  # a numpy array


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


# --- 04.6 ---------------------------------------------------------------------------------

# Published on Friday 15 March 2024. The first paragraph is dated ("on Monday"): "met" is an
# event and "sign" is negated. The second paragraph has no date and cannot borrow one from
# another paragraph: "accused" is dropped for want of a date. The third paragraph is dated,
# but "later" says time has moved on in its second sentence: "expelled" borrows no date.
UNDATED = (
    "Vesland Talks\n\n"
    "Vesland met Kalonia on Monday. Vesland did not sign the treaty on Monday.\n\n"
    "Kalonia accused Vesland of lying.\n\n"
    "Kalonia met Vesland on Tuesday. Kalonia later expelled two diplomats.\n"
)


@pytest.fixture
def undated_article(monkeypatch):
    article = clean_article(UNDATED, dt.date(2024, 3, 15))
    _use_article(monkeypatch, article)
    return article


def _use_article(monkeypatch, article):
    """Make the 04.6 checker read ``article`` instead of the configured one."""
    monkeypatch.setattr(
        timeline_checks, "_explained", lambda given=None: explain_events(given or article)
    )


def test_dropped_for_date_on_a_made_up_article(undated_article):
    assert dropped_for_date(undated_article) == ["accused", "expelled"]
    table = explain_events(undated_article).set_index("trigger")
    assert table.at["sign", "decision"] == "dropped"  # negated: another reason
    assert "date" not in table.at["sign", "reason"]


def test_dropped_for_date_accepts_any_order_and_container(undated_article):
    assert check("04.6", ["expelled", "accused"]).ok
    assert check("04.6", {"accused", "expelled"}).ok
    assert check("04.6", (" accused", "expelled ")).ok


def test_dropped_for_date_rejects_the_other_reasons_and_the_events(undated_article):
    negated = check("04.6", ["accused", "expelled", "sign"])
    assert "another reason" in negated.message
    kept = check("04.6", ["accused", "expelled", "met"])
    assert "became events" in kept.message
    half = check("04.6", ["accused"])
    assert "still missing" in half.message
    assert not check("04.6", ["accused", "accused", "expelled"]).ok


def test_the_moved_on_reason_is_the_second_stage_of_the_missing_hint(undated_article, monkeypatch):
    monkeypatch.setattr(_framework, "_ATTEMPTS", {})  # a first try
    hints = [check("04.6", ["accused"]).message for _ in range(2)]
    assert "still missing" in hints[0]
    assert "time has moved on" in hints[1] and "time has moved on" not in hints[0]


def test_an_article_with_every_trigger_dated_takes_the_empty_list(monkeypatch):
    article = clean_article(
        "Vesland Talks\n\nVesland met Kalonia on Monday.\n", dt.date(2024, 3, 15)
    )
    _use_article(monkeypatch, article)
    assert dropped_for_date(article) == []
    assert check("04.6", []).ok
    assert "became events" in check("04.6", ["met"]).message


def test_the_course_article_loses_its_undated_accusations():
    dropped = dropped_for_date(course_article())
    table = explain_events(course_article())
    assert dropped.count("accused") >= 1
    assert set(dropped) <= set(table.loc[table["decision"] == "dropped", "trigger"])
    assert not set(dropped) & set(table.loc[table["decision"] == "event", "trigger"]) - {"accused"}
