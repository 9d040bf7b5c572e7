"""The self-checks of notebook 03: every solution passes, every known wrong answer gets its
intended hint, placeholders count as not attempted, no hint gives the answer, and the
exercises agree with the course's own rules."""

from __future__ import annotations

import re

import pytest

from course_utils import exercises
from course_utils.actors import find_actors, is_place, title_actors
from course_utils.article import course_article
from course_utils.evaluate import load_key
from course_utils.exercises import check, exercise
from course_utils.exercises.actors import (
    CAPITAL_PHRASES,
    TITLE_SENTENCES,
    gazetteer_misses,
    metonymy_labels,
)
from course_utils.text import fold_quotes

IDS = ["03.1", "03.2", "03.3"]


def test_every_exercise_of_the_notebook_is_registered():
    ids = {ex.id for ex in exercises.all_exercises()}
    assert set(IDS) <= ids


def _shown_forms(answer):
    if isinstance(answer, str):
        return {answer, repr(answer)}
    shown = {repr(answer), str(answer), repr(sorted(answer)), ", ".join(map(str, answer))}
    if isinstance(answer, set):
        shown |= set(answer)  # no hint may name one of the actors to find
    return shown


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_hint_contains_the_answer(exercise_id):
    ex = exercise(exercise_id)
    shown = _shown_forms(ex.solution())
    for wrong, _ in ex.wrong_answers:
        message = ex.check(wrong).message
        assert not any(s in message for s in shown), message


# --- 03.2 ---------------------------------------------------------------------------------


def test_title_pattern_alternatives_are_accepted():
    assert check("03.2", r"Minister\s+([A-Z]\w+\s[A-Z]\w+)").ok
    assert check("03.2", re.compile(r"Minister ([A-Z][a-z]+ [A-Z][a-z]+)")).ok
    assert check(
        "03.2", r"(?:Prime|Foreign|Defense|Interior|Finance) Minister ([A-Z]\w+ [A-Z]\w+)"
    ).ok


def test_title_sentences_include_one_that_must_not_match():
    assert sum(name is None for _, name in TITLE_SENTENCES) >= 1
    assert sum(name is not None for _, name in TITLE_SENTENCES) >= 4


def test_the_course_title_rule_agrees_with_the_check_sentences():
    for sentence, name in TITLE_SENTENCES:
        found = title_actors(sentence)["actor"].tolist()
        assert found == ([name] if name else []), sentence


# --- 03.3 ---------------------------------------------------------------------------------


def test_metonymy_phrases_are_made_up():
    text = fold_quotes(course_article().text)
    assert len(CAPITAL_PHRASES) == len(metonymy_labels())
    for phrase in CAPITAL_PHRASES:
        assert fold_quotes(phrase) not in text, phrase


def test_metonymy_labels_agree_with_the_course_rule():
    for phrase, label in zip(CAPITAL_PHRASES, metonymy_labels(), strict=True):
        capital = re.search(r"Ankara|Tbilisi", phrase)
        assert capital, phrase
        assert is_place(phrase, capital.start(), capital.end()) == (label == "place"), phrase


def test_metonymy_has_both_labels():
    assert set(metonymy_labels()) == {"actor", "place"}


def test_metonymy_accepts_a_dict_and_ignores_case_and_spaces():
    by_phrase = dict(zip(CAPITAL_PHRASES, metonymy_labels(), strict=True))
    assert check("03.3", by_phrase).ok
    assert check("03.3", dict(enumerate(metonymy_labels()))).ok
    assert check("03.3", [f" {label.upper()} " for label in metonymy_labels()]).ok
    assert not check("03.3", {"held in Ankara": "place"}).ok


# --- 03.1 ---------------------------------------------------------------------------------


def test_gazetteer_misses_are_the_people_and_groups_of_the_key():
    key = load_key("actors")
    wanted = set(key.loc[key["kind"].isin(["person", "group"]), "actor"])
    assert gazetteer_misses() == wanted
    assert len(wanted) >= 5


def test_misses_accept_a_list_with_repeats():
    truth = sorted(gazetteer_misses())
    assert check("03.1", truth + truth[:2]).ok


def test_misses_do_not_accept_the_gazetteer_results():
    found = find_actors(course_article(), methods=["gazetteer"])
    assert not check("03.1", set(found["actor"])).ok


def test_misses_without_an_answer_key_say_what_to_do(monkeypatch):
    from course_utils.errors import AnswerKeyError
    from course_utils.exercises import actors as actors_ex

    def no_key():
        raise AnswerKeyError("there is no answer key key_actors.csv beside the article")

    monkeypatch.setattr(actors_ex, "_gazetteer_data", no_key)
    feedback = check("03.1", {"Someone"})
    assert feedback.status == "wrong"
    assert "needs the article's answer key" in feedback.message
