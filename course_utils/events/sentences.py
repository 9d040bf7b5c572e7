"""Sentences prepared for the event rules: tokens, clauses, quotations, actor mentions and
date expressions, and the step that resolves descriptions that refer back.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from course_utils.article import table_arrays, table_columns
from course_utils.events.lexicon import _CLAUSE_BREAK, Lexicon, W, load_lexicon
from course_utils.text import fold_quotes

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")


_QUOTE = re.compile(r"\"[^\"]*\"?")


class _Token(NamedTuple):
    """A word of a sentence (a named tuple: a sentence makes many, and they are made fast)."""

    text: str
    lower: str
    start: int  # offset in the sentence
    end: int


class _Mention(NamedTuple):
    """An actor mention in a sentence (a named tuple: made fast, and never changed)."""

    actor: str
    kind: str
    start: int  # offset in the sentence
    end: int


class _Once:
    """A value worked out from an object the first time it is read, then kept on it (as
    ``functools.cached_property``, without its lock: a sentence belongs to one call)."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        self.make = make
        self.name = make.__name__

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)
        return value


@dataclass
class _Sentence:
    """A sentence with its actor mentions and dates. Its words, clauses and quotations are
    worked out when a rule first asks for them: most sentences of an article hold no
    trigger, and the rules never look at their clauses."""

    id: int
    offset: int
    text: str
    folded: str
    paragraph: int
    section: str
    mentions: list[_Mention]
    dates: list[tuple[int, int, dict[str, Any]]]  # (start, end, date row) in the sentence
    cache: dict[str, Any] = field(default_factory=dict)  # what a stage works out once
    lower: str = field(init=False)  # ``folded`` in lower case

    def __post_init__(self) -> None:
        self.lower = self.folded.lower()

    @_Once
    def tokens(self) -> list[_Token]:
        return _tokens(self.folded)

    @_Once
    def clauses(self) -> list[tuple[int, int]]:
        return _clauses(self.folded)

    @_Once
    def quotes(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _QUOTE.finditer(self.folded)]

    @_Once
    def token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @_Once
    def token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def first_tokens(self, count: int) -> list[_Token]:
        """The first ``count`` tokens, without splitting the whole sentence if it is not."""
        if "tokens" in self.__dict__:
            return self.tokens[:count]
        return _tokens(self.folded, count)

    @_Once
    def clause_starts(self) -> list[int]:
        return [start for start, _ in self.clauses]

    def ending_by(self, position: int, lower: int = 0, last: int = 0) -> list[_Token]:
        """The tokens that start at ``lower`` or later and end by ``position`` (tokens are
        in text order and do not overlap: a slice, found by bisection); with ``last``, only
        the last ``last`` of them (without copying the others)."""
        first = bisect.bisect_left(self.token_starts, lower) if lower else 0
        end = bisect.bisect_right(self.token_ends, position)
        return self.tokens[max(first, end - last) if last else first : end]

    def last_ending_by(self, position: int) -> int:
        """The index of the last token that ends by ``position`` (-1 if none): a walk
        back from there looks at the words before a position without copying them."""
        return bisect.bisect_right(self.token_ends, position) - 1

    def comma_before(self, position: int) -> bool:
        """Whether the text before ``position``, spaces aside, ends with a comma (as
        ``folded[:position].rstrip().endswith(",")``, without copying the text)."""
        text = self.folded
        j = position - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        return j >= 0 and text[j] == ","

    def starting_at(self, position: int, count: int | None = None) -> list[_Token]:
        """The tokens that start at ``position`` or later (only the first ``count`` of
        them, if given)."""
        first = bisect.bisect_left(self.token_starts, position)
        return self.tokens[first : None if count is None else first + count]

    def clause_of(self, position: int) -> tuple[int, int]:
        """The clause that holds ``position`` (clauses are in order and touch: the last
        that starts by it, if it ends after it), or the whole sentence. The rules ask
        again and again for the clause of a trigger: each answer is kept."""
        found = self._clause_at.get(position)
        if found is None:
            k = bisect.bisect_right(self.clause_starts, position) - 1
            if k >= 0 and position < self.clauses[k][1]:
                found = self.clauses[k]
            else:
                found = 0, len(self.text)
            self._clause_at[position] = found
        return found

    @_Once
    def _clause_at(self) -> dict[int, tuple[int, int]]:
        return {}

    def in_quote(self, position: int) -> bool:
        if not self.quotes:
            return False
        return any(start < position < end for start, end in self.quotes)

    def subject(self) -> str:
        """The first actor mention of the sentence: its subject, most of the time."""
        return self.mentions[0].actor if self.mentions else ""


def _tokens(folded: str, count: int | None = None) -> list[_Token]:
    """The words of a sentence (or its first ``count``), with their offsets.

    >>> [(t.lower, t.start) for t in _tokens("Talks in Oslo, it's said")]
    [('talks', 0), ('in', 6), ('oslo', 9), ("it's", 15), ('said', 20)]
    >>> [t.text for t in _tokens("Talks in Oslo, it's said", 2)]
    ['Talks', 'in']
    """
    make = tuple.__new__  # the fast way to build a named tuple from its fields
    found = _WORD.finditer(folded)
    return [
        make(_Token, (word := m.group(), word.lower(), *m.span()))
        for m in (found if count is None else itertools.islice(found, count))
    ]


def _clauses(folded: str) -> list[tuple[int, int]]:
    cuts = [0]
    cuts += [
        m.start() if m.group().startswith(",") else m.end() for m in _CLAUSE_BREAK.finditer(folded)
    ]
    for m in _QUOTE.finditer(folded):  # a quotation is a clause of its own
        cuts += [m.start(), m.end()]
    cuts = sorted(set([*cuts, len(folded)]))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _is_modifier(text: str, start: int, end: int) -> bool:
    """A mention joined to another word by a hyphen ("Russian-led") modifies it."""
    return (end < len(text) and text[end] == "-") or (start > 0 and text[start - 1] == "-")


def _numpy(values: Any) -> np.ndarray:
    """A column as a numpy array, as ``Series.to_numpy`` gives it."""
    return values if isinstance(values, np.ndarray) else values.to_numpy()


def _mentions_by_sentence(
    mentions: pd.DataFrame, starts: dict[int, int]
) -> dict[int, list[_Mention]]:
    arrays = table_arrays(mentions, ["actor", "kind", "start", "end", "sentence"])
    actors, kinds, begins, ends, ids = (values.tolist() for values in arrays)
    order = np.argsort(_numpy(arrays[2]), kind="quicksort")  # as sort_values
    table: dict[int, list[_Mention]] = {}
    make = tuple.__new__  # the fast way to build a named tuple from its fields
    for k in order.tolist():
        sid = int(ids[k])
        if sid not in starts:
            continue
        offset = int(starts[sid])
        mention = (str(actors[k]), str(kinds[k]), int(begins[k]) - offset, int(ends[k]) - offset)
        table.setdefault(sid, []).append(make(_Mention, mention))
    return table


def _dates_by_sentence(
    dates: pd.DataFrame, starts: dict[int, int]
) -> dict[int, list[tuple[int, int, dict[str, Any]]]]:
    names = list(dates.columns)
    table: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for values in zip(*table_columns(dates, names), strict=True):
        row = dict(zip(names, values, strict=True))
        offset = int(starts[int(row["sentence"])])
        table.setdefault(int(row["sentence"]), []).append(
            (int(row["start"]) - offset, int(row["end"]) - offset, row)
        )
    return table


def _prepare(
    article: Any, mentions: pd.DataFrame, dates: pd.DataFrame, lexicon: Lexicon | None = None
) -> list[_Sentence]:
    columns = table_columns(article.sentences, ["id", "start", "text", "paragraph", "section"])
    starts = dict(zip(columns[0], columns[1], strict=True))  # the sentence table, read once
    by_mention = _mentions_by_sentence(mentions, starts)
    by_date = _dates_by_sentence(dates, starts)
    sentences = []
    for sid, start, raw, paragraph, section in zip(*columns, strict=True):
        text = str(raw)
        folded = fold_quotes(text)
        kept = [m for m in by_mention.get(int(sid), []) if not _is_modifier(text, m.start, m.end)]
        sentences.append(
            _Sentence(
                int(sid), int(start), text, folded, int(paragraph), str(section),
                kept, by_date.get(int(sid), []),
            )
        )  # fmt: skip
    resolve_references(sentences, lexicon or load_lexicon())
    resolve_pronouns(sentences)
    return sentences


def resolve_references(sentences: list[_Sentence], lexicon: Lexicon) -> None:
    """Definite descriptions that refer back ("the bloc", "the ministry", "the minister"):
    each becomes a mention of the most recent earlier actor it fits. "the bloc" or "the
    alliance" (kind ``organization_word``) fits an organisation, "the ministry" (kind
    ``institution_word``) an institution whose name holds that word ("X: Foreign Ministry"),
    "the minister" or "the president" (kind ``title_word``) a person introduced with that
    title ("Defense Minister Y"). "the president of X" names its own owner and is left
    alone; so is a description that fits no one."""
    words_all = _description_words(lexicon)
    may_hold = _description_search(lexicon)
    seen: deque[tuple[_Mention, str]] = deque(maxlen=_RECENT)  # earlier mentions, with the
    # words before them
    for s in sentences:
        if "the" not in s.lower or not may_hold(s.lower):
            # no description here: none of its nouns is in the sentence (spares its tokens)
            if s.mentions:
                seen.extend(zip(s.mentions, _title_words(s), strict=True))
            continue
        titles: list[str] | None = None  # worked out for the first description only
        starts: list[int] = []
        found: list[_Mention] = []
        for k, the in enumerate(s.tokens[:-1]):
            if the.lower != "the":
                continue
            span = _description(s, k, words_all)
            if span is None:
                continue
            noun, start, end = span
            if titles is None:
                titles = _title_words(s)
                starts = [x.start for x in s.mentions]
            # the mentions of the sentence that end before it, nearest first, then the earlier
            mine = (
                (s.mentions[j], titles[j])
                for j in range(bisect.bisect_left(starts, start) - 1, -1, -1)
                if s.mentions[j].end <= start
            )
            kinds = _noun_kinds(noun, lexicon)
            x = _first_fit(noun, kinds, itertools.chain(mine, reversed(seen)))
            if x is not None:
                found.append(_Mention(x.actor, x.kind, start, end))
        if titles is None:
            titles = _title_words(s)
        seen.extend(zip(s.mentions, titles, strict=True))
        if found:
            s.mentions = sorted([*s.mentions, *found], key=lambda x: x.start)


def _description(s: _Sentence, k: int, words_all: frozenset[str]) -> tuple[str, int, int] | None:
    """(noun, start, end) of a description opened by the "the" at token ``k`` ("the bloc",
    "the new ministry"), or None: a capitalised modifier makes a name ("the Western
    alliance"), "of" after the noun names its owner ("the president of X"), and a
    description that overlaps an actor mention is that mention."""
    the = s.tokens[k]
    following = s.tokens[k + 1 : k + 4]
    nouns = [t for t in following if t.lower.removesuffix("'s") in words_all]
    if not nouns:
        return None
    word = nouns[0]
    modifiers = following[: following.index(word)]
    if any(not (t.text.islower() or t.text.isdigit()) for t in modifiers):
        return None  # "the Western alliance" is a name the actor finder reads
    if s.folded[the.end : word.start].count(" ") > 2:
        return None
    noun = word.lower.removesuffix("'s")
    position = k + 1 + following.index(word)
    if position + 1 < len(s.tokens) and s.tokens[position + 1].lower == "of":
        return None  # "the president of X" names its owner
    start, end = the.start, word.start + len(noun)
    if any(x.start < end and start < x.end for x in s.mentions):
        return None
    return noun, start, end


_DESCRIPTIONS: dict[int, tuple[Lexicon, frozenset[str]]] = {}
_DESCRIPTION_SEARCH: dict[int, tuple[Lexicon, Callable[[str], Any]]] = {}


def _description_search(lexicon: Lexicon) -> Callable[[str], Any]:
    """A test on a sentence in lower case: whether a word of the description cue kinds
    occurs in it at all (a word of a token in lower case occurs in the sentence in lower
    case), made once per lexicon."""
    cached = _DESCRIPTION_SEARCH.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        words = tuple(sorted(_description_words(lexicon), key=lambda w: (-len(w), w)))

        def search(lower: str) -> bool:  # a substring test per word: faster than one regex
            return any(word in lower for word in words)

        cached = _DESCRIPTION_SEARCH[id(lexicon)] = (lexicon, search)
    return cached[1]


def _description_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of the description cue kinds, gathered once per lexicon."""
    cached = _DESCRIPTIONS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        words = frozenset().union(*(lexicon.cue(kind) for kind in _DESCRIPTION_KINDS))
        cached = _DESCRIPTIONS[id(lexicon)] = (lexicon, words)
    return cached[1]


#: The cue kinds of ``event_cues.csv`` whose words make a description that refers back.
_DESCRIPTION_KINDS = (
    "organization_word", "institution_word", "title_word", "group_word", "government_word",
)  # fmt: skip
#: How many earlier mentions a description may refer back to.
_RECENT = 200


def _noun_kinds(noun: str, lexicon: Lexicon) -> frozenset[str]:
    """The description cue kinds a noun belongs to (looked up once per description)."""
    return frozenset(kind for kind in _DESCRIPTION_KINDS if noun in lexicon.cue(kind))


def _first_fit(
    noun: str, kinds: frozenset[str], candidates: Iterable[tuple[_Mention, str]]
) -> _Mention | None:
    """The first of the (mention, words before it) ``candidates`` that the description "the
    <noun>" (of the cue ``kinds``) fits: "the bloc" an organisation, "the ministry" an
    institution with that word, "the minister" a person introduced with that title, "the
    group" a group, "the junta" a state. The kinds are looked up once, not per candidate.

    >>> roe = _Mention("Jane Roe", "person", 0, 8)
    >>> _first_fit("minister", frozenset({"title_word"}), [(roe, "foreign minister ")])
    _Mention(actor='Jane Roe', kind='person', start=0, end=8)
    """
    organization = "organization_word" in kinds
    institution = "institution_word" in kinds
    title = "title_word" in kinds
    group = "group_word" in kinds
    government = "government_word" in kinds
    for x, words in candidates:
        if (
            (organization and x.kind == "organization" and ": " not in x.actor)
            or (institution and ": " in x.actor and noun in x.actor.lower())
            or (title and x.kind == "person" and noun in words)
            or (group and x.kind == "group")
            or (government and x.kind == "state" and ": " not in x.actor)
        ):
            return x
    return None


#: How far before a person's mention a title may stand.
_TITLE_REACH = 50


def _title_words(s: _Sentence) -> list[str]:
    """For each mention of the sentence, the words just before it where a title stands
    ("Foreign Minister X", "the interior minister, X"), in lower case: up to 50 characters,
    from the end of the last mention that ends before it; "" for a mention of no person.

    Mentions are in text order, and only one that starts less than 50 characters plus the
    longest mention's length before a person can end after the reach begins: the look back
    is short, and the whole sentence takes linear time.

    >>> from types import SimpleNamespace as NS
    >>> folded = "Kalonia's foreign minister Jane Roe met Vesland"
    >>> mentions = [_Mention("Kalonia", "state", 0, 7), _Mention("Jane Roe", "person", 27, 35),
    ...             _Mention("Vesland", "state", 40, 47)]
    >>> _title_words(NS(folded=folded, mentions=mentions))
    ['', "'s foreign minister ", '']
    """
    mentions = s.mentions
    longest = max((x.end - x.start for x in mentions), default=0)
    words = []
    for k, mention in enumerate(mentions):
        if mention.kind != "person":
            words.append("")
            continue
        start = max(mention.start - _TITLE_REACH, 0)
        j = k - 1
        while j >= 0 and mentions[j].start >= mention.start - _TITLE_REACH - longest:
            end = mentions[j].end
            if start < end <= mention.start:
                start = end
            j -= 1
        for x in mentions[k + 1 :]:  # a mention listed later cannot end before this one starts
            if x.start >= mention.start:
                break
            if start < x.end <= mention.start:
                start = x.end
        words.append(s.folded[start : mention.start].lower())
    return words


def _words_before(s: _Sentence, position: int, lower: int = 0) -> list[_Token]:
    return s.ending_by(position, lower)


def resolve_pronouns(sentences: list[_Sentence]) -> None:
    """ "He" or "she" opening a sentence (perhaps after a fronted adverbial: "On Monday, he
    …") refers to the first person of the sentence before in its paragraph; it becomes a
    mention of that person, so that "He said …" has a speaker."""
    for previous, s in itertools.pairwise(sentences):
        if previous.paragraph != s.paragraph:
            continue
        people = [m for m in previous.mentions if m.kind == "person"]
        if not people:
            continue
        opening = s.first_tokens(6)
        if not opening:
            continue
        pronoun = _opening_pronoun(s, opening)
        if pronoun is None:
            continue
        if any(m.start < pronoun.end for m in s.mentions):
            continue
        mention = _Mention(people[0].actor, "person", pronoun.start, pronoun.end)
        s.mentions = [mention, *s.mentions]


def _opening_pronoun(s: _Sentence, opening: list[_Token]) -> _Token | None:
    """The "he" or "she" that opens the sentence, or follows its first comma within five
    words (``opening``: its first six words)."""
    first = opening[0]
    if first.lower in W["pronoun_person"]:
        return first
    comma = s.folded.find(",")
    after = [t for t in opening if t.start > comma] if comma >= 0 else []
    if after and after[0].lower in W["pronoun_person"]:
        return after[0]
    return None


def may_hold_trigger(s: _Sentence, lexicon: Lexicon) -> bool:
    """Whether a word of the sentence could start a trigger (the test that
    :func:`~course_utils.events.triggers.triggers_in` makes first), read from its words
    alone, so that a sentence without one is never split into tokens. A sentence already
    split (to resolve a description) is let through: that test then costs less."""
    if "-" in s.folded or "tokens" in s.__dict__:
        return True
    if s.folded.isascii() and _plain_keys(lexicon):
        # the runs of letters of the lower-case text: every word without an apostrophe
        # (a key has none), and some more
        words = _LOWER_WORD.findall(s.lower)
    else:
        words = [w.lower() for w in _WORD.findall(s.folded)]
    forms = lexicon.forms.keys()
    return not (
        forms.isdisjoint(words)
        and lexicon.objects.keys().isdisjoint(words)
        and lexicon.frame_forms.keys().isdisjoint(words)
    )


_LOWER_WORD = re.compile(r"[a-z]+|[0-9]+")
_PLAIN_KEYS: dict[int, tuple[Lexicon, bool]] = {}


def _plain_keys(lexicon: Lexicon) -> bool:
    """Whether every word the trigger test looks up is letters or digits only (no
    apostrophe, no hyphen), worked out once per lexicon."""
    cached = _PLAIN_KEYS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        keys = [*lexicon.forms, *lexicon.objects, *lexicon.frame_forms]
        plain = all(_LOWER_WORD.fullmatch(key) for key in keys)
        cached = _PLAIN_KEYS[id(lexicon)] = (lexicon, plain)
    return cached[1]
