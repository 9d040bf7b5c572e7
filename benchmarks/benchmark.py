#!/usr/bin/env python3
"""How fast the helpers are on this machine: a benchmark, not a test.

    python benchmarks/benchmark.py                        # 1,000 articles, this checkout
    python benchmarks/benchmark.py --against b3e9576      # and an older revision, side by side
    python benchmarks/benchmark.py --articles 100 --no-notebooks

It builds a corpus from the repository's articles (``data/articles``, ``tests/data/heldout``,
``tests/data/dev-world``): each copy has its body paragraphs rotated or one of them dropped,
so that no two texts are equal and nothing cached from one text helps another. Then it
prints, for each stage (clean, actors, dates, events given actors and dates, timeline given
actors and dates) and the whole pipeline, words and articles per second (words of the raw
texts; the best of ``--repeat`` runs), the peak memory of the process that ran them, the
import time of ``course_utils`` in a fresh interpreter, the time of
``course_utils.corpus.run_corpus`` over the corpus saved as article folders (progress bar,
several processes), and each notebook's execution time.

``--against REV`` exports that revision with ``git archive`` to a temporary folder and runs
the same stages there (same interpreter, ``PYTHONPATH`` pointing at the export), using only
functions both have (``clean_article``, ``find_actors``, ``find_dates``, ``find_events``,
``build_timeline``). It prints both side by side with the speed-up, and whether every
stage's output is identical (a hash of each article's tables, as CSV, with their dtypes).

Run it with the course's interpreter: ``.venv/bin/python benchmarks/benchmark.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("data/articles", "tests/data/heldout", "tests/data/dev-world")
STAGES = ("clean", "actors", "dates", "events", "timeline", "pipeline")
# A raw line of this many words or more, said once, is a body paragraph: the copies move
# these only, so headlines, captions and page furniture stay where the cleaner expects them.
PARAGRAPH_WORDS = 12


# --- The corpus ---------------------------------------------------------------------------


def _published(folder: Path) -> str:
    match = re.search(r"^published\s*=\s*(\d{4}-\d\d-\d\d)", (folder / "article.toml").read_text(
        encoding="utf-8"), re.MULTILINE)  # fmt: skip
    if not match:
        raise SystemExit(f"benchmark: {folder}/article.toml gives no published date")
    return match.group(1)


def source_articles(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(name, raw text, published) for every article folder of the repository's batches."""
    found = []
    for batch in SOURCES:
        for folder in sorted((root / batch).iterdir()):
            if (folder / "article.txt").is_file() and (folder / "article.toml").is_file():
                raw = (folder / "article.txt").read_text(encoding="utf-8")
                found.append((folder.name, raw, _published(folder)))
    return found


def body_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines that are body paragraphs: long, and not repeated (a page
    prints its photo caption twice, and that stays where it is)."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.strip()] = seen.get(line.strip(), 0) + 1
    return [
        i
        for i, line in enumerate(lines)
        if len(line.split()) >= PARAGRAPH_WORDS and seen[line.strip()] == 1
    ]


def variant(raw: str, k: int) -> str:
    """The ``k``-th copy of an article: body paragraphs rotated by ``k``, and from the
    second round on one of them dropped, so that copies differ (``variant(raw, 0) == raw``)."""
    lines = raw.splitlines(keepends=True)
    body = body_lines(lines)
    if len(body) < 2:
        return raw + "\n" * k  # too short to vary: only trailing blank lines differ
    n = len(body)
    texts = [lines[i] for i in body]
    shift = k % n
    texts = texts[shift:] + texts[:shift]
    drop = k // n
    if drop:
        texts[(drop - 1) % n] = ""
    for i, text in zip(body, texts, strict=True):
        lines[i] = text
    return "".join(lines)


def build_corpus(count: int) -> list[tuple[str, str, str]]:
    """``count`` articles (name, raw, published), all texts different."""
    originals = source_articles()
    corpus, seen = [], set()
    k = 0
    while len(corpus) < count:
        for name, raw, published in originals:
            text = variant(raw, k)
            while text in seen:  # a short article whose variants repeat
                text += "\n"
            seen.add(text)
            corpus.append((f"{name}~{k:03d}", text, published))
            if len(corpus) == count:
                break
        k += 1
    return corpus


# --- One revision's stages (runs in a subprocess with that revision on PYTHONPATH) -------


def _hash_frame(frame: Any) -> str:
    data = frame.to_csv(index=False) + repr(list(frame.dtypes.astype(str)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _hash_article(article: Any) -> str:
    parts = [article.title, *article.captions, "|", *article.paragraphs, article.text]
    parts += [str(article.published), _hash_frame(article.sentences), _hash_frame(article.removed)]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def _time_stage(func: Any, items: list[Any], repeat: int) -> tuple[float, list[Any]]:
    """The best time of ``repeat`` runs of ``func`` over ``items``, and its results."""
    best, results = float("inf"), []
    for _ in range(repeat):
        start = time.perf_counter()
        results = [func(item) for item in items]
        best = min(best, time.perf_counter() - start)
    return best, results


def _safe(func: Any) -> Any:
    """Run ``func``; a CourseError is a result (the article's error), not a crash."""
    from course_utils.errors import CourseError

    def wrapped(item: Any) -> Any:
        try:
            return func(item)
        except CourseError as err:
            return err

    return wrapped


def run_stages(corpus_file: Path, repeat: int) -> dict[str, Any]:
    """Time every stage over the corpus with whatever ``course_utils`` is importable."""
    import course_utils
    from course_utils.actors import find_actors
    from course_utils.article import clean_article
    from course_utils.dates import find_dates
    from course_utils.events import build_timeline, find_events

    corpus = pickle.loads(corpus_file.read_bytes())
    # Warm up on a text of no copy: the data files (gazetteer, lexicons) are read and the
    # patterns compiled once per process, and that is not what the stages are timed for.
    warm = clean_article("Talks\n\nJane Roe met envoys on Monday. They agreed.", "2024-03-08")
    build_timeline(warm, warm.published, mentions=find_actors(warm), dates=find_dates(warm))
    times, hashes = {}, {}
    times["clean"], articles = _time_stage(
        _safe(lambda c: clean_article(c[1], c[2], source=c[0])), corpus, repeat
    )
    good = [a for a in articles if not isinstance(a, Exception)]
    hashes["clean"] = [repr(a) if isinstance(a, Exception) else _hash_article(a) for a in articles]
    times["actors"], actors = _time_stage(find_actors, good, repeat)
    times["dates"], dates = _time_stage(lambda a: find_dates(a, a.published), good, repeat)
    triples = list(zip(good, actors, dates, strict=True))
    times["events"], events = _time_stage(
        lambda t: find_events(t[0], t[0].published, mentions=t[1], dates=t[2]), triples, repeat
    )
    times["timeline"], timelines = _time_stage(
        lambda t: build_timeline(t[0], t[0].published, mentions=t[1], dates=t[2]), triples, repeat
    )

    def pipeline(item: tuple[str, str, str]) -> Any:
        article = clean_article(item[1], item[2], source=item[0])
        mentions, found = find_actors(article), find_dates(article, article.published)
        return build_timeline(article, article.published, mentions=mentions, dates=found)

    times["pipeline"], outputs = _time_stage(_safe(pipeline), corpus, repeat)
    stages = ("actors", actors), ("dates", dates), ("events", events), ("timeline", timelines)
    for name, tables in stages:
        hashes[name] = [_hash_frame(t) for t in tables]
    hashes["pipeline"] = [repr(t) if isinstance(t, Exception) else _hash_frame(t) for t in outputs]
    return {
        "module": course_utils.__file__,
        "articles": len(corpus),
        "failed": len(corpus) - len(good),
        "words": sum(len(c[1].split()) for c in corpus),
        "times": times,
        "hashes": hashes,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _worker_env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}


def best_of(one: dict[str, Any] | None, other: dict[str, Any]) -> dict[str, Any]:
    """Two runs of the same stages as one: the best time of each stage, the higher peak."""
    if one is None:
        return other
    times = {k: min(v, other["times"][k]) for k, v in one["times"].items()}
    return {**one, "times": times, "peak_mb": max(one["peak_mb"], other["peak_mb"])}


def stages_of(tree: Path, corpus_file: Path, repeat: int = 1) -> dict[str, Any]:
    """Run :func:`run_stages` in a fresh interpreter with ``tree``'s course_utils."""
    handle, name = tempfile.mkstemp(suffix=".json", dir=corpus_file.parent)
    os.close(handle)
    result_file = Path(name)  # in the run's temporary folder, removed with it
    args = [sys.executable, __file__, "--worker", str(corpus_file), str(result_file)]
    subprocess.run([*args, "--repeat", str(repeat)], check=True, env=_worker_env(tree))
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result_file.unlink()
    if not Path(result["module"]).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"benchmark: imported {result['module']}, not the code in {tree}")
    return result


def import_time(tree: Path, runs: int = 5) -> float:
    """The best time, in seconds, of ``import course_utils`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import course_utils; "
    code += "print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", code], env=_worker_env(tree), cwd=tempfile.gettempdir(),
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        times.append(float(proc.stdout))
    return min(times)


def export_revision(rev: str, dest: Path) -> Path:
    """The files of git revision ``rev``, in ``dest`` (``git archive``)."""
    archive = dest / "rev.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), rev], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(dest / "tree", filter="data")
    archive.unlink()
    return dest / "tree"


# --- This checkout only: the corpus module and the notebooks --------------------------------


def corpus_run(corpus: list[tuple[str, str, str]], folder: Path) -> tuple[float, int, int, int]:
    """Save the corpus as article folders, run run_corpus over them (progress bar, several
    processes); return the seconds, the processes, the articles that worked and the events."""
    from course_utils.corpus import default_processes, run_corpus

    for name, raw, published in corpus:
        article = folder / name
        article.mkdir()
        (article / "article.txt").write_text(raw, encoding="utf-8")
        (article / "article.toml").write_text(f"published = {published}\n", encoding="utf-8")
    start = time.perf_counter()
    result = run_corpus([folder], progress=True)
    seconds = time.perf_counter() - start
    return seconds, default_processes(len(corpus)), len(result.articles), len(result.timeline)


def notebook_times() -> dict[str, float]:
    """Each notebook's execution time in a fresh kernel (nothing is saved)."""
    import nbformat
    from nbclient import NotebookClient

    times = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        where = {"metadata": {"path": str(path.parent)}}
        client = NotebookClient(nb, timeout=600, kernel_name="python3", resources=where)
        start = time.perf_counter()
        client.execute()
        times[path.name] = time.perf_counter() - start
    return times


# --- Report -------------------------------------------------------------------------------


def _rates(result: dict[str, Any], stage: str) -> tuple[float, float]:
    seconds = result["times"][stage]
    articles = result["articles"] - (result["failed"] if stage != "clean" else 0)
    return result["words"] / seconds, articles / seconds


def _identical(new: dict[str, Any], old: dict[str, Any], stage: str) -> str:
    a, b = new["hashes"][stage], old["hashes"][stage]
    if a == b:
        return "identical"
    if len(a) != len(b):
        return f"DIFFERENT ({len(a)} vs {len(b)} tables)"
    return f"DIFFERENT ({sum(x != y for x, y in zip(a, b, strict=True))} article(s))"


def report(new: dict[str, Any], old: dict[str, Any] | None, rev: str | None) -> None:
    print(f"\n{new['articles']} articles, {new['words']:,} words; best of the runs\n")
    head = f"{'stage':<10}{'words/s':>12}{'articles/s':>12}{'ms/article':>12}"
    if old:
        head += f" | {rev + ' words/s':>18}{'articles/s':>12}{'ms/article':>12}{'speed-up':>10}"
        head += "  outputs"
    print(head)
    for stage in STAGES:
        words, articles = _rates(new, stage)
        line = f"{stage:<10}{words:>12,.0f}{articles:>12,.1f}{1000 / articles:>12.2f}"
        if old:
            old_words, old_articles = _rates(old, stage)
            speed = old["times"][stage] / new["times"][stage]
            line += f" | {old_words:>18,.0f}{old_articles:>12,.1f}{1000 / old_articles:>12.2f}"
            line += f"{speed:>9.1f}x  {_identical(new, old, stage)}"
        print(line)
    failed = f"; {new['failed']} article(s) failed to clean" if new["failed"] else ""
    print(f"\npeak memory of the stage runs: {new['peak_mb']:.0f} MB{failed}")
    if old:
        print(f"peak memory at {rev}: {old['peak_mb']:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each revision, in turns; the best counts"
    )
    parser.add_argument("--against", metavar="REV", help="also run git revision REV, compare")
    parser.add_argument("--no-notebooks", action="store_true", help="skip the notebook times")
    parser.add_argument("--no-corpus", action="store_true", help="skip the run_corpus time")
    parser.add_argument("--worker", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = run_stages(Path(args.worker[0]), args.repeat)
        Path(args.worker[1]).write_text(json.dumps(result), encoding="utf-8")
        return 0
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be 1 or more")
    print(f"benchmark: Python {sys.version.split()[0]} on {os.cpu_count()} core(s)")
    with tempfile.TemporaryDirectory(prefix="course-benchmark-") as temp:
        temp_dir = Path(temp)
        corpus = build_corpus(args.articles)
        corpus_file = temp_dir / "corpus.pickle"
        corpus_file.write_bytes(pickle.dumps(corpus))
        trees = {"this checkout": ROOT}
        if args.against:
            trees[args.against] = export_revision(args.against, temp_dir)
        results: dict[str, dict[str, Any]] = {}
        for run in range(args.repeat):  # the revisions take turns, so that load hits both
            for name, tree in trees.items():
                print(f"run {run + 1}: the stages over {len(corpus)} articles ({name}) …")
                result = stages_of(tree, corpus_file)
                results[name] = best_of(results.get(name), result)
        new, old = results["this checkout"], results.get(args.against or "")
        tree = trees.get(args.against or "", ROOT)
        report(new, old, args.against)
        line = f"import course_utils (fresh interpreter): {import_time(ROOT) * 1000:.0f} ms"
        if args.against:
            line += f"; at {args.against}: {import_time(tree) * 1000:.0f} ms"
        print(line)
        if not args.no_corpus:
            (temp_dir / "corpus").mkdir()
            seconds, procs, good, events = corpus_run(corpus, temp_dir / "corpus")
            print(
                f"run_corpus over {len(corpus)} article folders, {procs} process(es): "
                f"{seconds:.1f} s ({len(corpus) / seconds:.1f} articles/s), "
                f"{good} worked, {events} events"
            )
    if not args.no_notebooks:
        print("notebook execution (fresh kernel each):")
        for name, seconds in notebook_times().items():
            print(f"  {name:<36}{seconds:>7.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
