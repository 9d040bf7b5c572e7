"""Actor rules of the event coder, on made-up sentences (invented states Vesland, Kalonia
and Ruritania, an invented group and invented people). Each test names the rule it checks;
the expected type, actor and recipient are written by reading the sentence. The articles
are published on Friday 3 February 2023.
"""

from __future__ import annotations

import pytest
from test_events_generalise import coded


def _by_trigger_type(text: str, event_type: str) -> list[tuple[str, str]]:
    """(actor, recipient) of every event of the given type."""
    return [(actor, recipient) for kind, actor, recipient, _ in coded(text) if kind == event_type]


# --- closed-relative: ", which …," after the subject is not the subject --------------------


@pytest.mark.parametrize(
    "text, event_type, actor",
    [
        ("Kalonia, which borders Vesland, called on Monday for calm.", "REQUEST", "Kalonia"),
        ("Kalonia, who had long backed Vesland, on Monday accused Ruritania of spying.",
         "ACCUSE", "Kalonia"),
    ],
)  # fmt: skip
def test_a_closed_relative_clause_is_not_the_subject(
    text: str, event_type: str, actor: str
) -> None:
    found = _by_trigger_type(text, event_type)
    assert found and found[0][0] == actor


def test_a_verb_inside_the_relative_clause_keeps_its_own_subject() -> None:
    # "signed" is inside the relative clause: Vesland signed it.
    found = _by_trigger_type(
        "The accord, which Vesland signed with Kalonia on Monday, ends a long dispute.", "AGREE"
    )
    assert found and found[0][0] == "Vesland"


# --- chained light verb: "held a first round of talks", "issued statements of support" ------


def test_a_light_verb_before_a_noun_chain_gives_the_subject() -> None:
    found = _by_trigger_type(
        "Vesland and Kalonia held a first round of talks on Monday.", "CONSULT"
    )
    assert found and found[0][0] == "Vesland"


def test_statements_of_support_are_the_subjects_support() -> None:
    found = _by_trigger_type(
        "Vesland and Kalonia issued statements of support for Ruritania on Monday.", "SUPPORT"
    )
    assert found == [("Vesland", "Ruritania")]


def test_a_noun_chain_after_an_ordinary_verb_names_no_actor() -> None:
    # "reported" is no light verb: the report is not Vesland's own talks.
    found = _by_trigger_type("Vesland reported a second round of talks on Monday.", "CONSULT")
    assert all(actor != "Vesland" for actor, _ in found)


# --- claim-responsibility: the one who claims an attack made it ----------------------------


def test_claiming_responsibility_names_the_attacker() -> None:
    found = _by_trigger_type(
        "The Northern Liberation Front claimed responsibility for the attack on Monday.", "ASSAULT"
    )
    assert found and found[0][0] == "Northern Liberation Front"


# --- subordinate-subject: the subject of the clause that holds the trigger -----------------


@pytest.mark.parametrize(
    "text, event_type, actor",
    [
        ("Two Vesland nationals came home on Monday after Kalonia freed the hostages.",
         "RETREAT", "Kalonia"),
        ("Vesland closed its border on Monday because Kalonia had attacked a convoy.",
         "ASSAULT", "Kalonia"),
    ],
)  # fmt: skip
def test_the_subject_of_a_subordinate_clause_acts(text: str, event_type: str, actor: str) -> None:
    found = _by_trigger_type(text, event_type)
    assert found and found[0][0] == actor


# --- its-people: "Its fighters …" opening a sentence belong to the subject before -----------


def test_a_possessive_opening_refers_to_the_sentence_before() -> None:
    found = _by_trigger_type(
        "The Northern Liberation Front attacked Vesland on Monday. "
        "Its fighters captured a base on Tuesday, the group said.",
        "ASSAULT",
    )
    assert [actor for actor, _ in found] == ["Northern Liberation Front"] * 2


# --- the-two: "the two neighbours" refers to a joint subject before ------------------------


def test_the_two_refers_to_a_joint_subject_before() -> None:
    found = _by_trigger_type(
        "Vesland and Kalonia met on Monday. The two neighbours agreed on Tuesday to hold "
        "another meeting.",
        "AGREE",
    )
    assert found and found[0][0] == "Vesland"


@pytest.mark.parametrize(
    "text",
    [
        "Vesland and Kalonia met on Monday. Jane Roe said on Tuesday the two had agreed to "
        "hold another meeting.",
        "Vesland and Kalonia met on Monday. Jane Roe said on Tuesday the two had “in good "
        "faith” agreed to hold another meeting.",
    ],
)
def test_the_two_after_a_speech_verb_refers_back(text: str) -> None:
    found = _by_trigger_type(text, "AGREE")
    assert found and found[0][0] == "Vesland"


# --- joint-antecedent: "X and Y, which …," is X and Y: the first acts ----------------------


def test_a_relative_clause_after_a_joint_subject_gives_the_first() -> None:
    found = _by_trigger_type(
        "Vesland and Kalonia, which borders Ruritania, signed a deal on Monday.", "AGREE"
    )
    assert found and found[0][0] == "Vesland"


# --- unknown-agent: a passive whose "by" agent is no known actor has no actor ------------


def test_a_passive_by_an_unnamed_agent_has_no_actor() -> None:
    found = _by_trigger_type(
        "Vesland sent troops to its border on Monday after a soldier was stabbed by a man.",
        "ASSAULT",
    )
    assert found and found[0][0] == ""


# --- fronted-possessive: "At a summit of its leaders, X …" is X's summit ------------------


def test_a_fronted_phrase_with_its_belongs_to_the_subject_after_it() -> None:
    found = _by_trigger_type(
        "At a summit of its leaders in Ruritania on Monday, Kalonia offered to send monitors.",
        "CONSULT",
    )
    assert found and found[0][0] == "Kalonia"


# --- own-subject: a clause with a subject of its own that is no known actor ---------------


def test_a_clause_with_its_own_plain_subject_has_no_actor() -> None:
    found = _by_trigger_type(
        "Vesland rejected the plan on Monday, and opposition parties boycotted the vote.",
        "SANCTION",
    )
    assert found and found[0][0] == ""


def test_a_clause_with_no_subject_of_its_own_keeps_the_first() -> None:
    found = _by_trigger_type(
        "Vesland rejected the plan on Monday, and later boycotted the vote.", "SANCTION"
    )
    assert found and found[0][0] == "Vesland"


# --- reduced-relative: "an accord signed with Y" names no signer ---------------------------


def test_a_participle_after_its_noun_names_no_actor() -> None:
    found = _by_trigger_type(
        "Kalonia on Monday urged Vesland to respect the accord signed with Ruritania.", "AGREE"
    )
    assert found and found[0][0] == ""


# --- light-reported-subject: "said commanders would hold talks": the speaker only reports --


def test_talks_held_by_others_in_reported_speech_have_no_actor() -> None:
    found = _by_trigger_type(
        "Kalonia said on Monday that army commanders of both sides would hold talks next month.",
        "CONSULT",
    )
    assert found and found[0][0] == ""


def test_talks_the_speaker_will_hold_are_the_speakers() -> None:
    found = _by_trigger_type(
        "Kalonia said on Monday that it would hold talks with Vesland.", "CONSULT"
    )
    assert found and found[0][0] == "Kalonia"


# --- apposed-speaker: "X's spokeswoman, Jane Roe, said …": the person named speaks ---------


def test_a_spokeswoman_named_in_apposition_is_the_speaker() -> None:
    found = _by_trigger_type(
        "A Kalonia army spokeswoman, Jane Roe, said on Monday that the army would keep "
        "striking Vesland until it withdrew.",
        "THREATEN",
    )
    assert found and found[0][0] == "Jane Roe"


def test_a_person_named_as_an_object_is_not_the_speaker() -> None:
    found = _by_trigger_type(
        "Kalonia demanded Jane Roe's resignation on Monday and said it would hold another rally.",
        "REQUEST",
    )
    assert found and found[0][0] == "Kalonia"
