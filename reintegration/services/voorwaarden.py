"""The basisvoorwaarden checklist: status, acting organisation, note, consent."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.models import Organisation

from ..choices import Toestemming
from ..models import Basisvoorwaarde
from .traject import require_director


@transaction.atomic
def voorwaarde_update(
    *, voorwaarde: Basisvoorwaarde, by, status: str, organisatie: Organisation | None = None, notitie: str = ""
) -> Basisvoorwaarde:
    require_director(by=by, gemeente_id=voorwaarde.traject.gemeente_id)
    voorwaarde.status = status
    voorwaarde.organisatie = organisatie
    voorwaarde.notitie = (notitie or "").strip()
    voorwaarde.gewijzigd_door = by
    voorwaarde.full_clean()
    voorwaarde.save()
    return voorwaarde


@transaction.atomic
def voorwaarde_consent(
    *, voorwaarde: Basisvoorwaarde, by, toestemming: str, datum: date | None = None
) -> Basisvoorwaarde:
    """Consent given or withdrawn, with its date. Withdrawal takes effect at once: the partner's next page no
    longer shows the voorwaarde (the access condition reads this row)."""
    require_director(by=by, gemeente_id=voorwaarde.traject.gemeente_id)
    if toestemming not in (Toestemming.GEGEVEN, Toestemming.INGETROKKEN):
        raise ValidationError({"toestemming": _("Kies: toestemming gegeven of ingetrokken.")})
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({"toestemming_datum": _("De datum van de toestemming kan niet in de toekomst liggen.")})
    if toestemming == Toestemming.INGETROKKEN and voorwaarde.toestemming != Toestemming.GEGEVEN:
        raise ValidationError({"toestemming": _("Er is geen toestemming om in te trekken.")})
    voorwaarde.toestemming = toestemming
    voorwaarde.toestemming_datum = datum
    voorwaarde.gewijzigd_door = by
    voorwaarde.full_clean()
    voorwaarde.save()
    return voorwaarde
