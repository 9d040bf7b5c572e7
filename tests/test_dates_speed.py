"""The fast paths of the date finder give what the patterns they stand for give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from course_utils.dates import _FUTURE_CUES, _NOT_PAST, _PAST_CUES, _past_cues, _tense_cues

_WORDS = [
    "said", "SAID", "Said", "set", "out", "SET OUT", "set  out", "re-armed", "armed", "need",
    "led", "fled", "will", "Will", "won't", "is expected to", "are to", "plans to", "'ll",
    "hopes\tto", "shed", "talked", "talked2", "_ed", "ſaid", "İs", "K", "met", "withdrew",
    "overran", "well-said", ",", ".", "-", "'",
]  # fmt: skip
_sentences = st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_sentences)
def test_past_cues_are_what_the_pattern_finds(sentence: str) -> None:
    expected = [(m.start(), m.end(), m.group().lower()) for m in _PAST_CUES.finditer(sentence)]
    assert _past_cues(sentence) == expected


@settings(max_examples=400, deadline=None)
@given(_sentences)
def test_tense_cues_are_what_the_patterns_find(sentence: str) -> None:
    future = [
        (m.start(), m.end(), "future", m.group().lower()) for m in _FUTURE_CUES.finditer(sentence)
    ]
    past = [
        (m.start(), m.end(), "past", m.group().lower())
        for m in _PAST_CUES.finditer(sentence)
        if m.group().lower() not in _NOT_PAST
    ]
    assert _tense_cues(sentence).by_start == sorted(future + past)


def test_an_ascii_sentence_and_a_sentence_with_other_letters_give_the_same_cues() -> None:
    # "ſ" is an "s" to a pattern that ignores case: the slow path reads it so
    assert [c[3] for c in _tense_cues("Troops ſet out and will stay.").by_start] == [
        "ſet out", "will"
    ]  # fmt: skip
    assert [c[3] for c in _tense_cues("Troops set out and will stay.").by_start] == [
        "set out", "will"
    ]  # fmt: skip
