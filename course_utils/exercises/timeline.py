"""Self-checks for notebook 04, "Building the timeline".

04.1 and 04.2 resolve two expressions by hand, as TIMEX3 values, against a publication date
the questions name (3 February 2023), so they read the same whatever article the course
uses; the truth comes from :func:`course_utils.dates.resolve` and
:func:`course_utils.dates.scan_text`. 04.3 compares :func:`course_utils.dates.find_dates`
under the configured article's publication date and the same day a week earlier: a table
compared with itself gives no change, which is wrong whenever the article has a relative
date. 04.4 asks for the PLOVER type of made-up sentences; the truth is the
type of their trigger in the course lexicon. 04.5 classifies where the timeline and the key
disagree. 04.6 reads :func:`course_utils.events.explain_events` for the configured article:
the triggers dropped for want of a date (their reason names a date). Hints name the kind of
mistake, never the answer.

>>> from course_utils.exercises import check
>>> check("04.1", "2023-W05")
✘ 04.1: not yet. Hint: that is the publication week itself; "last week" is the week before it
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from course_utils.dates import bounds, find_dates, iso_week, resolve, scan_text
from course_utils.events import PLOVER_TYPES, find_triggers
from course_utils.exercises._framework import Exercise, Hint, hint, register
from course_utils.exercises._judging import judgement_exercise

__all__ = [
    "LATE_DECEMBER_SENTENCE",
    "PUBLISHED",
    "SHIFT",
    "TYPE_SENTENCES",
    "changed_expressions",
    "dropped_for_date",
    "event_judgement_table",
    "last_week",
    "late_december",
    "sentence_types",
]

#: The publication date the questions of 04.1 and 04.2 name (inferred, see article.toml).
PUBLISHED = dt.date(2023, 2, 3)

_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH = re.compile(r"(\d{4})-(\d\d)")


# --- 04.1 "last week" ---------------------------------------------------------------------


def last_week() -> str:
    """The TIMEX3 value of "last week" in an article published on :data:`PUBLISHED`."""
    value = resolve("last week", PUBLISHED)
    assert value is not None
    return value.value


def _monday(year: int, week: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _check_last_week(answer: Any) -> Hint | None:
    if not isinstance(answer, str):
        return hint("give the value as a string in quotes, written like the values in the table")
    given = answer.strip()
    truth = last_week()
    if given == truth:
        return None
    if given.upper() == truth:
        return hint("TIMEX3 writes the week with a capital W")
    if re.fullmatch(r"\d{4}-W\d", given):
        return hint("a week number has two digits: write week 7 as 07")
    if re.fullmatch(r"W?\d{1,2}", given, flags=re.I) or re.fullmatch(r"\d{4}W\d\d", given):
        return hint("write the year, a hyphen, then W and the week number, as in the lesson")
    if _DAY.fullmatch(given) or "/" in given:
        return hint(
            "the text names a week, not a day or a list of days: give the ISO week as one value"
        )
    if _MONTH.fullmatch(given):
        return hint("a month is too coarse: the text names a week, so give an ISO week")
    week = _WEEK.fullmatch(given)
    if not week:
        return hint("that is not a TIMEX3 week value; look at how the lesson writes a week")
    monday = _monday(int(week[1]), int(week[2]))
    if monday is None:
        return hint(f"{given} does not exist: no year has that many ISO weeks")
    truth_monday = bounds(truth)[0]
    if given == iso_week(PUBLISHED):
        return hint('that is the publication week itself; "last week" is the week before it')
    if monday > truth_monday:
        return hint("that week is after the publication date: count backwards, not forwards")
    if given[5:] == truth[5:]:
        return hint("the week number is right but the year is not: which year is it in February?")
    if (truth_monday - monday).days <= 14:
        return hint(
            "you went back too far: start from the week that holds the publication date, "
            "then step back one week only"
        )
    return hint(
        "that week is long before the article: use iso_week() on the publication date, "
        "then go back one week"
    )


register(
    Exercise(
        "04.1",
        'Resolve "last week" against Friday 3 February 2023; give its TIMEX3 value.',
        _check_last_week,
        solution=last_week,
        mistakes=lambda: (
            ("2023-W05", "publication week itself"),
            ("2023-W03", "back too far"),
            ("2023-W06", "after the publication date"),
            ("2022-W04", "the year is not"),
            ("2023-01-27", "not a day"),
            ("2023-01", "too coarse"),
            ("2023-w04", "capital W"),
            ("2023-W4", "two digits"),
            ("W04", "a hyphen"),
            ("2023-W60", "no year has that many"),
            (4, "string in quotes"),
        ),
        success="An ISO week runs from Monday to Sunday: the text says which week, not which day.",
    )
)


# --- 04.2 "late December" -----------------------------------------------------------------

#: A made-up sentence that holds "late December", in a report of :data:`PUBLISHED`.
LATE_DECEMBER_SENTENCE = (
    "Foreign Minister Jane Roe cancelled in late December a meeting with her Kalonian "
    "counterpart, prompting a stern rebuke from Vesland."
)


def late_december() -> dict[str, str]:
    """Value and mod of "late December" in its sentence, resolved against :data:`PUBLISHED`
    with the tense read from the sentence (as ``find_dates`` does)."""
    for start, end, value in scan_text(LATE_DECEMBER_SENTENCE, PUBLISHED):
        if LATE_DECEMBER_SENTENCE[start:end] == "late December":
            return {"value": value.value, "mod": value.mod}
    raise AssertionError("the sentence lost its date expression")  # pragma: no cover


def _as_value_and_mod(answer: Any) -> tuple[Any, Any] | None:
    if isinstance(answer, Mapping):
        keys = {str(k).strip().lower(): v for k, v in answer.items()}
        if set(keys) == {"value", "mod"}:
            return keys["value"], keys["mod"]
        return None
    if isinstance(answer, tuple | list) and len(answer) == 2:
        return answer[0], answer[1]
    return None


def _check_late_december(answer: Any) -> Hint | None:
    pair = _as_value_and_mod(answer)
    if pair is None:
        return hint('give a dict with two keys, {"value": "...", "mod": "..."}')
    value, mod = pair
    if not isinstance(value, str) or not isinstance(mod, str):
        return hint("both the value and the mod are strings in quotes")
    value, mod = value.strip(), mod.strip()
    truth = late_december()
    if (value, mod) == (truth["value"], truth["mod"]):
        return None
    if re.search(r"(?i)end|late|start|mid", value):
        return hint("keep the value a plain date value; 'late' goes in mod, not in the value")
    if _DAY.fullmatch(value):
        return hint(
            "the text names a month, not a day: keep month precision and let mod say 'late'"
        )
    if _WEEK.fullmatch(value):
        return hint("the text names a month, not a week")
    month = _MONTH.fullmatch(value)
    if not month:
        return hint("write the value as year-month, YYYY-MM, as the lesson does for a month")
    truth_year, truth_month = int(truth["value"][:4]), int(truth["value"][5:])
    if int(month[2]) != truth_month:
        return hint("check the month: which month does the expression name?")
    if int(month[1]) > PUBLISHED.year or int(month[1]) > truth_year:
        return hint(
            "that December comes after the publication date, but the sentence is in the past "
            "tense ('cancelled'): which December had already happened?"
        )
    if int(month[1]) != truth_year:
        return hint("that December is too long ago: take the most recent one that fits")
    if mod == "":
        return hint("the value is right, but 'late' is lost: TIMEX3 keeps it in mod")
    if mod.upper() == truth["mod"]:
        return hint("TimeML writes mod in capitals")
    if mod.upper() == "START":
        return hint("START is what 'early' gives; 'late' points to the other end of the month")
    if mod.upper() == "MID":
        return hint("MID is what 'mid' gives; 'late' points to the end part of the month")
    return hint(
        f"{mod!r} is not one of TimeML's mod words: use the upper-case words from the lesson"
    )


register(
    Exercise(
        "04.2",
        'Resolve "late December" in "Jane Roe cancelled in late December …" against '
        "3 February 2023: value and mod.",
        _check_late_december,
        solution=late_december,
        mistakes=lambda: (
            ({"value": "2023-12", "mod": "END"}, "after the publication date"),
            ({"value": "2021-12", "mod": "END"}, "too long ago"),
            ({"value": "2022-12", "mod": ""}, "'late' is lost"),
            ({"value": "2022-12", "mod": "START"}, "what 'early' gives"),
            ({"value": "2022-12", "mod": "MID"}, "what 'mid' gives"),
            ({"value": "2022-12", "mod": "LATE"}, "not one of TimeML's mod words"),
            ({"value": "2022-12", "mod": "end"}, "in capitals"),
            ({"value": "2022-12-25", "mod": "END"}, "not a day"),
            ({"value": "2022-W52", "mod": "END"}, "not a week"),
            ({"value": "2022-12 END", "mod": ""}, "'late' goes in mod"),
            ({"value": "2022-11", "mod": "END"}, "check the month"),
            ({"value": "December 2022", "mod": "END"}, "YYYY-MM"),
            ("2022-12", "a dict with two keys"),
            ({"value": 2022, "mod": "END"}, "strings in quotes"),
        ),
        success="Month precision with mod END: the value says which month, the mod which part.",
    )
)


# --- 04.3 A week earlier ---------------------------------------------------------------------

#: How far 04.3 moves the publication date back.
SHIFT = dt.timedelta(weeks=1)


def changed_expressions(
    article: Any = None, published: dt.date | None = None, other: dt.date | None = None
) -> list[str]:
    """The date expressions whose value or mod differs between ``published`` (default: the
    article's date) and ``other`` (default: :data:`SHIFT` before it), in text order."""
    if article is None:
        from course_utils.article import course_article

        article = course_article()
    published = published or article.published
    other = other or published - SHIFT
    first = find_dates(article, published).set_index("start")
    second = find_dates(article, other).set_index("start")
    changed = [
        str(first.at[start, "text"])
        for start in first.index
        if start not in second.index
        or (first.at[start, "value"], first.at[start, "mod"])
        != (second.at[start, "value"], second.at[start, "mod"])
    ]
    changed += [str(second.at[s, "text"]) for s in second.index if s not in first.index]
    return changed


def _dates_and_rules() -> tuple[list[str], dict[str, str]]:
    from course_utils.article import course_article

    dates = find_dates(course_article())
    return list(dates["text"]), dict(zip(dates["text"], dates["rule"], strict=True))


_ABSOLUTE_RULES = {"iso-date", "full-date", "month-year", "year"}


def _as_texts(answer: Any) -> list[str] | Hint:
    if isinstance(answer, bool):
        return hint("give a list of expressions (their text), not True or False")
    if isinstance(answer, str | bytes | Mapping) or not isinstance(answer, Iterable):
        return hint('give a list of expressions, as written in the text column: ["…", "…"]')
    given = list(answer)
    if not all(isinstance(x, str) for x in given):
        return hint("every item should be an expression's text, as a string")
    return given


def _check_changed(answer: Any) -> Hint | None:
    given = _as_texts(answer)
    if isinstance(given, Hint):
        return given
    texts, rules = _dates_and_rules()
    unknown = [x for x in given if x not in rules]
    if unknown:
        return hint(
            f"{unknown[0]!r} is not in the text column of find_dates: copy the texts exactly"
        )
    truth = set(changed_expressions())
    chosen = set(given)
    if chosen == truth:
        return None
    if not chosen:
        return hint(
            "an empty list says nothing moves. Did both tables use the same day?",
            "find_dates takes the publication date as its second argument: give it the earlier day",
        )
    if chosen == set(texts):
        return hint(
            "you listed every expression: keep only those whose value differs between the "
            "two tables",
            "an expression that names its own year does not move",
        )
    wrong = chosen - truth
    absolute = sorted(x for x in wrong if rules[x] in _ABSOLUTE_RULES)
    if absolute:
        return hint(
            f"{absolute[0]!r} gives its own year, so it cannot depend on the publication date"
        )
    if wrong:
        return hint(
            "some of yours keep their value: compare the value column of the two tables, row by row"
        )
    return hint(
        "some expressions that change are still missing: compare every row",
        "any expression that does not name its own year counts from the publication date",
    )


def _changed_wrong_answers() -> tuple[tuple[Any, str], ...]:
    texts, rules = _dates_and_rules()
    truth = changed_expressions()
    wrong: list[tuple[Any, str]] = [
        (True, "not True or False"),
        ("last week", "as written in the text column"),
        ([1], "as a string"),
        (["Atlantis, 1 May"], "copy the texts exactly"),
    ]
    if truth:
        wrong.append(([], "Did both tables use the same day?"))
        if len(truth) > 1:
            wrong.append((truth[1:], "still missing"))
    steady = [t for t in texts if t not in truth]
    absolute = [t for t in steady if rules[t] in _ABSOLUTE_RULES]
    if absolute and set(texts) != set(truth):
        wrong.append(([*truth, absolute[0]], "gives its own year"))
    relative = [t for t in steady if rules[t] not in _ABSOLUTE_RULES]
    if relative:
        wrong.append(([*truth, relative[0]], "some of yours keep their value"))
    if len(set(texts)) > len(set(truth)) + 1 and steady:
        wrong.append((texts, "every expression"))
    return tuple(wrong)


register(
    Exercise(
        "04.3",
        "Which date expressions change their value if the article had been published a week "
        "earlier?",
        _check_changed,
        solution=changed_expressions,
        mistakes=_changed_wrong_answers,
        success=(
            "Only relative expressions move, and they move with the publication date: an "
            "error in that date is an error in every one of them."
        ),
    )
)


# --- 04.4 Which PLOVER type? -------------------------------------------------------------

#: Made-up sentences for 04.4, each with one trigger word of the course lexicon.
TYPE_SENTENCES: tuple[str, ...] = (
    "Border guards detained two journalists near the checkpoint.",
    "The ministry expelled three diplomats on Monday.",
    "Thousands of students demonstrated outside parliament.",
    "The defence minister warned that troops would respond.",
)

# Confusions between two types: (right type, given type) -> what tells them apart.
_CONFUSIONS: dict[tuple[str, str], str] = {
    ("COERCE", "ASSAULT"): (
        "nobody is hurt here; ASSAULT is kept for deliberate physical violence. Which type "
        "covers repression short of violence?"
    ),
    ("SANCTION", "COERCE"): (
        "this is one state cutting down its relations with another, not repression of people: "
        "look for the type about reducing relations"
    ),
    ("SANCTION", "REJECT"): (
        "nothing asked for is being refused here; the action reduces relations between two states"
    ),
    ("PROTEST", "ACCUSE"): (
        "ACCUSE is criticism in words; people taking to the streets to show their views "
        "have a type of their own"
    ),
    ("THREATEN", "ACCUSE"): (
        "a warning is about what may happen next, not blame for what has happened"
    ),
}


def sentence_types() -> list[str]:
    """The PLOVER type of each of :data:`TYPE_SENTENCES`, from its trigger in the lexicon."""
    types = []
    for sentence in TYPE_SENTENCES:
        found = {t.event_type for t in find_triggers(sentence)}
        assert len(found) == 1, (sentence, found)
        types.append(found.pop())
    return types


def _check_types(answer: Any) -> Hint | None:
    n = len(TYPE_SENTENCES)
    if isinstance(answer, str | bytes | Mapping) or not isinstance(answer, Iterable):
        return hint(f'give a list of {n} PLOVER types, one per sentence: ["…", "…", …]')
    given = list(answer)
    if len(given) != n:
        return hint(f"give one type per sentence: there are {n} sentences, you gave {len(given)}")
    if not all(isinstance(x, str) for x in given):
        return hint("each type is a string in quotes, such as the names in the table")
    given = [x.strip().upper() for x in given]
    unknown = [x for x in given if x not in PLOVER_TYPES]
    if unknown:
        return hint(f"{unknown[0]!r} is not one of PLOVER's 16 names: copy a name from the table")
    truth = sentence_types()
    if given == truth:
        return None
    for i, (got, want) in enumerate(zip(given, truth, strict=True), start=1):
        if got == want:
            continue
        if (want, got) in _CONFUSIONS:
            return hint(f"sentence {i}: {_CONFUSIONS[(want, got)]}")
        return hint(
            f"sentence {i}: find the word that says what happened, then read the table's "
            "descriptions again"
        )
    return None  # pragma: no cover - every mismatch returns above


def _types_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth = sentence_types()

    def swap(index: int, to: str) -> list[str]:
        changed = list(truth)
        changed[index] = to
        return changed

    by_type = {t: i for i, t in enumerate(truth)}
    return (
        (swap(by_type["COERCE"], "ASSAULT"), "short of violence"),
        (swap(by_type["SANCTION"], "COERCE"), "not repression of people"),
        (swap(by_type["SANCTION"], "REJECT"), "nothing asked for"),
        (swap(by_type["PROTEST"], "ACCUSE"), "taking to the streets"),
        (swap(by_type["THREATEN"], "ACCUSE"), "what may happen next"),
        (swap(by_type["THREATEN"], "AID"), "read the table's descriptions"),
        (swap(0, "ARREST"), "not one of PLOVER's 16 names"),
        (truth[:-1], "one type per sentence"),
        ("COERCE", "a list of"),
        ([1, 2, 3, 4], "a string in quotes"),
    )


register(
    Exercise(
        "04.4",
        "Give the PLOVER type of each made-up sentence.",
        _check_types,
        solution=sentence_types,
        mistakes=_types_wrong_answers,
        success="The course's trigger lexicon gives the same types.",
    )
)


# --- 04.5 Judge the timeline against the key -----------------------------------------------


def event_judgement_table() -> Any:
    """The events where the configured article's timeline and its events key differ."""
    from course_utils.article import course_article
    from course_utils.evaluate import load_key
    from course_utils.events import build_timeline
    from course_utils.exercises._judging import event_disagreements

    article = course_article()
    return event_disagreements(build_timeline(article), load_key("events", article=article))


register(
    judgement_exercise(
        "04.5",
        "Classify each row where the timeline and the key disagree: missed, spurious, wrong "
        "actor, wrong date (or key error).",
        event_judgement_table,
        success="Now read the sentence behind each row: which fix would each need?",
    )
)


# --- 04.6 Dropped for want of a date ---------------------------------------------------------

#: A reason of ``explain_events`` that says the trigger was dropped because of its date.
_DATE_REASON = re.compile(r"\bdates?\b", re.IGNORECASE)


def _explained(article: Any = None) -> Any:
    from course_utils.events import explain_events

    if article is None:
        from course_utils.article import course_article

        article = course_article()
    return explain_events(article)


def dropped_for_date(article: Any = None) -> list[str]:
    """The triggers (their text, in text order) that ``explain_events`` dropped because no
    date could be given to them: they would be events, but the timeline cannot place them.

    >>> import datetime as dt
    >>> from course_utils.article import clean_article
    >>> text = "Talks\\n\\nVesland met Kalonia on Monday.\\n\\nKalonia later accused Vesland."
    >>> dropped_for_date(clean_article(text, dt.date(2024, 3, 15)))
    ['accused']
    """
    table = _explained(article)
    rows = (table["decision"] == "dropped") & table["reason"].str.contains(_DATE_REASON)
    return [str(t) for t in table.loc[rows, "trigger"]]


def _trigger_groups() -> tuple[list[str], Counter[str], Counter[str], Counter[str]]:
    """(truth, truth counts, other dropped triggers, event triggers) of the article in use."""
    table = _explained()
    dropped = table["decision"] == "dropped"
    for_date = dropped & table["reason"].str.contains(_DATE_REASON)
    truth = [str(t) for t in table.loc[for_date, "trigger"]]
    other = Counter(str(t) for t in table.loc[dropped & ~for_date, "trigger"])
    events = Counter(str(t) for t in table.loc[~dropped, "trigger"])
    return truth, Counter(truth), other, events


def _check_dropped_for_date(answer: Any) -> Hint | None:
    given = _as_triggers(answer)
    if isinstance(given, Hint):
        return given
    _, wanted, other, events = _trigger_groups()
    known = set(wanted) | set(other) | set(events)
    unknown = [x for x in given if x not in known]
    if unknown:
        return hint(f"{unknown[0]!r} is not in the trigger column: copy the triggers exactly")
    chosen = Counter(given)
    if isinstance(answer, set | frozenset):  # a set keeps each trigger once
        wanted = Counter(set(wanted))
    if chosen == wanted:
        return None
    return _dropped_hint(chosen, wanted, other, events)


def _as_triggers(answer: Any) -> list[str] | Hint:
    if isinstance(answer, bool):
        return hint("give a list of triggers (their text), not True or False")
    if isinstance(answer, str | bytes | Mapping) or not isinstance(answer, Iterable):
        return hint('give a list of triggers, as written in the trigger column: ["…", "…"]')
    given = list(answer)
    if not all(isinstance(x, str) for x in given):
        return hint("every item should be a trigger's text, as a string")
    return [x.strip() for x in given]


def _dropped_hint(
    chosen: Counter[str], wanted: Counter[str], other: Counter[str], events: Counter[str]
) -> Hint:
    extra = chosen - wanted
    if not chosen:
        return hint(
            "an empty list says no trigger lost its event to a date. Read the reason column "
            "of the dropped rows again",
            "keep the rows whose decision is 'dropped' and whose reason is about a date",
        )
    if any(t in events and t not in other for t in extra):
        return hint(
            "some of yours became events: keep only the rows whose decision is 'dropped'",
            "filter the decision column first, then read the reasons",
        )
    if any(t in other for t in extra):
        return hint(
            "some of yours were dropped for another reason (negated, a condition, part of "
            "another act…): keep those whose reason is about a date",
            "read each reason: does it say the trigger had no date to take?",
        )
    if extra:
        return hint("some of yours became events: keep only the rows whose decision is 'dropped'")
    return hint(
        "some triggers dropped for want of a date are still missing: read every reason",
        "a date can be lacking in more than one way: none in the sentence, or one that "
        "cannot be borrowed because time has moved on",
    )


def _dropped_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth, _, other, events = _trigger_groups()
    wrong: list[tuple[Any, str]] = [
        (True, "not True or False"),
        ("dropped", "as written in the trigger column"),
        ([1], "as a string"),
        (["Atlantis"], "copy the triggers exactly"),
    ]
    if truth:
        wrong.append(([], "an empty list"))
        if len(truth) > 1:
            wrong.append((truth[1:], "still missing"))
    only_events = [t for t in events if t not in other]
    if only_events:
        wrong.append(([*truth, only_events[0]], "some of yours became events"))
    if other:
        wrong.append(([*truth, *other.elements()], "dropped for another reason"))
    return tuple(wrong)


register(
    Exercise(
        "04.6",
        "Which triggers did explain_events drop because no date could be given to them?",
        _check_dropped_for_date,
        solution=dropped_for_date,
        mistakes=_dropped_wrong_answers,
        success=(
            "Each of these would be an event with a date; the timeline cannot show them, "
            "so read their sentences yourself."
        ),
    )
)
