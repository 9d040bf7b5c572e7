"""The figures of notebooks 01 and 02: a title, labelled axes, a white background and
Okabe–Ito colours, with the numbers they should show."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only; notebooks keep Jupyter's inline backend

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

import course_utils
from course_utils.plots import plot_character_scripts, plot_cleaning_steps, plot_line_lengths
from course_utils.plots._style import OKABE_ITO
from course_utils.plots.text import main_script, script_counts, steps_table

RAW = course_utils.load_article()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("plot", [plot_line_lengths, plot_character_scripts, plot_cleaning_steps])
def test_figure_follows_the_course_rules(plot):
    ax = plot(RAW)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert to_hex(ax.figure.get_facecolor()) == "#ffffff"
    assert to_hex(ax.get_facecolor()) == "#ffffff"
    colours = {to_hex(p.get_facecolor()).upper() for p in ax.patches}
    assert colours <= {c.upper() for c in OKABE_ITO}, colours


def test_line_lengths_draws_one_bar_per_line():
    ax = plot_line_lengths(RAW)
    lines = RAW.split("\n")
    widths = [p.get_width() for p in ax.patches]
    assert widths == [len(line) for line in lines]
    armenian = [p for p in ax.patches if p.get_y() < 1.5]  # line 1
    assert to_hex(armenian[0].get_facecolor()) != to_hex(ax.patches[2].get_facecolor())


def test_scripts_counts_letters_by_script():
    counts = script_counts(RAW)
    assert list(counts)[:2] == ["LATIN", "ARMENIAN"]
    assert counts["ARMENIAN"] == sum(1 for c in RAW if "\u0530" <= c <= "\u058f" and c.isalpha())
    ax = plot_character_scripts(RAW)
    assert [p.get_width() for p in ax.patches] == list(counts.values())
    assert main_script("Ararat Mirzoyan") == "LATIN"


def test_cleaning_steps_counts_lines_after_each_step():
    table = steps_table(RAW)
    assert table["step"].iloc[0] == "raw text"
    assert table["lines"].iloc[0] == len(RAW.split("\n"))
    assert list(table["step"].iloc[1:]) == [s.name for s in course_utils.article.CLEANING_STEPS]
    assert (table["removed"] >= 0).all()
    assert table["lines"].is_monotonic_decreasing
    ax = plot_cleaning_steps(RAW)
    heights = [p.get_height() for p in ax.patches]
    assert heights == list(table["lines"])
