"""Where the course's data files are.

In a source checkout (and an editable install) the data live in ``data/`` at the top of the
repository; a built wheel ships the same folder inside the package as ``course_utils/data``.

>>> (data_dir() / "gazetteer").is_dir()
True
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """Return the folder that holds the course's data files."""
    for candidate in (_PACKAGE / "data", _PACKAGE.parent / "data"):
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError(
        "the course's data folder is missing: reinstall the course with `python course.py test`"
    )


def articles_dir() -> Path:
    """Return the folder that holds one sub-folder per article."""
    return data_dir() / "articles"
