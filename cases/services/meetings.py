"""Casusoverleg: meetings with an agenda of several cases, minutes per item and confidentiality statements."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from facilitering.models import Room
from zvh.accounts.choices import Role
from zvh.notifications.services import notify_invitation

from ..choices import CasusStatus
from ..models import Agendapunt, Casus, Casusoverleg, Deelnemer
from ..models.meetings import DEFAULT_DUUR
from ..rooms import room_conflicts
from .casus import casus_transition


def _require_zvh(user) -> None:
    if not user.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT):
        raise PermissionDenied(_("Alleen het ZVH plant casusoverleggen."))


@transaction.atomic
def overleg_create(
    *,
    by,
    datum_tijd: datetime,
    locatie: str,
    soort: str,
    voorzitter,
    ondersteuning=(),
    eindigt_op: datetime | None = None,
    zaal=None,
) -> Casusoverleg:
    """Plan a casusoverleg. A ZVH room is taken in the room calendar that facilitering bookings use too."""
    _require_zvh(by)
    datum_tijd = Casusoverleg._meta.get_field("datum_tijd").to_python(datum_tijd)  # callers may pass ISO text
    eindigt_op = eindigt_op or datum_tijd + DEFAULT_DUUR
    if eindigt_op <= datum_tijd:
        raise ValidationError({"eindtijd": _("De eindtijd ligt na de begintijd.")})
    if zaal is not None:
        _check_room(zaal, datum_tijd, eindigt_op)
    overleg = Casusoverleg(
        datum_tijd=datum_tijd,
        eindigt_op=eindigt_op,
        locatie=locatie or (zaal.name if zaal else ""),
        zaal=zaal,
        soort=soort,
        voorzitter=voorzitter,
        aangemaakt_door=by,
    )
    overleg.full_clean()
    overleg.save()
    overleg.ondersteuning.set(ondersteuning)
    return overleg


def _check_room(zaal: Room, starts_at: datetime, ends_at: datetime) -> None:
    # The same row lock as facilitering's booking services take: a booking and an overleg cannot slip in together.
    list(Room.objects.select_for_update().filter(pk=zaal.pk).values_list("pk", flat=True))
    if not zaal.active:
        raise ValidationError({"zaal": _("Zaal %(room)s is niet meer in gebruik.") % {"room": zaal.name}})
    lines = room_conflicts(zaal=zaal, starts_at=starts_at, ends_at=ends_at)
    if lines:
        raise ValidationError({"zaal": _("Dubbele boeking: %(lines)s.") % {"lines": "; ".join(lines)}})


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
