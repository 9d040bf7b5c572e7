"""Small text tools shared by every stage: Unicode fixes, quote folding, sentence splitting.

All regular expressions of the cleaning stage live here or in :mod:`course_utils.article`,
and every function is a pure ``str -> str`` (or ``str -> list``) function.

The fixes keep offsets honest: :func:`fold_quotes` maps each character to exactly one
character, so a match found in the folded text has the same offsets in the original.

>>> fold_quotes("Armenia’s “offer”")
'Armenia\\'s "offer"'
>>> len(fold_quotes("‘a’")) == len("‘a’")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

__all__ = [
    "ABBREVIATIONS",
    "abbreviation_stops",
    "find_phrase",
    "fix_line_endings",
    "fix_spaces",
    "fold_quotes",
    "main_script",
    "normalize_unicode",
    "script_counts",
    "script_of",
    "sentence_spans",
    "strip_line_ends",
]

# Quotation marks and apostrophes folded to their ASCII forms, one character for one.
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'",  # ‘ left single quotation mark
        "\u2019": "'",  # ’ right single quotation mark (also the apostrophe in "Armenia’s")
        "\u201a": "'",  # ‚ single low-9 quotation mark
        "\u201b": "'",  # ‛ single high-reversed-9 quotation mark
        "\u2032": "'",  # ′ prime, sometimes typed for an apostrophe
        "\u201c": '"',  # “ left double quotation mark
        "\u201d": '"',  # ” right double quotation mark
        "\u201e": '"',  # „ double low-9 quotation mark
        "\u201f": '"',  # ‟ double high-reversed-9 quotation mark
        "\u00ab": '"',  # « left guillemet
        "\u00bb": '"',  # » right guillemet
    }
)

# The same folds as (from, to) pairs: a few ``str.replace`` calls, each done in C over the
# text, are many times faster than ``str.translate`` with a dict table.
_QUOTE_PAIRS = tuple((chr(code), to) for code, to in _QUOTE_TABLE.items())

# Spaces that look like a space but are not U+0020, and characters that take no room at all.
_SPACE_LIKE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def fix_line_endings(text: str) -> str:
    r"""Turn Windows (CRLF) and old Mac (CR) line ends into ``\n``.

    >>> fix_line_endings("one\r\ntwo\rthree\n")
    'one\ntwo\nthree\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_unicode(text: str) -> str:
    """Compose characters to Unicode NFC, so that "é" is always one code point.

    >>> normalize_unicode("Cafe\u0301") == "Caf\u00e9"
    True
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fix_spaces(text: str) -> str:
    """Replace non-breaking and other odd spaces with a plain space; drop zero-width ones.

    Soft hyphens and zero-width joiners are invisible on the page but split words for a
    computer ("Lav\u00adrov" would not match "Lavrov").

    >>> fix_spaces("224\u00a0Armenian Lav\u200brov")
    '224 Armenian Lavrov'
    """
    if text.isascii() and "\t" not in text and "\f" not in text and "\v" not in text:
        return text  # nothing to fix: the odd spaces are all outside ASCII but these three
    return _ZERO_WIDTH.sub("", _SPACE_LIKE.sub(" ", text))


def strip_line_ends(text: str) -> str:
    r"""Remove spaces at the end of every line (they are invisible and change nothing).

    >>> strip_line_ends("Title   \nBody \n")
    'Title\nBody\n'
    """
    return re.sub(r"[ ]+$", "", text, flags=re.MULTILINE)


def fold_quotes(text: str) -> str:
    """Fold curly quotes, guillemets and primes to ASCII ``'`` and ``"``, keeping length.

    Use it to *match* text without caring which quotation marks a site uses; keep the
    article's own marks in what you show.

    >>> fold_quotes("‘Still Ready’")
    "'Still Ready'"
    >>> fold_quotes("«Да» „ja“ ‟x‟") == '"Да" "ja" "x"', fold_quotes("‛x′")
    (True, "'x'")
    """
    if text.isascii():
        return text
    for old, new in _QUOTE_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def find_phrase(text: str, phrase: str, *, whole_words: bool = True) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every occurrence of ``phrase`` in ``text``.

    Matching ignores the kind of quotation mark and, with ``whole_words``, only counts
    matches that do not start or end inside a word.

    >>> find_phrase("Armenia’s border; Armenian troops; Armenia's", "Armenia's")
    [(0, 9), (35, 44)]
    >>> find_phrase("Armenian", "Armenia")
    []
    """
    if not phrase:
        return []
    pattern = re.escape(fold_quotes(phrase))
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, fold_quotes(text))]


# --- Scripts ------------------------------------------------------------------------------


def script_of(char: str) -> str:
    """The writing system of a letter, from its Unicode name ("LATIN", "ARMENIAN" …).

    Characters that are not letters (spaces, digits, punctuation, quotes) have no script:
    the function returns an empty string for them.

    >>> script_of("Ա"), script_of("a"), script_of("’")
    ('ARMENIAN', 'LATIN', '')
    """
    if not char.isalpha():
        return ""
    try:
        return unicodedata.name(char).split()[0]
    except ValueError:
        return "UNKNOWN"


def script_counts(text: str) -> dict[str, int]:
    """How many letters of ``text`` belong to each script, most frequent first.

    >>> script_counts("Yerevan Երևան")
    {'LATIN': 7, 'ARMENIAN': 5}
    """
    counts = Counter(script_of(c) for c in text if c.isalpha())
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def main_script(text: str) -> str:
    """The script most letters of ``text`` are written in; ``""`` when it has no letters."""
    return next(iter(script_counts(text)), "")


# --- Sentence splitting -----------------------------------------------------------------

#: Words that end in a full stop without ending a sentence (compared without the stop,
#: case-insensitively). Instructors can add to this set.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and ranks
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt",
        "cmdr", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "amb", "pres",
        # months and days as news agencies abbreviate them
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        # other common ones
        "vs", "etc", "approx", "est", "dept", "inc", "ltd", "co", "corp", "mt",
        "ft", "al", "fig", "cf",
    }
)  # fmt: skip

# A dotted acronym such as U.S., U.K., U.N. or e.g.: letters each followed by a stop.
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}")
# A single capital initial such as the "J." in "J. Smith".
_INITIAL = re.compile(r"(?:^|(?<=[\s(]))[A-Z]\.")
# A word followed by a full stop; it is an abbreviation if it is in ABBREVIATIONS.
_WORD_STOP = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\.")
# Where a sentence may end: terminal punctuation, any closing quotes or brackets, then space.
# It starts at the first mark of a run, so that a long run of dots is read once, not once
# per dot; the possessive quantifiers never give back what they took.
_CANDIDATE = re.compile(r"(?<![.!?])[.!?]++['\"’”»)\]]*+(?=\s)")
# What a new sentence may start with: an opening quote or bracket, then a capital or digit.
_NEXT_START = re.compile(r"\s+['\"‘“«(\[]*[A-Z0-9\u0400-\u04FF\u0531-\u0556]")


def abbreviation_stops(text: str) -> set[int]:
    """The offsets of the full stops in ``text`` that end an abbreviation.

    An abbreviation is a dotted acronym ("U.S."), a capital initial ("J." in "J. Smith")
    or a word of :data:`ABBREVIATIONS` ("Gen."). Each pattern reads the text once, so the
    cost is linear in its length, however many full stops it holds.

    >>> text = "Gen. J. Roe met U.S. envoys. Then"
    >>> sorted(abbreviation_stops(text))
    [3, 6, 17, 19]
    >>> text[27] in ".", 27 in abbreviation_stops(text)
    (True, False)
    """
    stops = {m.end() - 1 for m in _DOTTED.finditer(text)}
    stops.update(m.end() - 1 for m in _INITIAL.finditer(text))
    stops.update(m.end() - 1 for m in _WORD_STOP.finditer(text) if m[1].lower() in ABBREVIATIONS)
    return stops


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _is_unit(text: str, dot: int) -> bool:
    """Whether ``text[dot - 1 : dot + 1]`` is one ASCII letter and a full stop."""
    return dot >= 1 and text[dot] == "." and text[dot - 1] in _ASCII_LETTERS


def _ends_acronym(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a dotted acronym as :data:`_DOTTED` reads one:
    a run of two or more letter-and-stop pairs, the first at the start of a word."""
    if stop + 2 < len(text) and _is_unit(text, stop + 2):
        return False  # the run goes on: its last stop is further on
    first = stop
    while _is_unit(text, first - 2):
        first -= 2
    units = (stop - first) // 2 + 1
    before = first - 2  # the character before the run's first letter
    if before >= 0 and (text[before].isalnum() or text[before] == "_"):
        units -= 1  # no word boundary there: the match starts one pair later
    return units >= 2


def ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` is one of :func:`abbreviation_stops`, read from the
    characters around it alone (so a paragraph with many full stops is read once).

    >>> text = "Gen. J. Roe met U.S. envoys. Then"
    >>> [i for i, c in enumerate(text) if c == "." and ends_abbreviation(text, i)]
    [3, 6, 17, 19]
    """
    letter = text[stop - 1] if stop >= 1 else ""
    if letter not in _ASCII_LETTERS:
        return False
    if "A" <= letter <= "Z" and (stop == 1 or text[stop - 2].isspace() or text[stop - 2] == "("):
        return True  # an initial
    first = stop - 1
    while first > 0 and text[first - 1] in _ASCII_LETTERS:
        first -= 1
    return text[first:stop].lower() in ABBREVIATIONS or _ends_acronym(text, stop)


def _boundaries(text: str) -> Iterator[int]:
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if not _NEXT_START.match(text, end):
            continue
        punct = match.group()
        full_stop = punct.startswith(".") and punct.rstrip("'\"’”»)]") == "."
        if full_stop and ends_abbreviation(text, match.start()):
            continue
        yield end


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` (one paragraph) into sentences; return their ``(start, end)`` offsets.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes) followed by a space
    and a capital letter, a digit or an opening quote, unless the full stop belongs to an
    abbreviation ("Sept.", "Gen."), a dotted acronym ("U.S.") or an initial ("J. Smith").
    ``offset`` is added to every position, for paragraphs inside a longer document.

    >>> text = "Gen. J. Smith met U.S. envoys on Sept. 13. “We agreed,” he said. Talks end."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. J. Smith met U.S. envoys on Sept. 13.', '“We agreed,” he said.', 'Talks end.']
    >>> sentence_spans("One. Two.", offset=10)
    [(10, 14), (15, 19)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _boundaries(text):
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(s + offset, e + offset) for s, e in spans]
