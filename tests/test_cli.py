"""The `course-utils` command: the contract in docs/cli.md, run as a real process."""

from __future__ import annotations

import ast
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_utils.cli import main
from course_utils.tables import plain, records

HEADLINE = "Russian-Led Alliance \u2018Still Ready\u2019 For Monitoring Mission In Armenia"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m course_utils` as a shell would."""
    proc = subprocess.run(
        [sys.executable, "-m", "course_utils", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def test_clean_json_follows_the_contract():
    proc = run("clean", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"title", "captions", "paragraphs", "text", "sentences", "removed"}
    assert doc["title"] == HEADLINE
    assert len(doc["captions"]) == 1 and len(doc["paragraphs"]) == 9
    assert doc["text"].startswith(HEADLINE + "\n\n" + doc["captions"][0] + "\n\n")
    for sentence in doc["sentences"]:
        assert set(sentence) == {"id", "section", "paragraph", "start", "end", "text"}
        assert doc["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    for line in doc["removed"]:
        assert set(line) == {"line", "text", "reason"}
        assert isinstance(line["line"], int) and line["line"] >= 1
    assert proc.stderr == ""


def test_clean_reads_standard_input_and_files(tmp_path):
    page = "Breaking News\n\nTalks Resume\n\nEnvoys met on Monday. They agreed.\nXS\n"
    from_stdin = json.loads(run("clean", "-", "--format", "json", stdin=page.encode()).stdout)
    file = tmp_path / "page.txt"
    file.write_text(page, encoding="utf-8")
    from_file = json.loads(run("clean", str(file), "--format", "json").stdout)
    assert from_stdin == from_file
    assert from_file["paragraphs"] == ["Envoys met on Monday. They agreed."]
    assert [r["line"] for r in from_file["removed"]] == [1, 6]


def test_clean_csv_has_a_header_and_a_row_per_sentence():
    proc = run("clean", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == ["id", "section", "paragraph", "start", "end", "text"]
    assert rows[0]["text"] == HEADLINE
    assert len(rows) == len(json.loads(run("clean", "--format", "json").stdout)["sentences"])


def test_text_format_is_for_people():
    out = run("clean", "--format", "text").stdout
    assert out.startswith(HEADLINE + "\n")
    assert "removed 6 line(s)" in out


def test_output_defaults_to_json_when_piped():
    assert json.loads(run("clean").stdout)["title"] == HEADLINE


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (("clean", "no/such/file.txt"), None, "no article file"),
        (("clean", "-"), "Caf\u00e9 news".encode("latin-1"), "not UTF-8"),
        (("clean", "-"), b"", "empty"),
        (("clean", "-"), b"   \n\n", "empty"),
        (("clean", "-"), b"A Headline Alone\n", "no body"),
        (("clean", "-"), b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
        (("dates", "--published", "2023-02-30"), None, "YYYY-MM-DD"),
        (("timeline", "--published", "yesterday"), None, "YYYY-MM-DD"),
        (("clean", "--format", "xml"), None, "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(args, stdin, words):
    proc = run(*args, stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("course-utils: error: ")
    assert words in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", ["dates", "timeline"])
def test_relative_dates_need_a_publication_date(command, tmp_path):
    file = tmp_path / "undated.txt"
    file.write_text("Talks Resume\n\nThe envoys met on Tuesday.\n", encoding="utf-8")
    proc = run(command, str(file))
    assert proc.returncode == 2
    assert proc.stderr.startswith("course-utils: error: ")
    assert "--published" in proc.stderr


def test_main_returns_status_without_exiting(capsys):
    assert main(["clean", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == HEADLINE


# The record fields of docs/cli.md, in order.
FIELDS = {
    "actors": ["actor", "kind", "text", "start", "end", "sentence", "method"],
    "dates": [
        "text", "start", "end", "sentence", "value", "precision", "mod",
        "date_start", "date_end", "rule",
    ],
    "timeline": [
        "date_start", "date_end", "precision", "value", "event_type", "actor", "recipient",
        "attributed_to", "hedged", "sentence", "time_text", "summary", "rule",
    ],
}  # fmt: skip


@pytest.mark.parametrize("command", ["actors", "dates", "timeline"])
def test_records_have_the_contract_fields_in_json_and_csv(command):
    records = json.loads(run(command, "--format", "json").stdout)
    assert records, f"{command} found nothing in the course article"
    assert all(list(r) == FIELDS[command] for r in records)
    header = run(command, "--format", "csv").stdout.splitlines()[0]
    assert header.split(",") == FIELDS[command]


@pytest.mark.parametrize("command", ["actors", "dates"])
def test_record_offsets_index_the_clean_text(command):
    text = json.loads(run("clean", "--format", "json").stdout)["text"]
    for record in json.loads(run(command, "--format", "json").stdout):
        assert text[record["start"] : record["end"]] == record["text"]


def test_timeline_is_sorted_by_date_and_hedged_is_a_boolean():
    records = json.loads(run("timeline", "--format", "json").stdout)
    starts = [r["date_start"] for r in records]
    assert starts == sorted(starts)
    assert {type(r["hedged"]) for r in records} == {bool}
    assert {r["event_type"] for r in records} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip


def test_a_date_line_in_the_article_serves_as_publication_date(tmp_path):
    file = tmp_path / "dated.txt"
    file.write_text(
        "Envoys Meet\n\nMarch 8, 2024\n\nThe envoys met on Tuesday in Vienna.\n", encoding="utf-8"
    )
    proc = run("dates", str(file), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    # Friday 8 March 2024: the Tuesday before it is 5 March.
    assert [r["value"] for r in json.loads(proc.stdout)] == ["2024-03-05"]
    proc = run("dates", str(file), "--published", "2024-03-15", "--format", "json")
    assert [r["value"] for r in json.loads(proc.stdout)] == ["2024-03-12"]


def test_an_article_with_no_actors_gives_an_empty_list(tmp_path):
    file = tmp_path / "quiet.txt"
    file.write_text("Weather Report\n\nIt rained all day.\n", encoding="utf-8")
    proc = run("actors", str(file), "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []


# --- The command line sits on top of the library -----------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "course_utils"


def _imported_modules(source: str, package: str) -> set[str]:
    """Every module a file of ``package`` imports, absolute, including inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: resolve it against the file's package
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _package_imports(file: Path) -> set[str]:
    package = ".".join(file.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return _imported_modules(file.read_text(encoding="utf-8"), package)


@pytest.mark.parametrize(
    ("source", "package"),
    [
        ("import course_utils.cli as c", "course_utils"),
        ("from course_utils.cli import main", "course_utils"),
        ("from course_utils import cli", "course_utils"),
        ("from . import cli", "course_utils"),
        ("from .cli import main", "course_utils"),
        ("from .. import cli", "course_utils.widgets"),
        ("def f():\n    from ..cli import main", "course_utils.events"),
    ],
)
def test_the_import_reader_sees_every_way_of_naming_the_cli(source, package):
    assert "course_utils.cli" in _imported_modules(source, package)


def test_no_module_of_the_library_imports_the_command_line():
    offenders = sorted(
        str(file.relative_to(PACKAGE))
        for file in PACKAGE.rglob("*.py")
        if file.name not in ("cli.py", "__main__.py")
        and any(
            name == "course_utils.cli" or name.startswith("course_utils.cli.")
            for name in _package_imports(file)
        )
    )
    assert offenders == []


def test_help_lists_every_command():
    out = run("--help").stdout
    for command in (
        "clean", "actors", "dates", "timeline", "student-edition", "run-notebooks",
        "draft-key", "corpus",
    ):  # fmt: skip
        assert f"    {command}" in out, command


def _old_records(frame: pd.DataFrame) -> list[dict]:
    """The former row-by-row reading (itertuples), as a reference for the fast one."""
    return [
        plain(dict(zip(frame.columns, row, strict=True))) for row in frame.itertuples(index=False)
    ]


def test_records_reads_columns_as_the_row_by_row_version_did():
    frame = pd.DataFrame(
        {
            "actor": ["Vesland", "Jane Roe", None],
            "start": np.array([3, 40, 7], dtype=np.int64),
            "score": [0.5, float("nan"), 2.0],
            "hedged": [True, False, True],
            "names": [["Vesland", "Kalonia"], [], ["Jane Roe"]],
            "day": pd.to_datetime(["2024-03-04", "2024-03-05", "2024-03-06"]),
        }
    )
    fast = records(frame)
    assert fast == _old_records(frame)
    assert fast[1] == {
        "actor": "Jane Roe", "start": 40, "score": "", "hedged": False, "names": [],
        "day": pd.Timestamp("2024-03-05"),
    }  # fmt: skip
    assert type(fast[0]["start"]) is int and type(fast[0]["hedged"]) is bool
    assert records(frame.iloc[:0]) == [] and records(pd.DataFrame()) == []
