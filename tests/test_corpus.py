"""Many articles at once: course_utils.corpus and `course-utils corpus`.

The articles here are made up (invented people and places), written for these tests.
"""

from __future__ import annotations

import concurrent.futures as cf
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from course_utils.actors import find_actors
from course_utils.article import clean_article
from course_utils.corpus import (
    ARTICLE_COLUMNS,
    FAILURE_COLUMNS,
    Job,
    corpus_jobs,
    default_processes,
    run_corpus,
)
from course_utils.errors import CourseError
from course_utils.events import TIMELINE_COLUMNS, build_timeline

REPO = Path(__file__).resolve().parents[1]

# Made-up reports: each has a headline, a body, and one or two dated events.
TRUCE = (
    "Truce Signed In Vesland\n\n"
    "Foreign Minister Jane Roe signed a truce with Kalonia on Monday.\n\n"
    "Observers from Estonia arrived last week."
)
CLASH = (
    "Border Clash\n\n"
    "Estonia and Latvia signed a border treaty on Tuesday. "
    "On Thursday, Latvian troops attacked a border post.\n"
)
TALKS = (
    "Talks Planned\n\n"
    "Prime Minister John Doe met Kalonian envoys in Vienna on 2 March 2024. "
    "He said Kalonia would sign an accord next month."
)
PUBLISHED = "2024-03-08"  # a Friday


def write_article(folder: Path, text: str, published: str | None = PUBLISHED) -> Path:
    """A folder as the course keeps an article: article.txt and article.toml."""
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    if published:
        (folder / "article.toml").write_text(f"published = {published}\n", encoding="utf-8")
    return folder


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """Three good articles (two folders, one loose file) and four bad files."""
    root = tmp_path / "reports"
    write_article(root / "a-truce", TRUCE)
    write_article(root / "b-clash", CLASH)
    (root / "c-talks.txt").write_text("March 8, 2024\n\n" + TALKS, encoding="utf-8")
    (root / "d-latin1.txt").write_bytes("Caf\u00e9 news\n\nEnvoys met.".encode("latin-1"))
    (root / "e-empty.txt").write_text("", encoding="utf-8")
    (root / "f-headline.txt").write_text("A Headline Alone\n", encoding="utf-8")
    write_article(root / "g-undated", "Undated Talks\n\nEnvoys met on Tuesday.", published=None)
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def serial(text: str, published: str = PUBLISHED) -> pd.DataFrame:
    """One article's timeline, as build_timeline gives it."""
    return build_timeline(clean_article(text, published), published)


# --- Finding the articles -----------------------------------------------------------------


def test_a_folder_of_articles_is_read_in_name_order(corpus_dir):
    sources = [Path(job.source).name for job in corpus_jobs([corpus_dir])]
    assert sources == [
        "a-truce", "b-clash", "c-talks.txt", "d-latin1.txt", "e-empty.txt",
        "f-headline.txt", "g-undated",
    ]  # fmt: skip


def test_a_link_back_up_the_tree_is_not_followed(corpus_dir):
    (corpus_dir / "more").mkdir()
    (corpus_dir / "more" / "loop").symlink_to(corpus_dir, target_is_directory=True)
    assert len(corpus_jobs([corpus_dir])) == 7


def test_inputs_may_be_texts_paths_or_named_texts(corpus_dir):
    jobs = corpus_jobs([TRUCE, corpus_dir / "a-truce", str(corpus_dir / "c-talks.txt")])
    assert [job.text is not None for job in jobs] == [True, False, False]
    assert jobs[0].source == "text 1"
    named = corpus_jobs({"first": TRUCE, "second": CLASH})
    assert [(j.source, j.text) for j in named] == [("first", TRUCE), ("second", CLASH)]


def test_the_same_article_twice_gets_two_names(corpus_dir):
    jobs = corpus_jobs([corpus_dir / "a-truce", corpus_dir / "a-truce"])
    assert jobs[1].source == jobs[0].source + " (2)"


def test_a_bad_input_type_or_date_is_refused_at_once():
    with pytest.raises(CourseError, match="paths"):
        corpus_jobs([42])
    with pytest.raises(CourseError, match="YYYY-MM-DD"):
        corpus_jobs([TRUCE], published="8 March")


def test_a_handful_of_articles_runs_in_one_process():
    assert default_processes(1) == default_processes(7) == 1
    assert default_processes(1000) >= 1


# --- Results ------------------------------------------------------------------------------


def test_the_combined_timeline_is_each_articles_timeline_with_its_source():
    result = run_corpus({"truce": TRUCE, "clash": CLASH}, published=PUBLISHED, progress=False)
    assert list(result.timeline.columns) == ["source", *TIMELINE_COLUMNS]
    for name, text in (("truce", TRUCE), ("clash", CLASH)):
        own = result.timeline[result.timeline["source"] == name].drop(columns="source")
        expected = serial(text).sort_values(["date_start", "date_end"], kind="stable")
        assert own.reset_index(drop=True).equals(expected.reset_index(drop=True))
    assert list(result.timeline["date_start"]) == sorted(result.timeline["date_start"])
    assert result.timeline["hedged"].dtype == bool
    # Monday and Tuesday before Friday 8 March 2024
    assert {"2024-03-04", "2024-03-05"} <= set(result.timeline["date_start"])


def test_the_actor_table_has_every_mention_with_its_source():
    result = run_corpus({"truce": TRUCE, "clash": CLASH}, published=PUBLISHED, progress=False)
    assert result.actors.columns[0] == "source"
    truce = result.actors[result.actors["source"] == "truce"].drop(columns="source")
    assert truce.reset_index(drop=True).equals(find_actors(clean_article(TRUCE, PUBLISHED)))
    assert "Jane Roe" in set(truce["actor"])
    assert {"Estonia", "Latvia"} <= set(result.actors["actor"])


def test_bad_files_are_failures_and_the_good_articles_are_all_kept(corpus_dir):
    result = run_corpus([corpus_dir], processes=1, progress=False)
    assert list(result.failures.columns) == FAILURE_COLUMNS
    failed = {Path(s).name: e for s, e in zip(*result.failures.values.T, strict=True)}
    assert set(failed) == {"d-latin1.txt", "e-empty.txt", "f-headline.txt", "g-undated"}
    assert "UTF-8" in failed["d-latin1.txt"]
    assert "empty" in failed["e-empty.txt"]
    assert "no body" in failed["f-headline.txt"]
    assert "publication date" in failed["g-undated"]
    assert list(result.articles.columns) == ARTICLE_COLUMNS
    assert [Path(s).name for s in result.articles["source"]] == [
        "a-truce", "b-clash", "c-talks.txt",
    ]  # fmt: skip
    # the loose file's date line gives its publication date; the folders' article.toml theirs
    assert set(result.articles["published"]) == {PUBLISHED}
    expected = sum(len(serial(t)) for t in (TRUCE, CLASH, TALKS))
    assert len(result.timeline) == expected > 0
    assert result.articles["events"].sum() == expected


def test_an_internal_error_on_one_article_is_a_failure_not_a_crash(monkeypatch):
    import course_utils.corpus as corpus

    real = corpus._pipeline

    def broken_on_clash(job: Job):
        if job.source == "clash":
            raise KeyError("a bug")
        return real(job)

    monkeypatch.setattr(corpus, "_pipeline", broken_on_clash)
    result = run_corpus({"truce": TRUCE, "clash": CLASH}, published=PUBLISHED, progress=False)
    assert list(result.articles["source"]) == ["truce"]
    assert result.failures.loc[0, "error"].startswith("internal error (KeyError")


def test_nothing_to_run_gives_empty_tables_with_their_columns():
    result = run_corpus([], progress=False)
    assert list(result.timeline.columns) == ["source", *TIMELINE_COLUMNS]
    assert result.timeline.empty and result.actors.empty and result.failures.empty


@pytest.mark.parametrize("processes", [0, -2, 1.5, True])
def test_processes_must_be_a_positive_whole_number(processes):
    with pytest.raises(CourseError, match="processes"):
        run_corpus([TRUCE], processes=processes, progress=False)


# --- Who runs it: the same tables from one process, several, or any executor -----------------


def repository_articles(count: int) -> list[Path]:
    folders = sorted((REPO / "data" / "articles").iterdir())
    folders += sorted(p for p in (REPO / "tests" / "data" / "heldout").iterdir() if p.is_dir())
    return folders[:count]


def assert_same_result(one, other) -> None:
    for name in ("timeline", "actors", "articles", "failures"):
        assert getattr(one, name).equals(getattr(other, name)), name


@pytest.fixture(scope="module")
def six_serial():
    return run_corpus(repository_articles(6), processes=1, progress=False)


def test_several_processes_give_the_same_tables_as_one(six_serial):
    assert len(six_serial.articles) == 6 and six_serial.failures.empty
    assert len(six_serial.timeline) > 6
    assert_same_result(run_corpus(repository_articles(6), processes=2, progress=False), six_serial)


class ReversedExecutor(cf.Executor):
    """Runs the submitted calls only once all are in, last first: completion order reversed."""

    def __init__(self) -> None:
        self.calls: list[tuple[cf.Future, object, tuple]] = []
        self.timer: threading.Timer | None = None

    def submit(self, fn, /, *args, **kwargs):
        future: cf.Future = cf.Future()
        self.calls.append((future, fn, args))
        if self.timer is None:
            self.timer = threading.Timer(0.3, self._run_all)
            self.timer.start()
        return future

    def _run_all(self) -> None:
        for future, fn, args in reversed(self.calls):
            future.set_result(fn(*args))


def test_results_come_back_in_input_order_whatever_finishes_first(six_serial):
    executor = ReversedExecutor()
    result = run_corpus(repository_articles(6), executor=executor, progress=False)
    assert len(executor.calls) == 6
    assert_same_result(result, six_serial)


def test_a_thread_pool_is_an_executor_too(six_serial):
    with cf.ThreadPoolExecutor(max_workers=3) as pool:
        result = run_corpus(repository_articles(6), executor=pool, progress=False)
    assert_same_result(result, six_serial)


def test_a_local_dask_cluster_gives_the_same_timeline():
    distributed = pytest.importorskip("distributed")
    articles = repository_articles(3)
    expected = run_corpus(articles, processes=1, progress=False)
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1", silence_logs=40,
    )  # fmt: skip
    try:
        with distributed.Client(cluster) as client:
            result = run_corpus(articles, executor=client.get_executor(), progress=False)
    finally:
        cluster.close()
    assert_same_result(result, expected)
    assert len(result.timeline) > 0


def test_the_progress_bar_counts_the_articles(capsys):
    run_corpus({"truce": TRUCE, "clash": CLASH}, published=PUBLISHED, progress=True)
    err = capsys.readouterr().err
    assert "articles" in err and "2/2" in err
    run_corpus({"truce": TRUCE}, published=PUBLISHED, progress=False)
    assert capsys.readouterr().err == ""


def test_importing_the_package_imports_no_corpus_dependency(tmp_path):
    code = (
        "import sys, course_utils, course_utils.corpus\n"
        "heavy = ('tqdm', 'dask', 'distributed', 'fastparquet', 'pyarrow')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- The command line ---------------------------------------------------------------------


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "course_utils", "corpus", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd,
    )  # fmt: skip


def test_cli_writes_csv_and_lists_the_bad_files(corpus_dir, tmp_path):
    out = tmp_path / "events.csv"
    proc = cli(str(corpus_dir), "--out", str(out), "--processes", "1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {out}: ")
    assert "3 article(s); 4 skipped" in proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == 4 and all(line.startswith("course-utils: skipped ") for line in lines)
    assert "d-latin1.txt: " in lines[0] and "UTF-8" in lines[0]
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["source", *TIMELINE_COLUMNS]
    assert set(table["hedged"]) <= {"true", "false"}
    expected = run_corpus([corpus_dir], processes=1, progress=False).timeline
    assert list(table["source"]) == list(expected["source"])


def test_cli_never_overwrites_without_force(corpus_dir, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("keep me", encoding="utf-8")
    proc = cli(str(corpus_dir / "a-truce"), "--out", str(out))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith("course-utils: error: ")
    assert "--force" in proc.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    proc = cli(str(corpus_dir / "a-truce"), "--out", str(out), "--force")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("source,date_start,")


def test_cli_writes_parquet_by_the_suffix(corpus_dir, tmp_path):
    pytest.importorskip("fastparquet")
    out = tmp_path / "events.parquet"
    proc = cli(str(corpus_dir), "--out", str(out), "--processes", "2")
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    expected = run_corpus([corpus_dir], processes=1, progress=False).timeline
    assert list(table.columns) == list(expected.columns)
    assert table["hedged"].dtype == bool
    assert list(table["source"]) == list(expected["source"])
    assert list(table["event_type"]) == list(expected["event_type"])


def test_parquet_without_an_engine_says_what_to_install(monkeypatch, tmp_path):
    import importlib.util

    from course_utils.tables import write_table

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("fastparquet", "pyarrow") else real(name, *a),
    )
    with pytest.raises(CourseError, match="pip install fastparquet"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.parquet")
    assert not (tmp_path / "t.parquet").exists()


def test_cli_without_out_prints_csv(corpus_dir):
    proc = cli(str(corpus_dir / "a-truce"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == ",".join(["source", *TIMELINE_COLUMNS])
    assert proc.stderr == ""


@pytest.mark.parametrize(
    ("make", "args", "words"),
    [
        (None, ["no/such/folder"], "no file or folder"),
        ("empty", [], "holds no articles"),
        ("bad", [], "none of the 2 article(s)"),
        ("good", ["--out", "events.xlsx"], ".csv or .parquet"),
        ("good", ["--processes", "0"], "processes must be 1 or more"),
        ("good", ["--published", "2024-W10"], "YYYY-MM-DD"),
    ],
)
def test_cli_errors_exit_2_with_one_error_line(tmp_path, make, args, words):
    folder = tmp_path / "in"
    if make:
        folder.mkdir()
    if make == "bad":
        (folder / "one.txt").write_text("", encoding="utf-8")
        (folder / "two.txt").write_bytes(b"\xff\xfe\x00")
    if make == "good":
        write_article(folder / "a", TRUCE)
    proc = cli(*([str(folder)] if make else []), *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("course-utils: error:")]
    assert len(errors) == 1 and words in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "events.xlsx").exists()


# --- The benchmark's corpus ---------------------------------------------------------------


def load_benchmark():
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmark", REPO / "benchmarks/benchmark.py")
    assert spec and spec.loader
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    return benchmark


def test_the_benchmark_says_which_outputs_differ():
    benchmark = load_benchmark()
    new = {"hashes": {"events": ["a", "b", "c"]}}
    assert benchmark._identical(new, {"hashes": {"events": ["a", "b", "c"]}}, "events") == (
        "identical"
    )
    assert benchmark._identical(new, {"hashes": {"events": ["a", "x", "y"]}}, "events") == (
        "DIFFERENT (2 article(s))"
    )
    assert benchmark._identical(new, {"hashes": {"events": ["a"]}}, "events").startswith(
        "DIFFERENT (3 vs 1"
    )
    frame = pd.DataFrame({"sentence": [1, 2]})
    assert benchmark._hash_frame(frame) != benchmark._hash_frame(frame.astype(str))


def test_the_benchmark_corpus_has_no_two_equal_texts():
    benchmark = load_benchmark()
    corpus = benchmark.build_corpus(1000)
    assert len(corpus) == 1000
    assert len({raw for _, raw, _ in corpus}) == 1000
    assert len({name for name, _, _ in corpus}) == 1000
    originals = benchmark.source_articles()
    assert len(originals) >= 18
    assert [raw for _, raw, _ in corpus[: len(originals)]] == [raw for _, raw, _ in originals]
    # a copy moves whole lines: the same lines, or one fewer, never a changed word
    raw = originals[0][1]
    copy = benchmark.variant(raw, 3)
    assert copy != raw and sorted(copy.splitlines()) == sorted(raw.splitlines())
    # from the second round on, one body paragraph is left out as well
    lines = raw.splitlines()
    body = [lines[i] for i in benchmark.body_lines(lines)]
    assert all(lines.count(line) == 1 for line in body)  # a caption printed twice stays put
    fewer = benchmark.variant(raw, len(body)).splitlines()
    assert len(fewer) == len(raw.splitlines()) - 1
    assert body[0] not in fewer and body[1] in fewer
