"""The student edition: the notebooks with their exercise solutions taken out.

The notebooks in ``notebooks/`` are the instructor's edition: every exercise is solved and
every output is stored. ``course-utils student-edition`` writes a copy of each
``notebooks/NN_*.ipynb`` to ``notebooks/student/`` with:

* each solution block replaced by a placeholder. A solution block is the lines from
  ``# BEGIN SOLUTION`` to ``# END SOLUTION`` in a code cell, markers included:

  - a block of assignments (``name = <expression>``, over any number of lines) becomes one
    ``name = ...  # your answer here`` per name assigned;
  - a block holding one function definition keeps the ``def`` line(s) and the docstring,
    and its body becomes ``return ...  # your code here``;

  and a comment line saying what to do comes first. The exercise checkers report
  "not attempted" for both kinds of placeholder.
* every cell tagged ``solution`` (in the cell's metadata, ``"tags": ["solution"]``, as in
  JupyterLab's property inspector) left out, markdown or code: use the tag for a cell that
  explains or shows the answer;
* all outputs cleared, execution counts reset, and the notebook's widget state dropped.

Cell ids and the rest of the notebook's metadata (kernelspec, language_info) are kept, and
the files are written the same way every time (nbformat's JSON with sorted keys, one-space
indent, a final newline), so that ``course-utils student-edition --check`` and the tests can
tell when the student edition is out of date.

>>> cell = "x = 1\\n# BEGIN SOLUTION\\nanswer = 2 + 2\\n# END SOLUTION\\ncheck(answer)"
>>> print(student_source(cell))
x = 1
# Exercise: write your answer below, then run the check cell.
answer = ...  # your answer here
check(answer)
"""

from __future__ import annotations

import argparse
import ast
import copy
import io
import re
import textwrap
from pathlib import Path
from typing import Any

from course_utils.cli import register_command
from course_utils.errors import CourseError

__all__ = [
    "BEGIN",
    "END",
    "SOLUTION_TAG",
    "EditionError",
    "StaleEditionError",
    "render_notebook",
    "solution_blocks",
    "source_notebooks",
    "stale_files",
    "student_notebook",
    "student_source",
    "write_student_edition",
]

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
#: Cells carrying this tag in ``metadata.tags`` are left out of the student edition.
SOLUTION_TAG = "solution"
ANSWER_COMMENT = "# Exercise: write your answer below, then run the check cell."
FUNCTION_COMMENT = "# Exercise: write the function's body below, then run the check cell."
ANSWER_PLACEHOLDER = "...  # your answer here"
BODY_PLACEHOLDER = "return ...  # your code here"

NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
README_NAME = "README.md"

_MARKER_RE = re.compile(r"^(?P<indent>[ \t]*)#\s*(?P<which>BEGIN|END)\s+SOLUTION\s*$")

README_TEXT = """\
# Student edition

The notebooks in this folder are the course's notebooks with the exercise solutions taken
out, for students to work through. Each exercise shows a placeholder such as

    answer = ...  # your answer here

Replace the `...` with your answer, run the cell, then run the check cell below it.

This folder is generated from the notebooks one level up; do not edit these files by hand,
because the next run of the generator overwrites them. To change an exercise, edit the
notebook in `notebooks/`, then run

    course-utils student-edition

and `course-utils student-edition --check` (or `python3 course.py test`) confirms that this
folder is up to date.
"""


class EditionError(CourseError):
    """A notebook's solution markers cannot be turned into a student edition."""


class StaleEditionError(CourseError):
    """The committed student edition differs from what the generator makes."""


# --- Code cells ---------------------------------------------------------------------------


def solution_blocks(code: str) -> list[tuple[int, int]]:
    """Return the ``(begin, end)`` line indexes (0-based, both markers) of each solution block.

    >>> solution_blocks("a = 1\\n# BEGIN SOLUTION\\nb = 2\\n# END SOLUTION")
    [(1, 3)]
    >>> solution_blocks("# BEGIN SOLUTION\\nb = 2")
    Traceback (most recent call last):
    ...
    course_utils.edition.EditionError: line 1 opens a solution block that is never closed: \
add a line "# END SOLUTION" after the solution
    """
    blocks: list[tuple[int, int]] = []
    opened: int | None = None
    for number, line in enumerate(code.split("\n")):
        match = _MARKER_RE.match(line)
        if not match:
            continue
        if match["which"] == "BEGIN":
            if opened is not None:
                raise EditionError(
                    f"line {number + 1} opens a solution block inside the one opened on "
                    f'line {opened + 1}: add "{END}" before it'
                )
            opened = number
        else:
            if opened is None:
                raise EditionError(
                    f'line {number + 1} closes a solution block that was never opened: add "'
                    f'{BEGIN}" before the solution, or remove the line'
                )
            blocks.append((opened, number))
            opened = None
    if opened is not None:
        raise EditionError(
            f"line {opened + 1} opens a solution block that is never closed: "
            f'add a line "{END}" after the solution'
        )
    return blocks


def _assigned_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for item in target.elts for name in _assigned_names(item)]
    if isinstance(target, ast.Starred):
        return _assigned_names(target.value)
    raise EditionError(
        f"a solution block assigns to {ast.unparse(target)!r}; assign to plain names only "
        "(name = ...), so the student edition can show `name = ...`"
    )


def _placeholder_block(body: str) -> list[str]:
    """The student lines for one dedented solution block (without the markers)."""
    try:
        tree = ast.parse(body)
    except SyntaxError as err:
        raise EditionError(
            f"the solution block is not valid Python (line {err.lineno} of the block: "
            f"{err.msg}): fix the solution"
        ) from None
    statements = tree.body
    if not statements:
        raise EditionError("a solution block is empty: put the solution between the markers")
    if len(statements) == 1 and isinstance(statements[0], ast.FunctionDef):
        return _function_skeleton(body, statements[0])
    if all(isinstance(s, ast.Assign | ast.AnnAssign) for s in statements):
        names: list[str] = []
        for statement in statements:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                names += [n for n in _assigned_names(target) if n not in names]
        return [ANSWER_COMMENT, *(f"{name} = {ANSWER_PLACEHOLDER}" for name in names)]
    kinds = ", ".join(sorted({type(s).__name__ for s in statements}))
    raise EditionError(
        f"a solution block must hold either assignments (name = ...) or one function "
        f"definition, but this one holds: {kinds}; move the other code out of the block"
    )


def _function_skeleton(body: str, func: ast.FunctionDef) -> list[str]:
    """The ``def`` line(s), decorators and docstring of ``func``, then ``return ...``."""
    lines = body.split("\n")
    first = min([func.lineno, *(d.lineno for d in func.decorator_list)]) - 1
    head = func.body[0]
    def_indent = len(lines[func.lineno - 1]) - len(lines[func.lineno - 1].lstrip())
    if head.lineno == func.end_lineno and head.lineno == func.lineno:
        # a one-line function, ``def f(x): return x``: keep what comes before the body
        line = lines[head.lineno - 1]
        kept = [*lines[first : head.lineno - 1], line[: head.col_offset].rstrip()]
        return [FUNCTION_COMMENT, *kept, " " * (def_indent + 4) + BODY_PLACEHOLDER]
    indent = " " * head.col_offset
    has_doc = ast.get_docstring(func, clean=False) is not None
    if has_doc and head.lineno > func.lineno:
        kept = lines[first : head.end_lineno]
    else:
        kept = lines[first : head.lineno - 1]
        while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith("#")):
            kept.pop()  # comments before the first statement may give the answer away
        if head.lineno == func.lineno or not kept:
            kept = [*lines[first : head.lineno - 1], lines[head.lineno - 1][: head.col_offset]]
            kept[-1] = kept[-1].rstrip()
            indent = " " * (def_indent + 4)
    return [FUNCTION_COMMENT, *kept, f"{indent}{BODY_PLACEHOLDER}"]


def student_source(code: str) -> str:
    """Replace every solution block of a code cell's source with its placeholder.

    Code outside the blocks is kept as it is. A block of assignments becomes one
    ``name = ...`` per name; a block with one function keeps its signature and docstring.

    >>> cell = '''# BEGIN SOLUTION
    ... def shout(text: str) -> str:
    ...     \"\"\"Return text in capitals.\"\"\"
    ...     return text.upper()
    ... # END SOLUTION'''
    >>> print(student_source(cell))
    # Exercise: write the function's body below, then run the check cell.
    def shout(text: str) -> str:
        \"\"\"Return text in capitals.\"\"\"
        return ...  # your code here
    >>> print(student_source('''# BEGIN SOLUTION
    ... first, last = (
    ...     1,
    ...     2,
    ... )
    ... total = first + last
    ... # END SOLUTION'''))
    # Exercise: write your answer below, then run the check cell.
    first = ...  # your answer here
    last = ...  # your answer here
    total = ...  # your answer here
    >>> student_source("print('no exercise here')")
    "print('no exercise here')"
    """
    lines = code.split("\n")
    blocks = solution_blocks(code)
    if not blocks:
        return code
    out: list[str] = []
    position = 0
    for begin, end in blocks:
        out += lines[position:begin]
        indent = _MARKER_RE.match(lines[begin])["indent"]  # type: ignore[index]
        inner = "\n".join(lines[begin + 1 : end])
        try:
            body = textwrap.dedent(inner)
            student = _placeholder_block(body)
        except EditionError as err:
            where = f"in the solution block that starts on line {begin + 1}"
            raise EditionError(f"{where}: {err}") from None
        out += [f"{indent}{line}" if line else line for line in student]
        position = end + 1
    out += lines[position:]
    return "\n".join(out)


# --- Notebooks ----------------------------------------------------------------------------


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def student_notebook(nb: Any) -> Any:
    """Return the student edition of a notebook (an ``nbformat`` node); ``nb`` is unchanged.

    >>> from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
    >>> nb = new_notebook(cells=[
    ...     new_code_cell("# BEGIN SOLUTION\\nn = 3\\n# END SOLUTION", execution_count=4),
    ...     new_markdown_cell("The answer is 3.", metadata={"tags": ["solution"]})])
    >>> student = student_notebook(nb)
    >>> len(student.cells), student.cells[0].source, student.cells[0].execution_count
    (1, '# Exercise: write your answer below, then run the check cell.\\nn = ...  # your answer here', None)
    """  # noqa: E501
    student = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(student.cells):
        if SOLUTION_TAG in _tags(cell):
            continue
        if cell.cell_type == "code":
            try:
                cell.source = student_source(cell.source)
            except EditionError as err:
                raise EditionError(f"cell {index + 1}: {err}") from None
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    student.cells = cells
    student.metadata.pop("widgets", None)
    return student


def _read(path: Path) -> Any:
    import nbformat

    return nbformat.read(path, as_version=4)


def render_notebook(nb: Any) -> str:
    """The notebook as the text written to disk: nbformat's JSON and a final newline."""
    import nbformat  # imported here: it is slow to import, and most commands never need it

    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    return text if text.endswith("\n") else text + "\n"


def source_notebooks(source_dir: str | Path) -> list[Path]:
    """The course notebooks (``NN_*.ipynb``) in ``source_dir``, in order."""
    return sorted(Path(source_dir).glob(NOTEBOOK_PATTERN))


def _expected(source_dir: Path) -> dict[str, str]:
    """File name → the text the student edition should hold."""
    if not source_dir.is_dir():
        raise EditionError(f"there is no notebooks folder at {source_dir}: check --source")
    files = {README_NAME: README_TEXT}
    for path in source_notebooks(source_dir):
        try:
            nb = _read(path)
        except Exception as err:  # nbformat raises several kinds for a broken file
            raise EditionError(f"cannot read {path} as a notebook ({err})") from None
        try:
            files[path.name] = render_notebook(student_notebook(nb))
        except EditionError as err:
            raise EditionError(f"{path.name}, {err}") from None
    return files


def _orphans(dest_dir: Path, expected: dict[str, str]) -> list[Path]:
    """Student notebooks whose instructor notebook no longer exists."""
    if not dest_dir.is_dir():
        return []
    return [p for p in sorted(dest_dir.glob(NOTEBOOK_PATTERN)) if p.name not in expected]


def write_student_edition(source_dir: str | Path, dest_dir: str | Path) -> list[Path]:
    """Write the student edition of every notebook in ``source_dir`` to ``dest_dir``.

    Returns the files written (a file already up to date is not rewritten). Student
    notebooks without an instructor notebook are deleted.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    expected = _expected(source_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in expected.items():
        target = dest_dir / name
        data = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
            written.append(target)
    for orphan in _orphans(dest_dir, expected):
        orphan.unlink()
    return written


def stale_files(source_dir: str | Path, dest_dir: str | Path) -> list[str]:
    """Name the files of ``dest_dir`` that differ from what the generator would write.

    Each entry is ``"NAME (missing)"``, ``"NAME (out of date)"`` or ``"NAME (no source
    notebook)"``; an empty list means the student edition is up to date.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    expected = _expected(source_dir)
    stale = []
    for name, text in expected.items():
        target = dest_dir / name
        if not target.is_file():
            stale.append(f"{name} (missing)")
        elif target.read_bytes() != text.encode("utf-8"):
            stale.append(f"{name} (out of date)")
    stale += [f"{p.name} (no source notebook)" for p in _orphans(dest_dir, expected)]
    return stale


# --- Command line -------------------------------------------------------------------------


def cmd_student_edition(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils student-edition [--source DIR] [--dest DIR] [--check]``."""
    source = Path(args.source)
    dest = Path(args.dest) if args.dest else source / "student"
    if args.check:
        stale = stale_files(source, dest)
        if stale:
            raise StaleEditionError(
                f"student edition is out of date ({'; '.join(stale)}): "
                "run course-utils student-edition"
            )
        out.write(f"the student edition in {dest} is up to date\n")
        return
    written = write_student_edition(source, dest)
    n = len(source_notebooks(source))
    out.write(f"student edition of {n} notebook(s) in {dest}: ")
    out.write(f"{len(written)} file(s) written\n" if written else "already up to date\n")
    for path in written:
        out.write(f"  wrote {path}\n")


def execute_notebook(path: str | Path, *, timeout: int = 300) -> None:
    """Run a notebook top to bottom in a fresh kernel and save it with its new outputs.

    The saved file keeps no run-dependent metadata (execution timestamps, widget state), so
    that running an unchanged notebook again leaves it byte for byte the same.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = _read(path)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        first = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
        raise EditionError(f"{path.name} stopped with an error: {first}") from None
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    path.write_bytes(render_notebook(nb).encode("utf-8"))


def cmd_run_notebooks(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils run-notebooks [--source DIR] [NAME ...]``."""
    source = Path(args.source)
    notebooks = source_notebooks(source)
    if args.names:
        notebooks = [p for p in notebooks if any(p.name.startswith(n) for n in args.names)]
        if not notebooks:
            raise EditionError(f"no notebook in {source} starts with {', '.join(args.names)}")
    for path in notebooks:
        execute_notebook(path)
        out.write(f"ran {path}\n")
    written = write_student_edition(source, source / "student")
    out.write(f"student edition: {len(written)} file(s) written\n")


def _add_command(subparsers: Any) -> None:
    help_text = "write the notebooks without their solutions to notebooks/student"
    cmd = subparsers.add_parser("student-edition", help=help_text, description=help_text)
    cmd.add_argument(
        "--source", default="notebooks", metavar="DIR",
        help="the folder of the instructor's notebooks (default: notebooks)",
    )  # fmt: skip
    cmd.add_argument(
        "--dest", default=None, metavar="DIR",
        help="where to write the student edition (default: SOURCE/student)",
    )  # fmt: skip
    cmd.add_argument(
        "--check", action="store_true",
        help="write nothing; exit with status 2 if the student edition is out of date",
    )  # fmt: skip
    cmd.set_defaults(handler=cmd_student_edition)

    help_text = "run the complete notebooks in place, then regenerate the student edition"
    cmd = subparsers.add_parser("run-notebooks", help=help_text, description=help_text)
    cmd.add_argument(
        "--source", default="notebooks", metavar="DIR",
        help="the folder of the instructor's notebooks (default: notebooks)",
    )  # fmt: skip
    cmd.add_argument("names", nargs="*", metavar="NAME", help="only notebooks starting with NAME")
    cmd.set_defaults(handler=cmd_run_notebooks)


register_command(_add_command)
