from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def format_hours(value) -> str:
    """Hours with one decimal, rounded half up, Dutch style: 2,5 (number_format alone would truncate)."""
    if value is None:
        return "—"
    return number_format(Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)
