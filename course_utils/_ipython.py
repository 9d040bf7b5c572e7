"""Show the course's own errors to students as one plain line, not a traceback.

A :class:`~course_utils.errors.CourseError` means bad input that a person can fix (a missing
file, an empty article, a malformed date), and its message says how. In a notebook, a full
traceback would bury that message under library internals, so when ``course_utils`` is
imported inside IPython or Jupyter this registers a handler that prints the message alone.
Other exceptions, which are bugs or the student's own code, keep their tracebacks.
"""

from __future__ import annotations

import sys
from typing import Any

from course_utils.errors import CourseError


def _show_course_error(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None
) -> None:
    print(f"{etype.__name__}: {value}", file=sys.stderr)


def install() -> bool:
    """Register the handler in the running IPython shell; return whether there was one.

    IPython is not imported here: outside a notebook or IPython, nothing happens.

    >>> install()  # in a plain Python process there is no shell to install into
    False
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    shell.set_custom_exc((CourseError,), _show_course_error)
    return True
