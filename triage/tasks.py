from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Weging


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def send_triage_outcome(weging_id: int) -> bool:
    """Tell the melder the outcome of the triage. Idempotent: a re-delivered task sends nothing twice.

    The e-mail holds no personal data: only the aanmelding's number, the outcome and where to read more.
    """
    with transaction.atomic():
        weging = (
            Weging.objects.select_for_update()
            .select_related("aanmelding__ingediend_door")
            .filter(pk=weging_id, melder_gemaild_op__isnull=True)
            .first()
        )
        if weging is None:
            return False
        melder = weging.aanmelding.ingediend_door
        if melder.email:
            send_mail(
                subject=_("Uitkomst triage van uw aanmelding %(nr)s") % {"nr": weging.aanmelding_id},
                message=_(
                    "De triage van uw aanmelding %(nr)s is afgerond. Uitkomst: %(uitkomst)s.\n\n"
                    "De motivering leest u in ZVH Casusregie onder ‘Mijn werk’.\n\n%(zvh)s"
                )
                % {"nr": weging.aanmelding_id, "uitkomst": weging.get_uitkomst_display(), "zvh": settings.ZVH_NAME},
                from_email=None,
                recipient_list=[melder.email],
            )
        weging.melder_gemaild_op = timezone.now()
        weging.save(update_fields=["melder_gemaild_op"])
        return True
