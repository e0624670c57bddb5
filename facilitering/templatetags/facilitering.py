from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.dates import datum_tekst
from zvh.core.links import pk_url

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


_ITEM_URLS = "facilitering_kalender_urls"


@register.simple_tag(takes_context=True)
def kalender_item(context, booking, per: str) -> SafeString:
    """One booking in the week or month grid: link, time, title, who/where (what the row does not already say),
    status and the .ics link; the same markup as ``_status.html`` and ``_booking_ics_link.html``.

    Built here rather than in an include: the busiest secretariaat's month holds hundreds of bookings and the
    template fragment (three includes, two ``{% url %}``) cost a quarter of a millisecond each."""
    urls = context.render_context.get(_ITEM_URLS)
    if urls is None:
        urls = context.render_context[_ITEM_URLS] = (
            pk_url("facilitering:booking_detail"),
            pk_url("facilitering:booking_ics"),
        )
    detail_url, ics_url = urls
    meta = []
    if per != "partner":
        meta.append(str(booking.organisation))
    if per != "zaal":
        meta.append(str(booking.room) if booking.room_id else str(_("geen zaal")))
    if per != "medewerker":
        meta.append(booking.medewerker.display_name if booking.medewerker_id else str(_("niet toegewezen")))
    tag = f" tag--{booking.status_tag}" if booking.status_tag else ""
    over_budget = ""
    if booking.over_budget_reason and booking.is_active:
        over_budget = format_html(' <span class="tag tag--warning">{}</span>', _("boven budget"))
    return format_html(
        '<a href="{}"><span class="fac-item__time">{}–{}</span> {}</a>\n'
        '<span class="fac-item__meta">{}</span>\n'
        '<span class="tag{}">{}</span>{}\n'
        '<a href="{}" download>{}<span class="visually-hidden"> {}</span></a>\n',
        detail_url(booking.pk),
        f"{booking.start_time:%H:%M}",
        f"{booking.end_time:%H:%M}",
        booking.title,
        " · ".join(meta),
        tag,
        booking.get_status_display(),
        over_budget,
        ics_url(booking.pk),
        _("In mijn agenda (.ics)"),
        _("voor %(title)s op %(when)s") % {"title": booking.title, "when": datum_tekst(booking.date)},
    )
