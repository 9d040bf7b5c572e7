"""Explorers for the notebooks (ipywidgets is imported here, not before).

Each factory returns an object with the widget to display (``.widget``) and its state and
update functions, so the logic can be tested without a browser: set a control's ``value``
and the display updates through the same pure functions the notebook calls.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "paragraph_browser": "course_utils.widgets.reading",
    "cleaning_stepper": "course_utils.widgets.cleaning",
    "actor_explorer": "course_utils.widgets.actors",
    "timeline_explorer": "course_utils.widgets.timeline",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'course_utils.widgets' has no attribute {name!r}")
