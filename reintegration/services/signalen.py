"""The daily signal e-mail to the coördinatoren re-integratie: counts only, never names, BSNs or traject numbers."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.access.models import Team
from zvh.accounts.models import User

from ..access import COORDINATOR_TEAM, is_coordinator
from ..models import SignaalMail
from ..selectors.signals import SignalCount, signal_counts


def coordinators() -> list[User]:
    team = Team.objects.filter(code=COORDINATOR_TEAM).first()
    if team is None:
        return []
    users = team.leden.filter(is_active=True).exclude(email="").select_related("organisation").order_by("pk")
    return [user for user in users if is_coordinator(user)]


def signal_mail_text(counts: list[SignalCount]) -> str:
    lines = [f"- {count.signaal.label}: {count.aantal}" for count in counts if count.aantal]
    return _(
        "Goedemorgen,\n\nIn ZVH Casusregie vragen re-integratietrajecten van uw gemeente aandacht:\n\n%(regels)s\n\n"
        "U vindt ze onder ‘Mijn werk’ en in de lijst Re-integratie (filter ‘Alleen met signaal’).\n\n%(zvh)s"
    ) % {"regels": "\n".join(lines), "zvh": settings.ZVH_NAME}


def signal_mails_send(*, today: date | None = None) -> int:
    """One e-mail per coördinator per day, only when something needs attention. Idempotent: the SignaalMail row
    and the e-mail are one unit (a failed send rolls the row back, so a retry sends it; a second run sends
    nothing)."""
    today = today or timezone.localdate()
    sent = 0
    for user in coordinators():
        if SignaalMail.objects.filter(ontvanger=user, datum=today).exists():
            continue
        counts = signal_counts(user, today)
        if not any(count.aantal for count in counts):
            continue
        with transaction.atomic():
            _row, created = SignaalMail.objects.get_or_create(ontvanger=user, datum=today)
            if not created:
                continue
            send_mail(
                subject=_("Re-integratie: %(n)s signalen vandaag") % {"n": sum(c.aantal for c in counts)},
                message=signal_mail_text(counts),
                from_email=None,
                recipient_list=[user.email],
            )
        sent += 1
    return sent
