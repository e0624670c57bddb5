"""The one CSV writer of the application: every export goes through it.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or carriage
return) as a formula: a text such as ``=HYPERLINK("https://…", "klik")`` typed into an activity name would run in
the FG's or manager's Excel. Such cells get a leading apostrophe (OWASP's advice), so they show as typed and never
run. Plain numbers (``-3``, ``-2,5``) stay numbers.
"""

import csv
import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)*$")


def neutralise(value: Any) -> Any:
    """A cell as it may safely go into a CSV file for a spreadsheet program."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START) or _NUMBER.match(value):
        return value
    return "'" + value


class SafeWriter:
    """``csv.writer`` with every cell neutralised. Semicolon by default: Dutch Excel's list separator."""

    def __init__(self, stream, *, delimiter: str = ";", **kwargs):
        self._writer = csv.writer(stream, delimiter=delimiter, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream, **kwargs) -> SafeWriter:
    return SafeWriter(stream, **kwargs)
