"""The machinery behind the notebooks' self-checks.

An :class:`Exercise` knows how to check a student's answer and returns :class:`Feedback`:
correct, not yet (with a hint for that kind of mistake), or not attempted. A hint never
shows the answer, and a checker never lets a traceback reach the student (the spaCy
course's rule: a traceback can leak the answer). Every exercise also carries its reference
solution and the wrong answers it knows, so the test suite can prove each hint fires.

>>> ex = Exercise(
...     "demo.1", "How many lines?", lambda a: None if a == 3 else hint("count blank lines too"),
...     solution=lambda: 3, mistakes=lambda: ((2, "count blank lines too"),))
>>> ex.check(3)
✔ demo.1: correct.
>>> ex.check(2)
✘ demo.1: not yet. Hint: count blank lines too
>>> ex.check(...)
… demo.1: not attempted yet. Replace the ... with your answer and run the cell again.

Answers computed with pandas or numpy count as plain values, and ``None`` gets a hint of
its own:

>>> import numpy as np
>>> ex.check(np.int64(3))
✔ demo.1: correct.
>>> ex.check(None)  # doctest: +ELLIPSIS
✘ demo.1: not yet. Hint: your answer is None — did you use .sort() or print()? ...

Hints come in stages: the first wrong try gets a nudge, the same mistake again gets more.

>>> staged = Exercise("demo.2", "Which word?", lambda a: hint("look again", "at the title"))
>>> staged.check("no")
✘ demo.2: not yet. Hint: look again
>>> staged.check("no")
✘ demo.2: not yet. Hint: look again — at the title
"""

from __future__ import annotations

import dis
from collections.abc import Callable
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
    "plain",
    "register",
]


@dataclass(frozen=True)
class Hint:
    """What a checker returns for a wrong answer: a nudge, then more on later tries."""

    text: str
    more: tuple[str, ...] = ()

    def at(self, attempt: int) -> str:
        """The hint shown on the ``attempt``-th try (0 = first) with this same mistake.

        >>> h = Hint("nudge", ("more", "most"))
        >>> h.at(0), h.at(1), h.at(5)
        ('nudge', 'nudge — more', 'nudge — most')
        """
        if attempt <= 0 or not self.more:
            return self.text
        return f"{self.text} — {self.more[min(attempt, len(self.more)) - 1]}"

    def stages(self) -> tuple[str, ...]:
        """Every text this hint can show, first try first."""
        return tuple(self.at(i) for i in range(len(self.more) + 1))


def hint(text: str, *more: str) -> Hint:
    """Make a :class:`Hint` (checkers return one for a wrong answer, ``None`` for a right one).

    ``more`` holds the later stages: each repeat of the same mistake shows the next one.
    """
    return Hint(text, tuple(more))


NONE_HINT = (
    "your answer is None — did you use .sort() or print()? Both return None: use sorted(...) "
    "to get a sorted copy, and give the value itself, not what print() shows"
)


def plain(answer: Any) -> Any:
    """Turn numpy and pandas values into plain Python ones, so a correct answer computed
    with pandas is checked like the same answer typed by hand (inside lists, tuples, sets
    and dicts too). Tables stay tables.

    >>> import numpy as np, pandas as pd
    >>> plain(np.int64(3)), plain(np.array([1, 2])), plain(pd.Series(["a"])), plain(np.bool_(1))
    (3, [1, 2], ['a'], True)
    >>> plain([np.int64(2), (np.int64(0), 5)]), plain({"a": np.int64(1)})
    ([2, (0, 5)], {'a': 1})
    >>> type(plain(pd.DataFrame({"a": [1]}))).__name__
    'DataFrame'
    """
    if type(answer) in (list, tuple, set, frozenset):
        return type(answer)(plain(item) for item in answer)
    if type(answer) is dict:
        return {plain(k): plain(v) for k, v in answer.items()}
    module = type(answer).__module__.split(".")[0]
    if module not in {"numpy", "pandas"} or type(answer).__name__ == "DataFrame":
        return answer
    if hasattr(answer, "tolist"):
        return plain(answer.tolist())
    return answer.item() if hasattr(answer, "item") else answer


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
    """True for an answer the student has not written yet: ``...``, or a function whose
    body is still ``return ...``. (``None`` is an answer: it gets a hint of its own.)

    >>> def todo(text):
    ...     return ...
    >>> is_placeholder(...), is_placeholder(None), is_placeholder(0), is_placeholder(todo)
    (True, False, False, True)
    >>> is_placeholder(len)
    False
    """
    if answer is Ellipsis:
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
    otherwise. ``solution()`` returns the reference answer; ``mistakes()`` returns the known
    wrong answers paired with (part of) the hint each must get. Both are computed when they
    are called, from the article in use, so that importing a checker reads no article.
    """

    id: str
    question: str
    checker: Callable[[Any], Hint | None] = field(repr=False)
    solution: Callable[[], Any] = field(repr=False, default=lambda: None)
    mistakes: Callable[[], tuple[tuple[Any, str], ...]] = field(repr=False, default=tuple)
    success: str = ""

    @property
    def wrong_answers(self) -> tuple[tuple[Any, str], ...]:
        """The known wrong answers for the article in use, each with part of its hint.

        On some articles two mistakes give the same value, or a mistake gives the right
        one (no blank lines, no curly quotes): those are left out, the first one kept.
        """
        from course_utils.config import load_config

        cache_key = (self.id, repr(load_config()))  # checks never use this; tests reread it
        if cache_key in _KNOWN_MISTAKES:
            return _KNOWN_MISTAKES[cache_key]
        truth = self.solution()
        kept: list[tuple[Any, str]] = []
        for value, part in self.mistakes():
            if not _same(value, truth) and not any(_same(value, other) for other, _ in kept):
                kept.append((value, part))
        _KNOWN_MISTAKES[cache_key] = tuple(kept)
        return _KNOWN_MISTAKES[cache_key]

    def check(self, answer: Any) -> Feedback:
        """Check ``answer``; never raises, never shows the answer."""
        if is_placeholder(answer):
            return Feedback(self.id, "not attempted")
        if answer is None:
            return Feedback(self.id, "wrong", NONE_HINT)
        answer = plain(answer)
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
        key = (self.id, result.text)
        attempt = _ATTEMPTS.get(key, 0)
        _ATTEMPTS[key] = attempt + 1
        return Feedback(self.id, "wrong", result.at(attempt))


def _same(a: Any, b: Any) -> bool:
    """True when two answers are equal as plain values (tables and functions never are).

    >>> _same([1, 2], [1, 2]), _same({1}, [1]), _same(len, len)
    (True, False, False)
    """
    if callable(a) or callable(b) or hasattr(a, "columns") or hasattr(b, "columns"):
        return False
    try:
        result = plain(a) == plain(b)
    except (TypeError, ValueError):
        return False
    return result if isinstance(result, bool) else False


_REGISTRY: dict[str, Exercise] = {}
_KNOWN_MISTAKES: dict[tuple[str, str], tuple[tuple[Any, str], ...]] = {}
_ATTEMPTS: dict[tuple[str, str], int] = {}


def register(*exercises: Exercise) -> None:
    """Add exercises to the registry that :func:`check` and the tests use."""
    for ex in exercises:
        _REGISTRY[ex.id] = ex


def exercise(exercise_id: str) -> Exercise:
    """Look up a registered exercise by id (importing only its notebook's module)."""
    _load(_MODULES.get(str(exercise_id).split(".")[0], ""))
    if exercise_id not in _REGISTRY:
        _load_all()
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


#: The module of each notebook's checks, by the notebook's number.
_MODULES: dict[str, str] = {
    "01": "reading",
    "02": "cleaning",
    "03": "actors",
    "04": "timeline",
    "05": "capstone",
    "06": "corpus",
}


def _load(name: str) -> None:
    import importlib

    if not name:
        return
    try:
        importlib.import_module(f"course_utils.exercises.{name}")
    except ModuleNotFoundError as err:
        if err.name != f"course_utils.exercises.{name}":
            raise


def _load_all() -> None:
    for name in _MODULES.values():
        _load(name)
