"""Find the actors of a news article: who does what to whom.

Every finder takes an :class:`~course_utils.article.Article` (or a plain, already clean
string) and returns a DataFrame with one row per *actor mention* and exactly these columns:

========== ==========================================================================
column     meaning
========== ==========================================================================
actor      canonical name: ``Russia``, ``CSTO``, ``Sergei Lavrov``, ``Armenia: soldiers``
kind       ``person``, ``organization``, ``state`` or ``group``
text       the words on the page (``Russian``, ``Yerevan``, ``27-nation bloc``)
start, end character offsets into ``article.text``: ``article.text[start:end] == text``
sentence   the id of the sentence (``article.sentences.id``) that holds the mention
method     how it was found (below)
========== ==========================================================================

The methods, in the order the course teaches them:

1. :func:`baseline_actors` (``baseline``): every run of capitalised words. Naive on
   purpose: it keeps "The", sentence-initial words and places, and guesses the kind.
2. :func:`gazetteer_actors` (``gazetteer``): names from the editable lists in
   ``data/gazetteer/`` (states, demonyms, organisations and their acronyms and
   descriptions, standing institutions such as "the Armenian Foreign Ministry", "the
   Japan Coast Guard" or "Chad's own army"; "S. Korea" is South Korea).
   A state named only as a place ("held in Armenia", "Armenia's border") is skipped, and
   so is the demonym of a state marked ``historical`` ("a former Soviet republic").
3. :func:`title_actors` (``title``): people found by their title or role
   ("Russian Foreign Minister Sergei Lavrov", "X, secretary of the Security Council").
   A demonym, state, organisation or institution inside the title is part of it
   ("Moldovan Foreign Ministry spokeswoman X", "Kazakh presidential spokesman X").
   The same method finds a name after a whole title phrase ("the minister of state for
   trade, Jane Roe,") and, with no title, right after a verb of speech listed in
   ``data/gazetteer/speech_verbs.csv`` ("..., said Jane Roe, who ..."; the actor's
   ``rule`` in ``attrs["actors"]`` is then ``speech verb``). Particles stay in the name
   ("Ana de la Paz"), and a family name with its particle ("said Al Kalon") is the person
   found with the full name. No person is listed in any data file.
4. :func:`surname_actors` (``surname``): later mentions of those people ("Lavrov", "de la
   Paz" with its particle), and
   by the first word of the name where it can be no one and nothing else ("Guo" for Guo
   Wenli, whose family name comes first; "Abiy" for Abiy Tadesse, known by his given name).
5. :func:`metonymy_actors` (``metonymy``): a capital standing for its state
   ("Yerevan has accused ..."), but not a capital used as a place ("held in Yerevan").
6. :func:`group_actors` (``group``): unnamed collectives that belong to a state or an
   organisation ("Russian peacekeepers" becomes ``Russia: peacekeepers``).

:func:`find_actors` runs them together and keeps the longest span where two overlap;
:func:`actor_summary` and :func:`actor_table` describe each actor once.

>>> found = find_actors("Kyiv accused Moscow of shelling. Talks were held in Tbilisi.")
>>> found[["actor", "text", "method"]].values.tolist()
[['Ukraine', 'Kyiv', 'metonymy'], ['Russia', 'Moscow', 'metonymy']]
"""

from __future__ import annotations

import bisect
import csv
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from course_utils.article import build_table
from course_utils.errors import CourseError
from course_utils.text import fold_quotes, sentence_spans

__all__ = [
    "COLUMNS",
    "METHODS",
    "actor_summary",
    "actor_table",
    "baseline_actors",
    "find_actors",
    "gazetteer_actors",
    "gazetteer_entries",
    "group_actors",
    "is_place",
    "load_gazetteer",
    "metonymy_actors",
    "surname_actors",
    "title_actors",
]

#: The columns of every actor-mention DataFrame, in order.
COLUMNS: list[str] = ["actor", "kind", "text", "start", "end", "sentence", "method"]

#: The rule-based methods that :func:`find_actors` runs by default (not ``baseline``).
METHODS: tuple[str, ...] = ("gazetteer", "title", "surname", "metonymy", "group")

# When two candidate spans are equally long, the earlier method in this list wins.
_PRIORITY = ("title", "gazetteer", "group", "metonymy", "surname", "baseline")

# --- Context words: when is a state or a capital only a place? ----------------------------
# These are rules of English, not lists of names, so they live here rather than in data/.

#: Words after which a state or capital is a place: "held in Yerevan", "visited Kyiv".
LOCATIVE_WORDS = frozenset(
    """
    in at into inside near outside across throughout within around toward towards via through visit
    visits visited visiting entered reached leave leaves left leaving arrive arrives arrived
    arriving fly flew travel travels traveled travelled returned based
    """.split()
)
#: Words before "to" that make the next state a recipient, not a destination:
#: "according to Russia", "appealed to Armenia", "sold arms to Azerbaijan".
RECIPIENT_CUES = frozenset(
    """
    according appeal appeals appealed appealing letter message note request proposal offer offered
    ultimatum warning threat threats sold sell sells selling delivered deliver supplied supply
    handed gave give given grant granted transferred apologized apologised complained protest
    protested objected turned
    """.split()
)
#: Nouns before "from" that make the next state or capital the doer: "a rebuke from Moscow".
ACTION_NOUNS = frozenset(
    """
    rebuke rebukes criticism response reaction reply statement statements pressure warning warnings
    protest protests condemnation support request requests offer offers demand demands threat
    threats signal signals message messages call calls proposal proposals objection objections
    complaint complaints assurances guarantee guarantees aid help invitation approval permission
    refusal
    """.split()
)
#: Nouns that make a preceding state, capital or demonym a place or a thing, not an actor:
#: "Armenia's border", "Armenian border areas", "Moscow region", "in Russian", "Armenian
#: Service".
PLACE_NOUNS = frozenset(
    """
    border borders frontier frontiers territory territories soil land lands region regions province
    provinces oblast district districts city cities town towns village villages capital airspace
    waters coast coastline shore enclave exclave areas area part parts side-of outskirts suburb
    suburbs streets street center centre airport port ports countryside interior mainland road roads
    highway corridor language languages speakers culture cuisine origin descent alphabet script word
    words name version translation edition service section population map maps period era times
    """.split()
)
#: Adjectives that may stand between an owner and a place noun: "Armenia's southern border".
PLACE_ADJECTIVES = frozenset(
    """
    northern southern eastern western central northeastern northwestern southeastern southwestern
    sovereign own entire whole internationally recognized recognised breakaway separatist
    occupied annexed disputed colonial imperial ancient medieval
    """.split()
)
#: Place nouns that may follow a proper name after an owner: "Ukraine's Kharkiv region".
_REGION_NOUNS = frozenset(
    """
    region regions province oblast district enclave exclave territory republic city town village
    corridor
    """.split()
)
#: Words that make a demonym an ethnicity, not the state: "ethnic Armenian forces".
_ETHNIC_WORDS = frozenset(["ethnic"])
#: Prefixes that stop a name from being an actor: "ex-Soviet states", "pro-Russian".
NOT_ACTOR_PREFIXES = frozenset(["ex", "pro", "anti", "post", "non", "pan", "neo"])
#: Suffixes that make a name a place or a description: "Moscow-based", "Russian-speaking".
PLACE_SUFFIXES = frozenset(
    """
    based born bred speaking language made populated controlled held occupied style majority era
    led
    """.split()
)
_DETERMINERS = frozenset(["the", "a", "an"])  # "the Moscow talks"; not "that Moscow would"
_FUNCTION_WORDS = frozenset(
    """
    of and or to in on at for from by with the a an as than that which who whom whose is are was
    were be been has have had not no its their his her our your also
    """.split()
)
#: Words before a title that belong to it: "former Foreign Minister", "the Russian envoy".
_TITLE_MODIFIERS = frozenset(
    """
    former acting then outgoing incoming new newly appointed elected interim deputy first senior top
    chief the his her their its a an our presidential vice-presidential parliamentary ministerial
    governmental military diplomatic
    """.split()
)
#: Words that announce a pair of places or actors: "borders with both Armenia and Azerbaijan".
_PAIR_WORDS = frozenset(["both", "either", "neither"])
_CAPITALISED_STOPWORDS = frozenset(
    """
    The A An He She It They We I You This That These Those His Her Their Its Our My On In At For But
    And Or If When While After Before As By With From To Of Not No Yes Then There Here Who What
    Which Where Why How Also Meanwhile However Both Some Many Most All Asked Speaking According Mr
    Mrs Ms Dr
    """.split()
)
_CALENDAR_WORDS = frozenset(
    """
    January February March April May June July August September October November December Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday
    """.split()
)
_NAME_PARTICLES = frozenset(
    """
    de da di del der den van von bin bint ibn al el la le du dos ul ud
    """.split()
)

_YES = frozenset(["yes", "y", "true", "1", "x"])  # values of a flag column such as `historical`

_WORD = r"[^\W\d_][\w'-]*"
_NAME_TOKEN = re.compile(r"[^\W\d_][\w]*(?:['-][\w]+)*")
# Patterns read around a name (compiled once)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_AFTER_TITLE = re.compile(r"\s*,?\s*([\w'-]+)")
_PREFIX = re.compile(r"(\w+)-$")
_SUFFIX = re.compile(r"-(\w+)")
_DATELINE_DASH = re.compile(r"\s*[-–—]\s")
_NEXT_NAME = re.compile(r"\s+([^\W\d_][\w'-]*)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$)")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")
_OWNED_NOUN = re.compile(r"'s?\s+([a-z]+)")
# the one institution a state's seat stands for after "in": "the government in Minsk"
_SEAT_INSTITUTION = "government"
_OWNED_BEFORE_COMMA = re.compile(r"'s?\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?=,)")
_CAPITALISED_WORDS = re.compile(r"(?<![\w'-])[^\W\d_a-z][\w'-]*(?:[ ]+[^\W\d_a-z][\w'-]*)*")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s?$")
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+\s+")
_LAST_WORD = re.compile(r"([\w.'-]+)\s+$")
_TITLE_OF = re.compile(r"\s+(?:of|to|for|at|in)\s+(?:the\s+)?")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'-]*(?:\s+(?:of|and|for|the)\s+|\s+)?)+")
_NAME_GAP = re.compile(r",\s+|[ ]+")
_PLURAL = re.compile(r"(?:[^s]s|es)$")
_LIST_SEPARATOR = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)")
_APPOSITION_BEFORE = re.compile(r",\s+(?:(?:the|a|an|who\s+is|who\s+was)\s+)?$")
_WORD_RE = re.compile(_WORD)


# --- The gazetteer -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One surface form in the gazetteer and what it stands for."""

    surface: str
    actor: str  # canonical name
    kind: str  # state | organization
    role: str  # name | alias | demonym | people | capital | seat | description
    state: str  # ISO 3166 alpha-3 code of the state (or of an organisation's home state)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """The editable word lists of ``data/gazetteer/``, ready for matching."""

    entries: tuple[Entry, ...]
    states: dict[str, dict[str, Any]]  # iso3 -> name, official name, demonyms, capitals
    organizations: dict[str, dict[str, Any]]  # canonical name -> full_name, type, state
    institutions: dict[str, str]  # lower-case alias -> label
    groups: tuple[str, ...]
    titles: tuple[str, ...]
    by_surface: dict[str, Entry] = field(default_factory=dict)
    speech_verbs: tuple[str, ...] = ()  # "said", "according to": a name may follow


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _gazetteer_dir() -> Path:
    try:
        from course_utils._paths import data_dir

        return data_dir() / "gazetteer"
    except FileNotFoundError:  # a checkout whose data/README.md is not written yet
        return Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def _read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    except FileNotFoundError as err:
        raise CourseError(
            f"the gazetteer file {path} is missing: restore it from the course repository"
        ) from err


def _pycountry_names(iso3: str) -> list[str]:
    """Official and common names of a state from pycountry (skipping inverted forms)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return []
    if re.fullmatch(r"X[A-Z]{2}", iso3):  # user-assigned, as XKX for Kosovo: no ISO names
        return []
    country = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(
        alpha_3=iso3
    )
    if country is None:
        raise CourseError(
            f"{iso3!r} in data/gazetteer/states.csv is not an ISO 3166 alpha-3 code: "
            "fix the iso3 column (see data/gazetteer/README.md)"
        )
    names = [getattr(country, key, None) for key in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and not n.startswith("the ")]


def _listed_names(rows: list[dict[str, str]]) -> dict[str, str]:
    """The names and aliases states.csv gives, each with the code of its state."""
    listed: dict[str, str] = {}
    for row in rows:
        for surface in [row["name"].strip(), *_split(row.get("aliases"))]:
            listed.setdefault(surface, row["iso3"].strip())
    return listed


_TWO_WORD_NAME = re.compile(r"([A-Z])[a-z]+ ([A-Z][a-z]+)")


def _abbreviations(rows: list[dict[str, str]], listed: dict[str, str]) -> dict[str, list[str]]:
    """Short forms of two-word state names, as headlines write them: the first word's
    initial and the second word ("S. Korea" for South Korea, "N. Macedonia"). A form that
    two states would share, or that the file already lists, is left out.

    >>> rows = [{"iso3": "KOR", "name": "South Korea"}, {"iso3": "SSD", "name": "South Sudan"},
    ...         {"iso3": "SAU", "name": "Saudi Arabia"}, {"iso3": "ZAF", "name": "South Africa"},
    ...         {"iso3": "ZZA", "name": "Sea Arabia"}, {"iso3": "ARM", "name": "Armenia"}]
    >>> _abbreviations(rows, {})
    {'KOR': ['S. Korea'], 'SSD': ['S. Sudan'], 'ZAF': ['S. Africa']}
    """
    made: dict[str, list[str]] = {}
    for row in rows:
        match = _TWO_WORD_NAME.fullmatch(row["name"].strip())
        if match:
            made.setdefault(f"{match.group(1)}. {match.group(2)}", []).append(row["iso3"].strip())
    found: dict[str, list[str]] = {}
    for form, codes in made.items():
        if len(codes) == 1 and form not in listed:
            found.setdefault(codes[0], []).append(form)
    return found


def _load_states(
    rows: list[dict[str, str]],
) -> tuple[list[Entry], dict[str, dict[str, Any]]]:
    """The surface forms and the table of the states in the rows of states.csv."""
    entries: list[Entry] = []
    states: dict[str, dict[str, Any]] = {}
    listed = _listed_names(rows)
    short = _abbreviations(rows, listed)
    for row in rows:
        iso3, name = row["iso3"].strip(), row["name"].strip()
        aliases = _split(row.get("aliases"))
        for extra in _pycountry_names(iso3) + short.get(iso3, []):
            # a name the file gives another state is that state's ("Congo" is DR Congo)
            if extra != name and extra not in aliases and listed.get(extra, iso3) == iso3:
                aliases.append(extra)
        info = {
            "name": name,
            "aliases": aliases,
            "demonyms": _split(row.get("demonyms")),
            "people": _split(row.get("people")),
            "capitals": _split(row.get("capitals")),
            "historical": (row.get("historical") or "").strip().lower() in _YES,
        }
        states[iso3] = info
        entries.append(Entry(name, name, "state", "name", iso3))
        entries += [Entry(a, name, "state", "alias", iso3) for a in aliases]
        entries += [Entry(d, name, "state", "demonym", iso3) for d in info["demonyms"]]
        entries += [Entry(p, name, "state", "people", iso3) for p in info["people"]]
        entries += [Entry(c, name, "state", "capital", iso3) for c in info["capitals"]]
    return entries, states


def _full_name_forms(full_name: str) -> list[str]:
    """An organisation's full name and, for a body of the United Nations, its short "UN"
    forms: news writes "the UN Mission in Vesland" as often as the full name.

    >>> _full_name_forms("United Nations Mission in Vesland")
    ['United Nations Mission in Vesland', 'UN Mission in Vesland', 'U.N. Mission in Vesland']
    >>> _full_name_forms("Kalonian Liberation Front")
    ['Kalonian Liberation Front']
    """
    head, _, rest = full_name.partition(" ")
    if full_name.startswith("United Nations ") and rest.startswith("Nations "):
        rest = rest[len("Nations ") :]
        return [full_name, f"UN {rest}", f"U.N. {rest}"]
    return [full_name] if head else []


@lru_cache(maxsize=4)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """Read the gazetteer CSV files (``data/gazetteer/`` unless ``folder`` is given).

    >>> gaz = load_gazetteer()
    >>> gaz.states["ARM"]["capitals"], gaz.states["ARM"]["demonyms"]
    (['Yerevan'], ['Armenian'])
    """
    path = Path(folder) if folder else _gazetteer_dir()
    entries, states = _load_states(_read_csv(path, "states.csv"))
    organizations: dict[str, dict[str, Any]] = {}
    for row in _read_csv(path, "organizations.csv"):
        name = row["name"].strip()
        state = (row.get("state") or "").strip()
        organizations[name] = {
            "full_name": (row.get("full_name") or name).strip(),
            "type": (row.get("type") or "").strip(),
            "state": state,
        }
        entries.append(Entry(name, name, "organization", "name", state))
        entries += [Entry(a, name, "organization", "alias", state) for a in _split(row["aliases"])]
        entries += [
            Entry(a, name, "organization", "alias", state)
            for a in _full_name_forms(organizations[name]["full_name"])
        ]
        entries += [
            Entry(d, name, "organization", "description", state)
            for d in _split(row.get("descriptions"))
        ]
        entries += [Entry(s, name, "organization", "seat", state) for s in _split(row.get("seats"))]
    institutions: dict[str, str] = {}
    for row in _read_csv(path, "institutions.csv"):
        for alias in _split(row["aliases"]):
            institutions.setdefault(alias.lower(), row["label"].strip())
    groups = tuple(r["noun"].strip() for r in _read_csv(path, "groups.csv") if r["noun"].strip())
    titles = tuple(r["title"].strip() for r in _read_csv(path, "titles.csv") if r["title"].strip())
    by_surface: dict[str, Entry] = {}
    for entry in entries:
        key = entry.surface.lower() if entry.role == "description" else fold_quotes(entry.surface)
        by_surface.setdefault(key, entry)  # the first listing of a surface form wins
    speech = tuple(r["phrase"].strip() for r in _read_csv(path, "speech_verbs.csv") if r["phrase"])
    return Gazetteer(
        tuple(entries), states, organizations, institutions, groups, titles, by_surface, speech
    )


def gazetteer_entries() -> pd.DataFrame:
    """Every surface form of the gazetteer as a table (surface, actor, kind, role, state).

    >>> table = gazetteer_entries()
    >>> table[table.surface == "Yerevan"][["actor", "kind", "role", "state"]].values.tolist()
    [['Armenia', 'state', 'capital', 'ARM']]
    """
    gaz = load_gazetteer()
    return pd.DataFrame(
        [vars(e) for e in gaz.by_surface.values()],
        columns=["surface", "actor", "kind", "role", "state"],
    )


def _alternation(words: Iterable[str]) -> str:
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    if not unique:
        return "(?!)"  # matches nothing (an empty alternation would match everywhere)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


_WORD_RUN = re.compile(r"\w+")
# The characters that Python's case-insensitive matching takes for ASCII letters.
_FOLD_TABLE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold_key(word: str) -> str:
    """A word as ``re.IGNORECASE`` compares it with the lower-case ASCII of the lists.

    >>> _fold_key("Minister"), _fold_key("\u212aiev")
    ('minister', 'kiev')
    """
    return (word if word.isascii() else word.translate(_FOLD_TABLE)).lower()


class _PhraseMatch:
    """What :class:`_Phrases` found: the listed phrase (the ``head``) and what follows it
    (``rest``, the match of the pattern after the phrase; None where the pattern only
    looks ahead, and matches no character)."""

    __slots__ = ("begin", "head_end", "head_name", "norm", "rest", "stop")

    def __init__(
        self,
        norm: str,
        head_name: str,
        begin: int,
        head_end: int,
        stop: int,
        rest: re.Match[str] | None = None,
    ) -> None:
        self.norm, self.head_name, self.rest = norm, head_name, rest
        self.begin, self.head_end, self.stop = begin, head_end, stop

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self, name: str | None = None) -> str:
        if name is None:
            return self.norm[self.begin : self.stop]
        if name == self.head_name:
            return self.norm[self.begin : self.head_end]
        if self.rest is None:
            raise IndexError(f"no group {name!r} in the pattern")
        return self.rest.group(name)


#: The look-behinds that :class:`_Phrases` checks as a test of one character: the
#: characters besides those of ``\w`` that may not stand right before a phrase.
_NOT_BEFORE = {r"(?<![\w/])": "/", r"(?<![\w-])": "-"}
#: The pattern after a phrase that only asks for the end of a word.
_WORD_END = r"(?!\w)"
#: The pattern after a title: a plural ending, then no word character or hyphen.
_PLURAL_END = r"(?:s|es)?(?![\w-])"
#: What ``s`` matches when case is ignored ("\u017f" is the long s).
_LETTER_S = frozenset("sS\u017f")


def _plural_end(norm: str, at: int) -> int:
    """Where ``_PLURAL_END``, case ignored, ends its match at ``at`` (-1 if it does not
    match): "s", else "es", else nothing, each followed by no word character or hyphen.

    >>> [_plural_end(w, 8) for w in ("Ministers", "MinisterES", "Minister", "Minister-x")]
    [9, 10, 8, -1]
    """
    first = norm[at : at + 1]
    if first in _LETTER_S and not _word_or_hyphen(norm[at + 1 : at + 2]):
        return at + 1
    if (
        first in ("e", "E")
        and norm[at + 1 : at + 2] in _LETTER_S
        and not _word_or_hyphen(norm[at + 2 : at + 3])
    ):
        return at + 2
    return -1 if _word_or_hyphen(first) else at


def _word_or_hyphen(char: str) -> bool:
    r"""Whether ``char`` (one character, or "" at the end) is one that ``[\w-]`` matches."""
    return bool(char) and (char.isalnum() or char in "_-")


#: A phrase to try: its text for a string comparison (as written, or in lower case where
#: case is ignored; "" where only the pattern will do), its pattern and its endings.
_Tried = tuple[str, str, re.Pattern[str], tuple[str, ...]]


@dataclass(eq=False)
class _Phrases:
    """A pattern that begins with one of many listed phrases ("Armenian", "Foreign Ministry").

    It reads as the regular expression ``before (?P<head>phrases) rest``, where ``phrases``
    alternates over the lists in ``heads`` (the longer phrase first, each list with the
    endings tried after its phrases, such as "'s"). One expression that alternates over
    every phrase tries them all at every position of the text; here the phrases are found
    by their first word, so that only the few that start with a word of the text are
    tried, and the matches are those of the one expression, in a time linear in the text.

    >>> p = _Phrases(r"(?<!\\w)", ((["New York", "Newark", "York"], ("",)),), r"(?!\\w)")
    >>> text = "From Newark to New  York, not Yorkshire."
    >>> [m.group() for m in p.finditer(text, _Words.of(text))]
    ['Newark', 'New  York']
    """

    before: str
    heads: tuple[tuple[Sequence[str], tuple[str, ...]], ...]
    rest: str
    ignore_case: bool = False  # the phrases are compared case-insensitively
    rest_flags: int = 0
    plural: bool = False  # an "s" or "es" may follow a one-word phrase ("Ministers")
    head_name: str = "head"
    # phrases one of which ``rest`` always holds (their case ignored), and how many words
    # may stand between the phrase (with its ending) and it: a position with no such word
    # close enough after it cannot match, and is passed over
    needs: Sequence[str] = ()
    needs_within: int = 0
    _by_key: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    _forms: frozenset[str] = frozenset()
    # the phrases to try for each listed form ("minister", "ministers"), made when first seen
    _by_form: dict[str, list[_Tried]] = field(default_factory=dict)
    _order: dict[tuple[str, ...], list[_Tried]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._before = re.compile(self.before)
        self._not_before = _NOT_BEFORE.get(self.before)
        self._rest = re.compile(self.rest, self.rest_flags)
        self._word_end = self.rest == _WORD_END
        self._plural_end = self.rest == _PLURAL_END and self.rest_flags == re.IGNORECASE
        for index, (phrases, _) in enumerate(self.heads):
            for phrase in sorted(set(phrases)):
                first = _WORD_RUN.match(phrase)
                if first is None:
                    raise CourseError(f"the gazetteer phrase {phrase!r} must begin with a letter")
                key = _fold_key(first.group()) if self.ignore_case else first.group()
                self._by_key.setdefault(key, []).append((index, -len(phrase), phrase))
        self._needs, self._reach = self._needed_words()
        # the words that may stand for a listed first word: "minister", "ministers"
        forms = set(self._by_key)
        if self.plural:
            forms |= {k + "s" for k in self._by_key} | {k + "es" for k in self._by_key}
        self._forms = frozenset(forms)

    @property
    def forms(self) -> frozenset[str]:
        """The words that may begin a match (folded where case is ignored)."""
        return self._forms

    @property
    def needed(self) -> frozenset[str]:
        """The first words of :attr:`needs`, folded (none if nothing is needed)."""
        return self._needs

    def _needed_words(self) -> tuple[frozenset[str], int]:
        """The first words of :attr:`needs`, folded, and how many words after a phrase's
        first word the needed word may begin: the most words of a phrase and of an ending
        ("'s" is one: "s"), and :attr:`needs_within`. No words (no filter) if a needed
        phrase does not begin with a word."""
        firsts = [_WORD_RUN.match(phrase) for phrase in self.needs]
        if not firsts or not all(firsts):
            return frozenset(), 0
        longest = max(len(_WORD_RUN.findall(p)) for phrases, _ in self.heads for p in phrases)
        ending = max(len(_WORD_RUN.findall(e)) for _, endings in self.heads for e in endings)
        needed = frozenset(_fold_key(m.group()) for m in firsts if m)
        return needed, longest + ending + self.needs_within

    def _keys(self, key: str) -> list[str]:
        """The listed first words that ``key`` (a word of the text, folded) may stand for."""
        keys = [key]
        if self.plural and key.endswith("s"):  # "ministers": the listed "minister"
            keys += [key[:-1], key[:-2]] if key.endswith("es") else [key[:-1]]
        return [k for k in keys if k in self._by_key]

    def _tried(self, keys: list[str]) -> list[_Tried]:
        """The phrases that start with ``keys``, in the order the expression tries them:
        list by list, the longer phrase first. Each comes as its text where a plain string
        comparison finds it (one word), with its pattern: as written where case counts, else
        in lower case (compared with ASCII text only)."""
        tried = self._order.get(tuple(keys))
        if tried is None:
            flags = re.IGNORECASE if self.ignore_case else 0
            tried = []
            for index, _, p in sorted(t for k in keys for t in self._by_key[k]):
                plain = bool(_PLAIN_WORD.fullmatch(p))
                literal = p if plain and not self.ignore_case else ""
                lower = p.lower() if plain and self.ignore_case and p.isascii() else ""
                pattern = re.compile(re.escape(p).replace(r"\ ", r"\s+"), flags)
                tried.append((literal, lower, pattern, self.heads[index][1]))
            self._order[tuple(keys)] = tried
        return tried

    def _match_at(self, norm: str, pos: int, tried: list[_Tried]) -> _PhraseMatch | None:
        if self._not_before is None:
            if self._before.match(norm, pos) is None:
                return None
        elif pos and ((c := norm[pos - 1]).isalnum() or c == "_" or c in self._not_before):
            return None  # str.isalnum and "_" are what \w matches
        for literal, lower, phrase, endings in tried:
            if literal:
                if not norm.startswith(literal, pos):
                    continue
                head_end = pos + len(literal)
            elif lower and (text := norm[pos : pos + len(lower)]).isascii():
                if text.lower() != lower:  # ASCII text: case folding is lower case
                    continue
                head_end = pos + len(lower)
            else:
                head = phrase.match(norm, pos)
                if head is None:
                    continue
                head_end = head.end()
            for ending in endings:
                if ending and not norm.startswith(ending, head_end):
                    continue
                found = self._rest_at(norm, pos, head_end + len(ending))
                if found is not None:
                    return found
        return None

    def _rest_at(self, norm: str, begin: int, at: int) -> _PhraseMatch | None:
        """The match of :attr:`rest` at ``at`` (the phrase began at ``begin``), or None."""
        if self._word_end:
            after = norm[at : at + 1]
            if after and (after.isalnum() or after == "_"):
                return None
            return _PhraseMatch(norm, self.head_name, begin, at, at)
        if self._plural_end:
            stop = _plural_end(norm, at)
            return None if stop < 0 else _PhraseMatch(norm, self.head_name, begin, at, stop)
        rest = self._rest.match(norm, at)
        if rest is None:
            return None
        return _PhraseMatch(norm, self.head_name, begin, rest.start(), rest.end(), rest)

    def match(self, norm: str, pos: int) -> _PhraseMatch | None:
        """The match that begins at ``pos``, as ``re.Pattern.match`` would give it."""
        first = _WORD_RUN.match(norm, pos)
        if first is None:
            return None
        keys = self._keys(_fold_key(first.group()) if self.ignore_case else first.group())
        return self._match_at(norm, pos, self._tried(keys)) if keys else None

    def finditer(self, norm: str, words: _Words) -> Iterator[_PhraseMatch]:
        """The matches in ``norm``, left to right and not overlapping, as ``re.finditer``
        would give them; ``words`` are the words of ``norm`` (:meth:`_Words.of`)."""
        index = words.folded if self.ignore_case else words.exact
        seen = index.keys() & self._forms
        by_form, tried = self._by_form, {}
        for w in seen:  # once per distinct word, made once per listed form
            found = by_form.get(w)
            if found is None:
                found = by_form[w] = self._tried(self._keys(w))
            tried[w] = found
        close = self._close_enough(norm, words)
        last = 0
        for start, word in sorted((s, w) for w in seen for s in index[w]):
            if start < last or not tried[word] or not close(start):
                continue
            if m := self._match_at(norm, start, tried[word]):
                last = m.end()
                yield m

    def _close_enough(self, norm: str, words: _Words) -> Callable[[int], bool]:
        """A test of a word's position: whether a needed word begins within reach after it
        (always true when nothing is needed). Where the two stand closer than ``2 * reach``
        characters they are close (a word and the gap after it take two or more); else the
        words between are counted on the word starts of the text."""
        if not self._needs:
            return lambda start: True
        folded, reach, starts = words.folded, self._reach, words.starts
        needed = sorted(p for w in folded.keys() & self._needs for p in folded[w])

        def close(start: int) -> bool:
            after = bisect.bisect_right(needed, start)
            if after == len(needed):
                return False
            stop = needed[after]
            if (stop - start) // 2 <= reach:
                return True
            return bisect.bisect_left(starts, stop) - bisect.bisect_left(starts, start) <= reach

        return close


#: A phrase that is one run of letters and digits: "Russia" (a plain string comparison
#: finds it as its escaped pattern does).
_PLAIN_WORD = re.compile(r"\w+")


_GROUP = re.Match.group
_START = re.Match.start


class _Index:
    """Where each word of a text stands (a read-only mapping: word -> its starts, in order).

    The places of the words that the lists hold are found in one pass; those of any other
    word of the text when first asked for.

    >>> index = _Index(["Roe", "met", "Roe"], [0, 4, 8], {})
    >>> index["Roe"], "Lee" in index, index.get("Lee", [])
    ([0, 8], False, [])
    """

    __slots__ = ("_found", "_keys", "_starts", "_text", "_words")

    def __init__(
        self,
        words: list[str],
        starts: list[int],
        found: dict[str, list[int]],
        text: str | None = None,  # the text, where the words are those written in it
    ) -> None:
        self._words, self._starts, self._found, self._text = words, starts, found, text
        self._keys = set(words)

    def keys(self) -> Set[str]:
        return self._keys

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __getitem__(self, key: str) -> list[int]:
        found = self._found.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            if self._text is not None:  # a search of the text is faster than of its words
                found = _positions(self._text, key)
            else:
                found = list(compress(self._starts, map(key.__eq__, self._words)))
            self._found[key] = found
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._keys else default

    def items(self) -> list[tuple[str, list[int]]]:
        return [(key, self[key]) for key in sorted(self._keys)]


def _positions(text: str, word: str) -> list[int]:
    """The starts of ``word`` (letters, digits, "_") where it stands whole in ``text``, as
    ``\\w+`` would find it (``\\w`` matches what ``str.isalnum`` holds, and "_").

    >>> _positions("Roe, Roes and roe; Roe_x Roe", "Roe")
    [0, 25]
    """
    found, size, at = [], len(word), text.find(word)
    while at != -1:
        before, after = text[at - 1 : at] if at else "", text[at + size : at + size + 1]
        if not (before and (before.isalnum() or before == "_")) and not (
            after and (after.isalnum() or after == "_")
        ):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _places(words: list[str], starts: list[int], wanted: Set[str] | None) -> dict[str, list[int]]:
    """The starts of each of the ``wanted`` words (of every word if None), in one pass.

    >>> _places(["Roe", "met", "Roe"], [0, 4, 8], {"Roe", "Lee"})
    {'Roe': [0, 8]}
    """
    pairs = zip(words, starts, strict=True)
    if wanted is not None:
        pairs = compress(pairs, map(wanted.__contains__, words))
    found: dict[str, list[int]] = {}
    for word, start in pairs:
        where = found.get(word)
        if where is None:
            found[word] = [start]
        else:
            where.append(start)
    return found


#: The length of text over which every word's places are found at once.
_INDEX_ALL_OVER = 20_000
#: The characters :func:`_fold_key` folds apart from lower-casing.
_FOLD_CHARS = "\u0130\u0131\u017f\u212a"


class _Words:
    """Where each word of a text stands: as written, and folded for the case-blind lists.

    ``wanted`` (the words as written, and folded) are the words whose places are found at
    once: those the lists begin with. The places of the others are found when asked for.

    >>> _Words.of("Talks, talks.").folded.items()
    [('talks', [0, 7])]
    >>> _Words.of("Talks, talks.", (frozenset(), frozenset())).exact.items()
    [('Talks', [0]), ('talks', [7])]
    """

    __slots__ = ("exact", "folded", "starts")

    def __init__(self, exact: _Index, folded: _Index, starts: list[int]) -> None:
        self.exact, self.folded, self.starts = exact, folded, starts

    @classmethod
    def of(cls, norm: str, wanted: tuple[Set[str], Set[str]] | None = None) -> _Words:
        matches = list(_WORD_RUN.finditer(norm))
        words, starts = list(map(_GROUP, matches)), list(map(_START, matches))
        if wanted is None or len(norm) > _INDEX_ALL_OVER:
            # every word at once: a long text names many people, each asked for
            return cls._all(words, starts)
        plain = norm.isascii() or not any(c in norm for c in _FOLD_CHARS)
        folds = list(map(str.lower if plain else _fold_key, words))
        return cls(
            _Index(words, starts, _places(words, starts, wanted[0]), norm),
            _Index(folds, starts, _places(folds, starts, wanted[1])),
            starts,
        )

    @classmethod
    def _all(cls, words: list[str], starts: list[int]) -> _Words:
        """The places of every word, as written and folded (each distinct word folded once)."""
        exact = _places(words, starts, None)
        folded: dict[str, list[int]] = {}
        for word, where in exact.items():
            key = word.lower() if word.isascii() else _fold_key(word)
            folded[key] = sorted(folded[key] + where) if key in folded else where
        return cls(_Index(words, starts, exact), _Index(list(folded), [], folded), starts)


_OWNED = ("'s", "'")  # "Russia's troops", "the Philippines' coast guard"


def _surfaces(gaz: Gazetteer) -> dict[str, list[str]]:
    """The gazetteer's surface forms (quotes folded) by the part they play in the patterns."""
    entries = gaz.entries
    owners = [
        fold_quotes(e.surface)
        for e in entries
        if e.role in ("name", "alias", "capital") and e.kind == "state"
    ]
    return {
        "exact": [fold_quotes(e.surface) for e in entries if e.role != "description"],
        "described": [e.surface for e in entries if e.role == "description"],
        "demonyms": [fold_quotes(e.surface) for e in entries if e.role == "demonym"],
        "owners": owners,
        "orgs": [fold_quotes(e.surface) for e in entries if e.kind == "organization"],
        # a state's acronym is also an adjective: "US citizens", "the UK military"
        "acronyms": [o for o in owners if re.fullmatch(r"[A-Z]{2,4}", o)],
        # a state's name before an institution is its owner too: "the Japan Coast Guard"
        "names": [
            fold_quotes(e.surface)
            for e in entries
            if e.kind == "state" and e.role in ("name", "alias")
        ],
    }


@lru_cache(maxsize=4)
def _patterns(gaz: Gazetteer) -> dict[str, Any]:
    words = _surfaces(gaz)
    exact, described, demonyms = words["exact"], words["described"], words["demonyms"]
    owners, orgs, acronyms, names = (words[k] for k in ("owners", "orgs", "acronyms", "names"))
    institutions = _alternation(gaz.institutions)
    groups = _alternation(gaz.groups)
    return {
        "exact": _Phrases(r"(?<![\w/])", ((exact, ("",)),), r"(?!\w)"),
        "loose": _Phrases(
            r"(?<![\w-])", ((described, ("",)),), r"(?!\w)", ignore_case=True, rest_flags=re.I
        ),
        # "the Armenian government", "Russia's Foreign Ministry", "Russia's own army",
        # "the Japan Coast Guard"
        "institution": _Phrases(
            r"(?<![\w-])",
            ((demonyms + acronyms, ("",)), (owners, _OWNED), (names, ("",))),
            rf"(?:(?:(?<=')|(?<='s))\s+own)?\s+(?P<inst>(?i:{institutions}))(?!\w)",
            head_name="owner",
            needs=list(gaz.institutions),
            needs_within=1,  # "own"
        ),
        # "the Foreign Ministry of Armenia", "the government of Georgia"
        "institution_of": _Phrases(
            r"(?<![\w-])",
            ((list(gaz.institutions), ("",)),),
            rf"\s+of\s+(?:the\s+)?(?P<owner>{_alternation(owners)})(?!\w)",
            ignore_case=True,
            head_name="inst",
            needs=["of"],
        ),
        # "the government in Minsk": an institution at its state's seat
        "institution_in": _Phrases(
            r"(?<![\w-])",
            ((list(gaz.institutions), ("",)),),
            rf"\s+in\s+(?P<owner>{_alternation(owners)})(?![\w-]|'s?\s+\w)",
            ignore_case=True,
            head_name="inst",
            needs=["in"],
        ),
        # "Armenian soldiers", "Russia's troops", "CSTO member states", "U.S. officials"
        "group": _Phrases(
            r"(?<![\w-])",
            ((demonyms + orgs + acronyms, ("",)), (owners, _OWNED)),
            rf"(?P<mods>(?:\s+[a-z]+(?:-[a-z]+)?){{0,2}}?)\s+(?P<noun>(?i:{groups}))(?!\w)",
            head_name="owner",
            needs=gaz.groups,
            needs_within=4,  # two words before the noun, each of one or two words
        ),
        "title": _Phrases(
            r"(?<![\w-])",
            ((gaz.titles, ("",)),),
            _PLURAL_END,
            ignore_case=True,
            rest_flags=re.IGNORECASE,
            plural=True,
        ),
        "minister": re.compile(r"(?<![\w-])(?:[A-Z][a-z]+\s+){1,3}Minister(?![\w-])"),
        # "..., said Jane Roe, who ...", "according to Omar Sayed."
        "speech": _Phrases(
            r"(?<![\w-])", ((gaz.speech_verbs, ("",)),), r"\s+", ignore_case=True, rest_flags=re.I
        ),
    }


# --- The document: text, folded text and sentences ------------------------------------


@dataclass(eq=False)
class _Doc:
    text: str
    norm: str  # the text with curly quotes folded: same length, same offsets
    starts: tuple[int, ...]
    ids: tuple[int, ...]
    headline: _Headlines  # sentences written in Title Case (capitals prove nothing)
    words: _Words = field(default_factory=lambda: _Words.of(""))  # the words of norm
    # what one run of the finders computes once and several of them read (the gazetteer
    # matches): it lives and dies with this document
    memo: dict[str, Any] = field(default_factory=dict)


_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")


class _Headlines:
    """The ids of the sentences written in Title Case: three words or more of four letters
    or more, seven in ten of them capitalised. Each sentence is read when first asked about.

    >>> heads = _Headlines("Talks Resume In Vesland. Talks resume.", [0, 1], [0, 25], [24, 38])
    >>> 0 in heads, 1 in heads, 7 in heads
    (True, False, False)
    """

    __slots__ = ("_known", "_spans", "_text")

    def __init__(self, text: str, ids: Sequence[int], starts: Sequence[int], ends: Sequence[int]):
        self._text = text
        self._spans = dict(zip(ids, zip(starts, ends, strict=True), strict=True))
        self._known: dict[int, bool] = {}

    def __contains__(self, sid: object) -> bool:
        known = self._known.get(sid)  # type: ignore[call-overload]
        if known is None:
            span = self._spans.get(sid)  # type: ignore[call-overload]
            known = span is not None and _title_case(self._text, *span)
            self._known[sid] = known  # type: ignore[index]
        return known


def _title_case(text: str, start: int, end: int) -> bool:
    words = _HEADLINE_WORD.findall(text, start, end)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _sentence_table(article: Any) -> tuple[str, list[int], list[int], list[int]]:
    """The text and its sentences (ids, starts, ends) of an Article or of a plain string."""
    if isinstance(article, str):
        spans: list[tuple[int, int]] = []
        for para in _PARAGRAPH.finditer(article):
            spans += sentence_spans(para.group(), offset=para.start())
        return article, list(range(len(spans))), [s for s, _ in spans], [e for _, e in spans]
    if hasattr(article, "text") and hasattr(article, "sentences"):
        frame = article.sentences
        ids, starts, ends = (_int_column(frame, col) for col in ("id", "start", "end"))
        return article.text, ids, starts, ends
    raise CourseError(
        "find the actors of an Article (from clean_article) or of a string of text, "
        f"not of a {type(article).__name__}"
    )


def _int_column(frame: pd.DataFrame, column: str) -> list[int]:
    """The values of a column as Python ints (read straight from its array when it is one
    of int64, as the sentences of a cleaned article are).

    >>> _int_column(pd.DataFrame({"id": [0, 1], "start": [0.0, 5.0]}), "start")
    [0, 5]
    """
    try:
        values = frame._get_column_array(frame.columns.get_loc(column))
    except (AttributeError, TypeError):  # a pandas without it, or a repeated column name
        values = None
    if isinstance(values, np.ndarray) and values.dtype == np.int64:
        return values.tolist()
    return [int(v) for v in frame[column].tolist()]


def _as_doc(article: Any) -> _Doc:
    if isinstance(article, _Doc):
        return article
    text, ids, starts, ends = _sentence_table(article)
    if not isinstance(text, str) or not text.strip():
        raise CourseError("the article has no text: clean an article first with clean_article")
    norm = fold_quotes(text)
    headline = _Headlines(text, ids, starts, ends)
    words = _Words.of(norm, _wanted_words(load_gazetteer()))
    return _Doc(text, norm, tuple(starts), tuple(ids), headline, words)


@lru_cache(maxsize=4)
def _wanted_words(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """The words whose places the finders ask for: the first words of the listed phrases,
    the needed words and the speech verbs (as written, and folded)."""
    exact, folded = {"Minister"} | set(_one_word_verbs(gaz) or ()), set()
    for phrases in _patterns(gaz).values():
        if isinstance(phrases, _Phrases):
            (folded if phrases.ignore_case else exact).update(phrases.forms)
            folded.update(phrases.needed)
    return frozenset(exact), frozenset(folded)


def _sentence_of(doc: _Doc, offset: int) -> int:
    index = bisect.bisect_right(doc.starts, offset) - 1
    return doc.ids[max(index, 0)] if doc.ids else 0


class _Candidate(NamedTuple):
    """One candidate mention (a tuple: cheap to build by the thousand, hashable)."""

    actor: str
    kind: str
    start: int
    end: int
    method: str
    claim: tuple[int, int]  # the span that blocks other candidates (title + name, say)
    info: tuple[tuple[str, str], ...] = ()


def _candidate(
    actor: str,
    kind: str,
    start: int,
    end: int,
    method: str,
    claim: tuple[int, int] | None = None,
    **info: str,
) -> _Candidate:
    return _Candidate(actor, kind, start, end, method, claim or (start, end), tuple(info.items()))


def _frame(doc: _Doc, candidates: Sequence[_Candidate]) -> pd.DataFrame:
    """The mentions as the documented DataFrame, built once from plain lists."""
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    text = doc.text
    if ordered:  # typed columns handed to pandas once (an empty table keeps int columns)
        frame = build_table(
            [
                (c.actor, c.kind, text[c.start : c.end], c.start, c.end, sid, c.method)
                for c, sid in zip(ordered, _sentence_ids(doc, ordered), strict=True)
            ],
            COLUMNS,
            ints=_INT_COLUMNS,
        )
        frame.attrs["actors"] = _actor_info(candidates)
        return frame
    columns: dict[str, Any] = {
        "actor": [c.actor for c in ordered],
        "kind": [c.kind for c in ordered],
        "text": [text[c.start : c.end] for c in ordered],
        "start": [c.start for c in ordered],
        "end": [c.end for c in ordered],
        "sentence": [_sentence_of(doc, c.start) for c in ordered],
        "method": [c.method for c in ordered],
    }
    frame = pd.DataFrame(
        {
            name: np.array(values, dtype=np.int64 if name in _INT_COLUMNS else object)
            for name, values in columns.items()
        }
    )
    frame.attrs["actors"] = _actor_info(candidates)
    return frame


_INT_COLUMNS = frozenset(["start", "end", "sentence"])


def _sentence_ids(doc: _Doc, ordered: Sequence[_Candidate]) -> list[int]:
    """The sentence of each candidate (sorted by start): one walk over the sentence starts.

    >>> doc = _as_doc("Kalonia spoke. Vesland left.")
    >>> found = [_candidate("a", "state", 0, 7, "x"), _candidate("b", "state", 15, 22, "x")]
    >>> _sentence_ids(doc, found)
    [0, 1]
    """
    starts, ids, found, index = doc.starts, doc.ids, [], 0
    last = len(starts) - 1
    for c in ordered:
        while index < last and starts[index + 1] <= c.start:
            index += 1
        found.append(ids[index] if ids else 0)
    return found


def _actor_info(candidates: Iterable[_Candidate]) -> dict[str, dict[str, str]]:
    info: dict[str, dict[str, str]] = {}
    for c in candidates:
        record = info.setdefault(c.actor, {"kind": c.kind})
        for key, value in c.info:
            if value and not record.get(key):
                record[key] = value
    return info


# --- Places or actors? -----------------------------------------------------------------


_TOKEN = re.compile(r"[\w'.-]*\w|[^\w\s]")


def _words_before(norm: str, pos: int, n: int = 4) -> list[str]:
    """The last ``n`` words (and punctuation marks) before ``pos``, nearest first, lower-case.

    Up to 120 characters are read. A short window is read first: only its first token may
    be cut, so when it holds more than ``n`` tokens its last ``n`` are those of the long one.

    >>> _words_before("troops were sent to ex-Soviet Vesland", 23, 3)
    ['-', 'ex', 'to']
    """
    tokens = _TOKEN.findall(norm, max(0, pos - 40), pos)
    if len(tokens) <= n:
        tokens = _TOKEN.findall(norm, max(0, pos - 120), pos)
    return [t.lower() for t in reversed(tokens[-n:])]


_NEXT_WORD = re.compile(r"(?:'s?)?\s+([\w'-]+)")
_HYPHEN_WORD = re.compile(r"-([^\W\d_][\w]*)")


def _next_word(norm: str, pos: int) -> tuple[str, int]:
    match = _NEXT_WORD.match(norm, pos)
    return (match.group(1), match.end()) if match else ("", pos)


def _followed_by_place_noun(norm: str, end: int, demonyms: frozenset[str] = frozenset()) -> bool:
    while (
        norm[end : end + 1] == "-"
        and (hyphen := _HYPHEN_WORD.match(norm[end : end + 60]))
        and hyphen.group(1) in demonyms
    ):
        end += hyphen.end()  # "Armenian-Azerbaijani border": look past the compound
    word, after = _next_word(norm, end)
    if word.lower() in PLACE_ADJECTIVES:
        word, after = _next_word(norm, after)
    if word.lower() in PLACE_NOUNS:
        return True
    # a named region between the owner and its noun: "Moldova's breakaway Transnistria region"
    if word[:1].isupper() and (norm[end : end + 1] == "'" or norm[end : end + 2] == "s'"):
        word, _ = _next_word(norm, after)
        return word.lower() in _REGION_NOUNS
    return False


def _ethnic(norm: str, start: int) -> bool:
    """Whether the demonym at ``start`` names an ethnicity: "ethnic Armenian forces"."""
    words = _words_before(norm, start, 1)
    return bool(words) and words[0] in _ETHNIC_WORDS


#: A place named just before a comma: "Tiraspol, " or "the Kazakh capital, ". A state or
#: capital right after it (and before a comma or a full stop) locates that place.
_LOCATED_PLACE = re.compile(
    r"(?<![\w-])(?P<word>[A-Za-z]+)\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?:capital|city|town|village|port)|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s*,\s*$"
)


def _locates_a_place(before: str) -> bool:
    """Whether the text ``before`` a name ends with a place after a locative word."""
    match = _LOCATED_PLACE.search(before[-120:])
    return bool(match) and match.group("word").lower() in LOCATIVE_WORDS | {"to"}


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(e.surface for e in load_gazetteer().entries if e.role == "demonym")


def _title_without_name(norm: str, pos: int) -> bool:
    """Whether a title that names nobody begins at ``pos``: "Foreign Minister said".

    A title followed by a capitalised word ("Foreign Minister Ivan Petrov") or by "of", "to"
    ... ("Ambassador to Armenia, Ivan Petrov") may introduce a name: then a demonym before
    it belongs to the title, not to the text around it.
    """
    pats = _patterns(load_gazetteer())
    ends = [
        m.end() for m in (pats["title"].match(norm, pos), pats["minister"].match(norm, pos)) if m
    ]
    if not ends:
        return False
    nxt = _AFTER_TITLE.match(norm[max(ends) : max(ends) + 80])
    if nxt is None:
        return True  # the end of the text
    word = nxt.group(1)
    return not word[0].isupper() and word not in ("of", "to", "for", "at", "in")


def _at_line_start(norm: str, start: int) -> bool:
    """Whether only spaces stand between the start of its line and ``start``."""
    head = norm[max(0, start - 200) : start].rstrip(" \t")
    return head.endswith("\n") or (not head and start <= 200)


def _form_reason(doc: _Doc, start: int, end: int) -> str:
    """Why the word's own form makes it no actor: a prefix, a suffix, a dateline, a place."""
    norm = doc.norm
    # a prefix ends with "-" right before the word, a suffix begins with one right after it
    prefix = (
        _PREFIX.search(norm[max(0, start - 40) : start]) if norm[start - 1 : start] == "-" else None
    )
    if prefix and prefix.group(1).lower() in NOT_ACTOR_PREFIXES:
        return f"prefix {prefix.group(1)}-"
    suffix = _SUFFIX.match(norm[end : end + 40]) if norm[end : end + 1] == "-" else None
    if suffix and suffix.group(1).lower() in PLACE_SUFFIXES:
        return f"suffix -{suffix.group(1)}"
    if _DATELINE_DASH.match(norm[end : end + 5]) and _at_line_start(norm, start):
        return "dateline"
    if _followed_by_place_noun(norm, end, _demonyms()):
        return "owner of a place"
    if _after_name_particle(norm, start):
        return "inside a longer name"
    return ""


_PARTICLE_BEFORE = re.compile(r"[^\W\d_a-z][\w'-]*\s+([a-z]+)\s+$")


def _after_name_particle(norm: str, start: int) -> bool:
    """Whether a capitalised word and a lower-case name particle stand right before
    ``start``: the word ends a longer name ("Porto da Vesta", "Universidad de Kalonia").

    >>> _after_name_particle("near Mocimboa da Praia", 17), _after_name_particle("to Praia", 3)
    (True, False)
    """
    low = max(0, start - 40)
    # the pattern's particle is the whole word before the spaces: read that word first
    parts = norm[low:start].rstrip().rsplit(None, 1)
    if len(parts) < 2 or parts[1] not in _NAME_PARTICLES:
        return False
    m = _PARTICLE_BEFORE.search(norm, low, start)
    return m is not None and m.group(1) in _NAME_PARTICLES


def _demonym_reason(doc: _Doc, start: int, end: int, previous: str) -> str:
    """Why a demonym ("Russian") is not its state here: a language, an ethnicity, a name."""
    if previous == "in" and not _owns_a_noun(doc.norm, end):
        return "language"  # "in Russian"; but "held in Qatari banks" names an owner
    if previous in _ETHNIC_WORDS:
        return "an ethnicity"
    nxt = _NEXT_NAME.match(doc.norm[end : end + 80])
    if (
        nxt
        and nxt.group(1)[0].isupper()
        and _sentence_of(doc, start) not in doc.headline
        and not _title_without_name(doc.norm, end + nxt.start(1))
    ):
        return "part of a longer name"
    return ""


def _owns_a_noun(norm: str, end: int) -> bool:
    """Whether a lower-case word that is no function word follows ``end``: the demonym
    before it is an adjective of ownership, not a language.

    >>> _owns_a_noun("in Kalonian banks", 11), _owns_a_noun("in Kalonian and English", 11)
    (True, False)
    """
    word, _ = _next_word(norm, end)
    return word[:1].islower() and word not in _FUNCTION_WORDS


class _Spans(dict[int, int]):
    """The spans of the states named in a text (start -> end), with their starts in order."""

    @property
    def starts(self) -> list[int]:
        if "_starts" not in self.__dict__:
            self.__dict__["_starts"] = sorted(self)
        return self.__dict__["_starts"]


def _starts_between(spans: dict[int, int], low: int, high: int) -> list[int]:
    """The starts of ``spans`` in ``[low, high)``, in order."""
    if isinstance(spans, _Spans):
        starts = spans.starts
        return starts[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]
    return sorted(s for s in spans if low <= s < high)


_LIST_GAP = re.compile(r"(?:'s)?\s*(?:,\s*)?(?:(?:and|or)\s+)?")
_AND_OR = re.compile(r"\b(?:and|or)\b")
_LIST_GOES_ON = re.compile(r"\s*(?:[,.;:]|and\b|or\b|$)")


def _list_reason(doc: _Doc, start: int, end: int, role: str, spans: dict[int, int]) -> str | None:
    """A name in a list shares the reading of the list's first name; None if not in a list."""
    norm = doc.norm
    after = norm[end : end + 40]
    for other_start in _starts_between(spans, max(0, start - 80), start):
        other_end = spans[other_start]
        gap = norm[other_end:start]
        if other_end < start and _LIST_GAP.fullmatch(gap):
            only_comma = "," in gap and not _AND_OR.search(gap)
            if only_comma and not _LIST_GOES_ON.match(after):
                continue  # "In Moscow, Russia said": no list, a new clause
            # the whole list shares one reading: "troops from A, B, C and D" are places
            return _place_reason(doc, other_start, other_end, role, spans)
    return None


def _place_reason(doc: _Doc, start: int, end: int, role: str, spans: dict[int, int]) -> str:
    """Why the name at ``start:end`` is only a place (or a word in a name); "" if an actor.

    Only a short window around the name is read, so the time is linear in the text.
    """
    norm = doc.norm
    form = _form_reason(doc, start, end)
    if form:
        return form
    words = _words_before(norm, start, 5)
    if words and words[0] in _PAIR_WORDS:  # "with both Armenia and ...": look past "both"
        words = words[1:]
    previous = words[0] if words else ""
    if role == "demonym":
        return _demonym_reason(doc, start, end, previous)
    after = norm[end : end + 80]
    if previous in ("and", "or", ","):
        listed = _list_reason(doc, start, end, role, spans)
        if listed is not None:
            return listed
        # "in Tiraspol, Moldova," and "in the capital, Astana,": the name locates a place
        before = norm[max(0, start - 200) : start]
        if previous == "," and _CLAUSE_END.match(after) and _locates_a_place(before):
            return "locates a place"
    return _context_reason(doc, start, role, words, after)


def _context_reason(doc: _Doc, start: int, role: str, words: list[str], after: str) -> str:
    """Why the words around a state or capital make it a place."""
    previous = words[0] if words else ""
    if role == "capital" and previous in _DETERMINERS:
        return "used as a modifier"
    if (
        role == "capital"
        and _NEXT_CAPITAL.match(after)
        and _sentence_of(doc, start) not in doc.headline
    ):
        return "part of a longer name"
    owned = _OWNED_NOUN.match(after)  # "at Armenia's request": Armenia acts
    if previous in LOCATIVE_WORDS and not (owned and owned.group(1) in ACTION_NOUNS):
        return f"after {previous!r}"
    if previous == "to":  # "belongs to Russia's fleet": the owner of a thing, no destination
        return "" if set(words[1:3]) & RECIPIENT_CUES or owned else "after 'to'"
    if previous == "from":
        acts = (len(words) > 1 and words[1] in ACTION_NOUNS) or _taken_from(words)
        return "" if acts else "after 'from'"
    if (
        previous in ("with", "between", "of", "along", "on", "and")
        and set(words[1:4]) & PLACE_NOUNS
    ):
        return "part of a place"
    return ""


@lru_cache(maxsize=1)
def _taking_verbs() -> frozenset[str]:
    """Verbs of taking something from a party (data/gazetteer/taking_verbs.csv)."""
    return frozenset(r["verb"].strip() for r in _read_csv(_gazetteer_dir(), "taking_verbs.csv"))


def _taken_from(words: list[str]) -> bool:
    """True if the words before "from" (nearest first) take something from a party: in "seized
    the islands from Chad" or "captured it from Chad", Chad is an actor, not a place.

    >>> _taken_from(["from", "islands", "the", "seized"]), _taken_from(["from", "came"])
    (True, False)
    """
    return any(w in _taking_verbs() for w in words[1:4])


def is_place(article: Any, start: int, end: int) -> bool:
    """Tell whether the state or capital at ``start:end`` is only a place, not an actor.

    >>> text = "Yerevan accused Baku. A summit was held in Yerevan, near Armenia's border."
    >>> [is_place(text, m.start(), m.end()) for m in re.finditer("Yerevan|Armenia", text)]
    [False, True, True]
    """
    doc = _as_doc(article)
    entry = load_gazetteer().by_surface.get(doc.norm[start:end])
    role = "capital" if entry is not None and entry.role in ("capital", "seat") else "name"
    if entry is not None and entry.role == "demonym":
        role = "demonym"
    return bool(_place_reason(doc, start, end, role, {}))


# --- Method 1: the baseline --------------------------------------------------------------


def baseline_actors(article: Any) -> pd.DataFrame:
    """Every run of capitalised words, taken as an actor (method ``baseline``).

    The kind is a guess: several words make a ``person``, an acronym an
    ``organization``, anything else a ``state``. Its mistakes are the lesson:

    >>> baseline_actors("The talks in Tbilisi ended.")[["text", "kind"]].values.tolist()
    [['The', 'state'], ['Tbilisi', 'state']]
    """
    doc = _as_doc(article)
    found = []
    for match in _CAPITALISED_WORDS.finditer(doc.norm):
        text = match.group()
        if not text[0].isupper():
            continue
        kind = "person" if " " in text else "organization" if text.isupper() else "state"
        found.append(_candidate(text, kind, match.start(), match.end(), "baseline"))
    return _frame(doc, found)


# --- Method 2: the gazetteer -------------------------------------------------------------


def _gazetteer_matches(doc: _Doc, gaz: Gazetteer) -> tuple[tuple[int, int, Entry], ...]:
    """Every gazetteer name in the text, longest first where two start together (found
    once per document: each method asks for them)."""
    key = f"gazetteer:{id(gaz)}"
    if key not in doc.memo:
        doc.memo[key] = _find_gazetteer_matches(doc, gaz)
    return doc.memo[key]


def _find_gazetteer_matches(doc: _Doc, gaz: Gazetteer) -> tuple[tuple[int, int, Entry], ...]:
    pats = _patterns(gaz)
    found: dict[int, tuple[int, int, Entry]] = {}
    for name in ("exact", "loose"):
        for m in pats[name].finditer(doc.norm, doc.words):
            text = m.group()
            if name == "loose":
                key = text.lower()
            else:  # one word holds no space to tidy
                key = text if text.isalnum() else _SPACES.sub(" ", text)
            entry = gaz.by_surface.get(key)
            if entry is None:
                continue
            old = found.get(m.start())
            if old is None or old[1] < m.end():
                found[m.start()] = (m.start(), m.end(), entry)
    # drop matches inside longer ones ("Russia" inside "Russian Federation")
    result: list[tuple[int, int, Entry]] = []
    for start, end, entry in sorted(found.values(), key=lambda t: (t[0], -t[1])):
        if result and start < result[-1][1]:
            continue
        result.append((start, end, entry))
    return tuple(result)


def _state_name(gaz: Gazetteer, iso3: str) -> str:
    return gaz.states[iso3]["name"] if iso3 in gaz.states else iso3


def _owner_state(gaz: Gazetteer, owner: str) -> str:
    """The ISO code of the state an owner word ("Russian", "Russia's", "Moscow") belongs to."""
    key = _POSSESSIVE.sub("", _SPACES.sub(" ", owner))
    entry = gaz.by_surface.get(key)
    return entry.state if entry is not None and entry.kind == "state" else ""


def _historical_adjective(gaz: Gazetteer, entry: Entry) -> bool:
    """A demonym of a state marked ``historical`` ("Soviet-era treaties") is no actor."""
    return (
        entry.kind == "state"
        and entry.role == "demonym"
        and bool(gaz.states.get(entry.state, {}).get("historical"))
    )


def _institution_candidates(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    """Institutions of a state: "the Armenian government", "the Foreign Ministry of Armenia"
    (found once per document)."""
    key = f"institutions:{id(gaz)}"
    if key not in doc.memo:
        doc.memo[key] = _find_institutions(doc, gaz)
    return list(doc.memo[key])


def _find_institutions(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    pats = _patterns(gaz)
    found = []
    for name in ("institution", "institution_of", "institution_in"):
        for m in pats[name].finditer(doc.norm, doc.words):
            iso3 = _owner_state(gaz, m.group("owner"))
            label = gaz.institutions.get(_SPACES.sub(" ", m.group("inst")).lower())
            named = gaz.by_surface.get(_SPACES.sub(" ", m.group()))
            if not iso3 or not label or (named is not None and named.kind == "organization"):
                continue  # "Sudanese Armed Forces" is listed as an organisation of its own
            if name == "institution_in" and label != _SEAT_INSTITUTION:
                continue  # "the parliament in Yerevan" may be a building; "embassy in" a host
            actor = f"{_state_name(gaz, iso3)}: {label}"
            start = m.start() if name == "institution" else _head_of_institution(m, gaz)
            found.append(_candidate(actor, "organization", start, m.end(), "gazetteer", state=iso3))
    return found


def _head_of_institution(m: Any, gaz: Gazetteer) -> int:
    """Where "the military government of Chad" starts as a mention: at its head noun
    ("government of Chad"), when the head alone names the same institution; the words before
    it only describe it.

    >>> found = find_actors("The military government of Chad met the rebels.")
    >>> found[["actor", "text"]].values.tolist()
    [['Chad: government', 'government of Chad']]
    """
    raw = m.group("inst")
    base = m.start() + m.group().find(raw)
    label = gaz.institutions.get(_SPACES.sub(" ", raw).lower())
    for word in list(_WORD_RE.finditer(raw))[1:]:
        if gaz.institutions.get(_SPACES.sub(" ", raw[word.start() :]).lower()) == label:
            return base + word.start()
    return m.start()


def gazetteer_actors(article: Any, *, keep_places: bool = False) -> pd.DataFrame:
    """States, organisations and institutions named in ``data/gazetteer/`` (``gazetteer``).

    A demonym stands for its state ("the Russian criticism" is Russia); a description
    stands for its organisation ("the 27-nation bloc" is the EU); "the Armenian
    government" is the organisation ``Armenia: government``. A state named only as a place
    ("in Armenia", "Armenia's border") is left out unless ``keep_places`` is true.
    Capitals are left to :func:`metonymy_actors`.

    >>> found = gazetteer_actors("The 27-nation bloc and Georgia's Foreign Ministry met in Turkey.")
    >>> found[["actor", "text"]].values.tolist()
    [['EU', '27-nation bloc'], ['Georgia: Foreign Ministry', "Georgia's Foreign Ministry"]]
    """
    doc = _as_doc(article)
    gaz = load_gazetteer()
    matches = _gazetteer_matches(doc, gaz)
    spans = _Spans((s, e) for s, e, entry in matches if entry.kind == "state")
    found = _institution_candidates(doc, gaz)
    for start, end, entry in matches:
        if entry.role in ("capital", "seat", "people") or _historical_adjective(gaz, entry):
            continue
        if entry.kind == "state":
            role = "demonym" if entry.role == "demonym" else "name"
            if not keep_places and _place_reason(doc, start, end, role, spans):
                continue
        found.append(
            _candidate(entry.actor, entry.kind, start, end, "gazetteer", state=entry.state)
        )
    return _frame(doc, _resolve(found))


# --- Method 3: people by their titles ------------------------------------------------------


def _nameable(token: str, gaz: Gazetteer) -> bool:
    """Whether a capitalised word may be part of a personal name (not a state, title, ...).

    >>> gaz = load_gazetteer()
    >>> _nameable("Roe's", gaz), _nameable("Minister", gaz), _nameable("UN", gaz)
    (True, False, False)
    """
    return _nameable_in(token, _not_names(gaz))


def _nameable_in(token: str, not_names: tuple[frozenset[str], frozenset[str]]) -> bool:
    """:func:`_nameable`, given the words of :func:`_not_names`."""
    bare = token[:-2] if token.endswith("'s") else token[:-1] if token.endswith("'") else token
    if not bare or not bare[0].isupper() or bare.isupper():
        return False
    return bare not in not_names[0] and bare.lower() not in not_names[1]


@lru_cache(maxsize=4)
def _not_names(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """The words that are never part of a name: as written, and in lower case."""
    exact = _CAPITALISED_STOPWORDS | _CALENDAR_WORDS | frozenset(gaz.by_surface)
    return exact, _title_words(gaz) | frozenset(gaz.institutions)


@lru_cache(maxsize=4)
def _title_words(gaz: Gazetteer) -> frozenset[str]:
    words = {w.lower().rstrip(".") for t in gaz.titles for w in t.split()}
    return frozenset(words | {t.lower() for t in gaz.titles} | {"minister", "ministry"})


def _scan_name(
    norm: str, pos: int, gaz: Gazetteer, *, direction: int = 1
) -> tuple[int, int] | None:
    """The span of a personal name that starts at ``pos`` (1 to 4 capitalised words)."""
    if direction < 0:  # a name that ends at pos: "Armen Grigoryan, secretary of ..."
        tokens = list(_WORD_RE.finditer(norm[max(0, pos - 80) : pos]))
        base = max(0, pos - 80)
        kept: list[re.Match[str]] = []
        for tok in reversed(tokens):
            following = kept[-1].start() + base if kept else pos
            if norm[tok.end() + base : following].strip() or not _nameable(tok.group(), gaz):
                break
            kept.append(tok)
            if len(kept) == 3:
                break
        if len(kept) < 2:
            return None
        return kept[-1].start() + base, kept[0].end() + base
    if not norm[pos : pos + 1].isupper():
        return None  # a name begins with a capital (_nameable_in)
    end, count, cursor, not_names = None, 0, pos, _not_names(gaz)
    while count < 4:
        m = _NAME_TOKEN.match(norm, cursor)
        if not m:
            break
        token = m.group()
        if count and token.lower() in _NAME_PARTICLES:  # "Ana de la Paz", "Ali bin Said"
            nxt = _NAME_TOKEN.match(norm, m.end() + 1)
            particle = nxt is not None and nxt.group().lower() in _NAME_PARTICLES
            if (
                norm[m.end() : m.end() + 1] == " "
                and nxt
                and (nxt.group()[0].isupper() or particle)
            ):
                cursor = m.end() + 1
                continue
            break
        if not _nameable_in(token, not_names):
            break
        end = m.end() - (2 if token.endswith("'s") else 0)
        count += 1
        if norm[m.end() : m.end() + 1] != " ":
            break
        cursor = m.end() + 1
    return (pos, end) if end else None


@dataclass
class _Title:
    """A title found in the text and what stands around it."""

    start: int
    end: int
    left: int
    right: int
    state: str = ""
    affiliation: str = ""


def _title_spans(doc: _Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Where titles stand: the listed ones and "<Word> Minister" forms."""
    pats = _patterns(gaz)
    titles = [(m.start(), m.end()) for m in pats["title"].finditer(doc.norm, doc.words)]
    minister = pats["minister"].finditer(doc.norm) if "Minister" in doc.words.exact else ()
    for m in minister:
        start = m.start()
        for word in _CAPITAL_WORD.finditer(m.group()):
            bare = word.group().strip()
            if bare in gaz.by_surface or bare.lower() in _TITLE_MODIFIERS:
                start = m.start() + word.end()
            else:
                break
        titles.append((start, m.end()))
    return sorted(set(titles))


def _last_word(norm: str, stop: int, reach: int = 120) -> re.Match[str] | None:
    """The word (letters, digits, ".", "'", "-") before the spaces that end at ``stop``,
    within ``reach`` characters; None if no space stands right before ``stop``.

    >>> _last_word("the former  Minister", 12).group(1)
    'former'
    """
    span = _word_before(norm, stop, reach)
    return None if span is None else _LAST_WORD.match(norm, span[0], stop)


def _word_before(norm: str, stop: int, reach: int = 120) -> tuple[int, int] | None:
    """The span of :func:`_last_word`'s word. A short stretch is read first; the long one
    only when the word may begin before it.

    >>> _word_before("the former  Minister", 12)
    (4, 10)
    """
    base = max(0, stop - reach)
    short = max(base, stop - 40)
    span = _word_span(norm, short, stop)
    if short > base and (span is None or span[0] == short):
        span = _word_span(norm, base, stop)
    return span


def _word_span(norm: str, low: int, stop: int) -> tuple[int, int] | None:
    """Where ``_LAST_WORD.search(norm, low, stop)`` would find its word: the word
    characters (letters, digits, "_", ".", "'", "-") right before the spaces that end at
    ``stop``, not before ``low``; None if there are no such spaces or no such word.

    >>> _word_span("the former  Minister", 0, 12), _word_span("the former", 0, 10)
    ((4, 10), None)
    >>> _word_span("to Zoë  Roe", 0, 8), _word_span("  x", 1, 3)
    ((3, 6), None)
    """
    if stop <= low or not norm[stop - 1].isspace():  # str.isspace is what \s matches
        return None
    head = norm[low:stop].rstrip()
    word = head.rstrip(_ASCII_WORD_CHARS)
    start = low + len(word)
    if word and not word[-1].isascii():  # a letter beyond ASCII may go on with the word
        while start > low and (norm[start - 1].isalnum() or norm[start - 1] in "_.'-"):
            start -= 1
    return (start, low + len(head)) if start < low + len(head) else None


_ASCII_WORD_CHARS = string.ascii_letters + string.digits + "_.'-"


def _title_left(norm: str, title: _Title, owners: dict, institutions: dict) -> None:
    """Extend a title to the left over modifiers and an affiliation ("former Russian",
    "the group's chief", "a former rebel")."""
    for _ in range(6):
        span = _word_before(norm, title.left)
        if span is None:
            return
        w_start, w_end = span
        inst = institutions.get(w_end) or institutions.get(w_end - 2)
        owner = owners.get(w_end) or owners.get(w_end - 2)
        word = norm[w_start:w_end]
        if inst and not title.affiliation:
            title.affiliation, title.state = inst.actor, dict(inst.info)["state"]
            title.left = inst.start
        elif owner and not title.affiliation:
            title.affiliation, title.state, title.left = owner[1].actor, owner[1].state, owner[0]
        elif word.lower() in _TITLE_MODIFIERS or _describes(word):
            title.left = w_start
        else:
            return


def _describes(word: str) -> bool:
    """A lower-case word that may describe a title: "rebel", "longtime", "the group's"."""
    return (
        word[:1].islower()
        and word.lower() not in _FUNCTION_WORDS
        and not word.endswith(("ed", "ing", "ly"))
        and "." not in word
    )


def _title_right(norm: str, title: _Title, owners: dict, institutions: dict) -> None:
    """Extend a title to the right: "to Armenia", "of the Security Council"."""
    ext = _TITLE_OF.match(norm[title.end : title.end + 40])
    if not ext:
        return
    at = title.end + ext.end()
    owner_here = owners.get(("start", at))
    inst_here = institutions.get(("start", at))
    if inst_here is not None:  # "spokesman for Estonia's Defense Ministry"
        title.right = inst_here.end
        title.state = title.state or dict(inst_here.info)["state"]
        title.affiliation = title.affiliation or inst_here.actor
    elif owner_here is not None:
        title.right = owner_here[2]
        owned = _OWNED_BEFORE_COMMA.match(norm, title.right, title.right + 60)
        if owned:  # "spokesman for the Taliban's interior ministry, Jane Roe"
            title.right = owned.end()
        if not title.state and owner_here[1].kind == "state":
            title.state = owner_here[1].state
        title.affiliation = title.affiliation or owner_here[1].actor
    else:
        caps = _CAPITALISED_RUN.match(norm[at : at + 200])
        if caps:
            title.right = at + len(caps.group().rstrip())


def _person(doc: _Doc, span: tuple[int, int], claim: tuple[int, int], title: _Title) -> _Candidate:
    return _candidate(
        norm_name(doc.text[span[0] : span[1]]),
        "person",
        span[0],
        span[1],
        "title",
        claim,
        state=title.state,
        title=doc.text[title.start : title.end],
        affiliation=title.affiliation,
    )


def _names_after(doc: _Doc, gaz: Gazetteer, title: _Title) -> list[_Candidate]:
    """The name after a title, and after a plural title the names of its list:
    "Foreign Minister Ivan Petrov", "Prime Ministers Ann Lee and Omar Sayed"."""
    norm, right = doc.norm, title.right
    gap = _NAME_GAP.match(norm[right : right + 20])
    if not gap or norm[right - 1] in "'":
        return []
    span = _scan_name(norm, right + gap.end(), gaz)
    if not span or (gap.group().strip() == "," and _count_words(norm, span) < 2):
        return []
    if right > title.end and gap.group().strip() != ",":
        return []  # "head of the Security Council Ivan Petrov": unsure
    found = [_person(doc, span, (min(title.left, span[0]), max(right, span[1])), title)]
    plural = _PLURAL.search(norm[title.start : title.end])
    while plural:
        more = _LIST_SEPARATOR.match(norm[span[1] : span[1] + 10])
        nxt = _scan_name(norm, span[1] + more.end(), gaz) if more else None
        if nxt is None:
            break
        span = nxt
        found.append(_person(doc, span, span, title))
    return found


def _name_before(doc: _Doc, gaz: Gazetteer, title: _Title) -> list[_Candidate]:
    """A name before its title: "Ann Lee, the group's chief negotiator"."""
    base = max(0, title.left - 40)
    if doc.norm.find(",", base, title.left) == -1:  # the apposition begins with a comma
        return []
    before = _APPOSITION_BEFORE.search(doc.norm[base : title.left])
    span = _scan_name(doc.norm, base + before.start(), gaz, direction=-1) if before else None
    return [_person(doc, span, (span[0], title.right), title)] if span else []


#: What may follow a name found after a speech verb: the end of its clause.
_CLAUSE_AFTER_NAME = re.compile(r"\s*(?:[,.;:!?)]|$)")
#: The rest of a title phrase, in words only, up to the comma before a name in apposition:
#: "minister [of state for foreign affairs], Jane Roe,".
_TITLE_PHRASE = re.compile(r"((?:\s++[\w'-]++){1,6}),\s+")  # possessive: no word is cut
_PREPOSITIONS = frozenset(["of", "for", "to", "at", "in", "with", "on"])


def _name_after_phrase(doc: _Doc, gaz: Gazetteer, title: _Title) -> list[_Candidate]:
    """A name in apposition after a whole title phrase: "the minister of state for foreign
    affairs, Jane Roe, said", "a spokesman for the Vesland interior ministry, Omar Sayed,".

    The phrase is a few words with no punctuation, begun by a preposition (or already
    extended by its owner); the name has two words or more and is closed by a comma.

    >>> doc = _as_doc("Kalonia's minister of state for trade, Jane Roe, said no.")
    >>> gaz = load_gazetteer()
    >>> [c.actor for t in _title_spans(doc, gaz) for c in _name_after_phrase(doc, gaz,
    ...  _Title(*t, *t))]
    ['Jane Roe']
    """
    norm = doc.norm
    phrase = _TITLE_PHRASE.match(norm, title.right)
    if phrase is None:
        return []
    first = phrase.group(1).split()[0].lower()
    if title.right == title.end and first not in _PREPOSITIONS:
        return []
    span = _scan_name(norm, phrase.end(), gaz)
    if span is None or _count_words(norm, span) < 2 or norm[span[1] : span[1] + 1] != ",":
        return []
    return [_person(doc, span, (title.left, span[1]), title)]


def _speech_candidates(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    """People named right after a speech verb, with no title: "..., said Jane Roe, who ...",
    "according to Omar Sayed." (rule ``speech verb``, reported with the method ``title``).

    The name has two words or more and ends its clause, so that "said Kalonia would" and
    "said Western diplomats" name nobody.

    >>> doc = _as_doc("Talks failed, said Jane Roe, who leads the team. Roe left.")
    >>> [(c.actor, dict(c.info)["rule"]) for c in _speech_candidates(doc, load_gazetteer())]
    [('Jane Roe', 'speech verb')]
    """
    found = []
    for m in _patterns(gaz)["speech"].finditer(doc.norm, doc.words):
        span = _scan_name(doc.norm, m.end(), gaz)
        if span is None or _count_words(doc.norm, span) < 2:
            continue
        if not _CLAUSE_AFTER_NAME.match(doc.norm, span[1]):
            continue
        name = norm_name(doc.text[span[0] : span[1]])
        found.append(_candidate(name, "person", span[0], span[1], "title", rule="speech verb"))
    return found


# --- People with no title: a name before a speech verb or before a description ------------


@lru_cache(maxsize=4)
def _verb_after_name(gaz: Gazetteer) -> re.Pattern[str]:
    """A speech verb (from speech_verbs.csv) right after a name: "Jane Roe said", "... told"."""
    verbs = sorted((v for v in gaz.speech_verbs if " " not in v), key=len, reverse=True)
    return re.compile(r"(?<=[^\W\d_]) (?:" + "|".join(map(re.escape, verbs)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns that describe a person in an appositive (data/gazetteer/person_nouns.csv)."""
    return frozenset(
        r["noun"].strip().lower() for r in _read_csv(_gazetteer_dir(), "person_nouns.csv")
    )


_APPOSITIVE = re.compile(
    r", (?:a|an|the|[A-Z][\w-]*'s?|his|her|their) ((?:[a-z][\w-]* ){0,3}[a-z][\w-]*)\b"
)
_OPENS_CLAUSE = re.compile(r"(?:^|[.!?\"'\n]\s*|, )$")


def _starts_clause(doc: _Doc, start: int) -> bool:
    """True if ``start`` opens a sentence or follows a comma (and is not in a headline)."""
    sentence = bisect.bisect_right(doc.starts, start) - 1
    if sentence >= 0 and doc.ids[sentence] in doc.headline:
        return False  # in Title Case every word is capitalised: capitals prove nothing
    low = doc.starts[sentence] if sentence >= 0 else 0
    return bool(_OPENS_CLAUSE.search(doc.norm[max(low, start - 3) : start])) or start == low


def _plain_name(doc: _Doc, gaz: Gazetteer, span: tuple[int, int] | None) -> bool:
    """A two- or three-word name that opens its clause and holds no word of a group or an
    institution ("Vesland Border Guards said" names nobody)."""
    if span is None or not 2 <= _count_words(doc.norm, span) <= 3:
        return False
    nouns = _not_in_plain_names(gaz)
    words = doc.norm[span[0] : span[1]].lower().split()
    if any(w in nouns or w.rstrip("s") in nouns for w in words):
        return False
    return _starts_clause(doc, span[0]) and not _holds_gazetteer_name(doc, gaz, span)


@lru_cache(maxsize=4)
def _not_in_plain_names(gaz: Gazetteer) -> frozenset[str]:
    """The words of groups, institutions and titles, in lower case: no plain name holds one."""
    return _group_nouns(gaz) | _title_words(gaz)


@lru_cache(maxsize=4)
def _group_nouns(gaz: Gazetteer) -> frozenset[str]:
    """The nouns of groups and institutions, in lower case ("troops", "foreign ministry")."""
    return frozenset({g.lower() for g in gaz.groups} | set(gaz.institutions))


def _described_person(doc: _Doc, span: tuple[int, int]) -> bool:
    """True if ", a former police officer", ", the group's spokesman" follows the name."""
    m = _APPOSITIVE.match(doc.norm, span[1])
    return m is not None and any(w in _person_nouns() for w in m.group(1).split())


def _holds_gazetteer_name(doc: _Doc, gaz: Gazetteer, span: tuple[int, int]) -> bool:
    """True if a state, an organisation or a place of the gazetteer overlaps ``span``
    ("South Korea said" is the state speaking, not a person)."""
    matches = _gazetteer_matches(doc, gaz)  # sorted by start
    index = bisect.bisect_left(matches, (span[1],))
    return any(s < span[1] and span[0] < e for s, e, _ in matches[max(0, index - 8) : index])


def _part_of_known(name: str, known: Iterable[_Candidate]) -> bool:
    """True if ``name`` is a run of words inside a longer name already found ("Al Kalon" in
    "Omar bin Said Al Kalon"): such a mention is left to the surname method.

    >>> known = [_candidate("Omar bin Said Al Kalon", "person", 0, 22, "title")]
    >>> _part_of_known("Al Kalon", known), _part_of_known("Omar Kalon", known)
    (True, False)
    """
    padded = f" {name} "
    return any(c.kind == "person" and c.actor != name and padded in f" {c.actor} " for c in known)


def _verbs_after_names(doc: _Doc, gaz: Gazetteer) -> list[int]:
    """Where :func:`_verb_after_name` matches (the space before the verb), found from the
    words of the text: a verb that is a whole word, after a space and a letter.

    >>> text, gaz = "Jane Roe said, and 5 said; she said-so. Roe told", load_gazetteer()
    >>> _verbs_after_names(_as_doc(text), gaz), text[8:13], text[43:48]
    ([8, 43], ' said', ' told')
    >>> [m.start() for m in _verb_after_name(gaz).finditer(text)]
    [8, 43]
    """
    verbs = _one_word_verbs(gaz)
    if verbs is None:  # a verb with a hyphen or a quote
        return [m.start() for m in _verb_after_name(gaz).finditer(doc.norm)]
    norm, found = doc.norm, []
    for verb in verbs:
        after = len(verb)
        for start in doc.words.exact.get(verb, ()):
            if (
                start >= 2
                and norm[start - 1] == " "
                and _LETTER.match(norm, start - 2)
                and norm[start + after : start + after + 1] != "-"
            ):
                found.append(start - 1)
    return sorted(found)


@lru_cache(maxsize=4)
def _one_word_verbs(gaz: Gazetteer) -> frozenset[str] | None:
    """The speech verbs of one word (None if one of them holds more than letters and digits)."""
    verbs = [v for v in gaz.speech_verbs if " " not in v]
    return frozenset(verbs) if all(_WORD_RUN.fullmatch(v) for v in verbs) else None


_LETTER = re.compile(r"[^\W\d_]")
#: A character that no run of capitalised words (``_CAPITALISED_WORDS``) holds.
_RUN_BREAK = re.compile(r"[^\w' -]")


def _runs_before_appositives(doc: _Doc) -> Iterator[re.Match[str]]:
    """The runs of capitalised words (``_CAPITALISED_WORDS``) that end right before an
    appositive describing a person (:func:`_described_person`), as a scan of the whole text
    finds them; only the stretch between the appositive and the character before it that no
    run can hold is scanned.

    >>> doc = _as_doc("Talks, then Sam Kay, a former police officer, left. Ann Lee, the tree.")
    >>> [m.group() for m in _runs_before_appositives(doc)]
    ['Sam Kay']
    """
    norm = doc.norm
    for appositive in _APPOSITIVE.finditer(norm):
        if not any(w in _person_nouns() for w in appositive.group(1).split()):
            continue
        end = appositive.start()
        runs = list(_CAPITALISED_WORDS.finditer(norm, _after_break(norm, end), end))
        last = runs[-1] if runs else None
        if last is not None and last.end() == end:
            yield last


def _after_break(norm: str, end: int) -> int:
    """The position after the last character before ``end`` that no run of capitalised
    words holds (0 if there is none).

    >>> _after_break("Talks, then Sam Kay", 19)
    6
    """
    low = end
    while low > 0:
        base = max(0, low - 200)
        breaks = list(_RUN_BREAK.finditer(norm, base, low))
        if breaks:
            return breaks[-1].end()
        low = base
    return 0


def _untitled_people(
    doc: _Doc, gaz: Gazetteer, known: Sequence[_Candidate] = ()
) -> list[_Candidate]:
    """People named with no title: a name that opens its clause right before a speech verb
    (rule ``name before speech verb``) or before an appositive that describes a person (rule
    ``appositive``); both are reported with the method ``title``.

    >>> doc = _as_doc("Talks stalled. Jane Roe told reporters. Sam Kay, a former police officer,"
    ...               " agreed.")
    >>> [(c.actor, dict(c.info)["rule"]) for c in _untitled_people(doc, load_gazetteer())]
    [('Jane Roe', 'name before speech verb'), ('Sam Kay', 'appositive')]
    """
    found = []
    for verb_start in _verbs_after_names(doc, gaz):
        span = _scan_name(doc.norm, verb_start, gaz, direction=-1)
        if span is not None and _plain_name(doc, gaz, span):
            name = norm_name(doc.text[span[0] : span[1]])
            if _part_of_known(name, known):
                continue
            found.append(
                _candidate(
                    name, "person", span[0], span[1], "title", rule="name before speech verb"
                )
            )
    for m in _runs_before_appositives(doc):
        span = _scan_name(doc.norm, m.start(), gaz)
        if span is None or span[1] != m.end() or not _plain_name(doc, gaz, span):
            continue
        name = norm_name(doc.text[span[0] : span[1]])
        if not _part_of_known(name, known):
            found.append(_candidate(name, "person", span[0], span[1], "title", rule="appositive"))
    return found


def _title_candidates(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    """People found by a title before or after their name, or after a speech verb."""
    owners: dict = {}
    for s, e, entry in _gazetteer_matches(doc, gaz):
        owners[e] = (s, entry)
        owners[("start", s)] = (s, entry, e)
    # institutions inside a title: "the Moldovan Foreign Ministry spokeswoman X"
    institutions: dict = {}
    for c in _institution_candidates(doc, gaz):
        institutions[c.end] = c
        institutions[("start", c.start)] = c
    found: list[_Candidate] = []
    for t_start, t_end in _title_spans(doc, gaz):
        title = _Title(t_start, t_end, t_start, t_end)
        _title_left(doc.norm, title, owners, institutions)
        _title_right(doc.norm, title, owners, institutions)
        found += (
            _names_after(doc, gaz, title)
            or _name_before(doc, gaz, title)
            or _name_after_phrase(doc, gaz, title)
        )
    found += _speech_candidates(doc, gaz)
    return _merge_people(found + _untitled_people(doc, gaz, found))  # "Jane Roe said"


def _count_words(norm: str, span: tuple[int, int]) -> int:
    return len(norm[span[0] : span[1]].split())


def norm_name(name: str) -> str:
    """A person's canonical name: spaces tidied, curly apostrophes folded.

    >>> norm_name("Dmytro  Kuleba")
    'Dmytro Kuleba'
    """
    return _SPACES.sub(" ", fold_quotes(name)).strip()


def _merge_people(found: list[_Candidate]) -> list[_Candidate]:
    """Give "Putin" (from "President Putin") the full name "Vladimir Putin" if one is known
    (the longest full name that ends with the word; of two as long, the first in order).
    A family name that begins with a particle is merged the same way: "Al Kalon" (from
    "said Al Kalon") is "Omar bin Rashid Al Kalon" when that name was found.

    >>> found = [_candidate("Omar bin Rashid Al Kalon", "person", 0, 24, "title"),
    ...          _candidate("Al Kalon", "person", 40, 48, "title"),
    ...          _candidate("Rashid Al Kalon", "person", 60, 75, "title")]
    >>> [c.actor for c in _merge_people(found)]
    ['Omar bin Rashid Al Kalon', 'Omar bin Rashid Al Kalon', 'Rashid Al Kalon']
    """
    names = {c.actor for c in found}
    by_tail: dict[str, list[str]] = {}
    for name in names:
        for tail in _family_names(name):
            by_tail.setdefault(tail, []).append(name)
    full = {name: max(sorted(by_tail[name]), key=len) for name in names if name in by_tail}
    return [_replace_actor(c, full.get(c.actor, c.actor)) for c in found]


def _family_names(name: str) -> list[str]:
    """The shorter forms a later mention may give of a name: its last word, and the last
    word with each run of particles before it ("Paz", "la Paz", "de la Paz" of "Ana de la
    Paz"), shortest first.

    >>> _family_names("Ana de la Paz"), _family_names("Omar bin Said Al Kalon")
    (['Paz', 'la Paz', 'de la Paz'], ['Kalon', 'Al Kalon'])
    >>> _family_names("Roe")
    []
    """
    words = name.split(" ")
    if len(words) < 2:
        return []
    forms = [words[-1]]
    index = len(words) - 2
    while index > 0 and words[index].lower() in _NAME_PARTICLES:
        forms.append(" ".join(words[index:]))
        index -= 1
    return forms


def _replace_actor(c: _Candidate, actor: str) -> _Candidate:
    return _Candidate(actor, c.kind, c.start, c.end, c.method, c.claim, c.info)


def title_actors(article: Any) -> pd.DataFrame:
    """People found by a title or role before or after their name (method ``title``).

    The person's country, when the title gives one, is kept for :func:`actor_table`.

    >>> text = ("Ukrainian Foreign Minister Dmytro Kuleba met his Georgian counterpart "
    ...         "Ilia Darchiashvili.")
    >>> title_actors(text)[["actor", "text"]].values.tolist()
    [['Dmytro Kuleba', 'Dmytro Kuleba'], ['Ilia Darchiashvili', 'Ilia Darchiashvili']]
    """
    doc = _as_doc(article)
    return _frame(doc, _resolve(_title_candidates(doc, load_gazetteer())))


# --- Method 4: surnames --------------------------------------------------------------------


def _surname_candidates(doc: _Doc, people: Sequence[_Candidate]) -> list[_Candidate]:
    """Later mentions of the people found: the full name, the last word of it ("Roe"), and
    the first word where that is safe (:func:`_first_word_is_safe`)."""
    found = []
    persons = {c.actor: c for c in people}
    names = [name.split() for name in persons]
    shared = Counter(n[0] for n in names) + Counter(n[-1] for n in names)
    for person in persons.values():
        parts = person.actor.split()
        surname = parts[-1]
        spans = _phrase_spans(doc, (person.actor, *_particle_surnames(parts), surname))
        if _first_word_is_safe(doc, parts, shared, load_gazetteer()):
            # "Abiy" for Abiy Ahmed, "Guo" for Guo Wenjie: not when a capitalised word
            # follows, for then it begins a longer name
            spans += _phrase_spans(doc, (parts[0],), before_name=False)
        for start, end in spans:
            found.append(
                _candidate(person.actor, "person", start, end, "surname", **dict(person.info))
            )
    return found


def _particle_surnames(parts: list[str]) -> list[str]:
    """The last word of a name with the particles before it, as written and with a capital
    (at the start of a sentence): "de la Paz" and "De la Paz", "Al Kalon". None if no
    particle stands before the last word.

    >>> _particle_surnames("Ana de la Paz".split()), _particle_surnames(["Jane", "Roe"])
    (['de la Paz', 'De la Paz'], [])
    """
    forms = _family_names(" ".join(parts))
    if len(forms) < 2:
        return []
    longest = forms[-1]
    return list(dict.fromkeys([longest, longest[0].upper() + longest[1:]]))


_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _phrase_spans(
    doc: _Doc, phrases: Sequence[str], *, before_name: bool = True
) -> list[tuple[int, int]]:
    r"""Where one of ``phrases`` (names, the first that fits) stands as whole words, not
    inside a word or a hyphenated compound, left to right and not overlapping; with
    ``before_name=False``, not where a capitalised word follows. The same as the pattern
    ``(?<![\w-])(?:phrase|phrase)(?![\w-])`` (``(?!\s+[A-Z])``) tried where the first
    words of the phrases stand, with no pattern to compile for each name.

    >>> doc = _as_doc("Ann Lee met Lee. Leeds, Lee-Smith, Lee Kay.")
    >>> _phrase_spans(doc, ["Ann Lee", "Lee"]), _phrase_spans(doc, ["Lee"], before_name=False)
    ([(0, 7), (12, 15), (35, 38)], [(4, 7), (12, 15)])
    >>> [m.span() for m in re.finditer(r"(?<![\w-])Lee(?![\w-])(?!\s+[A-Z])", doc.norm)]
    [(4, 7), (12, 15)]
    """
    norm = doc.norm
    starts: set[int] = set()
    for phrase in phrases:
        first = _WORD_RUN.match(phrase)
        starts.update(doc.words.exact.get(first.group(), ()) if first else ())
    found: list[tuple[int, int]] = []
    last = 0
    for pos in sorted(starts):
        if pos < last or (pos and _WORD_OR_HYPHEN.match(norm, pos - 1)):
            continue
        for phrase in phrases:
            end = pos + len(phrase)
            if (
                norm.startswith(phrase, pos)
                and not _WORD_OR_HYPHEN.match(norm, end)
                and (before_name or not _CAPITAL_AFTER.match(norm, end))
            ):
                found.append((pos, end))
                last = end
                break
    return found


def _first_word_is_safe(doc: _Doc, parts: list[str], shared: Counter, gaz: Gazetteer) -> bool:
    """Whether a bare mention of the first word of a name found earlier is that person.

    Some naming cultures put the family name first ("Guo Wenjie" is later "Guo"); in others
    people have no family name and are known by the given name ("Abiy Ahmed" is later
    "Abiy"). The first word counts when it could be no one and nothing else: the name has
    two words or more; the word is no particle, state, organisation, title or common word
    (it is never written in lower case in the text); and no other person found shares it
    (``shared`` counts the first and last words of every person found).

    >>> doc = _as_doc("Minister Guo Wenjie spoke. Guo left. Envoy Will Ames said he will go.")
    >>> shared = Counter(["Guo", "Wenjie", "Will", "Ames"])
    >>> gaz = load_gazetteer()
    >>> _first_word_is_safe(doc, ["Guo", "Wenjie"], shared, gaz)
    True
    >>> _first_word_is_safe(doc, ["Will", "Ames"], shared, gaz)
    False
    >>> _first_word_is_safe(doc, ["Guo", "Wenjie"], shared + Counter(["Guo"]), gaz)
    False
    """
    first = parts[0]
    if len(parts) < 2 or len(first) < 2 or first.lower() in _NAME_PARTICLES:
        return False
    if not _nameable(first, gaz) or first.lower() in doc.words.exact:
        return False
    own = 1 + (parts[-1] == first)  # this person's own first and last words
    return shared[first] <= own


def surname_actors(article: Any) -> pd.DataFrame:
    """Later mentions of people found by :func:`title_actors` (method ``surname``).

    "Lavrov said" is resolved to the full name the title pattern found. The mentions that
    the title pattern itself found are not repeated here.

    >>> text = "Georgian Prime Minister Irakli Garibashvili spoke. Garibashvili's aides left."
    >>> surname_actors(text)[["actor", "text"]].values.tolist()
    [['Irakli Garibashvili', 'Garibashvili']]
    """
    doc = _as_doc(article)
    people = _title_candidates(doc, load_gazetteer())
    claimed = [c.claim for c in people]
    later = [
        c
        for c in _surname_candidates(doc, people)
        if not any(s < c.end and c.start < e for s, e in claimed)
    ]
    return _frame(doc, later)


# --- Method 5: metonymy --------------------------------------------------------------------


def _metonymy_candidates(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    matches = _gazetteer_matches(doc, gaz)
    spans = _Spans((s, e) for s, e, entry in matches if entry.kind == "state")
    found = []
    for start, end, entry in matches:
        if entry.role not in ("capital", "seat"):
            continue
        if _place_reason(doc, start, end, "capital", spans):
            continue
        found.append(_candidate(entry.actor, entry.kind, start, end, "metonymy", state=entry.state))
    return found


def metonymy_actors(article: Any) -> pd.DataFrame:
    """Capitals that act for their state (method ``metonymy``); capitals as places are skipped.

    >>> text = "Tbilisi protested. Talks in Baku failed, prompting criticism from Ankara."
    >>> metonymy_actors(text)[["actor", "text"]].values.tolist()
    [['Georgia', 'Tbilisi'], ['Turkey', 'Ankara']]
    """
    doc = _as_doc(article)
    return _frame(doc, _metonymy_candidates(doc, load_gazetteer()))


# --- Method 6: groups ----------------------------------------------------------------------


def _group_candidates(doc: _Doc, gaz: Gazetteer) -> list[_Candidate]:
    found = []
    for m in _patterns(gaz)["group"].finditer(doc.norm, doc.words):
        owner = m.group("owner")
        mods = m.group("mods").split()
        if _ethnic(doc.norm, m.start()):
            continue  # "ethnic Armenian forces" are not the state's forces
        nouns = _group_nouns(gaz)
        if any(w in _FUNCTION_WORDS or w in nouns or w.endswith("ed") for w in mods):
            continue  # "Georgian police detained protesters" is not one group
        if mods and not owner.endswith(("'s", "'")) and _owner_state(gaz, owner):
            entry = gaz.by_surface.get(owner)
            if entry is not None and entry.role != "demonym":
                continue  # "Yerevan has accused Russian peacekeepers" is not one group
        iso3 = _owner_state(gaz, owner)
        entry = gaz.by_surface.get(_SPACES.sub(" ", owner))
        if iso3:
            head = _state_name(gaz, iso3)
        elif entry is not None and entry.kind == "organization":
            head, iso3 = entry.actor, ""
        else:
            continue
        noun = _SPACES.sub(" ", m.group("noun"))
        noun = noun if noun.isupper() else noun.lower()
        found.append(
            _candidate(f"{head}: {noun}", "group", m.start(), m.end(), "group", state=iso3)
        )
    # a people noun ("five Iranians") names people by nationality alone: no mention
    return found


def group_actors(article: Any) -> pd.DataFrame:
    """Unnamed collectives that belong to a state or an organisation (method ``group``).

    The canonical name is "<state or organisation>: <noun>".

    >>> found = group_actors("Senior Ukrainian officials said NATO members met Russia's troops.")
    >>> found[["actor", "text"]].values.tolist()
    [['Ukraine: officials', 'Ukrainian officials'], ['NATO: members', 'NATO members'], \
['Russia: troops', "Russia's troops"]]
    """
    doc = _as_doc(article)
    return _frame(doc, _resolve(_group_candidates(doc, load_gazetteer())))


# --- All together ------------------------------------------------------------------------


_PRIORITY_ORDER = {method: index for index, method in enumerate(_PRIORITY)}


def _rank(c: _Candidate) -> tuple[Any, ...]:
    """The order in which :func:`_resolve` considers candidates: the longest claim first."""
    order = _PRIORITY_ORDER.get(c.method, len(_PRIORITY))
    # the rest only breaks ties, so that the result never depends on the order of a set:
    # the fuller title wins ("Deputy Prime Minister" over "Prime Minister")
    title = 0
    for key, value in c.info:
        if key == "title":
            title = len(value)
            break
    return (c.claim[0] - c.claim[1], order, c.start, -title, c.end, c.actor, c.info)


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep the longest claims; drop any candidate that overlaps one already kept.

    >>> a = _candidate("Jane Roe", "person", 0, 8, "title")
    >>> b = _candidate("Roe", "person", 5, 8, "surname")
    >>> c = _candidate("Kalonia", "state", 9, 16, "gazetteer")
    >>> [x.actor for x in _resolve([b, c, a])]
    ['Jane Roe', 'Kalonia']
    """
    ordered = sorted(set(candidates), key=_rank)
    if any(c.claim[1] <= c.claim[0] for c in ordered):
        return _resolve_sorted(ordered)
    # every claim is at least as long as those after it and the kept ones never overlap,
    # so a candidate overlaps a kept claim exactly when one of its characters is taken
    taken = bytearray(max((c.claim[1] for c in ordered), default=0))
    kept: list[_Candidate] = []
    for cand in ordered:
        start, end = cand.claim
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(cand)
    return kept


def _resolve_sorted(ordered: list[_Candidate]) -> list[_Candidate]:
    """:func:`_resolve` over ranked candidates, some of whose claims are empty."""
    kept: list[_Candidate] = []
    claims: list[tuple[int, int]] = []  # the kept claims, sorted: they never overlap
    for cand in ordered:
        start, end = cand.claim
        index = bisect.bisect_left(claims, (end, end))
        if any(s < end and start < e for s, e in claims[max(0, index - 2) : index + 1]):
            continue
        bisect.insort(claims, (start, end))
        kept.append(cand)
    return kept


def find_actors(article: Any, *, methods: Sequence[str] | None = None) -> pd.DataFrame:
    """Run the actor methods together (default :data:`METHODS`); the longest span wins.

    "Russian Foreign Minister Sergei Lavrov" is one ``person`` mention ("Sergei Lavrov"):
    the title and the demonym in it describe the person and are not mentions of their own.

    >>> text = "Russian Foreign Minister Sergei Lavrov spoke in Yerevan. Lavrov criticized Baku."
    >>> find_actors(text)[["actor", "text", "method"]].values.tolist()
    [['Sergei Lavrov', 'Sergei Lavrov', 'title'], ['Sergei Lavrov', 'Lavrov', 'surname'], \
['Azerbaijan', 'Baku', 'metonymy']]
    """
    chosen = tuple(METHODS if methods is None else methods)
    unknown = [m for m in chosen if m not in (*METHODS, "baseline")]
    if unknown:
        raise CourseError(
            f"unknown actor method(s) {', '.join(unknown)}: choose from "
            f"{', '.join((*METHODS, 'baseline'))}"
        )
    doc = _as_doc(article)
    gaz = load_gazetteer()
    candidates: list[_Candidate] = []
    people = _title_candidates(doc, gaz) if {"title", "surname"} & set(chosen) else []
    if "title" in chosen:
        candidates += people
    elif "surname" in chosen:  # block the titles themselves without reporting them
        candidates += [_replace_method(c, "_block") for c in people]
    if "surname" in chosen:
        candidates += _surname_candidates(doc, people)
    if "gazetteer" in chosen:
        matches = _gazetteer_matches(doc, gaz)
        spans = _Spans((s, e) for s, e, entry in matches if entry.kind == "state")
        candidates += _institution_candidates(doc, gaz)
        for start, end, entry in matches:
            if entry.role in ("capital", "seat", "people") or _historical_adjective(gaz, entry):
                continue
            role = "demonym" if entry.role == "demonym" else "name"
            if entry.kind == "state" and _place_reason(doc, start, end, role, spans):
                continue
            candidates.append(
                _candidate(entry.actor, entry.kind, start, end, "gazetteer", state=entry.state)
            )
    if "metonymy" in chosen:
        candidates += _metonymy_candidates(doc, gaz)
    if "group" in chosen:
        candidates += _group_candidates(doc, gaz)
    if "baseline" in chosen:
        base = baseline_actors(doc)
        candidates += [
            _candidate(r.actor, r.kind, r.start, r.end, "baseline") for r in base.itertuples()
        ]
    kept = [c for c in _resolve(candidates) if c.method != "_block"]
    return _frame(doc, kept)


def _replace_method(c: _Candidate, method: str) -> _Candidate:
    return _Candidate(c.actor, c.kind, c.start, c.end, method, c.claim, c.info)


# --- Summaries ------------------------------------------------------------------------------


def actor_summary(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: kind(s), number of mentions, first sentence, surface forms seen.

    >>> found = find_actors("Kyiv accused Moscow. Russia denied it. Ukraine insisted.")
    >>> actor_summary(found).values.tolist()
    [['Ukraine', 'state', 2, 0, ['Kyiv', 'Ukraine']], \
['Russia', 'state', 2, 0, ['Moscow', 'Russia']]]
    """
    missing = [c for c in ("actor", "kind", "text", "sentence") if c not in mentions.columns]
    if missing:
        raise CourseError(
            f"actor_summary needs the columns of find_actors; {', '.join(missing)} missing"
        )
    rows = []
    for actor, group in mentions.groupby("actor", sort=False):
        rows.append(
            {
                "actor": actor,
                "kind": ";".join(dict.fromkeys(group["kind"])),
                "mentions": len(group),
                "first_sentence": int(group["sentence"].min()),
                "aliases": sorted(set(group["text"].map(fold_quotes))),
            }
        )
    frame = pd.DataFrame(rows, columns=["actor", "kind", "mentions", "first_sentence", "aliases"])
    return frame.sort_values(["first_sentence", "mentions"], ascending=[True, False], kind="stable")


def actor_table(mentions_or_article: Any) -> pd.DataFrame:
    """What the patterns know about each actor: kind, state code, country, title, affiliation.

    Takes the mentions from :func:`find_actors` (or an article, which it runs through
    :func:`find_actors`). ``state`` is the ISO 3166 alpha-3 code of the person's or group's
    state when the text gives one ("Russian Foreign Minister" gives ``RUS``).

    >>> table = actor_table("Georgian Prime Minister Irakli Garibashvili met Armenian lawmakers.")
    >>> table[["actor", "kind", "state", "country", "title"]].values.tolist()
    [['Irakli Garibashvili', 'person', 'GEO', 'Georgia', 'Prime Minister'], \
['Armenia: lawmakers', 'group', 'ARM', 'Armenia', '']]
    """
    if isinstance(mentions_or_article, pd.DataFrame):
        mentions = mentions_or_article
    else:
        mentions = find_actors(mentions_or_article)
    gaz = load_gazetteer()
    info = mentions.attrs.get("actors", {})
    by_name = {s["name"]: iso3 for iso3, s in gaz.states.items()}
    rows = []
    for actor, group in mentions.groupby("actor", sort=False):
        record = info.get(actor, {})
        iso3 = record.get("state", "")
        if not iso3:
            iso3 = by_name.get(actor, "") or by_name.get(str(actor).split(":")[0], "")
            if not iso3 and actor in gaz.organizations:
                iso3 = gaz.organizations[actor]["state"]
        rows.append(
            {
                "actor": actor,
                "kind": group["kind"].iloc[0],
                "state": iso3,
                "country": _state_name(gaz, iso3) if iso3 else "",
                "title": record.get("title", ""),
                "affiliation": record.get("affiliation", ""),
                "methods": ";".join(dict.fromkeys(group["method"])),
            }
        )
    return pd.DataFrame(
        rows, columns=["actor", "kind", "state", "country", "title", "affiliation", "methods"]
    )
