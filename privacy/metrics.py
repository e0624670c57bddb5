"""Jaarplan milestones of "Informatiedeling en privacy" reported from the FG's register of DPIA's and protocols.

A milestone metric counts adoptions: the number of versions of the document that were set to *vastgesteld* with an
adoption date in the period. The report reads a milestone as done in the first quarter in which it is above zero.
"""

from datetime import datetime

from django.utils import timezone

from reporting.registry import register_metric

from .choices import DocumentSoort, DocumentStatus
from .models.registers import PrivacyDocument


@register_metric(
    "privacy.vastgesteld",
    label="Vastgestelde DPIA's en privacyprotocollen",
    unit="documenten",
    params=("soort", "titel"),
    definition=(
        "Gereed wanneer een versie van het document (DPIA of privacyprotocol, op titel) in het privacyregister van "
        "de FG is vastgesteld met een vaststellingsdatum in de periode (ook als die versie later is vervangen)."
    ),
)
def vastgesteld(start: datetime, end: datetime, *, soort: str, titel: str) -> int:
    if soort not in DocumentSoort.values:
        raise ValueError(f"onbekende soort {soort!r}")
    return PrivacyDocument.objects.filter(
        soort=soort,
        titel=titel,
        status__in=(DocumentStatus.VASTGESTELD, DocumentStatus.VERVALLEN),  # a later version may replace it
        vastgesteld_op__gte=timezone.localdate(start),
        vastgesteld_op__lt=timezone.localdate(end),
    ).count()
