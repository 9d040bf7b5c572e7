"""The fast paths of the actor finder give what the plain definitions give."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from course_utils.actors import _candidate, _last_word, _rank, _resolve

# --- _resolve: the map of taken characters against the sorted list of kept claims ------------


def _resolve_by_list(candidates: list) -> list:
    """The definition: in rank order, keep a candidate whose claim overlaps no kept claim."""
    kept, claims = [], []
    for cand in sorted(set(candidates), key=_rank):
        start, end = cand.claim
        if any(s < end and start < e for s, e in claims):
            continue
        bisect.insort(claims, (start, end))
        kept.append(cand)
    return kept


_METHODS = ("title", "gazetteer", "group", "metonymy", "surname", "baseline")
_spans = st.tuples(st.integers(0, 60), st.integers(1, 12))
_cands = st.lists(
    st.tuples(_spans, st.sampled_from(_METHODS), st.sampled_from(["Vesland", "Jane Roe"])),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_cands)
def test_resolve_keeps_what_the_definition_keeps(raw: list) -> None:
    cands = [_candidate(actor, "state", s, s + n, method) for (s, n), method, actor in raw]
    assert _resolve(cands) == _resolve_by_list(cands)


def test_resolve_drops_a_shorter_claim_inside_a_kept_one() -> None:
    whole = _candidate("Jane Roe", "person", 10, 18, "title", claim=(0, 18))
    inner = _candidate("Kalonia", "state", 0, 7, "gazetteer")
    after = _candidate("Vesland", "state", 18, 25, "gazetteer")
    assert _resolve([inner, after, whole]) == [whole, after]


def test_resolve_with_an_empty_claim_follows_the_same_rule() -> None:
    empty = _candidate("Vesland", "state", 5, 5, "gazetteer")
    long = _candidate("Kalonia", "state", 0, 9, "gazetteer")
    assert _resolve([empty, long]) == [long]


# --- _last_word: a scan back from the title against the regular expression -----------------

_LAST = re.compile(r"([\w.'-]+)\s+$")


def _last_word_by_search(norm: str, stop: int, reach: int = 120) -> tuple[int, int] | None:
    base = max(0, stop - reach)
    short = max(base, stop - 40)
    word = _LAST.search(norm, short, stop)
    if short > base and (word is None or word.start(1) == short):
        word = _LAST.search(norm, base, stop)
    return None if word is None else word.span(1)


_text = st.text(alphabet=list("aZé1_.-' \t\n,;\u00a0\u2003\u0660²"), max_size=160)


@settings(max_examples=500, deadline=None)
@given(_text, st.integers(0, 160), st.sampled_from([10, 50, 120]))
def test_last_word_is_what_the_expression_finds(norm: str, stop: int, reach: int) -> None:
    stop = min(stop, len(norm))
    found = _last_word(norm, stop, reach)
    assert (None if found is None else found.span(1)) == _last_word_by_search(norm, stop, reach)


def test_last_word_reads_past_a_long_stretch() -> None:
    norm = "the " + "x" * 60 + " Minister"
    assert _last_word(norm, len(norm) - len("Minister")).span(1) == (4, 64)
