"""The fast paths of the event stage give what the plain rules give."""

from __future__ import annotations

import re

import pytest

from course_utils.events.lexicon import cue_pattern, load_lexicon
from course_utils.events.pipeline import EVENT_COLUMNS, _table
from course_utils.events.sentences import _tokens
from course_utils.events.speech import _hedge_marks


class _Plain:
    """Just what the hedge step reads of a sentence."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.cache: dict[str, object] = {}


def _every_pattern(folded: str) -> list[tuple[int, int, str]]:
    marks = []
    for cue, (_, scope) in load_lexicon().hedges.items():
        flags = 0 if cue == "may" else re.IGNORECASE
        marks += [(m.start(), m.end(), scope) for m in cue_pattern(cue, flags).finditer(folded)]
    return marks


@pytest.mark.parametrize(
    "folded",
    [
        "Vesland REPORTEDLY moved troops to the Kalonian border.",
        "Jane Roe may visit Kalonia in May, officials said.",
        "Vesland iſ ſaid to have shelled the village.",  # "ſ" matches "s" ignoring case
        "ALLEGEDLY, the İnspector was detained; it ıs claimed.",
        "Nothing hedged here.",
    ],
)
def test_hedge_marks_match_every_pattern(folded):
    assert sorted(_hedge_marks(_Plain(folded), load_lexicon())) == sorted(_every_pattern(folded))


def test_long_s_still_counts_as_a_hedge():
    marks = _hedge_marks(_Plain("Vesland iſ ſaid to have shelled the village."), load_lexicon())
    assert marks, "'iſ ſaid to' is 'is said to' for a case-insensitive pattern"


def test_tokens_slice_out_their_text():
    text = "Kalonia's envoy met Jane Roe on 3 March in Vesland-City."
    tokens = _tokens(text)
    assert [t.text for t in tokens] == [
        "Kalonia's", "envoy", "met", "Jane", "Roe", "on", "3", "March", "in", "Vesland", "City",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text and t.lower == t.text.lower() for t in tokens)


def test_tables_have_their_types_with_and_without_rows():
    types = {"start": int, "end": int, "sentence": int, "hedged": bool}
    empty = _table([], EVENT_COLUMNS, types)
    assert [str(empty[c].dtype) for c in types] == ["int64", "int64", "int64", "bool"]
    row = dict.fromkeys(EVENT_COLUMNS, "x") | {"start": 1, "end": 4, "sentence": 2, "hedged": True}
    one = _table([row], EVENT_COLUMNS, types)
    assert [str(one[c].dtype) for c in types] == ["int64", "int64", "int64", "bool"]
    assert list(one.columns) == EVENT_COLUMNS
