"""Shared test settings: the hypothesis profiles used by tests/test_properties.py.

The property tests run inside ``python3 course.py test`` with the ``course`` profile: a
fixed number of examples (``COURSE_EXAMPLES``), derandomized so that every run, on every
machine and in CI, tries the same inputs and a failure can be replayed, and no example
database written to disk. Set ``HYPOTHESIS_PROFILE=thorough`` to search longer (random
inputs, many more examples) when changing a stage:

    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: Examples per property test in the normal test run (the file runs in well under 30 s).
COURSE_EXAMPLES = 40

settings.register_profile(
    "course",
    max_examples=COURSE_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,  # a shared machine can be slow; the scale tests time the stages instead
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "course"))
