"""Cleaning pages from any site: made-up pages in the templates of several kinds of outlet.

Every name, place and sentence here is invented; the expected values are written by
reading each page, before running the cleaner on it.
"""

from __future__ import annotations

import pytest

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


def test_a_caption_loses_its_inline_credit_and_keeps_it_as_furniture() -> None:
    for credit in ("— AFP", "| VESPRESS", "(Photo: Jane Roe / AFP)", "(AP Photo/Jane Roe)"):
        raw = (
            "Vesland and Kalonia agree to reopen border crossing\n\n"
            f"Trucks wait at the closed crossing near Ostrava on Friday. {credit}\n\n" + BODY
        )
        article = clean_article(raw, "2024-03-05")
        assert article.captions == ("Trucks wait at the closed crossing near Ostrava on Friday.",)
        assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")
        assert credit in set(article.removed["text"])


def test_a_caption_label_is_taken_off() -> None:
    raw = (
        "Vesland and Kalonia agree to reopen border crossing\n\n"
        "Image caption, Soldiers guard a road in Ostrava, the capital of Vesland\n\n" + BODY
    )
    article = clean_article(raw, "2024-03-05")
    assert article.captions == ("Soldiers guard a road in Ostrava, the capital of Vesland",)
    reasons = dict(zip(article.removed["text"], article.removed["reason"], strict=True))
    assert reasons["Image caption,"] == "caption label"


def test_a_caption_followed_by_a_credit_line_via_an_agency() -> None:
    for credit in ("Handout via Reuters", "Copyright Vesfoto via AP"):
        raw = (
            "Vesland and Kalonia agree to reopen border crossing\n\n"
            "Relatives greet a released detainee at the airfield in Ostrava.\n"
            f"{credit}\n\n" + BODY
        )
        article = clean_article(raw, "2024-03-05")
        assert article.captions == (
            "Relatives greet a released detainee at the airfield in Ostrava.",
        )
        assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")


def test_a_body_sentence_with_brackets_is_not_a_caption() -> None:
    raw = (
        "Vesland and Kalonia agree to reopen border crossing\n\n"
        "The talks resumed in Ostrava on Monday (local time), officials said.\n\n" + BODY
    )
    article = clean_article(raw, "2024-03-05")
    assert article.captions == ()
    assert article.paragraphs[0].startswith("The talks resumed in Ostrava")


def test_a_standfirst_before_the_byline_is_not_body_text() -> None:
    standfirst = "The deal ends a two-year dispute over the crossing, but trade will resume slowly."
    raw = (
        "Vesnews\nSubscribe\nLog in\n\nVesland and Kalonia agree to reopen border crossing\n\n"
        f"{standfirst}\n\nJane Roe\nMarch 5, 2024\nShare\n\n" + BODY
    )
    article = clean_article(raw)
    assert article.standfirst == standfirst
    assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")
    reasons = dict(zip(article.removed["text"], article.removed["reason"], strict=True))
    assert reasons[standfirst].startswith("standfirst")


def test_a_lead_paragraph_after_the_byline_is_body_text() -> None:
    raw = (
        "Vesland and Kalonia agree to reopen border crossing\n\n"
        "By Jane Roe\nMarch 5, 2024\n\n" + BODY
    )
    article = clean_article(raw)
    assert article.standfirst == ""
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more in the Vesland Herald: Why the border matters", "read-more"),
        ("Closed for comments.", "comments"),
        ("Please read our rules before you post comments on this story.", "comments"),
        ("Translation of an original article published in Veslandic.", "translation"),
        ("Follow our live coverage of the Vesland talks", "other coverage"),
        ("Follow Jane Roe on X: @janeroe", "social-media"),
        ("@vesherald", "social-media"),
        ("(END)", "end-of-story"),
        ("Published in the Vesland Herald, March 5th, 2024", "print-edition"),
        ("Topics: Vesland, Kalonia, Borders", "tag list"),
        ("Additional reporting by Omar Sayed", "credit"),
        ("This story has been updated with the ministry's statement.", "credit"),
        ("Watch: Smoke rises over Ostrava", "read-more"),
    ],
)
def test_furniture_inside_or_after_the_story_is_removed(line: str, reason: str) -> None:
    paragraphs = BODY.strip().split("\n\n")
    raw = (
        "Vesland and Kalonia agree to reopen border crossing\n\n"
        + "\n\n".join([paragraphs[0], line, *paragraphs[1:]])
        + f"\n\n{line}\n"
    )
    article = clean_article(raw, "2024-03-05")
    assert line not in article.text
    assert len(article.paragraphs) == 3
    rows = article.removed[article.removed["text"] == line]
    assert len(rows) == 2 and all(reason in r for r in rows["reason"]), rows


def test_a_saved_page_keeps_its_figure_caption_without_the_credit() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY.strip().split("\n\n"))
    raw = (
        "<!DOCTYPE html><html><head><title>Border to reopen | Vesnews</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Vesland and Kalonia agree to reopen border crossing</h1>"
        "<figure><img src='x.jpg' alt='Trucks'><figcaption>Trucks wait at the crossing near "
        "Ostrava. <span class='photo-credit'>JANE ROE / VESPRESS</span></figcaption></figure>"
        f"{body}</article><footer>© 2024 Vesnews</footer></body></html>"
    )
    article = clean_article(raw, "2024-03-05")
    assert article.captions == ("Trucks wait at the crossing near Ostrava.",)
    assert "JANE ROE" not in article.text
    assert article.paragraphs[0].startswith("Vesland and Kalonia agreed on Monday")
    assert article.metadata["figures"] == [
        ("Trucks wait at the crossing near Ostrava.", "JANE ROE / VESPRESS")
    ]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published on 27/12/2024 - 14:05 GMT+1 • Updated 15:40", "2024-12-27"),
        ("2024.10.03", "2024-10-03"),
        ("Updated 12/27/2024 at 9:15 a.m. ET", "2024-12-27"),
    ],
)
def test_a_date_line_in_figures_gives_the_publication_date(line: str, day: str) -> None:
    raw = f"Vesland and Kalonia agree to reopen border crossing\n\nBy Jane Roe\n{line}\n\n" + BODY
    article = clean_article(raw)
    assert str(article.published) == day
    assert line not in article.text
