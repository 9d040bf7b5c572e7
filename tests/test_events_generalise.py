"""Event rules that generalise: each test names a rule of the event coder and checks it on
made-up sentences, with invented states (Vesland, Kalonia, Ruritania), an invented group
and invented people. The expected type, actor, recipient and date are written by reading
the sentence. The articles are published on Friday 3 February 2023, so "on Monday" is
2023-01-30 and "on Tuesday" 2023-01-31.
"""

from __future__ import annotations

import pandas as pd
import pytest

from course_utils.article import clean_article
from course_utils.events import explain_events, find_events

PUBLISHED = "2023-02-03"

NAMES = {
    "Vesland": "state",
    "Kalonia": "state",
    "Ruritania": "state",
    "Jane Roe": "person",
    "John Doe": "person",
    "Northern Liberation Front": "group",
}


def make(text: str) -> tuple[object, pd.DataFrame]:
    """An article of one paragraph and a mention for every invented name in it."""
    article = clean_article("Test headline\n\n" + text, PUBLISHED)
    rows = []
    for name, kind in NAMES.items():
        start = article.text.find(name)
        while start >= 0:
            end = start + len(name)
            rows.append((name, kind, name, start, end, article.sentence_of(start), "test"))
            start = article.text.find(name, end)
    columns = ["actor", "kind", "text", "start", "end", "sentence", "method"]
    return article, pd.DataFrame(rows, columns=columns)


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
