"""The README's "Bring your own article" steps, followed as an instructor would.

1. Save the article as UTF-8 text in its own folder.
2. Write a course.toml that points at it and gives its publication date.
3. Run `course-utils draft-key` to draft the answer keys.
4. Open the notebooks: course_article() now returns the new article, and the pipeline runs.

The article in tests/data/byo-article/ was written for this test: a short news text about
the EU's decision of Monday 23 January 2023 to send monitors to Armenia, published (as far
as the test is concerned) on Tuesday 24 January 2023.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from course_utils import course_article
from course_utils.draft import draft_file_names
from course_utils.evaluate import KEY_COLUMNS, resolve_key
from course_utils.events import build_timeline

BYO = Path(__file__).resolve().parent / "data" / "byo-article"
PUBLISHED = "2023-01-24"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Steps 1 and 2: the article in its own folder, and a course.toml naming it."""
    folder = tmp_path / "articles" / "eu-decision"
    folder.mkdir(parents=True)
    shutil.copy(BYO / "article.txt", folder / "article.txt")
    config = tmp_path / "course.toml"
    config.write_text(
        f'[article]\npath = "articles/eu-decision"\npublished = {PUBLISHED}\n', encoding="utf-8"
    )
    monkeypatch.setenv("COURSE_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    return folder


def test_bring_your_own_article(course: Path) -> None:
    # Step 3: draft the keys from a shell, exactly as the README says (no ARTICLE argument:
    # the command reads course.toml through COURSE_CONFIG).
    result = subprocess.run(
        [sys.executable, "-m", "course_utils", "draft-key"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        cwd=course.parent.parent,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "key_*.csv" in result.stdout
    for name in draft_file_names().values():
        assert (course / name).is_file(), name
        assert str(course / name) in result.stdout

    # Step 4: the notebooks' entry point now returns the new article, with its date.
    article = course_article()
    assert article.title == "EU Agrees To Send Monitors To Armenian Border"
    assert Path(article.source) == course / "article.txt"
    assert str(article.published) == PUBLISHED
    assert len(article.paragraphs) == 3

    # The pipeline runs on it: at least one event, each dated against 24 January 2023.
    timeline = build_timeline(article, article.published)
    assert len(timeline) >= 1
    assert (timeline["value"].astype(str) != "").all()
    assert "2023-01-23" in set(timeline["value"].astype(str)), "'on Monday' is 23 January"
    assert (pd.to_datetime(timeline["date_start"]) <= pd.Timestamp("2023-02-28")).all()

    # The drafts are in the final key format: they resolve against the article.
    for kind in KEY_COLUMNS:
        draft = pd.read_csv(
            course / f"key_{kind}.draft.csv", dtype=str, keep_default_na=False, comment=None
        )
        assert list(draft.columns) == [*KEY_COLUMNS[kind], "checked"]
        assert len(resolve_key(kind, draft, article)) == len(draft)

    # Honest keys: a draft renamed without correcting it gives no score, and says why.
    (course / "key_dates.draft.csv").rename(course / "key_dates.csv")
    from course_utils.dates import find_dates
    from course_utils.evaluate import load_key, score_dates

    scores = score_dates(find_dates(article), load_key("dates"))
    assert scores["f1"].isna().all()
    assert scores["note"].str.contains("unchecked draft").all()
    checked = pd.read_csv(course / "key_dates.csv", dtype=str, keep_default_na=False)
    checked.assign(checked="yes").to_csv(course / "key_dates.csv", index=False)
    scores = score_dates(find_dates(article), load_key("dates"))
    assert "note" not in scores.columns
    assert scores["f1"].notna().all()


def test_without_course_toml_the_course_article_is_back(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undoing step 2 gives the bundled article again (the test above changed nothing)."""
    monkeypatch.delenv("COURSE_CONFIG")
    (course.parent.parent / "course.toml").unlink()
    monkeypatch.chdir(course)  # no course.toml in this folder or above it now
    assert course_article().title.startswith("Russian-Led Alliance")


# --- Every notebook on articles that are not the course's ------------------------------------
#
# Two articles written for this test: tests/data/byo-plain holds only a headline and four
# paragraphs (no page furniture, no caption, no article.toml), and tests/data/byo-other-outlet
# is a page of another (made-up) outlet from another region, furniture and all, with its
# metadata in an article.toml. byo-saved-page is tests/data/pages/wire-page.html, a made-up
# wire story as a browser saves the page (HTML, "Save page as"): its text is extracted first.

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
BYO_ARTICLES = {
    "byo-plain": "2025-03-12",
    "byo-other-outlet": "2025-06-06",
    "byo-saved-page": "",  # the page gives its own publication date
}
#: Articles whose page is not a folder's article.txt: a made-up wire story saved as HTML.
PAGES = {"byo-saved-page": Path(__file__).parent / "data" / "pages" / "wire-page.html"}
OTHER_OUTLET_TOML = """\
title = "Uruguay And Brazil Trade Warnings Over River Dredging"
publisher = "Rio Plata Daily (made up for the course's tests)"
url = ""
language = "en"
published = 2025-06-06
"""


def follow_the_readme(root: Path, name: str, published: str) -> Path:
    """README steps 1-4 for one article; returns the course.toml to point COURSE_CONFIG at."""
    folder = root / "data" / "articles" / name
    folder.mkdir(parents=True)
    page = PAGES.get(name) or Path(__file__).parent / "data" / name / "article.txt"
    shutil.copy(page, folder / f"article{page.suffix}")  # article.txt, or article.html
    if name == "byo-other-outlet":  # the optional metadata step
        (folder / "article.toml").write_text(OTHER_OUTLET_TOML, encoding="utf-8")
    config = root / "course.toml"
    date_line = f"published = {published}\n" if published else ""
    config.write_text(f'[article]\npath = "data/articles/{name}"\n{date_line}', encoding="utf-8")
    env = {**os.environ, "COURSE_CONFIG": str(config)}
    subprocess.run(
        [sys.executable, "-m", "course_utils", "draft-key"], env=env, cwd=root, check=True,
        capture_output=True,
    )  # fmt: skip
    for draft in folder.glob("key_*.draft.csv"):  # step 4: (correct, then) rename
        draft.rename(folder / draft.name.replace(".draft", ""))
    return config


def _notebooks() -> list[Path]:
    complete = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    student = sorted((NOTEBOOKS / "student").glob("[0-9][0-9]_*.ipynb"))
    return complete + student


def run_in_one_kernel(paths: list[Path], env: dict[str, str], cwd: Path) -> list[str]:
    """Run every code cell of each notebook, top to bottom, resetting the kernel's names
    between notebooks (one kernel for all of them keeps the test fast); return the errors."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(cwd))
    errors: list[str] = []
    try:
        for path in paths:
            kc.execute_interactive(
                "%reset -f\nimport matplotlib\nmatplotlib.use('agg')", timeout=60
            )
            for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
                if cell.cell_type != "code":
                    continue
                reply = kc.execute_interactive(cell.source, timeout=120, output_hook=lambda m: None)
                if reply["content"]["status"] != "ok":
                    content = reply["content"]
                    errors.append(
                        f"{path.parent.name}/{path.name} cell {number}: "
                        f"{content.get('ename')}: {content.get('evalue')}"
                    )
                    break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return errors


@pytest.mark.parametrize("name", sorted(BYO_ARTICLES))
def test_every_notebook_runs_on_another_article(name: str, tmp_path: Path) -> None:
    config = follow_the_readme(tmp_path, name, BYO_ARTICLES[name])
    env = {**os.environ, "COURSE_CONFIG": str(config), "MPLBACKEND": "agg"}
    errors = run_in_one_kernel(_notebooks(), env, tmp_path)
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("name", sorted(BYO_ARTICLES))
def test_every_check_works_on_another_article(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each check builds its truth and its known mistakes from the article in use: the
    reference solution passes and no known mistake crashes, with or without furniture."""
    from course_utils.exercises import all_exercises

    config = follow_the_readme(tmp_path, name, BYO_ARTICLES[name])
    monkeypatch.setenv("COURSE_CONFIG", str(config))
    for ex in all_exercises():
        assert ex.check(ex.solution()).ok, ex.id
        for wrong, _ in ex.wrong_answers:
            feedback = ex.check(wrong)
            assert feedback.status == "wrong", (ex.id, wrong)
            assert "raised" not in feedback.message, (ex.id, feedback.message)


def test_no_furniture_is_answered_with_an_empty_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from course_utils.exercises import check

    config = follow_the_readme(tmp_path, "byo-plain", BYO_ARTICLES["byo-plain"])
    monkeypatch.setenv("COURSE_CONFIG", str(config))
    assert check("01.3", []).ok
    assert check("02.1", {}).ok
    assert "outside that" in check("01.3", [99]).message
