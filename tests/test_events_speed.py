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


def test_the_timeline_finds_actors_and_dates_once_and_rereads_one_sentence(monkeypatch):
    """Given no tables, the timeline finds the actors and the dates once each; the check for
    a rejected date ("31 February") reads only the sentence that needs it, not the whole
    article again."""
    import course_utils.actors as actors
    import course_utils.dates as dates
    import course_utils.events.pipeline as pipeline
    from course_utils.article import clean_article
    from course_utils.events import build_timeline

    calls: dict[str, list[int]] = {"actors": [], "dates": [], "rejected": []}

    def counted(name, function):
        def run(article, *args, **kwargs):
            calls[name].append(len(article.sentences))
            return function(article, *args, **kwargs)

        return run

    monkeypatch.setattr(actors, "find_actors", counted("actors", actors.find_actors))
    monkeypatch.setattr(pipeline, "find_dates", counted("dates", dates.find_dates))
    monkeypatch.setattr(
        dates, "rejected_expressions", counted("rejected", dates.rejected_expressions)
    )
    text = (
        "Border report\n\nVesland and Kalonia met on Monday in a border town. "
        "Vesland sent 300 troops to the border. Kalonia protested. Talks went on."
    )
    timeline = build_timeline(clean_article(text, "2023-02-03"))
    assert calls["actors"] == [5] and calls["dates"] == [5]
    # only the sentence with a digit, an event and no date of its own is read again
    assert calls["rejected"] == [1]
    assert "MOBILIZE" in set(timeline["event_type"])
