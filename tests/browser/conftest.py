"""JupyterLab and headless Chromium for the browser test (``python course.py test --browser``).

The browser test is collected only when ``tests/browser`` is named on pytest's command line,
so that ``python course.py test`` (which collects ``tests/``) never needs Playwright or a
browser. The server is started the way ``python course.py lab`` starts it (127.0.0.1, a
token), on a free port, over COPIES of both editions of the notebooks in a temporary folder:
a run never changes the repository's notebooks.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.lab_page import LabServer, LabTab

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENSHOTS = HERE / "screenshots"
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
# --no-sandbox: CI runs as root, where Chromium's sandbox cannot start. The others keep a
# headless browser on an offline machine from calling home (each call would fail, and some
# would log errors in the console the test reads).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# User settings for this JupyterLab only: every cell stays in the page (by default cells
# scrolled out of view are taken out of it, so the test could not see their outputs), no
# blank screen after the last cell (it would fill the full-page screenshots), and no news
# or update checks (the machine may be offline).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "scrollPastEnd": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
SERVER_START_SECONDS = 90


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave this folder out unless it (or a file in it) is named on the command line."""
    for arg in config.args:
        named = Path(arg.split("::")[0]).resolve()
        if named == HERE or HERE in named.parents:
            return None
    return True


def load_course_script() -> Any:
    """The repository's ``course.py``, whose ``lab_args`` the test starts JupyterLab with."""
    spec = importlib.util.spec_from_file_location("course_script", ROOT / "course.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_notebooks(dest: Path) -> Path:
    """Copy both editions (``notebooks/*.ipynb`` and ``notebooks/student/*.ipynb``) to ``dest``."""
    for source in [*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("notebooks/student/*.ipynb")]:
        target = dest / source.relative_to(ROOT / "notebooks")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return dest


def write_lab_settings(folder: Path) -> None:
    """Write :data:`LAB_SETTINGS` as JupyterLab user settings in ``folder``."""
    for plugin, values in LAB_SETTINGS.items():
        file = folder / f"{plugin}.jupyterlab-settings"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(values), encoding="utf-8")


def server_env(base: Path, token: str) -> dict[str, str]:
    """The environment JupyterLab runs in: private settings, workspaces and runtime files,
    and the course's own ``course.toml`` (the notebooks run from a temporary folder)."""
    env = dict(os.environ)
    env.update(
        JUPYTER_TOKEN=token,
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTER_DATA_DIR=str(base / "data"),
        IPYTHONDIR=str(base / "ipython"),
    )
    if "COURSE_CONFIG" not in env and (ROOT / "course.toml").is_file():
        env["COURSE_CONFIG"] = str(ROOT / "course.toml")
    return env


def wait_until_up(server: LabServer) -> None:
    """Wait until JupyterLab answers an authorised request, or fail with its log."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"JupyterLab stopped at start:\n{server.log_tail()}")
        try:
            if server.get("/api/status", server.token) == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer in {SERVER_START_SECONDS} s:\n{server.log_tail()}")


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab as ``course.py lab`` starts it, on copies of both editions."""
    base = tmp_path_factory.mktemp("lab")
    root = copy_notebooks(base / "notebooks")
    write_lab_settings(base / "settings")
    token, port = secrets.token_hex(24), free_port()
    args = [
        *load_course_script().lab_args(root),
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        # window.jupyterapp lets the test ask the page whether the kernel is idle
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    # Matplotlib builds its font cache at its first import in a new environment and says so
    # on stderr, which the test counts as an error output: build it before any notebook runs.
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], check=True)
    log = base / "jupyterlab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=root,
            env=server_env(base, token),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, process, root, log)
    try:
        wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's package) driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `python course.py test --browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def lab_tab(browser: Any, lab_server: LabServer) -> Iterator[LabTab]:
    """One JupyterLab page that the notebooks are opened in, one after another."""
    tab = LabTab(browser, lab_server)
    try:
        yield tab
    finally:
        tab.discard()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The git-ignored folder the screenshots are written to (emptied at each run)."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
