"""Load a scraped news article and clean it into an :class:`Article`.

A page saved as text carries the site's furniture along with the story: a skip-link heading
(on azatutyun.am it is Armenian even on English pages), "Breaking News", the lead photo's
caption printed twice (alt text, then the visible caption), responsive-layout labels such as
"XS SM MD LG", "16x9 Image", credit lines. Cleaning is a pipeline of small steps, each a pure
function from one :class:`Draft` to the next, so that students can run them one at a time
and :func:`explain_cleaning` can say what each one changed (the model is ftfy's
``fix_and_explain``).

>>> raw = "Skip to main content\\n\\nTalks Resume\\n\\nMinisters met. They agreed.\\nXS\\n"
>>> article = clean_article(raw)
>>> article.title, article.paragraphs
('Talks Resume', ('Ministers met. They agreed.',))
>>> list(article.sentences["text"])
['Talks Resume', 'Ministers met.', 'They agreed.']
>>> list(article.removed["reason"])
['skip-link heading', 'page-layout label']
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import importlib.util
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from course_utils import text as _text
from course_utils._paths import articles_dir, data_dir
from course_utils.errors import (
    ArticleFileError,
    ArticleTooLargeError,
    EmptyArticleError,
    NotPlainTextError,
    PublicationDateError,
)

__all__ = [
    "CLEANING_STEPS",
    "DEFAULT_ARTICLE",
    "Article",
    "Draft",
    "Step",
    "article_path",
    "clean_and_explain",
    "clean_article",
    "course_article",
    "explain_cleaning",
    "load_article",
    "load_metadata",
    "parse_published",
    "run_steps",
]

#: The folder name (under ``data/articles``) of the course's own article.
DEFAULT_ARTICLE = "csto-monitors-2023"

SENTENCE_COLUMNS = ["id", "section", "paragraph", "start", "end", "text"]
REMOVED_COLUMNS = ["line", "text", "reason"]


def build_table(
    rows: list[tuple[Any, ...]], columns: list[str], ints: Iterable[str] = ()
) -> pd.DataFrame:
    """Build a DataFrame once from row tuples: ``ints`` are int64 columns, the others text.

    The same table as ``pd.DataFrame(rows, columns=columns)``, several times faster: each
    column is handed to pandas already typed. With no rows, every column has dtype object,
    as pandas makes it.

    >>> table = build_table([(1, "a"), (2, "b")], ["n", "s"], ints=["n"])
    >>> table.equals(pd.DataFrame([(1, "a"), (2, "b")], columns=["n", "s"]))
    True
    >>> build_table([], ["n", "s"], ints=["n"]).dtypes["n"]
    dtype('O')
    """
    ints = set(ints)
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    text = _text_dtype()
    arrays = [
        np.array(values, dtype=np.int64) if name in ints else _text_array(values, text)
        for name, values in zip(columns, zip(*rows, strict=True), strict=True)
    ]
    try:  # pandas' own constructor from typed columns of one length: four times faster
        return pd.DataFrame._from_arrays(
            arrays,
            columns=_column_index(tuple(columns)),
            index=pd.RangeIndex(len(rows)),
            verify_integrity=False,
        )
    except (AttributeError, TypeError):  # a pandas without it
        return pd.DataFrame(dict(zip(columns, arrays, strict=True)), copy=False)


def table_columns(table: pd.DataFrame, names: Iterable[str]) -> list[list[Any]]:
    """The columns ``names`` of ``table`` as plain lists, as ``table[name].tolist()`` gives
    them, without building a Series for each (several times faster).

    >>> table_columns(pd.DataFrame({"n": [1, 2], "s": ["a", "b"]}), ["s", "n"])
    [['a', 'b'], [1, 2]]
    """
    return [values.tolist() for values in table_arrays(table, list(names))]


def table_arrays(table: pd.DataFrame, names: list[str]) -> list[Any]:
    """The named columns of a table as the arrays that hold them (what ``table[name]``
    wraps), taken without building a Series per column: that is slow, and copies the
    table's ``attrs`` (the actor tables carry theirs) into each. Where a label is missing or
    repeated, or pandas has no such access, the columns are read by name."""
    get = getattr(table, "_get_column_array", None)
    labels = table.columns.tolist()
    where = {label: k for k, label in enumerate(labels)}
    if get is not None and len(where) == len(labels) and all(n in where for n in names):
        try:
            return [get(where[name]) for name in names]
        except (AttributeError, TypeError, IndexError):  # a pandas without it
            pass
    plain = pd.DataFrame(table, copy=False)  # without the attrs, and without copying data
    return [plain[name] for name in names]


@lru_cache(maxsize=1)
def _text_dtype() -> Any:
    """The dtype pandas gives a column of strings (looked up once: by name it is slow)."""
    return pd.Series(["text"]).dtype


@lru_cache(maxsize=64)
def _column_index(columns: tuple[str, ...]) -> pd.Index:
    """The column labels as an Index, made once per table shape (an Index is immutable)."""
    return pd.Index(columns)


def _text_array(values: tuple[Any, ...], dtype: Any) -> Any:
    """A column of strings in pandas' string dtype (``pd.array`` when a value is not a str)."""
    if isinstance(dtype, pd.StringDtype) and all(type(v) is str for v in values):
        template = _text_template(dtype)
        if template is not None:  # the same array, without checking every value again
            return template._from_backing_data(np.array(values, dtype=object))
        try:
            return pd.arrays.StringArray(np.array(values, dtype=object), dtype=dtype)
        except (TypeError, ValueError):  # a pandas whose StringArray takes no such dtype
            pass
    return pd.array(values, dtype=dtype)


@lru_cache(maxsize=4)
def _text_template(dtype: Any) -> Any:
    """A one-value StringArray of ``dtype`` whose ``_from_backing_data`` makes another from an
    array of strings (as ``StringArray(array, dtype=dtype)`` does, once its values are known
    to be strings); None where pandas has no such method or no such array.

    >>> values = ("Talks", "Ostrava")
    >>> made = _text_array(values, _text_dtype())
    >>> checked = pd.array(values, dtype=_text_dtype())
    >>> made.dtype == checked.dtype and list(made) == list(checked), type(made) is type(checked)
    (True, True)
    """
    try:
        template = pd.arrays.StringArray(np.array(["text"], dtype=object), dtype=dtype)
    except (TypeError, ValueError):
        return None
    return template if hasattr(template, "_from_backing_data") else None


# --- Loading ------------------------------------------------------------------------------


def article_path(path: str | Path | None = None) -> Path:
    """Return the article file for ``path``: a ``.txt`` file, or a folder holding ``article.txt``.

    With no path, the course's bundled article.

    >>> article_path().name
    'article.txt'
    """
    target = articles_dir() / DEFAULT_ARTICLE if path is None else Path(path).expanduser()
    if target.is_dir():
        page = target / "article.html"
        target = page if page.is_file() and not (target / "article.txt").exists() else target
        target = target / "article.txt" if target.is_dir() else target
    if not target.exists():
        raise ArticleFileError(
            f"no article file at {target}: check the path (it is relative to the folder "
            f"you are working in, {Path.cwd()})"
        )
    return target


def decode_article(data: bytes, *, source: str = "the article") -> str:
    """Decode bytes read from a file as UTF-8 (dropping a byte-order mark).

    >>> decode_article("Yerevan".encode("utf-8"))
    'Yerevan'
    >>> decode_article(b"Caf\\xe9")
    Traceback (most recent call last):
    ...
    course_utils.errors.ArticleFileError: the article is not UTF-8 text (byte 3 is 0xe9): \
open it in a text editor and save it again with the encoding "UTF-8"
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleFileError(
            f"{source} is not UTF-8 text (byte {err.start} is 0x{data[err.start]:02x}): "
            'open it in a text editor and save it again with the encoding "UTF-8"'
        ) from None


def load_article(path: str | Path | None = None) -> str:
    """Read an article's raw text, exactly as it was saved: no cleaning yet.

    ``path`` is a text file or a folder holding ``article.txt``; with none, the article
    named in ``course.toml`` (the course's bundled article unless an instructor changed it).
    The text must be UTF-8.

    >>> raw = load_article()
    >>> raw.splitlines()[2]
    'Russian-Led Alliance ‘Still Ready’ For Monitoring Mission In Armenia'
    """
    file = article_path(_course_path() if path is None else path)
    try:
        data = file.read_bytes()
    except OSError as err:
        raise ArticleFileError(f"cannot read {file}: {err.strerror}") from None
    return decode_article(data, source=str(file))


def _course_path() -> Path:
    """The article named in ``course.toml`` (see :mod:`course_utils.config`)."""
    from course_utils.config import load_config

    return load_config().article


def load_metadata(path: str | Path | None = None) -> dict[str, Any]:
    """Read the ``article.toml`` beside an article (title, publisher, url, published …).

    With no path, the article named in ``course.toml``. Returns an empty dict when an
    article has no metadata file.

    >>> load_metadata()["published"]
    datetime.date(2023, 2, 3)
    """
    meta = article_path(_course_path() if path is None else path).with_name("article.toml")
    if not meta.is_file():
        return {}
    try:
        return tomllib.loads(meta.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ArticleFileError(f"{meta} is not valid TOML ({err}): fix the line it names") from None


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """Read a publication date given as ``YYYY-MM-DD`` (or a ``date``).

    >>> parse_published("2023-02-03")
    datetime.date(2023, 2, 3)
    >>> parse_published("3 Feb")
    Traceback (most recent call last):
    ...
    course_utils.errors.PublicationDateError: the publication date '3 Feb' is not a date \
in the form YYYY-MM-DD (for example 2023-02-03)
    """
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PublicationDateError(
            f"the publication date {value!r} is not a date in the form YYYY-MM-DD "
            "(for example 2023-02-03)"
        ) from None


# --- The cleaned article ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Article:
    """A cleaned article: its parts, the cleaned text, and tables of sentences and removals.

    ``text`` is the title, the captions and the body paragraphs joined by blank lines;
    every ``start``/``end`` offset in the course indexes into it. ``sentences`` has the
    columns ``id, section, paragraph, start, end, text`` (section is title, caption or body;
    paragraph is the body paragraph's index, -1 for the title and captions). ``removed``
    has ``line, text, reason`` for every non-blank input line that is not in the article.
    """

    title: str
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]
    text: str
    sentences: pd.DataFrame
    removed: pd.DataFrame
    published: dt.date | None = None
    source: str = ""
    #: What a saved web page says of itself (title, author, sitename, url, description,
    #: published); empty for text.
    metadata: dict[str, Any] = field(default_factory=dict)
    #: The summary under the headline, when the page has one (it is not body text).
    standfirst: str = ""

    def sentence_of(self, offset: int) -> int:
        """Return the id of the sentence that contains character ``offset`` (-1 if none)."""
        hits = self.sentences[(self.sentences.start <= offset) & (offset < self.sentences.end)]
        return int(hits.iloc[0]["id"]) if len(hits) else -1

    def to_dict(self) -> dict[str, Any]:
        """The article as plain data, in the shape of ``course-utils clean --format json``."""
        return {
            "title": self.title,
            "captions": list(self.captions),
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "sentences": self.sentences.to_dict(orient="records"),
            "removed": self.removed.to_dict(orient="records"),
        }

    def __repr__(self) -> str:
        return (
            f"Article(title={self.title!r}, captions={len(self.captions)}, "
            f"paragraphs={len(self.paragraphs)}, sentences={len(self.sentences)}, "
            f"published={self.published})"
        )


# --- The cleaning pipeline ----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One input line and its 1-based number in the raw text."""

    number: int
    text: str
    after_blank: bool = False  # a blank or removed line stands between it and the line before


@dataclass(frozen=True)
class Draft:
    """The state of an article part-way through cleaning.

    ``lines`` are the lines still in play, ``removed`` the ``(line, text, reason)`` of every
    line taken out so far, and ``published`` a date read from a date line, if any.
    """

    lines: tuple[Line, ...]
    removed: tuple[tuple[int, str, str], ...] = ()
    published: dt.date | None = None

    @classmethod
    def from_text(cls, raw: str) -> Draft:
        """Split raw text into numbered lines (any line ending)."""
        lines = _text.fix_line_endings(raw).split("\n")
        return cls(
            tuple(
                Line(i, t, i > 1 and not lines[i - 2].strip()) for i, t in enumerate(lines, start=1)
            )
        )

    @property
    def text(self) -> str:
        """The lines still in play, joined by newlines."""
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Step:
    """One cleaning step: a name, what it does in one sentence, and the function."""

    name: str
    description: str
    func: Callable[[Draft], Draft] = field(repr=False)

    def __call__(self, draft: Draft) -> Draft:
        return self.func(draft)


def _map_lines(func: Callable[[str], str]) -> Callable[[Draft], Draft]:
    def step(draft: Draft) -> Draft:
        lines = []
        for line in draft.lines:
            text = func(line.text)
            lines.append(line if text == line.text else Line(line.number, text, line.after_blank))
        return Draft(tuple(lines), draft.removed, draft.published)

    return step


@dataclass(frozen=True)
class Kept:
    """The lines a :func:`_drop` step has kept so far (a rule may look at them)."""

    lines: list[Line]


def _drop(rule: Callable[[Line, Kept], str | None]) -> Callable[[Draft], Draft]:
    """Make a step that removes each line for which ``rule`` returns a reason.

    The rule sees the lines kept so far (a growing list, so a step takes time linear in the
    text). A line after a removed one starts a new paragraph.
    """

    def step(draft: Draft) -> Draft:
        kept = Kept([])
        removed = list(draft.removed)
        gap = False
        for line in draft.lines:
            reason = rule(line, kept)
            if reason is None:
                kept.lines.append(Line(line.number, line.text, True) if gap else line)
                gap = False
            else:
                gap = gap or bool(reason)
                if reason:  # an empty reason removes silently (blank lines)
                    removed.append((line.number, line.text, reason))
        return Draft(tuple(kept.lines), tuple(sorted(removed)), draft.published)

    return step


# Page furniture of news sites, matched against a whole line (case-insensitive).
SKIP_LINK_PATTERNS = (
    r"accessibility links?",
    # The same heading on the network's sites in Latin-script languages (a heading in
    # another script is caught by the script rule in _skip_link_rule).
    r"linkovi za pristupa[čc]nost",  # Bosnian, Croatian, Serbian
    r"linkuri de accesibilitate",  # Romanian
    r"skip to (?:main )?(?:content|navigation|search)",
    r"skip navigation",
    r"jump to (?:main )?content",
)
LABEL_PATTERNS = (
    r"breaking news",
    r"(?:xs|sm|md|lg|xl|xxl)",  # responsive breakpoint labels of a hidden element
    r"\d+\s*x\s*\d+\s+image",  # "16x9 Image": an image's aspect-ratio placeholder
    r"no media source (?:currently )?available",
    r"(?:print|share|comments?|see comments|embed|follow us|tweet|email|download)",
    r"the code has been copied to your clipboard\.?",
    r"link has been copied to (?:the )?clipboard\.?",
    r"(?:image|photo|video|audio|gallery)",
)
CREDIT_PATTERNS = (
    r"some (?:material|information) in this (?:report|story|article) (?:came|comes) from .+",
    r"(?:with )?reporting by .+",
    r".+ contributed (?:reporting )?to this (?:report|story|article)\.?",
    r"(?:compiled|written) by .+ based on .+",
    r"based on reporting by .+",
)
_SKIP_LINK_RE = re.compile(rf"^(?:{'|'.join(SKIP_LINK_PATTERNS)})$", re.IGNORECASE)
_LABEL_RE = re.compile(rf"^(?:{'|'.join(LABEL_PATTERNS)})$", re.IGNORECASE)
_CREDIT_RE = re.compile(rf"^(?:{'|'.join(CREDIT_PATTERNS)})$", re.IGNORECASE)
_BYLINE_RE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5}$")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATELINE_RE = re.compile(
    rf"^(?:(?:published|updated|last updated|posted)\s*:?\s*)?"
    rf"(?:(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\.?,?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
    rf"(?:[\s,]+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)
# A photo caption: "Place - description" (hyphen, en or em dash), as this CMS prints them;
# "FILE - ..." marks an archive photo.
_CAPTION_RE = re.compile(r"^(?:FILE|[A-Z][\w’'.]*(?:[ -][A-Z][\w’'.]*){0,3})\s+[-–—]\s+\S")
_CAPTION_DATE_RE = re.compile(
    rf"(?:{_MONTH_RE})\.?\s+\d{{1,2}},\s+\d{{4}}\.?$|\d{{4}}\.?$", re.IGNORECASE
)


def _is_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does: ``.``, ``!`` or ``?``, then closing marks.

    >>> _is_sentence("They agreed.”"), _is_sentence("Talks Resume"), _is_sentence("Why?) ")
    (True, False, True)
    """
    return text.strip().rstrip(_CLOSERS).endswith((".", "!", "?"))


_CLOSERS = "'\"’”)"


def _drop_blank(line: Line, _: Kept) -> str | None:
    return "" if not line.text.strip() else None


def _skip_link_rule(main_script: Callable[[], str]) -> Callable[[Line, Kept], str | None]:
    def rule(line: Line, kept: Kept) -> str | None:
        text = line.text.strip()
        if _SKIP_LINK_RE.match(_text.fold_quotes(text)):
            return "skip-link heading"
        # Before the headline, a short line in another script is the site's frame:
        # azatutyun.am prints its skip-link heading in Armenian even on English pages.
        if kept.lines or len(text.split()) > 6:
            return None
        letters = [c for c in text if c.isalpha()]
        if letters and not _is_sentence(text):
            foreign = sum(_text.script_of(c) != main_script() for c in letters)
            if foreign / len(letters) > 0.5:
                return "skip-link heading (site frame in another script)"
        return None

    return rule


def _drop_skip_links(draft: Draft) -> Draft:
    # the script of the first 20,000 characters is the article's (and reading more is slow);
    # it is read only if a line needs it
    found: list[str] = []

    def script() -> str:
        if not found:
            found.append(_main_script(draft.text[:20_000]) or "LATIN")
        return found[0]

    return _drop(_skip_link_rule(script))(draft)


_NOT_ASCII_LETTERS = bytes(i for i in range(128) if not chr(i).isalpha())
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _main_script(text: str) -> str:
    """The script most letters of ``text`` are written in, as :func:`text.main_script` says,
    but counting the ASCII letters (all Latin) in one pass and each other character once.

    >>> _main_script("Երևան Yerevan Երևանը"), _main_script("Ереван Москва Yerevan")
    ('ARMENIAN', 'CYRILLIC')
    >>> _main_script("ab бв"), _main_script("12 -"), _main_script("Talks")
    ('CYRILLIC', '', 'LATIN')
    """
    counts: dict[str, int] = {}
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    if latin:
        counts["LATIN"] = latin
    for char, count in Counter(_ASCII_RUN.sub("", text)).items():
        script = _text.script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + count
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else ""


def _drop_labels(line: Line, _: Kept) -> str | None:
    return "page-layout label" if _LABEL_RE.match(line.text.strip()) else None


def _drop_credits(line: Line, _: Kept) -> str | None:
    return "credit line" if _CREDIT_RE.match(_text.fold_quotes(line.text.strip())) else None


def _drop_bylines(line: Line, _: Kept) -> str | None:
    return "byline" if _is_byline(line.text.strip()) else None


def _is_byline(text: str) -> bool:
    """A byline: "By" and names, perhaps with an agency or a place after them.

    >>> _is_byline("By Jane Roe and Omar Sayed, Reuters")
    True
    >>> _is_byline("By Ann Lee in Nairobi | AP")
    True
    >>> _is_byline("By the end of the week the talks had failed.")
    False
    """
    if _BYLINE_RE.match(text):
        return True
    match = re.match(r"(?:By|BY)\s+(.+)$", text)
    if not match or _words(text) > 14 or re.search(r"[!?]$|[a-z]{3}\.$", text):
        return False
    joiners = {"and", "in", "at", "&", "|", "for", "from", "-", "–", "—", "with"}
    words = [w.strip(",;") for w in match.group(1).split()]
    words = [w for w in words if w and w.lower() not in joiners]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _drop_repeats(draft: Draft) -> Draft:
    """Drop a line that repeats the line kept before it (each line is folded once)."""
    kept: list[Line] = []
    removed = list(draft.removed)
    last, gap = None, False
    for line in draft.lines:
        folded = _fold(line.text)
        if kept and folded == last:
            removed.append((line.number, line.text, _REPEATED))
            gap = True
            continue
        kept.append(Line(line.number, line.text, True) if gap else line)
        last, gap = folded, False
    return Draft(tuple(kept), tuple(sorted(removed)), draft.published)


_REPEATED = "repeated line (an image's alt text printed again as its caption)"


def _fold(text: str) -> str:
    return " ".join(_text.fold_quotes(text).split()).casefold()


def _date_from_dateline(text: str) -> dt.date | None:
    match = _DATELINE_RE.match(text.strip())
    if not match:
        return None
    if match["iso"]:
        try:
            return dt.date.fromisoformat(match["iso"])
        except ValueError:
            return None
    month = _MONTHS[(match["month"] or match["month2"]).lower()]
    day, year = int(match["day"] or match["day2"]), int(match["year"] or match["year2"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_TIME_LINE_RE = re.compile(
    r"(?:(?:first )?published|updated|last updated|posted|modified)\b.{0,80}"
    r"|.{0,60}\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|PST|EAT|CAT|WAT|IST|JST|AEST|AEDT)\b.{0,40}"
    r"|.{0,40}\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago",
    re.IGNORECASE,
)
_DATE_IN_LINE_RE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\.?,?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b",
    re.IGNORECASE,
)


def _is_time_line(text: str) -> bool:
    """A line that only says when the story was published or updated.

    >>> _is_time_line("Updated 14:05 GMT, 5 March 2024")
    True
    >>> _is_time_line("Published 3 hours ago")
    True
    >>> _is_time_line("Updated figures were released by the ministry on Monday, officials said.")
    False
    >>> _is_time_line("Jane Roe   |05.03.2024 - Update : 05.03.2024")
    True
    >>> _is_time_line("The decree is dated 13/01/2024.")
    False
    """
    text = text.strip()
    if _words(text) > 14:
        return False
    if not _is_sentence(text) and _FIGURES_LINE_RE.fullmatch(text):
        return True  # a name and a date in figures: "Jane Roe |05.03.2024 - Update : …"
    return bool(_TIME_LINE_RE.fullmatch(text)) and not is_body_text(text)


#: A short line around a date in figures; without a full stop, it is a byline's date line.
_FIGURES_LINE_RE = re.compile(r".{0,40}(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?![\d/]).{0,40}")


def _date_in_line(text: str) -> dt.date | None:
    """The first calendar date written in ``text``.

    >>> _date_in_line("Updated 14:05 GMT, 5 March 2024")
    datetime.date(2024, 3, 5)
    """
    match = _DATE_IN_LINE_RE.search(text)
    if match:
        return _date_from_dateline(match.group())
    return _date_in_figures(text)


# A date in figures: day/month/year ("27/12/2024", "27.12.2024") or year.month.day.
_FIGURES_RE = re.compile(
    r"(?<![\d/.])(?:(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"
    r"|(?P<y2>\d{4})\.(?P<m2>\d{1,2})\.(?P<d2>\d{1,2}))(?![\d/])"
)


def _date_in_figures(text: str) -> dt.date | None:
    """The first date written in figures in ``text``, day first (or a year first).

    >>> _date_in_figures("Published on 27/12/2024 - 14:05"), _date_in_figures("2024.10.03")
    (datetime.date(2024, 12, 27), datetime.date(2024, 10, 3))
    >>> _date_in_figures("Updated 12/27/2024")
    datetime.date(2024, 12, 27)
    """
    match = _FIGURES_RE.search(text)
    if not match:
        return None
    if match["y2"]:
        year, month, day = int(match["y2"]), int(match["m2"]), int(match["d2"])
    else:
        year, day, month = int(match["y"]), int(match["d"]), int(match["m"])
        if month > 12 >= day:  # "12/27/2024": the month first
            day, month = month, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _take_dateline(draft: Draft) -> Draft:
    """Remove date lines; the first one that is a real date becomes the publication date."""
    published = draft.published
    kept, removed = [], list(draft.removed)
    for line in draft.lines:
        text = line.text.strip()
        if _DATELINE_RE.match(text) or _FIGURES_RE.fullmatch(text) or _is_time_line(text):
            found = _date_from_dateline(line.text) or _date_in_line(line.text)
            published = published or found
            removed.append((line.number, line.text, "date line (the publication date)"))
        else:
            kept.append(line)
    return Draft(tuple(kept), tuple(sorted(removed)), published)


def _join_wrapped(draft: Draft) -> Draft:
    """Join a line that stops mid-sentence with the next, unless a blank line stands between.

    Text pasted from a PDF or an e-mail breaks paragraphs into lines; a scraped page has one
    paragraph a line. The headline (the first line) is never joined, nor a short heading.
    """
    joined: list[Line] = []
    for line in draft.lines:
        if (
            len(joined) > 1
            and not line.after_blank
            and not _tagline(joined[-1], line.text)
            and _continues(joined[-1].text, line.text)
        ):
            prev = joined[-1]
            joined[-1] = Line(
                prev.number, f"{prev.text.rstrip()} {line.text.lstrip()}", prev.after_blank
            )
        else:
            joined.append(line)
    return Draft(tuple(joined), draft.removed, draft.published)


def _tagline(prev: Line, text: str) -> bool:
    """Whether ``prev``, a line that opens a block (after a blank line or removed furniture,
    such as a newsletter's name), is a tagline or a heading: a whole paragraph of prose
    follows it, opening with a capital.

    >>> _tagline(Line(4, "The week's news from the region, every weekday", True),
    ...          "The envoys of both countries met in Ostrava on Monday, officials said.")
    True
    >>> _tagline(Line(4, "The envoys of both countries met in", True), "Ostrava on Monday.")
    False
    """
    return prev.after_blank and text[:1].isupper() and is_body_text(text)


def _continues(prev: str, text: str) -> bool:
    """Whether ``text`` goes on the sentence that ``prev`` leaves unfinished.

    >>> _continues("The ministers met in", "Geneva on Monday.")
    True
    >>> _continues("Talks collapse", "The talks ended on Monday.")
    False
    >>> _continues("Vesland and Kalonia trade blame after a clash near Ostrava Bay",
    ...            "The ministers met on Monday.")
    False
    """
    if _is_sentence(prev) or (_is_short(text) and text[:1].isupper()):
        return False  # a short capitalised line is a name or a label: "Ana Gomez"
    if _has_caption_marker(prev) or _tail_credit(prev):
        return False  # a photo caption ends where its line ends
    last = re.search(r"(\w+)\W*$", prev)
    if text[:1].islower() or re.search(r"[,;]$", prev):
        return True
    if last and last.group(1).lower() in stop_words():
        return True
    # a long line broken after a lower-case word; one that ends in a name or a credit
    # ("… near Ostrava Shoal", "… Jane Roe/AFP") is a headline, a caption or a link
    return bool(last and last.group(1).islower() and last.group(1).isalpha()) and _words(prev) >= 8


# --- Control characters and stray HTML tags -----------------------------------------------

_CONTROL_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")


def _strip_lines(pattern: re.Pattern[str], reason: str) -> Callable[[Draft], Draft]:
    """A step that deletes ``pattern`` in lines; a line left empty is removed with ``reason``."""

    def step(draft: Draft) -> Draft:
        lines, removed = [], list(draft.removed)
        for line in draft.lines:
            text = pattern.sub("", line.text)
            if text == line.text:
                lines.append(line)
            elif text.strip():
                lines.append(Line(line.number, html.unescape(text).strip(), line.after_blank))
            else:
                removed.append((line.number, line.text, reason))
        return Draft(tuple(lines), tuple(sorted(removed)), draft.published)

    return step


# --- Page furniture from general evidence ---------------------------------------------------


@lru_cache(maxsize=1)
def furniture_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The furniture lines of ``data/furniture/lines.tsv``: ``(reason, whole-line pattern)``.

    >>> dict(furniture_patterns())["advertisement"].fullmatch("Advertisement") is not None
    True
    """
    rows = []
    path = data_dir() / "furniture" / "lines.tsv"
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        reason, _, pattern = row.partition("\t")
        try:
            rows.append((reason.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
        except re.error as err:
            raise ArticleFileError(
                f"{path}, line {number}: the pattern is not valid ({err}): fix it"
            ) from None
    return tuple(rows)


@lru_cache(maxsize=1)
def _share_words() -> frozenset[str]:
    path = data_dir() / "furniture" / "share_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _caption_markers() -> frozenset[str]:
    path = data_dir() / "furniture" / "caption_markers.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _reader_verbs() -> frozenset[str]:
    path = data_dir() / "furniture" / "reader_verbs.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_READER_WORDS = frozenset({"you", "your", "our", "here", "now"})
_QUOTES = '"“”«»„'


def _speaks_to_reader(text: str, *, at_end: bool = False) -> bool:
    """A short line without quotation marks that speaks to the reader: it opens with a verb
    of ``data/furniture/reader_verbs.txt`` and says "you", "your", "our", "here" or "now"
    ("Download our app for your phone"); after the story's end, "you" or "your" is enough
    ("There are no comments yet. Add your comment.").

    >>> _speaks_to_reader("Download the Vesnews app for your phone.")
    True
    >>> _speaks_to_reader("Share prices fell in Ostrava on Monday.")
    False
    >>> _speaks_to_reader("How did this story make you feel?", at_end=True)
    True
    """
    low = text.lower()
    first = _WORD_RE.search(low)
    if first is None or not (at_end or first.group() in _reader_verbs()):
        return False  # the common case, found without reading every word
    if _words(text) > 30 or any(q in text for q in _QUOTES):
        return False
    words = _WORD_RE.findall(low)
    if at_end and ("you" in words or "your" in words):
        return True
    return words[0] in _reader_verbs() and any(w in _READER_WORDS for w in words[1:])


_BRACKETED_RE = re.compile(r"(?<=\s)\(([^()]{1,25})\)")


def _has_caption_marker(text: str) -> bool:
    """A short line that points at someone in a photo: "(pic)", "(L)", "(second left)"
    (the words of ``data/furniture/caption_markers.txt``), and is not a long sentence.

    >>> _has_caption_marker("Foreign Minister Jane Roe (pic) said the talks had failed")
    True
    >>> _has_caption_marker("The Vesland Liberation Front (VLF) said the talks had failed.")
    False
    """
    if "(" not in text or _words(text) > 40 or (_is_sentence(text) and _words(text) > 30):
        return False
    markers = _caption_markers()
    return any(m.strip().lower() in markers for m in _BRACKETED_RE.findall(text))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English function words: jusText's stop list when it is installed (read from its data
    file, without importing it), else a short fallback list.

    >>> {"the", "of", "and"} <= stop_words()
    True
    """
    spec = importlib.util.find_spec("justext")
    if spec and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "stoplists" / "English.txt"
        if path.is_file():
            return frozenset(path.read_text(encoding="utf-8").lower().split())
    return frozenset("the of and to a in that is was for on with as by at from it".split())


def stop_word_share(text: str) -> float:
    """The share of words of ``text`` that are function words (jusText's main evidence).

    >>> stop_word_share("The talks were held in the capital on Monday.") > 0.5
    True
    >>> stop_word_share("Khartoum Omdurman Kassala Gedaref Atbara")
    0.0
    """
    words = _WORD_RE.findall(text.lower())
    common = stop_words()
    return sum(w in common for w in words) / len(words) if words else 0.0


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(text: str) -> int:
    return len(text.split())


def is_body_text(text: str) -> bool:
    """Whether a line reads as the prose of a story: a sentence of 10 or more words, with
    enough common words (jusText's threshold: 30 %; a run of names or links has few).

    >>> is_body_text("The foreign ministers of both countries met in the capital on Monday.")
    True
    >>> is_body_text("Vesland Kalonia Nordmark Ostrava Kassala Gedaref Atbara Omdurman Juba.")
    False
    """
    return _is_sentence(text) and _words(text) >= 10 and stop_word_share(text) >= 0.3


@lru_cache(maxsize=1)
def _furniture_alternation() -> re.Pattern[str] | None:
    """All furniture patterns as one alternation (group ``fN`` is row N): one call finds the
    first row whose pattern matches the whole line. None if the rows cannot be joined."""
    joined = "|".join(f"(?P<f{i}>{p.pattern})" for i, (_, p) in enumerate(furniture_patterns()))
    try:
        return re.compile(joined, re.IGNORECASE)
    except re.error:
        return None


def _furniture_row(folded: str) -> str | None:
    """The reason of the first furniture row whose pattern matches the whole line."""
    rows = furniture_patterns()
    joined = _furniture_alternation()
    if joined is None:
        return next((reason for reason, pattern in rows if pattern.fullmatch(folded)), None)
    match = joined.fullmatch(folded)
    if match is None:
        return None
    return next(rows[i][0] for i in range(len(rows)) if match.group(f"f{i}") is not None)


_WORD_OR_HYPHEN = re.compile(r"[\w-]+")
_MENU_BAR = re.compile(r"\s[|•·]\s")


def _furniture_reason(text: str) -> str | None:
    folded = _text.fold_quotes(text)
    if _words(folded) <= 30:
        reason = _furniture_row(folded)
        if reason is not None:
            return reason
    lower = folded.lower()
    first = _WORD_OR_HYPHEN.search(lower)
    if first is not None and first.group() in _share_words():  # else no share row
        words = _WORD_OR_HYPHEN.findall(lower)
        if len(words) <= 12 and all(w in _share_words() for w in words):
            return "share row"
    menu_marks = "|" in folded or "•" in folded or "·" in folded
    menu = menu_marks and len(_MENU_BAR.findall(folded)) >= 2 and not _is_sentence(folded)
    # a caption that ends in a credit between bars ("… in 2022. PHOTO | FILE | VESNEWS")
    if menu and _tail_credit(folded) is None:
        return "menu (links on one line)"
    return None


#: Furniture that heads a list or a box: the lines under it that are not body text go too.
_LIST_HEADINGS = {"related-links heading": "related-links list", "summary box": "summary box"}
_BLOCK_START, _BLOCK_END = "promotion block (start)", "promotion block (end)"
#: The most lines a promotion block ("skip past …" to "after … promotion") may hold.
_BLOCK_LINES = 15


def _promotion_block(lines: tuple[Line, ...], start: int) -> int:
    """The index of the line that closes the promotion block opened at ``start`` ("skip
    past newsletter promotion" … "after newsletter promotion"), or ``start`` if none does.

    >>> lines = tuple(Line(i, t) for i, t in enumerate(
    ...     ["skip past podcast promotion", "Listen now", "after podcast promotion", "Body."]))
    >>> _promotion_block(lines, 0), _promotion_block(lines[:2], 0)
    (2, 0)
    """
    for i in range(start + 1, min(len(lines), start + _BLOCK_LINES + 1)):
        if _furniture_reason(lines[i].text) == _BLOCK_END:
            return i
    return start


def _drop_furniture(draft: Draft) -> Draft:
    """Drop furniture lines; after a "Related" heading or a summary box's label, drop the
    lines under it that are not body text; drop a promotion block between its marks."""
    kept, removed = [], list(draft.removed)
    listed: str | None = None
    gap, block_end = False, -1
    for i, line in enumerate(draft.lines):
        reason = _furniture_reason(line.text)
        if i <= block_end:
            reason = reason or "promotion block"
        elif reason == _BLOCK_START:
            block_end = _promotion_block(draft.lines, i)
        if reason is None and listed and not is_body_text(line.text):
            reason = listed
        if reason is None:
            listed = None
            kept.append(Line(line.number, line.text, True) if gap else line)
            gap = False
            continue
        listed = _LIST_HEADINGS.get(reason, listed)
        gap = True
        removed.append((line.number, line.text, reason))
    return Draft(tuple(kept), tuple(sorted(removed)), draft.published)


def _is_short(text: str) -> bool:
    return _words(text) <= 3 and not _is_sentence(text)


def _drop_menus(draft: Draft) -> Draft:
    """Drop runs of three or more short lines that are not sentences: a menu or link list."""
    lines = draft.lines
    flags = [_is_short(line.text) for line in lines]
    drop, run = set(), []
    for i, short in enumerate([*flags, False]):
        if short:
            run.append(i)
            continue
        if len(run) >= 3:
            drop.update(run)
        run = []
    kept = tuple(ln for i, ln in enumerate(lines) if i not in drop)
    gone = [(lines[i].number, lines[i].text, "menu (a run of short lines)") for i in drop]
    return Draft(kept, tuple(sorted([*draft.removed, *gone])), draft.published)


def _is_caption_like(line: Line, repeated: set[str]) -> bool:
    return _fold(line.text) in repeated or bool(_CAPTION_RE.match(line.text))


def _headline_index(
    lines: tuple[Line, ...],
    repeated: set[str],
    frame: frozenset[int] = frozenset(),
    menu: frozenset[int] = frozenset(),
) -> int:
    """Where the headline stands: the first headline-like line (:func:`_looks_like_headline`)
    before the first paragraph of body text, skipping a line wedged between lines of the
    site's frame (``frame``: the numbers of lines removed as menus, skip links, site chrome)
    and, unless no other line qualifies, a line right above two lines of the site's menu
    (``menu``): a site's name and slogan stand there, a headline does not. 0 when there is
    no body text or no such line (the first line is then the headline)."""
    body = next(
        (
            i
            for i, line in enumerate(lines)
            if is_body_text(line.text) and not _is_caption_like(line, repeated)
        ),
        None,
    )
    above_menu: int | None = None
    for i, line in enumerate(lines[:body] if body is not None else ()):
        wrapped = i + 1 < len(lines) and not lines[i + 1].after_blank
        n = line.number
        if not _looks_like_headline(line.text, wrapped=wrapped) or _is_caption_like(line, repeated):
            continue
        if n - 1 in frame and n + 1 in frame:
            continue  # wedged between lines of the frame
        if n + 1 in menu and n + 2 in menu:
            above_menu = i if above_menu is None else above_menu
            continue
        return i
    return above_menu or 0


_PATH_MARKS = (" / ", " > ", " » ", "|", " :: ")


def _looks_like_headline(text: str, *, wrapped: bool = False) -> bool:
    """A headline: four or more words, no final full stop, not a section path in capitals
    ("NATIONAL / POLITICS") and, where the next line follows without a blank line, not
    broken off after a lower-case function word ("The ministers met in").

    >>> _looks_like_headline("Gangs Vow To Fight On After Vote in the Capital on Christmas Day")
    True
    >>> _looks_like_headline("WORLD / AFRICA / SAHEL NEWS"), _looks_like_headline("Talks end.")
    (False, False)
    >>> _looks_like_headline("Rebels say they will fight on"), _looks_like_headline(
    ...     "The ministers of both states met in", wrapped=True)
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    if _words(text) < 4 or _is_sentence(text) or text.rstrip().endswith((",", ";", ":")):
        return False
    if any(mark in text for mark in _PATH_MARKS) or (letters and text.upper() == text):
        return False  # a breadcrumb or a section label in capitals
    last = re.search(r"(\w+)\W*$", text)
    return not (wrapped and last and last.group(1) in stop_words())


#: Reasons of the lines that make up a site's frame (around the story, not in it).
_FRAME_REASONS = ("menu", "skip", "site chrome", "page-layout label")
#: Reasons of the lines of a site's menu.
_MENU_REASONS = ("menu", "site chrome")


def _drop_before_headline(draft: Draft) -> Draft:
    """Drop what stands before the headline: section labels, site names and slogans."""
    repeated = {_fold(text) for _, text, reason in draft.removed if reason.startswith("repeated")}
    frame = frozenset(n for n, _, reason in draft.removed if reason.startswith(_FRAME_REASONS))
    menu = frozenset(n for n, _, reason in draft.removed if reason.startswith(_MENU_REASONS))
    start = _headline_index(draft.lines, repeated, frame, menu)
    gone = [
        (line.number, line.text, "before the headline (a section label, site name or slogan)")
        for line in draft.lines[:start]
    ]
    removed = tuple(sorted([*draft.removed, *gone]))
    return Draft(draft.lines[start:], removed, draft.published)


#: A wire-service dateline in front of the first sentence: "KHARTOUM, Sudan (AP) — ",
#: "NAIROBI, March 5 (Reuters) - ", "(AFP) - ", "GAZA CITY — ".
_AGENCY_DATELINE_RE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{2,}}(?:,\s+[A-Z][\w.'’ -]{{1,30}}?)?)?"
    rf"(?:,\s*(?P<month>(?i:{_MONTH_RE}))\.?\s+(?P<day>\d{{1,2}}))?"
    rf"\s*(?P<agency>\([A-Za-z][\w/ .&-]{{0,30}}\))?\s*[-–—]{{1,2}}\s+(?=\S)",
)


def _agency_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the start of ``text``, if one is there.

    >>> _agency_dateline("KHARTOUM, Sudan (AP) — Fighting resumed.").group()
    'KHARTOUM, Sudan (AP) — '
    >>> _agency_dateline("Armenia - A soldier on guard.") is None
    True
    """
    match = _AGENCY_DATELINE_RE.match(text)
    if not match or not (match["place"] or match["agency"]):
        return None
    place = (match["place"] or "").split(",")[0]
    if place.strip() == "FILE":
        return None  # "FILE - …" marks an archive photo's caption
    if not match["agency"] and not (place.isupper() and len(place.strip()) >= 3):
        return None  # "Armenia - A soldier …" is a caption, not a dateline
    return match


#: A sign-off after the last sentence of a paragraph: "– Vesnews.com", "— with reports
#: from Jane Roe".
_SIGN_OFF_RE = re.compile(
    r"(?<=[.!?\"”’])\s+(?:[-–—]{1,2}|\|)\s*(?:with (?:additional )?reports? (?:from|by) [^.]{1,60}"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|[a-z]{2}))\.?\s*$",
    re.IGNORECASE,
)


def _may_end_in_sign_off(text: str) -> bool:
    """Whether ``text`` ends as every sign-off of ``_SIGN_OFF_RE`` does: in a web address
    (a dot and two to four letters) or with someone's reports, so that other lines need no
    regular expression.

    >>> _may_end_in_sign_off("Talks ended. – Vesnews.com"), _may_end_in_sign_off("Talks ended.")
    (True, False)
    """
    end = text.rstrip()
    end = end[:-1] if end.endswith(".") else end
    _, dot, tail = end.rpartition(".")
    return bool(dot and tail.isalpha() and 2 <= len(tail) <= 4) or "report" in text.lower()


def _take_sign_offs(draft: Draft) -> Draft:
    """Cut a sign-off ("– Vesnews.com") off the end of a paragraph.

    >>> draft = _take_sign_offs(Draft((Line(3, "Talks ended on Monday. – Vesnews.com"),)))
    >>> draft.lines[0].text, draft.removed
    ('Talks ended on Monday.', ((3, '– Vesnews.com', 'sign-off (end of the story)'),))
    """
    lines, removed = [], list(draft.removed)
    for line in draft.lines:
        match = _SIGN_OFF_RE.search(line.text) if _may_end_in_sign_off(line.text) else None
        if match is None or _words(line.text) < 6:
            lines.append(line)
            continue
        removed.append((line.number, match.group().strip(), "sign-off (end of the story)"))
        lines.append(Line(line.number, line.text[: match.start()], line.after_blank))
    return Draft(tuple(lines), tuple(sorted(removed)), draft.published)


def _take_datelines_and_sign_offs(draft: Draft) -> Draft:
    """Cut wire datelines off the front of paragraphs and sign-offs off their end."""
    return _take_sign_offs(_take_agency_datelines(draft))


def _take_agency_datelines(draft: Draft) -> Draft:
    """Cut the dateline ("KHARTOUM, Sudan (AP) —") off the front of a paragraph."""
    lines, removed, published = [], list(draft.removed), draft.published
    for line in draft.lines:
        match = _agency_dateline(line.text)
        if match is None or not match.string[match.end() :].strip():
            lines.append(line)
            continue
        removed.append((line.number, match.group().strip(), "dateline (place and agency)"))
        lines.append(Line(line.number, line.text[match.end() :], line.after_blank))
    return Draft(tuple(lines), tuple(sorted(removed)), published)


STANDFIRST = "standfirst (the summary under the headline)"


def _header_evidence(text: str, reason: str) -> bool:
    """A removed line of the story's header: a byline, a date or time line, a share row."""
    return (
        reason in ("byline", "share row")
        or reason.startswith("date line")
        or (_DIGIT_RE.search(text) is not None and bool(_DATELINE_RE.match(text.strip())))
    )


_DIGIT_RE = re.compile(r"\d")  # every date line has one


#: The reason of a short line in the story's header that is not the standfirst.
HEADER_LINE = "the story's header (an author or label line above the byline and date)"
#: At most this many lines and words stand between a headline and its byline and date.
_HEADER_LINES, _HEADER_WORDS = 6, 90


def _is_caption_line(line: Line, credits: set[int], repeated: set[str]) -> bool:
    # the quick tests first: the regular expression of _tail_credit is the slowest
    return bool(
        _CAPTION_LABEL_RE.match(line.text)
        or _is_caption_like(line, repeated)
        or _has_caption_marker(line.text)
        or _credited_caption(line, credits)
        or _tail_credit(line.text)
    )


def _header_indexes(draft: Draft) -> list[int]:
    """The lines between the headline and the story's byline, date line or share row: a
    standfirst, a summary box, an author's name. The story starts after the last of those
    marks that comes within the first few lines; photo captions among them stay. Empty when
    no such mark follows the headline closely, or when nothing would be left of the story.

    >>> lines = [(1, "Talks Resume In Ostrava"), (2, "Both sides hope to agree soon, envoys say."),
    ...          (4, "Jane Roe"), (6, "The envoys of both countries met on Monday in Ostrava.")]
    >>> draft = Draft(tuple(Line(n, t) for n, t in lines), ((5, "May 2, 2024", "date line"),))
    >>> _header_indexes(draft)
    [1, 2]
    """
    lines = draft.lines
    if len(lines) < 3:
        return []
    last = lines[min(len(lines) - 1, _HEADER_LINES + 1)].number  # no mark after it counts
    near = [(n, text, reason) for n, text, reason in draft.removed if n <= last + 2]
    evidence = sorted(n for n, text, reason in near if n < last and _header_evidence(text, reason))
    if not evidence:
        return []
    credits = {n for n, text, reason in near if _is_photo_credit(text, reason)}
    repeated = {_fold(text) for _, text, reason in draft.removed if reason.startswith("repeated")}
    # Two lines of prose stand in a header only under a summary box's label ("Summary").
    boxed = any(reason == "summary box" for _, _, reason in draft.removed)
    found: list[int] = []
    header: list[int] = []
    words = prose = 0
    for i in range(1, min(len(lines) - 1, _HEADER_LINES + 1)):
        line = lines[i]
        if not _is_caption_line(line, credits, repeated):
            words += _words(line.text)
            prose += is_body_text(line.text)
            if _agency_dateline(line.text) or words > _HEADER_WORDS or (prose > 1 and not boxed):
                break
            found.append(i)
        nxt = bisect.bisect_right(evidence, line.number)
        if nxt < len(evidence) and evidence[nxt] < lines[i + 1].number:
            header = list(found)
    return header


def _take_standfirst(draft: Draft) -> Draft:
    """Take out the story's header between the headline and the byline and date: the
    standfirst (the one- or two-sentence summary under the headline), a summary box, an
    author's name."""
    indexes = _header_indexes(draft)
    if not indexes:
        return draft
    taken = set(indexes)
    gone = []
    for i in indexes:
        line = draft.lines[i]
        long = _words(line.text) >= 6 and not any(r == STANDFIRST for _, _, r in gone)
        gone.append((line.number, line.text, STANDFIRST if long else HEADER_LINE))
    lines = tuple(line for i, line in enumerate(draft.lines) if i not in taken)
    return Draft(lines, tuple(sorted([*draft.removed, *gone])), draft.published)


#: The cleaning steps in the order :func:`clean_article` runs them.
CLEANING_STEPS: tuple[Step, ...] = (
    Step("unicode", "Compose characters to Unicode NFC.", _map_lines(_text.normalize_unicode)),
    Step(
        "spaces",
        "Turn non-breaking and other odd spaces into plain spaces; drop zero-width characters.",
        _map_lines(_text.fix_spaces),
    ),
    Step("trim", "Remove spaces at the start and end of each line.", _map_lines(str.strip)),
    Step("blank lines", "Drop empty lines (they only separate paragraphs).", _drop(_drop_blank)),
    Step(
        "skip links",
        "Drop the hidden 'skip to content' heading, in any language or script.",
        _drop_skip_links,
    ),
    Step(
        "layout labels",
        "Drop labels of the page's layout: Breaking News, XS/SM/MD/LG, 16x9 Image, Share …",
        _drop(_drop_labels),
    ),
    Step(
        "control characters",
        "Delete control characters and terminal colour codes (NUL, BEL, ANSI escapes).",
        _strip_lines(_CONTROL_RE, "only control characters"),
    ),
    Step(
        "html tags",
        "Delete stray HTML tags (<b>, <br/>, <a href=…>) and decode entities such as &amp;.",
        _strip_lines(_TAG_RE, "only HTML tags"),
    ),
    Step(
        "credits", "Drop credit lines such as 'Some material … came from AP.'", _drop(_drop_credits)
    ),
    Step("bylines", "Drop a byline ('By Jane Doe').", _drop(_drop_bylines)),
    Step(
        "furniture",
        "Drop page furniture listed in data/furniture (Advertisement, Share, Read more: …, "
        "newsletter promotions, copyright and image credits) and the links under 'Related'.",
        _drop_furniture,
    ),
    Step("menus", "Drop runs of three or more short lines that are not sentences.", _drop_menus),
    Step(
        "date lines",
        "Drop a line that is only a date, and keep it as the publication date.",
        _take_dateline,
    ),
    Step(
        "repeated lines",
        "Drop a line that repeats the line before it (a photo's alt text, then its caption).",
        _drop_repeats,
    ),
    Step(
        "headline",
        "Find the headline (a line of four or more words before the first paragraph of body "
        "text) and drop what stands before it.",
        _drop_before_headline,
    ),
    Step(
        "standfirst",
        "Take out the standfirst: the summary under the headline, before the byline and date "
        "(with a summary box or an author's name standing there).",
        _take_standfirst,
    ),
    Step(
        "datelines",
        "Cut a wire dateline ('KHARTOUM, Sudan (AP) —') off the front of its paragraph, and a "
        "sign-off ('– Vesnews.com') off the end of it.",
        _take_datelines_and_sign_offs,
    ),
    Step("wrapped lines", "Join a paragraph that was broken across lines.", _join_wrapped),
)


def run_steps(raw: str, steps: Iterable[Step] = CLEANING_STEPS) -> list[tuple[Step, Draft]]:
    """Run the cleaning steps one by one and return each step with the draft after it.

    >>> history = run_steps("Title\\n\\nXS\\nA body line.\\n")
    >>> names = ("blank lines", "skip links", "layout labels")
    >>> [(step.name, len(draft.lines)) for step, draft in history if step.name in names]
    [('blank lines', 3), ('skip links', 3), ('layout labels', 2)]
    """
    raw, _ = _prepare(raw)
    draft = Draft.from_text(raw)
    history = []
    for step in steps:
        draft = step(draft)
        history.append((step, draft))
    return history


def _prepare(raw: Any) -> tuple[str, dict[str, Any]]:
    """Check the input; a saved web page becomes its article's text and metadata."""
    _check_raw(raw)
    if is_html_page(raw):
        return html_to_text(raw)
    return raw, {}


def _check_raw(raw: Any) -> None:
    if isinstance(raw, bytes | bytearray):
        raise ArticleFileError(
            "clean_article() takes text, not bytes: read the file with load_article(path)"
        )
    if not isinstance(raw, str):
        raise ArticleFileError(
            f"clean_article() takes the article's text as a string, not {type(raw).__name__}"
        )
    if not raw.strip():
        raise EmptyArticleError(
            "the article is empty: check that the file holds the article's text"
        )
    if len(raw) > MAX_CHARS:
        raise ArticleTooLargeError(
            f"the text has {len(raw):,} characters, more than the limit of {MAX_CHARS:,} "
            f"(about {MAX_CHARS // 1_000_000} MB; a long news article has about 50,000): "
            "split it into one file per article and clean each file on its own"
        )


#: The longest text :func:`clean_article` accepts, in characters.
MAX_CHARS = 5_000_000


def is_html_page(raw: str) -> bool:
    """Whether ``raw`` is a web page saved as HTML rather than text.

    >>> is_html_page("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> is_html_page("Talks <b>resume</b> today.")
    False
    """
    head = raw[:5000]
    if re.search(r"<!doctype html|<html\b|<head\b|<body\b", head, re.IGNORECASE):
        return True
    tags = re.findall(r"</?(?:div|p|span|a|script|meta|h[1-6]|article|section)\b[^>]*>", head, re.I)
    return len(tags) >= 10


def html_to_text(raw: str) -> tuple[str, dict[str, Any]]:
    """Extract the article from a saved web page with trafilatura: its text (the headline
    first, then one paragraph a line) and its metadata (title, date, author, site).

    The date is a ``datetime.date`` when the page gives one.
    """
    import trafilatura  # lazy: only a saved web page needs it (and lxml)

    doc = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < 15:
        raise NotPlainTextError(
            "this HTML page has no article text that could be extracted: save the page "
            "again once the article is fully shown, or paste its text into a plain .txt file"
        )
    meta = {
        key: getattr(doc, key, None) or ""
        for key in ("title", "author", "sitename", "date", "url", "description")
    }
    meta["published"] = _page_date(str(meta.pop("date")))
    title = str(meta["title"]).strip()
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and _fold(paragraphs[0]) == _fold(title):
        paragraphs = paragraphs[1:]
    meta["standfirst"] = _page_standfirst(raw, str(meta["description"]), paragraphs)
    meta["figures"] = figures = figure_captions(raw)
    present = {_fold(p) for p in paragraphs}
    lines = [line for caption, credit in figures for line in (caption, credit) if line]
    lines = [line for line in lines if _fold(line) not in present]  # the extractor kept it
    text = "\n\n".join([title, *lines, *paragraphs] if title else [*lines, *paragraphs])
    return text, meta


_CREDIT_CLASS = re.compile(r"credit|copyright|byline|author|source|photographer", re.IGNORECASE)


def figure_captions(raw: str) -> list[tuple[str, str]]:
    """The ``(caption, credit)`` of each ``<figcaption>`` of a saved web page; the credit is
    what the caption marks as one (an element whose class says credit, copyright, source …).

    >>> figure_captions('<figure><figcaption>Troops in Ostrava. <span class="credit">'
    ...                 'JANE ROE / AFP</span></figcaption></figure>')
    [('Troops in Ostrava.', 'JANE ROE / AFP')]
    """
    import lxml.html  # lazy: only a saved web page needs it

    try:
        page = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for caption in page.iter("figcaption"):
        credits = [
            el for el in caption.iterdescendants() if _CREDIT_CLASS.search(el.get("class") or "")
        ]
        parts = [el for el in caption if " ".join(el.text_content().split())]
        if not credits and len(parts) > 1:  # an unmarked credit in a block of its own
            credits = [el for el in parts if _is_credit_text(" ".join(el.text_content().split()))]
        credit = " ".join(" ".join(el.text_content().split()) for el in credits)
        for el in credits:
            el.drop_tree()  # keeps the text after it
        text = " ".join(caption.text_content().split())
        if text:
            found.append((text, credit))
    return found


_SOURCE_CREDIT_RE = re.compile(r"\((?:[A-Z][\w.&'’-]*\s?){1,4}:\s*[^()]{1,60}\)")


def _is_credit_text(text: str) -> bool:
    """Whether a caption's block is a photo credit: "© Vesnews/Jane Roe", "(Supplied: Vesland
    Police)", "Photo: Jane Roe/AFP".

    >>> _is_credit_text("© Vesnews/Jane Roe"), _is_credit_text("(Supplied: Vesland Police)")
    (True, True)
    >>> _is_credit_text("Troops on patrol near Ostrava in May.")
    False
    """
    text = text.strip()
    if text.startswith("©") or text.lower().startswith("copyright"):
        return True
    reason = _furniture_row(_text.fold_quotes(text)) if _words(text) <= 12 else None
    return reason in ("image credit", "copyright line") or bool(_SOURCE_CREDIT_RE.fullmatch(text))


def _lead_block(raw: str, lead: str, following: str) -> bool:
    """Whether the paragraph ``lead`` of a saved page stands in a block of its own, outside
    the block that holds the next paragraph ``following`` (a standfirst, not the story).

    >>> page = '<div class="lead"><p>Talks end.</p></div><div><p>Envoys met.</p></div>'
    >>> _lead_block(page, "Talks end.", "Envoys met.")
    True
    >>> _lead_block('<div><p>Talks end.</p><p>Envoys met.</p></div>', "Talks end.", "Envoys met.")
    False
    """
    import lxml.html  # lazy: only a saved web page needs it

    try:
        page = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return False
    holders: dict[str, list[Any]] = {_fold(lead): [], _fold(following): []}
    for el in page.iter("p"):
        key = _fold(el.text_content())
        if key in holders:
            holders[key].append(el.getparent())
    leads, rest = holders[_fold(lead)], holders[_fold(following)]
    return bool(leads and rest) and all(parent not in rest for parent in leads)


def _page_standfirst(raw: str, description: str, paragraphs: list[str]) -> str:
    """The first paragraph of a saved page when it repeats the page's description and stands
    in a block of its own (the standfirst); else ""."""
    if len(paragraphs) < 2 or not description or _fold(paragraphs[0]) != _fold(description):
        return ""
    return paragraphs[0] if _lead_block(raw, paragraphs[0], paragraphs[1]) else ""


def _page_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_CAPTION_CREDIT_RE = re.compile(
    r"^(?:image caption|caption|photo caption)\s*[,:]\s*\S"
    r"|[(\[]?(?:photo|photograph|picture|image|credit)s?\s*(?::|by)\s*[^()]{1,60}"
    r"(?:\([^()]{1,30}\))?[)\]]?\.?$"
    r"|\((?:[A-Z]+ )?(?:photo|image)/[^()]{1,40}\)\.?$"
    r"|\b[A-Z][\w.&-]*/[A-Z][\w. '-]{1,40}$|\bvia Getty Images\.?$",
    re.IGNORECASE,
)


def _credited_caption(line: Line, credits: set[int]) -> bool:
    """A caption proved by its photo credit: one at its end ("… (Photo: Jane Roe/AFP)"),
    an "Image caption," label in front, or a credit line printed right after it.

    >>> _credited_caption(Line(5, "Displaced families queue for water. REUTERS/Jane Roe"), set())
    True
    >>> _credited_caption(Line(5, "Displaced families queue for water in the camp."), {6})
    True
    >>> _credited_caption(Line(5, "The ministers met on Monday."), set())
    False
    """
    if _words(line.text) > 60:
        return False
    return _has_credit(line.text) or bool({line.number + 1, line.number + 2} & credits)


# Every form _CAPTION_CREDIT_RE knows holds one of these (in the lower-case text, with the
# letters a case-insensitive pattern also reads as ASCII ones: "ı", "ſ").
_CREDIT_CLUES = ("caption", "photo", "picture", "image", "credit", "/", "getty")


def _has_credit(text: str) -> bool:
    """Whether ``text`` holds a photo credit or a caption label (``_CAPTION_CREDIT_RE``).

    >>> _has_credit("Troops on patrol (Photo: Jane Roe/AFP)"), _has_credit("Troops on patrol.")
    (True, False)
    """
    low = text.lower()
    if not low.isascii():
        low = low.replace("ı", "i").replace("ſ", "s")
    if not any(clue in low for clue in _CREDIT_CLUES):
        return False
    return bool(_CAPTION_CREDIT_RE.search(text))


def _is_photo_credit(text: str, reason: str) -> bool:
    """A removed line that credits a photo: an image credit, or a short copyright line
    naming an agency ("Copyright Jane Roe via AP", "© Vesland News / AP Photo")."""
    if reason == "image credit":
        return True
    if reason == "copyright line":
        return _words(text) <= 10 and bool(_VIA_RE.search(text))
    # a credit line taken with a run of short lines ("Jane Roe/AFP/Getty Images")
    return reason.startswith("menu") and _words(text) <= 8 and _has_credit(text)


_VIA_RE = re.compile(r"\bvia\b|/")


# The label in front of a caption ("Image caption, Troops on patrol").
_CAPTION_LABEL_RE = re.compile(r"^(?:image caption|photo caption|caption)\s*[,:]\s*", re.I)
# A photo credit at the end of a caption, after the caption's own words: "(Photo: Jane
# Roe / AFP)", "(AP Photo/Jane Roe)", "Photo: Jane Roe (EFE)", "| Photo Credit: Vesnews",
# "Photograph: Jane Roe/AFP", "[Jane Roe/AFP]"; after a full stop also "Photo from the
# Vesland Navy", "(Supplied: Vesland Police)", "— AFP", "| KYODO" (a credit in capitals or
# an agency's name) and "(Vesnews)".
_TAIL_CREDIT_RE = re.compile(
    r"(?:\s+\((?:[A-Z]+ )?(?:photo|image|picture)s?\s*[:/][^()]{1,60}\)"
    r"|(?:\s*[|—–]\s*|\s+)(?:(?:photo|image|picture|video)\s+)?"
    r"(?:photo(?:graph)?|image|picture|credit)s?\s*:\s*[^.]{1,60}"
    r"|(?<=[.!?\"”’])\s+(?:photo|image|picture|video)s?\s+(?:from|by|courtesy of)\s+[^.]{1,60}"
    r"|(?<=[.!?\"”’])\s*\([A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,3}:\s*[^()]{1,60}\)"
    r"|\s*\[[^\[\]]{1,60}/[^\[\]]{1,40}\]"
    r"|\s*\[\s*(?:photo|image|picture|credit)s?(?:\s+credit)?\s*:\s*[^\[\]]{1,60}\]"
    r"|(?<=[.!?\"”’])\s*\(\s*[^()]{1,40}?\s[/-]\s[^()]{1,40}?\s*\)"
    r"|(?<=[.!?\"”’])\s+(?:photo|image|picture)s?\s*\|\s*[^.]{1,60}"
    r"|(?<=[.!?\"”’])\s*(?:[—–|]|--)\s*(?:[A-Z][A-Z.&/-]{1,15}(?: [A-Z][A-Z.&/-]{1,15}){0,2}"
    r"|AP|AFP|Reuters|Getty Images|Anadolu|Xinhua|Kyodo|Yonhap|EFE|EPA)"
    r"|(?<=[.!?\"”’])\s*\([A-Z][\w.&/-]{1,20}(?: [\w.&/-]{1,20}){0,2}\))\.?$",
    re.IGNORECASE,
)


_TAIL_MARKS = ("(", ":", "—", "–", "|", "[", "--")
#: A credit without one of the marks starts with one of these words ("Photo from …").
_TAIL_WORDS = ("photo", "image", "picture", "video")


def _has_tail_mark(text: str) -> bool:
    """Whether ``text`` has a mark or a word that every form of ``_TAIL_CREDIT_RE`` holds
    (in the lower-case text, with the letters its case-insensitive matching reads as ASCII
    ones: "ı", "ſ"), so that lines without one need no regular expression.

    >>> _has_tail_mark("Troops on patrol. Photo from the Vesland Navy"), _has_tail_mark("Talks.")
    (True, False)
    """
    if any(mark in text for mark in _TAIL_MARKS):
        return True
    low = text.lower()
    if not low.isascii():
        low = low.replace("ı", "i").replace("ſ", "s")
    return any(word in low for word in _TAIL_WORDS)


def _tail_credit(text: str) -> re.Match[str] | None:
    """The photo credit at the end of a caption line of 40 words or fewer, if it has one.

    >>> _tail_credit("Troops on patrol near Ostrava. — AFP").group().strip()
    '— AFP'
    >>> _tail_credit("Troops on patrol near Ostrava. (Photo: Jane Roe / AFP)").group().strip()
    '(Photo: Jane Roe / AFP)'
    >>> _tail_credit("The talks resumed on Monday (local time).") is None
    True
    """
    if _words(text) > 40:
        return None
    if not _has_tail_mark(text):  # every form has one of these marks, but a bare agency
        return _bare_agency(text)
    match = _TAIL_CREDIT_RE.search(text) or _bare_agency(text)
    return match if match and match.start() > 0 and text[: match.start()].strip() else None


@lru_cache(maxsize=1)
def _agency_names() -> tuple[str, ...]:
    """The news and photo agencies of ``data/furniture/agencies.txt``, longest first."""
    path = data_dir() / "furniture" / "agencies.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    names = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


def _bare_agency(text: str) -> re.Match[str] | None:
    """An agency's name alone after a caption's last full stop, as its photo credit
    ("Troops on patrol near Ostrava. Reuters"), written as the agency writes it.

    >>> _bare_agency("Troops on patrol near Ostrava. Reuters").group().strip()
    'Reuters'
    >>> _bare_agency("Troops on patrol near Ostrava, Reuters reported.") is None
    True
    """
    stripped = text.rstrip()
    names = _agency_names()
    if not stripped.endswith(names):  # the common case, in one call
        return None
    name = next(n for n in names if stripped.endswith(n))
    start = len(stripped) - len(name)
    before = stripped[:start]
    if not before.endswith(" ") or before.rstrip()[-1:] not in {".", "!", "?", '"', "”", "’"}:
        return None
    return re.compile(r"\s+" + re.escape(name) + r"\s*$").search(text, len(before.rstrip()))


def _split_caption(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A caption without its label in front and its photo credit at the end, and the pieces
    taken off with their reasons.

    >>> _split_caption("Image caption, Troops on patrol near Ostrava. (Vesnews)")
    ('Troops on patrol near Ostrava.', [('Image caption,', 'caption label'), \
('(Vesnews)', 'image credit (end of a caption)')])
    """
    pieces = []
    label = _CAPTION_LABEL_RE.match(text)
    if label and text[label.end() :].strip():
        pieces.append((label.group().strip(), "caption label"))
        text = text[label.end() :]
    credit = _tail_credit(text)
    if credit:
        pieces.append((credit.group().strip(), "image credit (end of a caption)"))
        text = text[: credit.start()].rstrip()
    return text, pieces


def _is_caption(
    line: Line, repeated: set[str], credits: set[int], folded: str | None = None
) -> bool:
    """A photo caption: printed twice or marked by the page (``repeated``), "Place - …",
    proved by a photo credit at its end or on the next line (``credits``), or pointing at
    someone in the photo ("(pic)", "(L)"). ``folded`` is the line's :func:`_fold`, if known.

    >>> _is_caption(Line(4, "Ostrava - Troops on patrol near the border."), set(), set())
    True
    >>> _is_caption(Line(4, "The envoys met on Monday in Ostrava."), set(), {6})
    True
    >>> _is_caption(Line(4, "The envoys met on Monday in Ostrava."), set(), {8})
    False
    """
    text = line.text
    if (_fold(text) if folded is None else folded) in repeated:
        return True
    words = _words(text)  # each test below reads the count
    if _CAPTION_RE.match(text) and (_CAPTION_DATE_RE.search(text) or words <= 40):
        return True
    if words <= 60 and (_has_credit(text) or bool({line.number + 1, line.number + 2} & credits)):
        return True  # _credited_caption
    # a caption marker or a tail credit only stands in a line of 40 words or fewer
    return words <= 40 and (_has_caption_marker(text) or _tail_credit(text) is not None)


def _not_a_paragraph(text: str, *, in_body: bool) -> str | None:
    """Why a line that is not a caption is not a body paragraph either, or None.

    >>> _not_a_paragraph("Most read", in_body=True)
    'short line that is not a sentence (a label)'
    >>> _not_a_paragraph("Vesland and Kalonia trade blame after a border clash", in_body=True)
    'heading or link between paragraphs'
    >>> _not_a_paragraph("Download the Vesnews app for your phone.", in_body=True)
    'promotion (speaks to the reader)'
    >>> _not_a_paragraph("The envoys met in Ostrava on Monday.", in_body=True) is None
    True
    """
    if not _is_sentence(text) and _words(text) < 8:
        return "short line that is not a sentence (a label)"
    opens_list = text.rstrip().endswith(":")  # "… three demands:" opens a list
    if in_body and not _is_sentence(text) and _words(text) <= _HEADING_WORDS and not opens_list:
        return "heading or link between paragraphs"
    if _speaks_to_reader(text):
        return "promotion (speaks to the reader)"
    return None


_BY_RE = re.compile(r"^[Bb][Yy](?:\s+|(?=[A-Z]))")
_NAME_PART_RE = re.compile(r"[,|]|\s+(?:and|&)\s+")


def _author_names(removed: Iterable[tuple[int, str, str]]) -> frozenset[str]:
    """The people named in the story's byline, author or date lines ("By Jane Roe and Ali
    Noor, Vesnews", "byJane Roe", "Jane Roe | 05.03.2024"): parts of two to four
    capitalised words.

    >>> sorted(_author_names([(3, "By Jane Roe and Ali Noor, Vesnews", "byline")]))
    ['Ali Noor', 'Jane Roe']
    """
    names = set()
    for _, text, reason in removed:
        if reason not in ("byline", HEADER_LINE) and not reason.startswith("date line"):
            continue
        for part in _NAME_PART_RE.split(_BY_RE.sub("", text.strip())):
            words = part.split()
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                names.add(" ".join(words))
    return frozenset(names)


@lru_cache(maxsize=1)
def _publisher_words() -> frozenset[str]:
    path = data_dir() / "furniture" / "publisher_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _publisher_note(text: str, authors: frozenset[str]) -> str | None:
    """Why a paragraph after the story's last one belongs to the page, not the story: the
    author's biography (it opens with a name of the byline), or the publisher speaking
    for itself in the first person plural ("we", "our", "us" without quotation marks:
    a donation appeal, a subscription notice).

    >>> _publisher_note("Jane Roe is a reporter at Vesnews.", frozenset({"Jane Roe"}))
    'author biography (after the end of the story)'
    >>> _publisher_note("At Vesnews, we believe in free news. Please support us.", frozenset())
    "publisher's note (after the end of the story)"
    >>> _publisher_note("“We will not give up,” the minister said.", frozenset()) is None
    True
    """
    if any(text.startswith(name + " ") for name in authors):
        return "author biography (after the end of the story)"
    if any(q in text for q in _QUOTES):
        return None
    words = _WORD_RE.findall(text)
    if any(w in _publisher_words() for w in words):
        return "publisher's note (after the end of the story)"
    return None


#: A line between body paragraphs with at most this many words and no full stop is a
#: heading or the headline of another story, not a paragraph.
_HEADING_WORDS = 20


def _structure(
    draft: Draft, figures: Iterable[tuple[str, str]] = (), standfirst: str = ""
) -> tuple[str, list[str], list[str], list[tuple[int, str, str]]]:
    """Split the remaining lines into the headline, photo captions and body paragraphs.

    ``figures`` are the ``(caption, credit)`` pairs a saved web page marks as such, and
    ``standfirst`` the summary it sets apart from the story."""
    if not draft.lines:
        raise EmptyArticleError(
            "nothing is left once page furniture is removed: is this the article's text?"
        )
    title, *rest = draft.lines
    credits = {n for n, text, reason in draft.removed if _is_photo_credit(text, reason)}
    # A line printed twice in a row is a photo's alt text and then its visible caption, so
    # it is a caption whatever its form ("Place - …", "FILE - …", or none at all).
    repeated = {_fold(text) for _, text, reason in draft.removed if reason.startswith("repeated")}
    repeated |= {_fold(caption) for caption, _ in figures}  # the page says they are captions
    figure_credits = {_fold(credit) for _, credit in figures if credit}
    lead = _fold(standfirst) if standfirst else None
    captions: list[str] = []
    seen: set[str] = set()  # the captions kept, folded
    paragraphs: list[str] = []
    numbers: list[int] = []
    removed: list[tuple[int, str, str]] = []
    for line in rest:
        text = line.text
        folded = _fold(text)
        if folded in figure_credits:
            removed.append((line.number, text, "image credit (in the page's figure)"))
            continue
        if lead is not None and not paragraphs and folded == lead:
            removed.append((line.number, text, STANDFIRST))
            continue
        if _is_caption(line, repeated, credits, folded):
            text, pieces = _split_caption(text)
            removed.extend((line.number, piece, reason) for piece, reason in pieces)
            if (caption := _fold(text)) not in seen:
                captions.append(text)
                seen.add(caption)
            else:
                removed.append((line.number, text, "repeated caption"))
        elif reason := _not_a_paragraph(text, in_body=bool(paragraphs)):
            removed.append((line.number, text, reason))
        else:
            paragraphs.append(text)
            numbers.append(line.number)
    authors = _author_names(draft.removed)
    while len(paragraphs) > 1 and (
        not _is_sentence(paragraphs[-1]) or _speaks_to_reader(paragraphs[-1], at_end=True)
    ):
        removed.append((numbers.pop(), paragraphs.pop(), "after the end of the story"))
    while len(paragraphs) > 1 and (reason := _publisher_note(paragraphs[-1], authors)):
        removed.append((numbers.pop(), paragraphs.pop(), reason))
    return title.text, captions, paragraphs, removed


def clean_article(
    raw: str,
    published: str | dt.date | None = None,
    *,
    steps: Iterable[Step] = CLEANING_STEPS,
    source: str = "",
) -> Article:
    """Clean a scraped article and split it into title, captions, paragraphs and sentences.

    ``published`` (a date or ``YYYY-MM-DD``) is the date relative expressions are resolved
    against later; without it, a date line in the article is used if there is one.

    >>> article = clean_article(load_article())
    >>> len(article.captions), len(article.paragraphs)
    (1, 9)
    """
    raw, meta = _prepare(raw)
    history = run_steps(raw, steps)
    draft = history[-1][1] if history else Draft.from_text(raw)
    title, captions, paragraphs, late_removed = _structure(
        draft, meta.get("figures", ()), meta.get("standfirst", "")
    )
    if not paragraphs:
        raise EmptyArticleError(
            "the article has a headline but no body paragraphs: check that the whole "
            "article was saved, one paragraph per line"
        )
    parts = [("title", -1, title)]
    parts += [("caption", -1, c) for c in captions]
    parts += [("body", i, p) for i, p in enumerate(paragraphs)]
    rows, pieces, offset = [], [], 0
    for section, paragraph, part in parts:
        spans = [(offset, offset + len(part))] if section == "title" else []
        spans = spans or _text.sentence_spans(part, offset)
        for start, end in spans:
            rows.append((len(rows), section, paragraph, start, end, None))
        pieces.append(part)
        offset += len(part) + 2
    text = "\n\n".join(pieces)
    sentences = build_table(
        [(i, sec, par, s, e, text[s:e]) for i, sec, par, s, e, _ in rows],
        SENTENCE_COLUMNS,
        ints=("id", "paragraph", "start", "end"),
    )
    removed = build_table(sorted([*draft.removed, *late_removed]), REMOVED_COLUMNS, ints=("line",))
    return Article(
        title=title,
        captions=tuple(captions),
        paragraphs=tuple(paragraphs),
        text=text,
        sentences=sentences,
        removed=removed,
        published=parse_published(published) or draft.published or meta.get("published"),
        source=source,
        metadata=meta,
        standfirst=next((t for _, t, r in [*draft.removed, *late_removed] if r == STANDFIRST), ""),
    )


def explain_cleaning(raw: str, steps: Iterable[Step] = CLEANING_STEPS) -> pd.DataFrame:
    """Say what each cleaning step changed: one row per step.

    Columns: ``step``, ``description``, ``lines_removed``, ``lines_changed``, ``example``
    (one removed or changed line, so you can see what the step did).

    >>> table = explain_cleaning("Title\\u00a0\\n\\nBreaking News\\nBody text here.\\n")
    >>> table.set_index("step").loc[["spaces", "layout labels"], ["lines_removed", "lines_changed"]]
                   lines_removed  lines_changed
    step
    spaces                     0              1
    layout labels              1              0
    """
    rows = []
    if isinstance(raw, str):
        raw = _prepare(raw)[0]
    before = Draft.from_text(raw) if isinstance(raw, str) else None
    for step, after in run_steps(raw, steps):
        assert before is not None
        old = {ln.number: ln.text for ln in before.lines}
        new = {ln.number: ln.text for ln in after.lines}
        gone = [n for n in old if n not in new]
        changed = [n for n in new if n in old and old[n] != new[n]]
        example = ""
        if gone and old[gone[0]].strip():
            example = f"line {gone[0]}: {_short(old[gone[0]])}"
        elif gone:
            example = f"{len(gone)} empty line(s)"
        elif changed:
            example = f"line {changed[0]}: {_short(new[changed[0]])}"
        rows.append((step.name, step.description, len(gone), len(changed), example))
        before = after
    return pd.DataFrame(
        rows, columns=["step", "description", "lines_removed", "lines_changed", "example"]
    )


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def clean_and_explain(
    raw: str, published: str | dt.date | None = None
) -> tuple[Article, pd.DataFrame]:
    """Clean an article and also return :func:`explain_cleaning`'s table (like ftfy's
    ``fix_and_explain``)."""
    return clean_article(raw, published), explain_cleaning(raw)


def course_article(path: str | Path | None = None) -> Article:
    """Load and clean the course's article, with its publication date.

    With no path, the article named in ``course.toml`` (see :mod:`course_utils.config`),
    which is the bundled one unless an instructor changed it; the publication date comes
    from ``course.toml`` or else from the ``article.toml`` beside the article.

    >>> course_article().published
    datetime.date(2023, 2, 3)
    """
    from course_utils.config import load_config

    config = load_config() if path is None else None
    file = article_path(config.article if config else path)
    published = (config.published if config else None) or load_metadata(file).get("published")
    return clean_article(load_article(file), published, source=str(file))
