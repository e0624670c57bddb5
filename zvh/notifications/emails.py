"""The e-mails: what happened and a link into the application, never who it is about.

No names, BSNs, case numbers or case subjects: the link leads behind the login, where the access layer decides
what the recipient sees. An invitation carries the meeting as an ``.ics`` (date, time, place, link).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.ical import overleg_calendar
from cases.models import Casusoverleg
from zvh.core.dates import datum_tekst

from .choices import NotificationKind
from .models import Notification

ICS_NAME = "casusoverleg-%(pk)s.ics"
ICS_MIMETYPE = "text/calendar; charset=utf-8; method=PUBLISH"


@dataclass
class Item:
    text: str
    link: str
    attachment: tuple[str, bytes] | None = None


def _url(name: str, **kwargs) -> str:
    return settings.ZVH_BASE_URL + reverse(name, kwargs=kwargs or None)


def _invitation(notification: Notification) -> Item:
    overleg = Casusoverleg.objects.filter(pk=notification.object_id).first()
    if overleg is None:
        return Item(_("Een casusoverleg waarvoor u was uitgenodigd, is vervallen."), _url("cases:overleg_list"))
    moment = timezone.localtime(overleg.datum_tijd)
    text = _("U bent uitgenodigd voor een %(soort)s op %(datum)s om %(tijd)s.") % {
        "soort": overleg.get_soort_display().lower(),
        "datum": datum_tekst(moment, "dag"),
        "tijd": formats.time_format(moment, "H:i"),
    }
    attachment = (ICS_NAME % {"pk": overleg.pk}, overleg_calendar(overleg))
    return Item(text, _url("cases:overleg_detail", pk=overleg.pk), attachment)


def item_for(notification: Notification) -> Item:
    kind = NotificationKind(notification.kind)
    if kind == NotificationKind.TOEGANG:
        return Item(
            _("U of uw organisatie heeft toegang gekregen tot een casus."),
            _url("cases:casus_detail", pk=notification.object_id),
        )
    if kind == NotificationKind.AFSPRAAK:
        return Item(
            _("Er is een afspraak aan u of uw organisatie toegewezen."),
            _url("cases:casus_detail", pk=notification.object_id),
        )
    if kind == NotificationKind.UITNODIGING:
        return _invitation(notification)
    n = notification.aantal or 0
    return Item(
        ngettext(
            "%(n)s afspraak van u of uw organisatie is over de deadline.",
            "%(n)s afspraken van u of uw organisatie zijn over de deadline.",
            n,
        )
        % {"n": n},
        _url("core:home"),
    )


SUBJECTS = {
    NotificationKind.TOEGANG: _("Toegang tot een casus in ZVH Casusregie"),
    NotificationKind.AFSPRAAK: _("Nieuwe afspraak voor u in ZVH Casusregie"),
    NotificationKind.UITNODIGING: _("Uitnodiging voor een casusoverleg"),
    NotificationKind.HERINNERING: _("Herinnering: afspraken over de deadline"),
}


def _message(*, recipient, subject: str, items: Sequence[Item]) -> EmailMessage:
    body = render_to_string(
        "notifications/email/message.txt",
        {
            "items": items,
            "zvh_name": settings.ZVH_NAME,
            "account_link": _url("two_factor:profile"),
        },
    )
    message = EmailMessage(subject=subject, body=body, to=[recipient.email])
    for item in items:
        if item.attachment:
            message.attach(item.attachment[0], item.attachment[1], ICS_MIMETYPE)
    return message


def single_message(notification: Notification) -> EmailMessage:
    subject = str(SUBJECTS[NotificationKind(notification.kind)])
    return _message(recipient=notification.recipient, subject=subject, items=[item_for(notification)])


def digest_message(recipient, notifications: Sequence[Notification]) -> EmailMessage:
    n = len(notifications)
    subject = ngettext(
        "Dagoverzicht ZVH Casusregie: %(n)s melding", "Dagoverzicht ZVH Casusregie: %(n)s meldingen", n
    ) % {"n": n}
    return _message(recipient=recipient, subject=subject, items=[item_for(x) for x in notifications])
