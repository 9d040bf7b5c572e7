"""Nothing lost, every bad input a clear answer (issue 11).

Each data-loss case reproduces what a person would do (type an answer into a student
notebook, keep a copy, point --dest at the wrong folder) and shows that the work is still
there afterwards and that the command says so. Each bad input is run through the command
line and gives exit status 2 and one line that says what to do.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_utils import cli
from course_utils.article import clean_article
from course_utils.config import load_config
from course_utils.dates import bounds, find_dates, rejected_expressions, resolve
from course_utils.edition import generated_state, write_student_edition
from course_utils.errors import CourseError, PublicationDateError

ROOT = Path(__file__).resolve().parents[1]


def lesson(answer: str = "6 * 7") -> nbformat.NotebookNode:
    """A small instructor notebook: one solved exercise and a check."""
    code = f"# BEGIN SOLUTION\nanswer = {answer}\n# END SOLUTION"
    nb = new_notebook(cells=[new_markdown_cell("# Lesson"), new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    return nb


def run(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """An instructor folder with two lessons and their generated student edition."""
    source = tmp_path / "notebooks"
    source.mkdir()
    nbformat.write(lesson(), source / "01_first.ipynb")
    nbformat.write(lesson("1 + 1"), source / "02_second.ipynb")
    write_student_edition(source, source / "student")
    return source


def type_an_answer(path: Path, answer: str) -> str:
    """Do what a student does: replace the placeholder and save. Returns the new text."""
    nb = nbformat.read(path, as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace("...  # your answer here", answer)
    nbformat.write(nb, path)
    return path.read_text(encoding="utf-8")


# --- Nothing lost ---------------------------------------------------------------------------


def test_an_edited_student_notebook_is_kept_and_named(course: Path, capsys) -> None:
    mine = course / "student" / "01_first.ipynb"
    text = type_an_answer(mine, "42")
    nbformat.write(lesson("7 * 6"), course / "01_first.ipynb")  # the instructor changes it
    status, out, err = run(["student-edition", "--source", str(course)], capsys)
    assert status == 2
    assert mine.read_text(encoding="utf-8") == text, "the student's answer is still there"
    assert err.count("\n") == 1 and err.startswith("course-utils: error: kept ")
    assert str(mine) in err and "--force" in err and "backup" in err
    assert "nothing written" in out  # it says what it did, even when it stops


def test_force_moves_the_edited_notebook_to_a_dated_backup(course: Path, capsys) -> None:
    mine = course / "student" / "01_first.ipynb"
    text = type_an_answer(mine, "42")
    status, out, _ = run(["student-edition", "--source", str(course), "--force"], capsys)
    assert status == 0
    backups = list((course / "student").glob("backup-*/01_first.ipynb"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == text
    assert f"moved your changed {mine} to {backups[0]}" in out
    assert "answer = ...  # your answer here" in mine.read_text(encoding="utf-8")


def test_copies_and_own_notebooks_are_never_deleted(course: Path, capsys) -> None:
    student = course / "student"
    copy = student / "01_first-Copy1.ipynb"
    copy.write_bytes((student / "01_first.ipynb").read_bytes())
    own = student / "06_my_own_article.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print('my article')")]), own)
    (course / "02_second.ipynb").unlink()  # a lesson is withdrawn
    status, out, _ = run(["student-edition", "--source", str(course)], capsys)
    assert status == 0
    assert own.is_file() and copy.is_file()
    assert f"left {own} as it is" in out and f"left {copy} as it is" in out
    assert not (student / "02_second.ipynb").exists(), "its unchanged generated copy goes"
    assert f"removed {student / '02_second.ipynb'}" in out


def test_a_changed_orphan_is_kept(course: Path, capsys) -> None:
    mine = course / "student" / "02_second.ipynb"
    text = type_an_answer(mine, "2")
    (course / "02_second.ipynb").unlink()
    assert run(["student-edition", "--source", str(course)], capsys)[0] == 0
    assert mine.read_text(encoding="utf-8") == text


def test_run_notebooks_keeps_another_edited_student_notebook(course: Path, capsys) -> None:
    other = course / "student" / "02_second.ipynb"
    text = type_an_answer(other, "2")
    nbformat.write(lesson("1 + 2"), course / "02_second.ipynb")
    status, out, err = run(["run-notebooks", "--source", str(course), "01"], capsys)
    assert status == 2 and f"ran and saved {course / '01_first.ipynb'}" in out
    assert other.read_text(encoding="utf-8") == text
    assert str(other) in err and err.count("\n") == 1


@pytest.mark.parametrize("dest", ["same", "instructor"])
def test_the_instructor_folder_is_refused_as_destination(
    course: Path, tmp_path: Path, capsys, dest: str
) -> None:
    before = {p.name: p.read_bytes() for p in course.glob("*.ipynb")}
    if dest == "same":
        argv = ["student-edition", "--source", str(course), "--dest", str(course)]
    else:
        other = tmp_path / "other"
        other.mkdir()
        nbformat.write(lesson("3"), other / "01_other.ipynb")
        argv = ["student-edition", "--source", str(other), "--dest", str(course)]
    status, _, err = run(argv, capsys)
    assert status == 2 and err.count("\n") == 1 and "choose another --dest" in err
    assert {p.name: p.read_bytes() for p in course.glob("*.ipynb")} == before


def test_an_empty_source_is_refused_and_deletes_nothing(course: Path, tmp_path: Path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = ["student-edition", "--source", str(empty), "--dest", str(course / "student")]
    status, out, err = run(argv, capsys)
    assert status == 2 and "holds no course notebooks" in err and "up to date" not in out
    names = sorted(p.name for p in (course / "student").glob("*.ipynb"))
    assert names == ["01_first.ipynb", "02_second.ipynb"]


def test_a_readme_of_your_own_in_dest_is_kept(course: Path, tmp_path: Path, capsys) -> None:
    dest = tmp_path / "handout"
    dest.mkdir()
    (dest / "README.md").write_text("# My handout\n", encoding="utf-8")
    status, out, err = run(
        ["student-edition", "--source", str(course), "--dest", str(dest)], capsys
    )
    assert status == 2 and str(dest / "README.md") in err
    assert (dest / "README.md").read_text(encoding="utf-8") == "# My handout\n"
    assert f"wrote {dest / '01_first.ipynb'}" in out


def test_a_symlink_in_the_student_folder_is_not_written_through(
    course: Path, tmp_path: Path, capsys
) -> None:
    outside = tmp_path / "outside.ipynb"
    outside.write_text("precious", encoding="utf-8")
    link = course / "student" / "01_first.ipynb"
    link.unlink()
    link.symlink_to(outside)
    status, _, err = run(["student-edition", "--source", str(course)], capsys)
    assert status == 2 and str(link) in err
    assert outside.read_text(encoding="utf-8") == "precious"
    assert run(["student-edition", "--source", str(course), "--force"], capsys)[0] == 0
    assert outside.read_text(encoding="utf-8") == "precious", "--force moves the link itself"
    assert not link.is_symlink() and link.is_file()


def test_draft_key_never_follows_a_dangling_symlink(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "Talks in Vesland\n\nThe Vesland government met Kalonia on Tuesday.\n", encoding="utf-8"
    )
    target = tmp_path / "elsewhere" / "planted.csv"
    target.parent.mkdir()
    (folder / "key_actors.draft.csv").symlink_to(target)  # dangling: target does not exist
    for extra in ([], ["--force"]):
        argv = ["draft-key", str(folder), "--published", "2023-02-03", *extra]
        status, _, err = run(argv, capsys)
        assert status == 2 and "symbolic link" in err and err.count("\n") == 1
        assert not target.exists()


def test_the_generated_state_of_files() -> None:
    """A file the generator made and nobody touched may go; anything else is kept."""
    from course_utils.edition import marked_notebook

    old = marked_notebook(lesson(), "01_first.ipynb")
    new = marked_notebook(lesson("2"), "01_first.ipynb")
    assert generated_state(old, old) == "current"
    assert generated_state(old, new) == "generated"
    assert generated_state(old.replace("# Lesson", "# My notes"), new) == "changed"
    assert generated_state("not a notebook", new) == "changed"
    assert generated_state(json.dumps({"cells": []}), new) == "changed", "no mark: not ours"


# --- Bad input: one line, exit status 2 -------------------------------------------------------

ARTICLE = (
    "Talks in Vesland\n\n"
    "The envoys of Vesland met last week and will meet again next week. "
    "The border war with Kalonia began in the 1990s and flared in the late 1980s' wake.\n"
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("published", "message"),
    [
        ("0001-01-01", "is outside 1000-01-01 to 8999-12-31"),
        ("9999-12-31", "is outside 1000-01-01 to 8999-12-31"),
        ("2023-W05", "'2023-W05' is not a day written YYYY-MM-DD"),
        ("20230203", "is not a day written YYYY-MM-DD"),
        ("2023-02-30", "is not a date in the form YYYY-MM-DD"),
    ],
)
@pytest.mark.parametrize("command", ["dates", "timeline"])
def test_bad_publication_dates_are_one_line(
    article_file: Path, capsys, published: str, message: str, command: str
) -> None:
    status, out, err = run([command, str(article_file), "--published", published], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("course-utils: error: ") and err.count("\n") == 1
    assert message in err


def test_the_edges_of_the_publication_range_resolve(article_file: Path, capsys) -> None:
    status, out, err = run(["dates", str(article_file), "--published", "1000-01-01"], capsys)
    assert status == 0, err
    values = {row["text"]: row["value"] for row in json.loads(out)}
    # 1000-01-01 is a Wednesday in ISO week 1 of 1000; the week before is the last of 999.
    assert values["last week"].startswith("0999-W")
    assert values["next week"] == "1000-W02"


def test_shifts_past_year_one_are_rejected_not_raised() -> None:
    article = clean_article("Talks\n\nThe feud began 5000 years ago, the elders said.")
    assert find_dates(article, "2023-02-03").empty
    rejected = rejected_expressions(article)
    assert "TIMEX3" in " ".join(rejected["reason"])


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[article]\npath = 42\n", "path = 42 is not a file or folder name"),
        ('[article]\npath = ""\n', "is not a file or folder name"),
        ('article = "x"\n', "article = 'x' is not a table"),
        ('[article]\npublished = "2023-02-03"\n', "write it without quotes"),
        ("[article]\npublished = 0001-01-01\n", "is outside 1000-01-01"),
    ],
)
def test_malformed_course_toml_values_are_one_line(
    tmp_path: Path, monkeypatch, capsys, toml: str, message: str
) -> None:
    config = tmp_path / "course.toml"
    config.write_text(toml, encoding="utf-8")
    monkeypatch.setenv("COURSE_CONFIG", str(config))
    with pytest.raises(CourseError, match=r"course\.toml"):
        load_config()
    status, out, err = run(["draft-key", "--out", str(tmp_path / "out")], capsys)
    assert (status, out) == (2, "") and err.count("\n") == 1 and message in err


def test_decades_get_timex3_decade_values() -> None:
    published = "2023-02-03"
    value = resolve("in the 1990s", published)
    assert (value.value, value.precision, value.mod) == ("199", "decade", "")
    assert (value.date_start, value.date_end) == ("1990-01-01", "1999-12-31")
    assert resolve("the late 1980s", published).value == "198"
    assert resolve("the late 1980s", published).mod == "END"
    assert resolve("the mid-2000s", published).mod == "MID"
    assert resolve("in the 1920's", published).value == "192"
    assert bounds("202") == (bounds("2020")[0], bounds("2029")[1])
    assert resolve("in 1990", published).precision == "year", "a year is still a year"


def test_impossible_calendar_dates_are_in_the_rejected_table() -> None:
    article = clean_article(
        "Talks in Vesland\n\nJane Roe said the ceasefire of 31 February 2023 held. "
        "Kalonia replied on April 31."
    )
    assert find_dates(article, "2023-05-10").empty
    rejected = rejected_expressions(article)
    assert list(rejected["text"]) == ["31 February 2023", "April 31"]
    assert set(rejected["kind"]) == {"not a real day"}


def test_a_week_is_refused_where_a_day_is_wanted_in_the_library() -> None:
    article = clean_article("Talks\n\nThe envoys met last week.")
    with pytest.raises(PublicationDateError, match="not a day written YYYY-MM-DD"):
        find_dates(article, "2023-W05")


# --- course.py test passes its extra arguments to pytest -----------------------------------


def test_course_py_test_passes_extra_arguments_to_pytest(monkeypatch) -> None:
    spec = importlib.util.spec_from_file_location("course_script", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    sys.modules["course_script"] = course
    spec.loader.exec_module(course)
    calls: list[list[str]] = []
    monkeypatch.setattr(course, "run", lambda args: calls.append(args) or 0)
    assert course.test(["-k", "dates", "-x"]) == 0
    pytest_calls = [c for c in calls if c[:2] == ["-m", "pytest"]]
    other_calls = [c for c in calls if c[:2] != ["-m", "pytest"]]
    assert len(pytest_calls) == 1 and pytest_calls[0][-3:] == ["-k", "dates", "-x"]
    assert other_calls and all("-k" not in c for c in other_calls), "ruff gets none of them"


def test_control_characters_are_escaped_in_text_output(tmp_path: Path, capsys) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "Talks in Vesland\x1b[31m\n\nThe envoys\x07 of Kalonia met\x00 last week.\n",
        encoding="utf-8",
    )
    for argv in (["clean"], ["dates", "--published", "2023-02-03"], ["actors"]):
        status, out, err = run([argv[0], str(path), *argv[1:], "--format", "text"], capsys)
        assert status == 0, err
        assert not any(c in out for c in "\x1b\x07\x00"), repr(out)
    status, out, _ = run(["clean", str(path), "--format", "text"], capsys)
    # cleaning removes them (with a reason in the explain table); what is left reads as text
    assert "Talks in Vesland" in out and "The envoys of Kalonia met last week." in out


def test_run_notebooks_is_byte_stable_with_widgets(tmp_path: Path) -> None:
    from course_utils.edition import execute_notebook

    nb = new_notebook(cells=[new_code_cell("import ipywidgets\nipywidgets.IntSlider(value=3)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = tmp_path / "01_widgets.ipynb"
    nbformat.write(nb, path)
    execute_notebook(path)
    first = path.read_bytes()
    assert b"application/vnd.jupyter.widget-view+json" in first, "the test needs a widget"
    execute_notebook(path)
    assert path.read_bytes() == first, "new random model_ids would make the file differ"
