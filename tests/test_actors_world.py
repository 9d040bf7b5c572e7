"""People found as readers find them, on made-up sentences (issue 8).

Every name, state and sentence here is invented for the tests; the expected values were
written by reading the sentences.
"""

from __future__ import annotations

import pytest

from course_utils.actors import actor_table, find_actors


def people(text: str) -> list[tuple[str, str]]:
    found = find_actors(text)
    return [(a, t) for a, k, t in found[["actor", "kind", "text"]].values if k == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks stalled, said Jane Roe, who leads the mission.", [("Jane Roe", "Jane Roe")]),
        ("Ten guards were hurt, said Tom Ash.", [("Tom Ash", "Tom Ash")]),
        ("The deal holds, according to Omar Sayed.", [("Omar Sayed", "Omar Sayed")]),
        ("The vote was fair, says Ivo Dan, a Vesland lawyer.", [("Ivo Dan", "Ivo Dan")]),
    ],
)
def test_a_name_after_a_speech_verb_is_a_person(text, expected):
    assert people(text) == expected


def test_the_person_after_a_speech_verb_is_found_again_by_surname():
    text = "The port is closed, said Mara Lind, a trader. Lind said the gates stay shut."
    assert people(text) == [("Mara Lind", "Mara Lind"), ("Mara Lind", "Lind")]


@pytest.mark.parametrize(
    "text",
    [
        "The army will withdraw, said Kalonia on Monday.",  # a state, one word
        "The border is open, said Western diplomats.",  # a description, not a name
        "Officials said Vesland would respond.",  # a state as the subject of a clause
        "Ships were seized, said Monday's report.",
    ],
)
def test_no_person_after_a_speech_verb_without_a_name(text):
    assert people(text) == []


def test_the_rule_is_recorded_for_each_person():
    found = find_actors("Nothing moved, said Jane Roe.")
    assert found.attrs["actors"]["Jane Roe"]["rule"] == "speech verb"
    table = actor_table(found)
    assert table.loc[table.actor == "Jane Roe", "title"].tolist() == [""]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Defence Minister Ana de la Paz arrived.", "Ana de la Paz"),
        ("Foreign Minister Ali bin Said Al Noor spoke.", "Ali bin Said Al Noor"),
        ("Envoy Pieter van der Berg left.", "Pieter van der Berg"),
        ("Interior Minister Nadir ul Hassan Kay met them.", "Nadir ul Hassan Kay"),
    ],
)
def test_names_with_particles_are_kept_whole(text, name):
    assert [a for a, _ in people(text)] == [name]


def test_a_coast_guard_belongs_to_its_state():
    found = find_actors("Kalonian officials said Russian coast guard ships left.")
    assert "Russia: coast guard" in found["actor"].tolist()


def test_an_armed_group_of_the_great_lakes_is_listed():
    found = find_actors("Vesland accused the FDLR of attacks near the border.")
    assert [tuple(r) for r in found[["actor", "kind"]].values] == [("FDLR", "organization")]


def test_a_later_mention_by_the_first_word_of_a_name_is_the_person():
    text = "Prime Minister Abiy Tadesse met the envoys. Abiy said talks would go on."
    assert people(text) == [("Abiy Tadesse", "Abiy Tadesse"), ("Abiy Tadesse", "Abiy")]


def test_a_family_name_written_first_is_found_again():
    text = "Foreign Minister Guo Wenli arrived in Kalonia on Monday. Guo met the envoys."
    assert people(text) == [("Guo Wenli", "Guo Wenli"), ("Guo Wenli", "Guo")]


@pytest.mark.parametrize(
    "text",
    [
        # a common word: it is also written in lower case
        "Envoy Will Ames arrived. Will the talks go on? Ames said they will.",
        # two people share the first word
        "President Ann Lee met Foreign Minister Ann Kay. Ann said no.",
        # the word begins another, longer name
        "Minister Omar Sayed spoke. Omar Hadi, a rebel commander, left.",
    ],
)
def test_the_first_word_is_not_taken_when_it_may_be_something_else(text):
    found = find_actors(text)
    first_words = [t for t in found["text"] if t in ("Will", "Ann", "Omar")]
    assert first_words == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kalonia's minister of state for trade, Jane Roe, said talks went well.", "Jane Roe"),
        ("A spokesman for the Vesland interior ministry, Omar Sayed, denied it.", "Omar Sayed"),
    ],
)
def test_a_name_in_apposition_after_a_whole_title_phrase(text, name):
    assert [a for a, _ in people(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The minister of defence, in a statement, said no.",  # no name after the comma
        "The minister of trade, Kalonia said, was absent.",  # one word, a state
        "The envoy said, Jane Roe aside, that all agreed.",  # no preposition after the title
    ],
)
def test_no_person_after_a_title_phrase_without_a_name(text):
    assert people(text) == []


def test_a_state_acronym_owns_groups_and_institutions():
    found = find_actors("Two US citizens were freed, and the UK military said it helped.")
    assert found[["actor", "text"]].values.tolist() == [
        ["United States: citizens", "US citizens"],
        ["United Kingdom: military", "UK military"],
    ]


def test_fishermen_are_a_group_of_their_state():
    found = find_actors("Vietnamese fishermen were hurt near the reef.")
    assert found["actor"].tolist() == ["Vietnam: fishermen"]


def test_a_bare_congo_is_dr_congo_and_the_republic_keeps_its_own_names():
    text = (
        "Congo accused Vesland of backing the rebels. The Republic of Congo and the "
        "Democratic Republic of the Congo met, and DRC officials left."
    )
    found = find_actors(text)
    assert found[["actor", "text"]].values.tolist() == [
        ["DR Congo", "Congo"],
        ["Republic of the Congo", "Republic of Congo"],
        ["DR Congo", "Democratic Republic of the Congo"],
        ["DR Congo: officials", "DRC officials"],
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Chile's Joint Chiefs of Staff said the drills would go on.", "Chile: military"),
        ("The South African National Defence Force is stretched.", "South Africa: military"),
        ("A Finnish Border Guard vessel shadowed the tanker.", "Finland: border guard service"),
        ("Haiti's transitional council accused the donors.", "Haiti: transitional council"),
    ],
)
def test_institutions_named_in_news_of_any_region(text, actor):
    found = find_actors(text)["actor"].tolist()
    assert found == [actor]
