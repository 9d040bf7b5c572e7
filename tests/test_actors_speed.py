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


# --- the word-driven searches against the patterns they stand for --------------------------

# made-up words and the joins that matter to the patterns: capitals, particles, possessives,
# hyphens, commas, speech verbs, group and institution nouns, state names
_PIECES = [
    "Vesland",
    "Kalonia",
    "Armenia",
    "Armenian",
    "Armenia's",
    "Russia",
    "Russian",
    "NATO",
    "South Korea",
    "troops",
    "border guards",
    "own",
    "pro-government",
    "senior",
    "Foreign",
    "Ministry",
    "Minister",
    "government",
    "of",
    "the",
    "said",
    "told",
    "Said",
    "Jane",
    "Roe",
    "Roe's",
    "Ann",
    "Lee",
    "Lee-Smith",
    "Al",
    "bin",
    "de",
    "la",
    ",",
    ".",
    "-",
    "'",
    "a",
    "former",
    "police",
    "officer",
    "spokesman",
    "5",
    "\u212aalonia",
    "S\u0130NAN",
    "\n",
]
_pieces_text = st.lists(st.sampled_from(_PIECES), max_size=30).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)


def _rebuilt(fast):
    """The same phrases built anew from their parts, to compare with the cached ones."""
    from course_utils.actors import _Phrases

    return _Phrases(
        fast.before,
        fast.heads,
        fast.rest,
        ignore_case=fast.ignore_case,
        rest_flags=fast.rest_flags,
        plural=fast.plural,
        head_name=fast.head_name,
    )


@settings(max_examples=400, deadline=None)
@given(_pieces_text)
def test_phrases_with_needed_words_find_what_they_find_without(text: str) -> None:
    from course_utils.actors import _patterns, _Words, load_gazetteer

    words = _Words.of(text)
    for name in ("institution", "institution_of", "group"):
        fast = _patterns(load_gazetteer())[name]
        plain = _rebuilt(fast)
        found = [(m.start(), m.end()) for m in fast.finditer(text, words)]
        assert found == [(m.start(), m.end()) for m in plain.finditer(text, words)], name


@settings(max_examples=300, deadline=None)
@given(_pieces_text)
def test_phrase_spans_are_what_the_pattern_finds(text: str) -> None:
    from course_utils.actors import _as_doc, _phrase_spans

    if not text.strip():
        return
    doc = _as_doc(text)
    for phrases, tail in ((["Jane Roe", "Roe"], ""), (["Lee"], r"(?!\s+[A-Z])")):
        alternation = "|".join(map(re.escape, phrases))
        pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-]){tail}")
        expected = [m.span() for m in pattern.finditer(doc.norm)]
        assert _phrase_spans(doc, phrases, before_name=not tail) == expected


@settings(max_examples=300, deadline=None)
@given(_pieces_text)
def test_speech_verbs_and_appositives_are_found_where_the_patterns_find_them(text: str) -> None:
    from course_utils.actors import (
        _APPOSITIVE,
        _CAPITALISED_WORDS,
        _as_doc,
        _person_nouns,
        _runs_before_appositives,
        _verb_after_name,
        _verbs_after_names,
        load_gazetteer,
    )

    if not text.strip():
        return
    doc, gaz = _as_doc(text), load_gazetteer()
    verbs = [m.start() for m in _verb_after_name(gaz).finditer(doc.norm)]
    assert _verbs_after_names(doc, gaz) == verbs

    def described(end: int) -> bool:
        m = _APPOSITIVE.match(doc.norm, end)
        return m is not None and any(w in _person_nouns() for w in m.group(1).split())

    runs = [m.span() for m in _CAPITALISED_WORDS.finditer(doc.norm) if described(m.end())]
    assert [m.span() for m in _runs_before_appositives(doc)] == runs


@settings(max_examples=200, deadline=None)
@given(_pieces_text)
def test_title_case_sentences_are_those_the_definition_gives(text: str) -> None:
    from course_utils.actors import _HEADLINE_WORD, _as_doc, _sentence_table

    if not text.strip():
        return
    doc = _as_doc(text)
    _, ids, starts, ends = _sentence_table(text)
    for sid, start, end in zip(ids, starts, ends, strict=True):
        words = _HEADLINE_WORD.findall(text, start, end)
        title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
        assert (sid in doc.headline) == title_case


def test_a_needed_word_at_the_farthest_reach_is_still_found() -> None:
    from course_utils.actors import _patterns, _Words, load_gazetteer

    group = _patterns(load_gazetteer())["group"]
    owners = group.heads[1][0]  # the owners written with "'s"
    longest = max(owners, key=lambda p: len(re.findall(r"\w+", p)))
    text = f"Talks with {longest}'s far-flung well-armed troops failed."
    words = _Words.of(text)
    assert sorted(words.folded.keys() & group._needs) == ["troops"]  # the noun alone
    found = [m.group() for m in group.finditer(text, words)]
    assert found == [f"{longest}'s far-flung well-armed troops"]


_CASE_PIECES = [
    "Minister", "MINISTER", "mini\u017fter", "Ministers", "spokesman", "SPOKESMAN", "\u212aremlin",
    "Kremlin", "said", "SAID", "\u017faid", "according to", "President", "\u0130nterior",
    "ministry", "Ministry of Foreign Affairs", "of", "Armenia", "the", "Jane", "Roe", ",", "-",
]  # fmt: skip
_case_text = st.lists(st.sampled_from(_CASE_PIECES), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_case_text)
def test_phrases_compared_as_strings_are_those_the_patterns_find(text: str) -> None:
    from course_utils.actors import _patterns, _Words, load_gazetteer

    words = _Words.of(text)
    for name in ("exact", "loose", "title", "speech", "institution_of"):
        fast = _patterns(load_gazetteer())[name]
        plain = _rebuilt(fast)
        only_patterns = plain._tried
        plain._tried = lambda keys, f=only_patterns: [("", "", p, e) for _, _, p, e in f(keys)]
        found = [(m.start(), m.end()) for m in fast.finditer(text, words)]
        assert found == [(m.start(), m.end()) for m in plain.finditer(text, words)], name
