"""Trigger words: the lexicon's words and phrases in a sentence, with their part of speech
(a light part-of-speech layer from the lexicons and the function words).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from course_utils.events.lexicon import (
    _DETERMINERS,
    _LIGHT_FORMS,
    _PHRASE_END,
    _POSSESSIVES,
    _PREPOSITIONS,
    _PRONOUNS,
    _TIME_GAP,
    _TIME_WORDS,
    Lexicon,
    W,
    inflect,
    load_lexicon,
)  # fmt: skip
from course_utils.events.sentences import _Token, _tokens
from course_utils.text import fold_quotes

_ARTICLES = W["article"]
#: Particles that may follow a verb's short object ("turned the offer down").
_PARTICLES = W["particle"]
_SINGULAR = W["singular"]
_OBJECT_END = W["object_end"]
_PREPOSITIONS_BUT_TO = _PREPOSITIONS - {"to"}
#: Determiners that start the next noun phrase ("an appeal the same day").
_PHRASE_DETERMINERS = _DETERMINERS - {"new", "further"}
#: A mark that ends an object.
_OBJECT_BREAK = re.compile(r"[,;:.()\"]")


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    event_type: str
    index: int  # token index of the first word


def find_triggers(
    sentence: str, lexicon: Lexicon | None = None, *, objects: bool = False
) -> list[_Trigger]:
    """Find the trigger words of one sentence, with their PLOVER type and part of speech.

    With ``objects=True``, also the verbs of ``object_triggers.csv`` that are triggers only
    with certain words in their object ("sent troops" is MOBILIZE, "released prisoners"
    RETREAT, "released 2 million dollars in aid" AID; "sent a letter" is nothing).

    >>> [(t.text, t.pos, t.event_type) for t in find_triggers("They made such an offer.")]
    [('offer', 'noun', 'AGREE')]
    >>> [(t.text, t.event_type) for t in find_triggers("Officials brushed aside the talks.")]
    [('brushed aside', 'REJECT'), ('talks', 'CONSULT')]
    >>> find_triggers("the offensive military operations")
    []
    """
    lexicon = lexicon or load_lexicon()
    folded = fold_quotes(sentence)
    return triggers_in(folded, _tokens(folded), lexicon, objects=objects)


def triggers_in(
    folded: str, tokens: list[_Token], lexicon: Lexicon, *, objects: bool = False
) -> list[_Trigger]:
    """:func:`find_triggers` on a sentence already split into tokens."""
    found: list[_Trigger] = []
    forms = lexicon.forms
    hyphens = "-" in folded
    words = [t.lower for t in tokens]
    if not hyphens and not _may_hold_trigger(words, lexicon, objects):
        return found
    skip_until = -1
    for i, word in enumerate(words):
        if word not in forms and not (hyphens and folded[tokens[i].end : tokens[i].end + 1] == "-"):
            continue  # neither a trigger word nor the first half of a hyphenated one
        if i <= skip_until:
            continue
        token = tokens[i]
        joined = _hyphenated(folded, tokens, i)
        lower_case = token.text.islower() or i == 0
        if joined in lexicon.forms and token.lower not in lexicon.forms and lower_case:
            # "cease-fire" is the trigger "ceasefire"; the second part decides the rest
            entry = _choose_pos([e for e in lexicon.forms[joined] if not e[3]], tokens, i, lexicon)
            skip_until = i + 1
            if entry[1] == "noun" and _is_adjectival(tokens, i + 1, folded):
                continue
            last = tokens[i + 1]
            found.append(_Trigger(token.start, last.end, folded[token.start : last.end], entry[0],
                                  entry[1], entry[2], i))  # fmt: skip
            continue
        if token.lower not in lexicon.forms:
            continue
        entries = lexicon.forms[token.lower]
        # The second half of a compound ("cease-fire on", "a Moscow-brokered truce") starts
        # no phrase and is no verb; a noun there still counts ("a counter-offensive").
        compound = token.start > 0 and folded[token.start - 1] == "-"
        # Phrases ("brush aside", "call for") first, then single words.
        phrase, gap = _match_phrase(entries, tokens, i) if not compound else (None, 0)
        if phrase:
            last = tokens[i + gap + len(phrase[3])]
            found.append(_Trigger(token.start, last.end, folded[token.start : last.end], phrase[0],
                                  phrase[1], phrase[2], i))  # fmt: skip
            skip_until = i + gap + len(phrase[3])
            continue
        single = [e for e in entries if not e[3]]
        if not single:
            continue
        entry = _choose_pos(single, tokens, i, lexicon)
        if entry[1] == "noun" and _is_adjectival(tokens, i, folded):
            continue
        if entry[1] == "verb" and (compound or _after_article(tokens, i, entry[0])):
            continue  # a verb of the lexicon used as a noun it does not list ("a veto")
        bare = entry[1] == "verb" and i > 0 and token.lower == entry[0].split()[0]
        if bare and tokens[i - 1].lower in _PREPOSITIONS_BUT_TO:
            continue  # a bare verb after a preposition is a noun: "went on strike"
        found.append(_Trigger(token.start, token.end, token.text, entry[0], entry[1], entry[2], i))
    if objects:
        if not lexicon.frame_forms.keys().isdisjoint(words):
            found = _with_frame_triggers(found, tokens, lexicon)
        # An object decides the type where it matches: "withdrew the bill" is CONCEDE, not
        # the RETREAT of "withdrew troops"; "struck a deal" AGREE, not an ASSAULT.
        verbs = not lexicon.objects.keys().isdisjoint(words)
        chosen = {t.index: t for t in _object_triggers(folded, tokens, lexicon)} if verbs else {}
        found = [chosen.pop(t.index, t) for t in found] + list(chosen.values())
        found.sort(key=lambda t: t.start)
    return found


def _may_hold_trigger(words: list[str], lexicon: Lexicon, objects: bool) -> bool:
    """Whether a word of the sentence is a trigger form, or (with ``objects``) a verb of
    ``object_triggers.csv`` or of a frame: a quick test that spares most sentences the
    word-by-word rules."""
    if not lexicon.forms.keys().isdisjoint(words):
        return True
    return objects and not (
        lexicon.objects.keys().isdisjoint(words) and lexicon.frame_forms.keys().isdisjoint(words)
    )


def _after_article(tokens: list[_Token], i: int, lemma: str) -> bool:
    """A verb form used as a noun the lexicon does not list: right after "a", "an", "the"
    ("a veto"), or the base form after "a" and one adjective ("a first sign"): after a
    singular article, a verb would need its -s."""
    if i > 0 and tokens[i - 1].lower in _ARTICLES:
        return True
    bare = tokens[i].lower == lemma.split()[0]
    return (
        bare
        and i > 1
        and tokens[i - 2].lower in _SINGULAR
        and tokens[i - 1].text.islower()
        and not tokens[i - 1].lower.endswith("ly")
    )


def _hyphenated(folded: str, tokens: list[_Token], i: int) -> str:
    """Token ``i`` joined to the next one when a hyphen links them ("cease-fire" →
    "ceasefire"), or "" when none does."""
    if i + 1 >= len(tokens) or folded[tokens[i].end : tokens[i + 1].start] != "-":
        return ""
    return tokens[i].lower + tokens[i + 1].lower


def _object_triggers(folded: str, tokens: list[_Token], lexicon: Lexicon) -> list[_Trigger]:
    """The verbs that are triggers only with certain words in their object, up to eight
    words after the verb and before a clause mark or a preposition other than "of"/"in"."""
    found = []
    objects = lexicon.objects
    for i in [k for k, token in enumerate(tokens) if token.lower in objects]:
        token, entries = tokens[i], objects[tokens[i].lower]
        if not entries or (i > 0 and tokens[i - 1].lower in W["article"]):
            continue
        window: list[str] = []
        for nxt in tokens[i + 1 : i + 9]:
            before = tokens[i + len(window)]
            gap = folded[before.end : nxt.start]
            if gap == "," and before.lower.isdigit() and nxt.lower.isdigit():
                gap = ""  # "2,000,000 dollars"
            if nxt.lower in _OBJECT_END or _OBJECT_BREAK.search(gap):
                break
            window.append(nxt.lower)
        for lemma, event_type, wanted in entries:
            if any(_has_words(window, words) for words in wanted):
                found.append(_Trigger(token.start, token.end, token.text, lemma, "verb",
                                      event_type, i))  # fmt: skip
                break
    return found


def _has_words(window: list[str], words: tuple[str, ...]) -> bool:
    """Whether ``words`` (the last one perhaps in the plural) occur in a row in ``window``."""
    n = len(words)
    last = _noun_forms(words[-1])
    return any(
        window[k : k + n - 1] == list(words[:-1]) and window[k + n - 1] in last
        for k in range(len(window) - n + 1)
    )


@functools.lru_cache(maxsize=4096)
def _noun_forms(word: str) -> frozenset[str]:
    """A word of the lexicon and its plural (worked out once per word)."""
    return frozenset(inflect(word, "noun"))


def _match_phrase(
    entries: list[tuple[str, str, str, tuple[str, ...]]], tokens: list[_Token], i: int
) -> tuple[tuple[str, str, str, tuple[str, ...]] | None, int]:
    """The phrase entry whose words follow token ``i``, and how many time words come between
    the verb and the rest of the phrase ("called this week for": 2)."""
    phrases = [e for e in entries if e[3]]
    if not phrases:
        return None, 0
    for gap in range(4):
        between = [t.lower for t in tokens[i + 1 : i + 1 + gap]]
        if gap and (len(between) < gap or not set(between) <= _TIME_GAP or between == ["on"]):
            continue
        for entry in phrases:
            rest = [t.lower for t in tokens[i + 1 + gap : i + 1 + gap + len(entry[3])]]
            if rest == list(entry[3]) and (not gap or entry[1] == "verb"):
                return entry, gap
    return _split_particle(phrases, tokens, i)


def _split_particle(
    phrases: list[tuple[str, str, str, tuple[str, ...]]], tokens: list[_Token], i: int
) -> tuple[tuple[str, str, str, tuple[str, ...]] | None, int]:
    """Rule split-particle: a particle verb with its short object between the verb and the
    particle ("turned the offer down", "called the talks off"): the object opens with a
    determiner or a possessive and holds no preposition or time word."""
    particles = {e[3][0]: e for e in phrases if e[1] == "verb" and len(e[3]) == 1}
    particles = {word: e for word, e in particles.items() if word in _PARTICLES}
    if not particles or i + 2 >= len(tokens):
        return None, 0
    opener = tokens[i + 1].lower
    if opener not in _DETERMINERS and opener not in _POSSESSIVES and not opener.endswith("'s"):
        return None, 0
    for gap in range(1, 5):
        word = tokens[i + 1 + gap].lower if i + 1 + gap < len(tokens) else ""
        if word in particles:
            return particles[word], gap
        if not word or word in _PHRASE_END or word in _TIME_GAP:
            break
    return None, 0


def _choose_pos(entries: list[tuple[str, str, str, tuple[str, ...]]], tokens: list[_Token],
                i: int, lexicon: Lexicon) -> tuple[str, str, str, tuple[str, ...]]:  # fmt: skip
    """A word that is a noun and a verb ("offer", "clashes") is a noun inside a noun phrase:
    after a determiner or a preposition, with only modifiers in between."""
    nouns = [e for e in entries if e[1] == "noun"]
    verbs = [e for e in entries if e[1] == "verb"]
    if not nouns or not verbs:
        return entries[0]
    if i > 0 and tokens[i - 1].lower == "to" and tokens[i].lower == verbs[0][0]:
        return verbs[0]  # an infinitive: "is expected to visit"
    j = _phrase_head(tokens, i, lexicon)
    modifiers = [t.lower for t in tokens[j + 1 : i]]
    opener = tokens[j].lower if j >= 0 else ""
    in_phrase = opener in _PREPOSITIONS or any(
        w in _DETERMINERS or w.endswith("'s") for w in modifiers
    )
    if opener and opener != tokens[i].lower and _lemma_of(opener, lexicon) in lexicon.cue("light"):
        in_phrase = True  # the object of a light verb: "imposed sanctions", "held talks"
    return nouns[0] if in_phrase or opener in _DETERMINERS else verbs[0]


def _phrase_head(tokens: list[_Token], i: int, lexicon: Lexicon) -> int:
    """Walk back from token ``i`` over its noun phrase; return the index of the word before it
    (a preposition, a verb, a pronoun …), or -1 at the start of the sentence."""
    j = i - 1
    while j >= 0:
        word = tokens[j]
        if word.lower in _PHRASE_END or word.lower in _PRONOUNS or _is_verbish(word, lexicon):
            break
        j -= 1
    return j


def _is_adjectival(tokens: list[_Token], i: int, folded: str) -> bool:
    """A noun trigger directly followed by another word of its noun phrase is an adjective."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    between = folded[tokens[i].end : nxt.start]
    if between.strip():  # punctuation or a quote mark ends the phrase
        return False
    if nxt.lower in _PHRASE_END or nxt.lower in _TIME_WORDS or not nxt.text[:1].islower():
        return False
    if nxt.lower in _PHRASE_DETERMINERS:
        return False  # a determiner starts the next phrase: "an appeal the same day"
    return not nxt.lower.endswith(("ed", "ly"))


_CUE_FORMS: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _lemma_of(word: str, lexicon: Lexicon) -> str:
    """The base form of a light, control, reduce, describe or exposure verb ("held" →
    "hold"), or the word itself."""
    if word in _LIGHT_FORMS:
        return _LIGHT_FORMS[word]
    cached = _CUE_FORMS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        kinds = ("light", "control", "reduce", "describe", "exposure")
        cues = sorted(set().union(*(lexicon.cue(kind) for kind in kinds)))
        forms = {form: cue for cue in reversed(cues) for form in inflect(cue, "verb")}
        cached = _CUE_FORMS[id(lexicon)] = (lexicon, forms)
    return cached[1].get(word, word)


def _is_verbish(token: _Token, lexicon: Lexicon) -> bool:
    if token.lower in _LIGHT_FORMS or token.lower in W["verb_form"]:
        return True
    if token.lower in lexicon.forms and any(e[1] == "verb" for e in lexicon.forms[token.lower]):
        return not token.lower.endswith("s") or token.lower.endswith("ss")
    return token.lower.endswith("ed") or (token.lower.endswith("ing") and len(token.lower) > 5)


def _with_frame_triggers(
    found: list[_Trigger], tokens: list[_Token], lexicon: Lexicon
) -> list[_Trigger]:
    """Add the verbs that are triggers only through a frame of ``frames.csv`` ("apply",
    "respond"): their type is empty until a frame fits."""
    taken = {t.index for t in found}
    extra = [
        _Trigger(t.start, t.end, t.text, lexicon.frame_forms[t.lower], "verb", "", i)
        for i, t in enumerate(tokens)
        if t.lower in lexicon.frame_forms and i not in taken and t.text.islower()
    ]
    return sorted(found + extra, key=lambda t: t.start)
