"""The self-check of notebook 06 (from one article to many): the truth is the recipient of
the most events in the course corpus's edges, computed from the tables every time, so it
follows the articles in the folder; each hint fires on the mistake it is meant for, and no
hint names a recipient. The swapped-in articles here are made up, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import course_utils.exercises.corpus as corpus_checks
from course_utils import exercises
from course_utils.exercises import check, exercise
from course_utils.exercises.corpus import corpus_edges, course_corpus, top_recipients

# Two made-up reports. Latvia receives four events (Estonia's two accusations, Lithuania's
# and Finland's); Estonia starts the most (two); Latvia's rejection names no recipient.
BORDER = (
    "Border Row\n\n"
    "Estonia accused Latvia of shelling a border post on Monday. "
    "Latvia rejected the claim on Tuesday.\n\n"
    "On Wednesday, Lithuania accused Latvia of moving troops."
)
TALKS = (
    "Talks Stall\n\n"
    "Estonia accused Latvia of a new attack on Thursday. Finland criticised Latvia on Friday."
)
PUBLISHED = "2024-03-08"


@pytest.fixture
def swapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An instructor's own articles folder in place of the course's."""
    for name, text in (("border-row", BORDER), ("talks-stall", TALKS)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "article.txt").write_text(text, encoding="utf-8")
        (folder / "article.toml").write_text(f"published = {PUBLISHED}\n", encoding="utf-8")
    monkeypatch.setattr(corpus_checks, "articles_dir", lambda: tmp_path)
    return tmp_path


def test_the_exercise_is_registered_for_notebook_06():
    assert "06.1" in {ex.id for ex in exercises.all_exercises()}


def test_the_truth_is_the_largest_sum_of_events_per_recipient():
    edges = corpus_edges()
    totals = edges.groupby("recipient")["events"].sum()
    assert set(top_recipients()) == set(totals[totals == totals.max()].index)
    for name in top_recipients():
        assert check("06.1", name).ok


def test_the_course_corpus_is_every_article_folder():
    result = course_corpus()
    assert result.failures.empty
    folders = {Path(p).name for p in result.articles["source"]}
    assert folders == {p.name for p in corpus_checks.articles_dir().iterdir() if p.is_dir()}


def test_no_hint_names_a_recipient_or_an_actor():
    edges = corpus_edges()
    names = set(edges["actor"]) | set(edges["recipient"])
    ex = exercise("06.1")
    for wrong, _ in ex.wrong_answers:
        message = ex.check(wrong).message
        assert not any(name in message for name in names), message


def test_a_tie_accepts_every_recipient_that_shares_the_top():
    edges = pd.DataFrame(
        {
            "actor": ["A", "B", "C"],
            "recipient": ["Vesland", "Kalonia", "Vesland"],
            "events": [1, 2, 1],
        }
    )
    assert top_recipients(edges) == ["Kalonia", "Vesland"]


# --- Swapped-in articles: the answer and the hints follow the folder -------------------------


def test_swapped_articles_change_the_answer(swapped: Path):
    assert top_recipients() == ["Latvia"]
    assert check("06.1", "Latvia").ok
    assert check("06.1", " Latvia ").ok  # stray spaces are forgiven


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Estonia", "starts the most events"),  # the top sender, not the top recipient
        ("", "empty recipient"),  # the most common recipient of the timeline is none
        ("Lithuania", "never a recipient"),  # an actor that receives nothing
        ("Vesland", "not in the edges table"),  # a name of no edge
        ("Latvia, Estonia", "not in the edges table"),
        (["Latvia"], "not a collection"),
        (4, "as text"),  # how many events Latvia receives, not its name
    ],
)
def test_each_hint_fires_on_swapped_articles(swapped: Path, answer, expected):
    feedback = check("06.1", answer)
    assert feedback.status == "wrong"
    assert expected in feedback.message, feedback.message
    assert "Latvia" not in feedback.message


def test_counting_rows_instead_of_events_gets_its_hint(tmp_path, monkeypatch):
    # Kalonia gets three events from one actor; Vesland one each from two actors: Vesland has
    # more rows in the edges table, Kalonia more events.
    frame = pd.DataFrame(
        {
            "actor": ["Estonia", "Estonia", "Estonia", "Finland", "Latvia"],
            "recipient": ["Kalonia", "Kalonia", "Kalonia", "Vesland", "Vesland"],
            "source": ["x"] * 5,
        }
    )

    class Result:
        timeline = frame

    monkeypatch.setattr(corpus_checks, "course_corpus", lambda: Result())
    assert check("06.1", "Kalonia").ok
    assert "counted rows" in check("06.1", "Vesland").message
    assert "starts the most" in check("06.1", "Estonia").message
