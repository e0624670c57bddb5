"""CSV cells that a spreadsheet will not execute: a cell starting with = + - @ (or a tab / carriage return) is a
formula to Excel and LibreOffice; prefix it with an apostrophe so it is shown as text (OWASP CSV injection)."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_row(values) -> list[str]:
    return [safe_cell(v) for v in values]
