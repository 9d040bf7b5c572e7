"""Pictures of the actors found in an article.

- :func:`highlight_html`: the article as HTML with each mention highlighted, one colour per
  kind, and a legend (explicit text and background colours, so it reads in dark mode too).
- :func:`plot_mentions`: a horizontal bar chart of mentions per actor.
- :func:`plot_cooccurrence`: actors joined when they share a sentence, on a circle.

Colours come from the Okabe–Ito palette (:mod:`course_utils.plots._style`).
"""

from __future__ import annotations

import html
import math
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

import pandas as pd

from course_utils.errors import CourseError
from course_utils.plots._style import new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["KIND_COLOURS", "highlight_html", "plot_cooccurrence", "plot_mentions"]

#: One Okabe–Ito colour per kind of actor (background of highlights, bars and nodes).
KIND_COLOURS: dict[str, str] = {
    "person": "#E69F00",  # orange
    "organization": "#56B4E9",  # sky blue
    "state": "#009E73",  # bluish green
    "group": "#CC79A7",  # reddish purple
}
_TEXT_ON = {"person": "#000000", "organization": "#000000", "state": "#ffffff", "group": "#000000"}


def _check(mentions: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in mentions.columns]
    if missing:
        raise CourseError(
            f"these mentions lack the column(s) {', '.join(missing)}: "
            "pass the DataFrame that find_actors returns"
        )


def highlight_html(article: Any, mentions: pd.DataFrame, kinds: list[str] | None = None) -> str:
    """Return the article as HTML with each actor mention highlighted by kind, and a legend.

    ``kinds`` keeps only some kinds (default: all four). Show the result in a notebook with
    ``IPython.display.HTML(...)``.

    >>> from course_utils.actors import find_actors
    >>> text = "Kyiv accused Moscow."
    >>> page = highlight_html(text, find_actors(text))
    >>> page.count("<mark"), "title=\\"Russia (state, metonymy)\\"" in page
    (2, True)
    """
    _check(mentions, ("actor", "kind", "start", "end", "method"))
    text = article if isinstance(article, str) else article.text
    chosen = list(KIND_COLOURS) if kinds is None else list(kinds)
    unknown = [k for k in chosen if k not in KIND_COLOURS]
    if unknown:
        raise CourseError(
            f"unknown kind(s) {', '.join(unknown)}: choose from {', '.join(KIND_COLOURS)}"
        )
    rows = mentions[mentions["kind"].isin(chosen)].sort_values(["start", "end"])
    parts: list[str] = []
    cursor = 0
    for row in rows.itertuples():
        if row.start < cursor:  # overlapping rows (e.g. with the baseline): keep the first
            continue
        parts.append(html.escape(text[cursor : row.start]))
        colour, ink = KIND_COLOURS[row.kind], _TEXT_ON[row.kind]
        tip = html.escape(f"{row.actor} ({row.kind}, {row.method})", quote=True)
        parts.append(
            f'<mark style="background:{colour};color:{ink};padding:0 2px;border-radius:3px" '
            f'title="{tip}">{html.escape(text[row.start : row.end])}</mark>'
        )
        cursor = row.end
    parts.append(html.escape(text[cursor:]))
    body = "".join(parts).replace("\n\n", "</p><p>").replace("\n", "<br>")
    legend = " ".join(
        f'<span style="background:{KIND_COLOURS[k]};color:{_TEXT_ON[k]};padding:0 6px;'
        f'border-radius:3px;margin-right:6px">{k}</span>'
        for k in chosen
    )
    return (
        '<div style="background:#ffffff;color:#000000;padding:8px 12px;line-height:1.6;'
        'font-family:sans-serif;max-width:60em">'
        f'<div style="margin-bottom:6px"><b>Actor kinds:</b> {legend}</div>'
        f"<p>{body}</p></div>"
    )


def plot_mentions(mentions: pd.DataFrame, ax: Axes | None = None, *, top: int = 20) -> Axes:
    """Draw a horizontal bar chart of the number of mentions per actor (coloured by kind)."""
    _check(mentions, ("actor", "kind"))
    counts = Counter(mentions["actor"])
    kind_of = dict(zip(mentions["actor"], mentions["kind"], strict=True))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    _fig, ax = new_figure(ax, size=(8, max(2.5, 0.35 * len(ranked) + 1)))
    names = [name for name, _ in ranked][::-1]
    values = [n for _, n in ranked][::-1]
    colours = [KIND_COLOURS.get(kind_of[n], "#999999") for n in names]
    ax.barh(names, values, color=colours, edgecolor="#000000", linewidth=0.5)
    ax.set_title("Mentions per actor")
    ax.set_xlabel("number of mentions")
    ax.set_ylabel("actor")
    ax.xaxis.get_major_locator().set_params(integer=True)
    _kind_legend(ax, {kind_of[n] for n in names})
    return ax


def _kind_legend(ax: Axes, kinds: set[str], *, outside: bool = False) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=KIND_COLOURS[k], label=k) for k in KIND_COLOURS if k in kinds]
    if handles:
        where = {"loc": "upper left", "bbox_to_anchor": (1.0, 1.0)} if outside else {}
        ax.legend(handles=handles, title="kind", frameon=True, **({"loc": "lower right"} | where))


def cooccurrence_pairs(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors that share a sentence, with the number of sentences they share.

    >>> frame = pd.DataFrame({"actor": ["A", "B", "A", "C"], "sentence": [0, 0, 1, 1]})
    >>> cooccurrence_pairs(frame).values.tolist()
    [['A', 'B', 1], ['A', 'C', 1]]
    """
    _check(mentions, ("actor", "sentence"))
    pairs: Counter[tuple[str, str]] = Counter()
    for _, group in mentions.groupby("sentence"):
        actors = sorted(set(group["actor"]))
        pairs.update(combinations(actors, 2))
    rows = [(a, b, n) for (a, b), n in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["actor_a", "actor_b", "sentences"])


def spread(values: list[float], gap: float) -> list[float]:
    """Move sorted ``values`` apart so that neighbours are at least ``gap`` apart, keeping
    their order and their mean.

    >>> [round(v, 2) for v in spread([0.0, 0.01, 0.02], 0.1)]
    [-0.09, 0.01, 0.11]
    """
    if not values:
        return []
    out = [values[0]]
    for v in values[1:]:
        out.append(max(v, out[-1] + gap))
    shift = (sum(values) - sum(out)) / len(out)
    return [v + shift for v in out]


def label_positions(
    position: dict[str, tuple[float, float]], gap: float = 0.13
) -> dict[str, tuple[float, float]]:
    """Where to write each actor's name: outside the circle, on the side of its node, with
    the names of each side moved apart vertically so that no two overlap."""
    placed: dict[str, tuple[float, float]] = {}
    for right in (True, False):
        side = sorted(
            (a for a, (x, _) in position.items() if (x >= 0) == right),
            key=lambda a: position[a][1],
        )
        ys = spread([position[a][1] * 1.1 for a in side], gap)
        for actor, y in zip(side, ys, strict=True):
            x = position[actor][0]
            placed[actor] = (x * 1.1 + (0.25 if right else -0.25), y)
    return placed


def plot_cooccurrence(mentions: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw actors on a circle, joined by a line when they appear in the same sentence.

    Line width grows with the number of shared sentences; node colour shows the kind.
    """
    _check(mentions, ("actor", "kind", "sentence"))
    actors = list(dict.fromkeys(mentions.sort_values("start")["actor"]))
    kind_of = dict(zip(mentions["actor"], mentions["kind"], strict=True))
    pairs = cooccurrence_pairs(mentions)
    _fig, ax = new_figure(ax, size=(10, 7))
    n = max(len(actors), 1)
    position = {
        a: (
            math.cos(math.pi / 2 - 2 * math.pi * i / n),
            math.sin(math.pi / 2 - 2 * math.pi * i / n),
        )
        for i, a in enumerate(actors)
    }
    for row in pairs.itertuples():
        (x1, y1), (x2, y2) = position[row.actor_a], position[row.actor_b]
        ax.plot([x1, x2], [y1, y2], color="#555555", linewidth=0.8 + 1.2 * row.sentences, zorder=1)
    for actor, (x, y) in position.items():
        ax.scatter(
            [x],
            [y],
            s=220,
            color=KIND_COLOURS.get(kind_of[actor], "#999999"),
            edgecolor="#000000",
            zorder=2,
        )
    for actor, (lx, ly) in label_positions(position).items():
        x, y = position[actor]
        ax.annotate(
            actor,
            (x, y),
            xytext=(lx, ly),
            ha="left" if lx >= 0 else "right",
            va="center",
            fontsize=9,
            color="#000000",
            arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6},
        )
    ax.set_title("Actors that share a sentence")
    ax.set_xlabel("line width: number of shared sentences")
    ax.set_ylabel("actors around the circle, in order of first mention")
    ax.set_xlim(-2.3, 2.3)
    low = min([y for _, y in label_positions(position).values()] + [-1.3])
    high = max([y for _, y in label_positions(position).values()] + [1.3])
    ax.set_ylim(low - 0.1, high + 0.1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    _kind_legend(ax, set(kind_of.values()), outside=True)
    return ax
