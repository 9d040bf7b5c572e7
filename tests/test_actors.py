"""Tests for course_utils.actors.

The unit tests use sentences written for the tests, with names, titles and capitals that
the course article does not contain, so that they show the rules generalise. Expected values
were written by hand from the sentences, never by running the code.
"""

from __future__ import annotations

import pandas as pd
import pytest

from course_utils.actors import (
    COLUMNS,
    actor_summary,
    actor_table,
    baseline_actors,
    find_actors,
    gazetteer_actors,
    group_actors,
    is_place,
    load_gazetteer,
    metonymy_actors,
    surname_actors,
    title_actors,
)
from course_utils.errors import CourseError


def rows(frame: pd.DataFrame, *cols: str) -> list[tuple]:
    return [tuple(r) for r in frame[list(cols or ("actor", "text"))].itertuples(index=False)]


def mentions_of(frame: pd.DataFrame, text: str) -> list[str]:
    return frame.loc[frame["text"] == text, "actor"].tolist()


# --- the shape of every result ----------------------------------------------------------


@pytest.mark.parametrize(
    "finder",
    [
        find_actors,
        baseline_actors,
        gazetteer_actors,
        title_actors,
        surname_actors,
        metonymy_actors,
        group_actors,
    ],
)
def test_columns_and_offsets(finder):
    text = (
        "Moldovan President Maia Sandu said Chisinau would not yield. Sandu spoke in Paris "
        "after Romanian officials and the Moldovan government met EU envoys."
    )
    found = finder(text)
    assert list(found.columns) == COLUMNS
    assert len(found) > 0
    for row in found.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.kind in ("person", "organization", "state", "group")


def test_empty_text_is_an_error():
    with pytest.raises(CourseError):
        find_actors("   ")


def test_unknown_method_is_an_error():
    with pytest.raises(CourseError, match="unknown actor method"):
        find_actors("Kyiv said so.", methods=["magic"])


# --- people by titles and surnames ------------------------------------------------------


def test_title_with_country_gives_person_and_country():
    text = "Ukrainian Foreign Minister Dmytro Kuleba met reporters on Monday."
    found = find_actors(text)
    assert rows(found, "actor", "kind", "text", "method") == [
        ("Dmytro Kuleba", "person", "Dmytro Kuleba", "title")
    ]
    table = actor_table(found)
    assert table.loc[table.actor == "Dmytro Kuleba", "state"].item() == "UKR"
    assert table.loc[table.actor == "Dmytro Kuleba", "title"].item() == "Foreign Minister"


def test_georgian_prime_minister_and_his_surname():
    text = (
        "Georgian Prime Minister Irakli Garibashvili rejected the claims. "
        "Garibashvili said the protests would fail."
    )
    found = find_actors(text)
    assert rows(found, "actor", "text", "method") == [
        ("Irakli Garibashvili", "Irakli Garibashvili", "title"),
        ("Irakli Garibashvili", "Garibashvili", "surname"),
    ]
    assert actor_table(found).set_index("actor").loc["Irakli Garibashvili", "country"] == "Georgia"


def test_role_patterns_find_unlisted_people():
    text = (
        "Kremlin spokesman Dmitry Peskov declined to comment. "
        "Armen Grigoryan, secretary of the Security Council, said talks would go on. "
        "The Turkish ambassador to Georgia, Fatma Ceren Yazgan, attended. "
        "Spokeswoman Maria Zakharova and his Kazakh counterpart Murat Nurtleu spoke later."
    )
    people = set(title_actors(text)["actor"])
    assert people == {
        "Dmitry Peskov",
        "Armen Grigoryan",
        "Fatma Ceren Yazgan",
        "Maria Zakharova",
        "Murat Nurtleu",
    }


def test_title_words_are_not_separate_mentions():
    text = (
        "Azerbaijani Defense Minister Zakir Hasanov arrived. "
        "NATO Secretary General Mark Rutte left."
    )
    found = find_actors(text)
    # "Azerbaijani" and "NATO" describe the people; they are not mentions of their own
    assert rows(found, "actor", "kind") == [("Zakir Hasanov", "person"), ("Mark Rutte", "person")]


def test_surname_of_a_person_with_title_only_once():
    text = "Lithuanian President Gitanas Nauseda visited Kyiv. Nauseda's aides said he was pleased."
    later = surname_actors(text)
    assert rows(later, "actor", "text") == [("Gitanas Nauseda", "Nauseda")]


def test_short_name_after_title_merges_with_full_name():
    text = "President Tokayev spoke first. Then Kazakh President Kassym-Jomart Tokayev left."
    assert set(find_actors(text)["actor"]) == {"Kassym-Jomart Tokayev"}


# --- states, places and metonymy ----------------------------------------------------------


def test_capital_as_subject_is_its_state_but_not_as_a_place():
    text = "Kyiv accused Minsk of helping the invasion. The talks were held in Tbilisi."
    found = find_actors(text)
    assert rows(found, "actor", "text", "method") == [
        ("Ukraine", "Kyiv", "metonymy"),
        ("Belarus", "Minsk", "metonymy"),
    ]


def test_capital_after_from_is_an_actor_only_after_an_action_noun():
    text = "The delegation flew home from Ankara. The plan drew sharp criticism from Tehran."
    assert rows(metonymy_actors(text)) == [("Iran", "Tehran")]


def test_state_names_used_as_places_are_not_mentions():
    text = (
        "Monitors will patrol Georgia's border with Russia. Moldova protested, and troops "
        "moved to Ukraine. The deal was denounced by Romania."
    )
    found = gazetteer_actors(text)
    assert rows(found) == [("Moldova", "Moldova"), ("Romania", "Romania")]


def test_keep_places_shows_what_the_place_rule_removed():
    text = "Talks were held in Turkey."
    assert rows(gazetteer_actors(text)) == []
    assert rows(gazetteer_actors(text, keep_places=True)) == [("Turkey", "Turkey")]


def test_is_place():
    text = "Baku rejected it. A summit was held in Baku."
    assert is_place(text, 0, 4) is False
    assert is_place(text, text.rindex("Baku"), len(text) - 1) is True


def test_demonyms_act_for_their_state_unless_they_describe_a_place():
    text = (
        "The Ukrainian-Polish border stayed shut despite the Turkish offer. "
        "Ex-Soviet states and pro-Russian media said nothing in Russian."
    )
    found = find_actors(text)
    assert rows(found, "actor", "text") == [("Turkey", "Turkish")]


def test_curly_and_straight_apostrophes_match_alike():
    curly = find_actors("Azerbaijan’s army advanced and Russia’s Foreign Ministry objected.")
    straight = find_actors("Azerbaijan's army advanced and Russia's Foreign Ministry objected.")
    assert rows(curly, "actor", "start", "end") == rows(straight, "actor", "start", "end")
    assert rows(curly, "actor", "text") == [
        ("Azerbaijan: military", "Azerbaijan’s army"),
        ("Russia: Foreign Ministry", "Russia’s Foreign Ministry"),
    ]


# --- organisations, institutions and groups ------------------------------------------------


def test_organisations_acronyms_and_descriptions():
    text = (
        "The Organization for Security and Co-operation in Europe (OSCE) and the 27-nation bloc "
        "backed the plan, unlike the Moscow-led military alliance."
    )
    assert rows(find_actors(text)) == [
        ("OSCE", "Organization for Security and Co-operation in Europe"),
        ("OSCE", "OSCE"),
        ("EU", "27-nation bloc"),
        ("CSTO", "Moscow-led military alliance"),
    ]


def test_groups_with_their_state():
    text = "Georgian police detained protesters after Russian border guards crossed the line."
    assert rows(group_actors(text)) == [("Russia: border guards", "Russian border guards")]
    # the police is a standing institution (data/gazetteer/institutions.csv), not a group
    assert rows(find_actors(text), "actor", "kind") == [
        ("Georgia: police", "organization"),
        ("Russia: border guards", "group"),
    ]


def test_party_from_the_gazetteer():
    text = "Lawmakers from the ruling Georgian Dream party walked out."
    assert rows(find_actors(text), "actor", "kind", "text") == [
        ("Georgian Dream", "organization", "Georgian Dream")
    ]


# --- the course article ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def course():
    from course_utils.article import course_article

    return course_article()


@pytest.fixture(scope="module")
def course_mentions(course):
    return find_actors(course)


@pytest.mark.parametrize("surname", ["Lavrov", "Mirzoyan", "Bayramov", "Kopyrkin", "Zas"])
def test_course_people_found_by_patterns(course_mentions, surname):
    people = course_mentions[course_mentions.kind == "person"]
    hits = people[people.actor.str.endswith(surname)]
    assert len(hits) >= 1
    assert set(hits.method) <= {"title", "surname"}


def test_course_places_are_not_mentions(course, course_mentions):
    for phrase, word in [("held in Yerevan", "Yerevan"), ("take place in Moscow", "Moscow")]:
        at = course.text.index(phrase) + phrase.index(word)
        assert not ((course_mentions.start <= at) & (course_mentions.end > at)).any(), phrase


def test_course_offsets(course, course_mentions):
    for row in course_mentions.itertuples():
        assert course.text[row.start : row.end] == row.text
        sentence = course.sentences.set_index("id").loc[row.sentence]
        assert sentence.start <= row.start and row.end <= sentence.end


def test_course_metonymy(course_mentions):
    yerevan = course_mentions[course_mentions.text == "Yerevan"]
    assert set(yerevan.actor) == {"Armenia"} and set(yerevan.method) == {"metonymy"}
    assert len(yerevan) == 2  # "Yerevan went on ...", "Yerevan has accused ..."


def test_course_summary(course_mentions):
    summary = actor_summary(course_mentions).set_index("actor")
    assert summary.loc["Sergei Lavrov", "mentions"] == 4
    assert summary.loc["Sergei Lavrov", "kind"] == "person"
    assert "27-nation bloc" in summary.loc["EU", "aliases"]
    assert summary.loc["Russia: peacekeepers", "kind"] == "group"


def _quick_scores(pred: pd.DataFrame, key: pd.DataFrame) -> tuple[float, float]:
    """Relaxed mention precision and distinct-actor F1 (a small scorer for the test)."""
    gold = list(zip(key.start, key.end, strict=True))
    hits = sum(
        any(s < ge and gs < e for gs, ge in gold) for s, e in zip(pred.start, pred.end, strict=True)
    )
    precision = hits / len(pred) if len(pred) else 0.0
    p_actors, g_actors = set(pred.actor), set(key.actor)
    common = len(p_actors & g_actors)
    f1 = 2 * common / (len(p_actors) + len(g_actors)) if p_actors else 0.0
    return precision, f1


def test_course_against_answer_key(course, course_mentions):
    evaluate = pytest.importorskip("course_utils.evaluate")
    key = evaluate.load_key("actors", article=course)
    precision, distinct_f1 = _quick_scores(course_mentions, key)
    assert distinct_f1 >= 0.95
    assert precision >= 0.90
    base_precision, _ = _quick_scores(baseline_actors(course), key)
    assert base_precision < precision


def test_baseline_has_lower_precision_on_course(course, course_mentions):
    baseline = baseline_actors(course)
    assert set(baseline.method) == {"baseline"}
    # the baseline takes furniture of English as actors: "The", "It", "Foreign Minister ..."
    assert "The" in set(baseline.text)
    assert "The" not in set(course_mentions.text)
    assert len(baseline) > len(course_mentions)


def test_gazetteer_codes_are_iso():
    gaz = load_gazetteer()
    assert gaz.states["GEO"]["name"] == "Georgia"
    assert "Russian Federation" in gaz.states["RUS"]["aliases"]
    assert all(len(code) == 3 and code.isupper() for code in gaz.states)


# --- pictures -----------------------------------------------------------------------------


def test_highlight_html_marks_each_mention_with_readable_colours():
    from course_utils.plots.actors import highlight_html

    text = "Kyiv accused Moscow. Armenian soldiers & Lithuanian officials <watched>."
    page = highlight_html(text, find_actors(text))
    assert page.count("<mark") == 4
    assert "&lt;watched&gt;" in page and "&amp;" in page  # the text is escaped
    assert "background:#ffffff;color:#000000" in page  # explicit colours for dark mode
    assert highlight_html(text, find_actors(text), kinds=["group"]).count("<mark") == 2


def test_plots_have_titles_and_labels():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from course_utils.plots.actors import plot_cooccurrence, plot_mentions

    found = find_actors("Kyiv accused Moscow. Russia denied it, and Ukraine insisted.")
    for plot in (plot_mentions, plot_cooccurrence):
        ax = plot(found)
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert ax.figure.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        plt.close(ax.figure)


# --- titles absorb what is inside them; historical adjectives; coordinated places ---------


def test_an_institution_inside_a_title_is_part_of_the_title():
    text = "Moldovan Foreign Ministry spokeswoman Irina Vesnu said the talks would go on."
    assert rows(find_actors(text)) == [("Irina Vesnu", "Irina Vesnu")]
    text = "Estonia's Defense Ministry spokesman Toomas Kelder denied the report."
    assert rows(find_actors(text)) == [("Toomas Kelder", "Toomas Kelder")]
    table = actor_table("The Moldovan Foreign Ministry spokesman Petru Ursan said so.")
    assert rows(table, "actor", "state", "affiliation") == [
        ("Petru Ursan", "MDA", "Moldova: Foreign Ministry")
    ]


def test_an_institution_after_a_title_is_part_of_the_title():
    text = "Irina Vesnu, a spokeswoman for the Moldovan Foreign Ministry, said the talks went on."
    assert rows(find_actors(text)) == [("Irina Vesnu", "Irina Vesnu")]


def test_an_institution_without_a_person_is_still_a_mention():
    text = "The Moldovan Foreign Ministry protested, and its spokeswoman said nothing."
    assert rows(find_actors(text)) == [("Moldova: Foreign Ministry", "Moldovan Foreign Ministry")]


def test_title_adjectives_such_as_presidential_belong_to_the_title():
    text = "The talks ended, Kazakh presidential spokesman Arman Zhukenov said."
    assert rows(find_actors(text)) == [("Arman Zhukenov", "Arman Zhukenov")]
    assert rows(actor_table(text), "actor", "state") == [("Arman Zhukenov", "KAZ")]
    text = "Latvian parliamentary speaker Ilze Ozola met Lithuanian military spokesman Rokas Bal."
    assert rows(find_actors(text)) == [("Ilze Ozola", "Ilze Ozola"), ("Rokas Bal", "Rokas Bal")]


def test_historical_states_are_adjectives_not_actors():
    gaz = load_gazetteer()
    assert gaz.states["SUN"]["historical"] is True
    assert gaz.states["MDA"]["historical"] is False
    text = "Each former Soviet republic kept its Soviet-era treaties."
    assert rows(find_actors(text)) == []
    # the state's own name still acts, and living states' demonyms still act
    text = "The Soviet Union signed the accord, and the Moldovan side agreed."
    assert rows(find_actors(text)) == [("Soviet Union", "Soviet Union"), ("Moldova", "Moldovan")]


def test_the_historical_flag_lives_in_the_data(tmp_path, monkeypatch):
    import csv
    import shutil

    import course_utils.actors as actors_module

    folder = tmp_path / "gazetteer"
    shutil.copytree(actors_module._gazetteer_dir(), folder)
    with (folder / "states.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    for row in table:
        row["historical"] = ""  # an instructor who wants "Soviet" to act again
    with (folder / "states.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    edited = load_gazetteer(str(folder))
    assert edited.states["SUN"]["historical"] is False
    monkeypatch.setattr(actors_module, "load_gazetteer", lambda folder=None: edited)
    found = find_actors("Each former Soviet republic kept its treaties.")
    assert rows(found) == [("Soviet Union", "Soviet")]


def test_both_before_coordinated_states_keeps_them_places():
    text = "Moldova shares borders with both Romania and Ukraine."
    assert rows(find_actors(text)) == [("Moldova", "Moldova")]
    text = "Both Estonia and Latvia protested."
    assert rows(find_actors(text)) == [("Estonia", "Estonia"), ("Latvia", "Latvia")]


def test_a_demonym_before_a_title_without_a_name_acts_for_its_state():
    text = "The Latvian Foreign Minister said the talks would resume."
    assert rows(find_actors(text)) == [("Latvia", "Latvian")]
    text = "The Latvian Defense Minister Arturs Kalnins said the talks would resume."
    assert rows(find_actors(text)) == [("Arturs Kalnins", "Arturs Kalnins")]
    # an unknown capitalised word after a demonym may be a name: still left out
    assert rows(find_actors("The Latvian Zemgale Bank said the talks would resume.")) == []


# --- collective nouns, bloc descriptions, security committees, places in lists -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uzbek paratroopers guarded the depot.",
            [("Uzbekistan: paratroopers", "Uzbek paratroopers")],
        ),
        ("Latvian marines left the port.", [("Latvia: marines", "Latvian marines")]),
        ("Estonian conscripts were sent home.", [("Estonia: conscripts", "Estonian conscripts")]),
        (
            "Lithuanian riot police cleared the square.",
            [("Lithuania: riot police", "Lithuanian riot police")],
        ),
    ],
)
def test_military_and_security_collective_nouns_are_groups(text, expected):
    assert rows(find_actors(text)) == expected


@pytest.mark.parametrize(
    ("text", "actor", "span"),
    [
        ("On Monday the Moscow-led bloc agreed to help.", "CSTO", "Moscow-led bloc"),
        ("On Monday the Russian-led bloc agreed to help.", "CSTO", "Russian-led bloc"),
        ("On Monday the Western defense alliance met.", "NATO", "Western defense alliance"),
        ("On Monday the 27-member bloc met.", "EU", "27-member bloc"),
        ("On Monday a Russian-led economic bloc met.", "EAEU", "Russian-led economic bloc"),
    ],
)
def test_bloc_and_alliance_descriptions_name_their_organisation(text, actor, span):
    assert rows(find_actors(text)) == [(actor, span)]


def test_state_security_committees_and_cabinets_are_institutions():
    text = "Uzbekistan's State Security Committee detained Ilhom Varzobov, the agency said."
    assert rows(find_actors(text))[0] == (
        "Uzbekistan: security service",
        "Uzbekistan's State Security Committee",
    )
    text = "The Turkmen National Security Committee and Latvia's Federal Security Service met."
    assert rows(find_actors(text)) == [
        ("Turkmenistan: security service", "Turkmen National Security Committee"),
        ("Latvia: security service", "Latvia's Federal Security Service"),
    ]
    text = "The Uzbek cabinet resigned, and Turkmenistan's cabinet met."
    assert rows(find_actors(text)) == [
        ("Uzbekistan: government", "Uzbek cabinet"),
        ("Turkmenistan: government", "Turkmenistan's cabinet"),
    ]


def test_a_locative_word_governs_a_whole_coordinated_list():
    text = "About 900 troops from Latvia, Estonia, Lithuania, Poland and Finland arrived."
    assert rows(find_actors(text)) == []
    assert rows(find_actors("Observers in Uzbekistan and Turkmenistan counted votes.")) == []
    assert rows(find_actors("He visited Latvia, Estonia, Lithuania.")) == []
    # a comma after a place opens a new clause, not a list
    text = "In Tashkent, Uzbekistan said it would reply."
    assert rows(find_actors(text)) == [("Uzbekistan", "Uzbekistan")]


def test_a_capital_after_near_or_to_is_a_place_and_a_demonym_in_a_title_belongs_to_it():
    assert rows(find_actors("Uzbek paratroopers began landing near Tashkent.")) == [
        ("Uzbekistan: paratroopers", "Uzbek paratroopers")
    ]
    assert rows(find_actors("The convoy drove to Riga overnight.")) == []
    text = "Uzbek President Ilhom Varzobov said the mission was over."
    assert rows(find_actors(text)) == [("Ilhom Varzobov", "Ilhom Varzobov")]


def test_a_state_or_capital_that_locates_a_named_place_is_a_place():
    assert rows(find_actors("Delegates met in Vorlask, Latvia, on Friday.")) == []
    assert rows(find_actors("Officials in the capital, Tashkent, said it was calm.")) == []
    text = "Officials in the Uzbek capital, Tashkent, said it was calm."
    assert rows(find_actors(text)) == []


def test_an_owner_of_a_named_region_is_a_place():
    assert rows(find_actors("Latvia's breakaway Zemgalia region voted.")) == []
    assert rows(find_actors("Shells hit Estonia's Vorlask province.")) == []
    # an owner of something that is not a place still acts
    text = "Estonia's Vorlask Bank said it would pay."
    assert rows(find_actors(text)) == [("Estonia", "Estonia")]


def test_an_ethnic_adjective_is_not_the_state():
    text = "A drone struck ethnic Uzbek fighters. Ethnic Uzbek authorities said ethnic Uzbeks fled."
    assert rows(find_actors(text)) == []
    assert rows(find_actors("A drone struck Uzbek fighters.")) == [
        ("Uzbekistan: fighters", "Uzbek fighters")
    ]


def test_a_possessive_with_an_action_noun_after_a_locative_word_acts():
    text = "The council met at Latvia's request on Friday."
    assert rows(find_actors(text)) == [("Latvia", "Latvia")]
    assert rows(find_actors("The patrol stopped at Latvia's border.")) == []
