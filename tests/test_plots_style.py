"""Figures that agree: one fixed look per PLOVER type, and network labels that do not overlap."""

from __future__ import annotations

import itertools
import math

from course_utils.events import PLOVER_TYPES
from course_utils.plots._style import OKABE_ITO, PLOVER_STYLE, plover_style
from course_utils.plots.actors import label_positions, spread
from course_utils.plots.timeline import type_style


def test_every_plover_type_has_its_own_colour_and_marker():
    assert set(PLOVER_STYLE) == set(PLOVER_TYPES)
    assert len(set(PLOVER_STYLE.values())) == 16
    colours = {colour for colour, _ in PLOVER_STYLE.values()}
    assert colours <= set(OKABE_ITO) and "#F0E442" not in colours  # no faint yellow


def test_markers_alone_tell_the_broad_classes_apart():
    # Grey-scale print loses the colour: the marker still says cooperation or conflict.
    assert plover_style("AGREE")[1] != plover_style("ASSAULT")[1]
    assert plover_style("ACCUSE")[1] != plover_style("ASSAULT")[1]


def test_a_type_looks_the_same_whatever_else_is_drawn():
    alone = type_style(["REJECT"])["REJECT"]
    crowded = type_style(list(PLOVER_TYPES))["REJECT"]
    assert alone == crowded == PLOVER_STYLE["REJECT"]


def test_spread_keeps_order_and_gap():
    out = spread([0.0, 0.0, 0.0, 1.0], 0.2)
    assert out == sorted(out)
    assert all(b - a >= 0.2 - 1e-9 for a, b in itertools.pairwise(out))


def test_network_labels_on_one_side_never_overlap():
    n = 24  # many actors on the circle, as in a long article
    names = [f"Actor {i}" for i in range(n)]
    position = {
        a: (
            math.cos(math.pi / 2 - 2 * math.pi * i / n),
            math.sin(math.pi / 2 - 2 * math.pi * i / n),
        )
        for i, a in enumerate(names)
    }
    placed = label_positions(position, gap=0.13)
    for right in (True, False):
        ys = sorted(y for a, (x, y) in placed.items() if (position[a][0] >= 0) == right)
        assert all(b - a >= 0.13 - 1e-9 for a, b in itertools.pairwise(ys))
