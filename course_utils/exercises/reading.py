"""Self-checks for notebook 01, "Reading the article as data".

Every checker computes the right answer from the configured article with course_utils, so an
instructor who swaps the article keeps working checks. Hints name the kind of mistake, never
the answer.

>>> from course_utils.exercises import check
>>> check("01.1", 0)
✘ 01.1: not yet. Hint: count the lines that hold at least one visible character; \
a count cannot be zero or negative
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from course_utils.article import clean_article, load_article
from course_utils.exercises._framework import Exercise, Hint, hint, register

__all__ = ["furniture_lines", "non_ascii_count", "non_blank_lines", "raw_lines"]


def raw_lines(raw: str | None = None) -> list[str]:
    """The raw article's lines, numbered from 1 in a text editor (index 0 is line 1)."""
    raw = load_article() if raw is None else raw
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def non_blank_lines(raw: str | None = None) -> int:
    """How many lines hold at least one visible character."""
    return sum(1 for line in raw_lines(raw) if line.strip())


def furniture_lines(raw: str | None = None) -> set[int]:
    """The 1-based numbers of the non-blank lines that cleaning removes (page furniture and
    repeats)."""
    raw = load_article() if raw is None else raw
    return {int(n) for n in clean_article(raw).removed["line"]}


def non_ascii_count(raw: str | None = None) -> int:
    """How many characters of the raw text are outside ASCII (code point above 127)."""
    raw = load_article() if raw is None else raw
    return sum(1 for char in raw if ord(char) > 127)


def _whole_number(answer: Any) -> Hint | None:
    if isinstance(answer, bool) or not isinstance(answer, int):
        if isinstance(answer, str):
            return hint("give a number, not text: drop the quotation marks")
        if isinstance(answer, float):
            return hint("give a whole number (an int): a count has no decimals")
        return hint("give a single whole number (an int), for example 12")
    return None


# --- 01.1 How many non-blank lines? -------------------------------------------------------


def _check_non_blank(answer: Any) -> Hint | None:
    if (problem := _whole_number(answer)) is not None:
        return problem
    lines = raw_lines()
    truth = non_blank_lines()
    if answer == truth:
        return None
    if answer <= 0:
        return hint(
            "count the lines that hold at least one visible character; "
            "a count cannot be zero or negative"
        )
    if answer == len(lines):
        return hint(
            "that counts every line, blank ones too; keep only lines where line.strip() "
            "is not empty"
        )
    if answer == len(lines) - 1:
        return hint(
            "that is the number of line breaks (\\n), which is one less than the number of "
            "lines, and blank lines are still in it"
        )
    if answer == len(lines) - truth:
        return hint("that is the number of blank lines: count the other ones")
    if answer == len(clean_article(load_article()).paragraphs):
        return hint(
            "that counts the article's paragraphs after cleaning; count the raw lines, "
            "page furniture included"
        )
    return hint(
        "split the raw text with raw.splitlines() and count lines where line.strip() is not empty"
    )


register(
    Exercise(
        "01.1",
        "How many non-blank lines does the raw article have?",
        _check_non_blank,
        solution=non_blank_lines,
        mistakes=lambda: (
            (len(raw_lines()), "blank ones too"),
            (len(raw_lines()) - 1, "number of line breaks"),
            (len(raw_lines()) - non_blank_lines(), "number of blank lines"),
            (str(non_blank_lines()), "not text"),
            (float(non_blank_lines()), "whole number"),
        ),
        success="Blank lines only separate paragraphs; the others are what cleaning sorts.",
    )
)


# --- 01.2 How many characters are not ASCII? ----------------------------------------------

_QUOTES = set("‘’“”«»")


def _check_non_ascii(answer: Any) -> Hint | None:
    if (problem := _whole_number(answer)) is not None:
        return problem
    raw = load_article()
    truth = non_ascii_count(raw)
    if answer == truth:
        return None
    letters = sum(1 for c in raw if ord(c) > 127 and c.isalpha())
    quotes = sum(1 for c in raw if c in _QUOTES)
    lines = sum(1 for line in raw_lines(raw) if any(ord(c) > 127 for c in line))
    if answer == letters:
        return hint(
            "the letters in another script are not the only ones: look at the quotation "
            "marks and apostrophes"
        )
    if answer == quotes:
        return hint("the curly quotes are not the only ones: look at the very first line")
    if answer == lines:
        return hint("that counts lines; count characters, one by one, with ord(char) > 127")
    if answer == len(raw) - truth:
        return hint("that counts the ASCII characters; count the others")
    if answer == len(raw):
        return hint("that is every character; keep only those with ord(char) > 127")
    return hint("loop over every character of raw and count those with ord(char) > 127")


def _non_ascii_wrong_answers() -> tuple[tuple[Any, str], ...]:
    raw = load_article()
    letters = sum(1 for c in raw if ord(c) > 127 and c.isalpha())
    quotes = sum(1 for c in raw if c in _QUOTES)
    lines = sum(1 for line in raw_lines(raw) if any(ord(c) > 127 for c in line))
    return (
        (letters, "quotation marks"),
        (quotes, "very first line"),
        (lines, "that counts lines"),
        (len(raw), "every character"),
    )


register(
    Exercise(
        "01.2",
        "How many characters of the raw text are not ASCII (ord(char) > 127)?",
        _check_non_ascii,
        solution=non_ascii_count,
        mistakes=_non_ascii_wrong_answers,
        success="Each of them is a reason to normalise or fold text before matching it.",
    )
)


# --- 01.3 Which lines are page furniture? -------------------------------------------------


def _as_line_numbers(answer: Any) -> set[int] | None:
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable):
        return None
    numbers = list(answer)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return None
    return set(numbers)


def _check_furniture(answer: Any) -> Hint | None:
    numbers = _as_line_numbers(answer)
    if numbers is None:
        return hint("give a list of line numbers (whole numbers), for example [2, 5]")
    lines = raw_lines()
    removed = clean_article(load_article()).removed
    reasons = {int(n): str(r) for n, r in zip(removed["line"], removed["reason"], strict=True)}
    truth = set(reasons)
    if numbers == truth:
        return None
    if numbers == {n - 1 for n in truth}:
        return hint(
            "those are Python's 0-based positions; line numbers start at 1, as in a text "
            "editor (add 1 to each)"
        )
    if any(n < 1 or n > len(lines) for n in numbers):
        return hint(f"line numbers go from 1 to {len(lines)}; one of yours is outside that")
    if any(not lines[n - 1].strip() for n in numbers):
        return hint("leave out the blank lines: list only lines with text on them")
    extra = numbers - truth
    if extra:
        repeated = [n for n in truth if reasons[n].startswith("repeated")]
        if any(
            n + 1 in repeated or lines[n - 1] in {lines[r - 1] for r in repeated} for n in extra
        ):
            return hint(
                "you listed a line that is repeated later: its first copy belongs to the "
                "story and stays; only a copy that repeats the line before it is furniture"
            )
        return hint(
            "one of your lines is part of the story (the headline, a caption or a paragraph): "
            "keep it"
        )
    missing = {reasons[n] for n in truth - numbers}
    if any("another script" in r or r.startswith("skip-link") for r in missing):
        return hint(
            "look at the top of the text: a line in another script is the site's "
            "'skip to content' heading"
        )
    if any(r.startswith("repeated") for r in missing):
        return hint("one line repeats the line just before it; the second copy is furniture")
    if any(r == "page-layout label" for r in missing):
        return hint("look at the short lines (a few letters each): they label the page layout")
    return hint("some furniture line is still missing: read each short or repeated line again")


def _furniture_wrong_answers() -> tuple[tuple[Any, str], ...]:
    truth = sorted(furniture_lines())
    lines = raw_lines()
    wrong: list[tuple[Any, str]] = [("27, 28", "list of line numbers")]
    if not truth:  # an article saved without page furniture: [] is the answer
        return (*wrong, ([len(lines) + 1], "outside that"))
    repeated = [n for n in truth if lines[n - 1] == lines[n - 2]]
    labels = [n for n in truth if len(lines[n - 1].strip()) <= 3]
    wrong.append(([n - 1 for n in truth], "0-based positions"))
    if _script_heading(lines, truth):
        wrong.append(([n for n in truth if n != truth[0]], "another script"))
    if labels and len(labels) < len(truth):
        wrong.append(([n for n in truth if n not in labels], "short lines"))
    if repeated:
        wrong.append(([n for n in truth if n not in repeated], "repeats the line just before"))
        wrong.append((sorted({*truth, repeated[0] - 1}), "first copy belongs to the story"))
    blank = next((i for i, line in enumerate(lines, start=1) if not line.strip()), None)
    if blank is not None:
        wrong.append((sorted({*truth, blank}), "blank lines"))
    return tuple(wrong)


def _script_heading(lines: list[str], truth: list[int]) -> bool:
    """True when the first furniture line is written in a script other than Latin."""
    first = lines[truth[0] - 1]
    return any(ord(c) > 0x24F and c.isalpha() for c in first)


register(
    Exercise(
        "01.3",
        "Which line numbers (1-based) hold page furniture or repeats, not the story?",
        _check_furniture,
        solution=lambda: sorted(furniture_lines()),
        mistakes=_furniture_wrong_answers,
        success="Notebook 02 removes exactly these lines, each with a reason.",
    )
)
