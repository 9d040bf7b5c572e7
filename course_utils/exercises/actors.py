"""Self-checks for notebook 03, "Extracting actors".

03.1 computes its truth from the configured article and its answer key; the sentences of
03.2 and the phrases of 03.3 are made up for the check, with the labels of 03.3 decided by
reading. Hints name the kind of mistake, never the answer.

>>> from course_utils.exercises import check
>>> check("03.3", ["actor"] * len(CAPITAL_PHRASES))
✘ 03.3: not yet. Hint: you marked every capital as an actor, but some only say where \
something happened: look at the word just before each capital
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from course_utils.errors import CourseError
from course_utils.exercises._framework import Exercise, Hint, hint, register
from course_utils.exercises._judging import judgement_exercise

__all__ = [
    "CAPITAL_PHRASES",
    "JUDGED_METHODS",
    "TITLE_SENTENCES",
    "actor_judgement_table",
    "gazetteer_misses",
    "metonymy_labels",
]

# --- 03.1 What does the gazetteer alone miss? --------------------------------------------


def _gazetteer_data() -> tuple[pd.DataFrame, set[str]]:
    """The configured article's actor key and the actors the gazetteer alone finds."""
    from course_utils.actors import find_actors
    from course_utils.article import course_article
    from course_utils.evaluate import load_key

    article = course_article()
    found = find_actors(article, methods=["gazetteer"])
    return load_key("actors", article=article), set(found["actor"])


def gazetteer_misses() -> set[str]:
    """The distinct actors of the answer key that the gazetteer method alone does not find."""
    key, found = _gazetteer_data()
    return set(key["actor"]) - found


def _check_misses(answer: Any) -> Hint | None:
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        return hint("give a set (or list) of actor names, for example {'A', 'B'}")
    names = list(answer)
    if not all(isinstance(n, str) for n in names):
        return hint("every item should be an actor's name, as a string")
    given = set(names)
    try:
        key, found = _gazetteer_data()
    except CourseError as err:  # an article without an actor key: say what to do
        return hint(f"this exercise needs the article's answer key: {err}")
    truth = set(key["actor"]) - found
    if given == truth:
        return None
    if not given:
        return hint(
            "an empty set: did you subtract the wrong way round? Take the key's actors and "
            "remove the ones the gazetteer found"
        )
    if given <= found:
        return hint(
            "those are actors the gazetteer found; you want the key's actors that it did not find"
        )
    if given == set(key["actor"]):
        return hint("that is every actor of the key: remove the ones the gazetteer found")
    if given & (set(key["text"]) - set(key["actor"])):
        return hint(
            "compare canonical names (the actor column), not the words on the page "
            "(the text column)"
        )
    if given & found:
        return hint("some of your names were found by the gazetteer: leave them out")
    if given < truth:
        kinds = dict(zip(key["actor"], key["kind"], strict=True))
        missing = {kinds[a] for a in truth - given}
        return hint(
            f"some are still missing: look for more of kind {' and '.join(sorted(missing))}"
        )
    return hint(
        "some of your names are not in the answer key: use set(key['actor']) and the actor "
        "column of the gazetteer's results"
    )


def _misses_wrong_answers() -> tuple[tuple[Any, str], ...]:
    wrong: list[tuple[Any, str]] = [
        (set(), "wrong way round"),
        ({"Atlantis"}, "not in the answer key"),
        ("Sergei Lavrov", "a set (or list)"),
    ]
    try:
        key, found = _gazetteer_data()
    except CourseError:  # no actor key beside the configured article
        return tuple(wrong)
    truth = sorted(set(key["actor"]) - found)
    wrong += [
        (set(sorted(found)[:2]), "those are actors the gazetteer found"),
        (set(key["actor"]), "every actor of the key"),
        ({*truth, sorted(found)[0]}, "found by the gazetteer"),
    ]
    words = sorted(set(key["text"]) - set(key["actor"]))
    if words:
        wrong.append(({*truth, words[0]}, "canonical names"))
    kinds = dict(zip(key["actor"], key["kind"], strict=True))
    for kind in sorted({kinds[a] for a in truth}):
        others = {a for a in truth if kinds[a] != kind}
        if others:
            wrong.append((others, f"kind {kind}"))
    return tuple(wrong)


register(
    Exercise(
        "03.1",
        "Which distinct actors of the answer key does the gazetteer alone not find?",
        _check_misses,
        solution=gazetteer_misses,
        mistakes=_misses_wrong_answers,
        success="People and unnamed groups are not in any list: the next methods find them.",
    )
)


# --- 03.2 A title pattern ---------------------------------------------------------------

#: Made-up sentences for 03.2: (sentence, the name the pattern must capture, or None when
#: the pattern must not match at all).
TITLE_SENTENCES: tuple[tuple[str, str | None], ...] = (
    ("Defense Minister Jane Doe said the talks were useful.", "Jane Doe"),
    ("The Georgian Foreign Minister Nino Beridze met the envoys.", "Nino Beridze"),
    ("On Monday, Interior Minister Tomas Varga resigned.", "Tomas Varga"),
    ("Prime Minister Ana Lopes flew to Brussels on Friday.", "Ana Lopes"),
    ("Aides to Finance Minister Ali Khan's office declined to comment.", "Ali Khan"),
    ("The Defense Minister said that Jane Doe was wrong.", None),
)


def _compile(answer: Any) -> re.Pattern[str] | Hint:
    if isinstance(answer, re.Pattern):
        return answer
    if not isinstance(answer, str):
        return hint('give the pattern as a string, for example r"Minister (...)"')
    try:
        return re.compile(answer)
    except re.error as err:
        return hint(f"Python cannot read your pattern as a regular expression ({err.msg})")


def _check_title_pattern(answer: Any) -> Hint | None:
    pattern = _compile(answer)
    if isinstance(pattern, Hint):
        return pattern
    if pattern.groups < 1:
        return hint(
            "put round brackets around the name, so that group 1 holds the name and nothing else"
        )
    for sentence, name in TITLE_SENTENCES:
        match = pattern.search(sentence)
        if name is None:
            if match is not None:
                return hint(
                    f"your pattern also matches {sentence!r}, where the title is followed by "
                    "an ordinary word, not a name: a name starts with a capital letter"
                )
            continue
        if match is None or match.group(1) is None:
            return hint(f"your pattern finds no name in {sentence!r}: does it fit every minister?")
        got = match.group(1)
        if got == name:
            continue
        if "Minister" in got:
            return hint("your group also holds the title: put the brackets around the name only")
        if name.startswith(got):
            return hint(
                f"in {sentence!r} your group stops too early: a name here is two words, "
                "first name and surname"
            )
        if got.startswith(name + "'") or got.startswith(name + "’"):
            return hint(
                f"in {sentence!r} your group takes the possessive 's as well: a name is "
                "letters only"
            )
        if got.startswith(name):
            return hint(
                f"in {sentence!r} your group runs on past the end of the name: "
                "stop after the surname"
            )
        return hint(f"in {sentence!r} your group holds {got!r}, which is not the person's name")
    return None


register(
    Exercise(
        "03.2",
        "Write a regular expression whose group 1 captures the two-word name after 'Minister'.",
        _check_title_pattern,
        solution=lambda: r"Minister ([A-Z][a-z]+ [A-Z][a-z]+)",
        mistakes=lambda: (
            (r"Minister [A-Z][a-z]+ [A-Z][a-z]+", "round brackets"),
            (r"(Minister [A-Z][a-z]+ [A-Z][a-z]+)", "also holds the title"),
            (r"Minister ([A-Z][a-z]+)", "stops too early"),
            (r"Minister ([A-Z].*)", "runs on past the end"),
            (r"Minister (\w+ \w+)", "ordinary word, not a name"),
            (r"Minister ([A-Z]\S+ [A-Z]\S+)", "possessive"),
            (r"Defense Minister ([A-Z][a-z]+ [A-Z][a-z]+)", "fit every minister"),
            (r"Minister ([A-Z][a-z]+ [A-Z]", "cannot read your pattern"),
            (42, "as a string"),
        ),
        success=(
            "The course's title_actors does the same with a list of titles from "
            "data/gazetteer/titles.csv instead of one word."
        ),
    )
)


# --- 03.3 Actor or place? -----------------------------------------------------------------

#: Made-up phrases with a capital in them (exercise 03.3), written like news text.
CAPITAL_PHRASES: tuple[str, ...] = (
    "a summit of foreign ministers held in Ankara last spring",
    "Tbilisi went on to request a larger observer mission",
    "Ankara has accused the border guards of firing first",
    "prompting a sharp rebuke from Tbilisi",
    "the envoys hope the talks will take place in Tbilisi soon",
)
# What the capital is in each phrase, decided by reading: "actor" when it stands for its
# state and does something, "place" when it only says where something happens.
_CAPITAL_LABELS: tuple[str, ...] = ("place", "actor", "actor", "actor", "place")

_LABELS = ("actor", "place")


def metonymy_labels() -> list[str]:
    """The right label for each phrase of :data:`CAPITAL_PHRASES`, in order."""
    return list(_CAPITAL_LABELS)


def _as_labels(answer: Any) -> list[Any] | None:
    phrases = list(CAPITAL_PHRASES)
    if isinstance(answer, Mapping):
        if set(answer) == set(phrases):
            return [answer[p] for p in phrases]
        if set(answer) == set(range(len(phrases))):
            return [answer[i] for i in range(len(phrases))]
        return None
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        return None
    labels = list(answer)
    return labels if len(labels) == len(phrases) else None


def _check_metonymy(answer: Any) -> Hint | None:
    labels = _as_labels(answer)
    n = len(CAPITAL_PHRASES)
    if labels is None:
        return hint(
            f"give a list of {n} labels, one per phrase, in the order shown, "
            'each "actor" or "place"'
        )
    if not all(isinstance(x, str) and x.strip().lower() in _LABELS for x in labels):
        return hint('use only the two labels "actor" and "place" (as strings, in quotes)')
    given = [x.strip().lower() for x in labels]
    truth = metonymy_labels()
    if given == truth:
        return None
    if set(given) == {"actor"}:
        return hint(
            "you marked every capital as an actor, but some only say where something "
            "happened: look at the word just before each capital"
        )
    if set(given) == {"place"}:
        return hint(
            "you marked every capital as a place, but in some phrases the capital does "
            "something (it requests, accuses or rebukes): there it stands for its state"
        )
    if all(g != t for g, t in zip(given, truth, strict=True)):
        return hint("you have them the wrong way round: a capital that does something is an actor")
    wrong = [i for i, (g, t) in enumerate(zip(given, truth, strict=True)) if g != t]
    phrases = list(CAPITAL_PHRASES)
    if any(" from " in phrases[i] for i in wrong) and len(wrong) == 1:
        return hint(
            "after 'from' a capital is usually a place, but not after a noun of action such "
            "as a rebuke: ask who is doing the rebuking"
        )
    if all(re.search(r"\bin \w+", phrases[i]) and truth[i] == "place" for i in wrong):
        return hint(
            "after 'in' a capital says where something happens: a summit held somewhere "
            "is not the capital acting"
        )
    return hint(
        f"{len(wrong)} of your {n} labels are not right yet: for each phrase, ask whether the "
        "capital does something (actor) or says where (place)"
    )


def _metonymy_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth = metonymy_labels()
    flipped = ["place" if t == "actor" else "actor" for t in truth]
    pairs = list(zip(CAPITAL_PHRASES, truth, strict=True))
    from_index = next(i for i, (p, _) in enumerate(pairs) if " from " in p)
    in_index = next(i for i, (p, t) in enumerate(pairs) if t == "place" and re.search(r"\bin ", p))
    from_wrong = list(truth)
    from_wrong[from_index] = "place"
    in_wrong = list(truth)
    in_wrong[in_index] = "actor"
    mixed = list(truth)
    mixed[1], mixed[4] = flipped[1], flipped[4]
    return (
        (["actor"] * len(truth), "every capital as an actor"),
        (["place"] * len(truth), "every capital as a place"),
        (flipped, "wrong way round"),
        (from_wrong, "noun of action"),
        (in_wrong, "after 'in'"),
        (mixed, "2 of your"),
        (truth[:-1], "a list of"),
        ([t.replace("actor", "state") for t in truth], "only the two labels"),
        ("actor place", "a list of"),
    )


register(
    Exercise(
        "03.3",
        "For each phrase, is the capital an actor (it stands for its state) or a place?",
        _check_metonymy,
        solution=metonymy_labels,
        mistakes=_metonymy_wrong_answers,
        success="The course's metonymy rule makes the same decisions from the words around.",
    )
)


# --- 03.4 Judge the rules: where do they and the key disagree? ----------------------------

#: The methods of 03.4: the gazetteer and the title patterns (section 4 of the notebook).
JUDGED_METHODS = ("gazetteer", "title")


def actor_judgement_table() -> pd.DataFrame:
    """The mentions where :data:`JUDGED_METHODS` and the configured article's key differ."""
    from course_utils.actors import find_actors
    from course_utils.article import course_article
    from course_utils.evaluate import load_key
    from course_utils.exercises._judging import actor_disagreements

    article = course_article()
    found = find_actors(article, methods=list(JUDGED_METHODS))
    return actor_disagreements(found, load_key("actors", article=article))


register(
    judgement_exercise(
        "03.4",
        "Classify each row where the rules and the key disagree: missed, spurious, wrong "
        "actor (or key error).",
        actor_judgement_table,
        success="Each kind of disagreement points to a different fix: a list, a rule or the key.",
    )
)
