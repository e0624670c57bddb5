"""Dutch formats (FORMAT_MODULE_PATH): Django's own, except that a date shown without the ``datum`` filters is
"18-12-2026" (two-digit day and month), never "4-10-2026" or a month name in another style. See zvh/core/dates.py."""

from django.conf.locale.nl.formats import *  # noqa: F403

DATE_FORMAT = "d-m-Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATETIME_FORMAT = "d-m-Y H:i"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
