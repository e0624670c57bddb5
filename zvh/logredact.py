"""Secrets that travel in a URL never reach a log line.

The personal iCalendar feed (``/facilitering/feed/<token>.ics``) is opened by calendar programs without login: the
token in its path is the key. It is redacted from gunicorn's access log (``RedactingGunicornLogger``, set in
``gunicorn.conf.py``) and from every Django log record (``RedactSecretsFilter`` on the console handler).
"""

import logging
import re

from gunicorn.glogging import Logger

_FEED = re.compile(r"(/facilitering/feed/)[^/\s?\"'.]+(\.ics)?")
_RESET = re.compile(r"(/wachtwoord/instellen/)[^/\s?\"']+/[^/\s?\"']+")
REDACTED = r"\1[token]\2"


def redact(text: str) -> str:
    """The feed token and the one-time password link replaced by ``[token]``."""
    if not text:
        return text
    return _RESET.sub(r"\1[token]", _FEED.sub(REDACTED, text))


class RedactSecretsFilter(logging.Filter):
    """A logging filter: redacts the feed token in the message and its arguments, then lets the record pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        request = getattr(record, "request", None)
        if request is not None and redact(getattr(request, "path", "") or "") != (getattr(request, "path", "") or ""):
            record.request = None  # Django's request logger attaches the request; its repr holds the path
        return True


class RedactingGunicornLogger(Logger):
    """gunicorn's logger, with the request line and path redacted in the access log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
