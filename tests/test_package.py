"""The package as students and CI meet it: light to import, data found from anywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_import_does_not_pull_in_matplotlib_or_ipywidgets(tmp_path):
    code = (
        "import sys, course_utils\n"
        "course_utils.course_article()\n"
        "heavy = ('matplotlib', 'ipywidgets', 'trafilatura', 'lxml')\n"
        "heavy = sorted(m for m in heavy if m in sys.modules)\n"
        "print(heavy)\n"
    )
    proc = python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_data_is_found_from_any_working_directory(tmp_path):
    proc = python("import course_utils; print(course_utils.course_article().title)", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Russian-Led Alliance")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy of what a clone holds: a build/ folder left by an earlier build would
    # ship modules that no longer exist.
    source = tmp_path_factory.mktemp("source") / "repo"
    skip = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".*cache")
    shutil.copytree(REPO, source, ignore=skip)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (built,) = out.glob("course_utils-*.whl")
    return built


def test_wheel_ships_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "course_utils/data/README.md" in names
    assert "course_utils/data/articles/csto-monitors-2023/article.txt" in names
    assert "course_utils/data/articles/csto-monitors-2023/article.toml" in names
    assert any(n.startswith("course_utils/data/gazetteer/") for n in names)


def test_wheel_ships_every_module_and_no_other(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n for n in names if n.endswith(".py") and not n.startswith("course_utils/data/")}
    source = {p.relative_to(REPO).as_posix() for p in (REPO / "course_utils").rglob("*.py")}
    assert shipped == source, (sorted(source - shipped), sorted(shipped - source))


def test_installed_wheel_finds_its_data(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(target)!r})\n"
        "import course_utils\n"
        "assert course_utils.__file__.startswith(sys.path[0]), course_utils.__file__\n"
        "from course_utils.events import build_timeline\n"
        "article = course_utils.course_article()\n"
        "assert len(build_timeline(article)) > 0\n"
        "print(article.published)\n"
    )
    proc = python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "2023-02-03"


def test_a_course_error_in_a_notebook_is_one_line_without_traceback(tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(
        cells=[
            new_code_cell("import course_utils\ncourse_utils.clean_article('   ')"),
            new_code_cell("1 / 0"),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    course_outputs = nb.cells[0].outputs
    assert [o.output_type for o in course_outputs] == ["stream"]
    assert course_outputs[0].name == "stderr"
    assert course_outputs[0].text.startswith("EmptyArticleError: the article is empty:")
    assert course_outputs[0].text.count("\n") == 1
    # A bug or a student's own mistake still gets its traceback.
    assert nb.cells[1].outputs[0].output_type == "error"
    assert nb.cells[1].outputs[0].ename == "ZeroDivisionError"
    assert nbformat.validate(nb) is None
