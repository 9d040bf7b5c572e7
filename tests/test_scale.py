"""Every stage runs in time linear in the text: adversarial inputs of 1 MB (issue 11).

Each input is about 1 MB of made-up text built to hit a slow path: one huge paragraph,
ten thousand short paragraphs, a line without spaces, long runs of capitalised words,
runs of dots, repeated prepositions. Every stage (clean, actors, dates, timeline) must
handle each in LIMIT_SECONDS of CPU time (CPU, not wall-clock, time: the reference machine
has 2 cores shared by several jobs). Measured there on 2026-12-07 under load (so slower
than on a quiet machine): clean 0.2-0.6 s, dates 0.07-1.8 s, actors 0.3-2.9 s (2.9 s on
the run of capitalised words, where every few words are a title and a name), the event stage
0.06-0.7 s and 3.7-5.2 s on the two inputs of ordinary sentences (about ten thousand events in
1 MB). Before issue 11 clean did not finish the 1 MB paragraph in 30 s, dates took 9-15 s
wall-clock on most inputs, actors 6-28 s and the event stage up to 33 s. The limit leaves a
margin over those figures, and a quadratic stage (minutes on 1 MB) still fails clearly.

The stages run in a child process, so that a stage that hangs is stopped (and reported) at
the deadline instead of hanging the test run. A 50 MB text must either be refused up front
with a CourseError that names the limit, or be cleaned without running out of memory.

Run only these tests with ``python3 course.py test -k scale``.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: CPU seconds one stage may take on one of the 1 MB inputs (measured figures: see above).
LIMIT_SECONDS = 4.0
#: The child is stopped when a stage has run this many times the limit in wall-clock time
#: (plus the grace): on a busy machine CPU time, which is what is measured, runs slower.
WALL_FACTOR = 3
GRACE_SECONDS = 2.0
SIZE = 1_000_000
PUBLISHED = "2023-02-03"
STAGES = ("clean", "actors", "dates", "timeline")
TESTS = Path(__file__).resolve().parent

SENTENCES = [
    "Vesland troops shelled the border town of Ostrava on Tuesday, the ministry said.",
    "Jane Roe, the foreign minister of Kalonia, met her Vesland counterpart last week.",
    "Gen. J. Roe told U.S. envoys on Sept. 13 that talks will resume next month.",
    "The ceasefire agreed in March 2023 held until the late 1990s' border dispute flared.",
    "“We are ready,” the Kalonia government said in a statement on Saturday night.",
]


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def make_input(name: str, size: int = SIZE) -> str:
    """The adversarial article ``name``, about ``size`` characters, with a title line."""
    title = "Talks Between Vesland And Kalonia\n\n"
    if name == "paragraph":  # one huge paragraph of ordinary sentences
        body = _repeat(" ".join(SENTENCES) + " ", size)
    elif name == "paragraphs":  # ten thousand short paragraphs (at 1 MB)
        body = "\n\n".join(SENTENCES[i % 5] for i in range(size // 100))
    elif name == "no-spaces":  # a sentence whose middle is one 1 MB word without a space
        body = "The envoys said " + _repeat("Vesland,Kalonia.Ostrava-Roe;", size) + " agreed."
    elif name == "capitals":  # a run of capitalised words with no sentence end
        body = _repeat("Vesland Kalonia Ostrava Jane Roe Minister President Gen ", size)
    elif name == "dots":  # runs of dots, spaced and not
        body = _repeat("Vesland" + "." * 997 + " ", size) + " " + _repeat(". ", size // 4)
    elif name == "prepositions":  # repeated prepositions, as before a place name
        body = _repeat("in the of at on to from near by in ", size) + "Vesland."
    else:
        raise ValueError(name)
    return title + body


INPUTS = ("paragraph", "paragraphs", "no-spaces", "capitals", "dots", "prepositions")

# The child: builds the input, runs each stage not in SKIP, prints a JSON line as each stage
# starts and ends. A stage that refuses the text with the package's own error has answered.
_CHILD = """
import json, sys, time
sys.path.insert(0, {tests!r})
from test_scale import make_input
from course_utils.article import clean_article
from course_utils.actors import find_actors
from course_utils.dates import find_dates
from course_utils.errors import CourseError
from course_utils.events import build_timeline
raw = make_input({name!r}, {size})
steps = [
    ("clean", lambda _: clean_article(raw, {published!r})),
    ("actors", lambda a: find_actors(a)),
    ("dates", lambda a: find_dates(a, {published!r})),
    # the timeline stage alone: it is given the actor and date tables the stages above made
    # (or finds them itself where those stages were skipped)
    ("timeline", lambda a: build_timeline(
        a, {published!r}, mentions=done.get("actors"), dates=done.get("dates"))),
]
article, done = None, {{}}
for stage, run in steps:
    if stage in {skip!r}:
        continue
    print(json.dumps({{"stage": stage, "started": True}}), flush=True)
    start = time.process_time()
    try:
        result = run(article)
    except CourseError as err:
        seconds = time.process_time() - start
        print(json.dumps({{"stage": stage, "seconds": seconds, "refused": str(err)}}), flush=True)
        break
    print(json.dumps({{"stage": stage, "seconds": time.process_time() - start}}), flush=True)
    if stage == "clean":
        article = result
    done[stage] = result
"""


def _run_child(code: str, limit: float, times: dict[str, float]) -> str | None:
    """Run one child, filling ``times``; return the stage stopped at its deadline, if any."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60  # building the input and importing pandas
    pending, running = b"", None
    try:
        while True:
            wait = max(0, deadline - time.monotonic())
            if not select.select([proc.stdout], [], [], wait)[0]:
                return running  # a stage ran past its deadline
            chunk = os.read(proc.stdout.fileno(), 65536)  # unbuffered: no line hides here
            if not chunk:
                return None  # the child ended
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                event = json.loads(line)
                if event.get("started"):
                    wall = limit * WALL_FACTOR + GRACE_SECONDS
                    running, deadline = event["stage"], time.monotonic() + wall
                else:
                    running, times[event["stage"]] = None, event["seconds"]
    finally:
        proc.kill()
        _, err = proc.communicate()
        message = err.decode("utf-8", "replace").strip()
        if proc.returncode not in (0, -9) and message:
            raise AssertionError(f"a stage raised: {message.splitlines()[-1]}")


def time_stages(
    name: str, size: int = SIZE, limit: float = LIMIT_SECONDS, skip: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Seconds each stage took on input ``name``. A stage still running ``GRACE_SECONDS``
    after ``limit`` is stopped and gets ``inf``; the other stages are then timed in a new
    child without it. If cleaning is stopped, no later stage can run: all get ``inf``."""
    times = dict.fromkeys(STAGES, float("inf"))
    skip = set(skip)
    while True:
        code = _CHILD.format(
            tests=str(TESTS), name=name, size=size, published=PUBLISHED, skip=sorted(skip)
        )
        stopped = _run_child(code, limit, times)
        if stopped is None or stopped == "clean":
            return times
        skip |= {stopped, *(s for s in STAGES if times[s] != float("inf"))} - {"clean"}


_MEASURED: dict[str, dict[str, float]] = {}

# Stages that are linear but not yet within the limit: they are not run here and are marked
# xfail, with what they measure. Remove an entry when the stage gets there; the test then
# holds that stage to the limit. To measure every stage on one input, from tests/:
#     python -c "from test_scale import time_stages; print(time_stages('paragraph', limit=30))"
# Measured 2026-12-08 on the reference machine (CPU s on 1 MB, quiet machine): the event
# stage (timed as "timeline", given the actor and date tables) takes 2.8 on "paragraph" and
# 2.5 on "paragraphs", the two inputs of ordinary sentences with about ten thousand events
# per MB; actors take 1.8 on "capitals"; every other stage and input 0.02-1.2. No stage is
# pending: each is held to the limit.
PENDING: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", INPUTS)
def test_each_stage_handles_1_mb_in_linear_time(
    name: str, stage: str, request: pytest.FixtureRequest
) -> None:
    run_pending = request.config.getoption("runxfail")  # pytest --runxfail times them too
    if (name, stage) in PENDING:
        pytest.xfail(PENDING[(name, stage)])
    if name not in _MEASURED:
        pending = frozenset(s for (n, s) in PENDING if n == name and not run_pending)
        _MEASURED[name] = time_stages(name, skip=pending - {"clean"})
    seconds = _MEASURED[name][stage]
    assert seconds <= LIMIT_SECONDS, (
        f"{stage} took {seconds:.1f} s on the 1 MB '{name}' input (limit {LIMIT_SECONDS} s): "
        f"all stages: { {k: round(v, 2) for k, v in _MEASURED[name].items()} }"
    )


_BIG = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
sys.path.insert(0, {tests!r})
from test_scale import make_input
from course_utils.article import clean_article
from course_utils.errors import CourseError
raw = make_input("paragraphs", 50_000_000)
try:
    article = clean_article(raw, "2023-02-03")
except CourseError as err:
    print("refused:", err)
else:
    print("cleaned:", len(article.paragraphs))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="uses resource limits (POSIX)")
def test_50_mb_is_refused_up_front_or_cleaned_within_memory() -> None:
    memory = 4 * 1024**3  # 4 GB of address space: about 80 bytes per input character
    code = _BIG.format(tests=str(TESTS), memory=memory)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail("cleaning 50 MB neither finished in 120 s nor was refused up front")
    assert proc.returncode == 0, proc.stderr.strip().splitlines()[-1:]
    out = proc.stdout.strip()
    if out.startswith("refused:"):
        assert "MB" in out, f"the refusal must name the limit: {out}"
    else:
        assert out.startswith("cleaned:") and int(out.split()[-1]) > 0
