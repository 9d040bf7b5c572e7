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
        assert list(draft.columns) == KEY_COLUMNS[kind]
        assert len(resolve_key(kind, draft, article)) == len(draft)


def test_without_course_toml_the_course_article_is_back(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undoing step 2 gives the bundled article again (the test above changed nothing)."""
    monkeypatch.delenv("COURSE_CONFIG")
    (course.parent.parent / "course.toml").unlink()
    monkeypatch.chdir(course)  # no course.toml in this folder or above it now
    assert course_article().title.startswith("Russian-Led Alliance")
