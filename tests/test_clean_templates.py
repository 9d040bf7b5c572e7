"""The cleaner on page templates it was not written for, from the general shape of their
furniture. Every page here is made up (states such as Vesland and Kalonia, people such as
Jane Roe); the expected values are written by reading the page."""

from __future__ import annotations

import pytest

from course_utils import clean_article
from course_utils.article import _split_caption, _tail_credit

BODY = [
    "Vesland sent 500 more troops to its border with Kalonia on Thursday, the defence "
    "ministry said, after a guard was wounded by a man trying to cross the fence.",
    "Kalonia's foreign ministry accused Vesland of staging the incident and called the "
    "deployment a provocation that would only raise tensions in the region.",
    "The envoys of both countries are due to meet in Ostrava next week, officials said.",
]


def removed_reasons(article) -> dict[str, str]:
    return dict(zip(article.removed["text"], article.removed["reason"], strict=True))


def test_a_dense_page_with_a_masthead_above_its_menu():
    # No blank lines at all: the skip links are glued together, the site's name and slogan
    # stand right above the menu, the standfirst has no full stop, the caption ends in a
    # credit, and a newsletter promotion with a privacy notice in full sentences sits
    # between two marks.
    raw = "\n".join(
        [
            "Skip to main contentSkip to navigation",
            "Vesnews - Back to homeVesnews",
            "News",
            "Opinion",
            "Sport",
            "Culture",
            "Vesland sends troops to Kalonia border after guard is wounded",
            "Ostrava says the move will stop smugglers, but aid groups warn of a closed zone",
            "Jane Roe in Ostrava",
            "Thu 6 Jun 2024 13.47 BST",
            "Share",
            "Vesland guards patrol the border fence near Ostrava in April. "
            "Photograph: Ann Lee/Vesnews",
            BODY[0],
            "skip past newsletter promotion",
            "Sign up to Vesland Today",
            "Free weekly newsletter",
            "The most pressing stories from the region – from politics to the economy",
            "Privacy Notice: Newsletters may contain information about charities and online "
            "ads. For more information see our Privacy Policy.",
            "after newsletter promotion",
            BODY[1],
            BODY[2],
            "Explore more on these topics",
            "Vesland",
            "Kalonia",
            "Share",
            "Reuse this content",
        ]
    )
    article = clean_article(raw)
    assert article.title == "Vesland sends troops to Kalonia border after guard is wounded"
    assert article.captions == ("Vesland guards patrol the border fence near Ostrava in April.",)
    assert article.paragraphs == tuple(BODY)
    assert article.standfirst.startswith("Ostrava says the move")
    reasons = removed_reasons(article)
    assert reasons["Skip to main contentSkip to navigation"] == "skip link"
    assert reasons["Photograph: Ann Lee/Vesnews"].startswith("image credit")
    assert reasons["Free weekly newsletter"] == "promotion block"
    assert reasons["Jane Roe in Ostrava"].startswith("the story's header")


def test_a_summary_box_and_an_author_block_before_the_date():
    raw = "\n\n".join(
        [
            "Vesnews",
            "Four guards killed as gunmen ambush a convoy near Ostrava",
            "Vesland soldiers on patrol near Ostrava in 2022. Photo credit: File | Vesnews",
            "Summary",
            "The attack is the third on the border police this year.",
            "The interior minister says more officers will be sent to the border.",
            "Jane Roe\nVesnews Media Group\nJournalist\nVesnews Media Group",
            "Wednesday, March 13, 2024",
            *BODY,
        ]
    )
    article = clean_article(raw)
    assert article.title == "Four guards killed as gunmen ambush a convoy near Ostrava"
    assert article.captions == ("Vesland soldiers on patrol near Ostrava in 2022.",)
    assert article.paragraphs == tuple(BODY)
    assert "The attack is the third on the border police this year." in set(article.removed.text)


def test_a_body_paragraph_after_a_share_row_is_not_taken_for_a_header():
    # A share row after the first paragraph is no reason to drop the paragraph: the story's
    # header ends where the first wire dateline starts.
    raw = "\n\n".join(
        [
            "Vesland sends troops to Kalonia border",
            "OSTRAVA (Vesnews) — " + BODY[0],
            "Share",
            BODY[1],
        ]
    )
    assert clean_article(raw).paragraphs == (BODY[0], BODY[1])


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Troops in Ostrava in May. | Photo Credit: Vesnews", "Troops in Ostrava in May."),
        ("Troops in Ostrava in May. Photograph: Jane Roe/Vesnews", "Troops in Ostrava in May."),
        (
            "Smoke rises over Ostrava, Vesland [Jane Roe/Vesnews]",
            "Smoke rises over Ostrava, Vesland",
        ),
        (
            "PATROL. A Kalonian ship near Ostrava on May 2, 2024. Photo from the Vesland Navy",
            "PATROL. A Kalonian ship near Ostrava on May 2, 2024.",
        ),
        (
            "Police at a checkpoint near Ostrava last year. (Supplied: Vesland Police)",
            "Police at a checkpoint near Ostrava last year.",
        ),
        # a name and an agency in brackets, however spaced, after the full stop
        (
            "Troops in Ostrava in May. (Ostrava Fire Service / Telegram)",
            "Troops in Ostrava in May.",
        ),
        (
            "Envoys meet in Ostrava on May 2. ( Jane Roe - Vesnews Agency )",
            "Envoys meet in Ostrava on May 2.",
        ),
        # a credit in square brackets, and one in capitals between bars
        (
            "Kalonian troops on patrol near Ostrava [PHOTO CREDIT: Kalonian Army]",
            "Kalonian troops on patrol near Ostrava",
        ),
        (
            "Trucks wait at the Ostrava crossing in 2022. PHOTO | FILE | VESNEWS",
            "Trucks wait at the Ostrava crossing in 2022.",
        ),
        # an agency's name alone after the last full stop
        (
            "Kalonian ships have been seized near Ostrava since May. Reuters",
            "Kalonian ships have been seized near Ostrava since May.",
        ),
    ],
)
def test_photo_credits_at_the_end_of_a_caption(line, caption):
    assert _split_caption(line)[0] == caption


@pytest.mark.parametrize(
    "line",
    [
        "The talks resumed on Monday (local time).",
        "The ministers met in Ostrava [the capital] on Monday.",
        "The envoys, who arrived from Kalonia, met in Ostrava on Monday.",
        "The envoys met in Ostrava on Monday, officials told Reuters",
        "Talks between Vesland and Kalonia - the first in a year - resumed on Monday.",
    ],
)
def test_body_lines_have_no_photo_credit(line):
    assert _tail_credit(line) is None


def test_a_caption_that_points_at_someone_in_the_photo():
    raw = "\n".join(
        [
            "Vesland protests Kalonian troop build-up near the border",
            "Foreign Minister Jane Roe (pic) said the build-up was “a clear threat”",
            *BODY,
        ]
    )
    article = clean_article(raw)
    assert article.captions == (
        "Foreign Minister Jane Roe (pic) said the build-up was “a clear threat”",
    )
    assert article.paragraphs == tuple(BODY)


def test_a_sign_off_and_reader_prompts_after_the_story():
    raw = "\n".join(
        [
            "Vesland sends troops to Kalonia border",
            BODY[0],
            "Vesland and Kalonia trade blame after a clash near Ostrava Bay",
            BODY[1],
            BODY[2] + " – Vesnews.com",
            "How does this make you feel?",
            "There are no comments yet. Add your comment to start the conversation.",
            "Download the Vesnews app for your phone.",
        ]
    )
    article = clean_article(raw)
    assert article.paragraphs == tuple(BODY)
    reasons = removed_reasons(article)
    assert reasons["– Vesnews.com"].startswith("sign-off")
    assert reasons["Vesland and Kalonia trade blame after a clash near Ostrava Bay"] == (
        "heading or link between paragraphs"
    )


def test_a_last_paragraph_that_quotes_someone_speaking_to_you_stays():
    last = "“You will not break us,” the foreign minister, Jane Roe, told reporters."
    raw = "\n\n".join(["Vesland sends troops to Kalonia border", BODY[0], last])
    assert clean_article(raw).paragraphs == (BODY[0], last)


def test_a_prompt_in_the_header_and_a_numbered_list_of_other_stories():
    raw = "\n".join(
        [
            "News|Vesland-Kalonia tensions",
            "Vesland sends troops to Kalonia border after guard is wounded",
            "By Jane Roe",
            "Published On 6 Jun 2024",
            "Save stories to come back to later and build your own list.",
            "Tap here to pass this story on to friends",
            "share2",
            BODY[0],
            "Keep reading",
            "list of 2 items",
            "list 1 of 2",
            "Kalonia closes its embassy in Ostrava",
            "list 2 of 2",
            "Why is the border fence a target?",
            "end of list",
            BODY[1],
        ]
    )
    article = clean_article(raw)
    assert article.title == "Vesland sends troops to Kalonia border after guard is wounded"
    assert article.paragraphs == (BODY[0], BODY[1])


def test_a_summary_box_at_the_top_of_the_body():
    raw = "\n\n".join(
        [
            "Vesland sends troops to Kalonia border",
            "In short: Vesland has sent troops to the border after a guard was wounded.",
            "Kalonia says the move is a provocation.",
            "What's next? The envoys will meet in Ostrava next week.",
            *BODY,
        ]
    )
    assert clean_article(raw).paragraphs == tuple(BODY)


PAGE = """<!DOCTYPE html><html><head><title>Vesland sends troops to Kalonia border</title>
<meta name="description" content="{lead}"></head><body><article>
<h1>Vesland sends troops to Kalonia border</h1>
{lead_block}
<figure><img src="x.jpg" alt="Guards"><figcaption><div>© Vesnews/Jane Roe</div>
<div>Guards on patrol near Ostrava in April.</div></figcaption></figure>
<div class="text">{body}</div></article></body></html>"""
LEAD = "Vesland has sent troops to its border with Kalonia after a guard was wounded there."


def test_a_saved_page_with_a_lead_block_and_an_unmarked_credit():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    lead_block = f'<div class="lead"><p>{LEAD}</p></div>'
    article = clean_article(PAGE.format(lead=LEAD, lead_block=lead_block, body=body))
    assert article.captions == ("Guards on patrol near Ostrava in April.",)
    assert article.paragraphs == tuple(BODY)
    assert article.standfirst == LEAD


def test_a_saved_page_whose_description_is_its_first_paragraph():
    # The description repeats the first paragraph of the story itself: it stays.
    first = BODY[0]
    body = "".join(f"<p>{p}</p>" for p in BODY)
    article = clean_article(PAGE.format(lead=first, lead_block="", body=body))
    assert article.paragraphs == tuple(BODY)
    assert article.standfirst == ""


def test_two_paragraphs_before_a_date_line_stay_in_the_story():
    # A date line after the second paragraph does not make the first two a header: two
    # lines of prose stand there only under a summary box's label.
    updated = "Updated 14:05 GMT, 6 June 2024"
    lines = ["Vesland sends troops to Kalonia border", BODY[0], BODY[1], updated, BODY[2]]
    assert clean_article("\n\n".join(lines)).paragraphs == tuple(BODY)


@pytest.mark.parametrize(
    "line",
    [
        "Sen. Jane Roe (R) said the talks in Ostrava had failed.",
        "Under Article 5(c) of the treaty, both sides must withdraw their troops.",
    ],
)
def test_brackets_in_a_body_sentence_do_not_make_a_caption(line):
    raw = "\n\n".join(["Talks in Ostrava collapse after a week", line, BODY[0]])
    article = clean_article(raw)
    assert article.captions == ()
    assert article.paragraphs == (line, BODY[0])


def test_a_paragraph_that_opens_a_list_is_not_a_heading():
    opener = "The ministry listed the demands that Kalonia must meet before the talks:"
    raw = "\n\n".join(["Talks in Ostrava collapse after a week", BODY[0], opener, BODY[1]])
    assert clean_article(raw).paragraphs == (BODY[0], opener, BODY[1])


def test_a_headline_right_above_the_authors_block_is_still_the_headline():
    # The author's block under the headline is a run of short lines, like a menu; with no
    # other headline-like line before the story, the line above it is the headline.
    header = ["Vesnews", "Talks in Ostrava collapse after a week", "By", "Jane Roe"]
    raw = "\n".join([*header, "Staff writer", "May 2, 2024", *BODY])
    article = clean_article(raw)
    assert article.title == "Talks in Ostrava collapse after a week"
    assert article.paragraphs == tuple(BODY)


def test_a_dense_page_with_an_author_box_and_an_appeal_after_the_story():
    # No blank lines: a standfirst without a full stop above a byline that gives the date
    # in figures, a caption whose credit line was printed under it, a newsletter promotion
    # with a tagline, then the author's name, role and biography, and the publisher's
    # appeal in the first person plural.
    raw = "\n".join(
        [
            "Vesland sends troops to Kalonia border",
            "Ostrava says the deployment will stop smugglers crossing from the east",
            "Jane Roe   |05.03.2024 - Update : 05.03.2024",
            "Vesland soldiers at the Ostrava crossing on Thursday.",
            "Tom Lee/Vesnews/Getty Images",
            "Ostrava",
            "Vesnews",
            " — ",
            BODY[0],
            "Sign up for the Vesnews Europe newsletter",
            "The stories behind the week's news from the region, every weekday",
            BODY[1],
            BODY[2],
            "Jane Roe",
            "Reporter",
            "Jane Roe is a reporter at Vesnews. She covered the border for a regional paper.",
            "At Vesnews, we believe that news should be free. Please support our work.",
        ]
    )
    article = clean_article(raw)
    assert article.title == "Vesland sends troops to Kalonia border"
    assert article.captions == ("Vesland soldiers at the Ostrava crossing on Thursday.",)
    assert article.paragraphs == tuple(BODY)
    assert str(article.published) == "2024-03-05"
    reasons = removed_reasons(article)
    bio = "Jane Roe is a reporter at Vesnews. She covered the border for a regional paper."
    appeal = "At Vesnews, we believe that news should be free. Please support our work."
    assert reasons[bio] == "author biography (after the end of the story)"
    assert reasons[appeal] == "publisher's note (after the end of the story)"


@pytest.mark.parametrize(
    "last",
    [
        "“We will not give up,” the foreign minister, Jane Roe, told reporters.",
        "The talks were backed by the US and the EU, officials said.",
    ],
)
def test_a_last_paragraph_in_the_first_person_only_when_quoted_stays(last):
    raw = "\n\n".join(["Vesland sends troops to Kalonia border", "By Jane Roe", BODY[0], last])
    assert clean_article(raw).paragraphs == (BODY[0], last)


def test_a_newsletter_tagline_is_not_joined_to_the_paragraph_after_it():
    tagline = "The stories behind the week's news from the region, every weekday"
    promotion = "Sign up for the Vesnews Europe newsletter"
    lines = ["Vesland sends troops to Kalonia border", BODY[0], promotion, tagline, *BODY[1:]]
    article = clean_article("\n".join(lines))
    assert article.paragraphs == tuple(BODY)
    assert removed_reasons(article)[tagline] == "heading or link between paragraphs"
