"""Figures for notebooks 01 and 02: the raw text's lines, its scripts, the cleaning steps.

The small pure functions at the top (:func:`script_of`, :func:`main_script`,
:func:`script_counts`, :func:`steps_table`) compute what the figures show, so they can be
tested and reused without drawing anything; matplotlib is imported only when a figure is
drawn.

>>> script_of("Ա"), script_of("A"), script_of("’")
('ARMENIAN', 'LATIN', '')
>>> main_script("Մատչելիության հղումներ"), main_script("  ")
('ARMENIAN', '')
>>> script_counts("Lavrov: “Да”")
{'LATIN': 6, 'CYRILLIC': 2}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from course_utils.article import CLEANING_STEPS, Step, run_steps
from course_utils.plots._style import MARK_COLOURS, new_figure
from course_utils.text import main_script, script_counts, script_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.patches import Patch

__all__ = [
    "main_script",
    "plot_character_scripts",
    "plot_cleaning_steps",
    "plot_line_lengths",
    "script_counts",
    "script_of",
    "steps_table",
]


def steps_table(raw: str, steps: Iterable[Step] = CLEANING_STEPS) -> pd.DataFrame:
    """Lines left after each cleaning step: columns ``step``, ``lines``, ``removed``.

    The first row, ``raw text``, counts the lines before any step ran.

    >>> steps_table("Title\\n\\nXS\\nA body line.").iloc[[0, 4, 6]]
                step  lines  removed
    0       raw text      4        0
    4    blank lines      3        1
    6  layout labels      2        1
    """
    history = run_steps(raw, steps)
    rows = [("raw text", len(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")), 0)]
    for step, draft in history:
        rows.append((step.name, len(draft.lines), rows[-1][1] - len(draft.lines)))
    return pd.DataFrame(rows, columns=["step", "lines", "removed"])


# --- Figures ------------------------------------------------------------------------------


def _script_colours(names: Iterable[str]) -> dict[str, str]:
    """A fixed colour per script (Latin always blue), in order of first appearance."""
    colours: dict[str, str] = {"LATIN": MARK_COLOURS[0]}
    for name in names:
        if name not in colours:
            colours[name] = MARK_COLOURS[len(colours) % len(MARK_COLOURS)]
    return colours


def _patch(colour: str, label: str) -> Patch:
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=label)


def plot_line_lengths(raw: str, ax: Axes | None = None) -> Axes:
    """One horizontal bar per raw line: its length in characters, coloured by its script.

    Line 1 is at the top, as in a text editor; blank lines have no bar.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    scripts = [main_script(line) or "no letters" for line in lines]
    colours = _script_colours(s for s in scripts if s != "no letters")
    colours["no letters"] = MARK_COLOURS[-1]
    _fig, ax = new_figure(ax, size=(8, max(3.0, 0.18 * len(lines) + 1)))
    numbers = range(1, len(lines) + 1)
    ax.barh(list(numbers), [len(line) for line in lines], color=[colours[s] for s in scripts])
    ax.set_ylim(len(lines) + 0.5, 0.5)
    ax.set_yticks(list(numbers))
    ax.tick_params(axis="y", labelsize=7)
    shown = dict.fromkeys(s for s, line in zip(scripts, lines, strict=True) if line)
    handles = [_patch(colours[name], name) for name in shown]
    ax.legend(handles=handles, title="script of the line", loc="lower right")
    ax.set_title("Length of each line of the raw article")
    ax.set_xlabel("length (characters)")
    ax.set_ylabel("line number")
    return ax


def plot_character_scripts(text: str, ax: Axes | None = None) -> Axes:
    """Letters per script, as horizontal bars on a log scale, each labelled with its count."""
    counts = script_counts(text)
    colours = _script_colours(counts)
    _fig, ax = new_figure(ax, size=(7, 1.2 + 0.6 * max(1, len(counts))))
    names = list(counts)
    ax.barh(names, [counts[n] for n in names], color=[colours[n] for n in names])
    ax.invert_yaxis()
    ax.set_xscale("log")
    for y, name in enumerate(names):
        ax.annotate(
            f"{counts[name]:,}",
            (counts[name], y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
        )
    ax.set_xlim(right=max(counts.values(), default=1) * 4)
    ax.set_title("Letters in each Unicode script")
    ax.set_xlabel("number of letters (log scale)")
    ax.set_ylabel("script")
    return ax


def plot_cleaning_steps(
    raw: str, steps: Iterable[Step] = CLEANING_STEPS, ax: Axes | None = None
) -> Axes:
    """Lines left after each cleaning step, as bars; steps that removed lines are orange."""
    table = steps_table(raw, steps)
    _fig, ax = new_figure(ax, size=(8, 4))
    colours = [MARK_COLOURS[1] if n else MARK_COLOURS[0] for n in table["removed"]]
    ax.bar(range(len(table)), table["lines"], color=colours)
    for x, (lines, removed) in enumerate(zip(table["lines"], table["removed"], strict=True)):
        label = f"{lines}" + (f"\n(−{removed})" if removed else "")
        ax.annotate(label, (x, lines), xytext=(0, 3), textcoords="offset points", ha="center")
    ax.set_xticks(range(len(table)), table["step"], rotation=40, ha="right")
    ax.set_ylim(0, table["lines"].max() * 1.25)
    handles = [
        _patch(MARK_COLOURS[0], "no line removed"),
        _patch(MARK_COLOURS[1], "step removed lines"),
    ]
    ax.legend(handles=handles, loc="upper right")
    ax.set_title("Lines left after each cleaning step")
    ax.set_xlabel("cleaning step (in the order they run)")
    ax.set_ylabel("lines left")
    return ax
