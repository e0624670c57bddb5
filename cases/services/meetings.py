"""Casusoverleg: meetings with an agenda of several cases, minutes per item and confidentiality statements."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.notifications.services import notify_invitation

from ..choices import CasusStatus
from ..models import Agendapunt, Casus, Casusoverleg, Deelnemer
from .casus import casus_transition


def _require_zvh(user) -> None:
    if not user.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT):
        raise PermissionDenied(_("Alleen het ZVH plant casusoverleggen."))


@transaction.atomic
def overleg_create(*, by, datum_tijd: datetime, locatie: str, soort: str, voorzitter, ondersteuning=()) -> Casusoverleg:
    _require_zvh(by)
    overleg = Casusoverleg(
        datum_tijd=datum_tijd, locatie=locatie, soort=soort, voorzitter=voorzitter, aangemaakt_door=by
    )
    overleg.full_clean()
    overleg.save()
    overleg.ondersteuning.set(ondersteuning)
    return overleg


@transaction.atomic
def agendapunt_add(*, overleg: Casusoverleg, casus: Casus, by, at: datetime | None = None) -> Agendapunt:
    """Put a case on the agenda. A new case moves to 'casusoverleg gepland'."""
    if not by.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een procesregisseur zet casussen op de agenda."))
    if casus.status == CasusStatus.AFGESLOTEN:
        raise ValidationError(_("Een afgesloten casus kan niet op de agenda. Heropen de casus eerst."))
    if Agendapunt.objects.filter(overleg=overleg, casus=casus).exists():
        raise ValidationError(_("Deze casus staat al op de agenda van dit overleg."))
    volgorde = (Agendapunt.objects.filter(overleg=overleg).aggregate(m=Max("volgorde"))["m"] or 0) + 1
    punt = Agendapunt.objects.create(overleg=overleg, casus=casus, volgorde=volgorde)
    if casus.status == CasusStatus.AANGEMAAKT:
        casus_transition(casus=casus, name="overleg_plannen", by=by, reden=_("Op de agenda van %s") % overleg, at=at)
    notify_invitation(punt=punt)
    return punt


@transaction.atomic
def agendapunt_verslag(*, punt: Agendapunt, by, verslag: str, besluiten: str) -> Agendapunt:
    _require_zvh(by)
    punt.verslag, punt.besluiten = verslag, besluiten
    punt.full_clean()
    punt.save(update_fields=["verslag", "besluiten"])
    return punt


@transaction.atomic
def deelnemer_add(
    *, overleg: Casusoverleg, by, naam: str, organisatie, incidenteel: bool, geheimhouding_geaccepteerd: bool
) -> Deelnemer:
    _require_zvh(by)
    if incidenteel and not geheimhouding_geaccepteerd:
        raise ValidationError(
            {"geheimhouding_geaccepteerd": _("Een incidentele deelnemer moet de geheimhoudingsverklaring accepteren.")}
        )
    deelnemer = Deelnemer(
        overleg=overleg,
        naam=naam,
        organisatie=organisatie,
        incidenteel=incidenteel,
        geheimhouding_geaccepteerd_op=timezone.now() if geheimhouding_geaccepteerd else None,
        geregistreerd_door=by,
    )
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer
