"""Self-checks for notebook 02, "Cleaning the text".

Checkers compute the truth with course_utils (on the configured article where there is
one), and hints name the kind of mistake, never the answer.

>>> from course_utils.exercises import check
>>> check("02.2", lambda line: True)
✘ 02.2: not yet. Hint: your function says True for 'The offer is still on the table.', \
which is a sentence of the story, not a label
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from course_utils.article import clean_article, load_article
from course_utils.exercises._framework import Exercise, Hint, hint, register
from course_utils.text import sentence_spans

__all__ = [
    "BREAKPOINT_LABELS",
    "SPLIT_PARAGRAPH",
    "removed_by_reason",
    "true_spans",
]

#: The responsive-layout size labels of the exercise 02.2 (compare in upper case).
BREAKPOINT_LABELS = frozenset({"XS", "SM", "MD", "LG", "XL", "XXL"})

# --- 02.1 Count the removed lines by reason -----------------------------------------------


def removed_by_reason(raw: str | None = None) -> dict[str, int]:
    """How many lines cleaning removed for each reason (from ``Article.removed``)."""
    article = clean_article(load_article() if raw is None else raw)
    return {str(k): int(v) for k, v in article.removed["reason"].value_counts().items()}


def _check_by_reason(answer: Any) -> Hint | None:
    if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
        answer = answer.to_dict()  # a pandas Series is fine
    if not isinstance(answer, Mapping):
        return hint("give a dict that maps each reason (text) to a number of lines")
    from course_utils.article import explain_cleaning

    truth = removed_by_reason()
    steps = set(explain_cleaning(load_article())["step"])
    keys = set(answer)
    if keys and keys <= steps:
        return hint("the keys are step names; use the reasons in the 'reason' column instead")
    if keys != set(truth):
        if keys < set(truth):
            return hint("a reason is missing: look at every row of article.removed")
        return hint(
            "use the reasons exactly as they are written in article.removed['reason'], "
            "and only those"
        )
    wrong = [k for k in truth if answer[k] != truth[k]]
    if wrong:
        return hint(f"the count for {wrong[0]!r} is not right: count its rows again")
    return None


def _by_reason_wrong_answers() -> tuple[tuple[Any, str], ...]:
    from course_utils.article import explain_cleaning

    truth = removed_by_reason()
    table = explain_cleaning(load_article())
    by_step = {s: int(n) for s, n in zip(table["step"], table["lines_removed"], strict=True) if n}
    if not truth:  # nothing was removed: {} is the answer
        return ((sum(truth.values()), "give a dict"), ({"furniture": 1}, "and only those"))
    first = next(iter(truth))
    return (
        (by_step, "step names"),
        ({k: v for k, v in truth.items() if k != first}, "a reason is missing"),
        ({**truth, first: truth[first] + 1}, "is not right"),
        ({k.upper(): v for k, v in truth.items()}, "exactly as they are written"),
        (sum(truth.values()), "give a dict"),
    )


register(
    Exercise(
        "02.1",
        "How many lines did cleaning remove for each reason? Give a dict {reason: count}.",
        _check_by_reason,
        solution=removed_by_reason,
        mistakes=_by_reason_wrong_answers,
        success="Keeping a reason for every removed line makes the cleaning auditable.",
    )
)


# --- 02.2 A cleaning rule: is this line a breakpoint label? -------------------------------

# (line, expected answer, hint when the function gets this line wrong). Checked in order.
_LABEL_CASES: tuple[tuple[str, bool, str], ...] = (
    ("The offer is still on the table.", False, "which is a sentence of the story, not a label"),
    ("XS", True, "which is a breakpoint label"),
    ("LG", True, "which is a breakpoint label"),
    ("CSTO", False, "a short line in capitals is not always a label"),
    (
        "Sizes run from XS to XXL.",
        False,
        "compare the whole line with each label, not a part of it",
    ),
    ("SMS", False, "the whole line must be a label, not only its start"),
    ("MD Anderson said so.", False, "the whole line must be a label, not only its start"),
    ("", False, "an empty line is not a label (blank lines have their own step)"),
    ("  MD ", True, "remove the spaces around the line before comparing"),
    ("xs", True, "compare without caring about upper or lower case"),
    ("XL", True, "the sizes go beyond XS, SM, MD and LG: XL and XXL are labels too"),
    ("XXL", True, "the sizes go beyond XS, SM, MD and LG: XL and XXL are labels too"),
)


def _check_label_rule(func: Any) -> Hint | None:
    if not callable(func):
        return hint("define a function: def is_breakpoint_label(line): ... return True or False")
    cases = list(_LABEL_CASES)
    # The configured article: each line the pipeline drops as a size label must be caught.
    for _, text, reason in clean_article(load_article()).removed.itertuples(index=False):
        if reason == "page-layout label" and text.strip().upper() in BREAKPOINT_LABELS:
            cases.append((text, True, "which is a breakpoint label of the course article"))
    for line, expected, why in cases:
        got = func(line)
        if not isinstance(got, bool):
            return hint(
                f"your function returned {type(got).__name__} for {line!r}; "
                "return True or False (a comparison such as `... in ...` gives a bool)"
            )
        if got != expected:
            return hint(f"your function says {got} for {line!r}, {why}")
    return None


def _label_solution() -> Callable[[str], bool]:
    def is_breakpoint_label(line: str) -> bool:
        return line.strip().upper() in BREAKPOINT_LABELS

    return is_breakpoint_label


register(
    Exercise(
        "02.2",
        "Write is_breakpoint_label(line): True when the whole line is a size label (XS … XXL).",
        _check_label_rule,
        solution=_label_solution,
        mistakes=lambda: (
            (lambda line: line in {"XS", "SM", "MD", "LG"}, "remove the spaces"),
            (lambda line: line.strip() in {"XS", "SM", "MD", "LG", "XL", "XXL"}, "upper or lower"),
            (lambda line: line.strip().upper() in {"XS", "SM", "MD", "LG"}, "XL and XXL"),
            (lambda line: bool(re.search("XS|SM|MD|LG|XL", line)), "not a part of it"),
            (lambda line: bool(re.match("XS|SM|MD|LG|XL", line)), "not only its start"),
            (lambda line: line.isupper(), "not always a label"),
            (lambda line: "yes" if line == "XS" else "no", "return True or False"),
            ("XS", "define a function"),
        ),
        success="The course's own rule (article.LABEL_PATTERNS) is a regex that does the same.",
    )
)


# --- 02.3 Fix a sentence split after an abbreviation --------------------------------------

#: A made-up paragraph whose "Dep." (deputy) is not in the splitter's abbreviation list.
SPLIT_PARAGRAPH = (
    "The talks were led by Dep. Foreign Minister A. Petrosyan on Sept. 5. "
    "He met U.N. staff in Yerevan. Both sides called the talks useful."
)


def true_spans(
    paragraph: str = SPLIT_PARAGRAPH, extra: frozenset[str] = frozenset({"dep"})
) -> list[tuple[int, int]]:
    """The splitter's spans, with every split after a word in ``extra`` undone.

    >>> [SPLIT_PARAGRAPH[s:e][:20] for s, e in true_spans()]
    ['The talks were led b', 'He met U.N. staff in', 'Both sides called th']
    """
    merged: list[tuple[int, int]] = []
    for start, end in sentence_spans(paragraph):
        last = paragraph[merged[-1][0] : merged[-1][1]] if merged else ""
        word = re.search(r"(\w+)\.$", last)
        if merged and word and word.group(1).lower() in extra:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _check_spans(answer: Any) -> Hint | None:
    text = SPLIT_PARAGRAPH
    truth = true_spans()
    if isinstance(answer, str) or not isinstance(answer, list | tuple):
        return hint("give a list of (start, end) pairs, one per sentence")
    if all(isinstance(a, str) for a in answer):
        return hint("give (start, end) pairs of numbers, not the sentences' text")
    pairs = []
    for pair in answer:
        if not (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in pair)
        ):
            return hint("each item must be a pair of whole numbers: (start, end)")
        pairs.append(tuple(pair))
    if pairs == truth:
        return None
    if pairs == sentence_spans(text):
        return hint(
            "those are the splitter's own spans: print text[start:end] for each and join "
            "the piece that ends in an abbreviation with the piece after it"
        )
    if any(text[s:e] != text[s:e].strip() or s >= e for s, e in pairs):
        return hint("check with text[start:end]: a sentence neither starts nor ends with a space")
    if len(pairs) < len(truth):
        return hint("you joined too much: only a split after an abbreviation is wrong")
    if len(pairs) > len(truth):
        return hint("one of the splits is still wrong: which piece ends with an abbreviation?")
    return hint("the pieces do not line up with the sentences: print text[start:end] for each pair")


register(
    Exercise(
        "02.3",
        "Correct the splitter's (start, end) spans for SPLIT_PARAGRAPH.",
        _check_spans,
        solution=true_spans,
        mistakes=lambda: (
            (sentence_spans(SPLIT_PARAGRAPH), "splitter's own spans"),
            ([SPLIT_PARAGRAPH[s:e] for s, e in true_spans()], "not the sentences' text"),
            ([(s, e + 1) for s, e in true_spans()], "starts nor ends with a space"),
            ([(0, len(SPLIT_PARAGRAPH))], "joined too much"),
            ("0, 10", "list of (start, end) pairs"),
        ),
        success="The course's splitter has an ABBREVIATIONS set an instructor can extend.",
    )
)
