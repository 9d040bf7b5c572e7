"""The event lexicon: trigger words, object and frame patterns, cue lists, function words.

Everything here is read from the CSV files in ``data/lexicons`` (see its README); no word
list lives in the code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from course_utils._paths import data_dir

#: PLOVER's 16 event types (Open Event Data Alliance, github.com/openeventdata/PLOVER).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# --- The lexicon -------------------------------------------------------------------------------

_VOWELS = set("aeiou")


def inflect(lemma: str, pos: str) -> set[str]:
    """Return the forms of a trigger word: verbs in -s, -ed, -ing; nouns and plurals.

    Spelling rules only; irregular forms ("met") are listed in the lexicon. Extra forms
    that English does not use ("visitted") do no harm: they never occur in a text.

    >>> sorted(inflect("cancel", "verb"))
    ['cancel', 'canceled', 'canceling', 'cancelled', 'cancelling', 'cancels']
    >>> sorted(inflect("deny", "verb"))
    ['denied', 'denies', 'deny', 'denying']
    >>> sorted(inflect("decline", "verb"))
    ['decline', 'declined', 'declines', 'declining']
    >>> sorted(inflect("clash", "noun"))
    ['clash', 'clashes']
    """
    word = lemma.lower()
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    elif word.endswith("y") and word[-2:-1] not in _VOWELS:
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    forms.add(plural)
    if pos != "verb":
        return forms
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing" if not word.endswith("ee") else word + "ing"}
    elif word.endswith("y") and word[-2:-1] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        cvc = (
            len(word) >= 3
            and word[-1] not in _VOWELS | set("wxy")
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        )
        if cvc:  # cancel → cancelled, expel → expelled, ban → banned
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class Lexicon:
    """The trigger words and cue lists, read from ``data/lexicons``."""

    #: surface form (lower case) -> list of (lemma, pos, event type, rest of a phrase)
    forms: dict[str, list[tuple[str, str, str, tuple[str, ...]]]]
    hedges: dict[str, tuple[str, str]]  # cue -> (kind, scope)
    attribution: dict[str, str]  # cue -> where the speaker is (before|after)
    cues: dict[str, set[str]] = field(default_factory=dict)  # kind -> cues
    #: surface form (lower case) -> list of (lemma, event type, object words) of the verbs
    #: that are triggers only with certain objects ("sent troops", "released prisoners")
    objects: dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]] = field(
        default_factory=dict
    )
    #: the frames of ``frames.csv``: trigger lemma -> list of :class:`Frame`
    frames: dict[str, list[Frame]] = field(default_factory=dict)
    #: surface form -> lemma of the verbs that are triggers only through a frame ("apply")
    frame_forms: dict[str, str] = field(default_factory=dict)

    def cue(self, kind: str) -> set[str]:
        """Return the cues of one kind in ``event_cues.csv`` (e.g. ``"negation"``)."""
        return self.cues.get(kind, set())


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle)
            if any((v or "").strip() for v in row.values())
        ]


@lru_cache(maxsize=8)
def load_lexicon(folder: str | Path | None = None) -> Lexicon:
    """Read the trigger lexicon and the cue lists from ``data/lexicons`` (or ``folder``).

    >>> lexicon = load_lexicon()
    >>> [entry[2] for entry in lexicon.forms["cancelled"]]
    ['REJECT']
    >>> sorted({entry[2] for entries in lexicon.forms.values() for entry in entries}) == sorted(
    ...     PLOVER_TYPES)
    True
    """
    base = Path(folder) if folder else data_dir() / "lexicons"
    forms: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {}
    for row in _read_csv(base / "plover_triggers.csv"):
        words = row["trigger"].lower().split()
        head, rest = words[0], tuple(words[1:])
        extra = {f.strip().lower() for f in row.get("forms", "").split(";") if f.strip()}
        for form in inflect(head, row["pos"]) | extra:
            forms.setdefault(form, []).append(
                (row["trigger"].lower(), row["pos"], row["event_type"].upper(), rest)
            )
    hedges = {row["cue"]: (row["kind"], row["scope"]) for row in _read_csv(base / "hedges.csv")}
    attribution = {row["cue"]: row["speaker"] for row in _read_csv(base / "attribution.csv")}
    cues: dict[str, set[str]] = {}
    for row in _read_csv(base / "event_cues.csv"):
        cues.setdefault(row["kind"], set()).add(row["cue"].lower())
    objects: dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]] = {}
    path = base / "object_triggers.csv"
    for row in _read_csv(path) if path.exists() else []:
        verb = row["verb"].lower()
        wanted = tuple(tuple(o.lower().split()) for o in row["objects"].split(";") if o.strip())
        extra = {f.strip().lower() for f in row.get("forms", "").split(";") if f.strip()}
        for form in inflect(verb, "verb") | extra:
            objects.setdefault(form, []).append((verb, row["event_type"].upper(), wanted))
    frames = _read_frames(base)
    frame_forms = {
        form: lemma
        for lemma in frames
        for form in inflect(lemma, "verb")
        if not any(e[1] == "verb" and not e[3] for e in forms.get(form, []))
    }
    return Lexicon(forms, hedges, attribution, cues, objects, frames, frame_forms)


@dataclass(frozen=True)
class Frame:
    """One row of ``frames.csv``: a trigger in a voice, with a polarity or a modality and
    perhaps a preposition, gives a PLOVER type, and names the slots of actor and recipient.

    ``voice`` is ``active``, ``passive`` or ``any``; ``polarity`` ``positive``,
    ``negated`` or ``any``; ``modality`` ``plain``, ``modal`` or ``any``; ``prep`` a
    preposition that must follow the trigger's object ("" for any). The slots are
    ``subject``, ``object``, ``by``, ``prep`` (the mention after ``prep``) or ``speaker``.
    """

    lemma: str
    voice: str
    polarity: str
    modality: str
    prep: str
    event_type: str
    actor: str
    recipient: str
    name: str

    def fits(self, voice: str, negated: bool, modal: bool, preps: set[str]) -> bool:
        """Whether a trigger read in this voice, polarity and modality fits the frame.

        >>> Frame("respond", "active", "any", "modal", "to", "THREATEN", "subject", "prep",
        ...       "x").fits("active", False, True, {"to"})
        True
        """
        return (
            self.voice in {"any", voice}
            and self.polarity in {"any", "negated" if negated else "positive"}
            and self.modality in {"any", "modal" if modal else "plain"}
            and (not self.prep or self.prep in preps)
        )


def _read_frames(base: Path) -> dict[str, list[Frame]]:
    path = base / "frames.csv"
    frames: dict[str, list[Frame]] = {}
    for row in _read_csv(path) if path.exists() else []:
        frame = Frame(
            row["trigger"].lower(), row["voice"] or "any", row["polarity"] or "any",
            row["modality"] or "any", row["prep"].lower(), row["event_type"].upper(),
            row["actor"] or "subject", row["recipient"] or "object", row["name"],
        )  # fmt: skip
        frames.setdefault(frame.lemma, []).append(frame)
    return frames


class Words(dict[str, frozenset[str]]):
    """The function words of ``function_words.csv``, by kind (``words["auxiliary"]``); a
    kind with no words gives an empty set. A dict, so that the rules, which look up word
    classes all the time, pay a plain dict look-up.

    >>> Words({"modal": frozenset({"would"})})["modal"], Words()["no such kind"]
    (frozenset({'would'}), frozenset())
    """

    def __missing__(self, kind: str) -> frozenset[str]:
        return frozenset()

    @property
    def kinds(self) -> dict[str, frozenset[str]]:
        """Every kind and its words."""
        return dict(self)


@lru_cache(maxsize=4)
def function_words(folder: str | Path | None = None) -> Words:
    """Read ``function_words.csv``: the determiners, pronouns, auxiliaries and other small
    words the rules look at.

    >>> "would" in function_words()["modal"]
    True
    """
    base = Path(folder) if folder else data_dir() / "lexicons"
    kinds: dict[str, set[str]] = {}
    for row in _read_csv(base / "function_words.csv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return Words({kind: frozenset(words) for kind, words in kinds.items()})


#: The function words, read once.
W = function_words()

# The word classes the rules use, all from ``function_words.csv``.
_DETERMINERS = W["determiner"]
_PRONOUNS = {w: "person" for w in W["pronoun_person"]} | {w: "other" for w in W["pronoun_other"]}
_POSSESSIVES = W["possessive"]
_AUXILIARIES = W["auxiliary"]
_PASSIVE_AUX = W["passive_auxiliary"]
_MODALS = W["modal"]
#: Words that can end a noun phrase and start what follows it.
_PHRASE_END = W["phrase_end"] | _AUXILIARIES
#: Words that start a date or an adverb of time after a noun ("an offer last November").
_TIME_WORDS = W["time_word"]
_TIME_GAP = W["time_gap"]
_PREPOSITIONS = _PHRASE_END - _AUXILIARIES - W["connective"]
_ARTICLES = W["article"]
_LIGHT_FORMS = dict(w.split(":", 1) for w in W["light_form"])


def _alternation(kind: str) -> str:
    return "|".join(sorted(W[kind], key=lambda w: (-len(w), w)))


#: Where a clause ends inside a sentence.
_CLAUSE_BREAK = re.compile(
    rf"[;:]|,\s+(?=(?:{_alternation('clause_joiner')}|[a-z]+ing)\b)"
    rf"|,\s+(?=as\s+(?!(?:{_alternation('as_phrase')})\b))"
    rf"|\s(?=(?:{_alternation('clause_opener')})\b)"
)
_ADJ_OPENERS = W["adjective_opener"]


def _words_pattern(*kinds: str) -> str:
    """The words of the given kinds as a regular-expression alternation, longest first."""
    words = set().union(*(W[kind] for kind in kinds))
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _plural_pattern(kind: str) -> str:
    """The words of a kind, each perhaps with a plural -s ("counterparts?")."""
    return "|".join(f"{re.escape(w)}s?" for w in sorted(W[kind], key=lambda w: (-len(w), w)))


#: "his counterpart", "their Kalonian counterparts,": a possessive, perhaps one word, and the
#: word (cue kind ``counterpart``) before the one it names.
COUNTERPART = (
    rf"(?:{_words_pattern('possessive')})\s+(?:[\w-]+\s+)?(?:{_plural_pattern('counterpart')}),?\s+"
)
#: After ", who …": a main clause again (``main_verb_auxiliary``: ", is expected to").
MAIN_AGAIN = re.compile(rf",\s+(?:{_words_pattern('main_verb_auxiliary')})\b")
#: A clause that opens with a relative word (``relative_opener``): its subject is inside it.
RELATIVE_OPENING = re.compile(rf",?\s*(?:{_words_pattern('relative_opener')})\b")
#: Words that name an agent or a source (``barred_agent``: "by X", "according to X").
AGENT = re.compile(rf"\b(?:{_words_pattern('barred_agent')})\s+")
#: A condition later in a sentence (``if``: "if", "unless").
CONDITION = re.compile(rf"\b(?:{_words_pattern('if')})\b")
#: A relative clause set off by commas (``background_relative``: "…, who had promised …,").
RELATIVE = re.compile(rf",\s+(?:{_words_pattern('background_relative')})\b[^,;:]*,")
#: A clause that states how long: "has long …" (``perfect`` and ``standing_perfect``) or
#: "for (up to three words) years" (``standing_span``).
STANDING = re.compile(
    rf"\b(?:{_words_pattern('perfect')})\s+(?:{_words_pattern('standing_perfect')})\b"
    rf"|\bfor\s+(?:[\w-]+\s+){{0,3}}(?:{_words_pattern('standing_span')})\b"
)


@lru_cache(maxsize=1024)
def cue_pattern(cue: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled pattern of a cue as a whole word or phrase ("said", "according to")."""
    return re.compile(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", flags)
