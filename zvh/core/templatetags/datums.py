"""``{{ d|datum }}`` → "18 dec. 2026" (text), ``{{ d|datum_kort }}`` → "18-12-2026" (tables).

Both take options as one string: ``{{ o.datum_tijd|datum:"dag tijd" }}`` → "vrijdag 18 dec. 2026, 14:30",
``{{ e.timestamp|datum_kort:"seconden" }}`` → "18-12-2026 14:30:05". Registered as a builtin library (settings
``TEMPLATES``), so templates need no ``{% load %}``. Empty values render as "" so ``|default:"—"`` works.
"""

from django import template

from zvh.core.dates import datum_tabel, datum_tekst

register = template.Library()


@register.filter(expects_localtime=True)
def datum(value, opties: str = "") -> str:
    return datum_tekst(value or None, opties)


@register.filter(expects_localtime=True)
def datum_kort(value, opties: str = "") -> str:
    return datum_tabel(value or None, opties)
