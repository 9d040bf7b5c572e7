#!/usr/bin/env python3
"""Set up the course and open it, or run every test. Needs only Python 3.11+.

    python course.py lab     # set up (first time only) and open the course in JupyterLab
    python course.py test    # set up (first time only) and run every check
    python course.py test --browser   # every notebook in JupyterLab in headless Chromium

``lab --instructor`` opens the complete notebooks (solutions and outputs) instead of the
student edition; other arguments go to JupyterLab or pytest.

On Windows, type ``py`` instead of ``python``. The first run makes a private environment in
``.venv`` and installs the locked versions from ``requirements/lock.txt`` into it, so that
every student gets the same outputs; later runs reuse it and start at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / ".course-env-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# The browser test's own packages (Playwright), kept out of lock.txt so students never
# download them, and the browser it drives: Debian's chromium package.
BROWSER_LOCK = ROOT / "requirements" / "browser-lock.txt"
BROWSER_STAMP = VENV / ".course-browser-stamp"
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", DEBIAN_CHROMIUM))

# The test command: lint and format checks, then pytest over the unit tests, the doctests
# in course_utils and every notebook (all outputs compared).
CHECKS = [
    ["-m", "ruff", "check", "."],
    ["-m", "ruff", "format", "--check", "."],
    [
        "-m", "pytest",
        "--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/sanitize.cfg",
        # the student edition is run by tests/test_edition.py, which also reads its checks
        "--ignore=notebooks/student",
        "tests", "course_utils", "notebooks",
    ],
]  # fmt: skip


def say(message: str) -> None:
    print(f"course: {message}", flush=True)


def run(args: list[str]) -> int:
    return subprocess.call([str(PYTHON), *args], cwd=ROOT)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for file in (LOCK, ROOT / "pyproject.toml"):
        digest.update(file.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def set_up() -> None:
    """Make .venv and install the locked packages, unless that is already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - say so kindly on an old Python
        sys.exit("course: the course needs Python 3.11 or newer; install it from python.org")
    if STAMP.is_file() and STAMP.read_text() == fingerprint() and PYTHON.exists():
        return
    if not PYTHON.exists():
        say(f"making a private Python environment in {VENV.name}/ (first run only)")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    say("installing the course's locked packages (first run only, about a minute)")
    pip = ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--no-compile"]
    if run([*pip, "--require-hashes", "-r", str(LOCK)]) != 0:
        sys.exit("course: installing the packages failed; check your internet connection")
    if run([*pip, "--no-deps", "--no-build-isolation", "--editable", "."]) != 0:
        sys.exit("course: installing course_utils failed; see the message above")
    # Byte-compile the packages on every core at once (pip would do it one file at a time),
    # so that notebooks start fast even where Python is told not to write .pyc files.
    compile_all = (
        "import compileall, sysconfig; "
        "compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=2, workers=0)"
    )
    subprocess.call([str(PYTHON), "-c", compile_all], cwd=ROOT, stdout=subprocess.DEVNULL)
    STAMP.write_text(fingerprint())


def lab(extra: list[str]) -> int:
    """Open JupyterLab on the student edition, or on the complete notebooks with --instructor."""
    folder = ROOT / "notebooks"
    if "--instructor" in extra:
        extra = [arg for arg in extra if arg != "--instructor"]
        say("opening the complete notebooks, with solutions and outputs (instructor edition)")
    else:
        folder = folder / "student"
        say("opening the student edition; start with 01_reading_the_article.ipynb")
    say("stop JupyterLab with Ctrl+C")
    return run([*lab_args(folder), *extra])


def lab_args(folder: Path) -> list[str]:
    """The arguments that start JupyterLab on ``folder`` (the browser test starts it so too)."""
    args = ["-m", "jupyterlab", "--ip=127.0.0.1", f"--ServerApp.root_dir={folder}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers often run as root; the token still guards it
    return args


def with_extra(check: list[str], extra: list[str]) -> list[str]:
    """The command of one check; the extra arguments (``-k X``, ``-x`` …) go to pytest only.

    >>> with_extra(["-m", "pytest", "tests"], ["-k", "dates"])
    ['-m', 'pytest', 'tests', '-k', 'dates']
    >>> with_extra(["-m", "ruff", "check", "."], ["-k", "dates"])
    ['-m', 'ruff', 'check', '.']
    """
    return [*check, *extra] if check[:2] == ["-m", "pytest"] else check


def test(extra: list[str]) -> int:
    for check in CHECKS:
        say("running " + " ".join(check[1:4]) + " …")
        code = run(with_extra(check, extra))
        if code == 5:
            say("pytest collected no tests: that is a failure, not a pass")
            return 1
        if code != 0:
            return code
    say("all checks passed")
    return 0


def set_up_browser() -> None:
    """Install Playwright into .venv and Debian's chromium package, unless they are there."""
    stamp = hashlib.sha256(BROWSER_LOCK.read_bytes() + sys.version.encode()).hexdigest()
    if not (BROWSER_STAMP.is_file() and BROWSER_STAMP.read_text() == stamp):
        say("installing Playwright for the browser test (first run only)")
        pip = ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--no-compile"]
        if run([*pip, "--require-hashes", "-r", str(BROWSER_LOCK)]) != 0:
            sys.exit("course: installing Playwright failed; check your internet connection")
        BROWSER_STAMP.write_text(stamp)
    if CHROMIUM.exists():
        return
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if CHROMIUM != DEBIAN_CHROMIUM or not root or shutil.which("apt-get") is None:
        sys.exit(
            f"course: the browser test needs Chromium at {CHROMIUM}: install Debian's chromium "
            "package (sudo apt-get install chromium), or set COURSE_CHROMIUM to the path of "
            "a Chromium or Chrome, then run this command again"
        )
    say("installing Debian's chromium package for the browser test (first run only)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        if subprocess.call(command, env=env) != 0:
            sys.exit("course: apt-get could not install chromium; see the message above")


def browser_test(extra: list[str]) -> int:
    """Run every notebook of both editions in JupyterLab in headless Chromium (tests/browser)."""
    set_up_browser()
    say("running the browser test: every notebook in JupyterLab, in headless Chromium …")
    code = run(["-m", "pytest", "tests/browser", *extra])
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    if code == 0:
        say("the browser test passed; screenshots are in tests/browser/screenshots/")
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test", "setup"}:
        print(__doc__)
        return 2
    set_up()
    if argv[0] == "lab":
        return lab(argv[1:])
    if argv[0] == "test" and "--browser" in argv[1:]:
        return browser_test([arg for arg in argv[1:] if arg != "--browser"])
    if argv[0] == "test":
        return test(argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
