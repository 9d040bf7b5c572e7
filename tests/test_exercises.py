"""What every exercise of every notebook must do (the spaCy course's checker contract).

The reference solution passes its own check; each known wrong answer gets the hint meant
for it, and different mistakes get different hints; ``...`` and an unwritten function are
"not attempted"; and an answer of the wrong kind gets a hint, never a traceback. The tests
beside this file (``test_exercises_*.py``) check what is particular to each notebook.
"""

from __future__ import annotations

import pytest

from course_utils.exercises import all_exercises, check

EXERCISES = all_exercises()
IDS = [ex.id for ex in EXERCISES]
BY_ID = {ex.id: ex for ex in EXERCISES}


#: Short optional notebooks, with one exercise instead of at least two.
OPTIONAL = {"06"}


def test_every_notebook_has_exercises():
    notebooks = {i.split(".")[0] for i in IDS}
    assert notebooks == {"01", "02", "03", "04", "05", "06"}
    assert all(sum(i.startswith(n) for i in IDS) >= 2 for n in notebooks - OPTIONAL)
    assert all(sum(i.startswith(n) for i in IDS) >= 1 for n in OPTIONAL)


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_solution_passes_its_check(exercise_id):
    ex = BY_ID[exercise_id]
    feedback = ex.check(ex.solution())
    assert feedback.ok, feedback


@pytest.mark.parametrize("exercise_id", IDS)
def test_at_least_two_known_wrong_answers(exercise_id):
    assert len(BY_ID[exercise_id].wrong_answers) >= 2


@pytest.mark.parametrize(
    ("exercise_id", "index"),
    [(ex.id, n) for ex in EXERCISES for n in range(len(ex.wrong_answers))],
)
def test_wrong_answer_gets_its_hint(exercise_id, index):
    ex = BY_ID[exercise_id]
    wrong, expected = ex.wrong_answers[index]
    feedback = ex.check(wrong)
    assert feedback.status == "wrong"
    assert expected in feedback.message, (feedback.message, expected)


@pytest.mark.parametrize("exercise_id", IDS)
def test_different_mistakes_get_different_hints(exercise_id):
    # Wrong answers of one kind (text or a float for a count) may share a hint; wrong
    # answers meant for different hints must not get the same message.
    ex = BY_ID[exercise_id]
    by_intent: dict[str, set[str]] = {}
    for wrong, intended in ex.wrong_answers:
        by_intent.setdefault(intended, set()).add(ex.check(wrong).message)
    messages = [m for group in by_intent.values() for m in group]
    assert len(set(messages)) == len(messages), by_intent


@pytest.mark.parametrize("exercise_id", IDS)
def test_placeholders_are_not_attempted(exercise_id):
    def todo(*args):
        return ...

    assert check(exercise_id, ...).status == "not attempted"
    assert check(exercise_id, todo).status == "not attempted"


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("odd", [3.5, {1: 2}, [None], b"bytes", lambda x: x, object()])
def test_odd_answers_get_a_hint_not_a_traceback(exercise_id, odd):
    feedback = check(exercise_id, odd)
    assert feedback.status == "wrong"
    assert feedback.message
    assert "\n" not in repr(feedback)
    assert "Traceback" not in feedback.message
