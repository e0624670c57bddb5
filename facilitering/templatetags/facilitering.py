from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.dates import datum_tabel, datum_tekst
from zvh.core.paths import path_pk

from ..choices import BookingStatus
from ..formatting import format_hours
from ..models import Booking

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


class _Items:
    """What every booking of one calendar page shares (status tags, words), worked out once per page; paths by
    ``path_pk`` (no resolver walk per booking)."""

    def __init__(self):
        self.status = {}
        for status in BookingStatus:
            tag = Booking(status=status).status_tag
            self.status[status.value] = format_html(
                '<span class="tag{}">{}</span>', f" tag--{tag}" if tag else "", status.label
            )
        self.over_budget = format_html(' <span class="tag tag--warning">{}</span>', gettext("boven budget"))
        self.no_room, self.unassigned = escape(gettext("geen zaal")), escape(gettext("niet toegewezen"))
        self.ics_label = escape(gettext("In mijn agenda (.ics)"))

    def item(self, booking, per: str) -> str:
        meta = []
        if per != "partner":
            meta.append(escape(booking.organisation))
        if per != "zaal":
            meta.append(escape(booking.room) if booking.room_id else self.no_room)
        if per != "medewerker":
            meta.append(escape(booking.medewerker.display_name) if booking.medewerker_id else self.unassigned)
        title = escape(booking.title)
        over_budget = self.over_budget if booking.over_budget_reason and booking.is_active else ""
        hidden = escape(
            gettext("voor %(title)s op %(when)s") % {"title": booking.title, "when": datum_tekst(booking.date)}
        )
        return (
            f'<li class="fac-item fac-item--{escape(booking.status)}">'
            f'<a href="{path_pk("facilitering:booking_detail", booking.pk)}"><span class="fac-item__time">'
            f"{booking.start_time:%H:%M}–{booking.end_time:%H:%M}</span> {title}</a>\n"
            f'<span class="fac-item__meta">{" · ".join(meta)}</span>\n'
            f"{self.status[booking.status]}{over_budget}\n"
            f'<a href="{path_pk("facilitering:booking_ics", booking.pk)}" download>{self.ics_label}'
            f'<span class="visually-hidden"> {hidden}</span></a>\n</li>'
        )

    def row(self, booking) -> str:
        """One row of the list view (the same cells as a ``{% for %}`` over the bookings with ``_status.html``)."""
        over_budget = self.over_budget if booking.over_budget_reason and booking.is_active else ""
        medewerker = escape(booking.medewerker.display_name) if booking.medewerker_id else ""
        return (
            f"<tr>\n<td>{datum_tabel(booking.date, 'dag')}</td>\n"
            f"<td>{booking.start_time:%H:%M}–{booking.end_time:%H:%M}</td>\n"
            f'<td><a href="{path_pk("facilitering:booking_detail", booking.pk)}">{escape(booking.title)}</a></td>\n'
            f"<td>{escape(booking.organisation)}</td>\n"
            f"<td>{escape(booking.room) if booking.room_id else '—'}</td>\n"
            f"<td>{medewerker or '—'}</td>\n"
            f"<td>{self.status[booking.status]}{over_budget}</td>\n</tr>\n"
        )


def _items(context) -> _Items:
    items = context.render_context.get(_Items)
    if items is None:
        items = context.render_context[_Items] = _Items()
    return items


@register.simple_tag(takes_context=True)
def boeking_rijen(context, bookings) -> SafeString:
    """The rows of the calendar's list view, built here for the same reason as ``kalender_items``: a month at 250k
    cases lists 800 bookings, and the row fragment with its include and ``{% url %}`` cost a quarter of a
    millisecond each. Every value is escaped here."""
    return mark_safe("".join(_items(context).row(booking) for booking in bookings))  # noqa: S308


@register.simple_tag(takes_context=True)
def kalender_items(context, bookings, per: str) -> SafeString:
    """The bookings of one day in the week or month grid, each as a list item: link, time, title, who and where
    (what the row does not already say), status and the .ics link, the same markup as ``_status.html`` and
    ``_booking_ics_link.html``. Every value is escaped here.

    Built here rather than with includes: the busiest secretariaat's week holds 170 bookings and a month 800 (at
    250k cases), and the template fragment (three includes, two ``{% url %}``) cost a quarter of a millisecond
    each; this costs a tenth of that."""
    return mark_safe("".join(_items(context).item(booking, per) for booking in bookings))  # noqa: S308
