"""House rules for the complete notebooks, checked on the files as committed.

nbval proves that each notebook runs and reproduces its outputs; these tests check what a
student and an instructor rely on besides: objectives and time at the top, key points at
the end, exercises with checks, figures with a white background and a text alternative,
and nothing in the files that changes from run to run.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_course_has_its_six_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "01_reading_the_article",
        "02_cleaning_the_text",
        "03_extracting_actors",
        "04_building_the_timeline",
        "05_your_own_timeline",
        "06_from_one_article_to_many",
    ]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def nb(request) -> nbformat.NotebookNode:
    return nbformat.read(request.param, as_version=4)


def _source(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def test_objectives_and_time_at_the_top_key_points_at_the_end(nb):
    first = _source(nb.cells[0])
    assert first.startswith("# ")
    assert re.search(r"\*\*Time:\*\*\s+\d+ minutes", first)
    assert "objectives" in first.lower()
    assert "## Key points" in _source(nb.cells[-1])


def test_saved_without_run_dependent_state(nb):
    assert nb.metadata.kernelspec.name == "python3"
    assert "widgets" not in nb.metadata
    for cell in nb.cells:
        assert "execution" not in cell.metadata


def test_executed_top_to_bottom_without_errors_or_warnings(nb):
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", _source(cell)
            assert out.get("name") != "stderr", _source(cell)


def test_at_least_two_exercises_each_with_a_check(nb):
    # A short optional notebook ("(optional)" in its title) may have a single exercise.
    optional = "(optional)" in _source(nb.cells[0]).splitlines()[0]
    cells = [c for c in nb.cells if c.cell_type == "code"]
    exercises = 0
    for i, cell in enumerate(cells):
        if "# BEGIN SOLUTION" in _source(cell):
            exercises += 1
            after = _source(cell) + (_source(cells[i + 1]) if i + 1 < len(cells) else "")
            assert re.search(r"check\(\"\d\d\.\d+\"", after), _source(cell)
    assert exercises >= (1 if optional else 2)


def test_ignored_outputs_say_why(nb):
    for cell in nb.cells:
        for line in _source(cell).splitlines():
            if "NBVAL_IGNORE_OUTPUT" in line:
                reason = line.split("NBVAL_IGNORE_OUTPUT", 1)[1].strip(" -:")
                assert len(reason) > 10, line


def _pngs(cell) -> list[bytes]:
    return [
        base64.b64decode(out["data"]["image/png"])
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {})
    ]


def test_figures_have_a_white_background_and_a_text_alternative(nb):
    from PIL import Image

    figures = 0
    for i, cell in enumerate(nb.cells):
        for png in _pngs(cell):
            figures += 1
            image = Image.open(io.BytesIO(png)).convert("RGBA")
            corner = image.getpixel((1, 1))
            assert corner == (255, 255, 255, 255), f"figure after cell {i} is not on white"
            following = " ".join(_source(c) for c in nb.cells[i + 1 : i + 3])
            assert "text alternative" in following.lower(), _source(cell)
    assert figures >= 1


STUDENT = sorted((NOTEBOOKS[0].parent / "student").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS + STUDENT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_kernelspec_is_what_the_installed_kernel_writes(path):
    # JupyterLab rewrites a kernelspec that differs from the running kernel's, so a notebook
    # opened and closed unchanged would show up in git status.
    from ipykernel.kernelspec import KERNEL_NAME, get_kernel_dict

    spec = get_kernel_dict()
    saved = nbformat.read(path, as_version=4).metadata.kernelspec
    assert dict(saved) == {
        "display_name": spec["display_name"],
        "language": spec["language"],
        "name": KERNEL_NAME,
    }


def test_you_are_here_names_this_notebook(nb):
    first = _source(nb.cells[0])
    assert "You are here" in first
    here = re.findall(r"\*\*▶ (\d\d) [^◀]+◀\*\*", first)
    assert len(here) == 1
    assert "docs/glossary.md" in first


def test_every_section_has_a_time_and_they_add_up(nb):
    first = _source(nb.cells[0])
    total = sum(int(n) for n in re.findall(r"(\d+) minutes", first.split("**Learning")[0]))
    heads = [
        line
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in _source(cell).splitlines()
        if re.match(r"## \d+\.", line)
    ]
    assert heads
    minutes = []
    for line in heads:
        mark = re.search(r"\*\(about (\d+) min\)\*$", line)
        assert mark, line
        minutes.append(int(mark[1]))
    assert sum(minutes) == total, (minutes, total)


def test_course_article_prose_is_marked():
    # Text about the course article sits in a marked block with a note for other articles.
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            text = re.sub(r"\s*\n>?\s*", " ", _source(cell))
            if "About the course article" in text:
                assert "*In another article:*" in text, (path.name, text[:80])


def test_the_timeline_notebook_links_its_references():
    text = "".join(_source(c) for c in nbformat.read(NOTEBOOKS[3], as_version=4).cells)
    for link in ("timeml", "HeidelTime/heideltime", "openeventdata/PLOVER"):
        assert link in text, link
