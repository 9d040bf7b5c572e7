"""Rows of the event lexicons (``data/lexicons``) at work, one test per row or group of rows.

Each sentence is made up (invented states Vesland, Kalonia and Ruritania, an invented group
and invented people), and the expected type, actor, recipient and date are written by
reading it: without the row the test names, the sentence gives another answer. The articles
are published on Friday 3 February 2023, so "on Monday" is 2023-01-30, "on Tuesday"
2023-01-31 and "next week" the ISO week 2023-W06.
"""

from __future__ import annotations

import pytest
from test_events_generalise import coded

MONDAY, TUESDAY = "2023-01-30", "2023-01-31"


# --- plover_triggers.csv: words of force and detention -----------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # stab: a knife attack, the victim's side named in the passive subject
        ("A Vesland border guard was stabbed on Monday.", ("ASSAULT", "", "Vesland", MONDAY)),
        # shoot (irregular "shot"), apart from the phrase "shot down"
        ("Kalonia's police shot two protesters on Tuesday.", ("ASSAULT", "Kalonia", "", TUESDAY)),
        # destroy: what a force destroys, said by its own side
        (
            "Vesland said its forces had destroyed two Kalonia drones on Monday.",
            ("ASSAULT", "Vesland", "Kalonia", MONDAY),
        ),
        # capture: a place taken by force
        (
            "The Northern Liberation Front captured an army base from Vesland on Monday.",
            ("ASSAULT", "Northern Liberation Front", "Vesland", MONDAY),
        ),
        # overrun (irregular "overran")
        (
            "Kalonia's army overran a Vesland border post on Tuesday.",
            ("ASSAULT", "Kalonia", "Vesland", TUESDAY),
        ),
        # abduct, kidnap: people taken by force are coded like a detention
        ("Gunmen abducted Jane Roe on Monday.", ("COERCE", "", "Jane Roe", MONDAY)),
        (
            "Four Vesland aid workers were kidnapped on Monday.",
            ("COERCE", "", "Vesland", MONDAY),
        ),
    ],
)
def test_force_and_detention_words(text, expected):
    assert coded(text) == [expected]


def test_an_invitation_to_talks_is_one_consultation_by_the_host():
    # invite: the talks after it are the same event, and the one who invites acts
    assert coded("Vesland has invited Kalonia to talks next week.") == [
        ("CONSULT", "Vesland", "Kalonia", "2023-W06")
    ]


# --- object_triggers.csv: a verb whose object decides --------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # close + a border or a mission: relations cut
        (
            "Vesland closed its border crossings with Kalonia on Tuesday.",
            ("SANCTION", "Vesland", "Kalonia", TUESDAY),
        ),
        # summon + an envoy: a formal complaint against the envoy's state
        (
            "Vesland summoned Kalonia's ambassador on Monday.",
            ("ACCUSE", "Vesland", "Kalonia", MONDAY),
        ),
        # return + fire: shooting back (the date first: "fire on" is a phrase of its own)
        ("On Monday, Vesland's troops returned fire.", ("ASSAULT", "Vesland", "", MONDAY)),
        # renew / extend + a mandate: the mission agreed to again
        (
            "Ruritania renewed the mandate of the Kalonia mission on Monday.",
            ("AGREE", "Ruritania", "Kalonia", MONDAY),
        ),
        (
            "Ruritania voted on Monday to extend the mandate of the Kalonia mission.",
            ("AGREE", "Ruritania", "Kalonia", MONDAY),
        ),
        # grant + asylum: backing; grant + candidate status: an agreement to take in
        (
            "Vesland granted Jane Roe political asylum on Tuesday.",
            ("SUPPORT", "Vesland", "Jane Roe", TUESDAY),
        ),
        (
            "Kalonia granted Vesland candidate status on Monday.",
            ("AGREE", "Kalonia", "Vesland", MONDAY),
        ),
        # seize + a place: taken by force
        (
            "Kalonia seized the island from Vesland in 1974.",
            ("ASSAULT", "Kalonia", "Vesland", "1974"),
        ),
        # fire + a water cannon: force used on a crew
        (
            "A Kalonia ship fired a water cannon at a Vesland boat on Monday.",
            ("ASSAULT", "Kalonia", "Vesland", MONDAY),
        ),
        # reach + a settlement: an agreement
        (
            "Vesland and Kalonia reached a settlement on Monday.",
            ("AGREE", "Vesland", "Kalonia", MONDAY),
        ),
    ],
)
def test_object_rows(text, expected):
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the object decides: a school closed or a ship seized is no cut in relations or attack
        ("Vesland closed the school on Monday.", []),
        ("Kalonia seized a Vesland tanker on Monday.", [("COERCE", "Kalonia", "Vesland", MONDAY)]),
        # an accord renewed stays no event (the frame renew-refused codes its refusal)
        ("Vesland said on Monday that it would renew the accord.", []),
    ],
)
def test_other_objects_keep_their_reading(text, expected):
    assert coded(text) == expected


# --- frames.csv ----------------------------------------------------------------------------


def test_a_promise_of_punishment_is_a_threat_by_the_speaker():
    # frame punish-modal: passive, after a modal, in reported speech
    assert coded("Jane Roe said on Monday that those behind the violence would be punished.") == [
        ("THREATEN", "Jane Roe", "", MONDAY)
    ]


def test_a_protest_to_a_state_is_an_accusation_and_a_street_protest_stays_a_protest():
    # frame protest-to: "protested to X" is a complaint to X (PLOVER's PROTEST is for crowds)
    assert coded("Vesland formally protested to Kalonia on Monday over the arrests.") == [
        ("ACCUSE", "Vesland", "Kalonia", MONDAY)
    ]
    assert coded("Thousands protested in Vesland on Monday.") == [
        ("PROTEST", "", "Vesland", MONDAY)
    ]


# --- function_words.csv --------------------------------------------------------------------


def test_force_promised_until_a_demand_is_met_is_a_threat():
    # "until" opens a condition (kind ``if``): a hostile act after "would" is a threat
    assert coded(
        "Jane Roe said on Monday that Vesland would keep striking Kalonia until its troops"
        " left the border."
    ) == [("THREATEN", "Jane Roe", "Kalonia", MONDAY)]
