"""Draft answer keys (`course-utils draft-key`) and the practice article's hand-written keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from course_utils import cli
from course_utils.actors import find_actors
from course_utils.article import clean_article, course_article
from course_utils.dates import find_dates
from course_utils.draft import draft_file_names, draft_keys, occurrence, unique_snippet
from course_utils.errors import PublicationDateError
from course_utils.evaluate import KEY_COLUMNS, load_key, resolve_key
from course_utils.events import build_timeline

ROOT = Path(__file__).resolve().parents[1]
PRACTICE = ROOT / "data" / "articles" / "eu-mission-2023"

# A made-up article of the genre: repeated names, so that occurrences above 1 are needed.
RAW = """\
Breaking News

Armenia And Russia Hold Talks In Moscow

Armenian Foreign Minister Ararat Mirzoyan met Russian Foreign Minister Sergei Lavrov in \
Moscow on Monday. Lavrov said Russia was ready to help Armenia and Azerbaijan.

Mirzoyan said on Tuesday that Armenia had asked the European Union for monitors last month. \
Russia criticized the EU last week.
"""
PUBLISHED = "2023-02-08"


@pytest.fixture(scope="module")
def article():
    return clean_article(RAW, PUBLISHED)


@pytest.fixture(scope="module")
def drafts(article):
    return draft_keys(article)


def round_trip(frame: pd.DataFrame, tmp_path: Path) -> pd.DataFrame:
    """Write a draft as the command does, and read it back as load_key reads a key."""
    path = tmp_path / "draft.csv"
    frame.to_csv(path, index=False, lineterminator="\n")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_drafts_have_the_key_columns_and_rows(drafts) -> None:
    for kind, frame in drafts.items():
        assert list(frame.columns) == KEY_COLUMNS[kind]
        assert len(frame) > 0, kind
    assert set(drafts["events"]["hedged"]) <= {"true", "false"}


def test_actor_draft_resolves_to_the_helpers_spans(drafts, article, tmp_path: Path) -> None:
    key = resolve_key("actors", round_trip(drafts["actors"], tmp_path), article)
    found = find_actors(article).sort_values("start")
    assert list(zip(key.start, key.end, strict=True)) == list(
        zip(found.start, found.end, strict=True)
    )
    assert (key["occurrence"] > 1).any(), "the article repeats names: some occurrence is 2+"
    # the second "Lavrov" is named by its occurrence, not by its first appearance
    lavrov = key[key["text"] == "Lavrov"].iloc[0]
    assert article.text[lavrov.start : lavrov.end] == "Lavrov" and lavrov.occurrence == 2


def test_date_draft_resolves_to_the_helpers_spans(drafts, article, tmp_path: Path) -> None:
    key = resolve_key("dates", round_trip(drafts["dates"], tmp_path), article)
    found = find_dates(article, article.published).sort_values("start")
    assert list(zip(key.start, key.end, strict=True)) == list(
        zip(found.start, found.end, strict=True)
    )
    assert list(key["value"]) == [str(v) for v in found["value"]]


def test_event_draft_names_each_event_sentence(drafts, article, tmp_path: Path) -> None:
    key = resolve_key("events", round_trip(drafts["events"], tmp_path), article)
    timeline = build_timeline(article, article.published).sort_values("sentence", kind="stable")
    assert list(key["sentence"]) == [int(s) for s in timeline["sentence"]]
    assert list(key["event_type"]) == list(timeline["event_type"])


def test_occurrence_counts_whole_words_only() -> None:
    text = "Armenian troops; Armenia’s border; Armenia"
    assert occurrence(text, "Armenia", text.rindex("Armenia")) == 2
    assert occurrence(text, "Armenia", 0) is None


def test_unique_snippet_skips_words_shared_with_other_sentences() -> None:
    article = clean_article("Title\n\nThe minister met the envoy. The minister met the press.")
    assert unique_snippet(article, 1) == "minister met the envoy."
    assert unique_snippet(article, 2) == "minister met the press."
    short = clean_article("Title\n\nTalks ended. Talks resumed today.")
    assert unique_snippet(short, 1) == "Talks ended."


def test_drafting_needs_a_publication_date() -> None:
    with pytest.raises(PublicationDateError, match="--published"):
        draft_keys(clean_article(RAW))


# --- The command --------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "my-article"
    target.mkdir()
    (target / "article.txt").write_text(RAW, encoding="utf-8")
    return target


def run(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_command_writes_three_drafts_beside_the_article(folder: Path, capsys) -> None:
    status, out, err = run(["draft-key", str(folder), "--published", PUBLISHED], capsys)
    assert status == 0 and err == ""
    for name in draft_file_names().values():
        assert (folder / name).is_file()
        assert f"wrote {folder / name}" in out
    assert "corrected" not in out and "correct every row" in out and "key_*.csv" in out
    assert not list(folder.glob("key_*s.csv")), "drafts never take the final key names"
    draft = pd.read_csv(folder / "key_events.draft.csv", dtype=str, keep_default_na=False)
    assert list(draft.columns) == [*KEY_COLUMNS["events"], "checked"]
    assert set(draft["checked"]) == {"no"}


def test_command_refuses_to_overwrite(folder: Path, capsys) -> None:
    target = folder / "key_dates.draft.csv"
    target.write_text("my corrections\n", encoding="utf-8")
    status, out, err = run(["draft-key", str(folder), "--published", PUBLISHED], capsys)
    assert status == 2 and out == ""
    assert err.startswith("course-utils: error:") and err.count("\n") == 1
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "my corrections\n"
    assert not (folder / "key_actors.draft.csv").exists(), "nothing is written"
    status, _, _ = run(["draft-key", str(folder), "--published", PUBLISHED, "--force"], capsys)
    assert status == 0 and target.read_text(encoding="utf-8").startswith("text,occurrence")


def test_command_writes_to_out(folder: Path, tmp_path: Path, capsys) -> None:
    out_dir = tmp_path / "drafts"
    argv = ["draft-key", str(folder / "article.txt"), "--published", PUBLISHED]
    status, _, _ = run([*argv, "--out", str(out_dir)], capsys)
    assert status == 0
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(draft_file_names().values())
    assert not list(folder.glob("*.draft.csv"))


@pytest.mark.parametrize("bad", ["2023-02-30", "8 Feb 2023", "yesterday"])
def test_bad_published_is_one_error_line(folder: Path, capsys, bad: str) -> None:
    status, out, err = run(["draft-key", str(folder), "--published", bad], capsys)
    assert status == 2 and out == ""
    assert err.startswith("course-utils: error:") and err.count("\n") == 1
    assert "YYYY-MM-DD" in err
    assert not list(folder.glob("*.draft.csv"))


def test_missing_date_and_missing_article_are_one_error_line(folder: Path, capsys) -> None:
    status, _, err = run(["draft-key", str(folder)], capsys)
    assert status == 2 and "--published" in err and err.count("\n") == 1
    status, _, err = run(
        ["draft-key", str(folder / "nope.txt"), "--published", "2023-02-08"], capsys
    )
    assert status == 2 and err.startswith("course-utils: error: no article file")


def test_the_date_comes_from_article_toml(folder: Path, capsys) -> None:
    (folder / "article.toml").write_text(f"published = {PUBLISHED}\n", encoding="utf-8")
    status, out, _ = run(["draft-key", str(folder)], capsys)
    assert status == 0 and f"(published {PUBLISHED})" in out


# --- The practice article and its hand-written keys -----------------------------------------


def test_practice_article_cleans_to_title_caption_and_paragraphs() -> None:
    article = course_article(PRACTICE)
    assert article.title == "EU Launches Monitoring Mission In Armenia"
    assert article.captions == (
        "FILE - CSTO Secretary General Stanislav Zas (right) inspects the "
        "Armenian-Azerbaijani border, September 22, 2022.",
    )
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("The European Union on Monday launched")
    assert article.paragraphs[-1].endswith("still stood.")
    assert str(article.published) == "2023-02-21"
    removed = dict(zip(article.removed["text"], article.removed["reason"], strict=True))
    for furniture in ("Accessibility links", "Breaking News", "16x9 Image"):
        assert furniture in removed and furniture not in article.text
    credit = "Some material in this report came from the Council of the European Union."
    assert removed[credit] == "credit line"
    assert article.text.count("Stanislav Zas") == 1, "the repeated caption is kept once"


def test_practice_article_keys_resolve() -> None:
    article = course_article(PRACTICE)
    sizes = {kind: len(load_key(kind, PRACTICE, article=article)) for kind in KEY_COLUMNS}
    assert sizes == {"actors": 35, "dates": 12, "events": 15}
    dates = load_key("dates", PRACTICE, article=article)
    assert article.text[dates.start[0] : dates.end[0]] == "September 22, 2022"
    assert dict(zip(dates.text, dates.value, strict=True))["Monday"] == "2023-02-20"


def test_practice_article_is_marked_as_written_for_the_course() -> None:
    from course_utils.article import load_metadata

    meta = load_metadata(PRACTICE)
    assert meta["publisher"] == "written for this course" and meta["practice"] is True
    assert "RFE/RL" not in meta["publisher"]


def test_draft_of_the_practice_article_can_be_written_and_differs_from_the_key(
    tmp_path: Path,
) -> None:
    """The drafts are a starting point: the hand-written key is not the helpers' output."""
    shutil.copytree(PRACTICE, tmp_path / "a")
    assert cli.main(["draft-key", str(tmp_path / "a")]) == 0  # the date from article.toml
    draft = pd.read_csv(tmp_path / "a" / "key_events.draft.csv", dtype=str, keep_default_na=False)
    key = pd.read_csv(PRACTICE / "key_events.csv", dtype=str, keep_default_na=False)
    assert not draft.equals(key)
