"""One notebook open in JupyterLab in a Playwright page: open it, run every cell, read what
the page shows, move one control of each explorer, take a full-page screenshot.

The page is read through ``window.jupyterapp`` (JupyterLab started with
``--LabApp.expose_app_in_browser``): the notebook's cell models say what each cell output,
and the DOM says what the browser drew from it.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# A widget view drawn by the widget manager: a direct child of an output area item.
WIDGET_VIEW = ".jp-OutputArea-output > .jupyter-widgets"

# The controls an explorer may have, in the order a student meets them on the page: a
# dropdown or multiple-choice list, a checkbox, a toggle button not yet pressed, a slider.
CONTROLS = "select, input[type=checkbox], .widget-toggle-button:not(.mod-active), .noUi-handle"

# True once the notebook at ``path`` is open, its file loaded and its kernel idle.
READY_JS = """(path) => {
  const app = window.jupyterapp;
  const panel = app && app.shell && app.shell.currentWidget;
  if (!panel || !panel.context || panel.context.path !== path || !panel.context.isReady) {
    return false;
  }
  const session = panel.sessionContext && panel.sessionContext.session;
  const kernel = session && session.kernel;
  return !!kernel && kernel.status === 'idle' && kernel.connectionStatus === 'connected';
}"""

VIEWPORT = {"width": 1280, "height": 900}

OPEN_JS = """(path) => { window.jupyterapp.commands.execute('docmanager:open', {path: path}); }"""

CLOSE_JS = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (panel && panel.context) { panel.context.model.dirty = false; panel.dispose(); }
}"""

# Starts "Run All Cells"; window.__courseRun is set when every cell's reply has come back.
RUN_ALL_JS = """() => {
  window.__courseRun = null;
  window.jupyterapp.commands.execute('notebook:run-all-cells').then(
    (ok) => { window.__courseRun = {ok: ok}; },
    (err) => { window.__courseRun = {error: String(err)}; });
}"""

# What each code cell output (cell model) and what the browser drew (DOM).
REPORT_JS = """(widgetMime) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const reprPattern = /^[A-Z]\\w*\\((children|value|description|options|layout)=/;
  const report = [];
  panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') { return; }
    const source = cell.model.sharedModel.getSource();
    const outputs = cell.model.outputs.toJSON();
    const node = cell.outputArea.node;
    const views = [...node.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets')];
    report.push({
      index: index,
      source: source.trim().split('\\n')[0].slice(0, 80),
      blank: source.trim() === '',
      executed: cell.model.executionCount !== null,
      errors: outputs.filter((o) => o.output_type === 'error')
        .map((o) => o.ename + ': ' + o.evalue),
      stderr: outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr')
        .map((o) => [].concat(o.text).join('').slice(0, 300)),
      widgetOutputs: outputs.filter((o) => o.data && o.data[widgetMime]).length,
      widgetViews: views.length,
      emptyViews: views.filter((v) => v.getBoundingClientRect().height < 10).length,
      widgetErrors: (node.innerText.match(/Error displaying widget[^\\n]*/g) || []).concat(
        [...node.querySelectorAll('.jupyter-widgets-error-widget')]
          .map(() => 'a widget that failed to draw (ipywidgets error view)')),
      textReprs: [...node.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/plain"]')]
        .map((n) => n.innerText.trim()).filter((t) => reprPattern.test(t))
        .map((t) => t.slice(0, 80)),
      imageOutputs: outputs.filter((o) => o.data && (o.data['image/png'] || o.data['image/jpeg']
        || o.data['image/svg+xml'])).length,
      images: [...node.querySelectorAll('.jp-OutputArea-output img')]
        .map((img) => img.complete && img.naturalWidth > 0),
    });
  });
  return report;
}"""

# What an explorer shows, apart from its controls' own labels: the text and images its
# outputs hold (a slider's readout changes in the browser alone, so it is left out).
SIGNATURE_JS = """(view) => {
  const copy = view.cloneNode(true);
  copy.querySelectorAll('.widget-readout, select, label').forEach((n) => n.remove());
  const images = [...view.querySelectorAll('img')].map((img) => img.src).join(' ');
  return copy.textContent + ' ' + images;
}"""

# The kind of a control (see CONTROLS) and what a change needs to know about it.
CONTROL_JS = """(el) => ({
  tag: el.tagName.toLowerCase(),
  type: el.type || '',
  multiple: !!el.multiple,
  classes: el.className,
  selected: el.options
    ? [...el.options].map((o, i) => (o.selected ? i : -1)).filter((i) => i >= 0) : [],
  count: el.options ? el.options.length : 0,
  label: (el.closest('.widget-inline-hbox, .widget-hbox, .jupyter-widgets') || el).innerText
    .trim().split('\\n')[0].slice(0, 40),
  valueNow: el.getAttribute('aria-valuenow'),
})"""


@dataclass
class NotebookRun:
    """What one notebook did in the browser."""

    path: str
    cells: list[dict[str, Any]] = field(default_factory=list)  # after Run All Cells
    after: list[dict[str, Any]] = field(default_factory=list)  # after the controls moved
    console_errors: list[str] = field(default_factory=list)
    explorers: list[str] = field(default_factory=list)  # what was done to each explorer
    deaf_explorers: list[str] = field(default_factory=list)  # ... when its output stayed
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class LabTab:
    """One browser page with JupyterLab loaded, reused from notebook to notebook (loading
    JupyterLab costs seconds each time), and the errors its console logged, in order."""

    browser: Any
    server: LabServer
    page: Any = None
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str, timeout_s: float) -> None:
        """Open the notebook at ``path`` and wait until its kernel is idle."""
        if self.page is None:
            self.page = self.browser.new_page(viewport=VIEWPORT)
            self.page.on("console", self.on_console)
            self.page.on("pageerror", lambda err: self.console_errors.append(f"uncaught: {err}"))
            self.page.goto(f"{self.server.url}/lab/tree/{path}?token={self.server.token}")
        else:
            self.page.set_viewport_size(VIEWPORT)
            self.page.evaluate(OPEN_JS, path)
        self.page.wait_for_function(READY_JS, arg=path, timeout=timeout_s * 1000)

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text[:300])

    def close_notebook(self) -> None:
        """Close the notebook without saving it (it is a copy; its new outputs are not kept)."""
        self.page.evaluate(CLOSE_JS)

    def discard(self) -> None:
        """Close the page (after a failure, so that the next notebook starts afresh)."""
        if self.page is not None:
            self.page.close()
            self.page = None


def run_all_cells(page: Any, path: str, timeout_s: float) -> dict[str, Any]:
    """Run every cell (JupyterLab's Run All Cells), wait for the last reply and an idle
    kernel; return how the run ended (``{"ok": bool}`` or ``{"error": message}``)."""
    page.evaluate(RUN_ALL_JS)
    page.wait_for_function("() => window.__courseRun", timeout=timeout_s * 1000)
    page.wait_for_function(READY_JS, arg=path, timeout=timeout_s * 1000)
    return dict(page.evaluate("() => window.__courseRun"))


def wait_for_widget_views(page: Any, timeout_s: float) -> list[dict[str, Any]]:
    """The cell report once every widget output has a view (or after ``timeout_s``)."""
    deadline = time.monotonic() + timeout_s
    while True:
        cells = list(page.evaluate(REPORT_JS, WIDGET_MIME))
        drawn = all(c["widgetViews"] >= c["widgetOutputs"] for c in cells)
        images = all(all(c["images"]) for c in cells)
        if (drawn and images) or time.monotonic() > deadline:
            return cells
        page.wait_for_timeout(250)


def change_control(control: Any) -> str:
    """Change one control as a student would (choose, tick, press, slide); say what was done."""
    info = control.evaluate(CONTROL_JS)
    if info["tag"] == "select" and info["multiple"]:
        keep = [0] if info["selected"] != [0] else [1]
        control.select_option(index=keep)
        return f"chose only option {keep[0] + 1} of {info['count']} in '{info['label']}'"
    if info["tag"] == "select":
        current = info["selected"][0] if info["selected"] else 0
        control.select_option(index=(current + 1) % info["count"])
        return f"chose option {(current + 1) % info['count'] + 1} in '{info['label']}'"
    if info["type"] == "checkbox":
        control.click()
        return f"clicked the checkbox '{info['label']}'"
    if "noUi-handle" in info["classes"]:
        control.focus()
        control.press("ArrowRight")
        if control.get_attribute("aria-valuenow") == info["valueNow"]:
            control.press("ArrowLeft")  # the handle was at its maximum
        return f"moved the slider '{info['label']}' one step"
    control.click()
    return f"pressed the button '{info['label']}'"


def drive_explorer(view: Any, timeout_s: float) -> tuple[str, bool]:
    """Change the first control of an explorer (a widget view with a control and something
    to show); say what was done and whether what it shows changed within ``timeout_s``."""
    controls = view.locator(CONTROLS)
    before = view.evaluate(SIGNATURE_JS)
    if controls.count() == 0 or not before.strip():
        return "", True  # a display without controls, or a control alone: not an explorer
    action = change_control(controls.first)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if view.evaluate(SIGNATURE_JS) != before:
            return action, True
        time.sleep(0.25)
    return action, False


def full_page_screenshot(page: Any, file: Path, max_height: int = 30000) -> None:
    """Screenshot the whole notebook: hide the side bars, make the window as tall as the
    notebook (up to ``max_height`` pixels) and capture it."""
    page.evaluate(
        """() => {
          const shell = window.jupyterapp.shell;
          shell.collapseLeft(); shell.collapseRight();
        }"""
    )
    page.wait_for_timeout(300)
    height = page.evaluate(
        "() => document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer').scrollHeight"
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 160, max_height)})
    page.evaluate(
        """() => {
          window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0;
          document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer').scrollTop = 0;
        }"""
    )
    page.wait_for_timeout(500)
    page.screenshot(path=str(file))


@dataclass
class LabServer:
    """A running JupyterLab: its address, token, process and notebook folder."""

    url: str
    token: str
    process: subprocess.Popen[bytes]
    root: Path
    log: Path

    def get(self, path: str, token: str | None = None) -> int:
        """The HTTP status of GET ``path`` (with ``token`` in the Authorization header)."""
        request = urllib.request.Request(self.url + path)
        if token is not None:
            request.add_header("Authorization", f"token {token}")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            return int(err.code)

    def shut_down_kernels(self) -> None:
        """Stop every running kernel (each notebook starts its own)."""
        request = urllib.request.Request(self.url + "/api/sessions")
        request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            sessions = json.load(response)
        for session in sessions:
            delete = urllib.request.Request(
                f"{self.url}/api/sessions/{session['id']}", method="DELETE"
            )
            delete.add_header("Authorization", f"token {self.token}")
            urllib.request.urlopen(delete, timeout=30).close()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines JupyterLab printed (for failure messages)."""
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect (to the login page, say) as it is instead of following it."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
