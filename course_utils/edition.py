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
import datetime as dt
import hashlib
import io
import json
import os
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_utils.errors import CourseError

__all__ = [
    "BEGIN",
    "END",
    "SOLUTION_TAG",
    "ChangedFilesError",
    "EditionError",
    "EditionReport",
    "StaleEditionError",
    "check_folders",
    "generated_state",
    "marked_notebook",
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

This folder is generated from the notebooks one level up. Your work here is safe: the
generator records what it wrote, never replaces a notebook you have changed (it lists it
and leaves it as it is), and never deletes a notebook it did not make, such as a copy or
your own. Only `--force` replaces a changed notebook, after moving it to a dated
`backup-...` folder here. To change an exercise, edit the notebook in `notebooks/`, then run

    course-utils student-edition

and `course-utils student-edition --check` (or `python3 course.py test`) confirms that this
folder is up to date.
"""


class EditionError(CourseError):
    """A notebook's solution markers cannot be turned into a student edition."""


class StaleEditionError(CourseError):
    """The committed student edition differs from what the generator makes."""


class ChangedFilesError(CourseError):
    """Files changed since they were generated were kept instead of being replaced."""


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


# --- What the generator made: a hash recorded in each file it writes ------------------------

#: The notebook metadata key under which the generator records what it wrote.
MARK_KEY = "course_edition"
_README_MARK = "<!-- generated by course-utils student-edition; sha256 {} -->\n"
_README_MARK_RE = re.compile(r"<!-- generated by course-utils student-edition; sha256 (\w+) -->\n$")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def marked_notebook(nb: Any, source_name: str) -> str:
    """The text of a generated notebook, with the hash of its content in its metadata.

    The hash covers the whole notebook except the mark itself, so that any later change
    (an answer typed in, a cell run, a cell added) shows as a different hash.

    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> old = marked_notebook(new_notebook(cells=[new_code_cell("x = ...")]), "01_demo.ipynb")
    >>> new = marked_notebook(new_notebook(cells=[new_code_cell("y = ...")]), "01_demo.ipynb")
    >>> generated_state(old, new)          # nobody touched the old one: it may be replaced
    'generated'
    >>> typed = old.replace('"x = ..."', '"x = 42"')
    >>> generated_state(typed, new)        # a student's answer: it must be kept
    'changed'
    """
    body = json.loads(render_notebook(nb))
    mark = {"source": source_name, "sha256": _sha256(_canonical(body))}
    body["metadata"][MARK_KEY] = mark
    return render_notebook(_to_node(body))


def _to_node(data: dict[str, Any]) -> Any:
    import nbformat

    return nbformat.from_dict(data)


def marked_text(text: str) -> str:
    """A generated text file (the README) with the hash of its content on its last line."""
    return text + _README_MARK.format(_sha256(text))


def _split_notebook(text: str) -> tuple[str, str | None] | None:
    """(canonical content without the mark, the recorded hash) or None if not a notebook."""
    try:
        data = json.loads(text)
        mark = data["metadata"].pop(MARK_KEY, None)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    recorded = mark.get("sha256") if isinstance(mark, dict) else None
    return _canonical(data), recorded


# The README that versions before the mark wrote: it counts as generated, so that the first
# run after an upgrade replaces it instead of keeping it as a person's file.
_UNMARKED_README_SHA256 = {"68ad710b45ef9282992619e6efa6e46c61ffdbc81a784a2ff63c8baa2463195c"}


def _split_text(text: str) -> tuple[str, str | None]:
    match = _README_MARK_RE.search(text)
    if not match:
        digest = _sha256(text)
        return text, digest if digest in _UNMARKED_README_SHA256 else None
    return text[: match.start()], match[1]


def _split(text: str, like: str) -> tuple[str, str | None] | None:
    """Split a file's text into its content and recorded hash, the way ``like`` is made."""
    if like.lstrip().startswith("{"):
        return _split_notebook(text)
    return _split_text(text)


def generated_state(existing: str, expected: str) -> str:
    """Say what a file already in the destination is, compared with what would be written.

    ``"current"``: it is what the generator would write now. ``"generated"``: the generator
    wrote it and nobody changed it since (its recorded hash matches), or it differs from
    the new text only by the mark; it may be replaced. ``"changed"``: anything else (a
    person's work, or a file the generator never made); it must be kept.

    >>> generated_state(marked_text("hello\\n"), marked_text("hello again\\n"))
    'generated'
    >>> generated_state("hello\\n", marked_text("hello\\n"))
    'generated'
    >>> generated_state("my notes\\n", marked_text("hello\\n"))
    'changed'
    """
    if existing == expected:
        return "current"
    mine, want = _split(existing, expected), _split(expected, expected)
    if mine is None or want is None:
        return "changed"
    content, recorded = mine
    if content == want[0]:
        return "generated"  # the same content; only the mark is missing or old
    if recorded is not None and recorded == _sha256(content):
        return "generated"
    return "changed"


def _expected(source_dir: Path) -> dict[str, str]:
    """File name → the text the student edition should hold."""
    if not source_dir.is_dir():
        raise EditionError(f"there is no notebooks folder at {source_dir}: check --source")
    paths = source_notebooks(source_dir)
    if not paths:
        raise EditionError(
            f"{source_dir} holds no course notebooks (files named like 01_name.ipynb), so "
            "there is nothing to generate and nothing was changed: check --source"
        )
    files = {README_NAME: marked_text(README_TEXT)}
    for path in paths:
        try:
            nb = _read(path)
        except Exception as err:  # nbformat raises several kinds for a broken file
            raise EditionError(f"cannot read {path} as a notebook ({err})") from None
        try:
            files[path.name] = marked_notebook(student_notebook(nb), path.name)
        except EditionError as err:
            raise EditionError(f"{path.name}, {err}") from None
    return files


def _read_text(path: Path) -> str | None:
    """The text of a regular file; None for a symlink or a file that is not UTF-8 text."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _state(target: Path, expected: str) -> str:
    """``missing``, ``current``, ``generated`` or ``changed`` (see :func:`generated_state`)."""
    if not target.exists() and not target.is_symlink():
        return "missing"
    existing = _read_text(target)
    if existing is None:
        return "changed"  # a link, a folder or a binary file: never written through
    return generated_state(existing, expected)


def _orphans(dest_dir: Path, expected: dict[str, str]) -> list[Path]:
    """Numbered notebooks in ``dest_dir`` that the generator would not write."""
    if not dest_dir.is_dir():
        return []
    return [p for p in sorted(dest_dir.glob(NOTEBOOK_PATTERN)) if p.name not in expected]


def _is_own_orphan(path: Path) -> bool:
    """A notebook the generator wrote under this very name, unchanged since, whose source
    notebook is gone. A copy ("01_x-Copy1.ipynb") was not written under its name: kept."""
    text = _read_text(path)
    split = _split_notebook(text) if text is not None else None
    if split is None or split[1] is None or split[1] != _sha256(split[0]):
        return False
    mark = json.loads(text or "{}")["metadata"][MARK_KEY]
    return isinstance(mark, dict) and mark.get("source") == path.name


def _has_solutions(path: Path) -> bool:
    """Whether a notebook file holds solution blocks or solution-tagged cells."""
    text = _read_text(path)
    try:
        cells = json.loads(text)["cells"] if text is not None else []
    except (ValueError, KeyError, TypeError):
        return False
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if SOLUTION_TAG in _tags(cell) or any(_MARKER_RE.match(x) for x in source.split("\n")):
            return True
    return False


def _is_instructor_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a notebook with solutions (a folder of complete notebooks)."""
    return any(_has_solutions(path) for path in source_notebooks(folder))


def check_folders(source_dir: Path, dest_dir: Path) -> None:
    """Refuse a destination that is the source, or a folder of complete notebooks."""
    if dest_dir.resolve() == source_dir.resolve():
        raise EditionError(
            f"--dest {dest_dir} is the same folder as --source: the student edition would "
            "replace the complete notebooks; nothing was written: choose another --dest"
        )
    if dest_dir.is_dir() and _is_instructor_folder(dest_dir):
        raise EditionError(
            f"--dest {dest_dir} holds complete notebooks with solutions; the student edition "
            "must not replace them, and nothing was written: choose another --dest"
        )


def _write_file(target: Path, text: str) -> None:
    """Write through a temporary file, then rename: a symlink at ``target`` is replaced,
    never followed, and a crash leaves the old file whole."""
    temp = target.with_name(f".{target.name}.tmp")
    temp.unlink(missing_ok=True)
    temp.write_bytes(text.encode("utf-8"))
    os.replace(temp, target)


@dataclass
class EditionReport:
    """What :func:`write_student_edition` did: files written, removed, kept and backed up."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # changed by a person: left as they are
    left: list[Path] = field(default_factory=list)  # not made by the generator: untouched
    backed_up: list[tuple[Path, Path]] = field(default_factory=list)  # (from, to)


def _backup(path: Path, folder: Path, report: EditionReport) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    to = folder / path.name
    os.replace(path, to)  # moves a symlink itself, never what it points to
    report.backed_up.append((path, to))


def backup_folder(dest_dir: Path, now: dt.datetime | None = None) -> Path:
    """The dated folder where ``--force`` moves changed files: ``DEST/backup-YYYYMMDD-HHMMSS``."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return dest_dir / f"backup-{stamp}"


def write_student_edition(
    source_dir: str | Path, dest_dir: str | Path, *, force: bool = False
) -> EditionReport:
    """Write the student edition of every notebook in ``source_dir`` to ``dest_dir``.

    Nothing a person made is lost. A file already up to date is not rewritten; a file the
    generator wrote before and nobody changed is replaced; a file changed since it was
    generated (or never generated) is kept as it is and listed in ``report.kept``. A
    student notebook whose source is gone is removed only if the generator made it and
    nobody changed it; any other numbered notebook (a copy, a student's own) is left and
    listed in ``report.left``. With ``force``, kept files are first moved to a dated
    backup folder (:func:`backup_folder`), then replaced.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    check_folders(source_dir, dest_dir)
    expected = _expected(source_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    report, backup = EditionReport(), backup_folder(dest_dir)
    for name, text in expected.items():
        target = dest_dir / name
        state = _state(target, text)
        if state == "current":
            continue
        if state == "changed":
            if not force:
                report.kept.append(target)
                continue
            _backup(target, backup, report)
        _write_file(target, text)
        report.written.append(target)
    for orphan in _orphans(dest_dir, expected):
        if _is_own_orphan(orphan):
            orphan.unlink()
            report.removed.append(orphan)
        else:
            report.left.append(orphan)
    return report


def stale_files(source_dir: str | Path, dest_dir: str | Path) -> list[str]:
    """Name the files of ``dest_dir`` that differ from what the generator would write.

    Each entry is ``"NAME (missing)"``, ``"NAME (out of date)"`` or ``"NAME (no source
    notebook)"`` (a generated notebook whose source is gone); an empty list means the
    student edition is up to date. Notebooks the generator did not make are not listed.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    expected = _expected(source_dir)
    stale = []
    for name, text in expected.items():
        state = _state(dest_dir / name, text)
        if state != "current":
            stale.append(f"{name} ({'missing' if state == 'missing' else 'out of date'})")
    stale += [
        f"{p.name} (no source notebook)" for p in _orphans(dest_dir, expected) if _is_own_orphan(p)
    ]
    return stale


# --- Command line -------------------------------------------------------------------------


def _say_report(report: EditionReport, dest: Path, out: io.TextIOBase) -> None:
    """Say what was written, removed, moved and kept, one file a line."""
    if not (report.written or report.removed or report.backed_up):
        out.write(f"the student edition in {dest} is already up to date; nothing written\n")
    for path in report.written:
        out.write(f"  wrote {path}\n")
    for path in report.removed:
        out.write(f"  removed {path} (generated earlier; its source notebook is gone)\n")
    for was, now in report.backed_up:
        out.write(f"  moved your changed {was} to {now}\n")
    for path in report.left:
        out.write(f"  left {path} as it is (not made by the generator)\n")


def _refuse_kept(report: EditionReport) -> None:
    if report.kept:
        names = ", ".join(str(p) for p in report.kept)
        raise ChangedFilesError(
            f"kept {names} as they are, because they were changed after they were generated "
            "(or were not made by the generator); run again with --force to move them to a "
            "dated backup folder and write the new edition"
        )


def cmd_student_edition(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils student-edition [--source DIR] [--dest DIR] [--check] [--force]``."""
    source = Path(args.source)
    dest = Path(args.dest) if args.dest else source / "student"
    if args.check:
        check_folders(source, dest)
        stale = stale_files(source, dest)
        if stale:
            raise StaleEditionError(
                f"student edition is out of date ({'; '.join(stale)}): "
                "run course-utils student-edition"
            )
        out.write(f"the student edition in {dest} is up to date\n")
        return
    report = write_student_edition(source, dest, force=args.force)
    n = len(source_notebooks(source))
    out.write(f"student edition of {n} notebook(s) in {dest}: {len(report.written)} written\n")
    _say_report(report, dest, out)
    _refuse_kept(report)


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
    stable_widget_ids(nb, path.name)
    _write_file(path, render_notebook(nb))


_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def stable_widget_ids(nb: Any, name: str) -> None:
    """Give every widget output a ``model_id`` that depends only on where it is.

    A kernel makes new random ids on every run; the widget state they point to is not saved
    anyway, so ids made from the notebook's name and the output's place keep a re-run
    notebook byte for byte the same.

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> view = {_WIDGET_VIEW: {"model_id": "random", "version_major": 2}}
    >>> nb = new_notebook(cells=[new_code_cell(outputs=[new_output("display_data", view)])])
    >>> stable_widget_ids(nb, "01_demo.ipynb")
    >>> new_id = nb.cells[0].outputs[0].data[_WIDGET_VIEW]["model_id"]
    >>> new_id == hashlib.sha256(b"01_demo.ipynb:0:0").hexdigest()[:32]
    True
    """
    for i, cell in enumerate(nb.cells):
        for j, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(_WIDGET_VIEW)
            if isinstance(view, dict) and "model_id" in view:
                view["model_id"] = _sha256(f"{name}:{i}:{j}")[:32]


def cmd_run_notebooks(args: argparse.Namespace, out: io.TextIOBase) -> None:
    """``course-utils run-notebooks [--source DIR] [--force] [NAME ...]``."""
    source = Path(args.source)
    notebooks = source_notebooks(source)
    if not notebooks:
        raise EditionError(
            f"{source} holds no course notebooks (like 01_name.ipynb): check --source"
        )
    if args.names:
        notebooks = [p for p in notebooks if any(p.name.startswith(n) for n in args.names)]
        if not notebooks:
            raise EditionError(f"no notebook in {source} starts with {', '.join(args.names)}")
    dest = source / "student"
    check_folders(source, dest)
    for path in notebooks:
        execute_notebook(path)
        out.write(f"ran and saved {path}\n")
    report = write_student_edition(source, dest, force=args.force)
    out.write(f"student edition in {dest}: {len(report.written)} written\n")
    _say_report(report, dest, out)
    _refuse_kept(report)


_FORCE_HELP = (
    "replace student notebooks changed since they were generated (they are moved to a "
    "dated backup folder first)"
)


def add_command(subparsers: Any) -> None:
    """Add this module's commands to the ``course-utils`` parser (:mod:`course_utils.cli`)."""
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
    cmd.add_argument("--force", action="store_true", help=_FORCE_HELP)
    cmd.set_defaults(handler=cmd_student_edition)

    help_text = "run the complete notebooks in place, then regenerate the student edition"
    cmd = subparsers.add_parser("run-notebooks", help=help_text, description=help_text)
    cmd.add_argument(
        "--source", default="notebooks", metavar="DIR",
        help="the folder of the instructor's notebooks (default: notebooks)",
    )  # fmt: skip
    cmd.add_argument("--force", action="store_true", help=_FORCE_HELP)
    cmd.add_argument("names", nargs="*", metavar="NAME", help="only notebooks starting with NAME")
    cmd.set_defaults(handler=cmd_run_notebooks)
