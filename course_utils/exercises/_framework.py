"""The machinery behind the notebooks' self-checks.

An :class:`Exercise` knows how to check a student's answer and returns :class:`Feedback`:
correct, not yet (with a hint for that kind of mistake), or not attempted. A hint never
shows the answer, and a checker never lets a traceback reach the student (the spaCy
course's rule: a traceback can leak the answer). Every exercise also carries its reference
solution and the wrong answers it knows, so the test suite can prove each hint fires.

>>> ex = Exercise(
...     "demo.1", "How many lines?", lambda a: None if a == 3 else hint("count blank lines too"),
...     solution=lambda: 3, wrong_answers=((2, "count blank lines too"),))
>>> ex.check(3)
✔ demo.1: correct.
>>> ex.check(2)
✘ demo.1: not yet. Hint: count blank lines too
>>> ex.check(...)
… demo.1: not attempted yet. Replace the ... with your answer and run the cell again.
"""

from __future__ import annotations

import dis
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Exercise",
    "Feedback",
    "Hint",
    "check",
    "exercise",
    "hint",
    "is_placeholder",
    "register",
]


@dataclass(frozen=True)
class Hint:
    """What a checker returns for a wrong answer: the hint to show."""

    text: str


def hint(text: str) -> Hint:
    """Make a :class:`Hint` (checkers return one for a wrong answer, ``None`` for a right one)."""
    return Hint(text)


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check; shows itself as one line of text in a notebook."""

    exercise: str
    status: str  # "correct" | "wrong" | "not attempted"
    message: str = ""

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __repr__(self) -> str:
        if self.status == "correct":
            return f"✔ {self.exercise}: correct." + (f" {self.message}" if self.message else "")
        if self.status == "not attempted":
            return (
                f"… {self.exercise}: not attempted yet. "
                "Replace the ... with your answer and run the cell again."
            )
        return f"✘ {self.exercise}: not yet. Hint: {self.message}"

    __str__ = __repr__


def is_placeholder(answer: Any) -> bool:
    """True for an answer the student has not written yet: ``...``, ``None``, or a function
    whose body is still ``return ...``.

    >>> def todo(text):
    ...     return ...
    >>> is_placeholder(...), is_placeholder(None), is_placeholder(0), is_placeholder(todo)
    (True, True, False, True)
    >>> is_placeholder(len)
    False
    """
    if answer is Ellipsis or answer is None:
        return True
    code = getattr(answer, "__code__", None)
    if code is not None and callable(answer):
        # The student edition's function bodies are ``return ...`` until written.
        ops = list(dis.get_instructions(code))
        names = {op.opname for op in ops}
        if names <= {"RESUME", "NOP", "LOAD_CONST", "RETURN_VALUE", "RETURN_CONST"}:
            return any(op.argval is Ellipsis for op in ops)
    return False


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, the question in a line, a checker, and what the tests need.

    ``checker(answer)`` returns ``None`` when the answer is right and a :class:`Hint`
    otherwise. ``solution()`` returns the reference answer; ``wrong_answers`` pairs known
    wrong answers with (part of) the hint each must get.
    """

    id: str
    question: str
    checker: Callable[[Any], Hint | None] = field(repr=False)
    solution: Callable[[], Any] = field(repr=False, default=lambda: None)
    wrong_answers: tuple[tuple[Any, str], ...] = field(repr=False, default=())
    success: str = ""

    def check(self, answer: Any) -> Feedback:
        """Check ``answer``; never raises, never shows the answer."""
        if is_placeholder(answer):
            return Feedback(self.id, "not attempted")
        try:
            result = self.checker(answer)
        except Exception as err:  # a student's code failed inside the checker
            return Feedback(
                self.id,
                "wrong",
                f"your answer raised {type(err).__name__} when it was checked; "
                "run it on its own in a new cell to see why",
            )
        if result is None:
            return Feedback(self.id, "correct", self.success)
        return Feedback(self.id, "wrong", result.text)


_REGISTRY: dict[str, Exercise] = {}


def register(*exercises: Exercise) -> None:
    """Add exercises to the registry that :func:`check` and the tests use."""
    for ex in exercises:
        _REGISTRY[ex.id] = ex


def exercise(exercise_id: str) -> Exercise:
    """Look up a registered exercise by id."""
    _load_all()
    if exercise_id not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no exercise {exercise_id!r}; the exercises are: {known}")
    return _REGISTRY[exercise_id]


def all_exercises() -> list[Exercise]:
    """Every registered exercise, in id order."""
    _load_all()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check a student's answer to exercise ``exercise_id`` and return the feedback."""
    return exercise(exercise_id).check(answer)


_MODULES: Iterable[str] = ("reading", "cleaning", "actors", "timeline", "capstone")


def _load_all() -> None:
    import importlib

    for name in _MODULES:
        try:
            importlib.import_module(f"course_utils.exercises.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"course_utils.exercises.{name}":
                raise
