"""Saving, reading and merging timelines (course_utils.timeline_io)."""

from __future__ import annotations

import contextlib
import io
import json

import pandas as pd
import pytest

from course_utils import cli
from course_utils.article import course_article
from course_utils.errors import CourseError
from course_utils.events import TIMELINE_COLUMNS, build_timeline
from course_utils.timeline_io import (
    MERGE_COLUMNS,
    export_timeline,
    merge_timelines,
    read_timeline,
)

# --- Timelines built by hand ----------------------------------------------------------------

DAY = {"precision": "day"}


def event(**fields):
    """One timeline row: an AGREE by the EU in January 2023 unless ``fields`` say otherwise."""
    row = {
        "date_start": "2023-01-01",
        "date_end": "2023-01-31",
        "precision": "month",
        "value": "2023-01",
        "event_type": "AGREE",
        "actor": "EU",
        "recipient": "",
        "attributed_to": "",
        "hedged": False,
        "sentence": 3,
        "time_text": "in January",
        "summary": "EU agreed",
        "rule": "made by hand",
    }
    row.update(fields)
    return row


def day(date, **fields):
    return event(date_start=date, date_end=date, precision="day", value=date, **fields)


def timeline(*rows):
    return pd.DataFrame(list(rows), columns=TIMELINE_COLUMNS)


# --- Merging ----------------------------------------------------------------------------------


def test_two_reports_of_one_event_at_different_precisions_merge_keeping_the_day():
    month = timeline(event(sentence=7))
    exact = timeline(day("2023-01-23", sentence=2))
    merged = merge_timelines(month, exact, sources=["monthly", "daily"])
    assert len(merged) == 1
    row = merged.iloc[0]
    assert (row["precision"], row["value"], row["sentence"]) == ("day", "2023-01-23", 2)
    assert row["source"] == "daily"
    assert row["sources"] == "monthly;daily"
    assert row["reports"] == 2


def test_a_week_beats_a_month_and_a_month_beats_a_year():
    week = event(date_start="2023-01-23", date_end="2023-01-29", precision="week",
                 value="2023-W04")  # fmt: skip
    year = event(date_start="2023-01-01", date_end="2023-12-31", precision="year", value="2023")
    merged = merge_timelines(timeline(year), timeline(event()), timeline(week))
    assert merged[["value", "reports"]].values.tolist() == [["2023-W04", 3]]
    assert merged["sources"].iloc[0] == "timeline 1;timeline 2;timeline 3"
    two = merge_timelines(timeline(year), timeline(event()))
    assert two["value"].tolist() == ["2023-01"]


def test_equally_precise_reports_keep_the_first():
    merged = merge_timelines(timeline(event(sentence=1)), timeline(event(sentence=9)))
    assert merged["sentence"].tolist() == [1]
    assert merged["source"].tolist() == ["timeline 1"]


def test_different_actors_do_not_merge():
    merged = merge_timelines(timeline(event()), timeline(event(actor="CSTO")))
    assert len(merged) == 2
    assert merged["reports"].tolist() == [1, 1]


def test_same_actor_different_types_do_not_merge():
    merged = merge_timelines(timeline(event()), timeline(event(event_type="REJECT")))
    assert sorted(merged["event_type"]) == ["AGREE", "REJECT"]
    assert set(merged["reports"]) == {1}


def test_non_overlapping_dates_do_not_merge():
    january = timeline(event())
    february = timeline(event(date_start="2023-02-01", date_end="2023-02-28", value="2023-02"))
    assert len(merge_timelines(january, february)) == 2
    days = merge_timelines(timeline(day("2023-01-23")), timeline(day("2023-01-24")))
    assert len(days) == 2


def test_ranges_that_touch_on_one_day_overlap():
    week = event(date_start="2023-01-30", date_end="2023-02-05", precision="week",
                 value="2023-W05")  # fmt: skip
    assert len(merge_timelines(timeline(event()), timeline(week))) == 1


def test_recipients_must_agree_only_when_both_are_named():
    to_armenia = timeline(event(recipient="Armenia"))
    assert len(merge_timelines(timeline(event()), to_armenia)) == 1
    assert len(merge_timelines(to_armenia, timeline(event(recipient="Azerbaijan")))) == 2


def test_a_merged_event_takes_no_third_report_outside_every_range():
    # the month joins the first day; a later day overlaps the month but not the first day
    merged = merge_timelines(
        timeline(day("2023-01-05")), timeline(event()), timeline(day("2023-01-20"))
    )
    assert merged["reports"].tolist() == [2, 1]


def test_an_article_does_not_confirm_itself():
    twice = timeline(event(sentence=1), day("2023-01-23", sentence=4))
    merged = merge_timelines(twice, sources=["only"])
    assert len(merged) == 2
    assert set(merged["reports"]) == {1}


def test_rows_are_sorted_by_date_and_keep_their_columns():
    late = timeline(day("2023-03-01", actor="CSTO"))
    early = timeline(day("2022-11-23", actor="Armenia"))
    merged = merge_timelines(late, early, sources=["late", "early"])
    assert merged["actor"].tolist() == ["Armenia", "CSTO"]
    assert list(merged.columns) == [*TIMELINE_COLUMNS, *MERGE_COLUMNS]
    assert merged["hedged"].dtype == bool
    assert merged["sentence"].dtype.kind == "i"
    assert merged["reports"].dtype.kind == "i"


def test_merging_empty_timelines_gives_an_empty_table():
    merged = merge_timelines(timeline(), timeline())
    assert merged.empty
    assert list(merged.columns) == [*TIMELINE_COLUMNS, *MERGE_COLUMNS]


def test_merging_the_two_course_articles_counts_each_shared_event_once():
    from course_utils.exercises.capstone import second_article

    first, second = build_timeline(course_article()), build_timeline(second_article())
    merged = merge_timelines(first, second, sources=["first", "second"])
    shared = merged[merged["reports"] == 2]
    assert len(shared) >= 2
    assert len(merged) == len(first) + len(second) - len(shared)
    assert set(shared["sources"]) == {"first;second"}


@pytest.mark.parametrize(
    ("sources", "words"),
    [
        (["one"], "one source name per timeline"),
        ("ab", "one source name per timeline"),
        (["same", "same"], "different from each other"),
        (["a;b", "c"], "without ';'"),
    ],
)
def test_bad_source_names_say_what_to_do(sources, words):
    with pytest.raises(CourseError, match=words):
        merge_timelines(timeline(event()), timeline(event()), sources=sources)


def test_a_table_that_is_not_a_timeline_says_what_to_pass():
    with pytest.raises(CourseError, match="lacks the column"):
        merge_timelines(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(CourseError, match="takes DataFrames"):
        merge_timelines([event()])  # type: ignore[arg-type]


# --- Files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_a_hand_made_timeline_round_trips(tmp_path, suffix):
    table = timeline(event(hedged=True, recipient="Armenia"), day("2023-01-23", sentence=12))
    path = export_timeline(table, tmp_path / f"events.{suffix}")
    assert path == tmp_path / f"events.{suffix}"
    back = read_timeline(path)
    pd.testing.assert_frame_equal(back, table)
    assert back["hedged"].dtype == bool
    assert back["sentence"].dtype.kind == "i"


@pytest.mark.parametrize("suffix", ["csv", "JSON"])
def test_the_course_timeline_and_a_merge_round_trip(tmp_path, suffix):
    course = build_timeline(course_article())
    merged = merge_timelines(course, course.head(3), sources=["all", "some"])
    for name, table in {"course": course, "merged": merged}.items():
        back = read_timeline(export_timeline(table, tmp_path / f"{name}.{suffix}"))
        pd.testing.assert_frame_equal(back, table)


def _cli(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue()


def test_csv_is_written_as_the_command_line_writes_it(tmp_path):
    course = build_timeline(course_article())
    path = export_timeline(course, tmp_path / "course.csv")
    assert path.read_text(encoding="utf-8") == _cli("timeline", "--format", "csv")
    text = path.read_text(encoding="utf-8")
    assert ",false," in text
    assert "False" not in text


def test_json_is_written_as_the_command_line_writes_it(tmp_path):
    course = build_timeline(course_article())
    path = export_timeline(course, tmp_path / "course.json")
    assert path.read_text(encoding="utf-8") == _cli("timeline", "--format", "json")
    assert isinstance(json.loads(path.read_text(encoding="utf-8"))[0]["hedged"], bool)


def test_list_fields_are_joined_with_semicolons_in_csv(tmp_path):
    table = pd.DataFrame({"actor": ["EU"], "sources": [["a", "b"]], "hedged": [False]})
    path = export_timeline(table, tmp_path / "lists.csv")
    assert path.read_text(encoding="utf-8") == "actor,sources,hedged\nEU,a;b,false\n"


def test_an_empty_timeline_round_trips_its_columns(tmp_path):
    for suffix in ("csv", "json"):
        back = read_timeline(export_timeline(timeline(), tmp_path / f"empty.{suffix}"))
        assert back.empty
        assert list(back.columns) == TIMELINE_COLUMNS


def test_an_unknown_suffix_says_what_to_use(tmp_path):
    with pytest.raises(CourseError, match=r"\.csv or \.json"):
        export_timeline(timeline(event()), tmp_path / "events.xlsx")
    with pytest.raises(CourseError, match=r"\.csv or \.json"):
        read_timeline(tmp_path / "events.txt")


def test_reading_a_missing_or_broken_file_says_what_is_wrong(tmp_path):
    with pytest.raises(CourseError, match="no file"):
        read_timeline(tmp_path / "missing.csv")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseError, match="not valid JSON"):
        read_timeline(tmp_path / "bad.json")
    (tmp_path / "bad.csv").write_text("event_type,hedged\nAGREE,maybe\n", encoding="utf-8")
    with pytest.raises(CourseError, match="not true or false"):
        read_timeline(tmp_path / "bad.csv")


def test_export_needs_a_dataframe(tmp_path):
    with pytest.raises(CourseError, match="needs a DataFrame"):
        export_timeline([event()], tmp_path / "x.csv")  # type: ignore[arg-type]
