from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role

from ..formatting import format_hours

register = template.Library()

TABS = [
    ("booking_list", _("Boekingen"), (Role.SECRETARIAAT, Role.KETENPARTNER)),
    ("calendar", _("Agenda"), (Role.SECRETARIAAT, Role.KETENPARTNER)),
    ("budget_overview", _("Budget"), (Role.SECRETARIAAT, Role.MANAGER)),
    ("agreement_list", _("Afspraken"), (Role.SECRETARIAAT, Role.MANAGER, Role.KETENPARTNER)),
    ("feed_settings", _("Agenda-abonnement"), (Role.SECRETARIAAT, Role.KETENPARTNER)),
]
SECTION = {
    "booking_create": "booking_list",
    "booking_detail": "booking_list",
    "booking_update": "booking_list",
    "booking_confirm": "booking_list",
    "booking_realise": "booking_list",
    "booking_cancel": "booking_list",
    "series_detail": "booking_list",
    "series_confirm": "booking_list",
    "series_cancel": "booking_list",
    "agreement_create": "agreement_list",
    "agreement_update": "agreement_list",
}


@register.inclusion_tag("facilitering/_tabs.html", takes_context=True)
def facilitering_tabs(context) -> dict:
    """The app's own sub-navigation, per role, with the current section marked."""
    request = context["request"]
    current = getattr(request.resolver_match, "url_name", "")
    section = SECTION.get(current, current)
    tabs = [
        {"label": label, "url": reverse(f"facilitering:{name}"), "current": name == section}
        for name, label, roles in TABS
        if request.user.has_role(*roles)
    ]
    return {"tabs": tabs if len(tabs) > 1 else []}


@register.filter
def hours(value) -> str:
    """Hours with one decimal, Dutch style (2,5)."""
    return format_hours(value)
