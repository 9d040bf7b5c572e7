"""Figures for the course, one module per stage (matplotlib is imported here, not before).

Every function takes an optional ``ax`` and returns the matplotlib ``Axes`` it drew on; end
a notebook cell with ``plt.show()``. Each figure has a title, labelled axes, a white
background and colour-blind-safe colours (:mod:`course_utils.plots._style`).
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "plot_line_lengths": "course_utils.plots.text",
    "plot_character_scripts": "course_utils.plots.text",
    "plot_cleaning_steps": "course_utils.plots.text",
    "highlight_html": "course_utils.plots.actors",
    "plot_mentions": "course_utils.plots.actors",
    "plot_cooccurrence": "course_utils.plots.actors",
    "plot_timeline": "course_utils.plots.timeline",
    "plot_weekly_events": "course_utils.plots.corpus",
    "plot_actor_network": "course_utils.plots.corpus",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'course_utils.plots' has no attribute {name!r}")
