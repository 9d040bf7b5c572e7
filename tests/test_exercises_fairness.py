"""Checks that are fair: a right answer computed with pandas or numpy is right, ``None`` gets
a hint that names the usual cause, hints come in stages and never hold the solution's code,
and the text before an exercise does not give its answer away."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from course_utils.exercises import all_exercises, check, exercise, hint
from course_utils.exercises._framework import Exercise, Hint, plain

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
IDS = [ex.id for ex in all_exercises()]


# --- numpy and pandas answers --------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", ["01.1", "01.2", "05.1", "05.3"])
def test_a_numpy_integer_is_a_whole_number(exercise_id):
    truth = exercise(exercise_id).solution()
    assert check(exercise_id, np.int64(truth)).ok
    assert check(exercise_id, pd.Series([truth]).sum()).ok  # what a pandas sum gives


def test_numpy_and_pandas_line_numbers_are_accepted():
    truth = exercise("01.3").solution()
    assert check("01.3", np.array(truth)).ok
    assert check("01.3", pd.Series(truth)).ok
    assert check("01.3", list(pd.Series(truth))).ok  # a list of numpy integers


def test_numpy_spans_are_accepted():
    truth = exercise("02.3").solution()
    assert check("02.3", np.array(truth)).ok
    assert check("02.3", [(np.int64(s), np.int64(e)) for s, e in truth]).ok


def test_a_numpy_boolean_is_not_a_count():
    assert not check("01.1", np.bool_(True)).ok


def test_plain_leaves_tables_and_text_alone():
    table = pd.DataFrame({"a": [1]})
    assert plain(table) is table
    assert plain("17") == "17"
    assert plain([np.int64(1), "x"]) == [1, "x"]


# --- None -------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", IDS)
def test_none_says_what_usually_gives_none(exercise_id):
    feedback = check(exercise_id, None)
    assert feedback.status == "wrong"
    assert "your answer is None" in feedback.message
    assert ".sort()" in feedback.message and "print()" in feedback.message


def test_sorting_in_place_gives_the_none_hint():
    numbers = [3, 1, 2]
    answer = numbers.sort()  # the classic mistake: list.sort() returns None
    assert "did you use .sort()" in check("01.3", answer).message


# --- staged hints ----------------------------------------------------------------------


def test_a_repeated_mistake_gets_more_help():
    ex = Exercise("demo.9", "?", lambda a: hint("nudge", "more", "most"))
    first, second, third, fourth = (ex.check("x").message for _ in range(4))
    assert first == "nudge"
    assert second.startswith("nudge") and "more" in second and "most" not in second
    assert "most" in third and "most" in fourth


def test_different_mistakes_keep_their_own_stage():
    ex = Exercise("demo.8", "?", lambda a: hint(f"nudge {a}", f"more {a}"))
    assert ex.check("a").message == "nudge a"
    assert ex.check("b").message == "nudge b"
    assert "more a" in ex.check("a").message


def _solution_blocks() -> dict[str, list[str]]:
    """Each exercise's solution lines from the complete notebooks, by exercise id."""
    blocks: dict[str, list[str]] = {}
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        for i, cell in enumerate(cells):
            if "# BEGIN SOLUTION" not in cell.source:
                continue
            body = cell.source.split("# BEGIN SOLUTION")[1].split("# END SOLUTION")[0]
            after = "".join(c.source for c in cells[i : i + 2])
            found = re.search(r'check\("(\d\d\.\d+)"', after)
            assert found, cell.source
            blocks.setdefault(found[1], []).extend(body.strip().splitlines())
    return blocks


def _code_pieces(lines: list[str]) -> set[str]:
    """The parts of solution lines that would give the answer away: every right-hand side
    of an assignment and every statement, without spaces."""
    pieces = set()
    for line in lines:
        line = line.strip()
        if not line or line.startswith(("#", "def ", '"""')):
            continue
        if re.fullmatch(r"""(["'])[^"']*\1,?""", line):  # one item of a list of labels
            continue
        right = line.split("=", 1)[1] if re.match(r"^\w+\s*=[^=]", line) else line
        right = re.sub(r"\s+", "", right.removeprefix("return"))
        if len(right) >= 12:
            pieces.add(right)
    return pieces


def _all_hint_texts(ex: Exercise) -> list[str]:
    texts = []
    for wrong, _ in ex.wrong_answers:
        try:
            result = ex.checker(plain(wrong))
        except Exception:  # a checker that fails gives a fixed message, not a hint
            continue
        if isinstance(result, Hint):
            texts.extend(result.stages())
    return texts


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_hint_stage_holds_the_solutions_code(exercise_id):
    pieces = _code_pieces(_solution_blocks().get(exercise_id, []))
    for text in _all_hint_texts(exercise(exercise_id)):
        flat = re.sub(r"\s+", "", text)
        assert not any(piece in flat for piece in pieces), (text, pieces)


def _markdown_before(cells: list, index: int) -> str:
    """The markdown from the exercise's heading down to its solution cell."""
    text = []
    for cell in reversed(cells[:index]):
        if cell.cell_type == "markdown":
            text.append(cell.source)
            if cell.source.lstrip().startswith("### Exercise"):
                break
    return "\n".join(text)


def test_no_tip_before_an_exercise_holds_its_solution():
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        for i, cell in enumerate(cells):
            if "# BEGIN SOLUTION" not in cell.source:
                continue
            body = cell.source.split("# BEGIN SOLUTION")[1].split("# END SOLUTION")[0]
            flat = re.sub(r"\s+", "", _markdown_before(cells, i).replace("`", ""))
            for piece in _code_pieces(body.splitlines()):
                assert piece not in flat, (path.name, piece)


# --- importing only what a check needs ------------------------------------------------


def test_a_check_imports_only_its_own_notebooks_module():
    code = (
        "import sys\n"
        "from course_utils.exercises import check\n"
        "check('01.1', 1)\n"
        "print(sorted(m for m in sys.modules if m.startswith('course_utils.exercises.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "course_utils.exercises.reading" in out
    for other in ("cleaning", "actors", "timeline", "capstone"):
        assert f"course_utils.exercises.{other}" not in out
