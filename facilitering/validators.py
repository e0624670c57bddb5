"""Bookings hold no client data. A light guard against the most identifying mistake: a BSN in free text."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NINE_DIGITS = re.compile(r"(?<!\d)(\d{9})(?!\d)")


def is_bsn(number: str) -> bool:
    """The eleven-proof (elfproef) that every BSN passes."""
    if len(number) != 9 or not number.isdigit() or number == "000000000":
        return False
    digits = [int(d) for d in number]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def validate_no_client_data(value: str) -> None:
    if any(is_bsn(match) for match in NINE_DIGITS.findall(value or "")):
        raise ValidationError(
            _("Dit lijkt een BSN te bevatten. Een boeking bevat geen cliëntgegevens: laat het nummer weg."),
            code="client_data",
        )
