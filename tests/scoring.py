"""Score the helpers on a batch of test articles, article by article.

    python tests/scoring.py tests/data/untuned          # a table per article, then the batch
    python tests/scoring.py tests/data/frozen-world --json scores.json

Each article folder holds the page (``article.txt``, or ``article.html`` for a page saved from a
browser), ``article.toml`` and the keys ``key_actors.csv``, ``key_dates.csv`` and
``key_events.csv`` written by reading. Where present, ``expected_clean.json`` says what a right
cleaner gives (``title``, ``captions``, ``paragraphs``, ``furniture``), and the cleaning is
scored too.

A key row whose text the cleaner lost cannot be placed in the cleaned article: it counts as a
miss (a false negative), never as an error, so that a bad cleaner scores low instead of
stopping the measurement.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from course_utils import build_timeline, course_article, find_actors, find_dates
from course_utils.errors import CourseError
from course_utils.evaluate import KEY_COLUMNS, resolve_key, score_actors, score_dates, score_events

FIELDS = {
    # column name: (which scorer, level, match or None for the level's first row)
    "mentions": ("actors", "mentions", "relaxed"),
    "mentions+actor": ("actors", "mentions + actor", None),
    "distinct": ("actors", "distinct actors", None),
    "date spans": ("dates", "date spans", "relaxed"),
    "date values": ("dates", "date values", None),
    "events": ("events", "events", None),
    "event type": ("events", "event_type", None),
    "event actor": ("events", "actor", None),
    "event date": ("events", "value", None),
    "whole event": ("events", "type + actor + date", None),
}


def page_of(folder: Path) -> Path:
    """The article's page in a folder: ``article.txt``, else ``article.html``."""
    for name in ("article.txt", "article.html"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"no article.txt or article.html in {folder}")


def tolerant_key(kind: str, folder: Path, article) -> pd.DataFrame:
    """Resolve a key row by row; rows the cleaned article lacks get offsets that match nothing."""
    raw = pd.read_csv(folder / f"key_{kind}.csv", dtype=str, keep_default_na=False)
    raw = raw[[c for c in raw.columns if c in KEY_COLUMNS[kind] or c == "sentence_contains"]]
    rows = []
    for i in range(len(raw)):
        one = raw.iloc[[i]].reset_index(drop=True)
        try:
            rows.append(resolve_key(kind, one, article))
        except CourseError:
            lost = one.copy()
            if kind == "events":
                lost["hedged"] = lost["hedged"].str.lower().isin(["true", "yes", "1"])
                lost["sentence"] = -1
            else:
                lost["occurrence"] = 1
                lost["start"], lost["end"], lost["sentence"] = -10, -9, -1
            rows.append(lost)
    return pd.concat(rows, ignore_index=True) if rows else raw


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.replace("“", '"').replace("”", '"').split())


def _same_lead(got: str, want: str) -> bool:
    """The first paragraph is right, with or without the wire dateline in front of it.

    The batch's expected text keeps a dateline ("CITY (Agency) -") in the first paragraph;
    the cleaner lists it as furniture instead. Either is right, so only a short prefix that
    ends in a dash or a colon may be missing.

    >>> _same_lead("Talks resumed.", "VESTOWN (Wire) - Talks resumed.")
    True
    >>> _same_lead("Talks resumed.", "The minister said that talks resumed.")
    False
    """
    prefix = want[: len(want) - len(got)].rstrip()
    return got == want or (
        want.endswith(got) and len(prefix) <= 60 and prefix[-1:] in {"-", "–", "—", ":"}
    )


def cleaning_checks(article, expected: dict) -> dict[str, bool]:
    """Title, captions, first and last paragraph right; no furniture line left in the body."""
    paragraphs = [_norm(p) for p in article.paragraphs]
    want = [_norm(p) for p in expected["paragraphs"]]
    body = "\n".join(paragraphs)
    furniture = [_norm(f) for f in expected.get("furniture", []) if len(_norm(f)) > 2]
    left = [f for f in furniture if f in paragraphs or (len(f) > 25 and f in body)]
    return {
        "title": _norm(article.title) == _norm(expected["title"]),
        "captions": [_norm(c) for c in article.captions]
        == [_norm(c) for c in expected.get("captions", [])],
        "first paragraph": bool(paragraphs) and _same_lead(paragraphs[0], want[0]),
        "last paragraph": bool(paragraphs) and paragraphs[-1] == want[-1],
        "no furniture in body": not left,
    }


def _f1(table: pd.DataFrame, level: str, match: str | None) -> float:
    rows = table[table["level"] == level]
    if match is not None:
        rows = rows[rows["match"] == match]
    return float(rows["f1"].iloc[0])


def score_article(folder: Path) -> dict[str, object]:
    """Every score of one article, or the error that stopped it."""
    result: dict[str, object] = {"article": folder.name}
    try:
        article = course_article(page_of(folder))
    except CourseError as error:
        result["error"] = str(error)
        return result
    stages = {
        "actors": (find_actors, score_actors),
        "dates": (find_dates, score_dates),
        "events": (build_timeline, score_events),
    }
    tables = {  # a batch may key only some stages (a development batch without events)
        kind: scorer(find(article), tolerant_key(kind, folder, article))
        for kind, (find, scorer) in stages.items()
        if (folder / f"key_{kind}.csv").is_file()
    }
    for name, (scorer, level, match) in FIELDS.items():
        if scorer in tables:
            result[name] = _f1(tables[scorer], level, match)
    for scorer, table in tables.items():
        result[f"{scorer} counts"] = table[["level", "match", "tp", "fp", "fn"]].to_dict("records")
    expected = folder / "expected_clean.json"
    if expected.is_file():
        result.update(cleaning_checks(article, json.loads(expected.read_text("utf-8"))))
    return result


def batch_table(folder: Path) -> pd.DataFrame:
    """One row per article of a batch, then the batch: the mean of the articles' F1, and the
    F1 of the counts summed over the batch (micro)."""
    results = [score_article(p) for p in sorted(folder.iterdir()) if p.is_dir()]
    table = pd.DataFrame(results).set_index("article")
    counts = [c for c in table.columns if c.endswith(" counts")]
    total = {}
    for name, (scorer, level, match) in FIELDS.items():
        if f"{scorer} counts" not in table:
            continue
        rows = [r for cell in table[f"{scorer} counts"].dropna() for r in cell]
        wanted = [r for r in rows if r["level"] == level and match in (None, r["match"])]
        tp, fp, fn = (sum(r[k] for r in wanted) for k in ("tp", "fp", "fn"))
        total[name] = round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0
    table = table.drop(columns=counts)
    # the cleaning checks are True/False per article; the batch rows leave them empty
    table = table.astype({c: object for c in table.columns if table[c].dtype == bool})
    mean = table[[f for f in FIELDS if f in table]].mean().round(3)
    table.loc["(batch, mean of articles)"] = mean
    table.loc["(batch, micro F1)"] = pd.Series(total)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path, help="a folder of article folders")
    parser.add_argument("--json", type=Path, help="also write the table to this JSON file")
    args = parser.parse_args(argv)
    table = batch_table(args.batch)
    with pd.option_context("display.width", 250, "display.max_columns", 30):
        print(table.to_string())
    if args.json:
        args.json.write_text(table.reset_index().to_json(orient="records", indent=1) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
