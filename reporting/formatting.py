"""Dutch formatting for reports: "1.234,5", "31 dec. 2022". Independent of the active locale settings."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.numberformat import format as number_format

from zvh.core.dates import datum_tekst

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
    """The application's text style ("31 dec. 2022"), see zvh/core/dates.py."""
    return "—" if value is None else datum_tekst(value)


def nl_datetime(value: datetime | None) -> str:
    return "—" if value is None else datum_tekst(value, "tijd")
