"""People named with no title: before a speech verb, or before a description of a person.

All sentences are made up; the names are invented.
"""

from __future__ import annotations

import pytest

from course_utils import find_actors


def _people(text: str) -> list[tuple[str, str]]:
    found = find_actors(text)
    rows = found[found["kind"] == "person"]
    return list(zip(rows["actor"], rows["text"], strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said the talks in the capital had failed.",
        "The talks failed. Jane Roe told reporters the team would return.",
        "On Monday, Jane Roe warned that the ceasefire was fragile.",
    ],
)
def test_a_name_before_a_speech_verb_is_a_person(text: str) -> None:
    assert ("Jane Roe", "Jane Roe") in _people(text)


def test_the_rule_is_visible_in_the_attrs() -> None:
    found = find_actors("Jane Roe said the border was closed.")
    assert found.attrs["actors"]["Jane Roe"]["rule"] == "name before speech verb"
    assert found.loc[found["actor"] == "Jane Roe", "method"].tolist() == ["title"]


@pytest.mark.parametrize(
    "text",
    [
        "Vesland Border Guards said the crossing was closed.",  # a group, not a person
        "The Kalonian Foreign Ministry said talks would resume.",  # an institution
        "Kalonia Rebels Said To Seize Northern Town In Overnight Raid",  # a headline
        "Officials from both sides said the talks would resume.",  # lower-case words
        "The spokesman for the mission said Jane was safe.",  # one word only
    ],
)
def test_no_person_where_the_words_before_the_verb_are_not_a_name(text: str) -> None:
    assert _people(text) == []


def test_a_state_before_a_speech_verb_stays_a_state() -> None:
    found = find_actors("Jane Roe left early. South Korea said it would respond.")
    assert "South Korea" in set(found["actor"])
    assert ("South Korea", "South Korea") not in _people(
        "Jane Roe left early. South Korea said it would respond."
    )


def test_an_appositive_that_describes_a_person_makes_a_person() -> None:
    text = "Sam Kay, a former police officer who leads a militia, was arrested on Friday."
    found = find_actors(text)
    assert ("Sam Kay", "Sam Kay") in _people(text)
    assert found.attrs["actors"]["Sam Kay"]["rule"] == "appositive"


@pytest.mark.parametrize(
    "text",
    [
        "Port Vell, a city on the northern coast, was shelled overnight.",
        "Red Hill, the main crossing point, was closed on Friday.",
    ],
)
def test_an_appositive_about_a_place_makes_no_person(text: str) -> None:
    assert _people(text) == []


def test_the_surname_later_is_the_same_person() -> None:
    text = "Jane Roe told reporters the border was closed. Roe did not say for how long."
    assert _people(text) == [("Jane Roe", "Jane Roe"), ("Jane Roe", "Roe")]


def test_part_of_a_longer_known_name_keeps_the_full_name() -> None:
    text = (
        "Foreign Minister Omar bin Said Al Kalon arrived in the capital. "
        "Al Kalon said the deal would hold."
    )
    actors = {actor for actor, _ in _people(text)}
    assert actors == {"Omar bin Said Al Kalon"}


# --- Groups and governments (same conventions as the keys) ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M23 rebels seized the town on Monday.", ("M23: rebels", "M23 rebels")),
        ("ELN fighters left the camp.", ("ELN: fighters", "ELN fighters")),
    ],
)
def test_an_organisation_with_a_role_noun_is_a_group(text: str, expected: tuple[str, str]) -> None:
    found = find_actors(text)
    assert expected in set(zip(found["actor"], found["text"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chad's military government rejected the plan.",
            ("Chad: government", "Chad's military government"),
        ),
        (
            "The Malian military regime said it would talk.",
            ("Mali: government", "Malian military regime"),
        ),
        (
            "The military government of Chad met the rebels.",
            ("Chad: government", "government of Chad"),
        ),
    ],
)
def test_a_military_government_is_the_government(text: str, expected: tuple[str, str]) -> None:
    found = find_actors(text)
    assert list(zip(found["actor"], found["text"], strict=True)) == [expected]


def test_the_military_alone_stays_the_military() -> None:
    found = find_actors("Chad's military said it would withdraw.")
    assert found["actor"].tolist() == ["Chad: military"]


# --- States that ISO 3166 lacks, and a party something is taken from ------------------------


def test_a_historic_state_is_an_actor_and_its_adjective_only_describes() -> None:
    found = find_actors("South Vietnam signed the accord. A South Vietnamese pilot flew home.")
    assert list(zip(found["actor"], found["text"], strict=True)) == [
        ("South Vietnam", "South Vietnam")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels captured the town from Chad last year.", ["Chad"]),
        ("China seized the islands from South Vietnam.", ["China", "South Vietnam"]),
        ("The convoy came from Chad on Monday.", []),
    ],
)
def test_from_after_a_verb_of_taking_names_a_party(text: str, expected: list[str]) -> None:
    assert find_actors(text)["actor"].tolist() == expected
