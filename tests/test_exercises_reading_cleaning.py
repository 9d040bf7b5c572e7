"""The self-checks of notebooks 01 and 02: every solution passes, every known wrong answer
gets its intended hint, placeholders count as not attempted, and no hint gives the answer."""

from __future__ import annotations

import pytest

from course_utils import exercises
from course_utils.exercises import check, exercise
from course_utils.exercises import cleaning as cleaning_ex
from course_utils.exercises import reading as reading_ex

IDS = ["01.1", "01.3", "01.2", "02.2", "02.3", "02.1"]


def test_every_exercise_of_the_two_notebooks_is_registered():
    ids = {ex.id for ex in exercises.all_exercises()}
    assert set(IDS) <= ids


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_hint_contains_the_answer(exercise_id):
    ex = exercise(exercise_id)
    answer = ex.solution()
    if callable(answer):
        pytest.skip("the answer is a function, which a hint cannot print")
    shown = {repr(answer), str(answer)}
    if isinstance(answer, list | set | tuple):
        shown.add(", ".join(str(a) for a in answer))
    if isinstance(answer, dict):
        shown |= {repr(answer), str(sorted(answer.items()))}
    for wrong, _ in ex.wrong_answers:
        message = ex.check(wrong).message
        assert not any(s in message for s in shown), message


def test_a_line_shows_one_deterministic_line():
    assert repr(check("01.1", ...)).count("\n") == 0
    assert repr(check("01.1", 3)) == repr(check("01.1", 3))


def test_a_failing_student_function_gets_a_hint_not_a_traceback():
    def broken(line):
        return line.nope()

    feedback = check("02.2", broken)
    assert feedback.status == "wrong"
    assert "AttributeError" in feedback.message


# --- The checkers follow the configured article, not numbers typed in ---------------------

SWAPPED = "Skip to content\n\nTalks Resume\n\nMinisters met on Monday. They agreed.\n\nXS\nLG\n"


@pytest.fixture
def swapped_article(monkeypatch):
    monkeypatch.setattr(reading_ex, "load_article", lambda: SWAPPED)
    monkeypatch.setattr(cleaning_ex, "load_article", lambda: SWAPPED)


def test_reading_checks_follow_the_article(swapped_article):
    assert check("01.1", 5).ok
    assert not check("01.1", 17).ok  # the bundled article's count is wrong for this one
    assert check("01.3", [1, 7, 8]).ok
    assert not check("01.3", [1, 7, 27, 28, 29, 30]).ok
    assert check("01.2", 0).ok


def test_cleaning_checks_follow_the_article(swapped_article):
    assert check("02.1", {"skip-link heading": 1, "page-layout label": 2}).ok
    assert not check("02.1", {"page-layout label": 4}).ok
