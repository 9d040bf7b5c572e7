"""A web page saved from a browser goes through every stage and every CLI command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course_utils.article import clean_article, is_html_page, load_article
from course_utils.errors import NotPlainTextError

PAGE = Path(__file__).parent / "data" / "pages" / "wire-page.html"


@pytest.fixture(scope="module")
def page():
    return clean_article(load_article(PAGE), source=str(PAGE))


def test_the_page_is_recognised_as_html():
    assert is_html_page(PAGE.read_text(encoding="utf-8"))
    assert not is_html_page("Talks <b>resume</b> in Ostmark.")


def test_the_article_and_its_metadata_are_extracted(page):
    assert page.title == "Vesland Rebels Agree To Ceasefire With Kalonian Army"
    assert page.paragraphs[0].startswith("Rebels in Vesland agreed on Tuesday")
    assert page.paragraphs[-1].endswith("according to the United Nations.")
    assert page.metadata["sitename"] == "Nordhavn Post"
    assert page.metadata["author"] == "Jane Roe"


def test_no_page_furniture_is_left(page):
    for furniture in ("Skip to main content", "Advertisement", "Related", "Privacy", "©"):
        assert furniture not in page.text


def test_the_page_gives_the_publication_date_unless_one_is_given(page):
    assert str(page.published) == "2024-03-05"
    given = clean_article(PAGE.read_text(encoding="utf-8"), "2024-03-06")
    assert str(given.published) == "2024-03-06"


def test_offsets_index_the_cleaned_text(page):
    for row in page.sentences.itertuples():
        assert page.text[row.start : row.end] == row.text


def test_a_page_without_article_text_is_refused():
    with pytest.raises(NotPlainTextError, match="HTML"):
        clean_article("<!DOCTYPE html><html><body><nav>Home</nav></body></html>")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "course_utils", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_every_cli_command_reads_the_page():
    clean = cli("clean", str(PAGE), "--format", "json")
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["title"].startswith("Vesland Rebels")
    actors = cli("actors", str(PAGE), "--format", "csv")
    assert actors.returncode == 0, actors.stderr
    assert "African Union" in actors.stdout or "AU," in actors.stdout
    dates = cli("dates", str(PAGE), "--format", "csv")  # the date comes from the page
    assert dates.returncode == 0, dates.stderr
    assert "2024-03-05" in dates.stdout  # "on Tuesday" before Tuesday 5 March 2024 is that day
    timeline = cli("timeline", str(PAGE), "--format", "csv")
    assert timeline.returncode == 0, timeline.stderr
