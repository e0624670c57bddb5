"""Dutch formatting for reports: "1.234,5", "31 december 2022". Independent of the active locale settings."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone, translation
from django.utils.numberformat import format as number_format

Numeric = int | float | Decimal


def nl_number(value: Numeric | None, decimals: int | None = None, empty: str = "—") -> str:
    """Dutch notation with thousands separator. Whole numbers without decimals unless ``decimals`` is given."""
    if value is None:
        return empty
    value = Decimal(str(value))
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 1
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return number_format(
        value, decimal_sep=",", decimal_pos=decimals, grouping=3, thousand_sep=".", force_grouping=True
    )


def nl_percent(value: Numeric | None, empty: str = "—") -> str:
    return empty if value is None else f"{nl_number(value, 0)}%"


def nl_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    with translation.override("nl"):
        return formats.date_format(value, "j F Y")


def nl_datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{nl_date(local)} om {local:%H:%M}"
