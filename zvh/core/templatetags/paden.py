"""``{% url_pk "cases:casus_detail" casus.pk %}``: ``{% url %}`` for a URL with one integer key, for the rows of a
list (see ``zvh.core.paths``), and ``{% csrf_veld as veld %}`` … ``{{ veld }}``: the CSRF field rendered once for a
list with a form per row. A builtin library (settings ``TEMPLATES``): no ``{% load %}`` needed."""

from django import template
from django.utils.html import format_html

from zvh.core.paths import path_pk

register = template.Library()


@register.simple_tag
def url_pk(name: str, pk) -> str:
    return path_pk(name, pk)


@register.simple_tag(takes_context=True)
def csrf_veld(context) -> str:
    """What ``{% csrf_token %}`` renders, once: each ``{% csrf_token %}`` masks the token anew, and every masking of
    the same secret is valid, so the forms of one list can share one."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
