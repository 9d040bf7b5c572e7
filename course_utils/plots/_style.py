"""The look shared by every figure of the course.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common kinds of
colour blindness; figures get a white background so they stay readable in JupyterLab's dark
theme, and every figure has a title and labelled axes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Okabe & Ito (2008), "Color Universal Design": black first, then the seven colours.
OKABE_ITO: tuple[str, ...] = (
    "#000000",  # black
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
)
#: The palette without black and yellow (yellow is faint on white), for marks on white.
MARK_COLOURS: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")


def new_figure(
    ax: Axes | None = None, *, size: tuple[float, float] = (8, 4)
) -> tuple[Figure, Axes]:
    """Return ``(figure, axes)``: the given axes and their figure, or a new white figure."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    fig.patch.set_facecolor("white")
    ax.set_facecolor("white")
    return fig, ax


def colour_for(index: int) -> str:
    """The ``index``-th mark colour, cycling through :data:`MARK_COLOURS`.

    >>> colour_for(0), colour_for(6)
    ('#0072B2', '#0072B2')
    """
    return MARK_COLOURS[index % len(MARK_COLOURS)]


#: One fixed look per PLOVER event type, the same in every figure and explorer of the course:
#: an Okabe–Ito colour (colour-blind safe; yellow left out, too faint on white) and a marker,
#: so that a grey-scale print still tells the types apart. The marker says the broad class:
#: circle = cooperation in words, square = cooperation in deeds, triangle = conflict in
#: words, diamond = conflict in deeds. No two types share both colour and marker.
PLOVER_STYLE: dict[str, tuple[str, str]] = {
    "AGREE": ("#0072B2", "o"),  # blue
    "CONSULT": ("#56B4E9", "o"),  # sky blue
    "SUPPORT": ("#009E73", "o"),  # bluish green
    "CONCEDE": ("#CC79A7", "o"),  # reddish purple
    "REQUEST": ("#E69F00", "o"),  # orange
    "COOPERATE": ("#0072B2", "s"),
    "AID": ("#009E73", "s"),
    "RETREAT": ("#56B4E9", "s"),
    "ACCUSE": ("#D55E00", "^"),  # vermillion
    "REJECT": ("#E69F00", "^"),
    "THREATEN": ("#CC79A7", "^"),
    "PROTEST": ("#000000", "^"),  # black
    "SANCTION": ("#CC79A7", "D"),
    "MOBILIZE": ("#000000", "D"),
    "COERCE": ("#E69F00", "D"),
    "ASSAULT": ("#D55E00", "D"),
}
#: The look of a type that is not one of PLOVER's 16.
OTHER_TYPE_STYLE: tuple[str, str] = ("#777777", "X")


def plover_style(event_type: str) -> tuple[str, str]:
    """The fixed (colour, marker) of a PLOVER type.

    >>> plover_style("ASSAULT"), plover_style("nonsense")
    (('#D55E00', 'D'), ('#777777', 'X'))
    """
    return PLOVER_STYLE.get(event_type, OTHER_TYPE_STYLE)
