"""The student edition: the transformation, its determinism, drift, and that it runs.

The notebooks in notebooks/ are the instructor's edition; notebooks/student/ is generated
from them by ``course-utils student-edition``. These tests prove that the generator takes
out every solution, that the committed student edition is what the generator makes today
(fastbook's drift check), that the student edition runs top to bottom in a fresh kernel,
and that every exercise checker says "not attempted" for the placeholders it leaves.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from course_utils import cli
from course_utils.edition import (
    BEGIN,
    END,
    MARK_KEY,
    EditionError,
    execute_notebook,
    render_notebook,
    solution_blocks,
    source_notebooks,
    stale_files,
    student_notebook,
    student_source,
    write_student_edition,
)
from course_utils.exercises import all_exercises, check, is_placeholder

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STUDENT = NOTEBOOKS / "student"
SOURCES = source_notebooks(NOTEBOOKS) if NOTEBOOKS.is_dir() else []


def block(body: str, before: str = "", after: str = "") -> str:
    """A cell's source with ``body`` between the solution markers."""
    parts = [before, BEGIN, textwrap.dedent(body).strip("\n"), END, after]
    return "\n".join(p for p in parts if p)


# --- student_source -----------------------------------------------------------------------


def test_one_assignment_becomes_a_placeholder() -> None:
    source = block("answer = len(raw.splitlines())", after='check("01.1", answer)')
    assert student_source(source) == (
        "# Exercise: write your answer below, then run the check cell.\n"
        "answer = ...  # your answer here\n"
        'check("01.1", answer)'
    )


def test_multi_line_expressions_and_several_targets() -> None:
    source = block(
        """
        counts = {
            reason: n
            for reason, n in table.items()
        }
        first, (second, third) = 1, (2, 3)
        total: int = sum(counts.values())
        first = 4
        """
    )
    lines = student_source(source).splitlines()
    assert lines[1:] == [
        f"{name} = ...  # your answer here"
        for name in ("counts", "first", "second", "third", "total")
    ]
    assert "reason" not in student_source(source)


def test_a_function_keeps_signature_and_docstring_only() -> None:
    source = block(
        '''
        def is_label(line: str) -> bool:
            """True when the whole line is a size label."""
            labels = {"XS", "SM", "MD", "LG"}
            return line.strip().upper() in labels
        ''',
        before="labels_seen = 0",
        after='check("02.1", is_label)',
    )
    assert student_source(source).splitlines() == [
        "labels_seen = 0",
        "# Exercise: write the function's body below, then run the check cell.",
        "def is_label(line: str) -> bool:",
        '    """True when the whole line is a size label."""',
        "    return ...  # your code here",
        'check("02.1", is_label)',
    ]


def test_a_function_without_docstring_loses_comments_that_give_the_answer_away() -> None:
    source = block(
        """
        def spans(text,
                  offset=0):
            # hint: split on full stops
            return [(0, len(text))]
        """
    )
    student = student_source(source)
    assert student.splitlines()[1:] == [
        "def spans(text,",
        "          offset=0):",
        "    return ...  # your code here",
    ]
    assert "hint" not in student


def test_a_one_line_function() -> None:
    assert student_source(block("def double(x): return 2 * x")).splitlines()[1:] == [
        "def double(x):",
        "    return ...  # your code here",
    ]


def test_code_outside_the_markers_is_untouched_and_indentation_is_kept() -> None:
    before = "import math\n\nx = math.pi  # not an exercise\n"
    after = "\n\nfor i in range(3):\n    print(i)  # BEGIN SOLUTION in a comment is not a marker"
    source = f"{before}{block('y = x * 2')}{after}"
    student = student_source(source)
    assert student.startswith(before) and student.endswith(after)
    indented = "for item in items:\n    # BEGIN SOLUTION\n    n = item + 1\n    # END SOLUTION\n"
    assert student_source(indented) == (
        "for item in items:\n"
        "    # Exercise: write your answer below, then run the check cell.\n"
        "    n = ...  # your answer here\n"
    )
    assert student_source("print('hello')\n") == "print('hello')\n"


def test_several_blocks_in_one_cell() -> None:
    source = f"{block('a = 1')}\nprint(a)\n{block('b = 2')}"
    student = student_source(source)
    assert student.count("# Exercise:") == 2
    assert "a = ...  # your answer here\nprint(a)\n" in student
    assert solution_blocks(source) == [(0, 2), (4, 6)]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (f"{BEGIN}\nx = 1\n", "never closed"),
        (f"x = 1\n{END}\n", "never opened"),
        (f"{BEGIN}\nx = 1\n{BEGIN}\ny = 2\n{END}\n", "inside the one opened on line 1"),
        (f"{BEGIN}\n{END}\n", "empty"),
        (f"{BEGIN}\nprint(1)\n{END}\n", "assignments (name = ...) or one function"),
        (f"{BEGIN}\nx = (\n{END}\n", "not valid Python"),
        (f"{BEGIN}\ntable['a'] = 1\n{END}\n", "assign to plain names only"),
    ],
)
def test_bad_blocks_raise_a_clear_error(source: str, message: str) -> None:
    with pytest.raises(EditionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        student_source(source)


def test_the_placeholders_run_and_the_checkers_see_them_as_not_attempted() -> None:
    source = block("n = 3") + "\n" + block("def f(x):\n    '''Doc.'''\n    return x")
    names: dict[str, object] = {}
    exec(compile(student_source(source), "<student>", "exec"), names)
    assert names["n"] is Ellipsis
    assert is_placeholder(names["n"]) and is_placeholder(names["f"])


# --- student_notebook ---------------------------------------------------------------------


def fixture_notebook() -> nbformat.NotebookNode:
    """A small instructor notebook with outputs, widget state and every kind of solution."""
    cells = [
        new_markdown_cell("# Demo\n\nObjectives: count things. 5 minutes."),
        new_code_cell(
            textwrap.dedent(
                """\
                from course_utils.exercises import Exercise, hint

                count_ex = Exercise("demo.1", "How many?", lambda a: None if a == 3 else hint("no"))
                upper_ex = Exercise("demo.2", "Up", lambda f: None if f("a") == "A" else hint("no"))
                """
            ).strip(),
            execution_count=1,
        ),
        new_code_cell(
            block("count = len(['secret', 'solution', 'words'])"),
            execution_count=2,
            outputs=[new_output("stream", name="stdout", text="solution output\n")],
        ),
        new_code_cell("count_ex.check(count)", execution_count=3),
        new_code_cell(
            block(
                '''
                def shout(text):
                    """Return the text in capitals."""
                    shouted_version = text.upper()
                    return shouted_version
                '''
            ),
            execution_count=4,
        ),
        new_code_cell("upper_ex.check(shout)", execution_count=5),
        new_markdown_cell(
            "The answer is three: `len(['secret', 'solution', 'words'])`.",
            metadata={"tags": ["solution"]},
        ),
        new_code_cell('print("the end")', execution_count=6),
    ]
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i}"
    cells[1].outputs = [new_output("execute_result", data={"text/plain": "42"}, execution_count=1)]
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.9"},
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
        },
    )
    nbformat.validate(nb)
    return nb


def test_student_notebook_clears_outputs_and_drops_solutions() -> None:
    nb = fixture_notebook()
    original = json.dumps(nb, sort_keys=True)
    student = student_notebook(nb)
    assert json.dumps(nb, sort_keys=True) == original, "the input notebook must not change"
    assert [c.id for c in student.cells] == [f"cell-{i}" for i in (0, 1, 2, 3, 4, 5, 7)]
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "widgets" not in student.metadata
    assert student.metadata.kernelspec == nb.metadata.kernelspec
    assert student.metadata.language_info == nb.metadata.language_info
    assert student.cells[2].source.endswith("count = ...  # your answer here")
    nbformat.validate(student)


def test_rendering_is_byte_for_byte_stable(tmp_path: Path) -> None:
    source, dest = tmp_path / "notebooks", tmp_path / "notebooks" / "student"
    source.mkdir()
    nbformat.write(fixture_notebook(), source / "01_demo.ipynb")
    written = write_student_edition(source, dest).written
    assert sorted(p.name for p in written) == ["01_demo.ipynb", "README.md"]
    data = (dest / "01_demo.ipynb").read_bytes()
    assert data.endswith(b"}\n") and b"\r\n" not in data
    parsed = json.loads(data)
    mark = parsed["metadata"].pop(MARK_KEY)
    assert mark["source"] == "01_demo.ipynb" and len(mark["sha256"]) == 64
    unmarked = render_notebook(student_notebook(fixture_notebook()))
    assert json.loads(unmarked) == parsed, "the mark is the only addition"
    assert list(parsed) == sorted(parsed), "keys are sorted, as nbformat writes them"
    assert write_student_edition(source, dest).written == [], "a second run writes nothing"
    assert (dest / "01_demo.ipynb").read_bytes() == data


def test_stale_files_finds_every_kind_of_drift(tmp_path: Path) -> None:
    source, dest = tmp_path / "nb", tmp_path / "student"
    source.mkdir()
    nbformat.write(fixture_notebook(), source / "01_demo.ipynb")
    assert stale_files(source, dest) == ["README.md (missing)", "01_demo.ipynb (missing)"]
    write_student_edition(source, dest)
    assert stale_files(source, dest) == []
    changed = fixture_notebook()
    changed.cells[-1].source = "print('changed')"
    nbformat.write(changed, source / "01_demo.ipynb")
    assert stale_files(source, dest) == ["01_demo.ipynb (out of date)"]
    write_student_edition(source, dest)
    (source / "01_demo.ipynb").rename(source / "02_demo.ipynb")
    assert stale_files(source, dest) == [
        "02_demo.ipynb (missing)",
        "01_demo.ipynb (no source notebook)",
    ]
    report = write_student_edition(source, dest)
    assert report.removed == [dest / "01_demo.ipynb"], "a generated, unchanged orphan goes"
    (dest / "03_mine.ipynb").write_text("{}")
    assert stale_files(source, dest) == [], "a notebook the generator did not make is no drift"
    assert write_student_edition(source, dest).left == [dest / "03_mine.ipynb"]
    assert (dest / "03_mine.ipynb").read_text() == "{}"


def test_command_line_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "nb"
    source.mkdir()
    nbformat.write(fixture_notebook(), source / "01_demo.ipynb")
    args = ["student-edition", "--source", str(source)]
    assert cli.main([*args, "--check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("course-utils: error: student edition is out of date")
    assert err.count("\n") == 1 and "01_demo.ipynb (missing)" in err
    assert cli.main(args) == 0
    assert "01_demo.ipynb" in capsys.readouterr().out
    assert (source / "student" / "01_demo.ipynb").is_file()
    assert cli.main([*args, "--check"]) == 0
    bad = fixture_notebook()
    bad.cells[2].source = f"{BEGIN}\nx = 1\n"
    nbformat.write(bad, source / "01_demo.ipynb")
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "01_demo.ipynb, cell 3: line 1 opens a solution block that is never closed" in err


def test_the_generated_notebook_is_ruff_clean(tmp_path: Path) -> None:
    source = tmp_path / "nb"
    source.mkdir()
    nbformat.write(fixture_notebook(), source / "01_demo.ipynb")
    write_student_edition(source, source / "student")
    target = str(source / "student" / "01_demo.ipynb")
    ruff = [sys.executable, "-m", "ruff"]
    settings = ["--config", str(ROOT / "pyproject.toml")]
    assert subprocess.run([*ruff, "format", "--check", *settings, target]).returncode == 0
    assert subprocess.run([*ruff, "check", *settings, target]).returncode == 0


# --- The course's own notebooks -----------------------------------------------------------


def test_committed_student_edition_matches_the_generator() -> None:
    """fastbook's drift check: regenerate in memory and compare with notebooks/student/."""
    stale = stale_files(NOTEBOOKS, STUDENT)
    assert stale == [], f"run `course-utils student-edition`; out of date: {stale}"
    assert (STUDENT / "README.md").is_file()
    assert sorted(p.name for p in source_notebooks(STUDENT)) == [p.name for p in SOURCES]


def _kept_header_lines(body: str) -> set[str]:
    """Lines of a function's signature and docstring, which the student edition keeps."""
    tree = ast.parse(textwrap.dedent(body))
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.FunctionDef):
        return set()
    func = tree.body[0]
    end = func.body[0].end_lineno if ast.get_docstring(func) else func.body[0].lineno - 1
    return {line.strip() for line in textwrap.dedent(body).splitlines()[func.lineno - 1 : end]}


def solution_leaks(source_cell: str, student_cell: str) -> list[str]:
    """Lines of the solution blocks (longer than 10 characters) found in the student cell."""
    lines = source_cell.split("\n")
    leaks = []
    for begin, end in solution_blocks(source_cell):
        body = "\n".join(lines[begin + 1 : end])
        kept = _kept_header_lines(body)
        for line in lines[begin + 1 : end]:
            text = line.strip()
            if len(text) > 10 and text not in kept and text in student_cell:
                leaks.append(text)
    return leaks


def _pairs(source: nbformat.NotebookNode) -> list[tuple[str, str]]:
    student = student_notebook(source)
    by_id = {cell.id: cell.source for cell in student.cells}
    return [(c.source, by_id[c.id]) for c in source.cells if c.cell_type == "code"]


def test_the_leak_check_catches_a_leak() -> None:
    """The check below can fail: a block copied through unchanged is a leak."""
    source = block("count = len(['secret', 'solution', 'words'])")
    assert solution_leaks(source, source) == ["count = len(['secret', 'solution', 'words'])"]
    assert solution_leaks(source, student_source(source)) == []


@pytest.mark.parametrize("path", [None, *SOURCES], ids=lambda p: p.name if p else "fixture")
def test_no_solution_survives_in_the_student_edition(path: Path | None) -> None:
    source = fixture_notebook() if path is None else nbformat.read(path, as_version=4)
    committed = student_notebook(source) if path is None else nbformat.read(STUDENT / path.name, 4)
    text = json.dumps(committed.cells)
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    for cell in committed.cells:
        assert "solution" not in cell.metadata.get("tags", [])
    for source_cell, student_cell in _pairs(source):
        assert solution_leaks(source_cell, student_cell) == []
    if path is None:
        assert "secret" not in text and "shouted_version" not in text
        assert "The answer is three" not in text


def test_every_checker_says_not_attempted_for_a_placeholder() -> None:
    exercises = all_exercises()
    assert exercises, "no exercises are registered"

    def todo(*args: object) -> object:
        return ...

    for ex in exercises:
        for placeholder in (..., todo):
            feedback = check(ex.id, placeholder)
            assert feedback.status == "not attempted", (ex.id, feedback)
            assert "not attempted" in repr(feedback)


# --- Running the student edition ------------------------------------------------------------


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh python3 kernel of this environment."""
    from nbclient import NotebookClient

    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()
    return nb


CHECK_CALL = re.compile(r"(?:^|[^\w])check\(")


def _check_outputs(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and CHECK_CALL.search(cell.source):
            texts.append(
                "".join(
                    o.get("text", "") + o.get("data", {}).get("text/plain", "")
                    for o in cell.outputs
                )
            )
    return texts


def test_the_fixture_student_edition_runs_and_reports_not_attempted(tmp_path: Path) -> None:
    nb = execute(student_notebook(fixture_notebook()), tmp_path)
    outputs = _check_outputs(nb)
    assert len(outputs) == 2
    assert all("not attempted" in text for text in outputs), outputs


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_the_student_edition_runs_top_to_bottom(path: Path) -> None:
    """Each committed student notebook runs without an error (cwd = notebooks/student), and
    each check cell answers "not attempted"."""
    nb = execute(nbformat.read(STUDENT / path.name, as_version=4), STUDENT)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    outputs = _check_outputs(nb)
    assert all("not attempted" in text for text in outputs), outputs


def test_run_notebooks_saves_outputs_without_run_dependent_metadata(tmp_path: Path) -> None:
    code = "# BEGIN SOLUTION\nx = 6 * 7\n# END SOLUTION\nx"
    nb = new_notebook(cells=[new_markdown_cell("# A lesson"), new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = tmp_path / "01_lesson.ipynb"
    nbformat.write(nb, path)
    execute_notebook(path)
    first = path.read_bytes()
    saved = json.loads(first)
    cell = saved["cells"][1]
    assert "".join(cell["outputs"][0]["data"]["text/plain"]) == "42"
    assert cell["execution_count"] == 1
    assert "execution" not in cell["metadata"]
    assert "widgets" not in saved["metadata"]
    execute_notebook(path)
    assert path.read_bytes() == first  # an unchanged notebook stays byte for byte the same


def test_run_notebooks_reports_a_failing_cell_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "02_broken.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1 / 0")]), path)
    with pytest.raises(EditionError, match=r"02_broken\.ipynb stopped with an error: .*Zero"):
        execute_notebook(path)
