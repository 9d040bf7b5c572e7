"""Helpers for the course "From news text to conflict data".

The pipeline runs one way, one module a stage::

    load_article -> clean_article -> find_actors -> find_dates -> find_events -> build_timeline

``import course_utils`` is light: plots (matplotlib) and widgets (ipywidgets) are imported
only when you use ``course_utils.plots`` or ``course_utils.widgets``.

>>> import course_utils
>>> course_utils.course_article().title
'Russian-Led Alliance ‘Still Ready’ For Monitoring Mission In Armenia'
"""

from __future__ import annotations

import importlib
from typing import Any

from course_utils._ipython import install as _install_error_display
from course_utils.article import (
    Article,
    clean_and_explain,
    clean_article,
    course_article,
    explain_cleaning,
    load_article,
    load_metadata,
)
from course_utils.errors import CourseError

__version__ = "0.1.0"

_install_error_display()  # in a notebook, a CourseError shows as one line, not a traceback

# Functions of the later stages, imported the first time they are asked for.
_LAZY = {
    "find_actors": "course_utils.actors",
    "baseline_actors": "course_utils.actors",
    "actor_summary": "course_utils.actors",
    "find_dates": "course_utils.dates",
    "find_events": "course_utils.events",
    "build_timeline": "course_utils.events",
    "explain_events": "course_utils.events",
}
_SUBMODULES = {"actors", "dates", "events", "evaluate", "plots", "widgets", "exercises", "cli"}

__all__ = [
    "Article",
    "CourseError",
    "clean_and_explain",
    "clean_article",
    "course_article",
    "explain_cleaning",
    "load_article",
    "load_metadata",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"course_utils.{name}")
    raise AttributeError(f"module 'course_utils' has no attribute {name!r}")
