"""Errors that the course's helpers raise for bad input.

Every message says what went wrong and what to do about it, in plain words, so that a
notebook cell or the command line can show it to a student as it is.

>>> try:
...     raise EmptyArticleError("the article is empty: paste the article's text and try again")
... except CourseError as err:
...     print(err)
the article is empty: paste the article's text and try again
"""

from __future__ import annotations


class CourseError(ValueError):
    """Base class: bad input that a person can fix. The message says how."""


class ArticleFileError(CourseError):
    """The article file is missing, unreadable, or not UTF-8 text."""


class ArticleTooLargeError(ArticleFileError):
    """The text is far longer than any news article: it must be split first."""


class NotPlainTextError(CourseError):
    """The input looks like HTML (or another markup) rather than text saved from a page."""


class EmptyArticleError(CourseError):
    """The input has no text, or no body paragraphs once page furniture is removed."""


class PublicationDateError(CourseError):
    """A publication date is missing or malformed, and relative dates need one."""


class AnswerKeyError(CourseError):
    """An answer-key file is missing or does not match its article."""
