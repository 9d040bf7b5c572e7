"""The common event language of conflict and diplomacy reports, in made-up sentences.

Each test names a rule of the event coder (a lexicon row, a frame, an actor rule) and
checks it on sentences written for the test, with invented states (Vesland, Kalonia,
Ruritania), an invented organisation and invented people. The articles are published on
Friday 3 February 2023, so "on Monday" is 2023-01-30.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import make as make_with_names

from course_utils.article import Article, clean_article
from course_utils.events import explain_events, find_events

NAMES = {
    "Vesland": "state",
    "Kalonia": "state",
    "Ruritania": "state",
    "Jane Roe": "person",
    "Northern Liberation Front": "group",
    "Coastal Peace Support Mission": "organization",
}


def make(text: str) -> tuple[Article, pd.DataFrame]:
    """An article of one paragraph and a mention for every invented name in it."""
    return make_with_names(text, names=NAMES)


def coded(text: str) -> list[tuple[str, str, str]]:
    """(type, actor, recipient) of every event of the text, in text order."""
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    return list(zip(table["event_type"], table["actor"], table["recipient"], strict=True))


@pytest.mark.parametrize(
    "text, expected",
    [
        # fighting named by what is exchanged
        ("Vesland and Kalonia exchanged fire on Monday.", ("ASSAULT", "Vesland", "Kalonia")),
        # a diplomatic protest is an accusation; PLOVER's PROTEST is a demonstration
        ("Vesland lodged a protest with Kalonia on Monday.", ("ACCUSE", "Vesland", "Kalonia")),
        (
            "Ruritania filed a complaint against Kalonia on Monday.",
            ("ACCUSE", "Ruritania", "Kalonia"),
        ),
        # recalling an envoy reduces relations
        (
            "Vesland recalled its ambassador from Kalonia on Monday.",
            ("SANCTION", "Vesland", "Kalonia"),
        ),
        ("Vesland and Kalonia reached a deal on Monday.", ("AGREE", "Vesland", "Kalonia")),
        ("Vesland activated its reserve units on Monday.", ("MOBILIZE", "Vesland", "")),
        ("Kalonia sent food and medicine to Ruritania on Monday.", ("AID", "Kalonia", "Ruritania")),
        ("Vesland eased its sanctions on Kalonia on Monday.", ("CONCEDE", "Vesland", "Kalonia")),
        ("Kalonia freed six hostages on Monday.", ("RETREAT", "Kalonia", "")),
    ],
)
def test_verbs_that_are_events_with_their_object(text, expected):
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland on Monday carried out an airstrike on Kalonia.",
            ("ASSAULT", "Vesland", "Kalonia"),
        ),
        (
            "Vesland on Monday launched a drone strike on Kalonia.",
            ("ASSAULT", "Vesland", "Kalonia"),
        ),
        ("Kalonia on Monday lifted the siege of the port.", ("CONCEDE", "Kalonia", "")),
        ("Vesland on Monday imposed an embargo on Kalonia.", ("SANCTION", "Vesland", "Kalonia")),
        ("Vesland on Monday rejected the allegation.", ("REJECT", "Vesland", "")),
        (
            "Kalonia on Monday alleged that Vesland had armed the rebels.",
            ("ACCUSE", "Kalonia", "Vesland"),
        ),
    ],
)
def test_nouns_and_verbs_of_the_common_event_language(text, expected):
    assert coded(text) == [expected]


def test_a_phrase_noun_takes_its_target_after_its_last_word():
    """ "a drone strike on X": the preposition follows "strike", the phrase's last word; in
    reported speech "it" after the speech verb is the speaker, who acts."""
    text = "The Northern Liberation Front said on Monday it carried out a drone strike on Vesland."
    assert coded(text) == [("ASSAULT", "Northern Liberation Front", "Vesland")]


def test_a_pledge_to_defend_against_any_attack_is_a_conditional_threat():
    text = "Kalonia said on Monday it would defend the country against any attack."
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    assert list(table["event_type"]) == ["THREATEN"]
    assert table["actor"].iloc[0] == "Kalonia"
    assert "frame defend-modal" in table["rule"].iloc[0]


def test_a_trigger_word_inside_a_name_is_no_event():
    text = "The Coastal Peace Support Mission said on Monday that Kalonia had shelled the port."
    article, mentions = make(text)
    explained = explain_events(article, mentions=mentions)
    support = explained[explained["trigger"] == "Support"].iloc[0]
    assert support["decision"] == "dropped"
    assert support["reason"].startswith("part of a name")
    assert coded(text) == [("ASSAULT", "Kalonia", "")]


@pytest.mark.parametrize(
    "text, request_actor",
    [
        # the subject of "accused" is the sentence before's; "Vesland" is only its object
        (
            "Ruritania met Kalonia on Monday. It accused Vesland of shelling the town and "
            "called on Kalonia to halt the work.",
            "Ruritania",
        ),
        # an unnamed subject ("officials") leaves both verbs without an actor
        (
            "On Monday, officials in the capital accused Vesland of shelling the town and "
            "called on Kalonia to help.",
            "",
        ),
        # a subject of its own after "and" is that verb's actor
        (
            "Ruritania accused Vesland on Monday of shelling the town, and Kalonia called on "
            "Vesland to stop.",
            "Kalonia",
        ),
    ],
)
def test_a_verb_after_and_shares_the_subject_of_the_verb_before(text, request_actor):
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    request = table[table["event_type"] == "REQUEST"].iloc[0]
    assert request["actor"] == request_actor
    assert request["actor"] != "Vesland"


def explained(text: str) -> dict[str, tuple[str, str]]:
    """trigger → (decision, reason) for every candidate trigger of the text's body."""
    article, mentions = make(text)
    table = explain_events(article, mentions=mentions)
    table = table[table["sentence"] > 0]
    return {
        t: (d, r)
        for t, d, r in zip(table["trigger"], table["decision"], table["reason"], strict=True)
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland agreed on Monday to deploy troops to Kalonia.",
            [("MOBILIZE", "Vesland", "Kalonia")],
        ),
        ("Vesland agreed on Monday to activate a standby force.", [("MOBILIZE", "Vesland", "")]),
        # a friendly act agreed to stays an agreement, and so does sending peacekeepers
        (
            "Vesland agreed on Monday to send peacekeepers to Kalonia.",
            [("AGREE", "Vesland", "Kalonia")],
        ),
        ("Vesland agreed on Monday to meet Kalonia.", [("AGREE", "Vesland", "Kalonia")]),
    ],
)
def test_a_hostile_act_agreed_to_is_that_act(text, expected):
    assert coded(text) == expected
    if expected[0][0] != "AGREE":
        decision, reason = explained(text)["agreed"]
        assert decision == "dropped" and reason.startswith("part of an act")


@pytest.mark.parametrize(
    "text, event, content",
    [
        (
            "Vesland on Monday denied that it had accepted any conditions.",
            ("REJECT", "Vesland", ""),
            "accepted",
        ),
        (
            "Kalonia on Monday alleged that Vesland had shelled the port.",
            ("ACCUSE", "Kalonia", "Vesland"),
            "shelled",
        ),
    ],
)
def test_what_a_denial_or_an_allegation_says_is_no_event(text, event, content):
    assert coded(text) == [event]
    decision, reason = explained(text)[content]
    assert decision == "dropped" and "denial or an allegation" in reason


def test_a_report_of_what_someone_did_is_still_their_act():
    """Said, not denied or alleged: the reported act is an event, attributed to the speaker."""
    article, mentions = make("Jane Roe said on Monday that Vesland had shelled the port.")
    table = find_events(article, mentions=mentions)
    assert list(zip(table["event_type"], table["actor"], table["attributed_to"], strict=True)) == [
        ("ASSAULT", "Vesland", "Jane Roe")
    ]


def test_a_relative_clause_in_the_present_perfect_is_background():
    text = (
        "Vesland and Kalonia agreed on Monday to a ceasefire in the north, "
        "where rebels have seized three towns."
    )
    assert coded(text) == [("AGREE", "Vesland", "Kalonia")]
    decision, reason = explained(text)["seized"]
    assert decision == "dropped" and "present perfect" in reason


def test_a_relative_clause_with_a_date_of_its_own_is_an_event():
    text = "Vesland on Monday praised Kalonia, which has blockaded the port since 2020."
    assert ("COERCE", "Kalonia", "") in coded(text)


def test_the_speaker_after_a_description_set_off_by_commas_makes_the_threat():
    text = (
        "Jane Roe, a former officer who leads an armed group, said on Sunday that his fighters "
        "would attack Kalonia if it entered the district."
    )
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    assert list(zip(table["event_type"], table["actor"], table["recipient"], strict=True)) == [
        ("THREATEN", "Jane Roe", "Kalonia")
    ]
    assert table["attributed_to"].iloc[0] == "Jane Roe"


def test_the_reason_a_rejection_gives_is_no_event():
    text = "Vesland rejected the charge on Friday, saying it had provided aid to Kalonia."
    assert coded(text) == [("REJECT", "Vesland", "")]
    assert explained(text)["provided"][0] == "dropped"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kalonia said on Friday that it would not tolerate attacks on its ports.",
            [("THREATEN", "Kalonia", "")],
        ),
        (
            "Vesland said on Friday it stood with Kalonia and would send more ships to the coast.",
            [("SUPPORT", "Vesland", "Kalonia"), ("MOBILIZE", "Vesland", "")],
        ),
    ],
)
def test_warnings_backing_and_deployments_of_ships(text, expected):
    assert coded(text) == expected


def test_a_state_is_no_recipient_of_its_own_institution():
    """The authorities of Vesland seize a tanker; "Vesland" later in the clause names a
    place of their own side, not whom the act is aimed at."""
    text = "Officials on Friday seized a tanker near a cable that links Vesland and Kalonia."
    article = clean_article("Test headline\n\n" + text, "2023-02-03")
    rows = []
    for actor, name in [("Vesland: authorities", "Officials"), ("Vesland", "Vesland")]:
        start = article.text.find(name)
        rows.append((actor, "state", name, start, start + len(name), 1, "test"))
    columns = ["actor", "kind", "text", "start", "end", "sentence", "method"]
    table = find_events(article, mentions=pd.DataFrame(rows, columns=columns))
    assert list(zip(table["event_type"], table["actor"], table["recipient"], strict=True)) == [
        ("COERCE", "Vesland: authorities", "")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland officers boarded a boat on Sunday and beat its crew.",
            [("ASSAULT", "Vesland", "")],
        ),
        (
            "Vesland officers on Sunday confiscated the equipment of Kalonia fishermen.",
            [("COERCE", "Vesland", "Kalonia")],
        ),
        ("Vesland on Wednesday ordered troops to secure the port.", [("MOBILIZE", "Vesland", "")]),
    ],
)
def test_violence_seizures_and_orders_to_troops(text, expected):
    assert coded(text) == expected


def test_two_parties_that_hold_talks_are_actor_and_recipient():
    assert coded("Vesland and Kalonia held talks in the capital on Wednesday.") == [
        ("CONSULT", "Vesland", "Kalonia")
    ]
    assert coded("Vesland held talks in the capital on Wednesday.") == [("CONSULT", "Vesland", "")]
