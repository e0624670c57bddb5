"""``{{ d|datum }}`` → "18 dec. 2026" (text), ``{{ d|datum_kort }}`` → "18-12-2026" (tables); ``{% tabel_id %}``.

Both take options as one string: ``{{ o.datum_tijd|datum:"dag tijd" }}`` → "vrijdag 18 dec. 2026, 14:30",
``{{ e.timestamp|datum_kort:"seconden" }}`` → "18-12-2026 14:30:05". Registered as a builtin library (settings
``TEMPLATES``), so templates need no ``{% load %}``. Empty values render as "" so ``|default:"—"`` works.
"""

from datetime import date

from django import template

from zvh.core.dates import datum_tabel, datum_tekst

register = template.Library()


@register.filter(expects_localtime=True)
def datum(value, opties: str = "") -> str:
    # Like Django's |date: anything that is not a date renders as "" instead of breaking the page.
    return datum_tekst(value, opties) if isinstance(value, date) else ""


@register.filter(expects_localtime=True)
def datum_kort(value, opties: str = "") -> str:
    return datum_tabel(value, opties) if isinstance(value, date) else ""


@register.simple_tag(takes_context=True)
def tabel_id(context) -> str:
    """A page-unique id for a table caption, so its scroll box can be ``aria-labelledby`` it (also in includes)."""
    base = context.dicts[0]  # the one dict every include of this render shares
    base["_tabel_teller"] = base.get("_tabel_teller", 0) + 1
    return f"tabel-{base['_tabel_teller']}"
