"""Why a trigger is no event: negated, conditional, a complement of another word, a state,
background. Each check has a name, and :func:`exclusion` says which one fired.
"""

from __future__ import annotations

import re

from course_utils.events.lexicon import (
    _ADJ_OPENERS,
    _AUXILIARIES,
    _DETERMINERS,
    _MODALS,
    _PASSIVE_AUX,
    _PHRASE_END,
    _PREPOSITIONS,
    _PRONOUNS,
    _TIME_GAP,
    _TIME_WORDS,
    CONDITION,
    RELATIVE,
    RELATIVE_OPENING,
    Lexicon,
    W,
)  # fmt: skip
from course_utils.events.sentences import _Sentence, _Token
from course_utils.events.triggers import _is_verbish, _lemma_of, _phrase_head, _Trigger

_REMAIN = W["remain"]
#: Words before an -ed form that make it an adjective: "the detained", "to release detained".
_ADJECTIVE_OPENERS = _ADJ_OPENERS
_AFTER_PARTICIPLE = _PREPOSITIONS - {"and", "or"}
_CONTENT = W["content"]
_HOSTILE = W["hostile_type"]
# Word classes the checks combine, made once (not for each word looked at).
_PHRASE_END_NO_AUX = _PHRASE_END - _AUXILIARIES
_ADJECTIVE_OR_PREPOSITION = _ADJECTIVE_OPENERS | _PREPOSITIONS
_ANY_AUXILIARY = _AUXILIARIES | _PASSIVE_AUX
_TIME_GAP_FOR = _TIME_GAP | {"for"}
#: A clause that opens with a comma and a word (", saying …"), or an -ing form (", ending …").
_COMMA_WORD = re.compile(r",\s+([a-z]+)\b")
_COMMA_PARTICIPLE = re.compile(r",\s+([a-z]+ing)\b")


def _negated(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """A negation among the two words before ("did not agree"), or "no" right before."""
    i = trigger.index
    clause = s.clause_of(trigger.start)
    window = [t.lower for t in s.tokens[max(0, i - 3) : i] if t.start >= clause[0]]
    return bool(lexicon.cue("negation") & set(window[-2:]) - {"no"}) or window[-1:] == ["no"]


def _no_determiner(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    """Rule no-determiner: "no" anywhere in a noun trigger's own phrase negates it, with
    words between ("held no leaders' summit", "has had no formal talks")."""
    i = trigger.index
    j = _phrase_head(s.tokens, i, lexicon)
    return any(t.lower == "no" for t in s.tokens[max(j, 0) : i])


def _negated_governor(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    """Rule negated-governor: a noun trigger whose verb is negated did not happen ("did not
    attend the meeting", "has never held talks")."""
    tokens = s.tokens
    j = _phrase_head(tokens, trigger.index, lexicon)  # walks back over "attend", "not"
    clause = s.clause_of(trigger.start)
    window = [t.lower for t in tokens[max(0, j - 2) : trigger.index] if t.start >= clause[0]]
    return bool(lexicon.cue("negation") & set(window) - {"no"})


def _prospect(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """Rule prospect-modal: a noun trigger after a preposition, in a clause with a modal of
    possibility before it, is what might come, not an act: "the deal could open the way to
    broader talks", "a truce might lead to a summit". A modal is matched in lower case
    only (the month May is none)."""
    tokens = s.tokens
    j = _phrase_head(tokens, trigger.index, lexicon)
    if j < 0 or tokens[j].lower not in lexicon.cue("prospect_preposition"):
        return False
    clause = s.clause_of(trigger.start)
    modals = lexicon.cue("prospect_modal")
    return any(t.text in modals for t in tokens[:j] if t.start >= clause[0])


def _hypothetical(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """A noun after "any" names no act that happened ("would respond to any attack")."""
    i = trigger.index
    return trigger.pos == "noun" and i > 0 and s.tokens[i - 1].lower in lexicon.cue("hypothetical")


def _condition(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    return _in_condition(trigger, s, lexicon)


def _no_subject(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    return _has_no_subject(trigger, s, lexicon)


def _complement(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """The "to" complement of a trigger or a control verb ("refused to condemn"), except a
    hostile act agreed to ("agreed to deploy troops"): that act is the event."""
    if trigger.pos != "verb" or not _in_complement(s.tokens, trigger.index, lexicon):
        return False
    agreed = _is_agreed_act(trigger, s, lexicon) and _agreed_to(s.tokens, trigger.index, lexicon)
    return not agreed or _at_request(s, lexicon)


def _state(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """A verb form that names a state; an adjective phrase of the lexicon ("ready to",
    "willing to") names a stance whatever verb comes before it ("remained ready to")."""
    if trigger.pos != "verb" or trigger.lemma.endswith(" to"):
        return False
    return _is_state_or_modifier(trigger, s.tokens, trigger.index)


def _alleged(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    return _in_accusation_content(trigger, s, lexicon, verbs)


def _earlier_verbs(trigger: _Trigger, s: _Sentence, verbs: list[_Trigger]) -> list[_Trigger]:
    clause = s.clause_of(trigger.start)
    return [v for v in verbs if clause[0] <= v.start < trigger.start]


def _gerund(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """ "accused X of shelling", and "… of shelling Y, killing Z" after it."""
    if trigger.pos != "verb":
        return False
    tokens, i = s.tokens, trigger.index
    if _earlier_verbs(trigger, s, verbs) and _is_gerund_complement(tokens, i):
        return True
    if not (tokens[i].lower.endswith("ing") and s.comma_before(tokens[i].start)):
        return False
    gerunds = [k for k in range(i) if tokens[k].lower in lexicon.forms]
    return any(_is_gerund_complement(tokens, k) for k in gerunds)


def _plural_object(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    """ "rejected calls for talks": a plural noun right after a verb trigger."""
    word = s.tokens[trigger.index]
    earlier = _earlier_verbs(trigger, s, verbs)
    plural = word.lower.endswith("s") and trigger.lemma != word.lower
    return trigger.pos == "verb" and plural and bool(earlier) and earlier[-1].end == word.start - 1


def _asked_for(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """ "demanded that the president veto the law", "urged X to release Y"."""
    if trigger.pos != "verb":
        return False
    tokens, i = s.tokens, trigger.index
    earlier = _earlier_verbs(trigger, s, verbs)
    that = "that" in [t.lower for t in tokens[max(0, i - 6) : i]]
    if that and any(v.event_type == "REQUEST" for v in earlier):
        return True
    asked = any(v.event_type == "REQUEST" and v.pos == "verb" for v in earlier)
    return asked and _after_to(tokens, i)


def _warned(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """ "X warned that Y would respond": what a warning says will happen is its content, not
    an act of its own (a modal before the trigger, a THREATEN verb and "that" before it)."""
    i = trigger.index
    window = [t.lower for t in s.tokens[max(0, i - 3) : i]]
    if trigger.pos != "verb" or not _MODALS & set(window):
        return False
    warnings = [v for v in verbs if v.event_type == "THREATEN" and v.start < trigger.start]
    if not warnings:
        return False
    between = [t.lower for t in s.tokens[warnings[-1].index + 1 : i]]
    return "that" in between


def _risk_warning(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """Rule risk-warning: a warning that something no actor names "could" or "might" happen
    is a danger pointed out, not a threat: "warned that any miscalculation could trigger a
    wider war". With an actor or a pronoun before the modal ("warned that Kalonia could face
    sanctions", "that it could respond") it stays a threat."""
    if trigger.lemma not in lexicon.cue("risk_warning"):
        return False
    after = s.starting_at(trigger.end, 10)
    modals = lexicon.cue("prospect_modal")
    k = next((k for k, t in enumerate(after) if t.text in modals), -1)
    if k < 1 or any(t.lower in _PRONOUNS for t in after[:k]):
        return False
    return not any(trigger.end <= m.start < after[k].start for m in s.mentions)


def _claimed(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """ "X denied that it had accepted …", "X alleged that Y had shelled …": a verb in the
    "that" clause of a denial or an allegation (cue kind ``claim``) is what is denied or
    alleged, not an act of its own; the denial or the allegation is the event."""
    if trigger.pos != "verb":
        return False
    claims = [v for v in verbs if v.lemma in lexicon.cue("claim") and v.start < trigger.start]
    if not claims:
        return False
    between = [t.lower for t in s.tokens[claims[-1].index + 1 : trigger.index]]
    return "that" in between


def _perfect_relative(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    """ "…, where rebels have seized large areas", "…, which has blockaded the port": a
    relative clause in the present perfect tells a standing state of affairs, the background
    of the sentence's event. With no date of its own it is no event."""
    if trigger.pos != "verb":
        return False
    clause = s.clause_of(trigger.start)
    if not RELATIVE_OPENING.match(s.folded, clause[0]) or s.folded[clause[0]] != ",":
        return False
    words = s.ending_by(trigger.start, clause[0])
    while words and words[-1].lower.endswith("ly"):
        words = words[:-1]
    perfect = bool(words) and words[-1].lower in W["perfect"]
    return perfect and not any(clause[0] <= d[0] < clause[1] for d in s.dates)


def _noun_background(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    return trigger.pos == "noun" and _is_noun_background(trigger, s, lexicon, verbs)


def _known_object(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    return trigger.pos == "noun" and _is_known_object(s.tokens, trigger.index, lexicon)


def _object_of_verb(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]
) -> bool:
    """A noun after a verb trigger of its clause is that verb's object ("cancelled … a
    meeting"), unless "during", "amid" … or "and" with another verb come between."""
    governing = _earlier_verbs(trigger, s, verbs)
    if trigger.pos != "noun" or not governing:
        return False
    tokens = s.tokens
    j = trigger.index - 1
    while j >= 0 and tokens[j].start >= governing[-1].end:
        if tokens[j].lower in lexicon.cue("circumstance"):
            return False
        nxt = tokens[j + 1] if j + 1 < trigger.index else None
        if tokens[j].lower == "and" and nxt is not None and _is_verbish(nxt, lexicon):
            return False  # "blockaded … and regained … in an offensive"
        j -= 1
    return True


def _in_name(trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs: list[_Trigger]) -> bool:
    """A trigger word inside an actor mention is part of a name, not an act: "the Kalonia
    Support Mission", "the Vesland Protest Committee"."""
    return any(m.start <= trigger.start and trigger.end <= m.end for m in s.mentions)


#: The checks, in order, with the reason each gives (plain words for explain_events).
EXCLUSIONS = (
    (_in_name, "part of a name: inside an actor mention"),
    (_negated, "negated ('not', 'never' before it)"),
    (_no_determiner, "negated: 'no' in its noun phrase (no-determiner)"),
    (_negated_governor, "negated: its verb has 'not' or 'never' (negated-governor)"),
    (_hypothetical, "hypothetical ('any' before it)"),
    (_prospect, "what might come: after a preposition under 'could'/'might' (prospect-modal)"),
    (_condition, "conditional: after 'if', 'unless' or 'once'"),
    (_no_subject, "negated: its subject starts with 'no'"),
    (_complement, "part of another act: the 'to' complement of a trigger or control verb"),
    (_state, "names a state, not an act ('remained suspended', 'the detained')"),
    (_alleged, "what an accusation alleges or a rejection gives as its reason: no act"),
    (_gerund, "what an earlier word is about ('accused X of shelling')"),
    (_plural_object, "a plural noun, the object of the verb before it"),
    (_asked_for, "what a request asks for, not an act yet"),
    (_warned, "what a warning says will happen: its content"),
    (_risk_warning, "a danger pointed out: what 'could' happen, with no actor (risk-warning)"),
    (_claimed, "what a denial or an allegation says, not an act of its own"),
    (_perfect_relative, "background: a relative clause in the present perfect, with no date"),
    (_noun_background, "background: a danger faced, a reason, or the event described again"),
    (_known_object, "names an act already known ('to monitor the ceasefire')"),
    (_object_of_verb, "the object of an earlier trigger in its clause: one event"),
)


#: The checks that never fire for a noun trigger (each starts by testing for a verb), and
#: those that never fire for a verb: a trigger of that part of speech skips them.
_VERB_ONLY = frozenset({
    _no_subject, _complement, _state, _gerund, _plural_object, _asked_for, _warned,
    _risk_warning, _claimed,
    _perfect_relative,
})  # fmt: skip
_NOUN_ONLY = frozenset({
    _no_determiner, _negated_governor, _hypothetical, _prospect, _noun_background,
    _known_object, _object_of_verb,
})  # fmt: skip
_CHECKS_FOR = {
    "verb": tuple(entry for entry in EXCLUSIONS if entry[0] not in _NOUN_ONLY),
    "noun": tuple(entry for entry in EXCLUSIONS if entry[0] not in _VERB_ONLY),
}


def exclusion(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> str:
    """Why the trigger is no event, in plain words; "" when no check fires.

    ``verbs_before`` are the verb triggers of the sentence before this one.
    """
    for check, reason in _CHECKS_FOR.get(trigger.pos, EXCLUSIONS):
        if check(trigger, s, lexicon, verbs_before):
            return reason
    return ""


def _in_condition(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A trigger after "if", "unless", "once" (cue kind ``condition``) with no comma between
    is part of a condition, not a reported act: "would return to the talks once its demands
    were met", "would impose sanctions unless X withdrew its troops"."""
    words = s.tokens  # the words that end by the trigger's start, walked back
    comma = s.folded.rfind(",", 0, trigger.start)  # the last comma before the trigger
    conditions = lexicon.cue("condition")
    for k in range(s.last_ending_by(trigger.start), -1, -1):
        if comma >= words[k].end:
            return False
        if words[k].lower in conditions and k > 0:
            return True
    return False


def _has_no_subject(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A verb whose subject starts with "no" is negated: "no troops would be deployed",
    "said that no talks were planned". Only nouns, names and auxiliaries may stand between
    "no" and the verb."""
    if trigger.pos != "verb":
        return False
    clause = s.clause_of(trigger.start)
    words = s.ending_by(trigger.start, clause[0])
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word.lower == "no":
            return True
        if word.lower in _PHRASE_END_NO_AUX or _is_verbish(word, lexicon):
            return False
    return False


def _is_state_or_modifier(trigger: _Trigger, tokens: list[_Token], i: int) -> bool:
    """A verb form that names no act: a state after "remain" ("flights remain suspended"),
    "meet" in the passive ("once demands were met": satisfied, not a meeting), or an -ed
    form that modifies the noun after it ("the detained activists", "to release detained
    protesters")."""
    word = tokens[i].lower
    j = i - 1
    while j >= 0 and tokens[j].lower.endswith("ly") and tokens[j].lower not in _ADJECTIVE_OPENERS:
        j -= 1  # "remain temporarily suspended", "were fully met"
    before = tokens[j].lower if j >= 0 else ""
    if before in _REMAIN:
        return True
    if trigger.lemma == "meet" and before in _PASSIVE_AUX:
        return True
    if _is_reduced_relative(trigger, tokens, i):
        return True
    if not word.endswith("ed") or i + 1 >= len(tokens) or not tokens[i + 1].text.islower():
        return False
    nxt = tokens[i + 1].lower
    if nxt in _PHRASE_END or nxt in _TIME_WORDS or nxt in _DETERMINERS or nxt.endswith("ly"):
        return False
    if i >= 1 and tokens[i - 1].lower in _ADJECTIVE_OR_PREPOSITION:
        return True  # "the detained activists", "over disputed land": an adjective
    verb = tokens[i - 1] if i >= 2 else None
    return (
        verb is not None
        and tokens[i - 2].lower == "to"
        and verb.text.islower()
        and verb.lower not in W["weak_head"]
    )


def _is_reduced_relative(trigger: _Trigger, tokens: list[_Token], i: int) -> bool:
    """A coercive verb ("detain", "arrest") always has an object when it is active. An -ed
    form of one with no auxiliary before it and no object after it (a preposition or the end
    of the sentence follows) is a participle that describes a noun: "the 30 men detained
    after the riots", "the release of all those held". The act is background."""
    if trigger.event_type != "COERCE" or not tokens[i].lower.endswith("ed") or i == 0:
        return False
    before = tokens[i - 1]
    if before.lower in _ANY_AUXILIARY or not before.text.islower():
        return False  # "were detained" (a passive), "Police detained …" (a subject)
    return i + 1 == len(tokens) or tokens[i + 1].lower in _AFTER_PARTICIPLE


def _in_accusation_content(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> bool:
    """A trigger in a ", saying …" clause after an accusation is what is alleged, not an event
    of its own: "X accused Y of violating the truce, saying Y's troops had shelled Z"; after
    a rejection it is the reason given ("X rejected the charge, saying it had sent aid")."""
    if not any(v.event_type in {"ACCUSE", "REJECT"} for v in verbs_before):
        return False
    clause = s.clause_of(trigger.start)
    opening = _COMMA_WORD.match(s.folded, clause[0])
    return bool(opening) and opening.group(1) in _CONTENT


def _agrees_to_sanction(
    trigger: _Trigger, s: _Sentence, triggers: list[_Trigger], lexicon: Lexicon
) -> bool:
    """An agreement to act against someone is that act: "agreed on Friday to extend its
    sanctions against X" is a SANCTION (the noun's event), not an AGREE, and "agreed to
    deploy troops" a MOBILIZE. The verb after "to" is a hostile verb trigger, or no trigger
    of its own with a sanction noun within four words after it."""
    if trigger.pos != "verb" or trigger.event_type != "AGREE":
        return False
    tokens = s.tokens
    j = trigger.index + 1
    while j < len(tokens) and (tokens[j].lower in _TIME_GAP or tokens[j].lower.isdigit()):
        j += 1
    if j + 1 >= len(tokens) or tokens[j].lower != "to":
        return False
    if any(t.index == j + 1 and _is_agreed_act(t, s, lexicon) for t in triggers):
        # "agreed to deploy troops"; "agreed to send help at X's request" helps X
        return not _at_request(s, lexicon)
    if tokens[j + 1].lower in lexicon.forms:
        return False
    return any(
        t.pos == "noun" and t.event_type == "SANCTION" and 0 < t.index - (j + 1) <= 4
        for t in triggers
    )


def _is_agreed_act(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A hostile act (``hostile_type``: a sanction, a deployment, force) named by a verb: agreed
    to, it is the act that the agreement decides. Sending peacekeepers or monitors (cue kind
    ``peaceful_force`` in the four words after the verb) is a promise of help: it stays an
    agreement."""
    if trigger.pos != "verb" or trigger.event_type not in _HOSTILE:
        return False
    following = s.tokens[trigger.index + 1 : trigger.index + 5]
    return not any(t.lower in lexicon.cue("peaceful_force") for t in following)


def _at_request(s: _Sentence, lexicon: Lexicon) -> bool:
    """Whether the sentence says an act answers a request ("at X's request", "at the request
    of X"): a REQUEST noun after a ``background`` cue."""
    for k, token in enumerate(s.tokens):
        entries = lexicon.forms.get(token.lower, [])
        if any(e[1] == "noun" and e[2] == "REQUEST" for e in entries):
            j = _phrase_head(s.tokens, k, lexicon)
            if j >= 0 and s.tokens[j].lower in lexicon.cue("background"):
                return True
    return False


def _agreed_to(tokens: list[_Token], i: int, lexicon: Lexicon) -> bool:
    """Whether the verb at ``i`` follows "to" after an AGREE verb ("agreed on Friday to
    deploy"; time words may come between)."""
    j = i - 1
    if j < 1 or tokens[j].lower != "to":
        return False
    j -= 1
    while j > 0 and (tokens[j].lower in _TIME_GAP or tokens[j].lower.isdigit()):
        j -= 1
    entries = lexicon.forms.get(tokens[j].lower, [])
    return any(e[1] == "verb" and e[2] == "AGREE" and not e[3] for e in entries)


def _is_known_object(tokens: list[_Token], i: int, lexicon: Lexicon) -> bool:
    """A noun with "the" after an infinitive or a modal and a plain verb names an act already
    known, not a new one: "to monitor the ceasefire", "would study the request"."""
    if i < 3 or tokens[i - 1].lower != "the":
        return False
    verb, before = tokens[i - 2], tokens[i - 3]
    if verb.lower in lexicon.forms or _lemma_of(verb.lower, lexicon) in lexicon.cue("light"):
        return False
    return before.lower in {"to"} | _MODALS and verb.text.islower() and verb.lower.isalpha()


def _after_to(tokens: list[_Token], i: int) -> bool:
    """Whether the verb at ``i`` is an infinitive after "to" (or "to help")."""
    j = i - 1
    if j >= 1 and tokens[j].lower == "help" and tokens[j - 1].lower == "to":
        j -= 1
    return j >= 0 and tokens[j].lower == "to"


def _is_noun_background(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> bool:
    """A noun trigger that names no act of its own: a danger someone faces ("faced a threat
    from X", "under threat"), the reason for another act ("acted at X's request"), or the
    event of the sentence described again in a participle clause ("withdrew its troops,
    ending a month-long deployment")."""
    tokens = s.tokens
    j = _phrase_head(tokens, trigger.index, lexicon)
    governor = tokens[j].lower if j >= 0 else ""
    if trigger.event_type == "THREATEN" and _lemma_of(governor, lexicon) in lexicon.cue("exposure"):
        return True
    if trigger.event_type == "REQUEST" and governor in lexicon.cue("background"):
        return True
    clause = s.clause_of(trigger.start)
    opening = _COMMA_PARTICIPLE.match(s.folded, clause[0])
    if opening and verbs_before and any(v.start < clause[0] for v in verbs_before):
        participle = opening.group(1)
        return _lemma_of(participle, lexicon) in lexicon.cue("describe")
    return False


def _in_complement(tokens: list[_Token], i: int, lexicon: Lexicon) -> bool:
    """Whether the verb at ``i`` is the "to" complement of a trigger or a control verb,
    perhaps with a date or "help" between ("offered on Friday to mediate", "ready to help
    mediate")."""
    j = i - 1
    if j >= 1 and tokens[j].lower == "help" and tokens[j - 1].lower == "to":
        j -= 1
    if j < 1 or tokens[j].lower != "to":
        return False
    j -= 1
    while j > 0 and (tokens[j].lower in _TIME_GAP_FOR or tokens[j].lower.isdigit()):
        j -= 1
    head = tokens[j].lower
    return head in lexicon.forms or _lemma_of(head, lexicon) in lexicon.cue("control")


def _is_gerund_complement(tokens: list[_Token], i: int) -> bool:
    """An -ing verb after "of", "on", "about" or "for" (an adverb may come between) is what
    the earlier word is about, not an event of its own."""
    if not tokens[i].lower.endswith("ing"):
        return False
    j = i - 1
    if j >= 0 and tokens[j].lower.endswith("ly"):
        j -= 1
    return j >= 0 and tokens[j].lower in W["gerund_opener"]


def _is_conditional_threat(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A hostile act, or a cut in cooperation, announced for when a condition is met is a
    threat: "X could review its ties with Y if …", "Z would impose sanctions unless …"
    (PLOVER codes conditional threats as THREATEN)."""
    if not _condition_after(trigger.end, s):
        return False
    clause = s.clause_of(trigger.start)
    words = [t.lower for t in s.ending_by(trigger.start, clause[0], last=6)]
    modal = [k for k, w in enumerate(words) if w in _MODALS]
    if not modal:
        return False
    between = words[modal[-1] + 1 :]
    reduce = any(_lemma_of(w, lexicon) in lexicon.cue("reduce") for w in between)
    return trigger.event_type in _HOSTILE or reduce


def _condition_after(position: int, s: _Sentence) -> bool:
    """Whether a condition word ("if", "unless") stands after ``position``: the starts of
    the sentence's conditions are found once (a text whose lower case keeps its length, as
    an ASCII one does, is searched once; any other is searched from ``position``)."""
    if not s.folded.isascii():
        return bool(CONDITION.search(s.folded[position:].lower()))
    starts = s.cache.get("conditions")
    if starts is None:
        starts = s.cache["conditions"] = [m.start() for m in CONDITION.finditer(s.lower)]
    return bool(starts) and starts[-1] >= position


def _relative_matches(s: _Sentence) -> list[tuple[int, int]]:
    """(start, end) of every relative clause set off by commas (found once per sentence)."""
    spans = s.cache.get("relatives")
    if spans is None:
        spans = s.cache["relatives"] = [(m.start(), m.end()) for m in RELATIVE.finditer(s.folded)]
    return spans


def _in_undated_relative(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A trigger in a relative clause set off by commas after the subject ("X, who had promised
    to block the law, praised …", "… that Y, which armed Z for years, will …")
    tells the background of the subject. The main clause's date is not its date, so unless
    the relative clause has a date of its own the trigger gives no event. A relative clause
    after the verb ("spoke with X, who promised …") goes on with the story."""
    for start, end in _relative_matches(s):
        if not start < trigger.start < end:
            continue
        words = s.ending_by(start)
        opener = max((k for k, t in enumerate(words) if t.lower == "that"), default=-1)
        subject = words[opener + 1 :]
        if any(t.lower in _AUXILIARIES or _is_verbish(t, lexicon) for t in subject):
            return False
        return not any(start <= d[0] < end for d in s.dates)
    return False


def _starts_conditional(s: _Sentence, lexicon: Lexicon) -> bool:
    first = s.tokens[0].lower if s.tokens else ""
    return first in lexicon.cue("conditional")
