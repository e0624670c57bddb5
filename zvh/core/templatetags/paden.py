"""``{% url_pk "cases:casus_detail" casus.pk %}``: ``{% url %}`` for a URL with one integer key, for the rows of a
list (see ``zvh.core.paths``). A builtin library (settings ``TEMPLATES``): no ``{% load %}`` needed."""

from django import template

from zvh.core.paths import path_pk

register = template.Library()


@register.simple_tag
def url_pk(name: str, pk) -> str:
    return path_pk(name, pk)
