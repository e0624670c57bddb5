"""Form fields that refuse input the rest of the application cannot handle, with a clear Dutch message.

Dates at the edges of the calendar (0001-01-01, 9999-12-31) overflow as soon as a view adds a week or converts to
UTC; control characters (CR/LF, NUL, ESC) in a single-line text break iCalendar, CSV and log lines. Both are
refused at the form, before any service sees them.
"""

import re
import unicodedata
from datetime import date

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
DATE_RANGE_MESSAGE = _("Vul een datum in tussen 1-1-1900 en 31-12-2100.")

# C0 and C1 control characters (CR, LF, tab, NUL, ESC, ...) and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# In multi-line text, line breaks and tabs are fine; other control characters are not.
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def validate_date_range(value: date) -> None:
    if value is not None and not (DATE_MIN <= value <= DATE_MAX):
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_range")


def validate_single_line(value: str) -> None:
    if value and (_CONTROL.search(value) or any(unicodedata.category(c) == "Cs" for c in value)):
        raise ValidationError(
            _("Dit veld mag geen regeleinden of stuurtekens bevatten. Gebruik één regel gewone tekst."),
            code="control_characters",
        )


def validate_text(value: str) -> None:
    if value and _CONTROL_MULTILINE.search(value):
        raise ValidationError(_("De tekst bevat stuurtekens die niet zijn toegestaan."), code="control_characters")


class DateField(forms.DateField):
    """A date between 1900 and 2100: anything else gets a Dutch message instead of an overflow further on."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_date_range)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (OverflowError, ValueError) as exc:  # e.g. a year with 20 digits
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc


class DateFilter(django_filters.DateFilter):
    """A list filter on a date, with the same bounds and messages as ``DateField``."""

    field_class = DateField


class SingleLineField(forms.CharField):
    """One line of text (titles, names, places): no line breaks or control characters."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.validators.append(validate_single_line)


class TextField(forms.CharField):
    """Free text with a server-side length limit (a browser's maxlength is no limit)."""

    def __init__(self, *, max_length: int = 5000, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(validate_text)


def strip_control_characters(value: str) -> str:
    """For output formats with line structure (iCalendar, CSV, logs): control characters become spaces."""
    return _CONTROL.sub(" ", value or "")


# Free text (verslag, logboek, motivering): generous, but a 2.4 MB paste is refused with a message.
MAX_TEXT = 10_000


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but a number too large for the database (``18446744073709551616``) is an invalid choice with
    a Dutch message instead of an OverflowError (SQLite raises it for ``pk__in``; exact lookups Django handles)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "…"}
            ) from exc
