"""PLOVER events from a trigger lexicon, and the timeline built from them.

An event is a trigger word from ``data/lexicons/plover_triggers.csv`` ("met", "offer",
"accused"…) in a body sentence, with a PLOVER type, an acting ``actor`` and perhaps a
``recipient`` (both taken from the actor mentions), ``attributed_to`` (whose claim it is),
``hedged`` (reported, claimed or only expected) and a date. The rules, in the order they
are applied (every word list is a CSV file in ``data/lexicons`` that instructors can edit):

1. **Triggers.** A word matches a trigger if it is one of its forms: verbs in -s, -ed, -ing
   (with the spelling rules "cancel → cancelled", "deny → denied") plus irregular forms
   listed in the lexicon; nouns and their plurals. A word that is both (``offer``) is a noun
   after a determiner ("such an offer") and a verb after "to" ("expected to visit"). A noun
   trigger followed by another word of its noun phrase ("offensive military operations") is
   an adjective and no event; a verb-only trigger after "a" or "the" ("a veto"), or in its
   base form after "a" and one adjective ("a first sign"), is a noun and no event. A phrase
   may have a time expression inside it ("called this week for"); a hyphenated word matches
   a trigger written without the hyphen, and the second half of a compound starts no phrase
   and is no verb ("cease-fire on", "a Moscow-brokered truce"). Some verbs are triggers only
   with certain objects (``object_triggers.csv``): "sent troops" is MOBILIZE, "released
   prisoners" RETREAT, "released 700,000 euros in aid" AID, "declared a ceasefire" CONCEDE,
   "struck a deal" AGREE, "sent a letter" nothing; the object decides over the lexicon
   ("withdrew the bill" is CONCEDE). A ceasefire named alone ("committed to the ceasefire")
   is no event.
2. **Not events.** Sentences that start with "If" or "Unless" (what might happen); a trigger
   after "if", "unless" or "once" later in the sentence, with no comma between ("would return
   once its demands were met"); a trigger after a negation ("did not agree"), or a verb whose
   subject starts with "no" ("no troops would be deployed"); a verb in the "to" complement of
   another trigger or of "fail", "refuse" ("refused to condemn", "agreed last year to
   supply": one event), also after a date ("a rally for Saturday to demand"); an -ing
   verb after "of", "on", "about" ("accused X of shelling", "a protocol on withdrawing
   troops"); a verb in the "that" clause of a request ("demanded that X veto"); a plural right
   after a verb trigger ("rejected calls for talks"); a noun that is the object of a verb
   trigger before it in its clause ("cancelled … a meeting": the cancelling is the event),
   unless "during", "amid", "after" … introduce it ("during the clashes"); a verb in the
   "to" infinitive of a request ("urged X to release Y"); a threat someone faces ("faced a
   threat from X"); a request that is the reason for another act ("at X's request"); a noun
   in a clause ", ending …" that describes the sentence's event; what an accusation alleges
   (", saying Y had shelled Z" after "accused"). Verb forms that name no act: a state
   ("remained suspended"), "met" in the passive ("once demands were met"), an -ed form before
   its noun ("the detained activists", "over disputed land"), and a coercive verb in -ed with
   no auxiliary and no object ("the people detained during the unrest").
3. **Actor.** For a verb: the agent after "by" in a passive ("denounced by Russia"; a date
   and a title may come between: "was signed late on Monday by Prime Minister X"); the
   speaker for a trigger inside a quotation; the first of two parties named jointly ("X and
   his counterpart Y signed", and inside a relative clause: "…, which X and Y signed");
   otherwise the first actor mention of the clause before the trigger (the subject),
   skipping mentions after a preposition ("an affair of Georgia"), or in reported speech
   with no such subject the speaker. ", who …" takes the mention before
   it; ", where …" and ", when …" without a subject have no actor. Right after a speech verb,
   "he" or "she" is the speaker, and so is "it" when the speaker is no person ("the party
   said it would …"); "they" is left to the sentence before. A sentence that opens with
   "It" or "They" takes the subject of the sentence before, "He" or "She" its first person.
   For a noun: the actor after "by"/"from", or a mention inside its noun phrase
   ("Azerbaijan's blockade", "the Russian criticism"); "its" or "their" in the phrase, a light
   verb ("made an offer", "reaffirmed Ankara's support"), the noun as subject or as object
   ("will approve new sanctions") point to the clause's subject. Mentions joined by a hyphen
   ("Russian-led") are modifiers, not actors.
4. **Recipient.** The first actor mention after the trigger in its clause (not after "by"
   or "according to", not the speaker of a closing ", spokesman X said", not the subject of a
   "that" clause, except after a request: "demanded that X stop" asks X; not past "and" and
   another verb, not inside a "to"-complement); a person named in the same phrase wins over
   a state ("the Russian ambassador to Armenia, Sergei Kopyrkin"). "urged them" points to
   the people named before; "X and Y met" gives Y. A noun takes "against/on/to/with/for X"
   right after it ("support for Baku"), "of X" for attacks and accusations, or a "with X"
   after a place or date ("talks in Ankara on Monday with X"; "talks with his counterpart,
   X" names X). A coercive verb in the passive with no agent ("Y had been detained") takes Y as the
   recipient; its actor is the state or state institution that reports it, if one does. An
   attack in the passive with no agent ("Y were attacked") has Y as recipient and no actor.
   A deployment is aimed only at "to X" or "against X" right after a preposition: "to its
   frontier with X" is a place. A warning is aimed at whom it names before "that".
5. **Attribution and hedges.** "according to X", "X said/told/claimed …", and quotations
   give ``attributed_to``; cues in ``hedges.csv`` ("reportedly", "claimed", "is expected
   to", "will", "may") in the trigger's clause (or, for "claimed", anywhere before it) set
   ``hedged``.
6. **Dates.** A trigger takes the date expression of its own clause, else the nearest one in
   its own sentence: it never borrows while its sentence has a date. A sentence with no date
   takes the date of the sentence just before it in the same paragraph (``date_source``
   "context"), unless a word such as "afterwards" or "later" says time has moved on, or the
   trigger's clause is a standing position in the present perfect ("has long demanded",
   "talks have dragged on for years"). A relative clause set off by commas after the subject
   ("X, who had vowed to veto the bill, welcomed …") is background: with no date of its own
   it gives no event. An event from context that repeats one of that sentence (same
   type and actor) is the same event reported twice and is dropped, and so is an event that
   another of its sentence covers (same type and date, its actor and recipient the same or
   empty: "held talks … during a visit" is one consultation).
7. **Conditional threats.** A hostile act, or "review", "suspend" … of cooperation, after
   "could", "would", "will" and before "if" or "unless" is a THREATEN event ("could review its
   cooperation with X if …"); in reported speech the speaker makes the threat.
8. **Sections.** Only body sentences give events: a caption dates a photo, not a reported
   event, and the title repeats the story (pass ``sections=`` to change this).
9. **Descriptions that refer back.** "the bloc", "the ministry", "the minister" are the
   most recent matching actor (cue kinds ``organization_word``, ``institution_word``,
   ``title_word`` in ``event_cues.csv``). "On Monday, he …": a pronoun after a fronted
   adverbial refers back like one at the start. ", as X accused …" starts a clause of its
   own. "an accusation X denied", "which X rejected": X acts. "X said that Y …, an
   accusation …": X accuses Y. "X, who …, is expected to meet Z": X meets Z.
10. **Acts named by their object.** "agreed to widen its sanctions against X" is a SANCTION
   (the subject of "agreed" acts), not an AGREE; "imposed sanctions" reads "sanctions" as a
   noun (the object of a light verb). "to monitor the ceasefire", "would study the request":
   a known act as the object of a plain verb is no new event.

>>> import pandas as pd
>>> from course_utils.article import clean_article
>>> article = clean_article("Talks\\n\\nAlpha on Monday met with Beta.", "2023-02-03")
>>> rows = [("Alpha", "state", "Alpha", 7, 12, 1, "-"), ("Beta", "state", "Beta", 31, 35, 1, "-")]
>>> mentions = pd.DataFrame(
...     rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
... )
>>> build_timeline(article, mentions=mentions)[["value", "event_type", "actor", "recipient"]]
        value event_type  actor recipient
0  2023-01-30    CONSULT  Alpha      Beta
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils._paths import data_dir
from course_utils.dates import find_dates
from course_utils.text import fold_quotes

__all__ = [
    "EVENT_COLUMNS",
    "PLOVER_TYPES",
    "TIMELINE_COLUMNS",
    "Lexicon",
    "build_timeline",
    "find_events",
    "find_triggers",
    "inflect",
    "load_lexicon",
]

#: PLOVER's 16 event types (Open Event Data Alliance, github.com/openeventdata/PLOVER).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: The columns of :func:`find_events`.
EVENT_COLUMNS = [
    "event_type", "trigger", "lemma", "pos", "start", "end", "sentence", "actor", "recipient",
    "attributed_to", "hedged", "time_text", "value", "precision", "mod", "date_start",
    "date_end", "date_source",
]  # fmt: skip
#: The columns of :func:`build_timeline`.
TIMELINE_COLUMNS = [
    "date_start", "date_end", "precision", "value", "event_type", "actor", "recipient",
    "attributed_to", "hedged", "sentence", "time_text", "summary",
]  # fmt: skip
MENTION_COLUMNS = ["actor", "kind", "text", "start", "end", "sentence"]

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
    return Lexicon(forms, hedges, attribution, cues, objects)


# --- Words and clauses -------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")
_DETERMINERS = {
    "a", "an", "the", "such", "its", "his", "her", "their", "our", "your", "my", "this",
    "that", "these", "those", "any", "no", "every", "each", "another", "further", "new",
}  # fmt: skip
_PRONOUNS = {"it": "other", "they": "other", "he": "person", "she": "person"}
_POSSESSIVES = {"its", "their", "his", "her"}
_AUXILIARIES = {
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "may", "might", "can",
    "could", "should", "must", "took", "takes", "began", "begins", "ended", "ends",
}  # fmt: skip
# Words that can end a noun phrase and start what follows it.
_PHRASE_END = {
    "of", "to", "in", "on", "at", "by", "from", "with", "for", "against", "over", "and",
    "or", "but", "which", "who", "that", "as", "after", "before", "during", "since",
    "between", "among", "into", "along", "near", "because", "while", "than", "about",
    "toward", "towards", "across", "through", "under", "within", "without", "amid",
} | _AUXILIARIES  # fmt: skip
# Words that start a date or an adverb of time after a noun ("an offer last November").
_TIME_WORDS = {
    "last", "next", "this", "early", "late", "later", "earlier", "yesterday", "today",
    "tomorrow", "soon", "again", "also", "still", "now", "then",
}  # fmt: skip
_PREPOSITIONS = _PHRASE_END - _AUXILIARIES - {"and", "or", "but", "which", "who", "that"}
# Where a clause ends inside a sentence.
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:and|but|while|whereas|which|who|where|when|[a-z]+ing)\b)"
    r"|,\s+(?=as\s+(?!(?:well|part|a|an|much|many|long|soon|far|of|expected)\b))"
    r"|\s(?=(?:because|although|though|whereas|which|who)\b)"
)
_QUOTE = re.compile(r"\"[^\"]*\"?")


@dataclass(frozen=True)
class _Token:
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
    return [
        _Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(folded)
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


# --- Triggers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    event_type: str
    index: int  # token index of the first word


def find_triggers(
    sentence: str, lexicon: Lexicon | None = None, *, objects: bool = False
) -> list[_Trigger]:
    """Find the trigger words of one sentence, with their PLOVER type and part of speech.

    With ``objects=True``, also the verbs of ``object_triggers.csv`` that are triggers only
    with certain words in their object ("sent troops" is MOBILIZE, "released prisoners"
    RETREAT, "released 700,000 euros in aid" AID; "sent a letter" is nothing).

    >>> [(t.text, t.pos, t.event_type) for t in find_triggers("They made such an offer.")]
    [('offer', 'noun', 'AGREE')]
    >>> [(t.text, t.event_type) for t in find_triggers("Officials brushed aside the talks.")]
    [('brushed aside', 'REJECT'), ('talks', 'CONSULT')]
    >>> find_triggers("the offensive military operations")
    []
    """
    lexicon = lexicon or load_lexicon()
    folded = fold_quotes(sentence)
    tokens = _tokens(folded)
    found: list[_Trigger] = []
    skip_until = -1
    for i, token in enumerate(tokens):
        if i <= skip_until:
            continue
        joined = _hyphenated(folded, tokens, i)
        lower_case = token.text.islower() or i == 0
        if joined in lexicon.forms and token.lower not in lexicon.forms and lower_case:
            # "cease-fire" is the trigger "ceasefire"; the second part decides the rest
            entry = _choose_pos([e for e in lexicon.forms[joined] if not e[3]], tokens, i, lexicon)
            skip_until = i + 1
            if entry[1] == "noun" and _is_adjectival(tokens, i + 1, folded):
                continue
            last = tokens[i + 1]
            found.append(_Trigger(token.start, last.end, folded[token.start : last.end], entry[0],
                                  entry[1], entry[2], i))  # fmt: skip
            continue
        if token.lower not in lexicon.forms:
            continue
        entries = lexicon.forms[token.lower]
        # The second half of a compound ("cease-fire on", "a Moscow-brokered truce") starts
        # no phrase and is no verb; a noun there still counts ("a counter-offensive").
        compound = token.start > 0 and folded[token.start - 1] == "-"
        # Phrases ("brush aside", "call for") first, then single words.
        phrase, gap = _match_phrase(entries, tokens, i) if not compound else (None, 0)
        if phrase:
            last = tokens[i + gap + len(phrase[3])]
            found.append(_Trigger(token.start, last.end, folded[token.start : last.end], phrase[0],
                                  phrase[1], phrase[2], i))  # fmt: skip
            skip_until = i + gap + len(phrase[3])
            continue
        single = [e for e in entries if not e[3]]
        if not single:
            continue
        entry = _choose_pos(single, tokens, i, lexicon)
        if entry[1] == "noun" and _is_adjectival(tokens, i, folded):
            continue
        if entry[1] == "verb" and (compound or _after_article(tokens, i, entry[0])):
            continue  # a verb of the lexicon used as a noun it does not list ("a veto")
        bare = entry[1] == "verb" and i > 0 and token.lower == entry[0].split()[0]
        if bare and tokens[i - 1].lower in _PREPOSITIONS - {"to"}:
            continue  # a bare verb after a preposition is a noun: "went on strike"
        found.append(_Trigger(token.start, token.end, token.text, entry[0], entry[1], entry[2], i))
    if objects:
        # An object decides the type where it matches: "withdrew the bill" is CONCEDE, not
        # the RETREAT of "withdrew troops"; "struck a deal" AGREE, not an ASSAULT.
        chosen = {t.index: t for t in _object_triggers(folded, tokens, lexicon)}
        found = [chosen.pop(t.index, t) for t in found] + list(chosen.values())
        found.sort(key=lambda t: t.start)
    return found


_ARTICLES = {"a", "an", "the"}
_SINGULAR = {"a", "an", "another", "each", "every"}


def _after_article(tokens: list[_Token], i: int, lemma: str) -> bool:
    """A verb form used as a noun the lexicon does not list: right after "a", "an", "the"
    ("a veto"), or the base form after "a" and one adjective ("a first sign"): after a
    singular article, a verb would need its -s."""
    if i > 0 and tokens[i - 1].lower in _ARTICLES:
        return True
    bare = tokens[i].lower == lemma.split()[0]
    return (
        bare
        and i > 1
        and tokens[i - 2].lower in _SINGULAR
        and tokens[i - 1].text.islower()
        and not tokens[i - 1].lower.endswith("ly")
    )


def _hyphenated(folded: str, tokens: list[_Token], i: int) -> str:
    """Token ``i`` joined to the next one when a hyphen links them ("cease-fire" →
    "ceasefire"), or "" when none does."""
    if i + 1 >= len(tokens) or folded[tokens[i].end : tokens[i + 1].start] != "-":
        return ""
    return tokens[i].lower + tokens[i + 1].lower


# Words that end the object of a verb ("sent troops to the border": "to").
_OBJECT_END = {
    "to", "from", "into", "toward", "towards", "at", "on", "by", "with", "that", "which", "who",
    "and", "but", "for", "after", "before", "as", "across", "along", "near", "over",
}  # fmt: skip


def _object_triggers(folded: str, tokens: list[_Token], lexicon: Lexicon) -> list[_Trigger]:
    """The verbs that are triggers only with certain words in their object, up to eight
    words after the verb and before a clause mark or a preposition other than "of"/"in"."""
    found = []
    for i, token in enumerate(tokens):
        entries = lexicon.objects.get(token.lower, [])
        if not entries or (i > 0 and tokens[i - 1].lower in {"a", "an", "the"}):
            continue
        window: list[str] = []
        for nxt in tokens[i + 1 : i + 9]:
            before = tokens[i + len(window)]
            gap = folded[before.end : nxt.start]
            if gap == "," and before.lower.isdigit() and nxt.lower.isdigit():
                gap = ""  # "700,000 euros"
            if nxt.lower in _OBJECT_END or re.search(r"[,;:.()\"]", gap):
                break
            window.append(nxt.lower)
        for lemma, event_type, wanted in entries:
            if any(_has_words(window, words) for words in wanted):
                found.append(_Trigger(token.start, token.end, token.text, lemma, "verb",
                                      event_type, i))  # fmt: skip
                break
    return found


def _has_words(window: list[str], words: tuple[str, ...]) -> bool:
    """Whether ``words`` (the last one perhaps in the plural) occur in a row in ``window``."""
    n = len(words)
    last = inflect(words[-1], "noun")
    return any(
        window[k : k + n - 1] == list(words[:-1]) and window[k + n - 1] in last
        for k in range(len(window) - n + 1)
    )


# Words of a time expression that may stand between a verb and its particle ("called on
# Monday for", "called this week for").
_TIME_GAP = {
    "on", "this", "last", "next", "late", "early", "week", "month", "year", "yesterday",
    "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip


def _match_phrase(
    entries: list[tuple[str, str, str, tuple[str, ...]]], tokens: list[_Token], i: int
) -> tuple[tuple[str, str, str, tuple[str, ...]] | None, int]:
    """The phrase entry whose words follow token ``i``, and how many time words come between
    the verb and the rest of the phrase ("called this week for": 2)."""
    phrases = [e for e in entries if e[3]]
    for gap in range(4):
        between = [t.lower for t in tokens[i + 1 : i + 1 + gap]]
        if gap and (len(between) < gap or not set(between) <= _TIME_GAP or between == ["on"]):
            continue
        for entry in phrases:
            rest = [t.lower for t in tokens[i + 1 + gap : i + 1 + gap + len(entry[3])]]
            if rest == list(entry[3]) and (not gap or (entry[1] == "verb" and len(entry[3]) == 1)):
                return entry, gap
    return None, 0


def _choose_pos(entries: list[tuple[str, str, str, tuple[str, ...]]], tokens: list[_Token],
                i: int, lexicon: Lexicon) -> tuple[str, str, str, tuple[str, ...]]:  # fmt: skip
    """A word that is a noun and a verb ("offer", "clashes") is a noun inside a noun phrase:
    after a determiner or a preposition, with only modifiers in between."""
    nouns = [e for e in entries if e[1] == "noun"]
    verbs = [e for e in entries if e[1] == "verb"]
    if not nouns or not verbs:
        return entries[0]
    if i > 0 and tokens[i - 1].lower == "to" and tokens[i].lower == verbs[0][0]:
        return verbs[0]  # an infinitive: "is expected to visit"
    j = _phrase_head(tokens, i, lexicon)
    modifiers = [t.lower for t in tokens[j + 1 : i]]
    opener = tokens[j].lower if j >= 0 else ""
    in_phrase = opener in _PREPOSITIONS or any(
        w in _DETERMINERS or w.endswith("'s") for w in modifiers
    )
    if opener and opener != tokens[i].lower and _lemma_of(opener, lexicon) in lexicon.cue("light"):
        in_phrase = True  # the object of a light verb: "imposed sanctions", "held talks"
    return nouns[0] if in_phrase or opener in _DETERMINERS else verbs[0]


def _phrase_head(tokens: list[_Token], i: int, lexicon: Lexicon) -> int:
    """Walk back from token ``i`` over its noun phrase; return the index of the word before it
    (a preposition, a verb, a pronoun …), or -1 at the start of the sentence."""
    j = i - 1
    while j >= 0:
        word = tokens[j]
        if word.lower in _PHRASE_END or word.lower in _PRONOUNS or _is_verbish(word, lexicon):
            break
        j -= 1
    return j


def _is_adjectival(tokens: list[_Token], i: int, folded: str) -> bool:
    """A noun trigger directly followed by another word of its noun phrase is an adjective."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    between = folded[tokens[i].end : nxt.start]
    if between.strip():  # punctuation or a quote mark ends the phrase
        return False
    if nxt.lower in _PHRASE_END or nxt.lower in _TIME_WORDS or not nxt.text[:1].islower():
        return False
    if nxt.lower in _DETERMINERS - {"new", "further"}:
        return False  # a determiner starts the next phrase: "an appeal the same day"
    return not nxt.lower.endswith(("ed", "ly"))


# --- Events -------------------------------------------------------------------------------------


def _mentions_by_sentence(mentions: pd.DataFrame, article: Any) -> dict[int, list[_Mention]]:
    starts = dict(zip(article.sentences["id"], article.sentences["start"], strict=True))
    table: dict[int, list[_Mention]] = {}
    for row in mentions.sort_values("start").itertuples(index=False):
        sid = int(row.sentence)
        if sid not in starts:
            continue
        offset = int(starts[sid])
        table.setdefault(sid, []).append(
            _Mention(str(row.actor), str(row.kind), int(row.start) - offset, int(row.end) - offset)
        )
    return table


def _dates_by_sentence(
    dates: pd.DataFrame, article: Any
) -> dict[int, list[tuple[int, int, dict[str, Any]]]]:
    starts = dict(zip(article.sentences["id"], article.sentences["start"], strict=True))
    table: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for row in dates.to_dict(orient="records"):
        offset = int(starts[int(row["sentence"])])
        table.setdefault(int(row["sentence"]), []).append(
            (int(row["start"]) - offset, int(row["end"]) - offset, row)
        )
    return table


def _prepare(
    article: Any, mentions: pd.DataFrame, dates: pd.DataFrame, lexicon: Lexicon | None = None
) -> list[_Sentence]:
    by_mention = _mentions_by_sentence(mentions, article)
    by_date = _dates_by_sentence(dates, article)
    sentences = []
    for row in article.sentences.itertuples(index=False):
        text = str(row.text)
        folded = fold_quotes(text)
        kept = [
            m for m in by_mention.get(int(row.id), []) if not _is_modifier(text, m.start, m.end)
        ]
        sentences.append(
            _Sentence(
                int(row.id), int(row.start), text, folded, int(row.paragraph), str(row.section),
                _tokens(folded), _clauses(folded),
                [(m.start(), m.end()) for m in _QUOTE.finditer(folded)],
                kept, by_date.get(int(row.id), []),
            )
        )  # fmt: skip
    _add_descriptions(sentences, lexicon or load_lexicon())
    return sentences


def _add_descriptions(sentences: list[_Sentence], lexicon: Lexicon) -> None:
    """Definite descriptions that refer back ("the bloc", "the ministry", "the minister"):
    each becomes a mention of the most recent earlier actor it fits. "the bloc" or "the
    alliance" (kind ``organization_word``) fits an organisation, "the ministry" (kind
    ``institution_word``) an institution whose name holds that word ("X: Foreign Ministry"),
    "the minister" or "the president" (kind ``title_word``) a person introduced with that
    title ("Defense Minister Y"). "the president of X" names its own owner and is left
    alone; so is a description that fits no one."""
    organizations = lexicon.cue("organization_word")
    institutions = lexicon.cue("institution_word")
    titles = lexicon.cue("title_word")
    words_all = organizations | institutions | titles
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
                fits = (
                    (noun in organizations and x.kind == "organization" and ": " not in x.actor)
                    or (noun in institutions and ": " in x.actor and noun in x.actor.lower())
                    or (noun in titles and x.kind == "person" and noun in words)
                )
                if fits:
                    found.append(_Mention(x.actor, x.kind, start, end))
                    break
        seen += [(x, _title_words(s, x)) for x in s.mentions]
        if found:
            s.mentions = sorted([*s.mentions, *found], key=lambda x: x.start)


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


def _speech(s: _Sentence, lexicon: Lexicon) -> tuple[str, int]:
    """Return (speaker, end of the speech cue) of a sentence; ("", -1) if none."""
    lower = s.folded.lower()
    for cue, where in sorted(lexicon.attribution.items(), key=lambda c: -len(c[0])):
        for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", lower):
            if where == "after":
                after = [x for x in s.mentions if m.end() <= x.start <= m.end() + 80]
                if after:
                    return _prefer_person(after, s).actor, m.end()
                continue
            clause = s.clause_of(m.start())
            before = [x for x in s.mentions if clause[0] <= x.start and x.end <= m.start()]
            before = [x for x in before if not s.in_quote(x.start)]
            frame = _frame_speaker(s, m.start(), before)
            if frame:
                return frame.actor, m.end()
            if before:
                return before[0].actor, m.end()
            after = [x for x in s.mentions if m.end() <= x.start <= m.end() + 3]
            if after:  # "…," said Lavrov
                return after[0].actor, m.end()
    return "", -1


def _frame_start(s: _Sentence, cue: int) -> int:
    """Where a closing speech frame (", Foreign Ministry spokesman X said") starts: the comma
    before the speech verb, or -1 when the verb does not close the sentence."""
    comma = s.folded.rfind(",", 0, cue)
    rest = s.folded[cue:].split(",")[0].strip(' ."')  # "X said Wednesday, as …" closes too
    if comma < 0 or s.in_quote(comma) or len(rest.split()) > 3:
        return -1
    return comma


def _frame_speaker(s: _Sentence, cue: int, before: Sequence[_Mention]) -> _Mention | None:
    """The speaker of a closing frame ("…, the ministry said"): the last mention in it."""
    start = _frame_start(s, cue)
    inside = [m for m in before if m.start > start] if start >= 0 else []
    if not inside:
        return None
    people = [m for m in inside if m.kind == "person"]
    return (people or inside)[-1]


def _prefer_person(candidates: Sequence[_Mention], s: _Sentence) -> _Mention:
    """The first candidate, or a person named in the same phrase right after it."""
    first = candidates[0]
    if first.kind == "person":
        return first
    for other in candidates[1:]:
        gap = s.folded[first.end : other.start]
        if other.kind == "person" and other.start - first.end <= 60 and " and " not in gap:
            return other
    return first


def _previous_subject(index: int, sentences: list[_Sentence], kind: str = "other") -> str:
    """The subject of the sentence before; for "he" or "she", its first person."""
    if index == 0:
        return ""
    previous = sentences[index - 1]
    if kind == "person":
        people = [m for m in previous.mentions if m.kind == "person"]
        if people:
            return people[0].actor
    return previous.subject()


def _actor(trigger: _Trigger, index: int, sentences: list[_Sentence], lexicon: Lexicon,
           speaker: str, speech_end: int) -> str:  # fmt: skip
    s = sentences[index]
    clause = s.clause_of(trigger.start)
    tokens = s.tokens
    after = [t for t in tokens if t.start >= trigger.end]
    # A passive with its agent: "denounced by Russia", "was signed late on Monday by
    # Prime Minister X" (a date and a title may come between).
    agent = _passive_agent(trigger, s)
    if agent is not None:
        return agent.actor
    by = after[0] if after else None
    if len(after) > 1 and after[0].lower.endswith("ed") and after[1].lower == "by":
        by = after[1]  # "warnings issued by X", "sanctions imposed by X": X acts
    if trigger.pos == "noun" and by is not None and by.lower in {"by", "from"}:
        agents = [m for m in s.mentions if by.end < m.start <= by.end + 12]
        if agents:
            return agents[0].actor
    if s.in_quote(trigger.start) and speaker:
        return speaker
    if trigger.pos == "verb":
        pair = _coordinated_subject(trigger, s)
        if pair:
            return pair[0].actor
    if trigger.pos == "noun":
        found, use_subject = _noun_phrase_actor(trigger, s, lexicon)
        if found or not use_subject:
            return found
    relative = _relative_subject(trigger, s, lexicon)
    if relative:
        return relative.actor
    # The subject: the first mention of the clause before the trigger (in reported speech,
    # of the words after "said") that does not follow a preposition ("an affair of Georgia").
    lower = max(clause[0], speech_end) if speech_end <= trigger.start else clause[0]
    opening = _words_before(s, trigger.start, lower)[:2]
    relative_clause = bool(opening) and opening[0].lower in {"who", "which"}
    if relative_clause and s.folded[lower : lower + 1] == ",":
        antecedent = [m for m in s.mentions if m.end <= lower]
        back = re.search(r",\s+(?:is|are|was|were|has|have|had|will|would)\b",
                         s.folded[lower + 1 : trigger.start])  # fmt: skip
        if antecedent and back:  # "X, who has accused Y, is expected to meet Z": X meets Z
            return antecedent[-1].actor
    before = [
        m
        for m in s.mentions
        if lower <= m.start and m.end <= trigger.start and not _after_preposition(s, m)
    ]
    if before:
        return before[0].actor
    if relative_clause and s.folded[lower : lower + 1] == ",":
        antecedent = [m for m in s.mentions if m.end <= lower]
        if antecedent:  # "…, NATO chief X, who promised …"
            return antecedent[-1].actor
    if opening and opening[0].lower in {"where", "when"}:
        return ""  # "…, where clashes killed …": the place or time is no actor
    if opening and opening[0].lower in _PRONOUNS:
        if speech_end >= 0 and lower == speech_end and _speaker_fits(s, speaker, opening[0].lower):
            return speaker  # "X said it would …": "it" is X
        if lower == 0 or (speech_end >= 0 and lower == speech_end):
            return _previous_subject(index, sentences, _PRONOUNS[opening[0].lower])
    if speech_end >= 0 and lower == speech_end and speaker:
        return speaker
    earlier = [m for m in s.mentions if m.end <= trigger.start and not s.in_quote(m.start)]
    if earlier and trigger.pos == "verb":
        return earlier[0].actor
    if not s.mentions or s.mentions[0].start > trigger.start:
        words = _words_before(s, trigger.start)
        comma = s.folded.find(",", 0, trigger.start)
        if words and words[0].lower not in _PRONOUNS and comma >= 0:
            # a fronted adverbial: "On Monday, he spoke …"
            words = [t for t in words if t.start > comma]
        if words and words[0].lower in _PRONOUNS:
            return _previous_subject(index, sentences, _PRONOUNS[words[0].lower])
    return ""


def _passive_agent(trigger: _Trigger, s: _Sentence) -> _Mention | None:
    """The agent of a verb in the passive: the first mention after "by", when "by" follows
    the verb directly or after time words ("signed late on Monday by"), or follows it after a
    passive auxiliary. Up to 60 characters of title may stand between "by" and the name, but
    no comma."""
    if trigger.pos != "verb":
        return None
    after = [t for t in s.tokens if t.start >= trigger.end][:5]
    k = 0
    while k < len(after) and after[k].lower in _TIME_GAP and after[k].lower != "by":
        k += 1
    if k >= len(after) or after[k].lower != "by":
        return None
    by = after[k]
    if k:
        before = [t for t in s.tokens if t.end <= trigger.start][-1:]
        if not before or before[0].lower not in _PASSIVE_AUX:
            return None  # "met on Monday by phone": no passive
    limit = 12 if not k else 60
    for m in s.mentions:
        if by.end < m.start <= by.end + limit and "," not in s.folded[by.end : m.start]:
            return m
    return None


def _speaker_fits(s: _Sentence, speaker: str, pronoun: str) -> bool:
    """Whether the pronoun right after a speech verb is the speaker: "he" or "she" always
    (as before), "it" when the speaker is no person ("the party said it would …"). "they"
    is left to the sentence before: "X said they discussed …" names X and others."""
    if not speaker or pronoun == "they":
        return False
    kinds = {m.kind for m in s.mentions if m.actor == speaker}
    return _PRONOUNS[pronoun] == "person" or "person" not in kinds


def _relative_subject(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> _Mention | None:
    """The subject of a relative clause right before a verb: "an accusation X denied",
    "which X rejected", "the offer that X declined" (an adverb or auxiliary may come
    between)."""
    if trigger.pos != "verb":
        return None
    words = [t for t in s.tokens if t.end <= trigger.start]
    while words and (words[-1].lower in _AUXILIARIES or words[-1].lower.endswith("ly")):
        words = words[:-1]
    mention = next((m for m in s.mentions if words and m.end == words[-1].end), None)
    if mention is None:
        return None
    before = [t for t in words if t.end <= mention.start]
    if not before or s.folded[before[-1].end : mention.start].strip():
        return None
    head = before[-1].lower
    nouns = [e for e in lexicon.forms.get(head, []) if e[1] == "noun"]
    return mention if head in {"which", "that", "whom"} or nouns else None


# Words before "of" that make what follows the real subject ("thousands of protesters").
_QUANTITY = {
    "thousands", "hundreds", "dozens", "tens", "millions", "scores", "some", "many", "most",
    "all", "none", "one", "two", "three", "several", "both", "each", "group", "groups",
}  # fmt: skip


def _after_preposition(s: _Sentence, mention: _Mention) -> bool:
    """A mention right after a preposition ("of Georgia", "in Moscow") is not a subject;
    "thousands of protesters" is."""
    words = [t for t in s.tokens if t.end <= mention.start][-3:]
    words = [t for t in words if t.lower not in {"the", "a", "an"}]
    if not words or words[-1].lower not in _PREPOSITIONS or words[-1].lower == "according":
        return False
    if words[-1].lower == "of" and len(words) >= 2 and words[-2].lower in _QUANTITY:
        return False
    if words[-1].lower == "as" and s.folded[: words[-1].start].rstrip().endswith(","):
        return False  # ", as the bloc accused X": a conjunction, then the subject
    return s.folded[words[-1].end : mention.start].strip() in {"", "the", "a", "an"}


def _coordinated_subject(trigger: _Trigger, s: _Sentence) -> tuple[_Mention, _Mention] | None:
    """Two parties named jointly as the subject: "X and Y met", "X, the head of …, and his
    counterpart Y signed"; the first is the actor and the second the recipient."""
    clause = s.clause_of(trigger.start)
    # In a relative clause ("…, which X and Y signed") the subject is inside the clause.
    relative = re.match(r",?\s*(?:which|who|that|where|when)\b", s.folded[clause[0] :])
    lower = clause[0] if relative else 0
    before = [
        m
        for m in s.mentions
        if m.end <= trigger.start and not s.in_quote(m.start) and m.start >= lower
    ]
    if len(before) < 2:
        return None
    first, second = before[0], before[-1]  # an appositive may name others between them
    between = s.folded[first.end : second.start]
    joined = re.fullmatch(
        r"(?:,[^,]*,)?\s+and\s+(?:(?:his|her|its|their)\s+(?:[\w-]+\s+)?counterparts?,?\s+)?",
        between,
    )
    if not joined:
        return None
    gap = [t.lower for t in s.tokens if second.end <= t.start and t.end <= trigger.start]
    if len(gap) > 3 or any(w not in _AUXILIARIES and not w.endswith("ly") for w in gap):
        return None
    if _after_preposition(s, first):
        return None
    return first, second


def _noun_phrase_actor(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> tuple[str, bool]:
    """For a noun trigger: (actor inside its phrase, whether the clause's subject applies)."""
    tokens = s.tokens
    i = trigger.index
    # Walk back over the noun phrase to the word that governs it.
    j = _phrase_head(tokens, i, lexicon)
    phrase_start = tokens[j].end if j >= 0 else 0
    inside = [m for m in s.mentions if phrase_start <= m.start and m.end <= trigger.start]
    governor = tokens[j].lower if j >= 0 else ""
    light = bool(governor) and _lemma_of(governor, lexicon) in lexicon.cue("light")
    if (
        governor == "to"
        and j + 1 < i
        and _lemma_of(tokens[j + 1].lower, lexicon) in lexicon.cue("light")
    ):
        light = True  # "agreed to extend sanctions": the subject of "agreed" acts
    if inside and light and any(m.start < tokens[j].start for m in s.mentions):
        # "X reaffirmed Ankara's support": the one who speaks acts, for Ankara
        return "", True
    if inside:
        return inside[-1].actor, False
    words = [t.lower for t in tokens[j + 1 : i]] + [t.lower for t in tokens[i + 1 : i + 4]]
    if _POSSESSIVES & set(words):
        return "", True
    if light:
        return "", True
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    is_subject = nxt in _AUXILIARIES and governor not in _PREPOSITIONS
    # The object of a verb ("will approve new sanctions"): the verb's subject acts.
    is_object = j >= 1 and governor in _AUXILIARIES and tokens[j - 1].lower not in _PREPOSITIONS
    return "", is_subject or is_object


_AIMED_AT = {"against", "on", "to", "with", "toward", "towards"}
_LIGHT_FORMS = {"made": "make", "held": "hold", "voiced": "voice"}


def _lemma_of(word: str, lexicon: Lexicon) -> str:
    if word in _LIGHT_FORMS:
        return _LIGHT_FORMS[word]
    kinds = ("light", "control", "reduce", "describe", "exposure")
    for cue in set().union(*(lexicon.cue(kind) for kind in kinds)):
        if word in inflect(cue, "verb"):
            return cue
    return word


def _is_verbish(token: _Token, lexicon: Lexicon) -> bool:
    if token.lower in _LIGHT_FORMS or token.lower in {"said", "told", "prompting"}:
        return True
    if token.lower in lexicon.forms and any(e[1] == "verb" for e in lexicon.forms[token.lower]):
        return not token.lower.endswith("s") or token.lower.endswith("ss")
    return token.lower.endswith("ed") or (token.lower.endswith("ing") and len(token.lower) > 5)


def _recipient(trigger: _Trigger, s: _Sentence, actor: str, lexicon: Lexicon) -> str:
    clause = s.clause_of(trigger.start)
    tokens = s.tokens
    after = [t for t in tokens if t.start >= trigger.end]
    end = clause[1]
    # "urged them": the people named before, other than the actor.
    if after and after[0].lower == "them" and trigger.pos == "verb":
        named = [m for m in s.mentions if m.end <= trigger.start and m.actor != actor]
        return named[0].actor if named else ""
    # A passive ("a move denounced by Russia") is aimed at the clause's subject.
    if after and after[0].lower == "by" and trigger.pos == "verb":
        subjects = [m for m in s.mentions if clause[0] <= m.start and m.end <= trigger.start]
        if subjects and subjects[0].actor != actor:
            return subjects[0].actor
    # "refused to condemn X": X is not whom the refusal is aimed at.
    if (
        len(after) >= 2
        and after[0].lower == "to"
        and after[1].lower not in _DETERMINERS
        and after[1].text[:1].islower()
        and not after[1].lower.endswith("s")
    ):
        return ""
    that = [t for t in after if t.lower == "that" and t.start < end]
    if trigger.pos == "verb" and trigger.event_type == "THREATEN" and that:
        end = that[0].start  # "warned that X would …": the one warned is named before "that"
    for k, token in enumerate(after[:-1]):  # "rallied … and demanded that X …": not past "and"
        if token.lower == "and" and token.start < end and _is_verbish(after[k + 1], lexicon):
            end = token.start
            break
    if trigger.event_type == "MOBILIZE":
        # Forces go "to X" or "against X"; a mention further on ("to its frontier with X",
        # "a deal that ended fighting between X and Y") names a place or something else.
        for token in after:
            if token.start >= end or token.lower not in {"to", "into", "against"}:
                continue
            for m in s.mentions:
                gap = s.folded[token.end : m.start]
                if m.actor != actor and re.fullmatch(r"\s+(?:the\s+)?", gap):
                    return m.actor
        return ""
    barred = _barred_spans(trigger, s, lexicon)
    if trigger.pos == "noun":
        return _noun_recipient(trigger, s, actor, barred)
    pair = _coordinated_subject(trigger, s)
    if pair and pair[0].actor == actor:  # "X and Y met": Y, unless an object follows
        following = [m for m in s.mentions if m.start >= trigger.end]
        gap = s.folded[trigger.end : following[0].start] if following else "-"
        if not re.fullmatch(r"\s+(?:with\s+)?(?:the\s+)?", gap):
            return pair[1].actor
    candidates = [
        m
        for m in s.mentions
        if trigger.end <= m.start < end
        and m.actor != actor
        and not any(a <= m.start < b for a, b in barred)
    ]
    return _prefer_person(candidates, s).actor if candidates else ""


def _barred_spans(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Stretches of the sentence that name no recipient: the agent after "by", the source
    after "according to", a closing speech frame (", spokesman X said"), and the subject of a
    "that" clause after the trigger ("warned that Tehran would …")."""
    barred: list[tuple[int, int]] = []
    lowered = s.folded.lower()
    for m in re.finditer(r"\b(?:by|according to)\s+", lowered):
        if not trigger.start <= m.start() < trigger.end:  # "spoke by phone" is no agent
            barred.append((m.start(), m.end() + 60))
    for cue, where in lexicon.attribution.items():
        if where != "before":
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", lowered):
            start = _frame_start(s, m.start())
            if start >= trigger.end:
                barred.append((start, m.end()))
    for m in re.finditer(r"\bthat\s+(?:the\s+)?", lowered[trigger.end :]):
        if trigger.event_type == "REQUEST" and trigger.pos == "verb":
            break  # "demanded that X stop …": X is the one asked
        at = trigger.end + m.end()
        barred.extend((x.start, x.end) for x in s.mentions if x.start == at)
    barred.extend(_background_spans(s, lexicon))
    return barred


def _background_spans(s: _Sentence, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Phrases that give the reason for an act ("at X's request", "at the request of X"):
    the party named in them asked for the act; it is not whom the act is aimed at."""
    spans: list[tuple[int, int]] = []
    tokens = s.tokens
    for k, token in enumerate(tokens):
        entries = lexicon.forms.get(token.lower, [])
        if not any(e[1] == "noun" and e[2] == "REQUEST" for e in entries):
            continue
        j = _phrase_head(tokens, k, lexicon)
        if j < 0 or tokens[j].lower not in lexicon.cue("background"):
            continue
        end = token.end
        if k + 1 < len(tokens) and tokens[k + 1].lower == "of":  # "at the request of X"
            end = min(s.clause_of(token.start)[1], tokens[k + 1].end + 60)
        spans.append((tokens[j].start, end))
    return spans


_COUNTERPART = r"\s+(?:his|her|its|their)\s+(?:[\w-]+\s+)?counterparts?,?\s+"


def _noun_recipient(
    trigger: _Trigger, s: _Sentence, actor: str, barred: list[tuple[int, int]]
) -> str:
    """For a noun, "against/on/to/with X" right after it names the recipient ("support for
    X", "an invasion of X" and "an attack on X" too); "with X" may come after a place or a
    date ("talks in Ankara on Monday with X")."""
    tokens = s.tokens
    clause = s.clause_of(trigger.start)
    i = trigger.index
    aimed = set(_AIMED_AT) | {"for"}
    if trigger.event_type in {"ASSAULT", "ACCUSE", "COERCE"}:
        aimed.add("of")

    def mention_after(token: _Token) -> _Mention | None:
        for m in s.mentions:
            gap = s.folded[token.end : m.start]
            near = 0 <= m.start - token.end <= 30 and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}", gap)
            near = near or re.fullmatch(_COUNTERPART, gap)  # "with his Veldran counterpart, X"
            if near and m.actor != actor and not any(a <= m.start < b for a, b in barred):
                return m
        return None

    if i + 1 < len(tokens) and tokens[i + 1].lower in aimed:
        found = mention_after(tokens[i + 1])
        return found.actor if found else ""
    for token in tokens[i + 1 : i + 9]:
        if token.start >= clause[1] or token.lower in {"and", "but", "which", "who", "that"}:
            break
        if token.lower == "with":
            found = mention_after(token)
            return found.actor if found else ""
    return ""


def _hedged(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    clause = s.clause_of(trigger.start)
    text = s.folded
    for cue, (_, scope) in lexicon.hedges.items():
        flags = 0 if cue == "may" else re.IGNORECASE
        for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", text, flags):
            if clause[0] <= m.start() < clause[1]:
                return True
            if scope == "sentence" and m.end() <= trigger.start:
                return True
    return False


def _is_excluded(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> bool:
    tokens = s.tokens
    i = trigger.index
    clause = s.clause_of(trigger.start)
    window = [t.lower for t in tokens[max(0, i - 3) : i] if t.start >= clause[0]]
    if lexicon.cue("negation") & set(window[-2:]) - {"no"}:
        return True
    if window[-1:] == ["no"]:
        return True
    if _in_condition(trigger, s, lexicon) or _has_no_subject(trigger, s, lexicon):
        return True
    if trigger.pos == "verb" and _in_complement(tokens, i, lexicon):
        return True
    if trigger.pos == "verb" and _is_state_or_modifier(trigger, tokens, i):
        return True
    if _in_accusation_content(trigger, s, lexicon, verbs_before):
        return True
    earlier = [v for v in verbs_before if clause[0] <= v.start < trigger.start]
    if trigger.pos == "verb" and earlier and _is_gerund_complement(tokens, i):
        return True  # "accused X of shelling", "a protocol on withdrawing troops"
    after_comma = s.folded[: tokens[i].start].rstrip().endswith(",")
    if trigger.pos == "verb" and tokens[i].lower.endswith("ing") and after_comma:
        gerunds = [k for k in range(i) if tokens[k].lower in lexicon.forms]
        if any(
            _is_gerund_complement(tokens, k) for k in gerunds
        ):  # "accused X of shelling Y, killing Z": still what X is accused of
            return True
    plural = tokens[i].lower.endswith("s") and trigger.lemma != tokens[i].lower
    if trigger.pos == "verb" and plural and earlier and earlier[-1].end == tokens[i].start - 1:
        return True  # "rejected calls for talks": a plural noun, the object
    if trigger.pos == "verb" and "that" in [t.lower for t in tokens[max(0, i - 6) : i]]:
        requests = [v for v in earlier if v.event_type == "REQUEST"]
        if requests:  # "demanded that the president veto the law"
            return True
    asked = any(v.event_type == "REQUEST" and v.pos == "verb" for v in earlier)
    if trigger.pos == "verb" and asked and _after_to(tokens, i):
        return True  # "urged X to investigate … and to release Y": what is asked for
    if trigger.pos == "noun" and _is_noun_background(trigger, s, lexicon, verbs_before):
        return True
    if trigger.pos == "noun" and _is_known_object(tokens, i, lexicon):
        return True
    if trigger.pos == "noun":
        governing = [v for v in verbs_before if clause[0] <= v.start < trigger.start]
        if governing:
            j = i - 1
            while j >= 0 and tokens[j].start >= governing[-1].end:
                if tokens[j].lower in lexicon.cue("circumstance"):
                    return False
                if tokens[j].lower == "and" and j + 1 < i and _is_verbish(tokens[j + 1], lexicon):
                    return False  # "blockaded … and regained … in an offensive"
                j -= 1
            return True
    return False


_REMAIN = {"remain", "remains", "remained", "remaining", "stay", "stays", "stayed"}
# Words before an -ed form that make it an adjective: "the detained", "to release detained".
_ADJECTIVE_OPENERS = {"a", "an", "the", "its", "their", "his", "her", "our", "newly", "recently"}


def _in_condition(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A trigger after "if", "unless", "once" (cue kind ``condition``) with no comma between
    is part of a condition, not a reported act: "would return to the talks once its demands
    were met", "would impose sanctions unless X withdrew its troops"."""
    words = [t for t in s.tokens if t.end <= trigger.start]
    for k in range(len(words) - 1, -1, -1):
        if "," in s.folded[words[k].end : trigger.start]:
            return False
        if words[k].lower in lexicon.cue("condition") and k > 0:
            return True
    return False


def _has_no_subject(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A verb whose subject starts with "no" is negated: "no troops would be deployed",
    "said that no talks were planned". Only nouns, names and auxiliaries may stand between
    "no" and the verb."""
    if trigger.pos != "verb":
        return False
    clause = s.clause_of(trigger.start)
    words = [t for t in s.tokens if clause[0] <= t.start and t.end <= trigger.start]
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word.lower == "no":
            return True
        if word.lower in _PHRASE_END - _AUXILIARIES or _is_verbish(word, lexicon):
            return False
    return False


def _is_state_or_modifier(trigger: _Trigger, tokens: list[_Token], i: int) -> bool:
    """A verb form that names no act: a state after "remain" ("flights remain suspended"),
    "meet" in the passive ("once demands were met": satisfied, not a meeting), or an -ed
    form that modifies the noun after it ("the detained activists", "to release detained
    protesters")."""
    word = tokens[i].lower
    j = i - 1
    while j >= 0 and tokens[j].lower.endswith("ly") and tokens[j].lower not in _ADJECTIVE_OPENERS:
        j -= 1  # "remain temporarily suspended", "were fully met"
    before = tokens[j].lower if j >= 0 else ""
    if before in _REMAIN:
        return True
    if trigger.lemma == "meet" and before in _PASSIVE_AUX:
        return True
    if _is_reduced_relative(trigger, tokens, i):
        return True
    if not word.endswith("ed") or i + 1 >= len(tokens) or not tokens[i + 1].text.islower():
        return False
    nxt = tokens[i + 1].lower
    if nxt in _PHRASE_END or nxt in _TIME_WORDS or nxt in _DETERMINERS or nxt.endswith("ly"):
        return False
    if i >= 1 and tokens[i - 1].lower in _ADJECTIVE_OPENERS | _PREPOSITIONS:
        return True  # "the detained activists", "over disputed land": an adjective
    verb = tokens[i - 1] if i >= 2 else None
    return (
        verb is not None
        and tokens[i - 2].lower == "to"
        and verb.text.islower()
        and verb.lower not in {"have", "be", "get"}
    )


# Words after which a verb form ends its phrase: a preposition, or nothing at all.
_AFTER_PARTICIPLE = _PREPOSITIONS - {"and", "or"}


def _is_reduced_relative(trigger: _Trigger, tokens: list[_Token], i: int) -> bool:
    """A coercive verb ("detain", "arrest") always has an object when it is active. An -ed
    form of one with no auxiliary before it and no object after it (a preposition or the end
    of the sentence follows) is a participle that describes a noun: "the 50 people detained
    during the unrest", "the release of everyone detained". The act is background."""
    if trigger.event_type != "COERCE" or not tokens[i].lower.endswith("ed") or i == 0:
        return False
    before = tokens[i - 1]
    if before.lower in _AUXILIARIES | _PASSIVE_AUX or not before.text.islower():
        return False  # "were detained" (a passive), "Police detained …" (a subject)
    return i + 1 == len(tokens) or tokens[i + 1].lower in _AFTER_PARTICIPLE


_CONTENT = {"saying", "claiming", "alleging", "charging"}


def _in_accusation_content(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> bool:
    """A trigger in a ", saying …" clause after an accusation is what is alleged, not an event
    of its own: "X accused Y of violating the truce, saying Y's troops had shelled Z"."""
    if not any(v.event_type == "ACCUSE" for v in verbs_before):
        return False
    clause = s.clause_of(trigger.start)
    opening = re.match(r",\s+([a-z]+)\b", s.folded[clause[0] :])
    return bool(opening) and opening.group(1) in _CONTENT


def _agrees_to_sanction(
    trigger: _Trigger, s: _Sentence, triggers: list[_Trigger], lexicon: Lexicon
) -> bool:
    """An agreement to act against someone is that act: "agreed on Monday to widen its
    sanctions against X" is a SANCTION (the noun's event), not an AGREE. The verb after "to"
    is no trigger of its own, and the sanction noun follows it within four words."""
    if trigger.pos != "verb" or trigger.event_type != "AGREE":
        return False
    tokens = s.tokens
    j = trigger.index + 1
    while j < len(tokens) and (tokens[j].lower in _TIME_GAP or tokens[j].lower.isdigit()):
        j += 1
    if j + 1 >= len(tokens) or tokens[j].lower != "to" or tokens[j + 1].lower in lexicon.forms:
        return False
    return any(
        t.pos == "noun" and t.event_type == "SANCTION" and 0 < t.index - (j + 1) <= 4
        for t in triggers
    )


def _is_known_object(tokens: list[_Token], i: int, lexicon: Lexicon) -> bool:
    """A noun with "the" after an infinitive or a modal and a plain verb names an act already
    known, not a new one: "to monitor the ceasefire", "would study the request"."""
    if i < 3 or tokens[i - 1].lower != "the":
        return False
    verb, before = tokens[i - 2], tokens[i - 3]
    if verb.lower in lexicon.forms or _lemma_of(verb.lower, lexicon) in lexicon.cue("light"):
        return False
    return before.lower in {"to"} | _MODALS and verb.text.islower() and verb.lower.isalpha()


def _after_to(tokens: list[_Token], i: int) -> bool:
    """Whether the verb at ``i`` is an infinitive after "to" (or "to help")."""
    j = i - 1
    if j >= 1 and tokens[j].lower == "help" and tokens[j - 1].lower == "to":
        j -= 1
    return j >= 0 and tokens[j].lower == "to"


def _is_noun_background(
    trigger: _Trigger, s: _Sentence, lexicon: Lexicon, verbs_before: list[_Trigger]
) -> bool:
    """A noun trigger that names no act of its own: a danger someone faces ("faced a threat
    from X", "under threat"), the reason for another act ("acted at X's request"), or the
    event of the sentence described again in a participle clause ("withdrew its troops,
    ending a 10-day deployment")."""
    tokens = s.tokens
    j = _phrase_head(tokens, trigger.index, lexicon)
    governor = tokens[j].lower if j >= 0 else ""
    if trigger.event_type == "THREATEN" and _lemma_of(governor, lexicon) in lexicon.cue("exposure"):
        return True
    if trigger.event_type == "REQUEST" and governor in lexicon.cue("background"):
        return True
    clause = s.clause_of(trigger.start)
    opening = re.match(r",\s+([a-z]+ing)\b", s.folded[clause[0] :])
    if opening and verbs_before and any(v.start < clause[0] for v in verbs_before):
        participle = opening.group(1)
        return _lemma_of(participle, lexicon) in lexicon.cue("describe")
    return False


def _in_complement(tokens: list[_Token], i: int, lexicon: Lexicon) -> bool:
    """Whether the verb at ``i`` is the "to" complement of a trigger or a control verb,
    perhaps with a date or "help" between ("offered on Monday to host", "ready to help
    mediate")."""
    j = i - 1
    if j >= 1 and tokens[j].lower == "help" and tokens[j - 1].lower == "to":
        j -= 1
    if j < 1 or tokens[j].lower != "to":
        return False
    j -= 1
    while j > 0 and (tokens[j].lower in _TIME_GAP | {"for"} or tokens[j].lower.isdigit()):
        j -= 1
    head = tokens[j].lower
    return head in lexicon.forms or _lemma_of(head, lexicon) in lexicon.cue("control")


def _is_gerund_complement(tokens: list[_Token], i: int) -> bool:
    """An -ing verb after "of", "on", "about" or "for" (an adverb may come between) is what
    the earlier word is about, not an event of its own."""
    if not tokens[i].lower.endswith("ing"):
        return False
    j = i - 1
    if j >= 0 and tokens[j].lower.endswith("ly"):
        j -= 1
    return j >= 0 and tokens[j].lower in {"of", "on", "about", "for"}


_MODALS = {"could", "would", "will", "might", "may"}
_HOSTILE = {"SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "REJECT"}


def _is_conditional_threat(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A hostile act, or a cut in cooperation, announced for when a condition is met is a
    threat: "X could review its cooperation with Y if …", "Z would impose sanctions unless …"
    (PLOVER codes conditional threats as THREATEN)."""
    if not re.search(r"\b(?:if|unless)\b", s.folded[trigger.end :].lower()):
        return False
    clause = s.clause_of(trigger.start)
    words = [t.lower for t in s.tokens if clause[0] <= t.start and t.end <= trigger.start][-6:]
    modal = [k for k, w in enumerate(words) if w in _MODALS]
    if not modal:
        return False
    between = words[modal[-1] + 1 :]
    reduce = any(_lemma_of(w, lexicon) in lexicon.cue("reduce") for w in between)
    return trigger.event_type in _HOSTILE or reduce


_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,;:]*,")


def _in_undated_relative(trigger: _Trigger, s: _Sentence, lexicon: Lexicon) -> bool:
    """A trigger in a relative clause set off by commas after the subject ("X, who had vowed
    to veto the bill, welcomed …", "… that Y, which backed Z throughout the war, will …")
    tells the background of the subject. The main clause's date is not its date, so unless
    the relative clause has a date of its own the trigger gives no event. A relative clause
    after the verb ("spoke with X, who promised …") goes on with the story."""
    for m in _RELATIVE.finditer(s.folded):
        if not m.start() < trigger.start < m.end():
            continue
        words = [t for t in s.tokens if t.end <= m.start()]
        opener = max((k for k, t in enumerate(words) if t.lower == "that"), default=-1)
        subject = words[opener + 1 :]
        if any(t.lower in _AUXILIARIES or _is_verbish(t, lexicon) for t in subject):
            return False
        return not any(m.start() <= d[0] < m.end() for d in s.dates)
    return False


def _nearest_date(trigger: _Trigger, s: _Sentence) -> tuple[int, int, dict[str, Any]] | None:
    if not s.dates:
        return None
    clause = s.clause_of(trigger.start)
    same = [d for d in s.dates if clause[0] <= d[0] < clause[1]]
    pool = same or s.dates
    return min(pool, key=lambda d: min(abs(d[0] - trigger.end), abs(trigger.start - d[1])))


_PERFECT = {"has", "have"}


def _is_standing(trigger: _Trigger, s: _Sentence) -> bool:
    """A clause in the present perfect that says how long ("has long demanded", "talks
    have dragged on for years") states a standing position, not the dated act of the
    sentence before: it borrows no date. An adverb may come between "has" and the
    participle."""
    clause = s.clause_of(trigger.start)
    text = s.folded[clause[0] : clause[1]].lower()
    if not re.search(
        r"\b(?:has|have)\s+long\b|\bfor\s+(?:[\w-]+\s+){0,3}(?:years|decades|months)\b", text
    ):
        return False
    words = [t for t in s.tokens if clause[0] <= t.start < clause[1]]
    for k, word in enumerate(words[:-1]):
        if word.lower not in _PERFECT:
            continue
        nxt = words[k + 1 :][:3]
        while nxt and (nxt[0].lower.endswith("ly") or nxt[0].lower in {"long", "already"}):
            nxt = nxt[1:]
        if nxt and (nxt[0].lower.endswith(("ed", "en")) or nxt[0].start == trigger.start):
            return True
    return False


def _starts_conditional(s: _Sentence, lexicon: Lexicon) -> bool:
    first = s.tokens[0].lower if s.tokens else ""
    return first in lexicon.cue("conditional")


def _shifts_time(s: _Sentence, lexicon: Lexicon, before: int) -> bool:
    lower = s.folded.lower()[:before]
    return any(
        re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", lower)
        for cue in lexicon.cue("time_shift")
    )


def _published_or_none(article: Any, published: Any) -> Any:
    return published if published is not None else getattr(article, "published", None)


def find_events(
    article: Any,
    published: dt.date | str | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    sections: Iterable[str] = ("body",),
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Find PLOVER events: one per trigger word in a dated sentence (see the module's rules).

    ``mentions`` defaults to ``find_actors(article)`` and ``dates`` to
    ``find_dates(article, published)``. Columns: ``event_type, trigger, lemma, pos, start,
    end`` (the trigger's offsets in ``article.text``), ``sentence, actor, recipient, attributed_to,
    hedged, time_text, value, precision, mod, date_start, date_end, date_source``
    (``sentence`` when the date is in the event's sentence, ``context`` when it comes from
    the sentence before).
    """
    lexicon = lexicon or load_lexicon()
    if dates is None:
        dates = find_dates(article, _published_or_none(article, published))
    if mentions is None:
        from course_utils.actors import find_actors

        mentions = find_actors(article)
    sentences = _prepare(article, mentions, dates, lexicon)
    wanted = set(sections)
    rows: list[dict[str, Any]] = []
    # The date (and events) each sentence passes on to the next one in its paragraph.
    carried: tuple[tuple[int, int, dict[str, Any]], list[dict[str, Any]], _Sentence] | None = None
    for index, s in enumerate(sentences):
        if s.section not in wanted:
            carried = None
            continue
        if carried and carried[2].paragraph != s.paragraph:
            carried = None
        triggers = find_triggers(s.text, lexicon, objects=True)
        if _starts_conditional(s, lexicon):
            triggers = []
        speaker, speech_end = _speech(s, lexicon)
        own: list[dict[str, Any]] = []
        verbs: list[_Trigger] = []
        for trigger in triggers:
            if _agrees_to_sanction(trigger, s, triggers, lexicon):
                continue  # "agreed to widen its sanctions": the sanctions are the event
            if _is_excluded(trigger, s, lexicon, verbs):
                if trigger.pos == "verb":
                    verbs.append(trigger)
                continue
            if trigger.pos == "verb":
                verbs.append(trigger)
            if _in_undated_relative(trigger, s, lexicon):
                continue  # ", who had vowed to veto the bill,": background, not dated
            actor = _actor(trigger, index, sentences, lexicon, speaker, speech_end)
            recipient = _recipient(trigger, s, actor, lexicon)
            passive = _reported_passive(trigger, s, speaker, speech_end)
            if passive:
                actor, recipient = passive
            if speaker and 0 <= speech_end <= trigger.start and _is_appositive_claim(trigger, s):
                # "X said that Y had done Z, an accusation …": X accuses Y
                actor = speaker
                named = [m for m in s.mentions if speech_end <= m.start < trigger.start]
                named = [m for m in named if m.actor != speaker]
                recipient = named[0].actor if named else ""
            in_speech = s.in_quote(trigger.start) or (0 <= speech_end <= trigger.start)
            attributed = speaker if in_speech or _according(s) else ""
            event_type = trigger.event_type
            if _is_conditional_threat(trigger, s, lexicon):
                event_type = "THREATEN"  # the statement that makes the threat is the event
                actor = speaker if in_speech and speaker else actor
            own.append(
                {
                    "event_type": event_type,
                    "trigger": s.text[trigger.start : trigger.end],
                    "lemma": trigger.lemma,
                    "pos": trigger.pos,
                    "start": s.offset + trigger.start,
                    "end": s.offset + trigger.end,
                    "sentence": s.id,
                    "actor": actor,
                    "recipient": recipient,
                    "attributed_to": attributed,
                    "hedged": _hedged(trigger, s, lexicon),
                    "_trigger": trigger,
                }
            )
        events: list[dict[str, Any]] = []
        if s.dates:
            for event in own:
                date = _nearest_date(event["_trigger"], s)
                assert date is not None
                events.append(_with_date(event, date[2], "sentence"))
            carried = (min(s.dates, key=lambda d: d[0]), events, s)
        elif carried and own and not _shifts_time(s, lexicon, own[0]["_trigger"].start):
            date, earlier, _ = carried
            for event in own:
                repeat = any(
                    e["event_type"] == event["event_type"] and e["actor"] == event["actor"]
                    for e in earlier
                )
                if not repeat and not _is_standing(event["_trigger"], s):
                    events.append(_with_date(event, date[2], "context"))
            carried = (date, earlier + events, s)
        else:
            carried = None
        rows.extend(_dedupe(events))
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return table.astype({"start": int, "end": int, "sentence": int, "hedged": bool})


_PASSIVE_AUX = {"be", "been", "being", "is", "are", "was", "were"}
# Institutions are written "<State>: <label>"; groups too, but they are of kind "group".
_INSTITUTION_KINDS = {"state", "organization"}


def _is_appositive_claim(trigger: _Trigger, s: _Sentence) -> bool:
    """An accusation noun in apposition to what was said: "…, an accusation Y denied"."""
    if trigger.pos != "noun" or trigger.event_type != "ACCUSE":
        return False
    words = [t for t in s.tokens if t.end <= trigger.start][-2:]
    if words and words[-1].lower in {"a", "an", "the"}:
        return s.folded[: words[-1].start].rstrip().endswith(",")
    return s.folded[: trigger.start].rstrip().endswith(",")


def _reported_passive(
    trigger: _Trigger, s: _Sentence, speaker: str, speech_end: int
) -> tuple[str, str] | None:
    """(actor, recipient) of a coercive verb in the passive with no "by" agent: the one
    detained is the recipient, not the actor. "The X Interior Ministry said that Y had been
    detained": a state, or a state's institution, that reports a detention made it (the
    actor); anyone else (a rights group, a person) only reports it, and the actor is
    unknown."""
    if trigger.pos != "verb" or trigger.event_type not in {"COERCE", "ASSAULT"}:
        return None
    words = [t for t in s.tokens if t.end <= trigger.start]
    if words and words[-1].lower.endswith("ly"):
        words = words[:-1]
    if not words or words[-1].lower not in _PASSIVE_AUX:
        return None
    after = [t for t in s.tokens if t.start >= trigger.end]
    if after and after[0].lower == "by":
        return None  # the agent is named: the general rule applies
    clause = s.clause_of(trigger.start)
    reported = 0 <= speech_end <= trigger.start
    lower = max(clause[0], speech_end) if reported else clause[0]
    subjects = [m for m in s.mentions if lower <= m.start and m.end <= trigger.start]
    recipient = subjects[0].actor if subjects else ""
    actor = ""
    if reported and speaker and trigger.event_type == "COERCE":
        kinds = {m.kind for m in s.mentions if m.actor == speaker}
        if "state" in kinds or (kinds & _INSTITUTION_KINDS and ": " in speaker):
            actor = speaker
    if actor == recipient:
        recipient = ""
    return actor, recipient


def _according(s: _Sentence) -> bool:
    return "according to" in s.folded.lower()


def _with_date(event: dict[str, Any], date: dict[str, Any], source: str) -> dict[str, Any]:
    row = {k: v for k, v in event.items() if not k.startswith("_")}
    row.update(
        time_text=date["text"],
        value=date["value"],
        precision=date["precision"],
        mod=date["mod"],
        date_start=date["date_start"],
        date_end=date["date_end"],
        date_source=source,
    )
    return row


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per report: drop an event of a sentence that another event of the same type
    and date covers (the same actor and recipient, or an empty one where the other has one):
    "held talks … during a visit" is one consultation."""
    kept: list[dict[str, Any]] = []
    for event in events:
        if any(_covers(other, event) for other in kept):
            continue
        kept = [other for other in kept if not _covers(event, other)]
        kept.append(event)
    return sorted(kept, key=lambda e: e["start"])


def _covers(wide: dict[str, Any], narrow: dict[str, Any]) -> bool:
    """Whether ``wide`` says all that ``narrow`` says about the same event."""
    if (wide["event_type"], wide["value"]) != (narrow["event_type"], narrow["value"]):
        return False
    return all(not narrow[f] or narrow[f] == wide[f] for f in ("actor", "recipient"))


def _summary(row: pd.Series) -> str:
    actor = row["actor"] or "(someone)"
    if row["pos"] == "noun":
        line = f"{actor}: {row['trigger'].lower()}"
    else:
        line = f"{actor} {row['trigger']}"
    if row["recipient"]:
        line += f" → {row['recipient']}"
    notes = []
    if row["hedged"]:
        notes.append("hedged")
    if row["attributed_to"] and row["attributed_to"] != row["actor"]:
        notes.append(f"according to {row['attributed_to']}")
    if row["date_source"] == "context":
        notes.append(f"date from the sentence before: {row['time_text']}")
    return line + (f" ({'; '.join(notes)})" if notes else "")


def build_timeline(
    article: Any,
    published: dt.date | str | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Turn the events of an article into a timeline, sorted by date.

    Columns: ``date_start, date_end, precision, value, event_type, actor, recipient,
    attributed_to, hedged, sentence, time_text, summary``. An event whose date comes from the
    sentence before has ``(context)`` after its ``time_text``.
    """
    events = find_events(article, published, mentions=mentions, dates=dates)
    if events.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS).astype({"hedged": bool})
    timeline = events.copy()
    timeline["summary"] = [_summary(row) for _, row in events.iterrows()]
    timeline["time_text"] = [
        f"{text} (context)" if source == "context" else text
        for text, source in zip(events["time_text"], events["date_source"], strict=True)
    ]
    timeline = timeline.sort_values(["date_start", "date_end", "sentence", "start"], kind="stable")
    return timeline[TIMELINE_COLUMNS].reset_index(drop=True)
