"""Cleaning pages from any site: made-up pages in the templates of several kinds of outlet.

Every name, place and sentence here is invented; the expected values are written by
reading each page, before running the cleaner on it.
"""

from __future__ import annotations

from course_utils.article import clean_article

BODY = (
    "Vesland and Kalonia agreed on Monday to reopen the border crossing at Ostrava, the two "
    "foreign ministries said in a joint statement.\n\n"
    "The crossing has been closed since a clash between border guards in March, which left "
    "two soldiers dead.\n\n"
    "Officials from both sides will meet again next month to discuss customs rules, the "
    "statement said.\n"
)


def test_a_section_path_in_capitals_is_not_the_headline() -> None:
    raw = (
        "The Vesland Herald\n\nNEWS\n\nWORLD\n\nOPINION\n\n"
        "WORLD / POLITICS & DIPLOMACY\n\n"
        "Vesland and Kalonia agree to reopen border crossing\n\n"
        "by Jane Roe\nStaff writer\n\n" + BODY
    )
    article = clean_article(raw, "2024-03-05")
    assert article.title == "Vesland and Kalonia agree to reopen border crossing"
    assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")


def test_a_headline_ending_in_a_capitalised_stop_word_is_kept() -> None:
    raw = (
        "vesnews.\nEurope\nWorld\nBusiness\nTravel\n\n"
        "Kalonia seizes tanker after cable damaged on New Year's Day\n\n"
        "By Jane Roe with agencies\n\n" + BODY
    )
    article = clean_article(raw, "2024-01-02")
    assert article.title == "Kalonia seizes tanker after cable damaged on New Year's Day"


def test_a_line_wedged_in_the_site_menu_is_not_the_headline() -> None:
    raw = (
        "Skip to main content\nKeyboard help for the video player\nShop\nHome\nNews\n"
        "Culture\nSearch\n\n"
        "Vesland and Kalonia reopen their border as smugglers vow to carry on\n\n"
        "By Omar Sayed\n\n" + BODY
    )
    article = clean_article(raw, "2024-03-05")
    assert article.title.startswith("Vesland and Kalonia reopen their border")
