"""Notebook 01's explorer: browse the raw article line by line, or its cleaned paragraphs.

The logic is in pure functions (:func:`describe_line`, :func:`line_table`, :func:`line_html`,
:func:`paragraph_html`); :func:`paragraph_browser` only wires a dropdown and a slider to an
``HTML`` widget, so that it can be tested without a browser.

>>> describe_line(3, "Russian-Led Alliance ‘Still Ready’")
{'line': 3, 'length': 34, 'script': 'LATIN', 'furniture': '', 'special': '‘ ’'}
>>> describe_line(28, "SM", {28: "page-layout label"})["furniture"]
'page-layout label'
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course_utils.article import Article, clean_article, load_article
from course_utils.text import main_script
from course_utils.widgets._style import BOX_STYLE

__all__ = [
    "ParagraphBrowser",
    "describe_line",
    "furniture_reasons",
    "line_html",
    "line_table",
    "paragraph_browser",
    "paragraph_html",
]

TEXT_STYLE = "background:#f2f2f2;color:#1a1a1a;padding:4px 6px;white-space:pre-wrap"
FURNITURE_STYLE = "background:#FCE5CC;color:#6b2c00;padding:1px 6px;border-radius:3px"
STORY_STYLE = "background:#D6EDF9;color:#003a5c;padding:1px 6px;border-radius:3px"


def furniture_reasons(raw: str) -> dict[int, str]:
    """Map each line number the cleaning removes to the reason (blank lines are not listed)."""
    removed = clean_article(raw).removed
    return {int(n): str(r) for n, r in zip(removed["line"], removed["reason"], strict=True)}


def describe_line(number: int, text: str, reasons: dict[int, str] | None = None) -> dict[str, Any]:
    """What to notice about one raw line: its number, length, main script, whether the
    cleaning treats it as page furniture (and why), and any characters that are not ASCII
    apart from its letters (curly quotes, odd spaces …), shown as they are."""
    special = dict.fromkeys(c for c in text if ord(c) > 127 and not c.isalpha())
    return {
        "line": number,
        "length": len(text),
        "script": main_script(text),
        "furniture": (reasons or {}).get(number, ""),
        "special": " ".join(special),
    }


def line_table(raw: str) -> pd.DataFrame:
    """:func:`describe_line` for every line of ``raw``, as a table (one row per line)."""
    reasons = furniture_reasons(raw)
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [describe_line(i, text, reasons) for i, text in enumerate(lines, start=1)]
    return pd.DataFrame(rows, columns=["line", "length", "script", "furniture", "special"])


def _char_names(chars: str) -> str:
    names = []
    for char in chars.split(" "):
        if char:
            name = unicodedata.name(char, "UNNAMED").lower()
            names.append(f"{html.escape(char)} <small>(U+{ord(char):04X} {name})</small>")
    return ", ".join(names)


def line_html(number: int, text: str, reasons: dict[int, str] | None = None) -> str:
    """An HTML card for one raw line: the facts of :func:`describe_line`, then the text."""
    info = describe_line(number, text, reasons)
    if not text.strip():
        verdict = f'<span style="{FURNITURE_STYLE}">blank line: separates paragraphs</span>'
    elif info["furniture"]:
        reason = html.escape(info["furniture"])
        verdict = f'<span style="{FURNITURE_STYLE}">page furniture: {reason}</span>'
    else:
        verdict = f'<span style="{STORY_STYLE}">part of the article</span>'
    special = _char_names(info["special"]) or "none"
    shown = html.escape(text) if text else "<i>(empty)</i>"
    return (
        f'<div style="{BOX_STYLE}">'
        f"<b>line {number}</b> · {info['length']} characters · "
        f"script: {info['script'] or 'no letters'} · {verdict}<br>"
        f"other non-ASCII characters: {special}"
        f'<div style="{TEXT_STYLE}">{shown}</div></div>'
    )


def paragraph_html(article: Article, index: int) -> str:
    """An HTML card for body paragraph ``index`` of a cleaned article, sentence by sentence."""
    sentences = article.sentences[article.sentences["paragraph"] == index]
    items = "".join(
        f"<li>[{start}:{end}] {html.escape(text)}</li>"
        for start, end, text in zip(
            sentences["start"], sentences["end"], sentences["text"], strict=True
        )
    )
    paragraph = article.paragraphs[index]
    return (
        f'<div style="{BOX_STYLE}">'
        f"<b>paragraph {index}</b> of {len(article.paragraphs)} · {len(paragraph)} characters · "
        f"{len(sentences)} sentence(s), with their offsets in <code>article.text</code>"
        f'<ol start="0" style="color:#1a1a1a">{items}</ol></div>'
    )


@dataclass
class ParagraphBrowser:
    """The explorer's parts: display ``widget``; set ``mode.value`` or ``slider.value``."""

    widget: widgets.VBox
    mode: widgets.Dropdown
    slider: widgets.IntSlider
    html: widgets.HTML
    lines: list[str] = field(repr=False)
    reasons: dict[int, str] = field(repr=False)
    article: Article = field(repr=False)

    def view(self) -> str:
        """The HTML for the current mode and slider position."""
        if self.mode.value == "raw lines":
            number = self.slider.value
            return line_html(number, self.lines[number - 1], self.reasons)
        return paragraph_html(self.article, self.slider.value)


def paragraph_browser(raw: str | None = None) -> ParagraphBrowser:
    """Browse ``raw`` (default: the course article) line by line, or its cleaned paragraphs.

    >>> browser = paragraph_browser()
    >>> browser.slider.value = 1
    >>> "ARMENIAN" in browser.html.value
    True
    >>> browser.mode.value = "cleaned paragraphs"
    >>> (browser.slider.min, browser.slider.max)
    (0, 8)
    """
    raw = load_article() if raw is None else raw
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    mode = widgets.Dropdown(options=["raw lines", "cleaned paragraphs"], description="show")
    slider = widgets.IntSlider(value=1, min=1, max=len(lines), description="line")
    box = widgets.VBox([mode, slider])
    browser = ParagraphBrowser(
        box, mode, slider, widgets.HTML(), lines, furniture_reasons(raw), clean_article(raw)
    )
    box.children = (mode, slider, browser.html)

    def on_mode(_: Any) -> None:
        if mode.value == "raw lines":
            slider.min, slider.max, slider.description = 1, len(lines), "line"
        else:
            slider.max = len(browser.article.paragraphs) - 1
            slider.min, slider.description = 0, "paragraph"
        slider.value = slider.min
        browser.html.value = browser.view()

    def on_slider(_: Any) -> None:
        browser.html.value = browser.view()

    mode.observe(on_mode, names="value")
    slider.observe(on_slider, names="value")
    browser.html.value = browser.view()
    return browser
