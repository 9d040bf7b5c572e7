"""Sentences prepared for the event rules: tokens, clauses, quotations, actor mentions and
date expressions, and the step that resolves descriptions that refer back.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

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


@dataclass(frozen=True)
class _Mention:
    actor: str
    kind: str
    start: int  # offset in the sentence
    end: int


@dataclass
class _Sentence:
    id: int
    offset: int
    text: str
    folded: str
    paragraph: int
    section: str
    tokens: list[_Token]
    clauses: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    mentions: list[_Mention]
    dates: list[tuple[int, int, dict[str, Any]]]  # (start, end, date row) in the sentence
    cache: dict[str, Any] = field(default_factory=dict)  # what a stage works out once

    def clause_of(self, position: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= position < end:
                return start, end
        return 0, len(self.text)

    def in_quote(self, position: int) -> bool:
        return any(start < position < end for start, end in self.quotes)

    def subject(self) -> str:
        """The first actor mention of the sentence: its subject, most of the time."""
        return self.mentions[0].actor if self.mentions else ""


def _tokens(folded: str) -> list[_Token]:
    """The words of a sentence, with their offsets.

    >>> [(t.lower, t.start) for t in _tokens("Talks in Oslo, it's said")]
    [('talks', 0), ('in', 6), ('oslo', 9), ("it's", 15), ('said', 20)]
    """
    make = tuple.__new__  # the fast way to build a named tuple from its fields
    tokens = []
    for m in _WORD.finditer(folded):
        word = m.group()
        start, end = m.span()
        tokens.append(make(_Token, (word, word.lower(), start, end)))
    return tokens


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


def _columns(table: pd.DataFrame, names: list[str]) -> list[list[Any]]:
    """The named columns of a table as lists of plain Python values, read once (no per-row
    pandas access, which is slow and copies the table's metadata)."""
    return [table[name].tolist() for name in names]


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """The table without its ``attrs`` (and without copying its data): pandas deep-copies
    the attrs into every column taken from a table, and the actor tables carry theirs."""
    return pd.DataFrame(table, copy=False)


def _sentence_starts(article: Any) -> dict[int, int]:
    ids, starts = _columns(article.sentences, ["id", "start"])
    return dict(zip(ids, starts, strict=True))


def _mentions_by_sentence(
    mentions: pd.DataFrame, starts: dict[int, int]
) -> dict[int, list[_Mention]]:
    plain = _plain(mentions)
    columns = _columns(plain, ["actor", "kind", "start", "end", "sentence"])
    order = np.argsort(plain["start"].to_numpy(), kind="quicksort")  # as sort_values
    table: dict[int, list[_Mention]] = {}
    for k in order.tolist():
        actor, kind, start, end, sentence = (column[k] for column in columns)
        sid = int(sentence)
        if sid not in starts:
            continue
        offset = int(starts[sid])
        table.setdefault(sid, []).append(
            _Mention(str(actor), str(kind), int(start) - offset, int(end) - offset)
        )
    return table


def _dates_by_sentence(
    dates: pd.DataFrame, starts: dict[int, int]
) -> dict[int, list[tuple[int, int, dict[str, Any]]]]:
    names = list(dates.columns)
    table: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for values in zip(*_columns(_plain(dates), names), strict=True):
        row = dict(zip(names, values, strict=True))
        offset = int(starts[int(row["sentence"])])
        table.setdefault(int(row["sentence"]), []).append(
            (int(row["start"]) - offset, int(row["end"]) - offset, row)
        )
    return table


def _prepare(
    article: Any, mentions: pd.DataFrame, dates: pd.DataFrame, lexicon: Lexicon | None = None
) -> list[_Sentence]:
    starts = _sentence_starts(article)
    by_mention = _mentions_by_sentence(mentions, starts)
    by_date = _dates_by_sentence(dates, starts)
    sentences = []
    names = ["id", "start", "text", "paragraph", "section"]
    for sid, start, raw, paragraph, section in zip(
        *_columns(article.sentences, names), strict=True
    ):
        text = str(raw)
        folded = fold_quotes(text)
        kept = [m for m in by_mention.get(int(sid), []) if not _is_modifier(text, m.start, m.end)]
        sentences.append(
            _Sentence(
                int(sid), int(start), text, folded, int(paragraph), str(section),
                _tokens(folded), _clauses(folded),
                [(m.start(), m.end()) for m in _QUOTE.finditer(folded)],
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
    words_all = set().union(*(lexicon.cue(kind) for kind in _DESCRIPTION_KINDS))
    seen: list[tuple[_Mention, str]] = []  # earlier mentions, with the words before them
    for s in sentences:
        found: list[_Mention] = []
        for k, the in enumerate(s.tokens[:-1]):
            if the.lower != "the":
                continue
            following = s.tokens[k + 1 : k + 4]
            nouns = [t for t in following if t.lower.removesuffix("'s") in words_all]
            if not nouns:
                continue
            word = nouns[0]
            modifiers = following[: following.index(word)]
            if any(not (t.text.islower() or t.text.isdigit()) for t in modifiers):
                continue  # "the Western alliance" is a name the actor finder reads
            if s.folded[the.end : word.start].count(" ") > 2:
                continue
            noun = word.lower.removesuffix("'s")
            after = s.tokens[s.tokens.index(word) + 1 :][:1]
            if after and after[0].lower == "of":
                continue  # "the president of X" names its owner
            start, end = the.start, word.start + len(noun)
            if any(x.start < end and start < x.end for x in s.mentions):
                continue
            earlier = [(x, words) for x, words in seen] + [
                (x, _title_words(s, x)) for x in s.mentions if x.end <= start
            ]
            for x, words in reversed(earlier):
                if _fits(noun, x, words, lexicon):
                    found.append(_Mention(x.actor, x.kind, start, end))
                    break
        seen += [(x, _title_words(s, x)) for x in s.mentions]
        seen = seen[-_RECENT:]  # a description refers to something recent: linear time
        if found:
            s.mentions = sorted([*s.mentions, *found], key=lambda x: x.start)


#: The cue kinds of ``event_cues.csv`` whose words make a description that refers back.
_DESCRIPTION_KINDS = (
    "organization_word", "institution_word", "title_word", "group_word", "government_word",
)  # fmt: skip
#: How many earlier mentions a description may refer back to.
_RECENT = 200


def _fits(noun: str, x: _Mention, words: str, lexicon: Lexicon) -> bool:
    """Whether the description "the <noun>" fits the earlier mention ``x`` ("the bloc" an
    organisation, "the ministry" an institution with that word, "the minister" a person
    introduced with that title, "the group" a group, "the junta" a state)."""
    cue = lexicon.cue
    return (
        (noun in cue("organization_word") and x.kind == "organization" and ": " not in x.actor)
        or (noun in cue("institution_word") and ": " in x.actor and noun in x.actor.lower())
        or (noun in cue("title_word") and x.kind == "person" and noun in words)
        or (noun in cue("group_word") and x.kind == "group")
        or (noun in cue("government_word") and x.kind == "state" and ": " not in x.actor)
    )


def _title_words(s: _Sentence, mention: _Mention) -> str:
    """The words just before a person's mention, where a title stands ("Foreign Minister
    X", "the interior minister, X"), in lower case."""
    if mention.kind != "person":
        return ""
    before = [x.end for x in s.mentions if x.end <= mention.start]
    start = max([mention.start - 50, *before, 0])
    return s.folded[start : mention.start].lower()


def _words_before(s: _Sentence, position: int, lower: int = 0) -> list[_Token]:
    return [t for t in s.tokens if lower <= t.start and t.end <= position]


def resolve_pronouns(sentences: list[_Sentence]) -> None:
    """ "He" or "she" opening a sentence (perhaps after a fronted adverbial: "On Monday, he
    …") refers to the first person of the sentence before in its paragraph; it becomes a
    mention of that person, so that "He said …" has a speaker."""
    for previous, s in itertools.pairwise(sentences):
        if previous.paragraph != s.paragraph or not s.tokens:
            continue
        people = [m for m in previous.mentions if m.kind == "person"]
        pronoun = _opening_pronoun(s)
        if not people or pronoun is None:
            continue
        if any(m.start < pronoun.end for m in s.mentions):
            continue
        mention = _Mention(people[0].actor, "person", pronoun.start, pronoun.end)
        s.mentions = [mention, *s.mentions]


def _opening_pronoun(s: _Sentence) -> _Token | None:
    """The "he" or "she" that opens the sentence, or follows its first comma within five
    words."""
    first = s.tokens[0]
    if first.lower in W["pronoun_person"]:
        return first
    comma = s.folded.find(",")
    after = [t for t in s.tokens[:6] if t.start > comma] if comma >= 0 else []
    if after and after[0].lower in W["pronoun_person"]:
        return after[0]
    return None
