"""The recipient of a trigger: whom the act is aimed at, and the rule that says so."""

from __future__ import annotations

import bisect
import re
from typing import Any

from course_utils.events.actor import _coordinated_subject
from course_utils.events.lexicon import _DETERMINERS, AGENT, COUNTERPART, Lexicon, W, cue_pattern
from course_utils.events.sentences import _Mention, _Sentence, _Token
from course_utils.events.speech import _frame_start, _prefer_person
from course_utils.events.triggers import _is_verbish, _lemma_of, _phrase_head, _Trigger

_AIMED_AT = W["aimed_at"] - {"for"}
#: Gaps before a mention: "met (with) (the) X" after a verb, "to (the) X" after a
#: deployment, up to three words after a preposition of a noun.
_WITH_GAP = re.compile(r"\s+(?:with\s+)?(?:the\s+)?")
_THE_GAP = re.compile(r"\s+(?:the\s+)?")
_NEAR_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,3}")


def _recipient(trigger: _Trigger, s: _Sentence, actor: str, lexicon: Lexicon) -> tuple[str, str]:
    """(recipient, rule): whom the act is aimed at, and which rule said so."""
    after = s.starting_at(trigger.end)
    early = _early_recipient(trigger, s, actor, after)
    if early is not None:
        return early
    end = _object_end(trigger, s, after, lexicon)
    if trigger.event_type == "MOBILIZE":
        return _deployment_target(trigger, s, actor, after, end)
    barred = _barred_spans(trigger, s, lexicon)
    if trigger.pos == "noun":
        found = _noun_recipient(trigger, s, actor, barred)
        if found:
            return found, "after a preposition of its noun"
        return _joint_light_subject(trigger, s, actor, lexicon)
    pair = _coordinated_subject(trigger, s)
    if pair and pair[0].actor == actor:  # "X and Y met": Y, unless an object follows
        following = [m for m in s.mentions if m.start >= trigger.end]
        gap = s.folded[trigger.end : following[0].start] if following else "-"
        if not _WITH_GAP.fullmatch(gap):
            return pair[1].actor, "second of a joint subject"
    candidates = [
        m
        for m in s.mentions
        if trigger.end <= m.start < end
        and not _same_side(m.actor, actor)
        and not any(a <= m.start < b for a, b in barred)
    ]
    return (
        (_prefer_person(candidates, s).actor, "object: first mention after it")
        if candidates
        else ("", "")
    )


def _joint_light_subject(
    trigger: _Trigger, s: _Sentence, actor: str, lexicon: Lexicon
) -> tuple[str, str]:
    """ "X and Y held talks": a noun after a light verb whose subject names two parties
    jointly has the second as its recipient, as the verb "X and Y met" does."""
    j = _phrase_head(s.tokens, trigger.index, lexicon)
    if j < 0 or _lemma_of(s.tokens[j].lower, lexicon) not in lexicon.cue("light"):
        return "", ""
    verb = s.tokens[j]
    light = _Trigger(verb.start, verb.end, verb.text, verb.lower, "verb", trigger.event_type, j)
    pair = _coordinated_subject(light, s)
    if pair and pair[0].actor == actor:
        return pair[1].actor, "second of a joint subject of its light verb"
    return "", ""


def _same_side(one: str, other: str) -> bool:
    """Whether two actors are one side: the same, or a state and one of its institutions
    ("X" and "X: authorities"), which do not act against each other.

    >>> _same_side("Vesland", "Vesland: authorities"), _same_side("Vesland", "Kalonia")
    (True, False)
    """
    return one == other or one.startswith(other + ": ") or other.startswith(one + ": ")


def _early_recipient(
    trigger: _Trigger, s: _Sentence, actor: str, after: list[_Token]
) -> tuple[str, str] | None:
    """ "urged them" (the parties named before), a passive's subject ("a move denounced by
    X"), or none for "refused to condemn X"."""
    clause = s.clause_of(trigger.start)
    first = after[0].lower if after else ""
    if first in W["plural_object"] and trigger.pos == "verb":
        named = [m for m in s.mentions if m.end <= trigger.start and m.actor != actor]
        return (named[0].actor, "'them': the parties named before") if named else ("", "")
    if first == "by" and trigger.pos == "verb":
        subjects = [m for m in s.mentions if clause[0] <= m.start and m.end <= trigger.start]
        if subjects and subjects[0].actor != actor:
            return subjects[0].actor, "subject of the passive"
    if (
        len(after) >= 2
        and first == "to"
        and after[1].lower not in _DETERMINERS
        and after[1].text[:1].islower()
        and not after[1].lower.endswith("s")
    ):
        return "", ""
    return None


def _object_end(trigger: _Trigger, s: _Sentence, after: list[_Token], lexicon: Lexicon) -> int:
    """Where the trigger's object may end: its clause, before "that" for a warning, before
    "and" and another verb."""
    end = s.clause_of(trigger.start)[1]
    that = [t for t in after if t.lower == "that" and t.start < end]
    if trigger.pos == "verb" and trigger.event_type == "THREATEN" and that:
        end = that[0].start  # "warned that X would …": the one warned is named before "that"
    for k, token in enumerate(after[:-1]):
        if token.lower == "and" and token.start < end and _is_verbish(after[k + 1], lexicon):
            return token.start
    return end


def _deployment_target(
    trigger: _Trigger, s: _Sentence, actor: str, after: list[_Token], end: int
) -> tuple[str, str]:
    """Forces go "to X" or "against X"; a mention further on ("to its frontier with X")
    names a place or something else."""
    for token in after:
        if token.start >= end or token.lower not in W["deployment_to"]:
            continue
        for m in s.mentions:
            gap = s.folded[token.end : m.start]
            if m.actor != actor and _THE_GAP.fullmatch(gap):
                return m.actor, f"deployed {token.lower!r} it"
    return _area_owner(trigger, s, actor)


def _area_owner(trigger: _Trigger, s: _Sentence, actor: str) -> tuple[str, str]:
    """Rule area-owner: forces that enter an area named with its owner's possessive right
    after the verb ("entered Kalonia's territorial waters") move against that owner."""
    for m in s.mentions:
        if m.start < trigger.end or m.actor == actor:
            continue
        if _THE_GAP.fullmatch(s.folded[trigger.end : m.start]) and s.folded.startswith("'s", m.end):
            return m.actor, "the owner of the area it enters (area-owner)"
        break
    return "", ""


def _barred_spans(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Stretches of the sentence that name no recipient: the agent after "by", the source
    after "according to", a closing speech frame (", spokesman X said"), and the subject of a
    "that" clause after the trigger ("warned that Kalonia would …")."""
    marks = _sentence_marks(s, lexicon)
    barred = [(a, a + n) for a, n in marks["agents"] if not trigger.start <= a < trigger.end]
    barred += [(a, b) for a, b in marks["frames"] if a >= trigger.end]
    if not (trigger.event_type in {"REQUEST", "ACCUSE"} and trigger.pos == "verb"):
        # "demanded that X stop …": X is the one asked, and "alleged that X had …" the one
        # accused; elsewhere a "that" clause's subject is no recipient
        starts = {end for start, end in marks["that"] if start >= trigger.end}
        barred.extend((x.start, x.end) for x in s.mentions if x.start in starts)
    return barred + marks["background"]


def _sentence_marks(s: _Sentence, lexicon: Lexicon) -> dict[str, list[Any]]:
    """What :func:`_barred_spans` needs of a sentence, found once per sentence."""
    marks = s.cache.get("barred")
    if marks is not None:
        return marks
    lowered = s.lower
    frames = []
    for cue, where in lexicon.attribution.items():
        if where == "before" and cue in lowered:
            for m in cue_pattern(cue).finditer(lowered):
                frames.append((_frame_start(s, m.start()), m.end()))
    marks = {
        "agents": [(m.start(), m.end() - m.start() + 60) for m in _AGENT.finditer(lowered)],
        "frames": frames,
        "that": [(m.start(), m.end()) for m in _THAT.finditer(lowered)],
        "background": _background_spans(s, lexicon),
    }
    s.cache["barred"] = marks
    return marks


_AGENT = AGENT
_THAT = re.compile(r"\bthat\s+(?:the\s+)?")


def _background_spans(s: _Sentence, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Phrases that give the reason for an act ("at X's request", "at the request of X"):
    the party named in them asked for the act; it is not whom the act is aimed at."""
    spans: list[tuple[int, int]] = []
    tokens = s.tokens
    requests = _request_nouns(lexicon)
    for k, token in enumerate(tokens):
        if token.lower not in requests:
            continue
        j = _phrase_head(tokens, k, lexicon)
        if j < 0 or tokens[j].lower not in lexicon.cue("background"):
            continue
        end = token.end
        if k + 1 < len(tokens) and tokens[k + 1].lower == "of":  # "at the request of X"
            end = min(s.clause_of(token.start)[1], tokens[k + 1].end + 60)
        spans.append((tokens[j].start, end))
    return spans


_REQUEST_NOUNS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _request_nouns(lexicon: Lexicon) -> frozenset[str]:
    """The forms of the lexicon's REQUEST nouns ("request", "requests"), found once."""
    cached = _REQUEST_NOUNS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        forms = frozenset(
            form
            for form, entries in lexicon.forms.items()
            if any(e[1] == "noun" and e[2] == "REQUEST" for e in entries)
        )
        cached = _REQUEST_NOUNS[id(lexicon)] = (lexicon, forms)
    return cached[1]


_COUNTERPART = rf"\s+{COUNTERPART}"
_COUNTERPART_GAP = re.compile(_COUNTERPART)


def _noun_recipient(
    trigger: _Trigger, s: _Sentence, actor: str, barred: list[tuple[int, int]]
) -> str:
    """For a noun, "against/on/to/with X" right after it names the recipient ("support for
    X", "an invasion of X" and "an attack on X" too); "with X" may come after a place or a
    date ("talks in Oslo on Friday with X")."""
    tokens = s.tokens
    clause = s.clause_of(trigger.start)
    i = bisect.bisect_right(s.token_ends, trigger.end) - 1  # the last word of the trigger
    aimed = set(_AIMED_AT) | {"for"}
    if trigger.event_type in {"ASSAULT", "ACCUSE", "COERCE"}:
        aimed.add("of")

    def mention_after(token: _Token) -> _Mention | None:
        for m in s.mentions:
            gap = s.folded[token.end : m.start]
            near = 0 <= m.start - token.end <= 30 and _NEAR_GAP.fullmatch(gap)
            near = near or _COUNTERPART_GAP.fullmatch(gap)  # "with his Veldran counterpart, X"
            if near and m.actor != actor and not any(a <= m.start < b for a, b in barred):
                return m
        return None

    if i + 1 < len(tokens) and tokens[i + 1].lower in aimed:
        found = mention_after(tokens[i + 1])
        return found.actor if found else ""
    for token in tokens[i + 1 : i + 9]:
        if token.start >= clause[1] or token.lower in W["connective"]:
            break
        if token.lower == "with":
            found = mention_after(token)
            return found.actor if found else ""
    return ""
