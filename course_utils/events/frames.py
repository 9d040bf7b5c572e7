"""Frames: a trigger read with its voice, polarity and modality, matched against
``frames.csv`` (trigger, voice, polarity, modality, preposition → PLOVER type, actor slot,
recipient slot), the way PETRARCH2's verb patterns name the words around a verb.

A frame decides over the trigger lexicon: "would not apply the sanctions" is a REJECT (the
frame ``apply`` negated), "would respond to any attack" a THREATEN (``respond`` after a
modal). A trigger with no fitting frame keeps the lexicon's type and the general rules.
"""

from __future__ import annotations

from course_utils.events.lexicon import _MODALS, _PASSIVE_AUX, Frame, Lexicon
from course_utils.events.sentences import _Sentence
from course_utils.events.triggers import _Trigger


def voice(trigger: _Trigger, s: _Sentence) -> str:
    """``passive`` for a participle after a form of "be" (an adverb may come between),
    else ``active``.

    >>> from course_utils.events.sentences import _tokens
    >>> class S: tokens = _tokens("The talks were abruptly cancelled")
    >>> voice(_Trigger(27, 36, "cancelled", "cancel", "verb", "REJECT", 4), S())
    'passive'
    """
    if trigger.pos != "verb":
        return "active"
    words = [t.lower for t in s.tokens[max(0, trigger.index - 3) : trigger.index]]
    while words and words[-1].endswith("ly"):
        words.pop()
    return "passive" if words and words[-1] in _PASSIVE_AUX else "active"


def negated(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A negation among the two words before the trigger, in its clause ("would not
    apply")."""
    clause = s.clause_of(trigger.start)
    i = trigger.index
    window = [t.lower for t in s.tokens[max(0, i - 3) : i] if t.start >= clause[0]]
    return bool(lexicon.cue("negation") & set(window[-2:]))


def modal(trigger: _Trigger, s: _Sentence) -> bool:
    """A modal ("would", "could", "will" …) among the three words before the trigger, in its
    clause."""
    clause = s.clause_of(trigger.start)
    i = trigger.index
    window = [t.lower for t in s.tokens[max(0, i - 3) : i] if t.start >= clause[0]]
    return bool(_MODALS & set(window))


def following_words(trigger: _Trigger, s: _Sentence) -> set[str]:
    """The words of the trigger's clause in the eight words after it (its object and
    prepositions)."""
    clause = s.clause_of(trigger.start)
    after = s.tokens[trigger.index + 1 : trigger.index + 9]
    return {t.lower for t in after if t.start < clause[1]}


def fit_frame(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> Frame | None:
    """The first frame of ``frames.csv`` that fits the trigger here, or None."""
    frames = lexicon.frames.get(trigger.lemma)
    if not frames or trigger.pos != "verb":
        return None
    read = (voice(trigger, s), negated(trigger, s, lexicon), modal(trigger, s))
    words = following_words(trigger, s)
    return next((f for f in frames if f.fits(*read, words)), None)
