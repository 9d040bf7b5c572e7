"""Tests for course_utils.dates.

Every expected value below was worked out with a calendar, not by running the code.
Most sentences are written for the tests; the last group checks the course article against
its answer key (data/articles/csto-monitors-2023/key_dates.csv, written by reading).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from course_utils._paths import articles_dir
from course_utils.article import clean_article, course_article
from course_utils.dates import (
    DATE_COLUMNS,
    bounds,
    explain_dates,
    find_dates,
    rejected_expressions,
    resolve,
)
from course_utils.errors import CourseError, PublicationDateError

FRIDAY = dt.date(2023, 2, 3)  # the course article's publication date, a Friday


def dates_in(sentence: str, published: dt.date | str = FRIDAY) -> list[tuple[str, str, str, str]]:
    """(text, value, precision, mod) of every date in one test sentence."""
    article = clean_article(f"Test headline\n\n{sentence}", published)
    table = find_dates(article)
    return list(zip(table["text"], table["value"], table["precision"], table["mod"], strict=True))


def value_of(sentence: str, published: dt.date | str = FRIDAY) -> str:
    found = dates_in(sentence, published)
    assert len(found) == 1, found
    return found[0][1]


# --- Full dates in the forms news agencies use ------------------------------------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The fighting began on September 22, 2022.", "September 22, 2022", "2022-09-22"),
        ("The fighting began on Sept. 13, 2022, at dawn.", "Sept. 13, 2022", "2022-09-13"),
        ("The fighting began on 22 September 2022.", "22 September 2022", "2022-09-22"),
        ("The fighting began on 2022-09-22.", "2022-09-22", "2022-09-22"),
        ("A vote was held on February 29, 2024.", "February 29, 2024", "2024-02-29"),
        ("Officials met on Dec. 1, 2021 in Brussels.", "Dec. 1, 2021", "2021-12-01"),
    ],
)
def test_full_dates(sentence: str, text: str, value: str) -> None:
    assert dates_in(sentence) == [(text, value, "day", "")]


def test_impossible_day_is_not_a_date() -> None:
    article = clean_article("Test headline\n\nThe treaty was signed on February 30, 2023.", FRIDAY)
    assert find_dates(article).empty
    rejected = rejected_expressions(article)
    assert list(rejected["text"]) == ["February 30, 2023"]


def test_month_and_year() -> None:
    assert dates_in("They appealed during the September 2022 border clashes.") == [
        ("September 2022", "2022-09", "month", "")
    ]
    assert dates_in("Prices rose in late December 2021.") == [
        ("late December 2021", "2021-12", "month", "END")
    ]


def test_year_alone() -> None:
    assert dates_in("The ceasefire has held since 2020.") == [("2020", "2020", "year", "")]
    assert dates_in("Elections are due in early 2024.") == [("early 2024", "2024", "year", "START")]
    # Numbers that are not years.
    assert dates_in("The clashes left at least 224 soldiers and 1200 civilians dead.") == []


# --- Months and days without a year: the year comes from tense -------------------------------


def test_month_day_without_year_past_and_future() -> None:
    # February 2023: January 23 has passed, so the same year.
    assert value_of("The bloc agreed to the mission on January 23.") == "2023-01-23"
    # In a past-tense sentence, September 22 after 3 February must be last year's.
    assert value_of("The general inspected the border on September 22.") == "2022-09-22"
    # Looking forward from 3 February, January 23 is next year's.
    assert value_of("The ministers will meet on January 23.") == "2024-01-23"


def test_month_alone_with_mod_and_tense() -> None:
    assert dates_in("Mirzoyan cancelled in late December a meeting.") == [
        ("late December", "2022-12", "month", "END")
    ]
    assert dates_in("The ministers will meet in late December.") == [
        ("late December", "2023-12", "month", "END")
    ]
    assert dates_in("The talks resumed in mid-January.") == [
        ("mid-January", "2023-01", "month", "MID")
    ]
    assert dates_in("They met in March.") == [("March", "2022-03", "month", "")]
    assert dates_in("They will meet in March.") == [("March", "2023-03", "month", "")]
    # The publication month itself is this year's, in the past tense too.
    assert dates_in("The envoy visited in February.") == [("February", "2023-02", "month", "")]


def test_year_boundary_january_article() -> None:
    january = dt.date(2023, 1, 10)  # a Tuesday
    assert value_of("The talks were cancelled in December.", january) == "2022-12"
    assert value_of("The talks will resume in December.", january) == "2023-12"
    assert value_of("The treaty was signed on December 30.", dt.date(2023, 1, 5)) == "2022-12-30"
    assert value_of("The ministers will meet on January 5.", dt.date(2022, 12, 20)) == "2023-01-05"
    assert value_of("They met on Friday.", dt.date(2023, 1, 3)) == "2022-12-30"
    assert value_of("Troops withdrew yesterday.", dt.date(2023, 1, 1)) == "2022-12-31"
    assert value_of("The talks were held last December.", january) == "2022-12"
    assert value_of("The talks will be held next January.", january) == "2024-01"
    assert value_of("The talks will be held next month.", dt.date(2022, 12, 15)) == "2023-01"


def test_last_week_across_new_year() -> None:
    # Monday 2 January 2023 is in ISO week 2023-W01; the week before is 2022-W52,
    # Monday 26 December 2022 to Sunday 1 January 2023.
    article = clean_article("Test headline\n\nThe statement came last week.", "2023-01-02")
    row = find_dates(article).iloc[0]
    assert (row["value"], row["date_start"], row["date_end"]) == (
        "2022-W52",
        "2022-12-26",
        "2023-01-01",
    )
    # Monday 30 December 2024 already belongs to ISO week 1 of 2025.
    assert value_of("Talks continue this week.", dt.date(2024, 12, 30)) == "2025-W01"


# --- Weekdays: tense decides ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Lavrov said on Tuesday he hopes the meeting will take place soon.", "2023-01-31"),
        ("Mirzoyan on Thursday met with the ambassador.", "2023-02-02"),
        ("Protesters gathered on Friday.", "2023-02-03"),  # the publication day itself
        ("The ministers will meet on Tuesday.", "2023-02-07"),
        ("The talks are expected to resume on Monday.", "2023-02-06"),
        ("The envoy plans to visit on Wednesday.", "2023-02-08"),
        ("The delegation arrived last Friday.", "2023-01-27"),
        ("The delegation will arrive next Friday.", "2023-02-10"),
    ],
)
def test_weekdays(sentence: str, value: str) -> None:
    assert value_of(sentence) == value


def test_late_on_weekday_keeps_day_with_mod_end() -> None:
    assert dates_in("Lavrov told television in an interview aired late on Wednesday.") == [
        ("late on Wednesday", "2023-02-01", "day", "END")
    ]
    assert dates_in("Shelling resumed early on Monday.") == [
        ("early on Monday", "2023-01-30", "day", "START")
    ]


# --- Relative expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression, value, precision, mod",
    [
        ("last week", "2023-W04", "week", ""),
        ("this week", "2023-W05", "week", ""),
        ("next week", "2023-W06", "week", ""),
        ("earlier this week", "2023-W05", "week", "START"),
        ("last month", "2023-01", "month", ""),
        ("this month", "2023-02", "month", ""),
        ("next month", "2023-03", "month", ""),
        ("later this month", "2023-02", "month", "END"),
        ("last year", "2022", "year", ""),
        ("next year", "2024", "year", ""),
        ("last November", "2022-11", "month", ""),
        ("last February", "2022-02", "month", ""),  # strictly before February 2023
        ("next January", "2024-01", "month", ""),
        ("next March", "2023-03", "month", ""),
        ("yesterday", "2023-02-02", "day", ""),
        ("today", "2023-02-03", "day", ""),
        ("tomorrow", "2023-02-04", "day", ""),
        ("three days ago", "2023-01-31", "day", ""),
        ("two weeks ago", "2023-W03", "week", ""),  # Friday 20 January, in week 3
    ],
)
def test_relative_expressions(expression: str, value: str, precision: str, mod: str) -> None:
    found = resolve(expression, FRIDAY)
    assert found is not None
    assert (found.value, found.precision, found.mod) == (value, precision, mod)


def test_bounds_of_values() -> None:
    assert bounds("2023-W04") == (dt.date(2023, 1, 23), dt.date(2023, 1, 29))
    assert bounds("2023-02") == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    assert bounds("2022") == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    later = resolve("later this month", FRIDAY)
    assert later is not None
    assert (later.date_start, later.date_end) == ("2023-02-01", "2023-02-28")


def test_resolve_takes_a_string_date_and_a_tense() -> None:
    found = resolve("late December", "2023-02-03", tense="past")
    assert found is not None and found.value == "2022-12"
    found = resolve("late December", "2023-02-03", tense="future")
    assert found is not None and found.value == "2023-12"


# --- Not dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, rejected",
    [
        ("The bloc agreed to a two-year mission.", "two-year"),
        ("Azerbaijan's nearly two-month blockade continues.", "nearly two-month"),
        ("The mission can be deployed within one or two days.", "within one or two days"),
        ("The talks lasted for three weeks.", "for three weeks"),
        ("The meeting will take place soon.", "soon"),
        ("Relations have been frosty lately.", "lately"),
        ("The envoy recently visited the region.", "recently"),
        ("Officials say talks may resume.", "may"),
    ],
)
def test_durations_and_vague_words_are_not_dates(sentence: str, rejected: str) -> None:
    article = clean_article(f"Test headline\n\n{sentence}", FRIDAY)
    assert find_dates(article).empty
    assert rejected in list(rejected_expressions(article)["text"])


def test_the_month_may_is_still_a_date() -> None:
    assert dates_in("The summit was held in May.") == [("May", "2022-05", "month", "")]


def test_explain_lists_both_in_text_order() -> None:
    article = clean_article(
        "Test headline\n\nThe bloc agreed a two-year mission last week.", FRIDAY
    )
    table = explain_dates(article)
    assert list(table["text"]) == ["two-year", "last week"]
    assert list(table["decision"]) == ["not a date", "date"]


# --- The publication date ---------------------------------------------------------------------


def test_missing_publication_date_says_what_to_do() -> None:
    article = clean_article("Test headline\n\nThe ministers met on Tuesday.")
    assert article.published is None
    with pytest.raises(PublicationDateError, match="published="):
        find_dates(article)


@pytest.mark.parametrize("bad", ["3 Feb", "2023-02-30", "yesterday", "2023/02/03"])
def test_malformed_publication_date(bad: str) -> None:
    article = clean_article("Test headline\n\nThe ministers met on Tuesday.")
    with pytest.raises(CourseError, match="YYYY-MM-DD"):
        find_dates(article, bad)


def test_publication_date_argument_wins_over_the_article() -> None:
    article = clean_article("Test headline\n\nThe ministers met on Tuesday.", "2023-02-03")
    assert find_dates(article)["value"].tolist() == ["2023-01-31"]
    assert find_dates(article, dt.date(2023, 2, 10))["value"].tolist() == ["2023-02-07"]
    assert find_dates(article, dt.datetime(2023, 2, 10, 9, 30))["value"].tolist() == ["2023-02-07"]


# --- Shape ------------------------------------------------------------------------------------


def test_columns_and_offsets() -> None:
    article = clean_article(
        "Test headline\n\nTalks were held last week. The EU will deploy monitors later this month.",
        FRIDAY,
    )
    table = find_dates(article)
    assert list(table.columns) == DATE_COLUMNS
    assert DATE_COLUMNS == [
        "text", "start", "end", "sentence", "value", "precision", "mod", "date_start",
        "date_end", "rule",
    ]  # fmt: skip
    for row in table.itertuples():
        assert article.text[row.start : row.end] == row.text
        sentence = article.sentences.set_index("id").loc[row.sentence]
        assert sentence.start <= row.start and row.end <= sentence.end
    assert table["sentence"].tolist() == [1, 2]
    assert all(table["rule"] != "")


def test_empty_result_keeps_columns() -> None:
    article = clean_article("Test headline\n\nNothing happened here.", FRIDAY)
    assert list(find_dates(article).columns) == DATE_COLUMNS


# --- The course article against its answer key ----------------------------------------------


@pytest.fixture(scope="module")
def article_dates() -> pd.DataFrame:
    return find_dates(course_article())


def test_course_article_matches_key(article_dates: pd.DataFrame) -> None:
    key = pd.read_csv(
        articles_dir() / "csto-monitors-2023" / "key_dates.csv", dtype=str, keep_default_na=False
    )
    found = {(row.text, row.value, row.mod) for row in article_dates.itertuples()}
    wanted = {(row.text, row.value, row.mod) for row in key.itertuples()}
    assert found == wanted


def test_course_article_caption_date_is_a_date(article_dates: pd.DataFrame) -> None:
    caption = article_dates[article_dates["text"] == "September 22, 2022"]
    assert caption["sentence"].tolist() == [1]  # sentence 1 is the caption


def test_course_article_rejections() -> None:
    rejected = set(rejected_expressions(course_article())["text"])
    assert {"two-year", "nearly two-month", "within one or two days", "soon", "lately"} <= rejected


@pytest.mark.parametrize(
    ("expression", "value", "mod"),
    [
        # Published Tuesday 21 February 2023: last month is January, last year 2022, and
        # next week is the ISO week of 27 February (2023-W09).
        ("late last month", "2023-01", "END"),
        ("early this month", "2023-02", "START"),
        ("the end of last year", "2022", "END"),
        ("mid next week", "2023-W09", "MID"),
    ],
)
def test_modifier_before_a_relative_unit(expression, value, mod):
    found = resolve(expression, dt.date(2023, 2, 21))
    assert (found.value, found.mod) == (value, mod)


# --- A month with a relative year, anaphoric days, speech frames --------------------------------


@pytest.mark.parametrize(
    "sentence, text, value, mod",
    [
        ("The rivals met in March last year.", "March last year", "2022-03", ""),
        ("The envoys will return in June next year.", "June next year", "2024-06", ""),
        ("The bloc met in late October last year.", "late October last year", "2022-10", "END"),
    ],
)
def test_month_with_a_relative_year_is_one_expression(
    sentence: str, text: str, value: str, mod: str
) -> None:
    assert dates_in(sentence) == [(text, value, "month", mod)]


def test_the_next_day_counts_from_the_date_before() -> None:
    found = dates_in("The rivals signed a deal on Monday. Their troops withdrew the next day.")
    assert found == [
        ("Monday", "2023-01-30", "day", ""),
        ("the next day", "2023-01-31", "day", ""),
    ]
    found = dates_in("The talks ended on January 12. The envoys had met the previous day.")
    assert [f[1] for f in found] == ["2023-01-12", "2023-01-11"]


def test_the_next_day_needs_a_day_before_it() -> None:
    assert dates_in("The talks began last week. They ended the following day.") == [
        ("last week", "2023-W04", "week", "")
    ]
    assert dates_in("They ended the next day.") == []


def test_closing_speech_verb_does_not_set_the_tense() -> None:
    # Published in February: a future October is this year's, a past one last year's.
    said = "an aide said."
    assert value_of(f"The leaders will meet on the sidelines of a summit in October, {said}") == (
        "2023-10"
    )
    assert value_of(f"The leaders met on the sidelines of a summit in October, {said}") == (
        "2022-10"
    )


# --- Anaphoric days, parts of the day, "early on" + a day (published Friday 3 February 2023) --


def test_the_same_day_and_that_night_take_the_day_before() -> None:
    found = dates_in(
        "The Orvan cabinet quit on January 25, and the council met the same day. "
        "The mayor of Kestrel fled late that night."
    )
    assert found == [
        ("January 25", "2023-01-25", "day", ""),
        ("the same day", "2023-01-25", "day", ""),
        ("late that night", "2023-01-25", "day", "END"),
    ]


@pytest.mark.parametrize(
    "second, text, mod",
    [
        ("Talks resumed that day.", "that day", ""),
        ("Talks resumed later that day.", "later that day", "END"),
        ("The envoys had spoken early that morning.", "early that morning", "START"),
    ],
)
def test_that_day_is_the_day_before_it(second: str, text: str, mod: str) -> None:
    # "on Tuesday" in Friday 3 February's paper is 31 January.
    found = dates_in(f"Orvan recalled its envoy on Tuesday. {second}")
    assert found[-1] == (text, "2023-01-31", "day", mod)


def test_the_same_day_needs_a_day_before_it() -> None:
    assert dates_in("The Orvan talks began last week. They ended the same day.") == [
        ("last week", "2023-W04", "week", "")
    ]
    assert dates_in("The mayor of Kestrel fled late that night.") == []


@pytest.mark.parametrize(
    "sentence, text, value, mod",
    [
        # Friday 3 February 2023: the Saturday before is 28 January, the Monday 30 January.
        ("The Kestrel police said on Saturday night that the mayor had fled.", "Saturday night",
         "2023-01-28", ""),
        ("Orvan troops crossed the river on Monday morning.", "Monday morning", "2023-01-30", ""),
        ("The Kestrel council voted late on Wednesday night.", "late on Wednesday night",
         "2023-02-01", "END"),
        ("The envoys will meet on Tuesday evening.", "Tuesday evening", "2023-02-07", ""),
    ],
)  # fmt: skip
def test_weekday_with_a_part_of_the_day_is_the_day(
    sentence: str, text: str, value: str, mod: str
) -> None:
    assert dates_in(sentence) == [(text, value, "day", mod)]


@pytest.mark.parametrize(
    "sentence, text, value, mod",
    [
        ("Early on January 6, the Orvan council agreed to the plan.", "Early on January 6",
         "2023-01-06", "START"),
        ("The Kestrel mayor resigned late on 14 January.", "late on 14 January", "2023-01-14",
         "END"),
        ("The Kestrel mayor resigned on 14 January.", "14 January", "2023-01-14", ""),
    ],
)  # fmt: skip
def test_early_or_late_on_a_month_day_is_kept_whole(
    sentence: str, text: str, value: str, mod: str
) -> None:
    assert dates_in(sentence) == [(text, value, "day", mod)]


def test_a_month_inside_a_name_is_no_date() -> None:
    sentence = 'Residents of Kestrel call the riots "Black January" to this day.'
    assert dates_in(sentence) == []
    article = clean_article(f"Test headline\n\n{sentence}", FRIDAY)
    rejected = rejected_expressions(article)
    assert list(zip(rejected["text"], rejected["kind"], strict=True)) == [("January", "name")]
    # Not a name: a month after a preposition, or at the start of a sentence.
    assert dates_in("The Kestrel riots began in January.")[0][:2] == ("January", "2023-01")
    assert dates_in("January was calm in Kestrel.")[0][:2] == ("January", "2023-01")


@pytest.mark.parametrize(
    "second, text, value",
    [
        ("Kestrel had protested the day before.", "the day before", "2023-01-30"),
        ("Kestrel had demanded the day before that Orvan stop.", "the day before", "2023-01-30"),
        ("Talks began the day after, in Kestrel.", "the day after", "2023-02-01"),
    ],
)
def test_the_day_before_ends_its_phrase(second: str, text: str, value: str) -> None:
    # "on Tuesday" in Friday 3 February's paper is 31 January.
    found = dates_in(f"Orvan recalled its envoy on Tuesday. {second}")
    assert found[-1] == (text, value, "day", "")


@pytest.mark.parametrize(
    "second",
    [
        "Kestrel had protested the day before the vote.",
        "Kestrel had protested the day before Orvan announced it.",
        "Kestrel had protested the day before Tuesday's vote.",
    ],
)
def test_the_day_before_a_named_event_is_left_out(second: str) -> None:
    found = dates_in(f"Orvan recalled its envoy on Tuesday. {second}")
    assert [f[0] for f in found if "day before" in f[0]] == []


# --- Round four ------------------------------------------------------------------------------


def test_early_or_late_the_next_day_is_kept_whole() -> None:
    found = dates_in("Orvan recalled its envoy on Tuesday. Kestrel replied early the next day.")
    assert found[-1] == ("early the next day", "2023-02-01", "day", "START")


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Opposition leaders have called another rally for Saturday.", "2023-02-04"),
        ("The vote was scheduled for Monday.", "2023-02-06"),
        # a possessive names a day already past
        ("Kestrel blamed Orvan for Thursday's attack.", "2023-02-02"),
    ],
)
def test_a_weekday_after_for_is_the_next_one(sentence: str, value: str) -> None:
    assert value_of(sentence) == value
