"""Dates written in other outlets' styles, resolved against the publication date.

Made-up sentences; each expected value is worked out by hand from the publication date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from course_utils.article import clean_article
from course_utils.dates import explain_dates, find_dates, resolve

PUBLISHED = dt.date(2024, 1, 20)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # a weekday with its date is one expression; the date gives the value
        ("The envoys met on Tuesday (Jan 9) in Ostrava.", "Tuesday (Jan 9)", "2024-01-09"),
        ("Talks ended on Sunday, January 14, officials said.", "Sunday, January 14", "2024-01-14"),
        ("The truce began on Friday 12 January.", "Friday 12 January", "2024-01-12"),
        ("Vesland voted on Tuesday, January 9, 2024.", "Tuesday, January 9, 2024", "2024-01-09"),
        # figures: day first, unless the first number cannot be a month's day and the second can
        ("The decree is dated 13/01/2024.", "13/01/2024", "2024-01-13"),
        ("The decree is dated 01/13/2024.", "01/13/2024", "2024-01-13"),
        # a day of the month: the publication month, or the month before in the past tense
        ("The convoy was attacked on the 13th, the army said.", "the 13th", "2024-01-13"),
        ("The convoy was attacked on the 25th, the army said.", "the 25th", "2023-12-25"),
        # older years after a preposition, a year listed after another, a year before a noun
        ("Kalonia has been independent since 1853.", "1853", "1853"),
        ("Referendums were held in 2018 and 2020.", "2020", "2020"),
        ("Critics compared it to a 2012 Vesland law.", "2012", "2012"),
        ("Fighting resumed in mid-January.", "mid-January", "2024-01"),
        ("Shelling intensified earlier this month.", "earlier this month", "2024-01"),
    ],
)
def test_dates_in_other_styles(sentence: str, text: str, value: str) -> None:
    article = clean_article(f"Talks In Vesland\n\n{sentence}\n", PUBLISHED)
    found = find_dates(article)
    assert (text, value) in set(zip(found["text"], found["value"], strict=True)), found


def test_a_weekday_with_its_date_is_not_counted_twice() -> None:
    article = clean_article("Talks In Vesland\n\nThe envoys met on Tuesday (Jan 9).\n", PUBLISHED)
    assert list(find_dates(article)["text"]) == ["Tuesday (Jan 9)"]


def test_explain_dates_names_the_rule_of_a_date_in_figures() -> None:
    article = clean_article("Talks In Vesland\n\nThe decree is dated 13/01/2024.\n", PUBLISHED)
    table = explain_dates(article)
    assert list(table["rule"]) == ["numeric-date-day-first"]
    assert list(table["decision"]) == ["date"]


@pytest.mark.parametrize(
    "sentence",
    ["The office is on the 13th floor.", "The army sent 1500 troops.", "He scored 3/4 of them."],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert resolve(sentence, PUBLISHED, tense="past") is None


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The cable was cut on Christmas Day, the police said.", "Christmas Day", "2023-12-25"),
        ("Kalonia will hold a vote on New Year's Day.", "New Year's Day", "2025-01-01"),
        ("Vesland will free the prisoners on Valentine’s Day.", "Valentine’s Day", "2024-02-14"),
    ],
)
def test_named_days_take_the_year_the_tense_gives(sentence: str, text: str, value: str) -> None:
    article = clean_article(f"Talks In Vesland\n\n{sentence}\n", PUBLISHED)
    found = find_dates(article)
    assert (text, value) in set(zip(found["text"], found["value"], strict=True)), found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the verb after "under which", "that", "who" is another clause's: the date is the signing's
        (
            "Vesland and Kalonia signed a security pact in March under which each will train"
            " police.",
            "2023-03",
        ),
        ("Vesland signed a deal in March that will let Kalonia use its ports.", "2023-03"),
        ("Jane Roe met the envoy in March, who will report to the council.", "2023-03"),
        # with no such word, the verb after the date still decides
        ("The envoys of Vesland and Kalonia will meet in March.", "2024-03"),
        ("Talks in March will decide whether the pact holds.", "2024-03"),
    ],
)
def test_a_verb_beyond_a_clause_opening_word_does_not_give_the_date_its_tense(
    sentence: str, value: str
) -> None:
    article = clean_article(f"Talks In Vesland\n\n{sentence}\n", PUBLISHED)
    found = find_dates(article)
    assert list(found["value"]) == [value], found[["text", "value", "rule"]]
