"""The jaarplan figure for BIJ (reporting.registry). A number only, never persons."""

from datetime import datetime

from django.utils import timezone

from privacy.services.retention import person_key
from reporting.registry import register_metric

from .models import Melding


@register_metric(
    "bij.personen",
    label="Personen met een BIJ-melding",
    unit="personen",
    definition=(
        "Verschillende personen met een BIJ-melding die in de periode is ontvangen; een persoon met meldingen in "
        "twee kwartalen telt in het jaar één keer."
    ),
)
def personen(start: datetime, end: datetime) -> int:
    """Distinct persons with a BIJ-melding handled in the period: received in it (a person with meldingen in two
    quarters of the year counts once for the year; one whose older melding was anonymised too, see
    privacy.services.retention.person_key)."""
    return (
        Melding.objects.filter(ontvangen_op__gte=timezone.localdate(start), ontvangen_op__lt=timezone.localdate(end))
        .annotate(sleutel=person_key())
        .values("sleutel")
        .distinct()
        .count()
    )
