"""Who speaks: the speaker of a sentence, attribution and hedges."""

from __future__ import annotations

import re
from collections.abc import Sequence

from course_utils.events.lexicon import Lexicon, cue_pattern
from course_utils.events.sentences import _Mention, _Sentence
from course_utils.events.triggers import _Trigger

#: "to" and a verb ("a week to free X"), not "to the …".
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an)\b)[a-z]+")


def _speech(s: _Sentence, lexicon: Lexicon) -> tuple[str, int]:
    """Return (speaker, end of the speech cue) of a sentence; ("", -1) if none."""
    if not s.mentions:
        return "", -1
    lower = s.lower
    for cue, where in _longest_first(lexicon):
        if cue not in lower:
            continue  # the pattern cannot match: skip it
        for m in cue_pattern(cue).finditer(lower):
            if where == "after":
                after = [x for x in s.mentions if m.end() <= x.start <= m.end() + 80]
                if after:
                    return _prefer_person(after, s).actor, m.end()
                continue
            clause = s.clause_of(m.start())
            before = [x for x in s.mentions if clause[0] <= x.start and x.end <= m.start()]
            before = [x for x in before if not s.in_quote(x.start)]
            if not before and s.comma_before(m.start()):
                before = _appositive_subject(s, m.start())
            frame = _frame_speaker(s, m.start(), before)
            if frame:
                return frame.actor, m.end()
            if before:  # "X's spokesman, Jane Roe, said": the person in apposition speaks
                two = before[:2] if len(before) > 1 and before[1].kind == "person" else []
                apposed = bool(two) and "," in s.folded[two[0].end : two[1].start]
                apposed = apposed and s.folded[two[1].end : two[1].end + 1] == ","
                return before[1 if apposed else 0].actor, m.end()
            after = [x for x in s.mentions if m.end() <= x.start <= m.end() + 3]
            if after:  # "…," said Lavrov
                return after[0].actor, m.end()
    return "", -1


def _appositive_subject(s: _Sentence, cue: int) -> list[_Mention]:
    """ "X, a former officer who leads …, said": the speech verb follows a description set
    off by commas, and the speaker is the mention that opens the sentence."""
    first = [x for x in s.mentions if x.end <= cue and not s.in_quote(x.start)][:1]
    if not first or s.folded[: first[0].start].strip(" \"'"):
        return []
    return first if s.folded[first[0].end : first[0].end + 1] == "," else []


def _frame_start(s: _Sentence, cue: int) -> int:
    """Where a closing speech frame (", Foreign Ministry spokesman X said") starts: the comma
    before the speech verb, or -1 when the verb does not close the sentence."""
    comma = s.folded.rfind(",", 0, cue)
    rest = s.folded[cue:].partition(",")[0].strip(' ."')  # "X said Wednesday, as …" closes too
    if comma < 0 or s.in_quote(comma) or len(rest.split()) > 3:
        return -1
    return comma


def _frame_speaker(s: _Sentence, cue: int, before: Sequence[_Mention]) -> _Mention | None:
    """The speaker of a closing frame ("…, the ministry said"): the last mention in it."""
    start = _frame_start(s, cue)
    inside = [m for m in before if m.start > start] if start >= 0 else []
    if not inside:
        return None
    people = [m for m in inside if m.kind == "person"]
    return (people or inside)[-1]


def _prefer_person(candidates: Sequence[_Mention], s: _Sentence) -> _Mention:
    """The first candidate, or a person named in the same phrase right after it."""
    first = candidates[0]
    if first.kind == "person":
        return first
    for other in candidates[1:]:
        gap = s.folded[first.end : other.start]
        infinitive = _INFINITIVE.search(gap)  # "a week to free X"
        if other.kind == "person" and other.start - first.end <= 60 and " and " not in gap:
            if infinitive:
                break
            return other
    return first


def _hedge_marks(s: _Sentence, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Every hedge cue of the sentence: (start, end, scope), found once per sentence."""
    marks = s.cache.get("hedges")
    if marks is None:
        marks = []
        folded = s.folded
        plain = folded.isascii() or _CASE_EXCEPTIONS.isdisjoint(folded)
        lowered = folded.lower() if plain else None
        for pattern, scope, needle, ignore_case in _hedge_patterns(lexicon)[1]:
            # as _may_occur: the pattern cannot match without its needle; skip it
            text = folded if not ignore_case else (lowered if lowered is not None else needle)
            if needle and needle not in text:
                continue
            marks += [(m.start(), m.end(), scope) for m in pattern.finditer(folded)]
        s.cache["hedges"] = marks
    return marks


#: Letters that a case-insensitive pattern of ASCII words matches though their lower case is
#: not the pattern's letter ("ſ" matches "s", "İ" matches "i"): a text with one is searched
#: with every pattern.
_CASE_EXCEPTIONS = frozenset("\u0130\u0131\u017f")
_PLAIN_CUE = re.compile(r"[A-Za-z0-9' -]+")


def _may_occur(needle: str, ignore_case: bool, text: str, lowered: str | None) -> bool:
    """Whether a cue's pattern can match ``text``: a fast test on the plain string
    (``lowered`` is the text in lower case, or None when it holds a case exception).

    >>> _may_occur("reportedly", True, "X Reportedly left", "x reportedly left")
    True
    >>> _may_occur("may", False, "In May they met", "in may they met")
    False
    """
    if not ignore_case:
        return needle in text
    return lowered is None or needle in lowered


_HedgePattern = tuple[re.Pattern[str], str, str, bool]  # pattern, scope, needle, ignore case
_HEDGE_PATTERNS: dict[int, tuple[Lexicon, list[_HedgePattern]]] = {}


def _hedge_patterns(lexicon: Lexicon) -> tuple[Lexicon, list[_HedgePattern]]:
    """The hedge cues' patterns, made once per lexicon; the needle is what a sentence must
    hold for the pattern to match ("" when no simple test is safe)."""
    cached = _HEDGE_PATTERNS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        patterns = []
        for cue, (_, scope) in lexicon.hedges.items():
            ignore_case = cue != "may"  # "May" is a month
            pattern = cue_pattern(cue, re.IGNORECASE if ignore_case else 0)
            plain = not ignore_case or _PLAIN_CUE.fullmatch(cue)
            needle = (cue.lower() if ignore_case else cue) if plain else ""
            patterns.append((pattern, scope, needle, ignore_case))
        cached = _HEDGE_PATTERNS[id(lexicon)] = (lexicon, patterns)
    return cached


_SORTED_CUES: dict[int, tuple[Lexicon, list[tuple[str, str]]]] = {}


def _longest_first(lexicon: Lexicon) -> list[tuple[str, str]]:
    """The attribution cues, the longest first, sorted once per lexicon."""
    cached = _SORTED_CUES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cues = sorted(lexicon.attribution.items(), key=lambda c: -len(c[0]))
        cached = _SORTED_CUES[id(lexicon)] = (lexicon, cues)
    return cached[1]


def _hedged(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A hedge cue in the trigger's clause, or a sentence-wide one ("claimed") before it."""
    clause = s.clause_of(trigger.start)
    return any(
        clause[0] <= start < clause[1] or (scope == "sentence" and end <= trigger.start)
        for start, end, scope in _hedge_marks(s, lexicon)
    )


def _according(s: _Sentence) -> bool:
    return "according to" in s.lower
