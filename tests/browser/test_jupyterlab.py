"""Every notebook of both editions, run in a real JupyterLab in headless Chromium.

nbval checks what the kernel prints; this checks what a student sees: every cell runs
without an error, every explorer is drawn as a widget (not as an error or as its text repr)
and answers its controls, every figure loads, and the page logs no JavaScript error. The
server listens on 127.0.0.1 only and refuses requests without its token.

Run it with ``python course.py test --browser``; screenshots go to tests/browser/screenshots/.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from browser.lab_page import (
    WIDGET_VIEW,
    LabServer,
    LabTab,
    NotebookRun,
    drive_explorer,
    full_page_screenshot,
    run_all_cells,
    wait_for_widget_views,
)

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = [sorted(ROOT.glob("notebooks/*.ipynb")), sorted(ROOT.glob("notebooks/student/*.ipynb"))]
NOTEBOOKS = [
    path.relative_to(ROOT / "notebooks").as_posix() for paths in EDITIONS for path in paths
]
OPEN_SECONDS = 120  # page load and a kernel start on a busy two-core machine
RUN_SECONDS = 300  # the slowest notebook runs in well under a minute
WIDGET_SECONDS = 30  # a widget view is drawn, or an explorer answers a control, in this time

# Console messages that are not errors of the course, each with the reason it is harmless.
# (A pattern must match the whole message's start; keep this list short.)
HARMLESS_CONSOLE: dict[str, str] = {}


def console_problems(messages: list[str]) -> list[str]:
    """The console errors that are not in :data:`HARMLESS_CONSOLE`.

    >>> console_problems(["TypeError: x is undefined"])
    ['TypeError: x is undefined']
    """
    return [m for m in messages if not any(re.match(p, m) for p in HARMLESS_CONSOLE)]


def notebook_id(path: str) -> str:
    """The test id and screenshot name of a notebook: its edition, then its name.

    >>> notebook_id("student/01_x.ipynb"), notebook_id("01_x.ipynb")
    ('student-01_x', 'complete-01_x')
    """
    name = path.removesuffix(".ipynb")
    return name.replace("/", "-") if "/" in name else f"complete-{name}"


def test_every_edition_is_found() -> None:
    """Both editions are there and hold the same notebooks (else the test below runs few)."""
    complete = {p for p in NOTEBOOKS if "/" not in p}
    student = {p.removeprefix("student/") for p in NOTEBOOKS if p.startswith("student/")}
    assert complete, "no notebook found in notebooks/"
    assert complete == student, "the student edition and the complete notebooks differ"


def test_a_request_without_the_token_is_refused(lab_server: LabServer) -> None:
    assert lab_server.get("/api/contents", lab_server.token) == 200
    assert lab_server.get("/api/contents") == 403
    assert lab_server.get("/api/contents", "not-the-token") == 403
    assert lab_server.get("/api/kernels") == 403
    # the page itself sends a visitor without the token to the login form
    assert lab_server.get(f"/lab/tree/{NOTEBOOKS[0]}") in {302, 403}


def test_the_server_listens_on_loopback_only(lab_server: LabServer) -> None:
    listening = [
        conn.laddr.ip
        for conn in psutil.Process(lab_server.process.pid).net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    ]
    assert listening, "JupyterLab listens on no address"
    assert set(listening) == {"127.0.0.1"}, listening


def check_cells(cells: list[dict[str, Any]]) -> list[str]:
    """What went wrong in the cells of a notebook (see ``REPORT_JS``), one line per problem."""
    problems = []
    for cell in cells:
        where = f"cell {cell['index']} ({cell['source']!r})"
        if not cell["blank"] and not cell["executed"]:
            problems.append(f"{where} did not run")
        problems += [f"{where} raised {error}" for error in cell["errors"]]
        problems += [f"{where} wrote to stderr: {text.strip()}" for text in cell["stderr"]]
        problems += [f"{where} shows {error}" for error in cell["widgetErrors"]]
        problems += [f"{where} shows a widget as text: {text}" for text in cell["textReprs"]]
        if cell["widgetViews"] < cell["widgetOutputs"]:
            drawn = f"{cell['widgetOutputs']} widget(s), {cell['widgetViews']} drawn"
            problems.append(f"{where}: {drawn}")
        if cell["emptyViews"]:
            problems.append(f"{where}: {cell['emptyViews']} widget view(s) drawn empty")
        if cell["imageOutputs"] and not cell["images"]:
            problems.append(f"{where}: {cell['imageOutputs']} figure(s), no image in the page")
        if not all(cell["images"]):
            problems.append(f"{where}: {cell['images'].count(False)} image(s) did not load")
    return problems


def run_in_browser(tab: LabTab, path: str) -> NotebookRun:
    """Open ``path``, run every cell, and move one control of each explorer."""
    run, start, logged = NotebookRun(path), time.monotonic(), len(tab.console_errors)
    tab.open(path, OPEN_SECONDS)
    run.seconds["open"] = time.monotonic() - start
    ended = run_all_cells(tab.page, path, RUN_SECONDS)
    assert "error" not in ended, f"Run All Cells failed: {ended['error']}"
    run.seconds["run"] = time.monotonic() - start - run.seconds["open"]
    run.cells = wait_for_widget_views(tab.page, WIDGET_SECONDS)
    views = tab.page.locator(WIDGET_VIEW)
    for index in range(views.count()):
        action, changed = drive_explorer(views.nth(index), WIDGET_SECONDS)
        if action:
            run.explorers.append(action)
        if not changed:
            run.deaf_explorers.append(f"explorer {index + 1}: {action}, but its output stayed")
    run.after = wait_for_widget_views(tab.page, WIDGET_SECONDS)  # again, the controls moved
    run.console_errors = tab.console_errors[logged:]
    run.seconds["total"] = time.monotonic() - start
    return run


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_the_notebook_runs_and_its_explorers_answer(
    lab_tab: LabTab, lab_server: LabServer, screenshots: Path, path: str
) -> None:
    try:
        run = run_in_browser(lab_tab, path)
        start = time.monotonic()
        full_page_screenshot(lab_tab.page, screenshots / f"{notebook_id(path)}.png")
        run.seconds["screenshot"] = time.monotonic() - start
        lab_tab.close_notebook()
    except Exception:
        lab_tab.discard()
        raise
    finally:
        lab_server.shut_down_kernels()
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in run.seconds.items())
    print(f"{path}: {len(run.cells)} code cells, explorers: {run.explorers or 'none'}; {seconds}")
    problems = check_cells(run.cells)
    problems += [p for p in check_cells(run.after) if p not in problems]
    problems += run.deaf_explorers
    problems += [f"console: {m}" for m in console_problems(run.console_errors)]
    assert not problems, f"{path} in JupyterLab:\n" + "\n".join(problems)
    assert any(cell["executed"] for cell in run.cells), "no cell ran"
