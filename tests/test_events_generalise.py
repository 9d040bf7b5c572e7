"""Event rules that generalise: each test names a rule of the event coder and checks it on
made-up sentences, with invented states (Vesland, Kalonia, Ruritania), an invented group
and invented people. The expected type, actor, recipient and date are written by reading
the sentence. The articles are published on Friday 3 February 2023, so "on Monday" is
2023-01-30 and "on Tuesday" 2023-01-31.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import make as make_with_names

from course_utils.article import Article
from course_utils.events import explain_events, find_events

NAMES = {
    "Vesland": "state",
    "Kalonia": "state",
    "Ruritania": "state",
    "Jane Roe": "person",
    "John Doe": "person",
    "Northern Liberation Front": "group",
}


def make(text: str) -> tuple[Article, pd.DataFrame]:
    """An article of one paragraph and a mention for every invented name in it."""
    return make_with_names(text, names=NAMES)


def coded(text: str) -> list[tuple[str, str, str, str]]:
    """(type, actor, recipient, date value) of every event of the text, in text order."""
    article, mentions = make(text)
    table = find_events(article, mentions=mentions)
    columns = ["event_type", "actor", "recipient", "value"]
    return list(zip(*(table[c] for c in columns), strict=True))


def explained(text: str) -> pd.DataFrame:
    article, mentions = make(text)
    return explain_events(article, mentions=mentions)


# --- year-modifier: a year inside a noun phrase dates that noun, not the clause ------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland suspended a 2019 trade accord with Kalonia on Tuesday.",
            ("SANCTION", "Vesland", "Kalonia", "2023-01-31"),
        ),
        (
            "On Monday Kalonia accused Vesland of breaking the 2020 truce.",
            ("ACCUSE", "Kalonia", "Vesland", "2023-01-30"),
        ),
        # a year after a preposition is the clause's own date
        (
            "Vesland suspended its trade accord with Kalonia in 2019.",
            ("SANCTION", "Vesland", "Kalonia", "2019"),
        ),
    ],
)
def test_year_modifier_is_not_the_date_of_the_clause(text, expected):
    assert coded(text) == [expected]


def test_year_modifier_only_date_borrows_from_the_sentence_before():
    text = (
        "Vesland expelled two Kalonian diplomats on Monday. "
        "Kalonia then suspended a 2019 trade accord with Vesland."
    )
    events = coded(text)
    assert events[-1] == ("SANCTION", "Kalonia", "Vesland", "2023-01-30")


def test_year_modifier_with_no_other_date_is_no_date():
    table = explained("Kalonia suspended a 2019 trade accord with Vesland.")
    row = table[table["trigger"] == "suspended"].iloc[0]
    assert row["decision"] == "dropped"
    assert "year-modifier" in row["reason"]


def test_year_modifier_is_named_in_the_rule():
    article, mentions = make("Vesland suspended a 2019 trade accord with Kalonia on Tuesday.")
    rule = find_events(article, mentions=mentions)["rule"].iloc[0]
    assert "year-modifier" in rule


# --- spokesperson: who makes a threat reported in speech -----------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a spokesperson speaks for the side the reported clause names
        (
            "Spokesman John Doe said on Monday that Vesland would respond to any incursion.",
            ("THREATEN", "John Doe", "", "2023-01-30"),
        ),
        (
            "Its spokeswoman, Jane Roe, told reporters on Tuesday that Kalonia would defend"
            " its ports.",
            ("THREATEN", "Jane Roe", "", "2023-01-31"),
        ),
        # a description that refers back is no name of its own: the one who speaks threatens
        (
            "John Doe told reporters on Monday that the movement would retaliate.",
            ("THREATEN", "John Doe", "", "2023-01-30"),
        ),
        # a state that says "it would …" threatens in its own name
        (
            "Ruritania said on Tuesday it would respond to any attack.",
            ("THREATEN", "Ruritania", "", "2023-01-31"),
        ),
        # anyone else who reports a side's threat only reports it: the side named threatens
        (
            "Jane Roe said on Monday that Kalonia would retaliate.",
            ("THREATEN", "Kalonia", "", "2023-01-30"),
        ),
    ],
)
def test_spokesperson_makes_the_threat_they_report(text, expected):
    assert coded(text) == [expected]


def test_spokesperson_is_named_in_the_rule():
    article, mentions = make("Spokesman John Doe said on Monday that Vesland would retaliate.")
    assert "spokesperson" in find_events(article, mentions=mentions)["rule"].iloc[0]


# --- unknown-subject: the speaker is no fallback for a clause with a subject of its own ----


def test_unknown_subject_of_a_reported_act_is_no_actor():
    article, mentions = make(
        "Vesland said on Monday that protesters had thrown stones at Kalonia's embassy."
    )
    table = find_events(article, mentions=mentions)
    row = table.iloc[0]
    assert (row["event_type"], row["actor"], row["recipient"], row["value"]) == (
        "ASSAULT", "", "Kalonia", "2023-01-30",
    )  # fmt: skip
    assert row["attributed_to"] == "Vesland"  # the speaker reports the act, not commits it
    assert "unknown-subject" in row["rule"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun after the speech verb is the speaker
        (
            "Vesland said on Monday it would send troops to Kalonia.",
            ("MOBILIZE", "Vesland", "Kalonia", "2023-01-30"),
        ),
        # a verb after "and" shares the speaker's subject
        (
            "Jane Roe said on Monday the vote was unfair and accused Kalonia of fraud.",
            ("ACCUSE", "Jane Roe", "Kalonia", "2023-01-30"),
        ),
        # a stance verb before "ready to" is no subject
        (
            "Ruritania said on Tuesday that it stood ready to help Kalonia.",
            ("AGREE", "Ruritania", "Kalonia", "2023-01-31"),
        ),
    ],
)
def test_unknown_subject_leaves_the_speaker_where_no_other_subject_is(text, expected):
    assert coded(text) == [expected]


# --- lexicon rows: triggers and verbs that are events with their object --------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # thanking is backing in words
        (
            "Vesland thanked Kalonia on Monday for its help.",
            ("SUPPORT", "Vesland", "Kalonia", "2023-01-30"),
        ),
        # leaving or entering another state's waters
        (
            "Kalonia's patrol ships left Vesland's territorial waters on Tuesday.",
            ("RETREAT", "Kalonia", "Vesland", "2023-01-31"),
        ),
        (
            "Kalonia's patrol ships entered the territorial waters around the islands on Monday.",
            ("MOBILIZE", "Kalonia", "", "2023-01-30"),
        ),
        # expelling residents is coercion, expelling an envoy a sanction
        (
            "Vesland began expelling undocumented migrants on Monday.",
            ("COERCE", "Vesland", "", "2023-01-30"),
        ),
        (
            "Vesland expelled Kalonia's ambassador on Monday.",
            ("SANCTION", "Vesland", "Kalonia", "2023-01-30"),
        ),
        # releasing people held, whoever they are
        (
            "Vesland released five nationals of Kalonia on Monday.",
            ("RETREAT", "Vesland", "Kalonia", "2023-01-30"),
        ),
        # declaring an accord void rejects it
        (
            "Kalonia declared the border accord void on Tuesday.",
            ("REJECT", "Kalonia", "", "2023-01-31"),
        ),
        # handing back land
        (
            "Vesland returned two border villages to Kalonia on Monday.",
            ("RETREAT", "Vesland", "Kalonia", "2023-01-30"),
        ),
    ],
)
def test_lexicon_rows_that_generalise(text, expected):
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe left Kalonia on Monday.",  # leaving a place is no retreat
        "Vesland returned fire on Monday.",  # returning fire hands nothing back
        "Kalonia declared a national holiday on Tuesday.",
    ],
)
def test_lexicon_rows_need_their_object(text):
    assert [e[0] for e in coded(text)] not in (["RETREAT"], ["REJECT"])


# --- time-anchor: a meeting named as the time of another act -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said on Monday after a meeting in Kalonia that the crisis was over.",
        "The border crossing reopened on Tuesday, days before a summit in Kalonia.",
        "The exchange was settled in August, after months of indirect talks in Ruritania.",
    ],
)
def test_time_anchor_meeting_is_no_event(text):
    table = explained(text)
    meetings = table[table["trigger"].isin(["meeting", "summit", "talks"])]
    assert list(meetings["decision"]) == ["dropped"]
    assert "time-anchor" in meetings["reason"].iloc[0]


def test_time_anchor_leaves_the_act_it_dates():
    text = "Vesland and Kalonia agreed on Monday to a truce, Ruritania said after talks."
    assert coded(text) == [("AGREE", "Vesland", "Kalonia", "2023-01-30")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a meeting with an actor of its own, or in no time phrase, stays an event
        (
            "Vesland and Kalonia held talks on Monday.",
            ("CONSULT", "Vesland", "Kalonia", "2023-01-30"),
        ),
        (
            "After a summit on Monday, Vesland offered aid to Kalonia.",
            ("AGREE", "Vesland", "Kalonia", "2023-01-30"),
        ),
    ],
)
def test_time_anchor_keeps_meetings_that_are_events(text, expected):
    assert expected in coded(text)


# --- lexicon rows: vowing to retaliate, ramming ---------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kalonia vowed to retaliate against Vesland on Monday.",
            [("THREATEN", "Kalonia", "Vesland", "2023-01-30")],
        ),
        (
            "A Vesland patrol boat was rammed by a Kalonia trawler on Tuesday.",
            [("ASSAULT", "Kalonia", "Vesland", "2023-01-31")],
        ),
        # what someone is accused of is no event of its own
        (
            "Kalonia accused Vesland on Monday of ramming a fishing boat.",
            [("ACCUSE", "Kalonia", "Vesland", "2023-01-30")],
        ),
    ],
)
def test_lexicon_rows_for_force(text, expected):
    assert coded(text) == expected


# --- relative-date: a relative clause's date dates its own act -------------------------------


def test_relative_date_does_not_date_the_main_clause():
    text = (
        "Vesland expelled two diplomats of Kalonia on Monday. "
        "Kalonia has sent troops to the border region, where rebels seized a town in May."
    )
    events = coded(text)
    # the deployment borrows Monday; "in May" dates only the seizure of the relative clause
    assert ("MOBILIZE", "Kalonia", "", "2023-01-30") in events


def test_relative_date_with_no_other_date_is_no_date():
    table = explained(
        "Kalonia has sent troops to the border region, where rebels seized a town in May."
    )
    row = table[table["trigger"] == "sent"].iloc[0]
    assert row["decision"] == "dropped"
    assert "relative-date" in row["reason"]


def test_relative_date_closed_by_a_comma_leaves_the_main_verb_its_own_date():
    text = "The Vesland army, which was founded in 1990, sent troops to the frontier on Monday."
    assert coded(text) == [("MOBILIZE", "Vesland", "", "2023-01-30")]


def test_unknown_subject_spares_the_speakers_own_people():
    text = "Kalonia said on Monday that its troops had shelled Vesland."
    assert coded(text) == [("ASSAULT", "Kalonia", "Vesland", "2023-01-30")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland and Kalonia opened a joint monitoring center on Monday.",
            [("COOPERATE", "Vesland", "Kalonia", "2023-01-30")],
        ),
        # "opened fire" stays an attack
        (
            "Vesland opened fire on a joint checkpoint on Monday.",
            [("ASSAULT", "Vesland", "", "2023-01-30")],
        ),
        # opening something of one's own is no cooperation
        ("Vesland opened a new embassy in Kalonia on Monday.", []),
    ],
)
def test_opening_something_joint_is_cooperation(text, expected):
    assert coded(text) == expected


def test_relative_date_is_not_passed_on_to_the_next_sentence():
    table = explained(
        "Vesland shelled the border towns, where rebels had seized a base in May. "
        "Vesland also blockaded the port of Kalonia."
    )
    row = table[table["trigger"] == "blockaded"].iloc[0]
    assert row["decision"] == "dropped"
    assert "no date" in row["reason"]


# --- present-tense: a verb in the present simple states a standing position -----------------


def test_present_tense_borrows_no_date():
    table = explained(
        "Vesland shelled Kalonia on Monday. "
        "Vesland accuses Kalonia of sheltering rebels, which Kalonia deny."
    )
    rows = table.set_index("trigger")
    assert rows.loc["shelled", "decision"] == "event"
    for trigger in ("accuses", "deny"):
        assert rows.loc[trigger, "decision"] == "dropped"
    assert "present-tense" in rows.loc["accuses", "reason"]


@pytest.mark.parametrize(
    "second, expected",
    [
        # a statement reported in the present is the dated statement of the speaker
        ("Jane Roe said Ruritania supports the truce.", ("SUPPORT", "Ruritania", "", "2023-01-30")),
        # the past tense, and the base form after "to" or a modal, are no present tense
        (
            "Ruritania accused Kalonia of sheltering rebels.",
            ("ACCUSE", "Ruritania", "Kalonia", "2023-01-30"),
        ),
        ("Ruritania said it would deploy troops.", ("MOBILIZE", "Ruritania", "", "2023-01-30")),
    ],
)
def test_present_tense_spares_reported_speech_and_other_forms(second, expected):
    assert expected in coded("Vesland shelled Kalonia on Monday. " + second)


# --- no-determiner: "no" in a noun trigger's phrase negates it ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vesland and Kalonia have held no leaders' summit since November.",
        "Ruritania has had no formal talks with Kalonia since 2019.",
    ],
)
def test_no_determiner_negates_a_noun_trigger(text):
    table = explained(text)
    assert coded(text) == []
    assert table["reason"].str.contains("no-determiner").all()


def test_no_determiner_keeps_a_meeting_held():
    assert coded("Vesland and Kalonia held a summit on Monday.") == [
        ("CONSULT", "Vesland", "Kalonia", "2023-01-30")
    ]


# --- prospect-modal: a meeting that "could" follow is no event ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said on Monday that the deal could open the way to broader talks.",
        "The truce might pave the way for a summit between Vesland and Kalonia.",
    ],
)
def test_prospect_modal_drops_a_meeting_that_might_come(text):
    table = explained(text)
    assert coded(text) == []
    assert table["reason"].str.contains("prospect-modal").all()


@pytest.mark.parametrize(
    "text, expected",
    [
        # a meeting planned with "would" is the course's expected event, not a prospect
        (
            "Vesland said on Monday it would hold talks with Kalonia next week.",
            [("CONSULT", "Vesland", "Kalonia", "2023-W06")],
        ),
        # the month May is no modal
        (
            "Vesland and Kalonia agreed in May to talks.",
            [("AGREE", "Vesland", "Kalonia", "2022-05")],
        ),
    ],
)
def test_prospect_modal_spares_planned_meetings(text, expected):
    assert coded(text) == expected


# --- speech-coordination: a past verb after "and" joins the speech verb, not the modal ------


def test_speech_coordination_gives_the_speaker():
    text = (
        "Jane Roe said on Monday that Kalonia would decide for itself how to use the funds "
        "and denied that it had accepted any conditions."
    )
    assert coded(text) == [("REJECT", "Jane Roe", "", "2023-01-30")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the base form can share the modal: both acts are Kalonia's
        (
            "Jane Roe said on Monday that Kalonia would accept the plan and reject the rival one.",
            [("AGREE", "Kalonia", "", "2023-01-30"), ("REJECT", "Kalonia", "", "2023-01-30")],
        ),
        # no modal in the reported clause: the past verb may be the clause's own
        (
            "Vesland said on Monday that Kalonia had shelled the border and rejected a truce.",
            [("ASSAULT", "Kalonia", "", "2023-01-30"), ("REJECT", "Kalonia", "", "2023-01-30")],
        ),
    ],
)
def test_speech_coordination_spares_the_reported_clause(text, expected):
    assert coded(text) == expected


# --- risk-warning: a danger that "could" come, with no actor, is no threat -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Vesland warned on Monday that any miscalculation could trigger a wider war.",
        "Jane Roe warned on Monday that the fighting might push thousands into famine.",
    ],
)
def test_risk_warning_is_no_threat(text):
    table = explained(text).set_index("trigger")
    assert coded(text) == []
    assert "risk-warning" in table.loc["warned", "reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Vesland warned on Monday that Kalonia could face sanctions.",
        "Vesland warned on Monday that it could respond with force.",
    ],
)
def test_risk_warning_keeps_a_threat_to_an_actor(text):
    assert [row[:2] for row in coded(text)] == [("THREATEN", "Vesland")]


# --- negated-governor: a meeting whose verb is negated did not happen ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kalonia's commanders did not attend a border meeting on Monday.",
        "Vesland would not join the summit with Kalonia.",
    ],
)
def test_negated_governor_drops_the_noun(text):
    assert coded(text) == []
    reasons = explained(text)["reason"]
    assert reasons.str.contains("negated").all()


def test_negated_governor_keeps_a_meeting_attended():
    assert [row[0] for row in coded("Vesland attended a meeting with Kalonia on Monday.")] == [
        "CONSULT"
    ]


# --- light verbs "attend" and "join": the one who attends a meeting meets -----------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vesland attended a meeting with Kalonia on Monday.",
            ("CONSULT", "Vesland", "Kalonia", "2023-01-30"),
        ),
        ("Ruritania joined the talks on Monday.", ("CONSULT", "Ruritania", "", "2023-01-30")),
    ],
)
def test_attending_a_meeting_gives_its_actor(text, expected):
    assert coded(text) == [expected]


# --- time-gap in a phrase of three words: "vowed on Monday to retaliate" --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vesland vowed on Monday to retaliate against Kalonia.",
        "Vesland vowed to retaliate against Kalonia on Monday.",
    ],
)
def test_time_phrase_inside_a_long_verb_phrase(text):
    assert coded(text) == [("THREATEN", "Vesland", "Kalonia", "2023-01-30")]


# --- split-particle: a short object between a verb and its particle -------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kalonia turned the offer down on Monday.", ("REJECT", "Kalonia", "", "2023-01-30")),
        (
            "Vesland pulled its troops back from the border on Monday.",
            ("RETREAT", "Vesland", "", "2023-01-30"),
        ),
    ],
)
def test_split_particle_verb(text, expected):
    assert coded(text) == [expected]


def test_split_particle_needs_a_particle_of_the_phrase():
    assert coded("Vesland turned the page on Monday and went down to the border.") == []


# --- area-owner: entering an area named with its owner's possessive -------------------------


def test_area_owner_is_the_recipient():
    text = "Vesland's warships entered Kalonia's territorial waters on Monday."
    assert coded(text) == [("MOBILIZE", "Vesland", "Kalonia", "2023-01-30")]
    rules = explained(text)
    assert "area-owner" in " ".join(str(v) for v in rules.to_numpy().ravel())


def test_area_owner_needs_the_possessive_right_after_the_verb():
    text = "Vesland sent troops to its border on Monday."
    assert coded(text) == [("MOBILIZE", "Vesland", "", "2023-01-30")]


# --- after-clause: ", after …" starts a clause of an earlier act, with its own date ---------


def test_after_clause_has_its_own_date_and_roles():
    text = (
        "Vesland deployed 100 soldiers to its northern province on Tuesday, after at least "
        "20 men were killed in an ambush between rival clans on Monday, police said."
    )
    assert coded(text) == [
        ("MOBILIZE", "Vesland", "", "2023-01-31"),
        ("ASSAULT", "", "", "2023-01-30"),
    ]
