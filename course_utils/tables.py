"""Tables as plain records, CSV, JSON and text: the output conventions of the whole package.

Every stage returns a DataFrame. The command line (``docs/cli.md``), the timeline files of
:mod:`course_utils.timeline_io` and the combined tables of :mod:`course_utils.corpus` all
write them the same way: JSON records hold plain Python values (no numpy scalars, NaN as
an empty string); in CSV, booleans are ``true``/``false`` and list fields are joined with
``;``; text for people shows control characters escaped.

>>> frame = pd.DataFrame({"actor": ["EU"], "hedged": [True], "sentence": [3]})
>>> records(frame)
[{'actor': 'EU', 'hedged': True, 'sentence': 3}]
>>> import sys
>>> write_csv(records(frame), list(frame.columns), sys.stdout)
actor,hedged,sentence
EU,true,3
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from course_utils.errors import CourseError

__all__ = [
    "TABLE_FORMATS",
    "plain",
    "printable",
    "records",
    "table_format",
    "write_csv",
    "write_table",
    "write_text",
]

#: The file formats :func:`write_table` writes, by the file name's suffix.
TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet"}

# Values that are already plain: records() passes them through without a look.
_PLAIN_TYPES = (str, int, bool)


def plain(value: Any) -> Any:
    """Turn numpy and pandas scalars (and lists or dicts of them) into plain JSON values.

    NaN becomes an empty string.

    >>> import numpy as np
    >>> plain(np.int64(3)), plain(float("nan")), plain([np.float64(0.5)])
    (3, '', [0.5])
    """
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return value


def _column_values(frame: pd.DataFrame, k: int) -> list[Any]:
    """The plain values of the ``k``-th column (by position: names may repeat)."""
    values = frame.iloc[:, k].tolist()  # numpy numbers become Python ones here
    if all(type(v) in _PLAIN_TYPES for v in values):
        return values
    return [v if type(v) in _PLAIN_TYPES else plain(v) for v in values]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a DataFrame as plain dicts, in column order (see :func:`plain`).

    The table is read a column at a time, never a row at a time, so a long table is quick.

    >>> records(pd.DataFrame({"a": [1, 2], "b": [float("nan"), 0.5]}))
    [{'a': 1, 'b': ''}, {'a': 2, 'b': 0.5}]
    """
    columns = list(frame.columns)
    values = [_column_values(frame, k) for k in range(len(columns))]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(rows: list[dict[str, Any]], columns: Sequence[str], out: io.TextIOBase) -> None:
    """A header row, then a row per record; list fields joined with ``;``.

    >>> import sys
    >>> write_csv([{"actors": ["EU", "OSCE"], "hedged": False}], ["actors", "hedged"], sys.stdout)
    actors,hedged
    EU;OSCE,false
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_value(row[c]) for c in columns] for row in rows)


# Control characters (C0, DEL, C1) and line or paragraph separators: on a terminal they
# would move the cursor, ring the bell or change colours, so text output shows them escaped.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    r"""``text`` with every control character shown as an escape (``\x1b``), for a terminal.

    >>> printable("Talks\x1b[31m ended\x07")
    'Talks\\x1b[31m ended\\x07'
    >>> printable("one\ntwo")
    'one\\ntwo'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def write_text(frame: pd.DataFrame, out: io.TextIOBase) -> None:
    """A table for people; control characters in the cells are shown escaped."""
    if frame.empty:
        out.write("(nothing found)\n")
        return
    shown = frame.map(lambda v: printable(v) if isinstance(v, str) else v)
    shown.columns = [printable(str(c)) for c in frame.columns]
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        out.write(shown.to_string(index=False) + "\n")


# --- Files --------------------------------------------------------------------------------


def table_format(path: str | Path) -> str:
    """``csv`` or ``parquet``, from the file name's suffix.

    >>> table_format("events.PARQUET")
    'parquet'
    >>> table_format("events.xlsx")
    Traceback (most recent call last):
    ...
    course_utils.errors.CourseError: cannot tell the format of 'events.xlsx' from its \
suffix: end the file name with .csv or .parquet
    """
    fmt = TABLE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise CourseError(
            f"cannot tell the format of {Path(path).name!r} from its suffix: "
            "end the file name with .csv or .parquet"
        )
    return fmt


def _parquet_engine() -> None:
    """pandas writes Parquet with fastparquet or pyarrow: say what to install if neither is."""
    import importlib.util

    if not any(importlib.util.find_spec(name) for name in ("fastparquet", "pyarrow")):
        raise CourseError(
            "writing Parquet needs the fastparquet package: install it with "
            "`pip install fastparquet` (or `pip install course-utils[parquet]`), "
            "or write a .csv file instead"
        )


def write_table(frame: pd.DataFrame, path: str | Path, *, force: bool = False) -> Path:
    """Write ``frame`` as CSV (``.csv``, the conventions above) or Parquet (``.parquet``).

    An existing file is kept unless ``force``; the file is written through a temporary file
    and a rename, so a half-written table is never left under its name and a symbolic link
    at ``path`` is replaced, not followed.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> file = write_table(pd.DataFrame({"hedged": [True]}), Path(folder) / "t.csv")
    >>> print(file.read_text(encoding="utf-8"), end="")
    hedged
    true
    >>> write_table(pd.DataFrame(), file)
    Traceback (most recent call last):
    ...
    course_utils.errors.CourseError: ... is already there: choose another name, or \
force overwriting it (--force)
    >>> import shutil; shutil.rmtree(folder)
    """
    path = Path(path)
    fmt = table_format(path)
    if (path.exists() or path.is_symlink()) and not force:
        raise CourseError(
            f"{path} is already there: choose another name, or force overwriting it (--force)"
        )
    if not path.parent.is_dir():
        raise CourseError(f"there is no folder {path.parent} to write {path.name} in")
    temp = path.with_name(f".{path.name}.tmp")
    temp.unlink(missing_ok=True)
    if fmt == "parquet":
        _parquet_engine()
        frame.to_parquet(temp, index=False)
    else:
        with temp.open("w", encoding="utf-8", newline="") as out:
            write_csv(records(frame), [str(c) for c in frame.columns], out)  # type: ignore[arg-type]
    os.replace(temp, path)
    return path
