"""Cleaning pages from any site: furniture found from general evidence (made-up pages)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from course_utils.article import clean_article, explain_cleaning
from course_utils.errors import ArticleFileError

PAGES = Path(__file__).parent / "data" / "pages"
HEADLINE = "Vesland Rebels Agree To Ceasefire With Kalonian Army After Talks In Nordhavn"


@pytest.fixture(scope="module")
def wire():
    return clean_article((PAGES / "wire-page.txt").read_text(encoding="utf-8"))


def test_headline_is_found_after_menus_and_labels(wire):
    assert wire.title == HEADLINE


def test_caption_is_proved_by_its_photo_credit(wire):
    assert wire.captions == (
        "Displaced families wait for food aid at a camp outside Nordhavn on Monday.",
    )


def test_first_and_last_paragraphs(wire):
    assert wire.paragraphs[0].startswith("Rebels in Vesland agreed on Tuesday")
    assert wire.paragraphs[-1].endswith("according to the United Nations.")
    assert len(wire.paragraphs) == 4


def test_the_update_line_gives_the_publication_date(wire):
    assert str(wire.published) == "2024-03-05"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Menu", "site chrome"),
        ("World", "menu"),
        ("Live", "live label"),
        ("By Jane Roe and Omar Sayed, Reuters", "byline"),
        ("Updated 14:05 GMT, 5 March 2024", "date line"),
        ("Copy link", "share row"),
        ("Photo: Ann Lee/AFP", "image credit"),
        ("NORDHAVN, Vesland (Reuters) —", "dateline"),
        ("Advertisement", "advertisement"),
        ("Scroll to continue", "advertisement"),
        ("Read more: Vesland's long war, explained", "read-more"),
        ("Kalonia closes border crossings as fighting spreads", "related-links list"),
        ("Reporting by Jane Roe; Editing by Tom Ash", "credit"),
        ("© 2024 Reuters. All rights reserved.", "copyright"),
        ("Facebook Twitter WhatsApp Email", "share row"),
    ],
)
def test_every_furniture_line_is_removed_with_its_reason(wire, text, reason):
    rows = wire.removed[wire.removed["text"] == text]
    assert len(rows) == 1, text
    assert reason in rows["reason"].iloc[0]
    assert text not in wire.text


def test_a_newsletter_promotion_is_not_glued_to_the_next_sentence(wire):
    assert not any("newsletter" in p for p in wire.paragraphs)
    assert wire.paragraphs[2].startswith("Kenyan President")


def test_offsets_index_the_cleaned_text(wire):
    for row in wire.sentences.itertuples():
        assert wire.text[row.start : row.end] == row.text


def test_a_heading_before_a_blank_line_stays_its_own_paragraph():
    raw = "Talks In Vesland\n\nWhat happens next\n\nThe envoys will meet on Monday in Ostmark.\n"
    article = clean_article(raw)
    assert "What happens next" not in article.paragraphs[-1]


def test_wrapped_lines_without_a_blank_line_are_still_joined():
    raw = "Talks In Vesland\n\nThe envoys of both sides met in\nOstmark on Monday.\n"
    assert clean_article(raw).paragraphs == ("The envoys of both sides met in Ostmark on Monday.",)


def test_control_characters_and_ansi_codes_are_removed_with_a_reason():
    raw = "Talks In Vesland\n\nThe envoys\x00 met \x1b[31mtoday\x1b[0m.\x07\n"
    article = clean_article(raw)
    assert article.paragraphs == ("The envoys met today.",)
    table = explain_cleaning(raw).set_index("step")
    assert table.loc["control characters", "lines_changed"] == 1


def test_light_html_tags_are_removed_with_a_reason():
    raw = "Talks In Vesland\n\nThe envoys <b>met</b> in Ostmark &amp; agreed.<br/>\n"
    article = clean_article(raw)
    assert article.paragraphs == ("The envoys met in Ostmark & agreed.",)
    assert explain_cleaning(raw).set_index("step").loc["html tags", "lines_changed"] == 1


def test_cleaning_is_linear_and_large_input_is_refused_with_the_limit():
    paragraph = "The envoys of Vesland and Kalonia met for round {0} on Monday in Ostmark. " * 3
    body = [paragraph.format(i) for i in range(3500)]
    raw = "Talks In Vesland\n\n" + "\n\n".join(body)  # about 0.8 MB
    began = time.perf_counter()
    clean_article(raw)
    assert time.perf_counter() - began < 8
    with pytest.raises(ArticleFileError, match=r"limit of 5,000,000.*split"):
        clean_article("x" * 5_000_001)
