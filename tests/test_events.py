"""Tests for course_utils.events.

The sentences are written for the tests, with hand-built actor mentions (invented names
Alpha, Beta, Gamma), so they do not depend on the actor finder. The last group checks the
course article with the real actor finder. Expected dates come from a calendar: the test
articles are published on Friday 3 February 2023.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from course_utils._paths import articles_dir, data_dir
from course_utils.article import Article, clean_article, course_article
from course_utils.events import (
    EVENT_COLUMNS,
    PLOVER_TYPES,
    TIMELINE_COLUMNS,
    build_timeline,
    find_events,
    find_triggers,
    inflect,
    load_lexicon,
)

FRIDAY = dt.date(2023, 2, 3)
NAMES = {"Alpha": "state", "Beta": "state", "Gamma": "person", "Delta Corp": "organization"}


def make(*paragraphs: str, names: dict[str, str] | None = None) -> tuple[Article, pd.DataFrame]:
    """An article of the given paragraphs, and a mention for every invented name in it
    (``names``, name to kind; by default :data:`NAMES`)."""
    article = clean_article("Test headline\n\n" + "\n\n".join(paragraphs), FRIDAY)
    rows = []
    for name, kind in (names or NAMES).items():
        start = article.text.find(name)
        while start >= 0:
            end = start + len(name)
            rows.append((name, kind, name, start, end, article.sentence_of(start), "test"))
            start = article.text.find(name, end)
    mentions = pd.DataFrame(
        rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
    )
    return article, mentions


def events(*paragraphs: str) -> pd.DataFrame:
    article, mentions = make(*paragraphs)
    return find_events(article, mentions=mentions)


def one(*paragraphs: str) -> pd.Series:
    table = events(*paragraphs)
    assert len(table) == 1, table[["event_type", "trigger", "actor"]]
    return table.iloc[0]


# --- The lexicon -----------------------------------------------------------------------------


def test_lexicon_covers_all_sixteen_plover_types() -> None:
    lexicon = load_lexicon()
    types = {entry[2] for entries in lexicon.forms.values() for entry in entries}
    assert types == set(PLOVER_TYPES)
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize(
    "word, event_type",
    [
        ("met", "CONSULT"), ("talks", "CONSULT"), ("meeting", "CONSULT"),
        ("appealed", "REQUEST"), ("requested", "REQUEST"), ("request", "REQUEST"),
        ("accused", "ACCUSE"), ("denounced", "ACCUSE"), ("rebuke", "ACCUSE"),
        ("criticism", "ACCUSE"), ("condemns", "ACCUSE"),
        ("declined", "REJECT"), ("cancelled", "REJECT"), ("canceled", "REJECT"),
        ("refused", "REJECT"), ("clashes", "ASSAULT"), ("offensive", "ASSAULT"),
        ("blockade", "COERCE"), ("offer", "AGREE"), ("agreed", "AGREE"),
        ("deploy", "MOBILIZE"), ("deployed", "MOBILIZE"), ("withdrew", "RETREAT"),
        ("expelled", "SANCTION"), ("threatened", "THREATEN"), ("denied", "REJECT"),
    ],
)  # fmt: skip
def test_trigger_forms(word: str, event_type: str) -> None:
    assert event_type in {entry[2] for entry in load_lexicon().forms[word]}


def test_inflect_spelling_rules() -> None:
    assert {"expelled", "expelling", "expels"} <= inflect("expel", "verb")
    assert {"denied", "denies"} <= inflect("deny", "verb")
    assert {"seized", "seizing"} <= inflect("seize", "verb")
    assert inflect("blockade", "noun") == {"blockade", "blockades"}


def test_noun_or_verb_and_adjectives() -> None:
    found = find_triggers("Alpha made such an offer to Beta.")
    assert [(t.text, t.pos) for t in found] == [("offer", "noun")]
    found = find_triggers("Alpha will offer help.")
    assert [(t.text, t.pos) for t in found] == [("offer", "verb")]
    assert find_triggers("Alpha ended its offensive military operations.") == []
    found = find_triggers("Alpha launched an offensive in the north.")
    assert [(t.text, t.event_type) for t in found] == [("offensive", "ASSAULT")]


# --- One event: type, actor, recipient, date ----------------------------------------------


def test_subject_acts_on_object() -> None:
    row = one("Alpha on Monday met with Beta.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("CONSULT", "Alpha", "Beta")
    assert (row["value"], row["precision"], row["date_source"]) == ("2023-01-30", "day", "sentence")
    assert not row["hedged"]
    assert row["attributed_to"] == ""


def test_passive_agent_is_the_actor() -> None:
    row = one("The plan was denounced by Beta on Wednesday.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("ACCUSE", "Beta", "")
    assert row["value"] == "2023-02-01"


def test_passive_in_the_same_sentence() -> None:
    table = events("Alpha agreed to the mission on January 23 in a move denounced by Beta.")
    assert list(table["event_type"]) == ["AGREE", "ACCUSE"]
    accuse = table.iloc[1]
    assert (accuse["actor"], accuse["recipient"], accuse["value"]) == (
        "Beta",
        "Alpha",
        "2023-01-23",
    )


def test_person_in_title_phrase_is_the_recipient() -> None:
    row = one("Beta on Thursday met with the Alpha envoy to Delta Corp, Gamma.")
    assert (row["actor"], row["recipient"], row["value"]) == ("Beta", "Gamma", "2023-02-02")


def test_hyphenated_mention_is_not_the_actor() -> None:
    row = one("The Alpha-led alliance Delta Corp made an offer last November.")
    assert (row["event_type"], row["actor"], row["value"]) == ("AGREE", "Delta Corp", "2022-11")


# --- Attribution and hedges ---------------------------------------------------------------


def test_quotation_is_attributed_to_its_speaker() -> None:
    row = one("“We will deploy troops,” Gamma said on Monday.")
    assert (row["event_type"], row["actor"], row["attributed_to"]) == ("MOBILIZE", "Gamma", "Gamma")
    assert row["hedged"]  # "will": not done yet
    assert row["value"] == "2023-01-30"


def test_according_to() -> None:
    row = one("Alpha attacked Beta on Monday, according to Gamma.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("ASSAULT", "Alpha", "Beta")
    assert row["attributed_to"] == "Gamma"


def test_reported_speech_pronoun_is_the_speaker() -> None:
    row = one("Gamma said on Tuesday he hopes the talks will take place soon.")
    assert (row["event_type"], row["actor"], row["attributed_to"]) == ("CONSULT", "Gamma", "Gamma")
    assert row["hedged"]
    assert row["value"] == "2023-01-31"


@pytest.mark.parametrize(
    "sentence, hedged",
    [
        ("Alpha reportedly rejected the plan on Monday.", True),
        ("Alpha allegedly attacked Beta on Monday.", True),
        ("Alpha is expected to deploy troops to Beta later this month.", True),
        ("Alpha plans to visit Beta next week.", True),
        ("Alpha may expel Beta's envoys next week.", True),
        ("Beta claimed on Monday that Alpha attacked its border posts.", True),
        ("Alpha rejected the plan on Monday.", False),
    ],
)
def test_hedges(sentence: str, hedged: bool) -> None:
    assert bool(one(sentence)["hedged"]) is hedged


def test_expected_event_has_future_date() -> None:
    row = one("Alpha is expected to deploy troops to Beta later this month.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("MOBILIZE", "Alpha", "Beta")
    assert (row["value"], row["mod"]) == ("2023-02", "END")


# --- What is not an event -------------------------------------------------------------------


def test_conditional_sentence_gives_no_event() -> None:
    assert events("If Beta asks, Alpha will deploy troops on Monday.").empty


def test_complement_of_a_refusal_is_not_an_event() -> None:
    row = one("Alpha refused to condemn Beta on Monday.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("REJECT", "Alpha", "")


def test_object_of_a_cancelling_is_not_a_meeting() -> None:
    row = one("Gamma cancelled in late December a meeting with Beta.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("REJECT", "Gamma", "Beta")
    assert (row["value"], row["mod"]) == ("2022-12", "END")


def test_circumstance_noun_is_its_own_event() -> None:
    table = events("Alpha appealed to Delta Corp during the September 2022 border clashes.")
    assert list(table["event_type"]) == ["REQUEST", "ASSAULT"]
    assert table.iloc[0]["recipient"] == "Delta Corp"
    assert table.iloc[1]["actor"] == ""  # the phrase names no one
    assert set(table["value"]) == {"2022-09"}


def test_negation() -> None:
    assert events("Alpha did not attack Beta on Monday.").empty


def test_undated_sentence_alone_gives_no_event() -> None:
    assert events("Alpha accused Beta of lying.").empty


# --- Dates from context ---------------------------------------------------------------------


def test_undated_sentence_takes_the_date_before() -> None:
    table = events("Alpha made an offer last November. Beta reportedly declined it.")
    assert list(table["event_type"]) == ["AGREE", "REJECT"]
    reject = table.iloc[1]
    assert (reject["actor"], reject["value"], reject["date_source"]) == (
        "Beta",
        "2022-11",
        "context",
    )
    assert reject["hedged"]
    assert reject["time_text"] == "last November"


def test_pronoun_subject_is_the_subject_before() -> None:
    row = events("Alpha met Beta on Monday. It accused Gamma of lying.").iloc[1]
    assert (row["event_type"], row["actor"], row["recipient"]) == ("ACCUSE", "Alpha", "Gamma")
    assert row["date_source"] == "context"


def test_no_context_after_a_time_shift() -> None:
    table = events("Alpha met Beta on Monday. Beta afterwards accused Alpha of lying.")
    assert list(table["event_type"]) == ["CONSULT"]


def test_no_context_across_paragraphs() -> None:
    table = events("Alpha met Beta on Monday.", "Beta accused Alpha of lying.")
    assert list(table["event_type"]) == ["CONSULT"]


def test_repeated_report_is_dropped() -> None:
    table = events("Alpha on Thursday met with Gamma. Alpha said they discussed trade.")
    assert list(table["event_type"]) == ["CONSULT"]


# --- The timeline ---------------------------------------------------------------------------


def test_timeline_columns_and_order() -> None:
    article, mentions = make(
        "Alpha met Beta on Thursday.",
        "Alpha attacked Beta in late December.",
        "Beta denounced Alpha last week.",
    )
    timeline = build_timeline(article, mentions=mentions)
    assert list(timeline.columns) == TIMELINE_COLUMNS
    assert TIMELINE_COLUMNS == [
        "date_start", "date_end", "precision", "value", "event_type", "actor", "recipient",
        "attributed_to", "hedged", "sentence", "time_text", "summary", "rule",
    ]  # fmt: skip
    assert list(timeline["value"]) == ["2022-12", "2023-W04", "2023-02-02"]
    assert list(timeline["date_start"]) == ["2022-12-01", "2023-01-23", "2023-02-02"]
    assert timeline["hedged"].dtype == bool
    assert "Alpha" in timeline.iloc[0]["summary"]


def test_timeline_marks_context_dates() -> None:
    article, mentions = make("Alpha made an offer last November. Beta reportedly declined it.")
    timeline = build_timeline(article, mentions=mentions)
    assert list(timeline["time_text"]) == ["last November", "last November (context)"]


def test_empty_timeline_keeps_columns() -> None:
    article, mentions = make("Nothing happened on Monday.")
    assert list(build_timeline(article, mentions=mentions).columns) == TIMELINE_COLUMNS
    assert list(find_events(article, mentions=mentions).columns) == EVENT_COLUMNS


def test_dates_can_be_passed_in() -> None:
    article, mentions = make("Alpha met Beta on Monday.")
    start = article.text.index("Monday")
    dates = pd.DataFrame(
        [("Monday", start, start + 6, 1, "2023-01-30", "day", "", "2023-01-30", "2023-01-30",
          "hand")],
        columns=["text", "start", "end", "sentence", "value", "precision", "mod", "date_start",
                 "date_end", "rule"],
    )  # fmt: skip
    assert list(find_events(article, mentions=mentions, dates=dates)["value"]) == ["2023-01-30"]


# --- The course article (with the real actor finder) --------------------------------------


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return build_timeline(course_article())


def _row(timeline: pd.DataFrame, event_type: str, value: str) -> pd.Series:
    rows = timeline[(timeline["event_type"] == event_type) & (timeline["value"] == value)]
    assert len(rows) >= 1, timeline[["value", "event_type", "actor"]]
    return rows.iloc[0]


def test_course_csto_offer_last_november(timeline: pd.DataFrame) -> None:
    assert _row(timeline, "AGREE", "2022-11")["actor"] == "CSTO"


def test_course_eu_decision(timeline: pd.DataFrame) -> None:
    assert _row(timeline, "AGREE", "2023-01-23")["actor"] == "EU"


def test_course_russian_criticism_last_week(timeline: pd.DataFrame) -> None:
    row = _row(timeline, "ACCUSE", "2023-W04")
    assert row["actor"] == "Russia: Foreign Ministry"
    assert row["recipient"] == "EU"
    assert (row["date_start"], row["date_end"]) == ("2023-01-23", "2023-01-29")


def test_course_lavrov_interview(timeline: pd.DataFrame) -> None:
    row = _row(timeline, "AGREE", "2023-02-01")
    assert (row["actor"], row["attributed_to"]) == ("Sergei Lavrov", "Sergei Lavrov")


def test_course_mirzoyan_meets_kopyrkin(timeline: pd.DataFrame) -> None:
    row = _row(timeline, "CONSULT", "2023-02-02")
    assert (row["actor"], row["recipient"]) == ("Ararat Mirzoyan", "Sergei Kopyrkin")
    assert len(timeline[timeline["value"] == "2023-02-02"]) == 1  # reported twice, kept once


def test_course_refusal_is_hedged_and_dated_from_context(timeline: pd.DataFrame) -> None:
    row = timeline[(timeline["event_type"] == "REJECT") & (timeline["actor"] == "Armenia")]
    assert len(row) == 1
    assert bool(row.iloc[0]["hedged"]) is True
    assert row.iloc[0]["value"] == "2022-11"
    assert row.iloc[0]["time_text"] == "last November (context)"


def test_course_caption_and_conditional_give_no_events(timeline: pd.DataFrame) -> None:
    article = course_article()
    caption = article.sentences[article.sentences["section"] == "caption"]["id"]
    assert not set(caption) & set(timeline["sentence"])
    conditional = article.sentences[article.sentences["text"].str.startswith("“If")]["id"]
    assert not set(conditional) & set(timeline["sentence"])


def test_course_timeline_is_sorted(timeline: pd.DataFrame) -> None:
    assert list(timeline["date_start"]) == sorted(timeline["date_start"])


def test_course_key_agreement(timeline: pd.DataFrame) -> None:
    """Most keyed events are found with the right type, actor and date."""
    article = course_article()
    key = pd.read_csv(
        articles_dir() / "csto-monitors-2023" / "key_events.csv", dtype=str, keep_default_na=False
    )
    hits = 0
    for row in key.itertuples():
        sentence = [
            int(s.id) for s in article.sentences.itertuples() if row.sentence_contains in s.text
        ]
        assert len(sentence) == 1, row.sentence_contains
        same = timeline[
            (timeline["sentence"] == sentence[0])
            & (timeline["event_type"] == row.event_type)
            & (timeline["actor"] == row.actor)
            & (timeline["value"] == row.value)
        ]
        hits += len(same) >= 1
    assert hits >= len(key) - 3  # the key says which three the rules miss (KEY_DATES_EVENTS.md)


# --- The figure (course_utils.plots.timeline) -----------------------------------------------


def test_plot_timeline_lanes_colours_and_hedges() -> None:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from course_utils.plots.timeline import plot_timeline, type_style

    article, mentions = make(
        "Alpha met Beta on Thursday.", "Alpha reportedly attacked Beta in late December."
    )
    timeline = build_timeline(article, mentions=mentions)
    ax = plot_timeline(timeline)
    assert ax.get_title() == "Timeline of events, by actor"
    assert ax.get_xlabel() and ax.get_ylabel() == "Actor"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Alpha"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"CONSULT", "ASSAULT", "hedged / expected"} <= set(legend)
    assert ax.figure.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    # The dated meeting is a filled dot; the hedged month is a hatched bar.
    dots = [line for line in ax.get_lines() if line.get_xdata().size]
    assert len(dots) == 1 and dots[0].get_markerfacecolor() == type_style(["CONSULT"])["CONSULT"][0]
    assert any(patch.get_hatch() for patch in ax.patches)
    by_type = plot_timeline(timeline, lanes="event_type")
    assert [t.get_text() for t in by_type.get_yticklabels()] == ["ASSAULT", "CONSULT"]
    plt.close("all")


def test_plot_timeline_rejects_bad_input() -> None:
    from course_utils.errors import CourseError
    from course_utils.plots.timeline import plot_timeline

    with pytest.raises(CourseError, match="build_timeline"):
        plot_timeline(pd.DataFrame({"value": ["2023"]}))
    with pytest.raises(CourseError, match="lanes="):
        plot_timeline(pd.DataFrame(columns=TIMELINE_COLUMNS), lanes="country")  # type: ignore[arg-type]


# --- News syntax: subjects, recipients, one event per report ----------------------------------
# Invented people (Kalvik, Orrin, Tessel), states (Veldra, Sorrel, Marsk) and a body (Hollin
# Council); every expected value comes from reading the sentence.

INVENTED = {
    "Kalvik": "person", "Orrin": "person", "Tessel": "person", "Veldra": "state",
    "Sorrel": "state", "Marsk": "state", "Hollin Council": "organization",
}  # fmt: skip


def invented(*paragraphs: str) -> pd.DataFrame:
    """The events of an article of the given paragraphs, with a mention per invented name."""
    import re

    article = clean_article("Test headline\n\n" + "\n\n".join(paragraphs), FRIDAY)
    rows = [
        (name, kind, name, m.start(), m.end(), article.sentence_of(m.start()), "test")
        for name, kind in INVENTED.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", article.text)
    ]
    mentions = pd.DataFrame(
        rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
    )
    return find_events(article, mentions=mentions)


def only(*paragraphs: str) -> pd.Series:
    table = invented(*paragraphs)
    assert len(table) == 1, table[["event_type", "trigger", "actor", "recipient"]]
    return table.iloc[0]


def test_is_expected_to_visit_is_a_verb_with_its_subject() -> None:
    row = only("Defence Minister Kalvik is expected to visit the capital next week.")
    assert (row["event_type"], row["actor"], row["value"]) == ("CONSULT", "Kalvik", "2023-W06")
    assert row["hedged"]


def test_he_is_the_person_of_the_sentence_before() -> None:
    table = invented("Sorrel on Monday welcomed Kalvik. He is expected to visit Veldra next month.")
    visit = table[table["event_type"] == "CONSULT"].iloc[0]
    assert (visit["actor"], visit["recipient"], visit["value"]) == ("Kalvik", "Veldra", "2023-03")


def test_a_mention_after_a_preposition_is_no_subject() -> None:
    row = only(
        "Spokesman Orrin told reporters on Tuesday that the vote was a matter for Veldra and "
        "accused Sorrel of meddling."
    )
    assert (row["event_type"], row["actor"], row["recipient"]) == ("ACCUSE", "Orrin", "Sorrel")


def test_thousands_of_people_are_the_subject() -> None:
    row = only("Thousands of Veldra supporters rallied in the capital on Monday.")
    assert (row["event_type"], row["actor"]) == ("PROTEST", "Veldra")


def test_reaffirmed_support_belongs_to_the_speaker() -> None:
    row = only("Kalvik on Monday reaffirmed Sorrel's support for Veldra.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("SUPPORT", "Kalvik", "Veldra")


def test_closing_speech_frame_names_no_recipient() -> None:
    row = only("Veldra offered on Monday to mediate, spokesman Orrin said.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("AGREE", "Veldra", "")
    assert row["value"] == "2023-01-30"


def test_subject_of_a_that_clause_is_no_recipient() -> None:
    row = only("Kalvik warned on Monday that Sorrel would respond harshly.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("THREATEN", "Kalvik", "")


def test_urged_them_points_to_the_people_named_before() -> None:
    table = invented("Kalvik met Orrin and Tessel on Monday and urged them to end the dispute.")
    assert list(table["event_type"]) == ["CONSULT", "REQUEST"]
    assert list(table["recipient"]) == ["Orrin", "Orrin"]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Orrin, the head of Veldra's border service, and his counterpart Tessel signed a "
         "protocol on Monday.", "2023-01-30"),
        ("Orrin and Tessel will meet on Friday.", "2023-02-03"),
    ],
)  # fmt: skip
def test_two_parties_named_jointly(sentence: str, value: str) -> None:
    row = only(sentence)
    assert (row["actor"], row["recipient"], row["value"]) == ("Orrin", "Tessel", value)


def test_talks_during_a_visit_are_one_event() -> None:
    row = only("Kalvik held talks in the capital on Monday with Orrin during a brief visit.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("CONSULT", "Kalvik", "Orrin")


def test_relative_who_takes_its_antecedent() -> None:
    table = invented(
        "Kalvik spoke by phone on Monday with Orrin, who promised that Sorrel would keep "
        "helping Veldra."
    )
    assert list(zip(table["event_type"], table["actor"], table["recipient"], strict=True)) == [
        ("CONSULT", "Kalvik", "Orrin"),
        ("AGREE", "Orrin", "Veldra"),
    ]


def test_a_when_clause_has_its_own_subject() -> None:
    table = invented(
        "Sorrel cut ties with Veldra in 2008, when Marsk troops fought a war with Sorrel."
    )
    assert list(zip(table["event_type"], table["actor"], table["value"], strict=True)) == [
        ("SANCTION", "Sorrel", "2008"),
        ("ASSAULT", "Marsk", "2008"),
    ]


def test_a_where_clause_gives_no_actor() -> None:
    table = invented(
        "Veldra accused Sorrel on Monday of violating a truce near the border, where clashes "
        "killed ten people last week."
    )
    assert list(zip(table["event_type"], table["actor"], table["value"], strict=True)) == [
        ("ACCUSE", "Veldra", "2023-01-30"),
        ("ASSAULT", "", "2023-W04"),
    ]


def test_object_of_a_plain_verb_takes_the_subject() -> None:
    row = only("Sorrel will approve fresh sanctions against Veldra next week.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("SANCTION", "Sorrel", "Veldra")


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("Veldra troops fired on a village on Monday.", "ASSAULT"),
        ("Veldra and Sorrel exchanged fire on Monday.", "ASSAULT"),
        ("Marsk troops fought Veldra troops on Monday.", "ASSAULT"),
        ("Sorrel cut diplomatic relations with Veldra in 2019.", "SANCTION"),
        ("Veldra said on Monday it was ready to discuss a truce.", "AGREE"),
        ("Veldra troops pulled back from the border on Monday.", "RETREAT"),
        ("Kalvik spoke by phone with Orrin on Monday.", "CONSULT"),
        ("Sorrel turned down the proposal on Monday.", "REJECT"),
        ("Sorrel will provide Veldra with artillery next month.", "AID"),
        ("Kalvik called on Monday for an end to the raids.", "REQUEST"),
        ("Hollin Council said on Monday that Sorrel could review all cooperation with Veldra "
         "if the referendum went ahead.", "THREATEN"),
    ],
)  # fmt: skip
def test_news_triggers(sentence: str, event_type: str) -> None:
    assert only(sentence)["event_type"] == event_type


def test_conditional_threat_belongs_to_the_speaker() -> None:
    row = only(
        "Hollin Council said on Monday that Sorrel could review all cooperation with Veldra "
        "if the referendum went ahead."
    )
    assert (row["actor"], row["recipient"]) == ("Hollin Council", "Veldra")


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("Sorrel agreed on Monday to supply Veldra with radars.", "AGREE"),
        ("Veldra accused Sorrel on Monday of deliberately shelling a town, killing two people.",
         "ACCUSE"),
        ("Sorrel on Monday rejected calls for talks with Veldra.", "REJECT"),
        ("Protesters demanded on Monday that Kalvik veto the law.", "REQUEST"),
        ("Kalvik and Orrin signed a memorandum on Monday about withdrawing troops.", "AGREE"),
    ],
)  # fmt: skip
def test_one_report_one_event(sentence: str, event_type: str) -> None:
    assert only(sentence)["event_type"] == event_type


def test_a_verb_of_the_lexicon_after_an_article_is_no_event() -> None:
    assert invented("The party had enough votes on Monday to override a veto.").empty


# --- Concessions, background nouns, requested acts, reported detentions ----------------------


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("The Sorrel cabinet resigned on Monday under pressure from protesters.", "resigned"),
        ("Kalvik stepped down on Monday as head of the Sorrel council.", "stepped down"),
        ("Veldra lifted the curfew on Monday.", "lifted"),
        ("Veldra declared a ceasefire on Monday.", "declared"),
    ],
)
def test_concessions_are_concede(sentence: str, trigger: str) -> None:
    row = only(sentence)
    assert (row["event_type"], row["trigger"], row["value"]) == ("CONCEDE", trigger, "2023-01-30")


def test_declared_a_ceasefire_is_the_subjects_concession() -> None:
    assert only("Veldra declared a ceasefire on Monday.")["actor"] == "Veldra"


def test_a_participle_clause_that_describes_the_event_is_no_event() -> None:
    row = only("Sorrel on Monday withdrew its troops from Veldra, ending a month-long deployment.")
    assert (row["event_type"], row["actor"]) == ("RETREAT", "Sorrel")
    # Without the main event before it, the noun is an event of its own.
    assert invented("Sorrel began a month-long deployment in Veldra on Monday.")[
        "event_type"
    ].tolist() == ["MOBILIZE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kalvik asked Hollin Council for help on Monday, saying Sorrel faced a threat from "
        "armed groups.",
        "Kalvik asked Hollin Council for help on Monday because Sorrel was under threat.",
    ],
)
def test_a_threat_someone_faces_is_no_threatening(sentence: str) -> None:
    row = only(sentence)
    assert (row["event_type"], row["actor"], row["recipient"]) == (
        "REQUEST", "Kalvik", "Hollin Council",
    )  # fmt: skip


def test_a_threat_someone_makes_is_still_a_threat() -> None:
    row = only("Veldra on Monday issued a threat against Sorrel.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("THREATEN", "Veldra", "Sorrel")


def test_at_a_request_is_neither_an_event_nor_a_recipient() -> None:
    row = only("Hollin Council agreed on Monday to send monitors at Sorrel's request.")
    assert (row["event_type"], row["actor"], row["recipient"]) == ("AGREE", "Hollin Council", "")
    row = only("Hollin Council will meet on Friday at the request of Sorrel.")
    assert (row["event_type"], row["recipient"], row["value"]) == ("CONSULT", "", "2023-02-03")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hollin Council on Wednesday urged Sorrel to investigate the deaths and to release the "
        "detained students.",
        "Hollin Council on Wednesday urged Sorrel to withdraw its troops.",
        "Hollin Council on Wednesday asked Sorrel to release the students.",
    ],
)
def test_what_a_request_asks_for_is_no_event(sentence: str) -> None:
    row = only(sentence)
    assert (row["event_type"], row["actor"], row["recipient"], row["value"]) == (
        "REQUEST", "Hollin Council", "Sorrel", "2023-02-01",
    )  # fmt: skip


def reported(sentence: str) -> pd.DataFrame:
    """Events of one sentence with an institution ("<State>: <label>") among the mentions."""
    import re

    names = {
        "Sorrel Interior Ministry": ("Sorrel: Interior Ministry", "organization"),
        "Watchline": ("Watchline", "organization"),
        "Kalvik": ("Kalvik", "person"),
        "Sorrel": ("Sorrel", "state"),
    }
    article = clean_article(f"Test headline\n\n{sentence}", FRIDAY)
    rows: list[tuple[str, str, str, int, int, int, str]] = []
    for name, (actor, kind) in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            if not any(start < m.end() and m.start() < end for _, _, _, start, end, _, _ in rows):
                rows.append((actor, kind, name, m.start(), m.end(),
                             article.sentence_of(m.start()), "test"))  # fmt: skip
    mentions = pd.DataFrame(
        rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
    )
    return find_events(article, mentions=mentions)


@pytest.mark.parametrize(
    "sentence, actor, recipient",
    [
        # A state's institution that reports a detention made it.
        ("The Sorrel Interior Ministry said on Monday that its former chief, Kalvik, had been "
         "detained on suspicion of fraud.", "Sorrel: Interior Ministry", "Kalvik"),
        ("Sorrel said on Monday that Kalvik had been arrested.", "Sorrel", "Kalvik"),
        # A rights group only reports it; with no report the detainer is unknown too.
        ("Watchline said on Monday that Kalvik had been arrested.", "", "Kalvik"),
        ("Kalvik was arrested on Monday.", "", "Kalvik"),
        # The agent is named: the general rule.
        ("Kalvik was arrested by Sorrel on Monday.", "Sorrel", "Kalvik"),
    ],
)  # fmt: skip
def test_a_reported_passive_detention(sentence: str, actor: str, recipient: str) -> None:
    table = reported(sentence)
    assert len(table) == 1, table
    row = table.iloc[0]
    assert (row["event_type"], row["actor"], row["recipient"], row["value"]) == (
        "COERCE", actor, recipient, "2023-01-30",
    )  # fmt: skip


# --- Deployments, releases, sanctions, descriptions that refer back ---------------------------
# Invented states (Veldra, Sorrel, Marsk), people (Kalvik, Orrin, Tessel), a bloc (Hollin
# Council) and institutions; every expected value comes from reading the sentence. Friday
# 3 February 2023 is the publication date: Sunday is 29 January, Monday 30 January, Tuesday
# 31 January, Wednesday 1 February; a future Tuesday is 7 February.

DESCRIBED = {
    **{name: (name, kind) for name, kind in INVENTED.items()},
    "Sorrel's Interior Ministry": ("Sorrel: Interior Ministry", "organization"),
    "Veldran guards": ("Veldra: guards", "group"),
}


def described(*paragraphs: str) -> pd.DataFrame:
    """Like :func:`invented`, with institutions and groups; longer names win."""
    import re

    article = clean_article("Test headline\n\n" + "\n\n".join(paragraphs), FRIDAY)
    rows, taken = [], []
    for text in sorted(DESCRIBED, key=len, reverse=True):
        actor, kind = DESCRIBED[text]
        for m in re.finditer(rf"\b{re.escape(text)}\b", article.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            rows.append(
                (actor, kind, text, m.start(), m.end(), article.sentence_of(m.start()), "t")
            )
    mentions = pd.DataFrame(
        rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
    )
    return find_events(article, mentions=mentions)


def rows_of(table: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    return list(
        zip(table["event_type"], table["actor"], table["recipient"], table["value"], strict=True)
    )


@pytest.mark.parametrize(
    "sentence, expected, hedged",
    [
        ("Veldra said on Tuesday it would send dozens of extra border police to its "
         "frontier with Sorrel.", ("MOBILIZE", "Veldra", "", "2023-01-31"), True),
        ("Veldra dispatched 300 monitors to Sorrel on Monday.",
         ("MOBILIZE", "Veldra", "Sorrel", "2023-01-30"), False),
        ("Veldra sent troops against Marsk on Monday.",
         ("MOBILIZE", "Veldra", "Marsk", "2023-01-30"), False),
    ],
)  # fmt: skip
def test_sending_forces_is_a_deployment(sentence: str, expected: tuple, hedged: bool) -> None:
    table = described(sentence)
    assert rows_of(table) == [expected]
    assert bool(table["hedged"].iloc[0]) is hedged


def test_sending_other_things_is_no_event() -> None:
    assert described("Veldra sent a letter to Sorrel on Monday.").empty


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Hollin Council on Monday released 3 million dollars in emergency aid for refugees.",
         [("AID", "Hollin Council", "", "2023-01-30")]),
        ("Sorrel on Monday released 40 prisoners of war.",
         [("RETREAT", "Sorrel", "", "2023-01-30")]),
        ("Sorrel on Monday released a statement.", []),
    ],
)  # fmt: skip
def test_what_is_released_decides_the_event(sentence: str, expected: list) -> None:
    assert rows_of(described(sentence)) == expected


@pytest.mark.parametrize(
    "sentence, actor",
    [
        ("The Hollin Council agreed on Monday to extend its sanctions against Marsk to cover "
         "banks.", "Hollin Council"),
        ("Veldra agreed on Monday to extend sanctions on Marsk.", "Veldra"),
        ("Veldra on Monday imposed sanctions on Marsk.", "Veldra"),
    ],
)  # fmt: skip
def test_agreeing_to_sanctions_is_a_sanction(sentence: str, actor: str) -> None:
    assert rows_of(described(sentence)) == [("SANCTION", actor, "Marsk", "2023-01-30")]


def test_agreeing_to_talks_is_still_an_agreement() -> None:
    assert rows_of(described("Veldra agreed on Monday to hold talks with Marsk.")) == [
        ("AGREE", "Veldra", "Marsk", "2023-01-30")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Hollin Council agreed on Monday to extend its sanctions against Marsk. The bloc "
         "first imposed sanctions on Marsk in 2020.",
         ("SANCTION", "Hollin Council", "Marsk", "2020")),
        ("The Hollin Council met on Monday. The 27-member bloc also criticized Marsk.",
         ("ACCUSE", "Hollin Council", "Marsk", "2023-01-30")),
        ("Sorrel's Interior Ministry said on Monday that police had detained Orrin. The "
         "ministry accused Veldra of spying.",
         ("ACCUSE", "Sorrel: Interior Ministry", "Veldra", "2023-01-30")),
        ("Veldran Foreign Minister Tessel met Kalvik on Monday. The minister also criticized "
         "Marsk.",
         ("ACCUSE", "Tessel", "Marsk", "2023-01-30")),
        # Tessel is introduced as president, so "the minister" fits no one.
        ("Veldran President Tessel met Kalvik on Monday. The minister also criticized Marsk.",
         ("ACCUSE", "", "Marsk", "2023-01-30")),
    ],
)  # fmt: skip
def test_a_definite_description_refers_back(text: str, expected: tuple) -> None:
    assert rows_of(described(text))[-1] == expected


def test_a_pronoun_after_a_fronted_adverbial() -> None:
    table = described("Kalvik threatened on Sunday to halt oil deliveries. On Monday, he spoke by "
                      "phone with Orrin.")  # fmt: skip
    assert rows_of(table) == [
        ("THREATEN", "Kalvik", "", "2023-01-29"),
        ("CONSULT", "Kalvik", "Orrin", "2023-01-30"),
    ]


def test_an_accusation_in_apposition_belongs_to_the_speaker() -> None:
    table = described("Kalvik said on Wednesday that Sorrel had given the rebels weapons, an "
                      "accusation Marsk denied.")  # fmt: skip
    assert rows_of(table) == [
        ("ACCUSE", "Kalvik", "Sorrel", "2023-02-01"),
        ("REJECT", "Marsk", "", "2023-02-01"),
    ]


def test_which_x_denied_takes_x_as_actor() -> None:
    table = described("Kalvik criticized Sorrel on Wednesday, a charge which Marsk rejected.")
    assert rows_of(table)[-1] == ("REJECT", "Marsk", "", "2023-02-01")


def test_a_subject_after_as_starts_its_own_clause() -> None:
    table = described("Veldra said on Friday it would send troops to the border, as the Hollin "
                      "Council accused Marsk of using refugees as a lever.")  # fmt: skip
    assert rows_of(table) == [
        ("MOBILIZE", "Veldra", "", "2023-02-03"),
        ("ACCUSE", "Hollin Council", "Marsk", "2023-02-03"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("They declared a cease-fire.", [("declared", "CONCEDE")]),
        ("They signed a cease-fire deal.", [("signed", "AGREE")]),
        ("The Council for Peace and Co-operation met.", [("met", "CONSULT")]),
    ],
)
def test_hyphenated_triggers(sentence: str, expected: list) -> None:
    found = find_triggers(sentence, objects=True)
    assert [(t.text, t.event_type) for t in found] == expected


def test_a_hyphenated_word_matches_a_trigger_written_without_the_hyphen(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(data_dir() / "lexicons", folder)
    with (folder / "plover_triggers.csv").open("a", encoding="utf-8") as handle:
        handle.write("ceasefire,noun,CONCEDE,,\n")
    found = find_triggers("They broke the cease-fire.", load_lexicon(folder))
    assert [(t.text, t.event_type) for t in found] == [("cease-fire", "CONCEDE")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Veldran guards were attacked on Tuesday.", ("ASSAULT", "", "Veldra: guards")),
        # A state that reports an attack did not make it.
        ("Sorrel said Veldran guards had been shelled on Tuesday.",
         ("ASSAULT", "", "Veldra: guards")),
    ],
)  # fmt: skip
def test_a_passive_attack_without_agent(sentence: str, expected: tuple) -> None:
    row = described(sentence).iloc[0]
    assert (row["event_type"], row["actor"], row["recipient"]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Marsk said on Monday it would examine the request closely.",
        "Veldra and Sorrel on Monday opened a centre to monitor the ceasefire.",
    ],
)
def test_a_known_act_as_an_object_is_no_new_event(sentence: str) -> None:
    assert described(sentence).empty


def test_the_main_verb_after_a_relative_clause_takes_the_antecedent() -> None:
    table = described("Orrin, who has accused Marsk of spying, is expected to meet Kalvik on "
                      "Tuesday.")  # fmt: skip
    consult = table[table["event_type"] == "CONSULT"].iloc[0]
    assert (consult["actor"], consult["recipient"], consult["value"]) == ("Orrin", "Kalvik",
                                                                          "2023-02-07")  # fmt: skip
    assert bool(consult["hedged"])


def test_a_warning_is_aimed_at_whom_it_names_before_that() -> None:
    assert rows_of(
        described("Tessel warned on Friday that Marsk would retaliate against Veldra.")
    ) == [("THREATEN", "Tessel", "", "2023-02-03")]


# --- Round four: general classes found on new text ------------------------------------------


def test_a_noun_trigger_before_a_determiner_is_no_adjective() -> None:
    # "appeal the" cannot be an adjective before a noun: "the" starts the next phrase
    found = find_triggers("Sorrel made a fresh appeal the next day.")
    assert [(t.text, t.event_type) for t in found] == [("appeal", "REQUEST")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the object decides: a bill withdrawn is a concession, troops withdrawn a retreat
        ("Veldra on Monday withdrew a bill on foreign funding.",
         ("CONCEDE", "Veldra", "", "2023-01-30")),
        ("Veldra on Monday withdrew its troops from the border.",
         ("RETREAT", "Veldra", "", "2023-01-30")),
        ("Veldran guards dispersed the demonstrators with water cannon on Tuesday.",
         ("COERCE", "Veldra: guards", "", "2023-01-31")),
        ("Veldra struck Marsk with missiles on Tuesday.",
         ("ASSAULT", "Veldra", "Marsk", "2023-01-31")),
        ("Veldra struck a deal with Marsk on Tuesday.", ("AGREE", "Veldra", "Marsk", "2023-01-31")),
        ("Tessel on Monday deeply regretted Marsk's decision.",
         ("ACCUSE", "Tessel", "Marsk", "2023-01-30")),
        ("Sorrel applied to join the Hollin Council in March 2022.",
         ("REQUEST", "Sorrel", "Hollin Council", "2022-03")),
    ],
)  # fmt: skip
def test_new_words_and_objects(sentence: str, expected: tuple) -> None:
    assert rows_of(described(sentence)) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dock workers in Sorrel went on strike on Monday.",  # a bare verb after a preposition
        "Flights from Sorrel to Marsk remained suspended on Monday.",  # a state, not an act
        "Marsk said on Monday it would return to the talks once its demands were met.",
        "Veldra on Monday urged Marsk to release detained reporters.",
    ],
)
def test_verb_forms_that_name_no_new_act(sentence: str) -> None:
    table = described(sentence)
    assert "ASSAULT" not in set(table["event_type"])
    assert "SANCTION" not in set(table["event_type"])
    assert "CONSULT" not in set(table["event_type"])
    assert "COERCE" not in set(table["event_type"])


def test_a_compound_with_a_verb_trigger_modifies_its_noun() -> None:
    found = find_triggers("They stopped a Marsk-attacked convoy.")
    assert [t.text for t in found] == []


def test_an_undated_relative_clause_after_the_subject_gives_no_event() -> None:
    table = described(
        "Tessel, who had threatened to block the law, welcomed its withdrawal on Tuesday."
    )
    assert rows_of(table) == [("SUPPORT", "Tessel", "", "2023-01-31")]


def test_a_relative_clause_with_its_own_date_still_gives_an_event() -> None:
    table = described("Tessel, who attacked Marsk in March 2022, met Orrin on Tuesday.")
    assault = table[table["event_type"] == "ASSAULT"]
    assert list(assault["value"]) == ["2022-03"]


def test_a_relative_clause_after_the_verb_goes_on_with_the_story() -> None:
    table = described("Kalvik met Orrin on Tuesday, who threatened Marsk, Sorrel said.")
    assert [r[0] for r in rows_of(table)] == ["CONSULT", "THREATEN"]


def test_a_noun_takes_the_agent_after_a_participle_and_by() -> None:
    table = described("Crowds gathered on Tuesday, defying warnings issued by Veldran guards.")
    assert rows_of(table) == [("THREATEN", "Veldra: guards", "", "2023-01-31")]


def test_what_an_accusation_alleges_is_no_event_of_its_own() -> None:
    table = described("Sorrel on Monday accused Marsk of breaking the truce, saying Veldran "
                      "guards had attacked a village.")  # fmt: skip
    assert [r[0] for r in rows_of(table)] == ["ACCUSE"]


def test_a_closing_speech_frame_before_an_as_clause_names_no_recipient() -> None:
    table = described("Marsk attacked the port overnight, Veldran guards said Tuesday, as "
                      "talks stalled.")  # fmt: skip
    assault = table[table["event_type"] == "ASSAULT"].iloc[0]
    assert (assault["actor"], assault["recipient"]) == ("Marsk", "")


# --- Broader rules (invented sentences) --------------------------------------------------------


def test_a_ceasefire_is_a_concession_only_when_declared() -> None:
    assert rows_of(described("Veldra declared a cease-fire on Monday.")) == [
        ("CONCEDE", "Veldra", "", "2023-01-30")
    ]
    table = described("Veldra said on Monday it was still bound by the cease-fire.")
    assert "CONCEDE" not in set(table["event_type"])


def test_the_second_half_of_a_compound_starts_no_phrase() -> None:
    found = find_triggers("Veldra declared a cease-fire on Monday.", objects=True)
    assert [t.text for t in found] == ["declared"]
    assert [t.text for t in find_triggers("Marsk launched a counter-offensive.")] == ["offensive"]


def test_a_verb_after_a_and_an_adjective_is_a_noun() -> None:
    assert find_triggers("Orrin called it a first sign of calm.") == []
    assert [t.text for t in find_triggers("Orrin will sign the accord.")] == ["sign"]


def test_calling_off_a_meeting_is_a_rejection() -> None:
    table = described("Kalvik called off a meeting with Orrin on Monday.")
    assert rows_of(table) == [("REJECT", "Kalvik", "Orrin", "2023-01-30")]


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("Veldra on Monday accused Marsk over detained reporters.", "COERCE"),
        ("Sorrel said on Monday that some of the 25 men detained after the riots had "
         "gone home.", "COERCE"),
        ("Orrin called a protest for Sunday to demand the release of all those held.",
         "REQUEST"),
        ("Veldra said on Monday it would lift the blockade once Marsk withdrew its troops.",
         "RETREAT"),
        ("Sorrel said on Monday that no Veldran guards would be deployed.", "MOBILIZE"),
    ],
)  # fmt: skip
def test_participles_purposes_conditions_and_no_subjects_give_no_event(
    sentence: str, absent: str
) -> None:
    assert absent not in set(described(sentence)["event_type"])


def test_an_active_coercive_verb_is_still_an_event() -> None:
    assert rows_of(described("Sorrel detained 40 people on Monday.")) == [
        ("COERCE", "Sorrel", "", "2023-01-30")
    ]


def test_it_after_a_speech_verb_is_the_speaker() -> None:
    table = described("Marsk attacked Sorrel on Monday. Veldra said it would deploy troops on "
                      "Tuesday.")  # fmt: skip
    mobilize = table[table["event_type"] == "MOBILIZE"]
    assert list(mobilize["actor"]) == ["Veldra"]


def test_the_one_asked_in_a_that_clause_is_the_recipient() -> None:
    table = described("Kalvik demanded on Monday that Marsk withdraw its troops.")
    assert rows_of(table) == [("REQUEST", "Kalvik", "Marsk", "2023-01-30")]


def test_two_parties_named_jointly_in_a_relative_clause() -> None:
    table = described("Veldra on Monday left the deal, which Marsk and Sorrel signed in "
                      "March 2022.")  # fmt: skip
    assert ("AGREE", "Marsk", "Sorrel", "2022-03") in rows_of(table)


def test_a_passive_agent_after_a_date_and_a_title() -> None:
    table = described("The pact was signed early on Tuesday by Vice Premier Kalvik "
                      "and Orrin.")  # fmt: skip
    assert list(table["actor"]) == ["Kalvik"]


def test_talks_with_a_counterpart_named_after_a_comma() -> None:
    table = described("Kalvik will fly to Marsk next month for talks with his Veldran "
                      "counterpart, Orrin.")  # fmt: skip
    consult = table[table["event_type"] == "CONSULT"].iloc[0]
    assert (consult["actor"], consult["recipient"]) == ("Kalvik", "Orrin")


@pytest.mark.parametrize(
    "second",
    [
        "Sorrel has long demanded reparations.",
        "Negotiations on the frontier have stalled for decades.",
    ],
)
def test_a_standing_position_borrows_no_date(second: str) -> None:
    table = described(f"Marsk attacked Sorrel in March 2022. {second}")
    assert [r[0] for r in rows_of(table)] == ["ASSAULT"]


def test_a_plain_present_perfect_still_borrows_the_date() -> None:
    table = described("Marsk attacked Sorrel on Monday. Veldra has condemned the attack.")
    assert ("ACCUSE", "Veldra", "", "2023-01-30") in rows_of(table)


def test_an_event_takes_its_own_sentence_date_before_the_one_before() -> None:
    table = described("Marsk met Orrin in March 2022. Veldra attacked Sorrel, and Kalvik "
                      "condemned it on Tuesday.")  # fmt: skip
    assault = table[table["event_type"] == "ASSAULT"].iloc[0]
    assert (assault["value"], assault["date_source"]) == ("2023-01-31", "sentence")
