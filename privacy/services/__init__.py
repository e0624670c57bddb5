"""Writes of the privacy app. The access log writer is imported by the access gateway from here."""

from .access_log import access_log_record

__all__ = ["access_log_record"]
