"""The pipeline: sentences → triggers → frames → events with roles and dates; the timeline and
the explanation of every candidate trigger.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from course_utils.dates import find_dates
from course_utils.events.actor import _actor, _is_appositive_claim, _reported_passive
from course_utils.events.dating import (
    _date_pool,
    _is_present,
    _is_standing,
    _nearest,
    _relative_span,
    _shifts_time,
    _speaks_for_subject,
    _year_nouns,
)
from course_utils.events.filters import (
    _agrees_to_sanction,
    _in_undated_relative,
    _is_conditional_threat,
    _starts_conditional,
    exclusion,
)  # fmt: skip
from course_utils.events.frames import fit_frame
from course_utils.events.lexicon import (
    Frame,
    Lexicon,
    W,
    load_lexicon,
)
from course_utils.events.recipient import _recipient
from course_utils.events.sentences import _prepare, _Sentence, may_hold_trigger
from course_utils.events.speech import _according, _hedged, _speech
from course_utils.events.triggers import _Trigger, triggers_in

_TIME_ANCHORS = W["time_anchor"]
#: Words that end a noun phrase: prepositions, auxiliaries, connectives.
_NOUN_PHRASE_END = W["phrase_end"] | W["auxiliary"] | W["connective"]


#: The columns of :func:`find_events`.
EVENT_COLUMNS = [
    "event_type", "trigger", "lemma", "pos", "start", "end", "sentence", "actor", "recipient",
    "attributed_to", "hedged", "time_text", "value", "precision", "mod", "date_start",
    "date_end", "date_source", "rule",
]  # fmt: skip


#: The columns of :func:`build_timeline`.
TIMELINE_COLUMNS = [
    "date_start", "date_end", "precision", "value", "event_type", "actor", "recipient",
    "attributed_to", "hedged", "sentence", "time_text", "summary", "rule",
]  # fmt: skip


def _published_or_none(article: Any, published: Any) -> Any:
    return published if published is not None else getattr(article, "published", None)


_DIGIT = re.compile(r"\d")
_INVALID_DATE = "not a real day"  # the kind find_dates' rejected_expressions gives it

#: The columns of :func:`explain_events`.
EXPLAIN_COLUMNS = [
    "sentence", "trigger", "start", "end", "event_type", "decision", "reason", "rule",
]  # fmt: skip


@dataclass
class _Context:
    """What the date step passes from one sentence to the next in a paragraph."""

    date: tuple[int, int, dict[str, Any]]
    said: set[tuple[str, str]]  # (event type, actor) of every event dated so far
    paragraph: int


def _candidates(
    article: Any,
    published: dt.date | str | None,
    mentions: pd.DataFrame | None,
    dates: pd.DataFrame | None,
    sections: Iterable[str],
    lexicon: Lexicon,
    explain: bool = True,
) -> list[dict[str, Any]]:
    """Every candidate trigger of the article, as a row with its decision and reason. With
    ``explain`` false, only the events are sure to be there: a body sentence that has no
    date and borrows none (nothing is carried to it) gives no event whatever its
    triggers, and passes nothing on, so it is skipped (explain_events shows its triggers
    and why each is dropped; find_events and build_timeline keep only events)."""
    if dates is None:
        dates = find_dates(article, _published_or_none(article, published))
    if mentions is None:
        from course_utils.actors import find_actors

        mentions = find_actors(article)
    with _cycle_collection_paused():
        return _sentence_rows(
            article, _prepare(article, mentions, dates, lexicon), sections, lexicon, explain
        )


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the block runs, then restore it. The
    event rules make many small short-lived objects (tokens, rows, per-sentence marks) and
    keep most of them to the end of the call: the collector, started again and again by their
    number, would walk all those kept so far each time, for nothing (the rules make no
    reference cycles that must be freed mid-call; any cycle is freed after, as usual). On a
    long text that is about a quarter of the stage's time. Plain reference counting still
    frees every object as soon as it is no longer used.

    >>> was = gc.isenabled()
    >>> with _cycle_collection_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled() == was
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sentence_rows(
    article: Any,
    sentences: list[_Sentence],
    sections: Iterable[str],
    lexicon: Lexicon,
    explain: bool,
) -> list[dict[str, Any]]:
    """The rows of :func:`_candidates`, from the prepared sentences."""
    wanted = set(sections)
    rows: list[dict[str, Any]] = []
    carried: _Context | None = None
    for index, s in enumerate(sentences):
        if carried and carried.paragraph != s.paragraph:
            carried = None
        if s.section not in wanted:
            if explain:
                rows += _dropped_sentence(s, lexicon, f"not a body sentence ({s.section})")
            carried = None
            continue
        if not (explain or s.dates or carried):
            continue  # no event can come of it, and it passes on nothing (carried is None)
        own, dropped = _sentence_candidates(index, sentences, lexicon)
        if own and not s.dates and _has_invalid_date(s, article):
            for event in own:
                _drop(event, "its date is no day of the calendar: no date is borrowed")
            rows += own + dropped
            carried = None
            continue
        dated, carried = _date_step(s, own, carried, lexicon)
        rows += dated + dropped
    return sorted(rows, key=lambda r: r["start"])


def _has_invalid_date(s: _Sentence, article: Any) -> bool:
    """Whether the sentence holds a date expression rejected as no day of the calendar ("31
    February"). Only a sentence with a digit is looked at, and only that sentence: the date
    finder reads it alone (as a text of its own), not the whole article again."""
    if not _DIGIT.search(s.text):
        return False
    from course_utils.dates import rejected_expressions

    row = {"id": s.id, "start": 0, "text": s.text}
    one = _OneSentence(s.text, _table([row], ["id", "start", "text"], {}))
    rejected = rejected_expressions(one)
    return _INVALID_DATE in rejected["kind"].tolist()


@dataclass(frozen=True)
class _OneSentence:
    """What the date finder reads of an article, for one of its sentences."""

    text: str
    sentences: pd.DataFrame


def _drop(event: dict[str, Any], reason: str) -> None:
    event["decision"] = "dropped"
    event["reason"] = reason


def _dropped_sentence(s: _Sentence, lexicon: Lexicon, reason: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not may_hold_trigger(s, lexicon):
        return rows
    for trigger in triggers_in(s.folded, s.tokens, lexicon, objects=True):
        row = _base_row(trigger, s)
        _drop(row, reason)
        rows.append(row)
    return rows


def _base_row(trigger: _Trigger, s: _Sentence) -> dict[str, Any]:
    return {
        "event_type": trigger.event_type,
        "trigger": s.text[trigger.start : trigger.end],
        "lemma": trigger.lemma,
        "pos": trigger.pos,
        "start": s.offset + trigger.start,
        "end": s.offset + trigger.end,
        "sentence": s.id,
        "actor": "",
        "recipient": "",
        "attributed_to": "",
        "hedged": False,
        "decision": "event",
        "reason": "",
        "rule": f"trigger {trigger.lemma}/{trigger.pos}"
        + (f"→{trigger.event_type}" if trigger.event_type else ""),
        "_trigger": trigger,
    }


def _sentence_candidates(
    index: int, sentences: list[_Sentence], lexicon: Lexicon
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(events kept so far, dropped candidates) of one sentence, before dates."""
    s = sentences[index]
    if not may_hold_trigger(s, lexicon):
        return [], []
    triggers = triggers_in(s.folded, s.tokens, lexicon, objects=True)
    if not triggers:
        return [], []
    s.cache["triggers"] = triggers  # what the actor rules read of the sentence's other verbs
    speech = s.cache["speech"] = _speech(s, lexicon)
    verbs: list[_Trigger] = []
    own: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for trigger in triggers:
        row = _base_row(trigger, s)
        frame = fit_frame(trigger, s, lexicon)
        reason = _drop_reason(trigger, s, triggers, verbs, lexicon, frame)
        if reason:
            _drop(row, reason)
            dropped.append(row)
            continue
        _fill_roles(row, trigger, index, sentences, lexicon, speech, frame)
        own.append(row)
    return own, dropped


def _drop_reason(
    trigger: _Trigger,
    s: _Sentence,
    triggers: list[_Trigger],
    verbs: list[_Trigger],
    lexicon: Lexicon,
    frame: Frame | None,
) -> str:
    """Why a trigger gives no event ("" when it does). Verb triggers are added to ``verbs``
    (the verbs before the next trigger) as a side effect."""
    if _starts_conditional(s, lexicon):
        return "conditional: the sentence opens with a condition"
    if _agrees_to_sanction(trigger, s, triggers, lexicon):
        return "part of an act: the agreement is to act against someone"
    if not trigger.event_type and frame is None:
        return f"no frame of {trigger.lemma!r} fits here (voice, negation or modality)"
    if frame is not None and frame.event_type == "NONE":
        return f"frame {frame.name}: no event"
    negated_frame = frame is not None and frame.polarity == "negated"
    reason = "" if negated_frame else exclusion(trigger, s, lexicon, verbs)
    if trigger.pos == "verb":
        verbs.append(trigger)
    if not reason and _in_undated_relative(trigger, s, lexicon):
        reason = "background clause: a relative clause after the subject, with no date"
    return reason


def _fill_roles(
    row: dict[str, Any],
    trigger: _Trigger,
    index: int,
    sentences: list[_Sentence],
    lexicon: Lexicon,
    speech: tuple[str, int],
    frame: Frame | None,
) -> None:
    """Actor, recipient, attribution, hedge and type of a kept trigger, with their rules."""
    s = sentences[index]
    speaker, speech_end = speech
    actor, actor_rule = _actor(trigger, index, sentences, lexicon, speaker, speech_end)
    recipient, recipient_rule = _recipient(trigger, s, actor, lexicon)
    rules = [row["rule"]]
    passive = _reported_passive(trigger, s, speaker, speech_end)
    if passive:
        (actor, recipient), actor_rule = passive, "passive without agent"
        recipient_rule = "subject of the passive"
    in_speech = s.in_quote(trigger.start) or (0 <= speech_end <= trigger.start)
    if speaker and 0 <= speech_end <= trigger.start and _is_appositive_claim(trigger, s):
        named = [m for m in s.mentions if speech_end <= m.start < trigger.start]
        named = [m for m in named if m.actor != speaker]
        actor, recipient = speaker, (named[0].actor if named else "")
        actor_rule, recipient_rule = "speaker of the claim", "subject of the claim"
    event_type = trigger.event_type
    if frame is not None:
        event_type = frame.event_type
        rules.append(f"frame {frame.name}")
        actor, actor_rule = _frame_slot(frame.actor, trigger, s, speaker, (actor, actor_rule))
        recipient, recipient_rule = _frame_slot(
            frame.recipient, trigger, s, speaker, (recipient, recipient_rule), frame.prep
        )
    elif _is_conditional_threat(trigger, s, lexicon):
        event_type = "THREATEN"  # the statement that makes the threat is the event
        rules.append("conditional threat")
        if in_speech and speaker:
            actor, actor_rule = speaker, "speaker of the threat"
    named = actor or actor_rule.startswith("none found")  # a rule that finds no one says why
    rules += [f"actor: {actor_rule}" if named else "actor: none found"]
    rules += [f"recipient: {recipient_rule}"] if recipient else []
    row.update(
        event_type=event_type, actor=actor, recipient=recipient,
        attributed_to=speaker if in_speech or _according(s) else "",
        hedged=_hedged(trigger, s, lexicon), rule="; ".join(rules),
    )  # fmt: skip


def _frame_slot(
    slot: str,
    trigger: _Trigger,
    s: _Sentence,
    speaker: str,
    default: tuple[str, str],
    prep: str = "",
) -> tuple[str, str]:
    """The mention a frame's slot names: ``speaker``, ``prep`` (after the frame's
    preposition), ``none``, or the default rules' choice (``subject``, ``object``)."""
    if slot == "speaker" and speaker:
        return speaker, "frame slot speaker"
    if slot == "spokesperson":
        if _speaks_for_subject(trigger, s, speaker):
            return speaker, "frame slot spokesperson: the speaker speaks for the subject"
        return default
    if slot == "none":
        return "", ""
    if slot == "prep" and prep:
        after = [t for t in s.tokens if t.start >= trigger.end and t.lower == prep]
        if after:
            found = [m for m in s.mentions if 0 <= m.start - after[0].end <= 20]
            return (found[0].actor, f"frame slot after {prep!r}") if found else ("", "")
    return default


def _date_step(
    s: _Sentence, own: list[dict[str, Any]], carried: _Context | None, lexicon: Lexicon
) -> tuple[list[dict[str, Any]], _Context | None]:
    """Date the events of a sentence: its own date expressions, else the one the sentence
    before passes on; return the rows and what this sentence passes on. A meeting named
    as the time of another act ("said after talks") is no event of its own."""
    anchors = [e for e in own if _is_time_anchor(e, s)]
    for event in anchors:
        _drop(event, "time-anchor: a meeting after 'after'/'before' gives the time of another act")
    rows, context = _date_events(s, [e for e in own if e not in anchors], carried, lexicon)
    return rows + anchors, context


def _is_time_anchor(event: dict[str, Any], s: _Sentence) -> bool:
    """Whether a noun trigger of a meeting with no actor of its own stands after a word that
    makes it the time of another act (rule ``time-anchor``, words of kind ``time_anchor``):
    "Vesland said after talks in Kalonia …", "… days before a summit", "after months of
    talks". Determiners, adjectives and "of" may come between.

    >>> from course_utils.events.sentences import _Sentence
    >>> text = "Vesland said after months of talks that it agreed."
    >>> s = _Sentence(0, 0, text, text, 0, "body", [], [])
    >>> talks = _Trigger(29, 34, "talks", "talks", "noun", "CONSULT", 5)
    >>> _is_time_anchor({"_trigger": talks, "event_type": "CONSULT", "actor": ""}, s)
    True
    """
    trigger = event["_trigger"]
    if trigger.pos != "noun" or event["event_type"] != "CONSULT" or event["actor"]:
        return False
    for token in reversed(s.ending_by(trigger.start, last=5)):
        if token.lower in _TIME_ANCHORS:
            return True
        if token.lower != "of" and token.lower in _NOUN_PHRASE_END:
            return False
    return False


def _date_events(
    s: _Sentence, own: list[dict[str, Any]], carried: _Context | None, lexicon: Lexicon
) -> tuple[list[dict[str, Any]], _Context | None]:
    """The date step for the events that are left: see :func:`_date_step`."""
    if s.dates:
        return _date_own(s, own, carried)
    if not own:
        return [], None
    if carried is None:
        for event in own:
            _drop(event, "no date in its sentence or the sentence before")
        return own, None
    if _shifts_time(s, lexicon, own[0]["_trigger"].start):
        for event in own:
            _drop(event, "time moves on ('later', 'afterwards'): no date is borrowed")
        return own, None
    for event in own:
        _borrow(event, s, carried)
    events = _dedupe(own)
    return events, _passed_on(carried, events)


def _date_own(
    s: _Sentence, own: list[dict[str, Any]], carried: _Context | None
) -> tuple[list[dict[str, Any]], _Context | None]:
    """Date the events of a sentence with dates of its own. An event whose only dates
    belong to other nouns or clauses (``year-modifier``: "suspended a 2018 accord",
    ``relative-date``) borrows the date of the sentence before, as a sentence without a date
    does, or is dropped. The sentence passes on its first date that is neither."""
    for event in own:
        pool, skips = _date_pool(event["_trigger"], s)
        date, skipped = _nearest(event["_trigger"], pool), " and ".join(skips)
        if date is not None:
            _with_date(event, date[2], "sentence")
        elif carried is not None:
            _borrow(event, s, carried)
        else:
            _drop(event, f"{skipped}: its sentence's dates belong to other nouns or clauses")
        if skipped and event["decision"] == "event":
            event["rule"] += f"; date: {skipped} (a date of another noun or clause skipped)"
    events = _dedupe(own)
    nouns = _year_nouns(s)
    plain = [d for d in s.dates if nouns[d[0]] is None and not _relative_span(d, s)]
    if plain:
        return events, _Context(min(plain, key=lambda d: d[0]), _said(events), s.paragraph)
    if carried is not None:
        return events, _passed_on(carried, events)
    return events, None


def _passed_on(carried: _Context, events: list[dict[str, Any]]) -> _Context:
    """What a sentence that keeps the date before passes on: that date, and what was said
    before and in it. The context is updated in place (the sentence before is done with it):
    a long paragraph is not copied again at each sentence."""
    carried.said.update(_said(events))
    return carried


def _borrow(event: dict[str, Any], s: _Sentence, carried: _Context) -> None:
    if (event["event_type"], event["actor"]) in carried.said:
        _drop(event, "duplicate: the sentence before reports the same event")
    elif _is_standing(event["_trigger"], s):
        _drop(event, "a standing position ('has long …'): no date is borrowed")
    elif _is_present(event["_trigger"], s):
        _drop(event, "present-tense: a verb in the present states a standing position")
    else:
        _with_date(event, carried.date[2], "context")


def _said(events: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(event type, actor) of the events a sentence passes on: every one that got a date (a
    duplicate within the sentence too: the next sentence that repeats it repeats the same
    report). A set: the next sentence looks its events up in it, however long the paragraph."""
    return {(e["event_type"], e["actor"]) for e in events if e.get("date_source")}


def find_events(
    article: Any,
    published: dt.date | str | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    sections: Iterable[str] = ("body",),
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Find PLOVER events: one per trigger word in a dated sentence (see the package's rules).

    ``mentions`` defaults to ``find_actors(article)`` and ``dates`` to
    ``find_dates(article, published)``. Columns: ``event_type, trigger, lemma, pos, start,
    end`` (the trigger's offsets in ``article.text``), ``sentence, actor, recipient,
    attributed_to, hedged, time_text, value, precision, mod, date_start, date_end,
    date_source`` (``sentence`` when the date is in the event's sentence, ``context`` when it
    comes from the sentence before), ``rule`` (the frame and the role rules that fired).
    :func:`explain_events` shows the triggers that gave no event, and why.
    """
    return _events(article, published, mentions, dates, sections, lexicon)[1]


def _events(
    article: Any,
    published: dt.date | str | None,
    mentions: pd.DataFrame | None,
    dates: pd.DataFrame | None,
    sections: Iterable[str] = ("body",),
    lexicon: Lexicon | None = None,
) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """The event rows and the table of :func:`find_events`, built once from them."""
    kept = _rows(article, published, mentions, dates, sections, lexicon)
    types = {"start": int, "end": int, "sentence": int, "hedged": bool}
    with _cycle_collection_paused():
        return kept, _table(kept, EVENT_COLUMNS, types)


def _rows(
    article: Any,
    published: dt.date | str | None,
    mentions: pd.DataFrame | None,
    dates: pd.DataFrame | None,
    sections: Iterable[str] = ("body",),
    lexicon: Lexicon | None = None,
) -> list[dict[str, Any]]:
    """The rows of the events kept, in text order, as plain Python data."""
    lexicon = lexicon or load_lexicon()
    rows = _candidates(article, published, mentions, dates, sections, lexicon, explain=False)
    return [r for r in rows if r["decision"] == "event"]


def explain_events(
    article: Any,
    published: dt.date | str | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    sections: Iterable[str] = ("body",),
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Show every candidate trigger, in text order, and why it became an event or not.

    Columns: ``sentence, trigger, start, end, event_type, decision`` (``event`` or
    ``dropped``), ``reason`` (plain words: negated, conditional, background clause,
    duplicate, no date …), ``rule`` (the frame and the role rules that fired).

    >>> import pandas as pd
    >>> from course_utils.article import clean_article
    >>> article = clean_article("Talks\\n\\nAlpha did not meet Beta on Monday.", "2023-02-03")
    >>> no_one = pd.DataFrame(columns=["actor", "kind", "text", "start", "end", "sentence"])
    >>> explain_events(article, mentions=no_one)[["trigger", "decision", "reason"]]
      trigger decision                       reason
    0   Talks  dropped  not a body sentence (title)
    1    meet  dropped  negated ('not', 'never' before it)
    """
    rows = _candidates(article, published, mentions, dates, sections, lexicon or load_lexicon())
    with _cycle_collection_paused():
        return _table(rows, EXPLAIN_COLUMNS, {"start": int, "end": int, "sentence": int})


def _table(rows: list[dict[str, Any]], columns: list[str], types: dict[str, type]) -> pd.DataFrame:
    """The rows as a table, built once, column by column: a column whose values are all of
    one plain type (str, int, bool) is made with that type directly, which is what pandas
    would infer, without its guessing; any other column is left to pandas. With no rows,
    every column is of the type ``types`` gives it (``object`` for the others).

    >>> _table([{"start": 3, "hedged": False}], ["start", "hedged"], {"start": int}).dtypes
    start     int64
    hedged     bool
    dtype: object
    """
    if not rows:
        table = pd.DataFrame(rows, columns=columns)
        return table.astype({c: t for c, t in types.items() if table[c].dtype != t})
    arrays = [_column([row[column] for row in rows]) for column in columns]
    try:  # pandas' own constructor from typed columns of one length: several times faster
        return pd.DataFrame._from_arrays(
            arrays,
            columns=_column_index(tuple(columns)),
            index=pd.RangeIndex(len(rows)),
            verify_integrity=False,
        )
    except (AttributeError, TypeError):  # a pandas without it
        return pd.DataFrame(dict(zip(columns, arrays, strict=True)), columns=columns, copy=False)


def _column(values: list[Any]) -> Any:
    """One column of a table: typed when every value is a str, an int or a bool."""
    kind = type(values[0])
    if kind is str and all(type(v) is str for v in values):
        dtype = _string_dtype()
        if isinstance(dtype, pd.StringDtype) and dtype.storage == "python":
            try:  # every value is a str: the array needs no check of its values
                return pd.arrays.StringArray._simple_new(np.array(values, dtype=object), dtype)
            except (AttributeError, TypeError, ValueError):  # a pandas without it
                pass
        return pd.array(values, dtype=dtype)
    if kind in (int, bool) and all(type(v) is kind for v in values):
        return np.array(values, dtype=np.int64 if kind is int else bool)
    return _inferred(values)


def _inferred(values: list[Any]) -> Any:
    """A column of mixed values, typed as the DataFrame constructor would type it."""
    return pd.Series(values)._values


@functools.cache
def _column_index(columns: tuple[str, ...]) -> pd.Index:
    """The column labels as an Index, made once per table shape (an Index is immutable)."""
    return pd.Index(columns)


@functools.cache
def _string_dtype() -> Any:
    """The dtype pandas infers for a column of strings (looked up once)."""
    return pd.Series(["text"]).dtype


def _with_date(event: dict[str, Any], date: dict[str, Any], source: str) -> None:
    event.update(
        time_text=date["text"],
        value=date["value"],
        precision=date["precision"],
        mod=date["mod"],
        date_start=date["date_start"],
        date_end=date["date_end"],
        date_source=source,
    )


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per report: drop an event of a sentence that another event of the same type
    and date covers (the same actor and recipient, or an empty one where the other has one):
    "held talks … during a visit" is one consultation."""
    kept: list[dict[str, Any]] = []
    for event in events:
        if event["decision"] != "event":
            continue
        if any(_covers(other, event) for other in kept):
            _drop(event, "duplicate: another event of its sentence says the same")
            continue
        for other in kept:
            if _covers(event, other):
                _drop(other, "duplicate: another event of its sentence says more")
        kept = [other for other in kept if other["decision"] == "event"]
        kept.append(event)
    return sorted(events, key=lambda e: e["start"])


def _covers(wide: dict[str, Any], narrow: dict[str, Any]) -> bool:
    """Whether ``wide`` says all that ``narrow`` says about the same event."""
    if (wide["event_type"], wide["value"]) != (narrow["event_type"], narrow["value"]):
        return False
    return all(not narrow[f] or narrow[f] == wide[f] for f in ("actor", "recipient"))


def _summary(row: dict[str, Any]) -> str:
    actor = row["actor"] or "(someone)"
    if row["pos"] == "noun":
        line = f"{actor}: {row['trigger'].lower()}"
    else:
        line = f"{actor} {row['trigger']}"
    if row["recipient"]:
        line += f" → {row['recipient']}"
    notes = []
    if row["hedged"]:
        notes.append("hedged")
    if row["attributed_to"] and row["attributed_to"] != row["actor"]:
        notes.append(f"according to {row['attributed_to']}")
    if row["date_source"] == "context":
        notes.append(f"date from the sentence before: {row['time_text']}")
    return line + (f" ({'; '.join(notes)})" if notes else "")


def build_timeline(
    article: Any,
    published: dt.date | str | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Turn the events of an article into a timeline, sorted by date.

    Columns: ``date_start, date_end, precision, value, event_type, actor, recipient,
    attributed_to, hedged, sentence, time_text, summary, rule``. An event whose date comes
    from the sentence before has ``(context)`` after its ``time_text``; ``rule`` says which
    frame and which role rules fired.
    """
    rows = _rows(article, published, mentions, dates)
    if not rows:
        return pd.DataFrame(columns=TIMELINE_COLUMNS).astype({"hedged": bool})
    with _cycle_collection_paused():  # a line per event, and the table: many small objects
        return _timeline(rows)


def _timeline(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The table of :func:`build_timeline` from the rows of its events."""
    lines = []
    for row in sorted(rows, key=_timeline_order):  # a stable sort, as the table's would be
        context = row["date_source"] == "context"
        time_text = f"{row['time_text']} (context)" if context else row["time_text"]
        lines.append(row | {"summary": _summary(row), "time_text": time_text})
    return _table(lines, TIMELINE_COLUMNS, {"hedged": bool, "sentence": int})


def _timeline_order(row: dict[str, Any]) -> tuple[str, str, int, int]:
    return row["date_start"], row["date_end"], row["sentence"], row["start"]
