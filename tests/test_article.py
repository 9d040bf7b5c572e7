"""Loading and cleaning: the course article, other page templates of the same CMS, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from course_utils.article import (
    CLEANING_STEPS,
    clean_article,
    course_article,
    explain_cleaning,
    load_article,
    load_metadata,
    run_steps,
)
from course_utils.errors import (
    ArticleFileError,
    EmptyArticleError,
    NotPlainTextError,
    PublicationDateError,
)
from course_utils.text import sentence_spans

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
REPO = Path(__file__).resolve().parents[1]

# The headline as printed on the page (read off the article, not from the code).
HEADLINE = "Russian-Led Alliance \u2018Still Ready\u2019 For Monitoring Mission In Armenia"

# A made-up story in the VOA variant of the same CMS: English skip links, Breaking News,
# two captions (the first repeated), an image placeholder, a credit line, CRLF line ends,
# non-breaking and zero-width spaces, and stray blank lines.
VOA_PAGE = (
    "Accessibility links\r\n\r\nBreaking News\r\n\r\n"
    "Ministers Meet In Vienna\r\n\r\n\r\n"
    "FILE - Delegates arrive for talks in Vienna, Austria, March 3, 2021.\r\n"
    "FILE - Delegates arrive for talks in Vienna, Austria, March 3, 2021.\r\n"
    "16x9 Image\r\n"
    "The foreign ministers met on Monday in Vienna.\u00a0They agreed to meet again.\r\n"
    "Austria - A police officer guards the venue, March 6, 2023.\r\n"
    "The talks, hosted by the OSCE, ended without a statement from Gen.\u200b J. Smith.\r\n"
    "\r\n"
    "Some material in this report came from The Associated Press.\r\n"
)


def test_bundled_article_is_the_scraped_file_byte_for_byte():
    data_file = REPO / "data" / "articles" / "csto-monitors-2023" / "article.txt"
    if SEED.is_file():
        assert data_file.read_bytes() == SEED.read_bytes()
    assert load_article() == data_file.read_bytes().decode("utf-8")


def test_course_article_cleans_to_headline_one_caption_nine_paragraphs():
    article = course_article()
    assert article.title == HEADLINE
    assert article.captions == (
        "Armenia - CSTO Secretary General Stanislav Zas (right) inspects the "
        "Armenian-Azerbaijani border, September 22, 2022.",
    )
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].startswith("The Collective Security Treaty Organization")
    assert article.paragraphs[-1].endswith("It gave no details.")


def test_course_article_keeps_no_page_furniture():
    article = course_article()
    for furniture in ["Մատչելիության", "XS", "SM", "MD", "LG"]:
        assert furniture not in article.text.split()
    assert article.text.count("September 22, 2022") == 1
    reasons = dict(zip(article.removed["line"], article.removed["reason"], strict=True))
    assert set(reasons) == {1, 7, 27, 28, 29, 30}
    assert "skip-link" in reasons[1]
    assert "repeated" in reasons[7]


def test_sentence_offsets_index_the_cleaned_text():
    article = course_article()
    for row in article.sentences.itertuples():
        assert article.text[row.start : row.end] == row.text
    assert list(article.sentences["id"]) == list(range(len(article.sentences)))
    assert set(article.sentences["section"]) == {"title", "caption", "body"}


def test_quoted_sentences_split_after_the_closing_quote():
    texts = list(course_article().sentences["text"])
    assert "“The offer is still on the table,” Lavrov told Russian state television" in texts[5]
    assert texts[6].startswith("“If our Armenian allies") and texts[6].endswith("two days.”")
    assert texts[12].endswith("to the region.”")


def test_publication_date_comes_from_the_metadata():
    assert course_article().published == dt.date(2023, 2, 3)
    meta = load_metadata()
    assert meta["url"] == "https://www.azatutyun.am/a/32252642.html"
    assert meta["published_inferred"] is True


def test_other_template_of_the_same_cms():
    article = clean_article(VOA_PAGE)
    assert article.title == "Ministers Meet In Vienna"
    assert article.captions == (
        "FILE - Delegates arrive for talks in Vienna, Austria, March 3, 2021.",
        "Austria - A police officer guards the venue, March 6, 2023.",
    )
    assert article.paragraphs == (
        "The foreign ministers met on Monday in Vienna. They agreed to meet again.",
        "The talks, hosted by the OSCE, ended without a statement from Gen. J. Smith.",
    )
    reasons = set(article.removed["reason"])
    assert {"skip-link heading", "page-layout label", "credit line"} <= reasons
    assert len(article.sentences) == 1 + 2 + 3


def test_article_without_caption_and_with_a_dateline():
    raw = (
        "Skip to main content\n\nTalks Stall\n\nFebruary 14, 2024\n\nBy Jane Roe\n\n"
        "Envoys met. Nothing moved.\n"
    )
    article = clean_article(raw)
    assert article.captions == ()
    assert article.title == "Talks Stall"
    assert article.published == dt.date(2024, 2, 14)
    assert "byline" in set(article.removed["reason"])


def test_explicit_publication_date_wins_over_the_dateline():
    raw = "Talks Stall\n\n2024-02-14\n\nEnvoys met on Monday.\n"
    assert clean_article(raw, "2024-02-15").published == dt.date(2024, 2, 15)


def test_hard_wrapped_paragraphs_are_joined():
    raw = "A Title\n\nThe envoys met in\nGeneva on Monday and\nagreed to talk again.\n"
    assert clean_article(raw).paragraphs == (
        "The envoys met in Geneva on Monday and agreed to talk again.",
    )


def test_other_script_heading_only_before_the_headline():
    # A Russian-language skip link on an English page is dropped; a Russian quote in the
    # body is kept.
    body = "The minister said «да» to the plan. Then he left for the airport without comment."
    raw = f"Ссылки для упрощенного доступа\n\nA Title\n\n{body}\n"
    article = clean_article(raw)
    assert article.title == "A Title"
    assert article.paragraphs == (body,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. envoy arrived. He spoke.", ["The U.S. envoy arrived.", "He spoke."]),
        ("Talks on Sept. 13 failed. Both left.", ["Talks on Sept. 13 failed.", "Both left."]),
        ("Mr. A. B. Cole met Dr. Ray. They spoke.", ["Mr. A. B. Cole met Dr. Ray.", "They spoke."]),
        ("“Go!” she said. “Now?” Yes.", ["“Go!” she said.", "“Now?”", "Yes."]),
        ("Prices rose 2.5 percent. Trade fell.", ["Prices rose 2.5 percent.", "Trade fell."]),
        ("He left. 224 soldiers died.", ["He left.", "224 soldiers died."]),
    ],
)
def test_sentence_splitter(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_unicode_is_normalised():
    raw = "Title\r\n\r\nCafe\u0301 talks\u00a0resumed\u200b today.\r\n"
    article = clean_article(raw)
    assert article.paragraphs == ("Caf\u00e9 talks resumed today.",)


def test_explain_lists_every_step_and_what_it_did():
    table = explain_cleaning(load_article())
    assert list(table["step"]) == [step.name for step in CLEANING_STEPS]
    removed = dict(zip(table["step"], table["lines_removed"], strict=True))
    assert removed["skip links"] == 1
    assert removed["layout labels"] == 4
    assert removed["repeated lines"] == 1
    assert table.loc[table.step == "skip links", "example"].item().startswith("line 1:")


def test_steps_are_pure_and_rerunnable():
    history = run_steps(load_article())
    first = [draft for _, draft in history]
    again = [draft for _, draft in run_steps(load_article())]
    assert first == again


def test_cleaning_is_idempotent_on_clean_text():
    article = course_article()
    assert clean_article(article.text).text == article.text


@pytest.mark.parametrize(
    ("raw", "error", "words"),
    [
        ("", EmptyArticleError, "empty"),
        ("  \n\n \t\n", EmptyArticleError, "empty"),
        ("Just A Headline\n", EmptyArticleError, "no body"),
        ("XS\nSM\n", EmptyArticleError, "nothing is left"),
        ("<html><body><p>Story</p></body></html>", NotPlainTextError, "HTML"),
        (b"bytes", ArticleFileError, "load_article"),
    ],
)
def test_bad_input_gets_a_clear_message(raw, error, words):
    with pytest.raises(error, match=words):
        clean_article(raw)


def test_missing_file_and_non_utf8_file(tmp_path):
    with pytest.raises(ArticleFileError, match="no article file"):
        load_article(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café talks\n\nThey met.\n".encode("latin-1"))
    with pytest.raises(ArticleFileError, match="UTF-8"):
        load_article(latin1)


def test_a_folder_holding_article_txt_can_be_loaded(tmp_path):
    (tmp_path / "article.txt").write_text("A Title\n\nA body sentence.\n", encoding="utf-8")
    assert load_article(tmp_path).startswith("A Title")


def test_malformed_publication_date():
    with pytest.raises(PublicationDateError, match="YYYY-MM-DD"):
        clean_article("T\n\nBody text.\n", "03/02/2023")


def test_a_line_printed_twice_is_a_caption_whatever_its_form():
    raw = (
        "Accessibility links\n\nTalks Resume\n\n16x9 Image\n\n"
        "Envoys arrive at the venue in Vienna on a rainy morning, March 3, 2021.\n"
        "Envoys arrive at the venue in Vienna on a rainy morning, March 3, 2021.\n\n"
        "The envoys met on Monday. They agreed to meet again.\n"
    )
    article = clean_article(raw)
    assert article.captions == (
        "Envoys arrive at the venue in Vienna on a rainy morning, March 3, 2021.",
    )
    assert article.paragraphs == ("The envoys met on Monday. They agreed to meet again.",)


def test_a_skip_link_heading_in_another_latin_script_language():
    raw = (
        "Linkuri de accesibilitate\n\nTalks Resume In Chisinau\n\n"
        "The envoys met on Monday. They agreed to meet again.\n"
    )
    article = clean_article(raw)
    assert article.title == "Talks Resume In Chisinau"
    assert list(article.removed["reason"]) == ["skip-link heading"]


def test_the_default_article_is_the_one_course_toml_names(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "article.txt").write_text("My Headline\n\nEnvoys met.\n", encoding="utf-8")
    (folder / "article.toml").write_text("published = 2024-05-06\n", encoding="utf-8")
    config = tmp_path / "course.toml"
    config.write_text('[article]\npath = "mine"\n', encoding="utf-8")
    monkeypatch.setenv("COURSE_CONFIG", str(config))
    assert load_article() == "My Headline\n\nEnvoys met.\n"
    assert load_metadata() == {"published": dt.date(2024, 5, 6)}
    assert course_article().published == dt.date(2024, 5, 6)
    monkeypatch.delenv("COURSE_CONFIG")
    assert load_article().splitlines()[2] == HEADLINE
