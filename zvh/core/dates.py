"""The one Dutch date style of the application.

In running text a date reads "18 dec. 2026" (the Taalunie abbreviations, lower case, a full stop except for
"mei"); in tables and lists it reads "18-12-2026", always two digits for day and month so columns line up. The
template filters ``datum`` and ``datum_kort`` (``zvh/core/templatetags/datums.py``, loaded everywhere) and Python
code (PDFs, messages, exports) all call these two functions, so the style is decided here only.
"""

from datetime import date, datetime

from django.utils import timezone

MAANDEN_KORT = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAGEN_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
OPTIES = frozenset({"dag", "tijd", "seconden", "zonder_jaar"})


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _tijd(value: date | datetime, seconden: bool) -> str:
    if not isinstance(value, datetime):
        return ""
    return f"{value:%H:%M:%S}" if seconden else f"{value:%H:%M}"


def parse_opties(opties: str | None) -> set[str]:
    """``"dag tijd"`` → {"dag", "tijd"}; unknown words are a programming error, not silently ignored."""
    gekozen = set((opties or "").replace(",", " ").split())
    onbekend = gekozen - OPTIES
    if onbekend:
        raise ValueError(f"Onbekende datumoptie(s): {', '.join(sorted(onbekend))}")
    return gekozen


def datum_tekst(value: date | datetime | None, opties: str | None = None) -> str:
    """Text style "18 dec. 2026"; options: ``dag`` ("vrijdag 18 dec. 2026"), ``tijd`` (", 14:30"), ``zonder_jaar``."""
    if value is None or value == "":
        return ""
    gekozen = parse_opties(opties)
    value = _local(value)
    tekst = f"{value.day} {MAANDEN_KORT[value.month - 1]}"
    if "zonder_jaar" not in gekozen:
        tekst += f" {value.year}"
    if "dag" in gekozen:
        tekst = f"{DAGEN[value.weekday()]} {tekst}"
    if gekozen & {"tijd", "seconden"} and isinstance(value, datetime):
        tekst += f", {_tijd(value, 'seconden' in gekozen)}"
    return tekst


def datum_tabel(value: date | datetime | None, opties: str | None = None) -> str:
    """Table style "18-12-2026"; options: ``dag`` ("vr 18-12-2026"), ``tijd`` (" 14:30"), ``seconden`` (" 14:30:05")."""
    if value is None or value == "":
        return ""
    gekozen = parse_opties(opties)
    value = _local(value)
    tekst = f"{value.day:02d}-{value.month:02d}-{value.year}"
    if "zonder_jaar" in gekozen:
        tekst = tekst[:5]
    if "dag" in gekozen:
        tekst = f"{DAGEN_KORT[value.weekday()]} {tekst}"
    if gekozen & {"tijd", "seconden"} and isinstance(value, datetime):
        tekst += f" {_tijd(value, 'seconden' in gekozen)}"
    return tekst
