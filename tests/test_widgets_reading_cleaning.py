"""The explorers of notebooks 01 and 02, driven without a browser: set a control's value and
check that the HTML view changed accordingly."""

from __future__ import annotations

import re

import pytest

import course_utils
from course_utils.widgets.cleaning import cleaning_stepper, show_invisible, step_changes
from course_utils.widgets.reading import describe_line, line_table, paragraph_browser

MADE_UP = (
    "Breaking News\r\n\r\nTalks\u00a0Resume \r\n\r\nCafe\u0301 talks. Lav\u200brov spoke.\r\nXS"
)


def _readable_in_dark_mode(html: str) -> None:
    """The outer box sets both its background and its text colour."""
    outer = re.match(r'<div style="([^"]*)"', html)
    assert outer, html[:80]
    assert "background:#ffffff" in outer.group(1) and "color:#1a1a1a" in outer.group(1)


def test_describe_line_is_pure_and_complete():
    assert describe_line(1, "Մատչելիության հղումներ", {1: "skip-link heading"}) == {
        "line": 1,
        "length": 22,
        "script": "ARMENIAN",
        "furniture": "skip-link heading",
        "special": "",
    }
    assert describe_line(2, "")["script"] == ""


def test_line_table_has_a_row_per_raw_line():
    raw = course_utils.load_article()
    table = line_table(raw)
    assert list(table["line"]) == list(range(1, len(raw.split("\n")) + 1))
    removed = course_utils.clean_article(raw).removed
    assert set(table.loc[table["furniture"] != "", "line"]) == set(removed["line"])


def test_browser_slider_updates_the_view():
    browser = paragraph_browser()
    first = browser.html.value
    assert "line 1</b>" in first and "ARMENIAN" in first and "page furniture" in first
    browser.slider.value = 9
    assert browser.html.value != first
    assert "line 9</b>" in browser.html.value and "part of the article" in browser.html.value
    assert "U+2019" in browser.html.value  # the curly apostrophe is named
    browser.slider.value = 2
    assert "blank line" in browser.html.value
    _readable_in_dark_mode(browser.html.value)


def test_browser_paragraph_mode_shows_offsets_into_article_text():
    browser = paragraph_browser()
    article = course_utils.clean_article(course_utils.load_article())
    browser.mode.value = "cleaned paragraphs"
    assert (browser.slider.min, browser.slider.max) == (0, len(article.paragraphs) - 1)
    assert browser.slider.description == "paragraph"
    browser.slider.value = 2
    view = browser.html.value
    assert "paragraph 2</b>" in view
    for start, end in re.findall(r"<li>\[(\d+):(\d+)\]", view):
        assert article.text[int(start) : int(end)] in article.paragraphs[2]
    _readable_in_dark_mode(view)
    browser.mode.value = "raw lines"
    assert (browser.slider.min, browser.slider.value) == (1, 1)
    assert "line 1</b>" in browser.html.value


def test_browser_takes_any_raw_text():
    browser = paragraph_browser("Skip to content\n\nTalks Resume\n\nThey met. They agreed.\nXS")
    assert browser.slider.max == 6
    browser.slider.value = 6
    assert "page-layout label" in browser.html.value


def test_show_invisible():
    assert show_invisible("a\u00a0b\u200bc ") == "a[NBSP]b[ZWSP]c␣"
    assert show_invisible("e\u0301") == "e[U+0301]"
    assert show_invisible("plain") == "plain"


def test_stepper_slider_walks_through_the_steps():
    stepper = cleaning_stepper(MADE_UP)
    names = [step.name for step in stepper.steps]
    assert (stepper.slider.min, stepper.slider.max) == (1, len(names))
    views = {}
    for value in range(1, len(names) + 1):
        stepper.slider.value = value
        views[names[value - 1]] = stepper.html.value
        assert f"step {value} of {len(names)}: {names[value - 1]}" in stepper.html.value
        _readable_in_dark_mode(stepper.html.value)
    assert "e[U+0301]" in views["unicode"]
    assert "[NBSP]" in views["spaces"] and "[ZWSP]" in views["spaces"]
    assert "Resume␣" in views["trim"]
    assert "blank line" in views["blank lines"]
    assert "Breaking News" in views["layout labels"] and "XS" in views["layout labels"]
    assert "changed nothing" in views["credits"]


def test_stepper_on_the_course_article():
    stepper = cleaning_stepper()
    stepper.slider.value = [s.name for s in stepper.steps].index("skip links") + 1
    assert "Մատչելիության հղումներ" in stepper.html.value


def test_step_changes_table():
    stepper = cleaning_stepper(MADE_UP)
    i = [s.name for s in stepper.steps].index("layout labels")
    changes = step_changes(stepper.drafts[i], stepper.drafts[i + 1])
    assert list(changes["line"]) == [1, 6]
    assert set(changes["change"]) == {"removed"}
    assert set(changes["reason"]) == {"page-layout label"}


@pytest.mark.parametrize("factory", [paragraph_browser, cleaning_stepper])
def test_widget_repr_is_deterministic(factory):
    assert repr(factory().widget) == repr(factory().widget)
    assert "0x" not in repr(factory().widget)
