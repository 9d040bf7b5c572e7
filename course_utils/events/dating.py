"""Which date belongs to a trigger: the dates of its own clause, a year that only names a thing
("a 2019 accord"), a date inside a relative clause, a present tense that states a standing
position, and words that move the time of a sentence.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from course_utils.events.lexicon import RELATIVE_OPENING, STANDING, Lexicon, W, cue_pattern
from course_utils.events.sentences import _Sentence, _title_words
from course_utils.events.triggers import _Trigger

_PERFECT = W["perfect"]
_AUXILIARIES = W["auxiliary"]
_PRONOUNS = W["pronoun_person"] | W["pronoun_other"]
_COMPLEMENTIZERS = W["complementizer"]
_SPOKESPERSONS = W["spokesperson"]
_DETERMINERS = W["determiner"]
#: Words after which a verb's base form is no present tense ("would deny", "to deny").
_BEFORE_BASE_FORM = _AUXILIARIES | W["modal"] | W["verb_form"] | W["base_form_opener"]
#: Words that end a noun phrase: prepositions, auxiliaries, connectives.
_NOUN_PHRASE_END = W["phrase_end"] | W["auxiliary"] | W["connective"]


_Date = tuple[int, int, dict[str, Any]]  # (start, end, date row) in the sentence
_YEAR = re.compile(r"\d{3,4}s?")
_WORDS = re.compile(r"[a-z]+")


def _nearest_date(trigger: _Trigger, s: _Sentence) -> _Date | None:
    """The date of the trigger's sentence nearest to it, in its clause if one is there, else
    in a clause that is no relative clause of another act: see :func:`_date_pool`."""
    return _nearest(trigger, _date_pool(trigger, s)[0])


def _nearest(trigger: _Trigger, pool: list[_Date]) -> _Date | None:
    """The date of ``pool`` nearest to the trigger, or None for an empty pool."""
    if not pool:
        return None
    return min(pool, key=lambda d: min(abs(d[0] - trigger.end), abs(trigger.start - d[1])))


def _date_pool(trigger: _Trigger, s: _Sentence) -> tuple[list[_Date], list[str]]:
    """The dates of the sentence that may date the trigger, those of its clause first, and
    the names of the rules that set others aside. A year that modifies another noun ("a
    2019 agreement") is not the trigger's date (``year-modifier``), nor is a date inside a
    relative clause the trigger is not in ("…, where fighting broke out in May",
    ``relative-date``): it dates that clause's act."""
    skipped = []
    nouns = _year_nouns(s)
    dates = [d for d in s.dates if not _modifies_other(nouns[d[0]], trigger)]
    if len(dates) < len(s.dates):
        skipped.append("year-modifier")
    own = _relative_span(trigger, s)
    mine = [d for d in dates if _relative_span(d, s) in (None, own)]
    if len(mine) < len(dates):
        skipped.append("relative-date")
    clause = s.clause_of(trigger.start)
    same = [d for d in mine if clause[0] <= d[0] < clause[1]]
    return same or mine, skipped


def _relative_span(item: _Date | _Trigger, s: _Sentence) -> tuple[int, int] | None:
    """(start, end) of the relative clause set off by a comma (", where …", ", which …")
    that holds a date or a trigger, up to the comma that closes it; None outside one.

    >>> from course_utils.events.sentences import _Sentence
    >>> text = "Vesland, which was founded in 1990, sent troops."
    >>> s = _Sentence(0, 0, text, text, 0, "body", [], [])
    >>> _relative_span((30, 34, {}), s), _relative_span((0, 7, {}), s)
    ((7, 34), None)
    """
    spans = s.cache.get("relative_spans")
    if spans is None:
        spans = s.cache["relative_spans"] = _relative_spans(s)
    if not spans:
        return None
    position = item[0] if isinstance(item, tuple) else item.start
    return next((span for span in spans if span[0] <= position < span[1]), None)


def _relative_spans(s: _Sentence) -> list[tuple[int, int]]:
    """The relative clauses of a sentence set off by a comma, each up to the comma that
    closes it (worked out once per sentence)."""
    spans = []
    for start, end in s.clauses:
        opens = s.folded.startswith(",", start) and RELATIVE_OPENING.match(s.folded, start)
        if start > 0 and opens:
            comma = s.folded.find(",", start + 1, end)
            spans.append((start, comma if comma >= 0 else end))
    return spans


def _speaks_for_subject(trigger: _Trigger, s: _Sentence, speaker: str) -> bool:
    """Whether the speaker, not the subject of the reported clause, makes the statement
    (rule ``spokesperson``): the trigger follows the speech verb, and the clause's subject
    is a pronoun or a description that refers back ("said it would …", "told reporters
    that the group would …"), or the speaker is introduced as a spokesperson ("Spokesman
    John Doe said Vesland would …"). A name of its own is the subject otherwise ("Jane Roe
    said Kalonia would …")."""
    speech_end = s.cache.get("speech", ("", -1))[1]
    if not speaker or not 0 <= speech_end <= trigger.start:
        return False
    words = [t for t in s.starting_at(speech_end) if t.start < trigger.start]
    opener = [k for k, t in enumerate(words) if t.lower in _COMPLEMENTIZERS]
    words = words[opener[0] + 1 :] if opener else words
    subject = list(itertools.takewhile(lambda t: t.lower not in _AUXILIARIES, words))
    if not subject or subject[-1].lower in _PRONOUNS:
        return True
    if any(t.lower in _DETERMINERS for t in subject) and subject[-1].text.islower():
        return True  # "the group", "its forces": a description, not a name
    titles = dict(zip(s.mentions, _title_words(s), strict=True))
    said = [m for m in s.mentions if m.actor == speaker and m.end <= speech_end]
    return any(not _SPOKESPERSONS.isdisjoint(_WORDS.findall(titles[m])) for m in said)


def _year_nouns(s: _Sentence) -> dict[int, tuple[int, int] | None]:
    """For each date of the sentence (by its start), the noun phrase it modifies, or None
    (worked out once per sentence)."""
    nouns = s.cache.get("year_nouns")
    if nouns is None:
        nouns = s.cache["year_nouns"] = {d[0]: _modified_noun(d, s) for d in s.dates}
    return nouns


def _modified_noun(date: _Date, s: _Sentence) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a year modifies, or None: the year stands between a
    determiner or a possessive and lower-case words of the phrase ("a 2019 agreement", "the
    1990s crisis", "Kalonia's 2018 border deal"), not after a preposition ("in 2019").

    >>> from types import SimpleNamespace as NS
    >>> from course_utils.events.sentences import _Sentence
    >>> s = _Sentence(0, 0, "Vesland quit a 2019 border deal on Tuesday.",
    ...               "Vesland quit a 2019 border deal on Tuesday.", 0, "body", [], [])
    >>> _modified_noun((15, 19, {"text": "2019"}), s)
    (20, 31)
    >>> _modified_noun((35, 42, {"text": "Tuesday"}), s) is None
    True
    """
    if not _YEAR.fullmatch(str(date[2]["text"])):
        return None
    before = s.ending_by(date[0], last=1)
    if not before or not (before[-1].lower in _DETERMINERS or before[-1].lower.endswith("'s")):
        return None
    phrase = []
    for token in s.starting_at(date[1])[:4]:
        gap = s.folded[(phrase[-1].end if phrase else date[1]) : token.start]
        if gap.strip("- ") or not token.text.islower() or token.lower in _NOUN_PHRASE_END:
            break
        phrase.append(token)
    return (phrase[0].start, phrase[-1].end) if phrase else None


def _dates_other_noun(date: _Date, trigger: _Trigger, s: _Sentence) -> bool:
    """Whether the date is a year that modifies a noun other than the trigger's own ("a
    2019 agreement" dates the agreement, not the verb that suspends it)."""
    return _modifies_other(_year_nouns(s)[date[0]], trigger)


def _modifies_other(phrase: tuple[int, int] | None, trigger: _Trigger) -> bool:
    """Whether a year's noun phrase (None: it modifies none) is not the trigger's."""
    return phrase is not None and not phrase[0] <= trigger.start < phrase[1]


def _is_present(trigger: _Trigger, s: _Sentence) -> bool:
    """Whether a verb trigger outside reported speech is in the present simple ("Vesland
    accuses Kalonia of …", "…, which the rebels deny"): it states a standing position, not
    a dated act, and borrows no date (rule ``present-tense``). The -s form, or the base
    form after no auxiliary, "to" or negation; "said it supports …" reports a statement.

    >>> from course_utils.events.sentences import _Sentence
    >>> text = "Vesland accuses Kalonia of fraud."
    >>> s = _Sentence(0, 0, text, text, 0, "body", [], [])
    >>> _is_present(_Trigger(8, 15, "accuses", "accuse", "verb", "ACCUSE", 1), s)
    True
    """
    if trigger.pos != "verb":
        return False
    speech_end = s.cache.get("speech", ("", -1))[1]
    if s.in_quote(trigger.start) or 0 <= speech_end <= trigger.start:
        return False
    word, head = s.tokens[trigger.index].lower, trigger.lemma.split()[0]
    if word != head:
        return word in {head + "s", head + "es", head[:-1] + "ies"}
    before = s.ending_by(trigger.start, last=1)
    return bool(before) and before[0].lower not in _BEFORE_BASE_FORM


def _is_standing(trigger: _Trigger, s: _Sentence) -> bool:
    """A clause in the present perfect that says how long ("has long demanded", "negotiations
    have stalled for decades") states a standing position, not the dated act of the
    sentence before: it borrows no date. An adverb may come between "has" and the
    participle."""
    clause = s.clause_of(trigger.start)
    text = s.folded[clause[0] : clause[1]].lower()
    if not STANDING.search(text):
        return False
    words = [t for t in s.tokens if clause[0] <= t.start < clause[1]]
    for k, word in enumerate(words[:-1]):
        if word.lower not in _PERFECT:
            continue
        nxt = words[k + 1 :][:3]
        while nxt and (nxt[0].lower.endswith("ly") or nxt[0].lower in W["standing"]):
            nxt = nxt[1:]
        if nxt and (nxt[0].lower.endswith(("ed", "en")) or nxt[0].start == trigger.start):
            return True
    return False


def _shifts_time(s: _Sentence, lexicon: Lexicon, before: int) -> bool:
    lower = s.lower[:before]
    return any(cue in lower and cue_pattern(cue).search(lower) for cue in lexicon.cue("time_shift"))
