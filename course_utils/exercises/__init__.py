"""Self-checks for the notebooks' exercises, one module per notebook.

In a notebook::

    from course_utils.exercises import check
    check("02.1", my_answer)

prints one line: correct, not yet (with a hint), or not attempted. See
:mod:`course_utils.exercises._framework` for how an exercise is written.
"""

from course_utils.exercises._framework import (
    Exercise,
    Feedback,
    all_exercises,
    check,
    exercise,
    hint,
    is_placeholder,
    register,
)

__all__ = [
    "Exercise",
    "Feedback",
    "all_exercises",
    "check",
    "exercise",
    "hint",
    "is_placeholder",
    "register",
]
