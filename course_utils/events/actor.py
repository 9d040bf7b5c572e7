"""The actor of a trigger: which mention acts, and the rule that says so."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from course_utils.events.lexicon import (
    _AUXILIARIES,
    _PASSIVE_AUX,
    _POSSESSIVES,
    _PREPOSITIONS,
    _PRONOUNS,
    _TIME_GAP,
    COUNTERPART,
    MAIN_AGAIN,
    RELATIVE_OPENING,
    Lexicon,
    W,
)  # fmt: skip
from course_utils.events.sentences import _Mention, _Once, _Sentence, _Token, _words_before
from course_utils.events.triggers import _lemma_of, _phrase_head, _Trigger

#: Modal verbs: a reported clause under one has its verbs in the base form.
_MODALS = W["modal"]
#: Words before "of" that make what follows the real subject ("thousands of protesters").
_QUANTITY = W["quantity"]
#: Words before a reported verb that are no subject of their own (rule unknown-subject).
_NO_SUBJECT = (
    set(_PRONOUNS) | _PREPOSITIONS | _TIME_GAP | W["time_word"] | W["determiner"]
    | W["connective"] | W["clause_joiner"] | W["verb_joiner"]
)  # fmt: skip


def _previous_subject(index: int, sentences: list[_Sentence], kind: str = "other") -> str:
    """The subject of the sentence before; for "he" or "she", its first person."""
    if index == 0:
        return ""
    previous = sentences[index - 1]
    if kind == "person":
        people = [m for m in previous.mentions if m.kind == "person"]
        if people:
            return people[0].actor
    return previous.subject()


@dataclass
class _Ask:
    """What the actor rules look at: a trigger in its sentence, and who speaks there."""

    trigger: _Trigger
    index: int
    sentences: list[_Sentence]
    lexicon: Lexicon
    speaker: str
    speech_end: int

    @_Once
    def s(self) -> _Sentence:
        return self.sentences[self.index]

    @_Once
    def lower(self) -> int:
        """Where the trigger's subject may start: its clause, or after "said"."""
        clause = self.s.clause_of(self.trigger.start)
        reported = self.speech_end <= self.trigger.start
        return max(clause[0], self.speech_end) if reported else clause[0]

    def opening(self) -> list[str]:
        """The first two words of the trigger's clause (worked out once)."""
        return self._opening

    @_Once
    def _opening(self) -> list[str]:
        s, lower = self.s, self.lower
        first = bisect.bisect_left(s.token_starts, lower) if lower else 0
        end = s.last_ending_by(self.trigger.start) + 1
        return [t.lower for t in s.tokens[first : min(end, first + 2)]]


_Found = tuple[str, str] | None  # (actor, rule), or None to ask the next rule


def _by_agent(a: _Ask) -> _Found:
    """A passive with its agent: "denounced by X", "was signed early on Tuesday by X"."""
    agent = _passive_agent(a.trigger, a.s)
    return (agent.actor, "passive 'by' agent") if agent is not None else None


def _unknown_agent(a: _Ask) -> _Found:
    """Rule unknown-agent: "a soldier was stabbed by a man": a verb in the passive with a
    "by" agent that is no known actor has no actor; the patient before it does not act,
    nor does the subject of another clause."""
    t, s = a.trigger, a.s
    if t.pos != "verb" or _passive_agent(t, s) is not None:
        return None
    before = s.ending_by(t.start, last=2)
    if before and before[-1].lower.endswith("ly"):
        before = before[:-1]
    after = s.starting_at(t.end, 1)
    if not (before and before[-1].lower in _PASSIVE_AUX and after and after[0].lower == "by"):
        return None
    return "", "none: the passive's 'by' agent is no known actor (unknown-agent)"


def _fronted_possessive(a: _Ask) -> _Found:
    """Rule fronted-possessive: "At a summit of its leaders last month, X offered …": a noun
    in a phrase that opens the sentence, with "its" or "their" after it, belongs to the
    subject right after the phrase's comma."""
    t, s = a.trigger, a.s
    if t.pos != "noun" or not s.tokens or s.tokens[0].lower not in _PREPOSITIONS:
        return None
    comma = s.folded.find(",", t.end)
    before = [m for m in s.mentions if m.start < comma]
    if comma < 0 or any(m.start < t.start or not _after_preposition(s, m) for m in before):
        return None
    words = {w.lower for w in s.ending_by(comma, t.end)}
    if not words & _POSSESSIVES:
        return None
    subject = next((m for m in s.mentions if m.start > comma), None)
    gap = s.folded[comma + 1 : subject.start].split() if subject else ["-"]
    if subject is None or any(w not in W["article"] for w in gap):
        return None
    return subject.actor, f"subject after a fronted phrase with {sorted(words & _POSSESSIVES)[0]!r}"


def _noun_agent(a: _Ask) -> _Found:
    """A noun with "by X" or "from X" after it (or "issued by X")."""
    if a.trigger.pos != "noun":
        return None
    after = a.s.starting_at(a.trigger.end, 2)
    by = after[0] if after else None
    if len(after) > 1 and after[0].lower.endswith("ed") and after[1].lower == "by":
        by = after[1]
    if by is None or by.lower not in W["agent_marker"]:
        return None
    agents = [m for m in a.s.mentions if by.end < m.start <= by.end + 12]
    return (agents[0].actor, f"agent after {by.lower!r}") if agents else None


def _quoted(a: _Ask) -> _Found:
    if a.s.in_quote(a.trigger.start) and a.speaker:
        return a.speaker, "speaker of the quotation"
    return None


def _joint(a: _Ask) -> _Found:
    pair = _coordinated_subject(a.trigger, a.s) if a.trigger.pos == "verb" else None
    return (pair[0].actor, "first of a joint subject") if pair else None


def _shared_subject(a: _Ask) -> _Found:
    """A verb right after "and" (an adverb may come between) shares the subject of the verb
    trigger before it: "X accused Y of … and called on Z to …" is a request by X, not by Y,
    the object of "accused"."""
    if a.trigger.pos != "verb":
        return None
    tokens, k = a.s.tokens, a.s.last_ending_by(a.trigger.start)
    while k >= 0 and tokens[k].lower.endswith("ly"):
        k -= 1
    if k < 0 or tokens[k].lower not in W["verb_joiner"]:
        return None
    joiner = tokens[k]
    triggers = a.s.cache.get("triggers", [])
    earlier = next(
        (t for t in reversed(triggers) if t.pos == "verb" and t.end <= joiner.start), None
    )
    if earlier is None:
        return None
    ask = _Ask(earlier, a.index, a.sentences, a.lexicon, a.speaker, a.speech_end)
    actor, _ = _first_answer(ask, _RULES_BEFORE_AND)
    return actor, f"the subject of {earlier.lemma!r} before '{joiner.lower}'"


def _speech_coordinated(a: _Ask) -> _Found:
    """Rule speech-coordination: in "X said that Kalonia would decide … and denied …", a
    verb after "and" that is no base form cannot join the verb under the modal ("would
    decide"): it joins the speech verb, so its actor is the speaker."""
    t = a.trigger
    if t.pos != "verb" or not a.speaker or a.speech_end < 0 or t.start < a.speech_end:
        return None
    if t.text.lower() == t.lemma:  # "would decide … and deny" may share the modal
        return None
    words = a.s.ending_by(t.start, a.speech_end)
    while words and words[-1].lower.endswith("ly"):
        words = words[:-1]
    if not words or words[-1].lower not in W["verb_joiner"]:
        return None
    if not any(w.lower in _MODALS for w in words[:-1]):
        return None
    return a.speaker, "the speaker: a verb after 'and' joins the speech verb (speech-coordination)"


def _in_noun_phrase(a: _Ask) -> _Found:
    if a.trigger.pos != "noun":
        return None
    found, use_subject = _noun_phrase_actor(a.trigger, a.s, a.lexicon)
    if found:
        return found, "inside its noun phrase ('X's blockade')"
    return None if use_subject else ("", "")


def _relative(a: _Ask) -> _Found:
    found = _relative_subject(a.trigger, a.s, a.lexicon)
    return (found.actor, "subject of a relative clause") if found else None


def _antecedent_of_who(a: _Ask, main_verb_needed: bool) -> _Found:
    """ ", who …": the mention before the comma ("X, who has accused Y, is expected to
    meet Z": X meets Z)."""
    s, lower = a.s, a.lower
    opening = a.opening()
    if not (opening and opening[0] in {"who", "which"} and s.folded[lower : lower + 1] == ","):
        return None
    if main_verb_needed:
        back = MAIN_AGAIN.search(s.folded[lower + 1 : a.trigger.start])
        if not back:
            return None
    found = _antecedent(s, lower)
    return (found, "antecedent of 'who'/'which'") if found else None


def _antecedent(s: _Sentence, comma: int) -> str:
    """The actor named right before the comma of ", who …" or ", which …"; of a joint
    subject ("X and the Y, which …") the first (rule joint-antecedent)."""
    before = [m for m in s.mentions if m.end <= comma]
    if not before:
        return ""
    if len(before) >= 2:
        words = s.folded[before[-2].end : before[-1].start].split()
        joined = bool(words) and words[0] in W["verb_joiner"]
        if joined and all(w in W["article"] for w in words[1:]):
            return before[-2].actor
    return before[-1].actor


def _closed_relative(a: _Ask) -> _Found:
    """Rule closed-relative: in "X, which borders Y, called for calm" the relative clause
    is set off by commas after the subject; the verb after its closing comma (time words,
    auxiliaries and adverbs may come between) is X's, not Y's."""
    if a.trigger.pos != "verb":
        return None
    opening, lower, s = a.opening(), a.lower, a.s
    if not (opening and opening[0] in {"who", "which"} and s.folded[lower : lower + 1] == ","):
        return None
    comma = s.folded.rfind(",", lower + 1, a.trigger.start)
    if comma < 0 or not _only_time_or_auxiliary(s, comma, a.trigger.start):
        return None
    found = _antecedent(s, lower)
    return (found, "antecedent of a relative clause closed by a comma") if found else None


def _subordinate_subject(a: _Ask) -> _Found:
    """Rule subordinate-subject: in "Y came home after X freed the hostages" the verb's
    subject is the mention right before it (auxiliaries and adverbs may come between) when
    a subordinating word (``subordinator``: "after", "because", "when") opens that mention's
    clause; the subject of the main clause does not act."""
    if a.trigger.pos != "verb":
        return None
    s, tokens = a.s, a.s.tokens
    k = s.last_ending_by(a.trigger.start)
    while k >= 0 and (tokens[k].lower in _AUXILIARIES or tokens[k].lower.endswith("ly")):
        k -= 1
    mention = next((m for m in s.mentions if k >= 0 and m.end == tokens[k].end), None)
    if mention is None:
        return None
    j = s.last_ending_by(mention.start)
    while j >= 0 and tokens[j].lower in W["article"]:
        j -= 1
    if j < 0 or tokens[j].lower not in W["subordinator"]:
        return None
    return mention.actor, f"subject of the clause after {tokens[j].lower!r} (subordinate-subject)"


def _reduced_relative(a: _Ask) -> _Found:
    """Rule reduced-relative: "X called for respect of a declaration signed in Y last
    year": a past participle right after the noun it describes, in the object of a verb or
    a preposition and with no object of its own, names an act whose actor is not said."""
    t, s, tokens = a.trigger, a.s, a.s.tokens
    if t.pos != "verb" or not t.text.lower().endswith("ed"):
        return None
    k = s.last_ending_by(t.start)
    after = s.starting_at(t.end, 1)
    if k < 2 or (after and after[0].lower not in _PREPOSITIONS | _TIME_GAP):
        return None
    noun = tokens[k]
    if noun.lower in _NO_SUBJECT | _AUXILIARIES or not noun.text[:1].islower():
        return None
    if noun.lower.endswith("ly") or s.folded[noun.end : t.start].strip():
        return None
    j = next(
        (i for i in range(k - 1, max(k - 4, 0) - 1, -1) if tokens[i].lower in W["article"]), -1
    )
    if j < 1 or tokens[j].start < a.lower or any(m.end == noun.end for m in s.mentions):
        return None
    before = tokens[j - 1]  # a verb or a preposition, whose object the noun is
    joiners = W["connective"] | W["clause_joiner"] | W["subordinator"]
    if before.lower in joiners or s.folded[before.end : tokens[j].start].strip():
        return None
    if any(m.end == before.end for m in s.mentions):
        return None
    return "", "none: a participle after the noun it describes (reduced-relative)"


def _only_time_or_auxiliary(s: _Sentence, start: int, end: int) -> bool:
    """Whether the words between ``start`` and ``end`` are time words, auxiliaries or
    adverbs only (a date span counts as time words)."""
    allowed = _TIME_GAP | W["time_word"] | _AUXILIARIES
    for t in s.ending_by(end, start):
        in_date = any(a <= t.start < b for a, b, _ in s.dates)
        if not (in_date or t.lower in allowed or t.lower.endswith("ly")):
            return False
    return True


def _who_then_verb(a: _Ask) -> _Found:
    return _antecedent_of_who(a, main_verb_needed=True)


def _subject(a: _Ask) -> _Found:
    """The first mention of the clause before the trigger (in reported speech, after the
    speech verb), not right after a preposition ("an affair of X")."""
    s, lower, start = a.s, a.lower, a.trigger.start
    first = next(
        (
            m
            for m in s.mentions
            if lower <= m.start and m.end <= start and not _after_preposition(s, m)
        ),
        None,
    )
    return (first.actor, "subject of its clause") if first is not None else None


def _who(a: _Ask) -> _Found:
    return _antecedent_of_who(a, main_verb_needed=False)


def _place_or_time(a: _Ask) -> _Found:
    opening = a.opening()
    return ("", "") if opening and opening[0] in W["place_time_relative"] else None


def _pronoun(a: _Ask) -> _Found:
    """ "X said it would …": the speaker; a pronoun opening the sentence: the sentence
    before."""
    opening = a.opening()
    if not opening or opening[0] not in _PRONOUNS:
        return None
    after_speech = a.speech_end >= 0 and a.lower == a.speech_end
    if after_speech and _speaker_fits(a.s, a.speaker, opening[0]):
        return a.speaker, f"'{opening[0]}' after a speech verb: the speaker"
    if a.lower == 0 or after_speech:
        found = _previous_subject(a.index, a.sentences, _PRONOUNS[opening[0]])
        return found, f"'{opening[0]}': the subject of the sentence before"
    return None


def _possessive_opening(a: _Ask) -> _Found:
    """Rule its-people: "Its fighters captured a base, the group said": a possessive that
    opens the sentence (or the clause after a speech verb) names the speaker's people, or,
    with no speaker, those of the subject of the sentence before."""
    opening = a.opening()
    if not opening or opening[0] not in _POSSESSIVES:
        return None
    after_speech = a.speech_end >= 0 and a.lower == a.speech_end
    if not (a.lower == 0 or after_speech):
        return None
    if a.speaker:
        return a.speaker, f"'{opening[0]}' people of the speaker (its-people)"
    kind = "person" if opening[0] in {"his", "her"} else "other"
    found = _previous_subject(a.index, a.sentences, kind)
    return found, f"'{opening[0]}' people of the subject of the sentence before (its-people)"


def _pair_opening(a: _Ask) -> _Found:
    """Rule the-two: "The two neighbours agreed …", "Both sides said …" opening the sentence
    (or what follows a speech verb, even past a quotation: "said the two had held 'open'
    talks") name the parties of the sentence before; the first of them is the actor, as
    with a joint subject."""
    start = a.speech_end if 0 <= a.speech_end <= a.trigger.start else 0
    if start == 0 and a.lower != 0:
        return None
    tokens = a.s.starting_at(start, 6)
    while tokens and (tokens[0].lower in _TIME_GAP or tokens[0].lower in W["time_word"]):
        tokens = tokens[1:]
    opening = [t.lower for t in tokens[:2]]
    words = opening[1:] if opening and opening[0] in W["article"] else opening
    if not words or words[0] not in W["pair_word"]:
        return None
    if any(start <= m.start < a.trigger.start for m in a.s.mentions):
        return None
    found = _previous_subject(a.index, a.sentences)
    return (
        (found, f"'{' '.join(opening)}': the subject of the sentence before (the-two)")
        if (found)
        else None
    )


def _speaker_as_subject(a: _Ask) -> _Found:
    if a.speech_end >= 0 and a.lower == a.speech_end and a.speaker:
        if _reported_subject(a):
            return "", "none found: the reported clause has its own subject (unknown-subject)"
        return a.speaker, "the speaker (no subject after the speech verb)"
    return None


def _reported_subject(a: _Ask) -> bool:
    """Whether the verb after the speech verb has a subject of its own that is no known
    actor ("police said migrants had thrown stones"): the word before the verb (auxiliaries
    and adverbs aside) is no pronoun, date or small word. Its actor is unknown: the speaker
    only reports the act. The speaker's own people ("said its troops had …") are the
    speaker's. A noun that is the object of a verb ("said commanders would hold talks")
    asks the same of its verb (rule light-reported-subject)."""
    position = a.trigger.start
    if a.trigger.pos != "verb":
        j = _phrase_head(a.s.tokens, a.trigger.index, a.lexicon)
        head = a.s.tokens[j].lower if j >= 0 else ""
        if head not in _AUXILIARIES and _lemma_of(head, a.lexicon) not in a.lexicon.cue("light"):
            return False
        position = a.s.tokens[j].start
    words = a.s.ending_by(position, a.speech_end)
    skip = _AUXILIARIES | W["remain"] | a.lexicon.cue("negation")  # "would not", "stood ready"
    while words and (words[-1].lower in skip or words[-1].lower.endswith("ly")):
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    in_date = any(start <= last.start < end for start, end, _ in a.s.dates)
    if in_date or last.lower in _NO_SUBJECT:
        return False
    opening = next((t for t in reversed(words[-4:]) if t.lower in _NO_SUBJECT), None)
    return opening is None or opening.lower not in _POSSESSIVES


def _own_noun_subject(a: _Ask) -> _Found:
    """Rule own-subject: "…, and opposition parties boycotted the vote": a verb whose clause
    names its own subject, a word that is no known actor (right before the verb, auxiliaries
    and adverbs aside), has no actor; the first mention of the sentence does not act."""
    if a.trigger.pos != "verb":
        return None
    words = a.s.ending_by(a.trigger.start, a.lower)
    skip = _AUXILIARIES | a.lexicon.cue("negation")
    while words and (words[-1].lower in skip or words[-1].lower.endswith("ly")):
        words = words[:-1]
    if not words or words[-1].lower in _NO_SUBJECT or not words[-1].text[:1].islower():
        return None
    if any(start <= words[-1].start < end for start, end, _ in a.s.dates):
        return None
    return "", f"none: the clause's own subject {words[-1].lower!r} is no known actor (own-subject)"


def _earlier_mention(a: _Ask) -> _Found:
    s, start = a.s, a.trigger.start
    if a.trigger.pos != "verb":
        return None
    first = next((m for m in s.mentions if m.end <= start and not s.in_quote(m.start)), None)
    return (first.actor, "first mention before it") if first is not None else None


def _fronted_pronoun(a: _Ask) -> _Found:
    """ "On Monday, he spoke …": a pronoun after a fronted adverbial refers back."""
    s = a.s
    if s.mentions and s.mentions[0].start <= a.trigger.start:
        return None
    words = _words_before(s, a.trigger.start)
    comma = s.folded.find(",", 0, a.trigger.start)
    if words and words[0].lower not in _PRONOUNS and comma >= 0:
        words = [t for t in words if t.start > comma]
    if words and words[0].lower in _PRONOUNS:
        found = _previous_subject(a.index, a.sentences, _PRONOUNS[words[0].lower])
        return found, f"'{words[0].lower}': the subject of the sentence before"
    return None


#: The actor rules, in order: the first that answers decides.
ACTOR_RULES = (
    _by_agent, _unknown_agent, _noun_agent, _fronted_possessive, _quoted, _joint,
    _speech_coordinated, _shared_subject,
    _in_noun_phrase, _closed_relative, _relative, _subordinate_subject, _reduced_relative,
    _who_then_verb,
    _subject, _who, _place_or_time, _pronoun, _possessive_opening, _pair_opening,
    _speaker_as_subject, _own_noun_subject, _earlier_mention,
    _fronted_pronoun,
)  # fmt: skip

#: The rules for the verb before "and": all but the shared subject (one step back, no more).
_RULES_BEFORE_AND = tuple(rule for rule in ACTOR_RULES if rule is not _shared_subject)


def _actor(trigger: _Trigger, index: int, sentences: list[_Sentence], lexicon: Lexicon,
           speaker: str, speech_end: int) -> tuple[str, str]:  # fmt: skip
    """(actor, rule): the first actor rule that answers, or ("", "")."""
    return _first_answer(_Ask(trigger, index, sentences, lexicon, speaker, speech_end), ACTOR_RULES)


def _first_answer(ask: _Ask, rules: tuple[Callable[[_Ask], _Found], ...]) -> tuple[str, str]:
    for rule in rules:
        found = rule(ask)
        if found is not None:
            return found
    return "", ""


def _passive_agent(trigger: _Trigger, s: _Sentence) -> _Mention | None:
    """The agent of a verb in the passive: the first mention after "by", when "by" follows
    the verb directly or after time words ("signed early on Tuesday by"), or follows it after a
    passive auxiliary. Up to 60 characters of title may stand between "by" and the name, but
    no comma."""
    if trigger.pos != "verb":
        return None
    after = s.starting_at(trigger.end, 5)
    k = 0
    while k < len(after) and after[k].lower in _TIME_GAP and after[k].lower != "by":
        k += 1
    if k >= len(after) or after[k].lower != "by":
        return None
    by = after[k]
    if k:
        before = s.ending_by(trigger.start, last=1)
        if not before or before[0].lower not in _PASSIVE_AUX:
            return None  # "met on Monday by phone": no passive
    limit = 12 if not k else 60
    for m in s.mentions:
        if by.end < m.start <= by.end + limit and "," not in s.folded[by.end : m.start]:
            return m
    return None


def _speaker_fits(s: _Sentence, speaker: str, pronoun: str) -> bool:
    """Whether the pronoun right after a speech verb is the speaker: "he" or "she" always
    (as before), "it" when the speaker is no person ("the party said it would …"). "they"
    is left to the sentence before: "X said they discussed …" names X and others."""
    if not speaker or pronoun == "they":
        return False
    kinds = {m.kind for m in s.mentions if m.actor == speaker}
    return _PRONOUNS[pronoun] == "person" or "person" not in kinds


def _relative_subject(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> _Mention | None:
    """The subject of a relative clause right before a verb: "an accusation X denied",
    "which X rejected", "the offer that X declined" (an adverb or auxiliary may come
    between)."""
    if trigger.pos != "verb":
        return None
    tokens, k = s.tokens, s.last_ending_by(trigger.start)
    while k >= 0 and (tokens[k].lower in _AUXILIARIES or tokens[k].lower.endswith("ly")):
        k -= 1
    if k < 0:
        return None
    mention = next((m for m in s.mentions if m.end == tokens[k].end), None)
    if mention is None:
        return None
    j = min(s.last_ending_by(mention.start), k)  # the last word before the mention
    if j < 0 or s.folded[tokens[j].end : mention.start].strip():
        return None
    head = tokens[j].lower
    nouns = [e for e in lexicon.forms.get(head, []) if e[1] == "noun"]
    return mention if head in {"which", "that", "whom"} or nouns else None


def _after_preposition(s: _Sentence, mention: _Mention) -> bool:
    """A mention right after a preposition ("of Georgia", "in Moscow") is not a subject;
    "thousands of protesters" is."""
    words = s.ending_by(mention.start, last=3)
    words = [t for t in words if t.lower not in W["article"]]
    if not words or words[-1].lower not in _PREPOSITIONS or words[-1].lower == "according":
        return False
    if words[-1].lower == "of" and len(words) >= 2 and words[-2].lower in _QUANTITY:
        return False
    if words[-1].lower == "as" and s.comma_before(words[-1].start):
        return False  # ", as the bloc accused X": a conjunction, then the subject
    return s.folded[words[-1].end : mention.start].strip() in {"", "the", "a", "an"}


#: What stands between two parties named jointly: "X and Y", "X, the head of …, and his
#: counterpart Y".
_JOINED = re.compile(rf"(?:,[^,]*,)?\s+and\s+(?:{COUNTERPART})?")


def _coordinated_subject(trigger: _Trigger, s: _Sentence) -> tuple[_Mention, _Mention] | None:
    """Two parties named jointly as the subject: "X and Y met", "X, the head of …, and his
    counterpart Y signed"; the first is the actor and the second the recipient. The answer
    depends on where the trigger starts only: it is worked out once for each (the actor
    and the recipient rules both ask)."""
    key = ("joint subject", trigger.start)
    if key not in s.cache:
        s.cache[key] = _joint_subject(trigger.start, s)
    return s.cache[key]


def _joint_subject(position: int, s: _Sentence) -> tuple[_Mention, _Mention] | None:
    """:func:`_coordinated_subject` of a trigger that starts at ``position``."""
    clause = s.clause_of(position)
    # In a relative clause ("…, which X and Y signed") the subject is inside the clause.
    relative = RELATIVE_OPENING.match(s.folded, clause[0])
    lower = clause[0] if relative else 0
    before = [
        m for m in s.mentions if m.end <= position and not s.in_quote(m.start) and m.start >= lower
    ]
    if len(before) < 2:
        return None
    first, second = before[0], before[-1]  # an appositive may name others between them
    between = s.folded[first.end : second.start]
    joined = _JOINED.fullmatch(between)
    if not joined:
        return None
    gap = [t.lower for t in s.ending_by(position, second.end)]
    if len(gap) > 3 or any(w not in _AUXILIARIES and not w.endswith("ly") for w in gap):
        return None
    if _after_preposition(s, first):
        return None
    return first, second


def _noun_phrase_actor(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> tuple[str, bool]:
    """For a noun trigger: (actor inside its phrase, whether the clause's subject applies)."""
    tokens = s.tokens
    i = trigger.index
    # Walk back over the noun phrase to the word that governs it.
    j = _phrase_head(tokens, i, lexicon)
    phrase_start = tokens[j].end if j >= 0 else 0
    inside = [m for m in s.mentions if phrase_start <= m.start and m.end <= trigger.start]
    governor = tokens[j].lower if j >= 0 else ""
    light = _after_light_verb(tokens, i, j, lexicon)
    if inside and light and any(m.start < tokens[j].start for m in s.mentions):
        # "X reaffirmed Ankara's support": the one who speaks acts, for Ankara
        return "", True
    if inside:
        return inside[-1].actor, False
    words = [t.lower for t in tokens[j + 1 : i]] + [t.lower for t in tokens[i + 1 : i + 4]]
    if _POSSESSIVES & set(words):
        return "", True
    if light:
        return "", True
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    is_subject = nxt in _AUXILIARIES and governor not in _PREPOSITIONS
    # The object of a verb ("will approve new sanctions"): the verb's subject acts.
    is_object = j >= 1 and governor in _AUXILIARIES and tokens[j - 1].lower not in _PREPOSITIONS
    return "", is_subject or is_object


def _after_light_verb(tokens: list[_Token], i: int, j: int, lexicon: Lexicon) -> bool:
    """Whether the noun at ``i``, whose phrase is governed by the word at ``j``, is the
    object of a light verb: "held talks"; "agreed to extend sanctions" (the subject of
    "agreed" acts); rule noun-chain: "held a first round of talks", "issued statements of
    support"; rule claim-of: "claimed responsibility for the attack"."""
    if j < 0:
        return False
    light = lexicon.cue("light")
    governor = tokens[j].lower
    if _lemma_of(governor, lexicon) in light:
        return True
    if governor == "to" and j + 1 < i:
        return _lemma_of(tokens[j + 1].lower, lexicon) in light
    if governor == "for" and j >= 1 and tokens[j - 1].lower in lexicon.cue("claimed_for"):
        return True
    if governor == "of" and j >= 1:
        k = _phrase_head(tokens, j, lexicon)
        return k >= 0 and _lemma_of(tokens[k].lower, lexicon) in light
    return False


# Institutions are written "<State>: <label>"; groups too, but they are of kind "group".
_INSTITUTION_KINDS = {"state", "organization"}


def _reported_passive(
    trigger: _Trigger, s: _Sentence, speaker: str, speech_end: int
) -> tuple[str, str] | None:
    """(actor, recipient) of a coercive verb in the passive with no "by" agent: the one
    detained is the recipient, not the actor. "The X Interior Ministry said that Y had been
    detained": a state, or a state's institution, that reports a detention made it (the
    actor); anyone else (a rights group, a person) only reports it, and the actor is
    unknown."""
    if trigger.pos != "verb" or trigger.event_type not in {"COERCE", "ASSAULT"}:
        return None
    words = s.ending_by(trigger.start, last=2)
    if words and words[-1].lower.endswith("ly"):
        words = words[:-1]
    if not words or words[-1].lower not in _PASSIVE_AUX:
        return None
    after = s.starting_at(trigger.end, 1)
    if after and after[0].lower == "by":
        return None  # the agent is named: the general rule applies
    clause = s.clause_of(trigger.start)
    reported = 0 <= speech_end <= trigger.start
    lower = max(clause[0], speech_end) if reported else clause[0]
    subjects = [m for m in s.mentions if lower <= m.start and m.end <= trigger.start]
    recipient = subjects[0].actor if subjects else ""
    actor = ""
    if reported and speaker and trigger.event_type == "COERCE":
        kinds = {m.kind for m in s.mentions if m.actor == speaker}
        if "state" in kinds or (kinds & _INSTITUTION_KINDS and ": " in speaker):
            actor = speaker
    if actor == recipient:
        recipient = ""
    return actor, recipient


def _is_appositive_claim(trigger: _Trigger, s: _Sentence) -> bool:
    """An accusation noun in apposition to what was said: "…, an accusation Y denied"."""
    if trigger.pos != "noun" or trigger.event_type != "ACCUSE":
        return False
    words = s.ending_by(trigger.start, last=2)
    if words and words[-1].lower in W["article"]:
        return s.comma_before(words[-1].start)
    return s.comma_before(trigger.start)
