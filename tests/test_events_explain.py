"""The event pipeline's explain mode, frames and the typical failures of issue 9.

Every sentence is made up (invented states Vesland, Kalonia, Ruritania; the person Jane
Roe; the organisation Northern Union) with hand-built actor mentions, so the tests do not
depend on the actor finder. The articles are published on Friday 3 February 2023, so "on
Monday" is 2023-01-30.
"""

from __future__ import annotations

import datetime as dt
import time

import pandas as pd
from test_events import make as make_with_names

from course_utils import explain_events as lazy_explain_events
from course_utils.article import clean_article
from course_utils.events import (
    EVENT_COLUMNS,
    EXPLAIN_COLUMNS,
    TIMELINE_COLUMNS,
    build_timeline,
    explain_events,
    find_events,
    load_lexicon,
)

FRIDAY = dt.date(2023, 2, 3)
NAMES = {
    "Vesland": "state",
    "Kalonia": "state",
    "Ruritania": "state",
    "Jane Roe": "person",
    "Northern Union": "organization",
    "Free Kalonia Front": "group",
}


def make(*paragraphs: str):
    return make_with_names(*paragraphs, names=NAMES)


def coded(*paragraphs: str) -> list[tuple[str, str, str, str]]:
    article, mentions = make(*paragraphs)
    table = find_events(article, mentions=mentions)
    return list(
        zip(table["event_type"], table["actor"], table["recipient"], table["value"], strict=True)
    )


def explained(*paragraphs: str) -> pd.DataFrame:
    article, mentions = make(*paragraphs)
    return explain_events(article, mentions=mentions)


def test_explain_columns_and_the_lazy_export():
    table = explained("Vesland did not meet Kalonia on Monday.")
    assert list(table.columns) == EXPLAIN_COLUMNS
    assert lazy_explain_events is explain_events
    assert "rule" in EVENT_COLUMNS and TIMELINE_COLUMNS[-1] == "rule"


def test_explain_names_a_negation():
    table = explained("Vesland did not meet Kalonia on Monday.")
    assert table["decision"].tolist() == ["dropped"]
    assert "negated" in table["reason"].iloc[0]


def test_explain_keeps_and_drops_with_reasons():
    table = explained("If Vesland attacks, Kalonia will respond.", "Vesland met Kalonia on Monday.")
    kept = table[table["decision"] == "event"]
    assert kept["trigger"].tolist() == ["met"]
    assert kept["reason"].tolist() == [""]
    dropped = table[table["decision"] == "dropped"]
    assert "attacks" in dropped["trigger"].tolist()
    assert all(dropped["reason"].str.len() > 0)


def test_every_event_has_a_rule_naming_trigger_and_actor():
    article, mentions = make("Vesland accused Kalonia on Monday of shelling the border.")
    events = find_events(article, mentions=mentions)
    assert len(events) == 1
    rule = events["rule"].iloc[0]
    assert rule.startswith("trigger accuse/verb→ACCUSE")
    assert "actor: subject of its clause" in rule
    assert "recipient:" in rule
    timeline = build_timeline(article, mentions=mentions)
    assert timeline["rule"].tolist() == events["rule"].tolist()


def test_explain_lists_exactly_the_events_find_events_keeps():
    paragraphs = (
        "Vesland met Kalonia on Monday. Kalonia did not agree to the plan on Tuesday.",
        "Jane Roe said on Wednesday that Vesland had attacked Kalonia.",
    )
    article, mentions = make(*paragraphs)
    table = explain_events(article, mentions=mentions)
    events = find_events(article, mentions=mentions)
    kept = table[table["decision"] == "event"]
    assert kept["start"].tolist() == events["start"].tolist()


def test_reported_speech_keeps_the_roles_of_the_reported_clause():
    # the speaker is the source, not the attacker
    article, mentions = make(
        "Kalonia's army said on Monday that Vesland had fired missiles at its bases."
    )
    events = find_events(article, mentions=mentions)
    assert events[["event_type", "actor", "attributed_to"]].values.tolist() == [
        ["ASSAULT", "Vesland", "Kalonia"]
    ]


def test_a_modal_response_is_a_threat_and_any_attack_no_attack():
    assert coded("Jane Roe said on Monday that Ruritania would respond to any attack.") == [
        ("THREATEN", "Ruritania", "", "2023-01-30")
    ]


def test_refusing_to_apply_a_measure_is_a_rejection():
    # the rejection is aimed at the bloc whose measure it refuses
    assert coded("Ruritania said on Monday it would not apply the Northern Union's sanctions.") == [
        ("REJECT", "Ruritania", "Northern Union", "2023-01-30")
    ]


def test_a_deadline_is_an_ultimatum_of_the_giver():
    # the one given the deadline is the recipient; the one to be reinstated is no actor
    assert coded("The Northern Union on Monday gave Vesland a week to reinstate Jane Roe.") == [
        ("THREATEN", "Northern Union", "Vesland", "2023-01-30")
    ]


def test_an_event_takes_the_date_of_its_own_clause():
    rows = coded("Talks with Kalonia failed on Tuesday, and Vesland shelled Kalonia on Thursday.")
    assert ("ASSAULT", "Vesland", "Kalonia", "2023-02-02") in rows


def test_a_pronoun_refers_back_to_the_person_before():
    rows = coded("Jane Roe visited Kalonia on Monday. She said she remained ready to host talks.")
    assert rows == [
        ("CONSULT", "Jane Roe", "Kalonia", "2023-01-30"),
        ("AGREE", "Jane Roe", "", "2023-01-30"),
    ]


def test_a_rejected_date_borrows_no_other_date():
    table = explained("Vesland shelled Kalonia on Monday. Kalonia accused Vesland on 31 February.")
    accused = table[table["trigger"] == "accused"]
    assert accused["decision"].tolist() == ["dropped"]
    assert "calendar" in accused["reason"].iloc[0]


def test_frames_are_read_from_the_lexicon():
    frames = load_lexicon().frames
    assert {f.event_type for f in frames["apply"]} == {"REJECT"}
    assert all(f.polarity == "negated" for f in frames["apply"])


def test_a_frame_verb_with_no_fitting_frame_is_dropped_with_its_reason():
    table = explained("Ruritania said on Monday it would apply the new rules.")
    applied = table[table["trigger"] == "apply"]
    assert applied["decision"].tolist() == ["dropped"]
    assert "no frame" in applied["reason"].iloc[0]


def test_events_run_in_linear_time():
    paragraph = "Vesland met Kalonia on Monday. Jane Roe did not attack Ruritania on Tuesday. "
    small = clean_article("Headline\n\n" + paragraph * 200, FRIDAY)
    large = clean_article("Headline\n\n" + paragraph * 800, FRIDAY)
    empty = pd.DataFrame(columns=["actor", "kind", "text", "start", "end", "sentence"])
    times = []
    for article in (small, large):
        began = time.perf_counter()
        find_events(article, mentions=empty)
        times.append(time.perf_counter() - began)
    assert times[1] < times[0] * 4 * 2.5  # four times the text, well under sixteen times the time


def test_he_or_she_opening_a_sentence_is_the_person_before_and_speaks():
    article, mentions = make(
        "Jane Roe arrived in Kalonia on Monday. She said she was ready to host talks."
    )
    events = find_events(article, mentions=mentions)
    agree = events[events["event_type"] == "AGREE"]
    assert agree[["actor", "attributed_to", "value"]].values.tolist() == [
        ["Jane Roe", "Jane Roe", "2023-01-30"]
    ]


def test_the_junta_is_the_state_named_before():
    rows = coded(
        "Vesland's army seized power on Monday. "
        "The junta rejected the demands of the Northern Union on Tuesday."
    )
    assert ("REJECT", "Vesland", "Northern Union", "2023-01-31") in rows


def test_the_group_is_the_group_named_before():
    rows = coded(
        "The Free Kalonia Front marched through the capital on Monday. "
        "The group accused Vesland on Tuesday of torture."
    )
    assert ("ACCUSE", "Free Kalonia Front", "Vesland", "2023-01-31") in rows


def test_who_calls_a_protest_acts():
    # "call" is a light verb: the noun after it is the act of its subject
    assert coded("The Free Kalonia Front called a protest on Monday.") == [
        ("PROTEST", "Free Kalonia Front", "", "2023-01-30")
    ]


def test_refusing_to_extend_an_accord_is_a_rejection_and_extending_is_no_event():
    assert coded("Vesland said on Monday that it would not extend the accord.") == [
        ("REJECT", "Vesland", "", "2023-01-30")
    ]
    assert coded("Vesland said on Monday that it would extend the accord.") == []


def test_shooting_down_an_aircraft_is_an_assault():
    assert coded("Vesland shot down a Kalonia helicopter on Monday.") == [
        ("ASSAULT", "Vesland", "Kalonia", "2023-01-30")
    ]
