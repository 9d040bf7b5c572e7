"""Notebook 03's explorer: choose kinds of actor and finding methods, see the highlighted
article and a table of the actors found.

The logic is in pure functions (:func:`explorer_mentions`, :func:`summary_html`,
:func:`explorer_view`); :func:`actor_explorer` only wires checkboxes to two ``HTML``
widgets, so that it can be tested without a browser.

>>> page, table = explorer_view("Kyiv accused Moscow.", ["state"], ["metonymy"])
>>> page.count("<mark"), "Ukraine" in table
(2, True)
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course_utils.actors import METHODS, actor_summary, find_actors
from course_utils.article import course_article
from course_utils.plots.actors import KIND_COLOURS, highlight_html
from course_utils.widgets._style import BOX_STYLE, CELL_STYLE, TABLE_STYLE

__all__ = [
    "ALL_METHODS",
    "ActorExplorer",
    "actor_explorer",
    "explorer_mentions",
    "explorer_view",
    "summary_html",
]

#: The methods the explorer offers: the baseline first, then the rule-based methods.
ALL_METHODS: tuple[str, ...] = ("baseline", *METHODS)

TABLE_COLUMNS = ["actor", "kind", "mentions", "first_sentence", "aliases"]


def explorer_mentions(
    article: Any, kinds: Sequence[str], methods: Sequence[str], found: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The mentions that ``methods`` find in ``article``, keeping only the chosen ``kinds``.

    ``found`` may pass mentions already computed with the same methods (to save time).

    >>> explorer_mentions("Kyiv accused Moscow.", ["person"], ["metonymy"]).empty
    True
    """
    if found is None:
        found = find_actors(article, methods=[m for m in ALL_METHODS if m in methods])
    kept = found[found["kind"].isin(list(kinds))]
    return kept.reset_index(drop=True)


def summary_html(mentions: pd.DataFrame) -> str:
    """A small HTML table with one row per actor (see ``actor_summary``), explicit colours."""
    if mentions.empty:
        return f'<div style="{BOX_STYLE}">No actor found with these choices.</div>'
    summary = actor_summary(mentions)
    header = "".join(f'<th style="{CELL_STYLE}">{name}</th>' for name in TABLE_COLUMNS)
    rows = []
    for row in summary.itertuples(index=False):
        colour = KIND_COLOURS.get(str(row.kind).split(";")[0], "#999999")
        swatch = (
            f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{colour};'
            'border:1px solid #000000;margin-right:4px"></span>'
        )
        cells = [
            swatch + html.escape(str(row.actor)),
            html.escape(str(row.kind)),
            str(row.mentions),
            str(row.first_sentence),
            html.escape(", ".join(row.aliases)),
        ]
        rows.append("<tr>" + "".join(f'<td style="{CELL_STYLE}">{c}</td>' for c in cells) + "</tr>")
    count = f"{len(summary)} actor(s), {len(mentions)} mention(s)"
    return (
        f'<div style="{BOX_STYLE}"><b>{count}</b>'
        f'<table style="{TABLE_STYLE}"><tr>{header}</tr>{"".join(rows)}</table></div>'
    )


def explorer_view(
    article: Any,
    kinds: Sequence[str],
    methods: Sequence[str],
    found: pd.DataFrame | None = None,
) -> tuple[str, str]:
    """The explorer's two views for a choice of kinds and methods: the article with the
    chosen mentions highlighted, and the table of the actors (both HTML strings)."""
    chosen_kinds = [k for k in KIND_COLOURS if k in kinds]
    if not [m for m in methods if m in ALL_METHODS]:
        note = f'<div style="{BOX_STYLE}">Tick at least one method to find actors.</div>'
        return note, note
    mentions = explorer_mentions(article, chosen_kinds, methods, found)
    return highlight_html(article, mentions, kinds=chosen_kinds), summary_html(mentions)


@dataclass
class ActorExplorer:
    """The explorer's parts: display ``widget``; tick ``kind_boxes[k]`` or
    ``method_boxes[m]`` (set ``.value``) and ``page`` and ``table`` update at once."""

    widget: widgets.VBox
    kind_boxes: dict[str, widgets.Checkbox]
    method_boxes: dict[str, widgets.Checkbox]
    page: widgets.HTML
    table: widgets.HTML
    article: Any = field(repr=False)
    cache: dict[tuple[str, ...], pd.DataFrame] = field(repr=False, default_factory=dict)

    @property
    def kinds(self) -> list[str]:
        """The kinds ticked now."""
        return [k for k, box in self.kind_boxes.items() if box.value]

    @property
    def methods(self) -> list[str]:
        """The methods ticked now."""
        return [m for m, box in self.method_boxes.items() if box.value]

    def refresh(self, _: Any = None) -> None:
        """Recompute both views from the ticked boxes."""
        methods = tuple(self.methods)
        if methods and methods not in self.cache:
            self.cache[methods] = find_actors(self.article, methods=list(methods))
        found = self.cache.get(methods)
        self.page.value, self.table.value = explorer_view(self.article, self.kinds, methods, found)


def actor_explorer(article: Any = None) -> ActorExplorer:
    """Explore the actors of ``article`` (default: the course article).

    >>> explorer = actor_explorer("Kyiv accused Moscow. Foreign Minister Ann Lee said so.")
    >>> explorer.kind_boxes["person"].value = False
    >>> "Ann Lee" in explorer.table.value, "Russia" in explorer.table.value
    (False, True)
    """
    article = course_article() if article is None else article
    layout = widgets.Layout(width="auto")
    kind_boxes = {
        k: widgets.Checkbox(value=True, description=k, indent=False, layout=layout)
        for k in KIND_COLOURS
    }
    method_boxes = {
        m: widgets.Checkbox(value=m != "baseline", description=m, indent=False, layout=layout)
        for m in ALL_METHODS
    }
    controls = widgets.VBox(
        [
            widgets.HBox([widgets.Label("kinds:"), *kind_boxes.values()]),
            widgets.HBox([widgets.Label("methods:"), *method_boxes.values()]),
        ]
    )
    page, table = widgets.HTML(), widgets.HTML()
    explorer = ActorExplorer(
        widgets.VBox([controls, page, table]), kind_boxes, method_boxes, page, table, article
    )
    for box in (*kind_boxes.values(), *method_boxes.values()):
        box.observe(explorer.refresh, names="value")
    explorer.refresh()
    return explorer
