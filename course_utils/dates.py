"""Find date expressions in an article and resolve them against its publication date.

The values follow TimeML's TIMEX3: a value is written at the precision the text gives,
``2023-02-01`` (day), ``2023-W04`` (ISO week), ``2022-12`` (month) or ``2022`` (year), with
an optional ``mod`` of ``START``, ``MID`` or ``END`` for "early", "mid" and "late". Relative
expressions ("on Tuesday", "last week") are resolved against the publication date, with the
conventions of HeidelTime's news mode, written here in our own words:

- a bare weekday in past-tense reporting is the most recent such day on or before the
  publication date; after "will", "would", "is expected to" it is the next one (on or after);
- a month without a year takes the publication year, unless the sentence is in the past tense
  and the month lies after the publication month (then the previous year), or the sentence
  looks forward and the month lies before the publication month (then the next year);
- "last November" is the most recent November strictly before the publication month;
- "last week" is the ISO week before the publication week; "later this month" is the
  publication month with mod END;
- "November last year" is November of the year before the publication year;
- "the next day" ("the following day", "the previous day", "the same day", "the day
  before" and "the day after" when they end their noun phrase, "that night", "late that
  night") counts from the date expression just before it in the article, when
  that one names a day (rule ``anaphoric``);
- a part of the day after a weekday ("Saturday night") belongs to it, and "early on" or
  "late on" before a day ("Early on January 6") gives mod START or END at day precision;
- durations ("a two-year mission") and vague words ("soon", "lately") are not dates:
  :func:`rejected_expressions` lists them with the reason.

>>> import datetime as dt
>>> published = dt.date(2023, 2, 3)          # a Friday
>>> resolve("last week", published).value
'2023-W04'
>>> resolve("on Tuesday", published).value
'2023-01-31'
>>> resolve("on Tuesday", published, tense="future").value
'2023-02-07'
>>> resolve("late December", published, tense="past")
TimeValue(value='2022-12', precision='month', mod='END', rule='month-with-mod')
>>> resolve("a two-year mission", published) is None
True
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from course_utils._paths import data_dir
from course_utils.article import build_table, parse_published, table_columns
from course_utils.errors import PublicationDateError
from course_utils.text import fold_quotes

__all__ = [
    "DATE_COLUMNS",
    "EXPLAIN_COLUMNS",
    "REJECTED_COLUMNS",
    "TimeValue",
    "anaphoric_day",
    "bounds",
    "explain_dates",
    "find_dates",
    "iso_week",
    "month_after",
    "month_before",
    "published_date",
    "rejected_expressions",
    "resolve",
    "scan_text",
    "tense_near",
    "weekday_after",
    "weekday_before",
    "year_for_month",
]

Tense = Literal["past", "future"] | None

#: The columns of :func:`find_dates`.
DATE_COLUMNS = [
    "text", "start", "end", "sentence", "value", "precision", "mod", "date_start", "date_end",
    "rule",
]  # fmt: skip
#: The columns of :func:`rejected_expressions`.
REJECTED_COLUMNS = ["text", "start", "end", "sentence", "kind", "reason"]
#: The columns of :func:`explain_dates`.
EXPLAIN_COLUMNS = ["text", "start", "end", "sentence", "decision", "value", "rule", "reason"]

# --- Words ----------------------------------------------------------------------------------

MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8})
MONTHS.update({"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
MODS: dict[str, str] = {
    "early": "START", "beginning of": "START", "start of": "START", "mid": "MID",
    "middle of": "MID", "late": "END", "end of": "END",
}  # fmt: skip

# --- Regular expressions (all of the module's patterns live here) ---------------------------

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w-])"
)
_FULL_MONTH = (
    r"(?P<month>January|February|April|June|July|August|September|October|November|December)"
    r"(?![\w-])"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d-])"
# A year standing alone after a preposition may be older: "French since 1853".
_OLD_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d-])"
_MOD = r"(?P<mod>(?i:early|late|mid|the\s+(?:beginning|start|middle|end)\s+of))"
_MOD_DASH = _MOD + r"(?:\s+|-)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w-])"
_UNIT = r"(?P<unit>day|week|month|year)s?"
# A part of the day after a weekday ("Saturday night"): part of the expression, still a day.
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night)(?![\w-]))?"
# "late on" / "early on" before a month and day ("Early on January 6"): kept whole, with a mod.
_MOD_ON = r"(?:(?P<mod>(?i:early|late))\s+(?i:on)\s+)?"
_NUM_WORDS = "|".join(sorted(NUMBERS, key=len, reverse=True))
_NUM = rf"(?:\d+|(?i:{_NUM_WORDS}))"
_B = r"(?<![\w-])"  # not inside a word
# Prepositions that announce a month or a year standing alone ("in March", "since 2020").
_TIME_PREP = r"(?i:in|since|by|until|till|before|after|from|through|during|of|throughout|between)"


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date, Tense], TimeValue | None]
    needs_tense: bool = False
    #: whether the pattern has a group ``x``, the date itself inside a longer match
    has_x: bool = False


@dataclass(frozen=True)
class TimeValue:
    """A resolved date: TIMEX3 ``value``, ``precision``, ``mod`` and the ``rule`` used.

    >>> TimeValue("2023-W04", "week").date_start, TimeValue("2023-W04", "week").date_end
    ('2023-01-23', '2023-01-29')
    """

    value: str
    precision: str
    mod: str = ""
    rule: str = ""

    @property
    def date_start(self) -> str:
        """The first day the value covers, as an ISO string."""
        return bounds(self.value)[0].isoformat()

    @property
    def date_end(self) -> str:
        """The last day the value covers, as an ISO string."""
        return bounds(self.value)[1].isoformat()


# --- Small calendar functions ---------------------------------------------------------------


def iso_week(day: dt.date) -> str:
    """Return the ISO week of ``day`` as a TIMEX3 value.

    >>> iso_week(dt.date(2023, 1, 26))
    '2023-W04'
    >>> iso_week(dt.date(2023, 1, 1))      # a Sunday: still the last week of 2022
    '2022-W52'
    """
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


@functools.lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of a TIMEX3 value (day, ISO week, month or year).

    >>> bounds("2022-12")
    (datetime.date(2022, 12, 1), datetime.date(2022, 12, 31))
    >>> bounds("2022-W52")
    (datetime.date(2022, 12, 26), datetime.date(2023, 1, 1))
    >>> bounds("2024-02")[1]
    datetime.date(2024, 2, 29)
    >>> bounds("199")                       # a decade: the 1990s
    (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    """
    if re.fullmatch(r"\d{4}-W\d\d", value):
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        return monday, monday + dt.timedelta(days=6)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        day = dt.date.fromisoformat(value)
        return day, day
    if re.fullmatch(r"\d{4}-\d\d", value):
        year, month = int(value[:4]), int(value[5:])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value) and value != "000":
        first = int(value) * 10
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    raise ValueError(f"not a TIMEX3 date value: {value!r}")


def weekday_before(weekday: int, published: dt.date, *, strictly: bool = False) -> dt.date:
    """Return the most recent ``weekday`` (0 = Monday) on or before ``published``.

    >>> weekday_before(1, dt.date(2023, 2, 3))            # Tuesday before Friday 3 Feb
    datetime.date(2023, 1, 31)
    >>> weekday_before(4, dt.date(2023, 2, 3))            # "on Friday" in Friday's paper
    datetime.date(2023, 2, 3)
    >>> weekday_before(4, dt.date(2023, 2, 3), strictly=True)   # "last Friday"
    datetime.date(2023, 1, 27)
    """
    back = (published.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def weekday_after(weekday: int, published: dt.date, *, strictly: bool = False) -> dt.date:
    """Return the next ``weekday`` (0 = Monday) on or after ``published``.

    >>> weekday_after(1, dt.date(2023, 2, 3))             # "will meet on Tuesday"
    datetime.date(2023, 2, 7)
    >>> weekday_after(4, dt.date(2023, 2, 3), strictly=True)    # "next Friday"
    datetime.date(2023, 2, 10)
    """
    ahead = (weekday - published.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return published + dt.timedelta(days=ahead)


def year_for_month(month: int, published: dt.date, tense: Tense = None) -> int:
    """Return the year of a month named without one ("in December"), given the tense.

    >>> january = dt.date(2023, 1, 10)
    >>> year_for_month(12, january, "past"), year_for_month(12, january, None)
    (2022, 2023)
    >>> year_for_month(1, dt.date(2023, 11, 20), "future")
    2024
    """
    if tense == "past" and month > published.month:
        return published.year - 1
    if tense == "future" and month < published.month:
        return published.year + 1
    return published.year


def month_before(month: int, published: dt.date) -> tuple[int, int]:
    """Return ``(year, month)`` of "last <month>": strictly before the publication month.

    >>> month_before(11, dt.date(2023, 2, 3))
    (2022, 11)
    >>> month_before(2, dt.date(2023, 2, 3))
    (2022, 2)
    """
    return (published.year, month) if month < published.month else (published.year - 1, month)


def month_after(month: int, published: dt.date) -> tuple[int, int]:
    """Return ``(year, month)`` of "next <month>": strictly after the publication month.

    >>> month_after(3, dt.date(2023, 2, 3)), month_after(1, dt.date(2023, 2, 3))
    ((2023, 3), (2024, 1))
    """
    return (published.year, month) if month > published.month else (published.year + 1, month)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


# --- Tense ------------------------------------------------------------------------------------


def _tense_words() -> dict[str, tuple[str, ...]]:
    """The rows of ``data/dates/tense_cues.csv`` by kind, in file order.

    >>> words = _tense_words()
    >>> "will" in words["future"], "said" in words["speech-frame"]
    (True, True)
    """
    import csv

    path = data_dir() / "dates" / "tense_cues.csv"
    found: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["kind"].strip(), []).append(row["cue"].strip().lower())
    return {kind: tuple(words) for kind, words in found.items()}


_WORDS = _tense_words()


def _future_pattern(words: dict[str, tuple[str, ...]]) -> str:
    """One pattern for the forward-looking cues: the "future" rows (an auxiliary, "plans to")
    and a "be" row before a "be-future" row and "to" ("is expected to")."""
    phrases = [w for w in words["future"] if not w.startswith("'")]
    alternation = "|".join(
        r"\s+".join(re.escape(part) for part in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    be = "|".join(map(re.escape, words["be"]))
    be_future = "|".join(map(re.escape, words["be-future"]))
    clitics = "|".join(re.escape(w) + r"\b" for w in words["future"] if w.startswith("'"))
    pattern = rf"(?i)\b(?:{alternation}|(?:{be})\s+(?:{be_future})\s+to)\b"
    return pattern + (f"|{clitics}" if clitics else "")


_FUTURE_CUES = re.compile(_future_pattern(_WORDS))
_IRREGULAR_PAST = "|".join(_WORDS["past"])
_PAST_CUES = re.compile(rf"(?i)(?<![\w-])(?:{_IRREGULAR_PAST}|[a-z]{{2,}}(?:ed|ied))(?![\w-])")
# Words ending in -ed that are not past-tense verbs.
_NOT_PAST = frozenset(_WORDS["not-past"])


# Speech verbs that frame a report ("…, the ministry said"): their tense is the reporter's.
_SPEECH_VERBS = frozenset(_WORDS["speech-frame"])

# Words that open a clause of their own ("…in December, under which the allies will…"): a
# verb after one of them is that clause's, not the verb of a date before it.
_OPENERS = re.compile(
    rf"(?i)(?<![\w-])(?:{'|'.join(map(re.escape, _WORDS['clause-opener']))})(?![\w-])"
)


@dataclass(frozen=True)
class _Cues:
    """The tense cues of one sentence, sorted for nearest-cue look-ups."""

    commas: list[int]  # where the commas are, in order
    openers: list[int]  # where the clause-opening words start, in order
    by_end: list[tuple[int, str]]  # (end, tense), sorted
    by_start: list[tuple[int, int, str, str]]  # (start, end, tense, word), sorted

    def comma_between(self, first: int, last: int) -> bool:
        i = bisect.bisect_left(self.commas, first)
        return i < len(self.commas) and self.commas[i] < last


_COMMA = re.compile(",")


# The past-tense cues: a cue is a whole word (a run of word characters and hyphens). In an
# ASCII sentence one pattern finds the words that may be cues, then set and string tests
# decide; any other sentence is read with _PAST_CUES itself (a case-insensitive [a-z] also
# takes "ı", "ſ", "K" and "İ").
_IRREGULAR_WORDS = frozenset(_IRREGULAR_PAST.split("|"))
_OUT = re.compile(r"(?i) out(?![\w-])")
# A whole word (a maximal run of word characters and hyphens) that may be a past-tense cue
# in a lower-case ASCII text: one of the irregular forms, "set", or a word ending in "ed".
_CUE_WORD = re.compile(
    rf"(?<![\w-])(?:[\w-]+ed|{'|'.join(sorted(_IRREGULAR_WORDS | {'set'}, key=len, reverse=True))})"
    r"(?![\w-])"
)


def _past_cues(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each past-tense cue: what ``_PAST_CUES`` finds, faster.

    >>> _past_cues("Troops SET OUT, withdrew and were re-armed; a need-based plan.")
    [(7, 14, 'set out'), (16, 24, 'withdrew'), (29, 33, 'were')]
    """
    if not folded.isascii():
        return [(m.start(), m.end(), m.group().lower()) for m in _PAST_CUES.finditer(folded)]
    low = folded.lower()  # the same offsets: ASCII
    found = []
    # only the words that may be cues: an irregular past form, "set", or a word in "-ed"
    for match in _CUE_WORD.finditer(low):
        word = match.group()
        if word in _IRREGULAR_WORDS or (len(word) > 3 and word.isalpha() and word[-2:] == "ed"):
            found.append((match.start(), match.end(), word))
        elif word == "set" and _OUT.match(low, match.end()):
            found.append((match.start(), match.end() + 4, "set out"))
    return found


# _FUTURE_CUES for a lower-case ASCII text: the same matches, without case folding.
_FUTURE_CUES_LOWER = re.compile(_FUTURE_CUES.pattern.removeprefix("(?i)"))


def _tense_cues(sentence: str) -> _Cues:
    folded = fold_quotes(sentence)
    found = []
    if folded.isascii():  # lower case keeps every offset, and a pattern without (?i) is faster
        for match in _FUTURE_CUES_LOWER.finditer(folded.lower()):
            found.append((match.start(), match.end(), "future", match.group()))
    else:
        for match in _FUTURE_CUES.finditer(folded):
            found.append((match.start(), match.end(), "future", match.group().lower()))
    for start, end, word in _past_cues(folded):
        if word not in _NOT_PAST:
            found.append((start, end, "past", word))
    found.sort()
    commas = [m.start() for m in _COMMA.finditer(folded)]
    openers = [m.start() for m in _OPENERS.finditer(folded)]
    return _Cues(commas, openers, sorted((e, t) for _, e, t, _ in found), found)


# How many speech-frame cues after an expression are skipped before giving up.
_MAX_FRAMES = 20


def _cue_before(cues: _Cues, start: int) -> tuple[int, int, str] | None:
    """The nearest cue ending at or before ``start``: (distance, 0, tense)."""
    i = bisect.bisect_right(cues.by_end, (start, "~"))
    if i == 0:
        return None
    nearest = cues.by_end[i - 1][0]
    tenses = [t for e, t in cues.by_end[max(0, i - 4) : i] if e == nearest]
    return start - nearest, 0, min(tenses)


def _cue_after(cues: _Cues, end: int) -> tuple[int, int, str] | None:
    """The nearest cue starting at or after ``end`` that is not a speech frame, and not
    beyond a word that opens a clause of its own ("which", "who", "that"...)."""
    i = bisect.bisect_left(cues.by_start, (end,))
    j = bisect.bisect_left(cues.openers, end)
    window = cues.by_start[i : i + _MAX_FRAMES]
    if j < len(cues.openers):
        window = [cue for cue in window if cue[0] < cues.openers[j]]
    kept = [
        (first - end, 1, tense)
        for first, _, tense, word in window
        if not (word in _SPEECH_VERBS and cues.comma_between(end, first))
    ]
    return min(kept) if kept else None


def tense_near(sentence: str, start: int, end: int, cues: _Cues | None = None) -> Tense:
    """Say whether the verb nearest to ``sentence[start:end]`` looks back or forward.

    The nearest cue wins: "will", "would", "is expected to", "plans to" look forward; a
    past-tense verb (a regular "-ed" form or a common irregular one such as "said", "met")
    looks back, except a speech verb after a comma that follows the expression ("…, an aide
    said"), which only frames the report. With no cue the tense is ``None``.

    >>> s = "Lavrov said on Tuesday he hopes the meeting will take place soon."
    >>> tense_near(s, s.index("Tuesday"), s.index("Tuesday") + 7)
    'past'
    >>> s = "The ministers will meet on Tuesday."
    >>> tense_near(s, s.index("Tuesday"), s.index("Tuesday") + 7)
    'future'
    >>> tense_near("Talks on Tuesday.", 9, 16) is None
    True

    A speech verb after a comma ("…, the ministry said") frames the report and is no cue:

    >>> s = "The envoys will meet on the sidelines of a summit in October, an aide said."
    >>> tense_near(s, s.index("October"), s.index("October") + 7)
    'future'

    A verb after a word that opens a clause of its own belongs to that clause:

    >>> s = "The two states signed a pact in May under which each will train the other's police."
    >>> tense_near(s, s.index("May"), s.index("May") + 3)
    'past'
    """
    cues = cues or _tense_cues(sentence)
    found = [c for c in (_cue_before(cues, start), _cue_after(cues, end)) if c]
    if not found:
        return None
    return min(found)[2]  # type: ignore[return-value]


# --- Resolvers: one small function per rule ----------------------------------------------------


def _month_of(match: re.Match[str]) -> int:
    return MONTHS[match["month"].rstrip(".").lower()]


def _mod_of(match: re.Match[str]) -> str:
    words = match.groupdict().get("mod")
    if not words:
        return ""
    key = " ".join(words.lower().replace("the ", "").split())
    return MODS[key]


def _day_value(year: int, month: int, day: int, rule: str, mod: str = "") -> TimeValue | None:
    try:
        return TimeValue(dt.date(year, month, day).isoformat(), "day", mod, rule)
    except ValueError:
        return None  # "February 30" is no day at all


def _r_iso(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    return _day_value(int(m["y"]), int(m["m"]), int(m["d"]), "iso-date")


def _r_full_date(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    return _day_value(int(m["year"]), _month_of(m), int(m["day"]), "full-date")


def _r_month_year(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    return TimeValue(f"{int(m['year']):04d}-{_month_of(m):02d}", "month", _mod_of(m), "month-year")


def _r_month_day(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    month, day = _month_of(m), int(m["day"])
    year = published.year
    if tense == "past" and (month, day) > (published.month, published.day):
        year -= 1
    elif tense == "future" and (month, day) < (published.month, published.day):
        year += 1
    return _day_value(year, month, day, f"month-day-{tense or 'no-tense'}", _mod_of(m))


def _r_month(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    month = _month_of(m)
    year = year_for_month(month, published, tense)
    rule = "month-with-mod" if _mod_of(m) else f"month-{tense or 'no-tense'}"
    return TimeValue(f"{year:04d}-{month:02d}", "month", _mod_of(m), rule)


def _r_relative_month(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    month, which = _month_of(m), m["which"].lower()
    if which == "last":
        year, month = month_before(month, published)
    elif which == "next":
        year, month = month_after(month, published)
    else:  # "this March": the one in the publication year
        year = published.year
    return TimeValue(f"{year:04d}-{month:02d}", "month", "", f"{which}-month-name")


def _r_month_relative_year(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    by = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    year = published.year + by
    return TimeValue(f"{year:04d}-{_month_of(m):02d}", "month", _mod_of(m), "month-relative-year")


def _r_year(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    return TimeValue(m["year"], "year", _mod_of(m), "year")


def _r_decade(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    """ "the 1990s" is the TIMEX3 decade ``199``: its first three digits."""
    return TimeValue(m["decade"], "decade", _mod_of(m), "decade")


def _r_numeric_date(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if first <= 12 < second:  # "09/13/2024": the month first
        return _day_value(year, first, second, "numeric-date-month-first")
    return _day_value(year, second, first, "numeric-date-day-first")


def _r_ordinal_day(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    day, year, month = int(m["day"]), published.year, published.month
    if tense == "past" and day > published.day:
        year, month = _shift_month(year, month, -1)
    elif tense == "future" and day < published.day:
        year, month = _shift_month(year, month, 1)
    return _day_value(year, month, day, f"ordinal-day-{tense or 'no-tense'}")


@functools.lru_cache(maxsize=1)
def holidays() -> dict[str, tuple[int, int]]:
    """The named days of ``data/dates/holidays.csv``: name -> ``(month, day)``.

    >>> holidays()["Christmas Day"]
    (12, 25)
    """
    import csv

    path = data_dir() / "dates" / "holidays.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {fold_quotes(row["name"].strip()): (int(row["month"]), int(row["day"])) for row in rows}


def _r_holiday(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    month, day = holidays()[m["holiday"]]
    year = published.year
    if tense == "past" and (month, day) > (published.month, published.day):
        year -= 1
    elif tense == "future" and (month, day) < (published.month, published.day):
        year += 1
    return _day_value(year, month, day, f"holiday-{tense or 'no-tense'}")


def _holiday_pattern() -> str:
    names = sorted(holidays(), key=len, reverse=True)
    return rf"{_B}(?P<holiday>{'|'.join(re.escape(name) for name in names)})(?![\w-])"


_FOR_BEFORE = re.compile(r"(?<![\w-])for\s+$")


def _is_scheduled(m: re.Match[str]) -> bool:
    """A bare weekday after "for" is what something is set for ("called a rally for
    Saturday", "scheduled for Monday"): the next such day, whatever the tense. "for
    Saturday's attack" names a day already past."""
    window = max(0, m.start() - 40)  # only the words just before: linear in the text
    return bool(_FOR_BEFORE.search(m.string, window, m.start())) and not m.string.startswith(
        ("'", "’"), m.end()
    )


def _r_weekday(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    weekday = WEEKDAYS[m["weekday"].lower()]
    which = (m.groupdict().get("which") or "").lower()
    if which == "last":
        day, rule = weekday_before(weekday, published, strictly=True), "last-weekday"
    elif which == "next":
        day, rule = weekday_after(weekday, published, strictly=True), "next-weekday"
    elif tense == "future" or _is_scheduled(m):
        day, rule = weekday_after(weekday, published), "weekday-future"
    else:
        day, rule = weekday_before(weekday, published), f"weekday-{tense or 'no-tense'}"
    return TimeValue(day.isoformat(), "day", _mod_of(m), rule)


def _r_deictic_day(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m["word"].lower()]
    return TimeValue((published + dt.timedelta(days=shift)).isoformat(), "day", "", "deictic-day")


def _unit_value(published: dt.date, unit: str, by: int, rule: str, mod: str = "") -> TimeValue:
    if unit == "day":
        return TimeValue((published + dt.timedelta(days=by)).isoformat(), "day", mod, rule)
    if unit == "week":
        return TimeValue(iso_week(published + dt.timedelta(weeks=by)), "week", mod, rule)
    if unit == "month":
        year, month = _shift_month(published.year, published.month, by)
        return TimeValue(f"{year:04d}-{month:02d}", "month", mod, rule)
    return TimeValue(f"{published.year + by:04d}", "year", mod, rule)


def _r_relative_unit(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    by = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[which]
    return _unit_value(published, unit, by, f"{which}-{unit}", _mod_of(m))


def _r_within_this(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    mod = "END" if m["side"].lower() == "later" else "START"
    return _unit_value(published, m["unit"].lower(), 0, f"{m['side'].lower()}-this-unit", mod)


def _r_ago(m: re.Match[str], published: dt.date, tense: Tense) -> TimeValue | None:
    number = m["n"].lower()
    count = int(number) if number.isdigit() else NUMBERS[number]
    return _unit_value(published, m["unit"].lower().rstrip("s"), -count, f"{m['unit']}-ago")


def _rule(name: str, pattern: str, func: Callable[..., TimeValue | None], tense: bool = False):
    compiled = re.compile(pattern)
    return _Rule(name, compiled, func, tense, "x" in compiled.groupindex)


#: The rules, most specific first. Where two matches overlap the longer one wins.
RULES: tuple[_Rule, ...] = (
    _rule("iso-date", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])", _r_iso),
    _rule("full-date", rf"{_B}{_MONTH}\s+{_DAY},?\s+{_YEAR}", _r_full_date),
    _rule("full-date", rf"{_B}{_DAY}\s+{_MONTH},?\s+{_YEAR}", _r_full_date),
    _rule("month-year", rf"{_B}(?:{_MOD_DASH})?{_MONTH},?\s+{_YEAR}", _r_month_year),
    _rule("month-day", rf"{_B}{_MOD_ON}{_MONTH}\s+{_DAY}(?!,?\s+\d)", _r_month_day, True),
    _rule("month-day", rf"{_B}{_MOD_ON}{_DAY}\s+{_MONTH}(?!,?\s+\d)", _r_month_day, True),
    # A weekday with its date: "Sunday, August 4", "on Tuesday (Jan 9)", "Friday 13 September"
    # (one expression: the date gives the value), and with a year.
    _rule(
        "month-day",
        rf"{_B}{_WEEKDAY},?\s+\(?{_MONTH}\s+{_DAY}\)?(?!,?\s+\d)",
        _r_month_day,
        True,
    ),
    _rule(
        "month-day",
        rf"{_B}{_WEEKDAY},?\s+\(?{_DAY}\s+{_MONTH}\)?(?!,?\s+\d)",
        _r_month_day,
        True,
    ),
    _rule("full-date", rf"{_B}{_WEEKDAY},?\s+{_MONTH}\s+{_DAY},?\s+{_YEAR}", _r_full_date),
    _rule("full-date", rf"{_B}{_WEEKDAY},?\s+{_DAY}\s+{_MONTH},?\s+{_YEAR}", _r_full_date),
    # A date in figures: "13/09/2024" (day first, as most of the world writes it, unless the
    # first number cannot be a month's day and the second can: "09/13/2024").
    _rule(
        "numeric-date",
        r"(?<![\w/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\w/-])",
        _r_numeric_date,
    ),
    # "on the 13th": a day of the publication month (or the month before or after it, by tense).
    _rule(
        "ordinal-day",
        rf"{_B}(?i:on)\s+(?P<x>(?i:the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th))"
        r"(?=\s*[,.;:!?)]|\s*$|\s+(?:and|when|as|after|before|at|in|of\s+(?:this|the)\s+month)\b)",
        _r_ordinal_day,
        True,
    ),
    _rule(
        "relative-month",
        rf"{_B}(?P<which>(?i:last|next|this))\s+{_MONTH}(?!\s+\d)",
        _r_relative_month,
    ),
    _rule(
        "month-relative-year",
        rf"{_B}(?:{_MOD_DASH})?{_MONTH}\s+(?:of\s+)?(?P<which>(?i:last|next|this))\s+(?i:year)"
        r"(?![\w-])",
        _r_month_relative_year,
    ),
    _rule("month-with-mod", rf"{_B}{_MOD_DASH}{_MONTH}(?!\s+\d)", _r_month, True),
    # A month alone: any full name after a time preposition; most names also without one
    # ("March" and "May" need it: "a protest March", "talks may resume").
    _rule("month", rf"{_B}{_TIME_PREP}\s+(?P<x>{_MONTH})(?!\s+\d)", _r_month, True),
    _rule("month", rf"{_B}{_FULL_MONTH}(?!\s+\d)", _r_month, True),
    # A decade: "the 1990s", "the 1990's", "the mid-1990s", "the late 1980s".
    _rule("decade", rf"{_B}(?:{_MOD_DASH})?(?P<decade>1\d\d|20\d)0'?s(?![\w-])", _r_decade),
    _rule("year", rf"{_B}{_MOD_DASH}{_YEAR}", _r_year),
    _rule("year", rf"{_B}(?:{_TIME_PREP}|the|The)\s+(?P<x>{_OLD_YEAR})", _r_year),
    # A named day that falls on the same date every year: "Christmas Day" (data/dates).
    _rule("holiday", _holiday_pattern(), _r_holiday, True),
    # A year before a noun, after "a": "a 2012 law" (as "the 2020 election" above).
    _rule("year", rf"{_B}(?:a|A)\s+(?P<x>{_YEAR})(?=\s+[A-Za-z])", _r_year),
    # A year listed after another: "in 2018 and 2020", "in 2019, 2020".
    _rule("year", rf"(?<=\d\d\d\d)(?:,|\s+(?:and|or|to))\s+(?P<x>{_OLD_YEAR})", _r_year),
    _rule(
        "weekday",
        rf"{_B}(?:(?P<which>(?i:last|next|this))\s+|(?P<mod>(?i:early|late))\s+(?:on\s+)?)?"
        rf"{_WEEKDAY}{_PART_OF_DAY}",
        _r_weekday,
        True,
    ),
    _rule("deictic-day", rf"{_B}(?P<word>(?i:yesterday|today|tomorrow))(?![\w-])", _r_deictic_day),
    _rule(
        "relative-unit",
        rf"{_B}(?:{_MOD}\s+)?(?P<which>(?i:last|next|this|coming))\s+"
        rf"(?P<unit>(?i:week|month|year))(?![\w-])",
        _r_relative_unit,
    ),
    _rule(
        "later-this-unit",
        rf"{_B}(?P<side>(?i:later|earlier))\s+(?i:this)\s+(?P<unit>(?i:week|month|year))(?![\w-])",
        _r_within_this,
    ),
    _rule("ago", rf"{_B}(?P<n>{_NUM})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b",
          _r_ago),
)  # fmt: skip

# --- What is recognised and left out -----------------------------------------------------------

_DURATION = re.compile(
    rf"{_B}(?:(?i:within|for|over|during|after|in)\s+)?"
    r"(?:(?i:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|at\s+least|"
    r"up\s+to|over|under)\s+)?"
    rf"(?:{_NUM}(?:\s+or\s+{_NUM})?|(?i:a\s+few|several|many))[\s-]"
    r"(?i:hours?|days?|weeks?|months?|years?|decades?)(?:[\s-](?i:long|old))?(?![\w-])"
)
_VAGUE = re.compile(
    r"(?<![\w-])(?P<word>(?i:soon|lately|recently|shortly|nowadays|currently|afterwards?|"
    r"formerly|previously|meanwhile|now|in\s+recent\s+(?:days|weeks|months|years)|"
    r"in\s+the\s+(?:coming|past|next)\s+(?:days|weeks|months|years)|these\s+days|"
    r"at\s+the\s+moment|for\s+now|in\s+the\s+(?:past|future)))(?![\w-])"
)
_MODAL_MAY = re.compile(r"(?<![\w-])may(?![\w-])")


def _rejections(sentence: str) -> list[tuple[int, int, str, str]]:
    folded = fold_quotes(sentence)
    found: list[tuple[int, int, str, str]] = []
    for m in _DURATION.finditer(folded):
        found.append(
            (m.start(), m.end(), "duration", "a length of time, not a point on the calendar")
        )
    for m in _VAGUE.finditer(folded):
        found.append((m.start(), m.end(), "vague", "says roughly when, but names no date"))
    for m in _MODAL_MAY.finditer(folded):
        found.append((m.start(), m.end(), "modal", "the verb 'may' (lower case), not the month"))
    return found


# --- Scanning -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: TimeValue | None  # None: matched a date pattern but is no real day
    reason: str = ""
    kind: str = "not a real day"


# A capitalised word before a bare month, inside the sentence: the month is part of a name
# ("Bloody January", "Black January"), not a date.
_NAME_BEFORE = re.compile(r"(?<=[\w,;:\"(] )\"?(?P<word>[A-Z][a-z]+)\s+$")


def _is_name_part(folded: str, start: int) -> bool:
    match = _NAME_BEFORE.search(folded, max(0, start - 60), start)  # the word just before
    if not match:
        return False
    word = match["word"].lower()
    return word not in WEEKDAYS and word not in MONTHS and word not in MODS


_NO_DAY = "looks like a date but is no day of the calendar"
_OUT_OF_RANGE = "falls outside the years 0001-9999 that a TIMEX3 value can write"


def _in_range(value: TimeValue) -> bool:
    try:
        first, last = bounds(value.value)
    except (ValueError, OverflowError):
        return False
    return first <= last


def _safe_resolve(
    rule: _Rule, match: re.Match[str], published: dt.date, tense: Tense
) -> tuple[TimeValue | None, str]:
    """Resolve one match; ``(None, reason)`` for no real day or a year TIMEX3 cannot write.

    >>> rule = next(r for r in RULES if r.name == "ago")
    >>> match = rule.pattern.search("It began 5000 years ago.")
    >>> _safe_resolve(rule, match, dt.date(2023, 2, 3), None)[1]
    'falls outside the years 0001-9999 that a TIMEX3 value can write'
    """
    try:
        value = rule.resolve(match, published, tense)
    except (OverflowError, ValueError):  # a shift past year 1 or 9999
        return None, _OUT_OF_RANGE
    if value is None:
        return None, _NO_DAY
    if not _in_range(value):
        return None, _OUT_OF_RANGE
    return value, ""


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def scan_text(sentence: str, published: dt.date) -> list[tuple[int, int, TimeValue]]:
    """Find and resolve the date expressions in one sentence (or any short text).

    Returns ``(start, end, TimeValue)`` triples, offsets into ``sentence``. Tense is read
    from the words around each expression (:func:`tense_near`).

    >>> s = "The EU agreed on January 23 and will deploy monitors later this month."
    >>> [(s[a:b], v.value, v.mod) for a, b, v in scan_text(s, dt.date(2023, 2, 3))]
    [('January 23', '2023-01-23', ''), ('later this month', '2023-02', 'END')]
    """
    return [(h.start, h.end, h.value) for h in _scan(sentence, published) if h.value]


_AUTO: Any = object()  # read the tense from the sentence


# Words (lower case) one of which a rule's match must contain: a sentence without any of
# them is not searched with that rule, which keeps long texts with few dates fast.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "relative-month": (_MONTH_STEMS,),
    "month-relative-year": (_MONTH_STEMS, ("year",)),
    "month-with-mod": (_MONTH_STEMS,),
    "month": (_MONTH_STEMS,),
    "weekday": (("day",),),
    "deictic-day": (("yesterday", "today", "tomorrow"),),
    "relative-unit": (("week", "month", "year"),),
    "later-this-unit": (("week", "month", "year"),),
    "ago": (("ago",),),
}
# Rules whose every match holds a digit, and a month name too for some.
_NEEDS_DIGIT = {"iso-date", "full-date", "month-year", "month-day", "decade", "year"}
_NEEDS_DIGIT |= {"numeric-date", "ordinal-day"}
_NEEDS.update({"full-date": (_MONTH_STEMS,), "month-year": (_MONTH_STEMS,)})
_NEEDS.update({"month-day": (_MONTH_STEMS,)})
_DIGIT = re.compile(r"\d")


_NEED_WORDS = sorted({word for groups in _NEEDS.values() for group in groups for word in group})


def _applies(rule: _Rule, present: set[str], has_digit: bool) -> bool:
    """Whether ``rule`` can match a sentence holding the words ``present`` (of _NEED_WORDS).

    >>> weekday = next(r for r in RULES if r.name == "weekday")
    >>> _applies(weekday, {"day"}, False), _applies(weekday, set(), True)
    (True, False)
    """
    if rule.name in _NEEDS_DIGIT and not has_digit:
        return False
    return all(not present.isdisjoint(group) for group in _NEEDS.get(rule.name, ()))


# Stricter needs, read from the patterns: a month or weekday name is written with its
# capital (the patterns are case-sensitive there), a year is 19xx or 20xx, and the words of
# a case-insensitive part are found in the lower-case text (with "ſ" and "ı" read as "s"
# and "i", as a case-insensitive pattern reads them). A rule runs only if the sentence has
# every group of its needs here and in _NEEDS.
_MONTH_CAPS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WHICH = ("~last", "~next", "~this")
_MOD_WORDS = ("~early", "~late", "~mid", "~beginning", "~start", "~middle", "~end")
_YEAR_NEED = ("<year>",)
_STRICT: dict[str, tuple[tuple[str, ...], ...]] = {
    "full-date": (_MONTH_CAPS, _YEAR_NEED),
    "month-year": (_MONTH_CAPS, _YEAR_NEED),
    "month-day": (_MONTH_CAPS,),
    "relative-month": (_MONTH_CAPS, _WHICH),
    "month-relative-year": (_MONTH_CAPS, _WHICH),
    "month-with-mod": (_MONTH_CAPS, _MOD_WORDS),
    "month": (_MONTH_CAPS,),
    "decade": (("0s", "0's"),),
    "numeric-date": (("/",), _YEAR_NEED),
    "holiday": (tuple(sorted({name.split()[0] for name in holidays()})),),
    "year": (_YEAR_NEED,),
    "weekday": (tuple(calendar.day_name),),
    "relative-unit": ((*_WHICH, "~coming"),),
    "later-this-unit": (("~later", "~earlier"), ("~this",)),
}
_STRICT_WORDS = sorted({w for groups in _STRICT.values() for group in groups for w in group})
_CASED_WORDS = [w for w in _STRICT_WORDS if w[0] not in "~<"]
_LOOSE_WORDS = [(w, w[1:]) for w in _STRICT_WORDS if w.startswith("~")]
_YEARISH = re.compile(r"(?:1[6-9]|20)\d\d")


@dataclass(frozen=True)
class _Vocab:
    """The words of _NEEDS and _STRICT to look for: those a whole article holds at all, so
    that each of its sentences is searched only for them."""

    need: list[str]
    cased: list[str]
    loose: list[tuple[str, str]]

    @classmethod
    def of(cls, text: str) -> _Vocab:
        """The words ``text`` holds (a sentence of it can hold no other).

        >>> _Vocab.of("Talks resumed on Tuesday.").cased
        ['Tuesday']
        """
        folded = fold_quotes(text)
        lower = folded.lower()
        loose = lower if lower.isascii() else lower.replace("ſ", "s").replace("ı", "i")
        return cls(
            [word for word in _NEED_WORDS if word in lower],
            [word for word in _CASED_WORDS if word in folded],
            [(key, word) for key, word in _LOOSE_WORDS if word in loose],
        )


def _features(folded: str, vocab: _Vocab | None = None) -> frozenset[str]:
    """The words of _NEEDS and _STRICT that ``folded`` holds, and ``<digit>``, ``<year>``.

    >>> sorted(_features("Talks resumed on Tuesday, 3 March 2023."))[:6]
    ['<digit>', '<year>', 'Mar', 'Tuesday', 'day', 'mar']
    """
    vocab = vocab or _ALL_WORDS
    lower = folded.lower()
    loose = lower if lower.isascii() else lower.replace("ſ", "s").replace("ı", "i")
    found = {word for word in vocab.need if word in lower}
    found.update(word for word in vocab.cased if word in folded)
    found.update(key for key, word in vocab.loose if word in loose)
    if _DIGIT.search(folded):
        found.add("<digit>")
        if _YEARISH.search(folded):
            found.add("<year>")
    return frozenset(found)


_ALL_WORDS = _Vocab(_NEED_WORDS, _CASED_WORDS, _LOOSE_WORDS)


@functools.lru_cache(maxsize=4096)
def _rules_for(features: frozenset[str]) -> tuple[tuple[int, _Rule], ...]:
    """The rules (with their order) that can match a sentence with these features."""
    return tuple(
        (order, rule)
        for order, rule in enumerate(RULES)
        if _applies(rule, set(features), "<digit>" in features)
        and all(not features.isdisjoint(group) for group in _STRICT.get(rule.name, ()))
    )


def _scan(
    sentence: str, published: dt.date, tense: Any = _AUTO, vocab: _Vocab | None = None
) -> list[_Hit]:
    folded = fold_quotes(sentence)
    rules = _rules_for(_features(folded, vocab))
    if not rules:
        return []
    candidates: list[tuple[int, int, int, re.Match[str], _Rule]] = []
    for order, rule in rules:
        for match in rule.pattern.finditer(folded):
            # A rule may need a word before the date ("in March"); group x is the date itself.
            start, end = match.span("x") if rule.has_x else match.span()
            candidates.append((start, end, order, match, rule))
    # The longest match wins; between equal lengths, the rule listed first.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[_Hit] = []
    covered = bytearray(len(folded) + 1)  # 1 where a kept match lies: overlap in O(span)
    cues: _Cues | None = None  # read from the sentence once, when a rule first needs them
    for start, end, _, match, rule in candidates:
        if covered.find(1, start, end) != -1:
            continue
        covered[start:end] = b"\x01" * (end - start)
        if not rule.needs_tense:
            used: Tense = None
        elif tense is _AUTO:
            cues = cues or _tense_cues(sentence)
            used = tense_near(sentence, start, end, cues)
        else:
            used = tense
        bare_month = rule.name == "month" and not rule.has_x
        if bare_month and _is_name_part(folded, start):
            reason = "a month inside a name ('Black January'), not a date"
            taken.append(_Hit(start, end, None, reason, "name"))
            continue
        value, reason = _safe_resolve(rule, match, published, used)
        taken.append(_Hit(start, end, value, reason))
    return sorted(taken, key=lambda h: h.start)


def resolve(expression: str, published: dt.date | str, *, tense: Tense = None) -> TimeValue | None:
    """Resolve one date expression on its own; ``None`` if it is not a calendar date.

    ``tense`` is ``"past"``, ``"future"`` or ``None`` (no tense in the sentence): it decides
    which Tuesday "on Tuesday" is, and the year of a month named without one.

    >>> p = dt.date(2023, 2, 3)
    >>> resolve("last November", p)
    TimeValue(value='2022-11', precision='month', mod='', rule='last-month-name')
    >>> resolve("later this month", p)
    TimeValue(value='2023-02', precision='month', mod='END', rule='later-this-unit')
    >>> resolve("late on Wednesday", p, tense="past")
    TimeValue(value='2023-02-01', precision='day', mod='END', rule='weekday-past')
    >>> resolve("Sept. 13, 2022", p).value, resolve("22 September 2022", p).value
    ('2022-09-13', '2022-09-22')
    >>> resolve("soon", p) is None
    True
    """
    hits = [h for h in _scan(expression, _published(published), tense) if h.value]
    if not hits:
        return None
    return max(hits, key=lambda h: h.end - h.start).value


# --- Articles -----------------------------------------------------------------------------------


#: The publication dates relative dates can be resolved against: every date reached from
#: them by the rules ("last week", "next year", "ten years ago") still has a four-digit year.
PUBLISHED_RANGE = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def published_date(value: str | dt.date | None) -> dt.date | None:
    """Check a publication date: a day written ``YYYY-MM-DD``, within :data:`PUBLISHED_RANGE`.

    A week ("2023-W05") or a date without dashes names no day of publication, so it is
    refused rather than read as some day of it.

    >>> published_date("2023-02-03")
    datetime.date(2023, 2, 3)
    >>> published_date("2023-W05")
    Traceback (most recent call last):
    ...
    course_utils.errors.PublicationDateError: the publication date '2023-W05' is not a day \
written YYYY-MM-DD: give the day the article was published, for example 2023-02-03
    >>> published_date("0001-01-01")
    Traceback (most recent call last):
    ...
    course_utils.errors.PublicationDateError: the publication date 0001-01-01 is outside \
1000-01-01 to 8999-12-31, where every relative date ('last week', 'next year') still has a \
four-digit year: check the date and give the day the article was published
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        text = str(value).strip()
        if not _ISO_DAY.fullmatch(text):
            raise PublicationDateError(
                f"the publication date {value!r} is not a day written YYYY-MM-DD: give the "
                "day the article was published, for example 2023-02-03"
            )
        value = parse_published(text)
    first, last = PUBLISHED_RANGE
    if not first <= value <= last:
        raise PublicationDateError(
            f"the publication date {value.isoformat()} is outside {first} to {last}, where "
            "every relative date ('last week', 'next year') still has a four-digit year: "
            "check the date and give the day the article was published"
        )
    return value


def _published(value: Any) -> dt.date:
    if value is None:
        raise PublicationDateError(
            "no publication date is known, and relative dates such as 'last week' need one: "
            "pass published=date(2023, 2, 3) (or --published YYYY-MM-DD on the command line)"
        )
    return published_date(value)  # type: ignore[return-value]


def _sentences(article: Any) -> Iterable[tuple[int, int, str]]:
    columns = table_columns(article.sentences, ("id", "start", "text"))
    return [(int(i), int(start), str(text)) for i, start, text in zip(*columns, strict=True)]


def _table(rows: list[tuple[Any, ...]], columns: list[str]) -> pd.DataFrame:
    """The table of ``rows``: ``start``, ``end`` and ``sentence`` are int columns."""
    ints = {"start": int, "end": int, "sentence": int}
    if not rows:
        return pd.DataFrame(rows, columns=columns).astype(ints)
    return build_table(rows, columns, ints=ints)


_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?:(?P<dmod>(?i:late|later|early|earlier))\s+)?"
    r"(?i:the)\s+(?P<which>(?i:next|following|previous|preceding|same))\s+(?i:day)"
    r"|(?i:the)\s+(?i:day)\s+(?P<rel>(?i:before|after))"
    # "the day before" ends its noun phrase: "the day before the vote", "the day before
    # Tuesday's talks", "the day before yesterday" count from something else.
    r"(?!\s+(?:(?i:the|a|an|his|her|its|their|our|this|these|those|yesterday|tomorrow)\b"
    r"|that\s+[a-z]|[A-Z\d]|[a-z]+ing\b))"
    r"|(?:(?P<mod>(?i:late|later|early|earlier))\s+)?(?i:that)\s+"
    r"(?P<part>(?i:day|night|morning|afternoon|evening)))(?![\w-])"
)
# Every anaphor ends in one of these words: a sentence without them has none.
_ANAPHOR_WORDS = ("day", "night", "morning", "afternoon", "evening")
# ... and one of these: a sentence without them has none either.
_ANAPHOR_LEADS = ("next", "following", "previous", "preceding", "same", "before", "after", "that")
# Whether a text holds one of those words anywhere (as "word in text" says, in one search).
_ANAPHOR_WORD_IN = re.compile("|".join(_ANAPHOR_WORDS))
_ANAPHOR_LEAD_IN = re.compile("|".join(_ANAPHOR_LEADS))
_ANAPHOR_SHIFT = {
    "next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1,
    "same": 0,
}  # fmt: skip
_ANAPHOR_MOD = {"late": "END", "later": "END", "early": "START", "earlier": "START"}


def anaphoric_day(expression: str, anchor: TimeValue | None) -> TimeValue | None:
    """Resolve "the next day", "the previous day", "the same day" or "(late) that night"
    against the date the text gave before it.

    The anchor is the last date expression before it in the article; it must name a day.
    "that day", "that night", "that morning" … are the anchor's day; "late"/"later" before
    them give mod END, "early"/"earlier" mod START (the value stays the day).

    >>> monday = TimeValue("2022-09-19", "day")
    >>> anaphoric_day("the next day", monday)
    TimeValue(value='2022-09-20', precision='day', mod='', rule='anaphoric')
    >>> anaphoric_day("the previous day", monday).value
    '2022-09-18'
    >>> anaphoric_day("the same day", monday).value
    '2022-09-19'
    >>> anaphoric_day("the day before", monday).value
    '2022-09-18'
    >>> anaphoric_day("late that night", monday)
    TimeValue(value='2022-09-19', precision='day', mod='END', rule='anaphoric')
    >>> anaphoric_day("the next day", TimeValue("2022-W37", "week")) is None
    True
    """
    match = _ANAPHOR.search(fold_quotes(expression))
    if not match or anchor is None or anchor.precision != "day":
        return None
    which = match["which"] or match["rel"]
    shift = _ANAPHOR_SHIFT[which.lower()] if which else 0
    said = match["mod"] or match["dmod"]  # "late that night", "early the next day"
    mod = _ANAPHOR_MOD[said.lower()] if said else ""
    try:
        day = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=shift)
    except OverflowError:  # the day after 9999-12-31
        return None
    return TimeValue(day.isoformat(), "day", mod, "anaphoric")


def _with_anaphors(
    text: str, found: list[tuple[int, int, TimeValue]], previous: TimeValue | None
) -> list[tuple[int, int, TimeValue]]:
    """Add "the next day" and its kind to the dates of one sentence, in text order."""
    lower = text.lower()
    if not _ANAPHOR_WORD_IN.search(lower):
        return found
    if not lower.isascii():  # the letters a case-insensitive pattern reads as i and s
        lower = text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")
    if not _ANAPHOR_LEAD_IN.search(lower):
        return found
    anaphors = [
        m for m in _ANAPHOR.finditer(fold_quotes(text))
        if not any(_overlaps(m.span(), (a, b)) for a, b, _ in found)
    ]  # fmt: skip
    if not anaphors:
        return found
    items: list[tuple[int, int, TimeValue | None]] = [*found]
    items += [(m.start(), m.end(), None) for m in anaphors]
    result: list[tuple[int, int, TimeValue]] = []
    for start, end, value in sorted(items, key=lambda item: item[0]):
        if value is None:
            value = anaphoric_day(text[start:end], previous)
            if value is None:
                continue
        previous = value
        result.append((start, end, value))
    return result


def find_dates(article: Any, published: dt.date | str | None = None) -> pd.DataFrame:
    """Find the calendar date expressions of an article and resolve them.

    ``published`` defaults to ``article.published``; relative dates need one, so with neither
    a :class:`~course_utils.errors.PublicationDateError` says what to pass. Columns:
    ``text, start, end, sentence, value, precision, mod, date_start, date_end, rule``.

    >>> from course_utils.article import clean_article
    >>> article = clean_article("Talks\\n\\nThe envoys met on Tuesday. They meet again next week.")
    >>> find_dates(article, "2023-02-03")[["text", "value", "precision", "rule"]]
          text     value precision           rule
    0  Tuesday  2023-01-31       day   weekday-past
    1  next week  2023-W06      week      next-week
    """
    day = _published(published if published is not None else getattr(article, "published", None))
    rows = []
    previous: TimeValue | None = None  # the last date expression so far, for "the next day"
    vocab = _Vocab.of(article.text)
    for sentence_id, offset, text in _sentences(article):
        found = [(h.start, h.end, h.value) for h in _scan(text, day, vocab=vocab) if h.value]
        for start, end, value in _with_anaphors(text, found, previous):
            previous = value
            rows.append(
                (
                    article.text[offset + start : offset + end],
                    offset + start,
                    offset + end,
                    sentence_id,
                    value.value,
                    value.precision,
                    value.mod,
                    value.date_start,
                    value.date_end,
                    value.rule,
                )
            )
    return _table(rows, DATE_COLUMNS)


def rejected_expressions(article: Any, published: dt.date | str | None = None) -> pd.DataFrame:
    """List what looks like a date but is not one, and why: durations, vague words, "may".

    Columns: ``text, start, end, sentence, kind, reason``. ``published`` is not needed
    (nothing here is resolved) and is accepted only to match :func:`find_dates`.

    >>> from course_utils.article import clean_article
    >>> article = clean_article("Talks\\n\\nA two-year mission will start soon.")
    >>> rejected_expressions(article)[["text", "kind"]]
           text      kind
    0  two-year  duration
    1      soon     vague
    """
    day = dt.date(2000, 1, 1)  # only to run the patterns; no value is kept
    rows = []
    vocab = _Vocab.of(article.text)
    for sentence_id, offset, text in _sentences(article):
        hits = _scan(text, day, vocab=vocab)
        kept = [(h.start, h.end) for h in hits if h.value]
        bad = [(h.start, h.end, h.kind, h.reason) for h in hits if not h.value]
        for start, end, kind, reason in sorted(_rejections(text) + bad):
            if any(_overlaps((start, end), span) for span in kept):
                continue
            rows.append(
                (article.text[offset + start : offset + end], offset + start, offset + end,
                 sentence_id, kind, reason)
            )  # fmt: skip
    return _table(rows, REJECTED_COLUMNS)


def explain_dates(article: Any, published: dt.date | str | None = None) -> pd.DataFrame:
    """Show every candidate expression, kept or left out, in text order, with its reason.

    Columns: ``text, start, end, sentence, decision`` (``date`` or ``not a date``),
    ``value, rule, reason``.

    >>> from course_utils.article import clean_article
    >>> article = clean_article("Talks\\n\\nThe bloc agreed a two-year mission last week.")
    >>> explain_dates(article, "2023-02-03")[["text", "decision", "value"]]
            text    decision     value
    0   two-year  not a date
    1  last week        date  2023-W04
    """
    found = find_dates(article, published)
    rejected = rejected_expressions(article)
    kept = pd.DataFrame(
        {
            "text": found["text"],
            "start": found["start"],
            "end": found["end"],
            "sentence": found["sentence"],
            "decision": "date",
            "value": found["value"],
            "rule": found["rule"],
            "reason": "resolved against the publication date",
        }
    )
    left = pd.DataFrame(
        {
            "text": rejected["text"],
            "start": rejected["start"],
            "end": rejected["end"],
            "sentence": rejected["sentence"],
            "decision": "not a date",
            "value": "",
            "rule": rejected["kind"],
            "reason": rejected["reason"],
        }
    )
    frames = [frame for frame in (kept, left) if len(frame)]
    if not frames:
        return pd.DataFrame(columns=EXPLAIN_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values("start", kind="stable").reset_index(drop=True)[EXPLAIN_COLUMNS]
