"""Notebook 02's explorer: step through the cleaning pipeline and see what each step did.

The logic is in pure functions (:func:`show_invisible`, :func:`step_changes`,
:func:`step_html`); :func:`cleaning_stepper` only wires a slider to an ``HTML`` widget, so
that it can be tested without a browser.

>>> show_invisible("224\\u00a0soldiers ")
'224[NBSP]soldiers␣'
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course_utils.article import CLEANING_STEPS, Draft, Step, load_article, run_steps
from course_utils.widgets._style import BOX_STYLE, CELL_STYLE, REMOVED_STYLE, TABLE_STYLE
from course_utils.widgets._style import KEPT_STYLE as CHANGED_STYLE

__all__ = ["CleaningStepper", "cleaning_stepper", "show_invisible", "step_changes", "step_html"]

#: Short names for characters you cannot see on the page.
INVISIBLE_NAMES = {
    "\u00a0": "NBSP",  # no-break space
    "\u202f": "NNBSP",  # narrow no-break space
    "\u200b": "ZWSP",  # zero-width space
    "\u200c": "ZWNJ",  # zero-width non-joiner
    "\u200d": "ZWJ",  # zero-width joiner
    "\u2060": "WJ",  # word joiner
    "\ufeff": "BOM",  # byte-order mark / zero-width no-break space
    "\u00ad": "SHY",  # soft hyphen
    "\t": "TAB",
    "\r": "CR",
}


def show_invisible(text: str) -> str:
    """Make invisible characters visible: ``[NBSP]``, ``[ZWSP]``, ``[U+0301]`` …, and a
    space at either end of the text as ``␣``."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in INVISIBLE_NAMES:
            out.append(f"[{INVISIBLE_NAMES[char]}]")
        elif char != " " and category in {"Zs", "Zl", "Zp", "Cf", "Cc", "Mn"}:
            out.append(f"[U+{ord(char):04X}]")
        else:
            out.append(char)
    shown = "".join(out)
    core = shown.strip(" ")
    if not core:
        return "␣" * len(shown)
    left = len(shown) - len(shown.lstrip(" "))
    right = len(shown) - len(shown.rstrip(" "))
    return "␣" * left + core + "␣" * right


def step_changes(before: Draft, after: Draft) -> pd.DataFrame:
    """The lines one step removed or changed: ``line``, ``change``, ``before``, ``after``,
    ``reason`` (``change`` is ``removed`` or ``changed``; the reason of a removed line is the
    one the step recorded, or "blank line", or "joined to the line before")."""
    old = {ln.number: ln.text for ln in before.lines}
    new = {ln.number: ln.text for ln in after.lines}
    reasons = {n: r for n, _, r in after.removed}
    rows = []
    for number, text in old.items():
        if number not in new:
            reason = reasons.get(number) or (
                "joined to the line before" if text.strip() else "blank line"
            )
            rows.append((number, "removed", text, "", reason))
        elif new[number] != text:
            rows.append((number, "changed", text, new[number], ""))
    return pd.DataFrame(rows, columns=["line", "change", "before", "after", "reason"])


def step_html(step: Step, before: Draft, after: Draft, index: int, total: int) -> str:
    """An HTML card for one step: its name and description, then every line it removed or
    changed, with invisible characters shown (see :func:`show_invisible`)."""
    changes = step_changes(before, after)
    head = (
        f"<b>step {index + 1} of {total}: {html.escape(step.name)}</b> · "
        f"{len(before.lines)} lines before, {len(after.lines)} after<br>"
        f"<i>{html.escape(step.description)}</i>"
    )
    if changes.empty:
        body = "<p>This step changed nothing in this text.</p>"
    else:
        rows = []
        for line, change, old, new, reason in changes.itertuples(index=False):
            style = REMOVED_STYLE if change == "removed" else CHANGED_STYLE
            detail = f"→ {show_invisible(new)}" if change == "changed" else reason
            rows.append(
                f'<tr style="{style}"><td style="{CELL_STYLE}">{line}</td>'
                f'<td style="{CELL_STYLE}">{change}</td>'
                f'<td style="{CELL_STYLE}">{html.escape(show_invisible(old)) or "(empty)"}</td>'
                f'<td style="{CELL_STYLE}">{html.escape(detail)}</td></tr>'
            )
        header = "".join(
            f'<th style="{CELL_STYLE}">{name}</th>'
            for name in ("line", "change", "text before", "after / reason")
        )
        body = f'<table style="{TABLE_STYLE}"><tr>{header}</tr>{"".join(rows)}</table>'
    return f'<div style="{BOX_STYLE}">{head}{body}</div>'


@dataclass
class CleaningStepper:
    """The explorer's parts: display ``widget``; set ``slider.value`` (1 = first step)."""

    widget: widgets.VBox
    slider: widgets.IntSlider
    html: widgets.HTML
    drafts: list[Draft] = field(repr=False)
    steps: list[Step] = field(repr=False)

    def view(self) -> str:
        """The HTML for the step the slider points at."""
        i = self.slider.value - 1
        return step_html(self.steps[i], self.drafts[i], self.drafts[i + 1], i, len(self.steps))


def cleaning_stepper(
    raw: str | None = None, steps: tuple[Step, ...] = CLEANING_STEPS
) -> CleaningStepper:
    """Step through the cleaning of ``raw`` (default: the course article) one step at a time.

    >>> stepper = cleaning_stepper("Title\\n\\nXS\\nA body line.")
    >>> stepper.slider.value = 6
    >>> "layout labels" in stepper.html.value and "XS" in stepper.html.value
    True
    """
    raw = load_article() if raw is None else raw
    history = run_steps(raw, steps)
    drafts = [Draft.from_text(raw), *(draft for _, draft in history)]
    slider = widgets.IntSlider(value=1, min=1, max=len(history), description="step")
    html_widget = widgets.HTML()
    stepper = CleaningStepper(
        widgets.VBox([slider, html_widget]), slider, html_widget, drafts, [s for s, _ in history]
    )

    def on_slider(_: Any) -> None:
        html_widget.value = stepper.view()

    slider.observe(on_slider, names="value")
    html_widget.value = stepper.view()
    return stepper
