"""The daily "never too late" e-mail to the BIJ team."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.access.models import Team

from .choices import TEAM_BIJ
from .models import Dagmelding
from .selectors import late_count_all, termijn_dagen


@shared_task(time_limit=120, soft_time_limit=100, acks_late=True)
def send_late_meldingen_mail() -> bool:
    """Mail the BIJ team when any melding is late. Idempotent: at most one e-mail per day, however often beat
    runs it or the broker re-delivers it (the unique Dagmelding row for today is written in the same transaction).
    The e-mail holds a number and a link, no personal data."""
    today = timezone.localdate()
    if Dagmelding.objects.filter(datum=today).exists():
        return False
    count = late_count_all(today)
    if not count:
        return False
    try:
        with transaction.atomic():
            Dagmelding.objects.create(datum=today, aantal=count)
            recipients = sorted(
                Team.objects.get(code=TEAM_BIJ)
                .leden.filter(is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if recipients:
                send_mail(
                    subject=_("BIJ: %(n)s melding(en) zonder advies dreigen te laat te komen") % {"n": count},
                    message=_(
                        "Er zijn %(n)s BIJ-meldingen zonder advies aan de burgemeester waarvan de verwachte datum "
                        "binnen %(dagen)s dagen ligt of al voorbij is.\n\nBekijk ze in ZVH Casusregie: %(pad)s "
                        "(filter ‘Alleen te laat’).\n\n%(zvh)s"
                    )
                    % {
                        "n": count,
                        "dagen": termijn_dagen(),
                        "pad": reverse("bij:melding_list"),
                        "zvh": settings.ZVH_NAME,
                    },
                    from_email=None,
                    recipient_list=recipients,
                )
    except IntegrityError:
        return False  # another worker wrote today's row first: it sends the mail
    return True
