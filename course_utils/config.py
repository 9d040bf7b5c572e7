"""Which article the notebooks work on: the course's ``course.toml``.

Every notebook starts from :func:`course_utils.course_article`, which reads the article
named here, so an instructor can run the whole course on another article by editing one
file. ``course.toml`` sits at the top of the course folder and looks like this::

    [article]
    path = "data/articles/csto-monitors-2023"   # a folder with article.txt, or a .txt file
    published = 2023-02-03                       # optional; else article.toml's date

The file is found by looking in the working folder and each folder above it (notebooks run
in ``notebooks/``), or at the path in the ``COURSE_CONFIG`` environment variable. Without
one, the course's bundled article is used.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from course_utils._paths import articles_dir
from course_utils.errors import ArticleFileError, PublicationDateError

CONFIG_NAME = "course.toml"
DEFAULT_ARTICLE = "csto-monitors-2023"


@dataclass(frozen=True)
class CourseConfig:
    """The article the course uses, and the publication date to resolve its dates against."""

    article: Path
    published: dt.date | None = None
    source: Path | None = None  # the course.toml it came from, if any


def find_config(start: Path | None = None) -> Path | None:
    """Return the ``course.toml`` that applies in ``start`` (default: the working folder)."""
    if os.environ.get("COURSE_CONFIG"):
        path = Path(os.environ["COURSE_CONFIG"]).expanduser()
        if not path.is_file():
            raise ArticleFileError(f"COURSE_CONFIG names {path}, which does not exist")
        return path
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
    return None


def load_config(start: Path | None = None) -> CourseConfig:
    """Read the course configuration (or the defaults when there is no ``course.toml``).

    >>> load_config().article.name
    'csto-monitors-2023'
    """
    file = find_config(start)
    default = articles_dir() / DEFAULT_ARTICLE
    if file is None:
        return CourseConfig(default)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ArticleFileError(f"{file} is not valid TOML ({err}): fix the line it names") from None
    section = data.get("article", {})
    if not isinstance(section, dict):
        raise ArticleFileError(
            f"{file}: article = {section!r} is not a table; write it as a section, "
            'a line [article] followed by path = "data/articles/NAME"'
        )
    path = section.get("path")
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise ArticleFileError(
            f"{file}: path = {path!r} is not a file or folder name; write it in quotes, "
            'like path = "data/articles/csto-monitors-2023"'
        )
    article = (file.parent / path).resolve() if path else default
    return CourseConfig(article, _published(file, section.get("published")), file)


def _published(file: Path, value: object) -> dt.date | None:
    """The ``published`` value of ``course.toml``: a TOML date, checked like --published."""
    from course_utils.dates import published_date

    if value is None:
        return None
    if not isinstance(value, dt.date):
        raise PublicationDateError(
            f"{file}: published = {value!r} is not a date; write it without quotes, "
            "like published = 2023-02-03"
        )
    if isinstance(value, dt.datetime):
        value = value.date()
    try:
        return published_date(value)
    except PublicationDateError as err:
        raise PublicationDateError(f"{file}: {err}") from None
