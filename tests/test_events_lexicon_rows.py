"""Rows of the event lexicons (``data/lexicons``) at work, one test per row or group of rows.

Each sentence is made up (invented states Vesland, Kalonia and Ruritania, an invented group
and invented people), and the expected type, actor, recipient and date are written by
reading it: without the row the test names, the sentence gives another answer. The articles
are published on Friday 3 February 2023, so "on Monday" is 2023-01-30, "on Tuesday"
2023-01-31 and "next week" the ISO week 2023-W06.
"""

from __future__ import annotations

import pytest
from test_events_generalise import coded, make

from course_utils.events import find_events

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


@pytest.mark.parametrize(
    "text, expected",
    [
        # synonyms of the words already listed, as reports of any outlet use them
        (
            "Vesland and Kalonia traded fire across the border on Monday.",
            ("ASSAULT", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Vesland's missiles hit a Kalonia port on Monday.",
            ("ASSAULT", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Northern Liberation Front fighters massacred Kalonia villagers on Monday.",
            ("ASSAULT", "Northern Liberation Front", "Kalonia", MONDAY),
        ),
        ("Vesland deplored Kalonia's arrests on Monday.", ("ACCUSE", "Vesland", "Kalonia", MONDAY)),
        (
            "Kalonia decried the Vesland blockade on Tuesday.",
            ("ACCUSE", "Kalonia", "Vesland", TUESDAY),
        ),
        ("Ruritania censured Vesland on Monday.", ("ACCUSE", "Ruritania", "Vesland", MONDAY)),
        (
            "Kalonia slammed Vesland's decision on Tuesday.",
            ("ACCUSE", "Kalonia", "Vesland", TUESDAY),
        ),
        # "hit out at" is criticism, not the blow of "hit"
        ("Kalonia hit out at Vesland on Monday.", ("ACCUSE", "Kalonia", "Vesland", MONDAY)),
        ("Vesland hailed Kalonia's decision on Monday.", ("SUPPORT", "Vesland", "Kalonia", MONDAY)),
        ("Ruritania applauded Kalonia on Monday.", ("SUPPORT", "Ruritania", "Kalonia", MONDAY)),
        ("Kalonia rebuffed Vesland's offer on Monday.", ("REJECT", "Kalonia", "Vesland", MONDAY)),
        (
            "Vesland spurned the Kalonia proposal on Tuesday.",
            ("REJECT", "Vesland", "Kalonia", TUESDAY),
        ),
        (
            "Vesland downgraded its relations with Kalonia on Monday.",
            ("SANCTION", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Kalonia ratified the border treaty with Vesland on Monday.",
            ("AGREE", "Kalonia", "Vesland", MONDAY),
        ),
        (
            "Vesland's forces disengaged from the front line on Monday.",
            ("RETREAT", "Vesland", "", MONDAY),
        ),
        (
            "Kalonia announced the disengagement of its troops on Monday.",
            ("RETREAT", "Kalonia", "", MONDAY),
        ),
        # "massing" (and "massed"): troops gathered near a front
        (
            "Vesland said on Monday that Kalonia's troops were massing near the border.",
            ("MOBILIZE", "Kalonia", "", MONDAY),
        ),
    ],
)
def test_synonyms(text, expected):
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # more words of the same kinds: force, detention, deployment, de-escalation
        (
            "Vesland and Kalonia skirmished along the border on Monday.",
            ("ASSAULT", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Two Vesland soldiers died in a skirmish with Kalonia's troops on Monday.",
            ("ASSAULT", "", "Kalonia", MONDAY),
        ),
        (
            "Two Vesland soldiers died in a firefight with Kalonia's troops on Monday.",
            ("ASSAULT", "", "Kalonia", MONDAY),
        ),
        ("Gunmen assassinated Jane Roe on Monday.", ("ASSAULT", "", "Jane Roe", MONDAY)),
        (
            "The assassination of Jane Roe on Monday shocked Vesland.",
            ("ASSAULT", "", "Jane Roe", MONDAY),
        ),
        ("Kalonia jailed Jane Roe on Monday.", ("COERCE", "Kalonia", "Jane Roe", MONDAY)),
        (
            "Kalonia amassed troops on the border with Vesland on Monday.",
            ("MOBILIZE", "Kalonia", "", MONDAY),
        ),
        (
            "Vesland redeployed its troops to the Kalonia border on Monday.",
            ("MOBILIZE", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "The Northern Liberation Front demobilized its fighters on Monday.",
            ("RETREAT", "Northern Liberation Front", "", MONDAY),
        ),
        ("Ruritania demobilised two brigades on Tuesday.", ("RETREAT", "Ruritania", "", TUESDAY)),
        (
            "Vesland and Kalonia carried out a prisoner swap on Monday.",
            ("RETREAT", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Vesland and Kalonia held a prisoner exchange on Monday.",
            ("RETREAT", "Vesland", "Kalonia", MONDAY),
        ),
        # words of diplomacy
        (
            "Jane Roe implored Kalonia on Monday to free the hostages.",
            ("REQUEST", "Jane Roe", "Kalonia", MONDAY),
        ),
        ("Vesland lambasted Kalonia on Monday.", ("ACCUSE", "Vesland", "Kalonia", MONDAY)),
        (
            "Kalonia lambasted the Vesland decision on Monday.",
            ("ACCUSE", "Kalonia", "Vesland", MONDAY),
        ),
        ("Ruritania castigated Vesland on Tuesday.", ("ACCUSE", "Ruritania", "Vesland", TUESDAY)),
        (
            "Kalonia repudiated the Vesland accord on Monday.",
            ("REJECT", "Kalonia", "Vesland", MONDAY),
        ),
        (
            "Vesland blacklisted three Kalonia banks on Monday.",
            ("SANCTION", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Jane Roe conferred with John Doe on Monday.",
            ("CONSULT", "Jane Roe", "John Doe", MONDAY),
        ),
        ("Ruritania commended Kalonia on Monday.", ("SUPPORT", "Ruritania", "Kalonia", MONDAY)),
        ("Vesland congratulated Kalonia on Tuesday.", ("SUPPORT", "Vesland", "Kalonia", TUESDAY)),
        ("Kalonia backed down on Monday.", ("CONCEDE", "Kalonia", "", MONDAY)),
        ("Vesland relented on Monday.", ("CONCEDE", "Vesland", "", MONDAY)),
        # "hunger strike" is read as a phrase before the verb "strike"
        (
            "Jane Roe began a hunger strike in Kalonia on Monday.",
            ("PROTEST", "Jane Roe", "", MONDAY),
        ),
    ],
)
def test_more_words_of_the_genre(text, expected):
    assert coded(text) == [expected]


def test_massing_troops_is_a_deployment_and_mass_protests_are_none():
    # the row is "massing" (and "massed"), so the adjective of "mass protests" stays out
    assert coded("Kalonia massed troops on the border with Vesland on Monday.") == [
        ("MOBILIZE", "Kalonia", "", MONDAY)
    ]
    assert coded("Thousands joined mass protests in Vesland on Monday.") == [
        ("PROTEST", "", "", MONDAY)
    ]


def test_a_trip_to_talks_is_one_visit_and_travel_agencies_are_none():
    # "travel to" is a phrase, so "travel agencies" stays a noun phrase
    assert coded(
        "Jane Roe is expected to travel to Kalonia next week for talks with John Doe."
    ) == [("CONSULT", "Jane Roe", "John Doe", "2023-W06")]
    assert coded("Vesland sanctioned Kalonia's travel agencies on Monday.") == [
        ("SANCTION", "Vesland", "Kalonia", MONDAY)
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
        # exchange + prisoners: people held released on both sides
        (
            "Vesland and Kalonia exchanged prisoners on Monday.",
            ("RETREAT", "Vesland", "Kalonia", MONDAY),
        ),
        # freeze + assets: a sanction
        (
            "Vesland froze the assets of Kalonia's central bank on Monday.",
            ("SANCTION", "Vesland", "Kalonia", MONDAY),
        ),
        # fire + tear gas: repression short of killing
        (
            "Kalonia's police fired tear gas at protesters on Monday.",
            ("COERCE", "Kalonia", "", MONDAY),
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


def test_the_object_decides():
    # close, seize, renew: with another object the row does not apply
    assert coded("Vesland closed its border crossings with Kalonia on Tuesday.") == [
        ("SANCTION", "Vesland", "Kalonia", TUESDAY)
    ]
    assert coded("Vesland closed the school on Monday.") == []
    assert coded("Kalonia seized the island from Vesland in 1974.") == [
        ("ASSAULT", "Kalonia", "Vesland", "1974")
    ]
    assert coded("Kalonia seized a Vesland tanker on Monday.") == [
        ("COERCE", "Kalonia", "Vesland", MONDAY)
    ]
    assert coded("Ruritania renewed the mandate of the Kalonia mission on Monday.") == [
        ("AGREE", "Ruritania", "Kalonia", MONDAY)
    ]
    # an accord renewed stays no event (the frame renew-refused codes its refusal)
    assert coded("Vesland said on Monday that it would renew the accord.") == []


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


# --- event_cues.csv ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # light verbs: the one who orders, approves or authorises an act does it
        (
            "Kalonia ordered the arrest of Jane Roe on Monday.",
            ("COERCE", "Kalonia", "Jane Roe", MONDAY),
        ),
        (
            "Vesland's parliament approved the deployment of troops to Kalonia on Monday.",
            ("MOBILIZE", "Vesland", "Kalonia", MONDAY),
        ),
        (
            "Kalonia authorised the deployment of troops to the border on Monday.",
            ("MOBILIZE", "Kalonia", "", MONDAY),
        ),
        (
            "Vesland's parliament authorized the arrest of Jane Roe on Monday.",
            ("COERCE", "Vesland", "Jane Roe", MONDAY),
        ),
    ],
)
def test_light_verbs_give_the_act_to_their_subject(text, expected):
    assert coded(text) == [expected]


# --- function_words.csv --------------------------------------------------------------------


def test_force_promised_until_a_demand_is_met_is_a_threat():
    # "until" opens a condition (kind ``if``): a hostile act after "would" is a threat
    assert coded(
        "Jane Roe said on Monday that Vesland would keep striking Kalonia until its troops"
        " left the border."
    ) == [("THREATEN", "Jane Roe", "Kalonia", MONDAY)]


# --- attribution.csv -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe confirmed on Monday that Kalonia had withdrawn its troops from Vesland.",
        "Jane Roe stressed on Monday that Kalonia had withdrawn its troops from Vesland.",
        "Jane Roe acknowledged on Monday that Kalonia had withdrawn its troops from Vesland.",
    ],
)
def test_speech_verbs_attribute_the_reported_act(text):
    # confirmed, stressed, acknowledged … report an act like "said": the act is Kalonia's,
    # the article has it from Jane Roe
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    columns = ["event_type", "actor", "recipient", "value", "attributed_to"]
    assert list(zip(*(table[c] for c in columns), strict=True)) == [
        ("RETREAT", "Kalonia", "Vesland", MONDAY, "Jane Roe")
    ]
