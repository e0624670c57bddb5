"""Writes on mensenhandel: signalen, trajecten, procedures and the shielded shelter address."""

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import Grondslag, Thema
from cases.services import casus_open
from privacy.choices import AccessAction
from privacy.services import access_log_record
from zvh.accounts.choices import OrganisationType
from zvh.persons.services import persoon_link_or_create

from .access import is_team_regisseur
from .choices import BEDENKTIJD_MAANDEN, ProcedureSoort, ProcedureStatus, SignaalUitkomst, TrajectStatus
from .models import AdresInzage, Opvangadres, Procedure, Signaal, Traject, add_months

OPVANGADRES = "mensenhandel.opvangadres"  # object type of a reveal in the access log


def _require_team(user) -> None:
    if not is_team_regisseur(user):
        raise PermissionDenied(_("Alleen een procesregisseur van het team mensenhandel kan dit doen."))


def _require_gemeente(gemeente) -> None:
    if gemeente is None or gemeente.type != OrganisationType.GEMEENTE:
        raise ValidationError({"gemeente": _("Kies een gemeente.")})


def _person(persoon_data: dict | None):
    if not persoon_data or not (persoon_data.get("achternaam") or "").strip():
        return None
    persoon, _created = persoon_link_or_create(**persoon_data)
    return persoon


@transaction.atomic
def signaal_register(
    *,
    by,
    ontvangen_op: date,
    signalerende_organisatie: str,
    vorm: str,
    gemeente,
    minderjarig: bool = False,
    nationaliteit: str = "",
    persoon_data: dict | None = None,
) -> Signaal:
    """Register a signal. The person is optional (anonymous signals have none) and linked by zvh.persons rules."""
    _require_team(by)
    _require_gemeente(gemeente)
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": _("De ontvangstdatum ligt in de toekomst.")})
    signaal = Signaal(
        ontvangen_op=ontvangen_op,
        signalerende_organisatie=signalerende_organisatie,
        vorm=vorm,
        minderjarig=minderjarig,
        nationaliteit=nationaliteit.strip(),
        gemeente=gemeente,
        persoon=_person(persoon_data),
        geregistreerd_door=by,
    )
    signaal.full_clean()
    signaal.save()
    return signaal


@transaction.atomic
def signaal_decide(*, signaal: Signaal, by, uitkomst: str, reden: str) -> Signaal:
    _require_team(by)
    if uitkomst not in SignaalUitkomst.values or not uitkomst:
        raise ValidationError({"uitkomst": _("Kies een uitkomst.")})
    if uitkomst != SignaalUitkomst.ZORGCOORDINATIE and hasattr(signaal, "traject"):
        raise ValidationError({"uitkomst": _("Er loopt al zorgcoördinatie op dit signaal.")})
    signaal.uitkomst, signaal.uitkomst_reden = uitkomst, reden.strip()
    signaal.full_clean()
    signaal.save(update_fields=["uitkomst", "uitkomst_reden"])
    return signaal


@transaction.atomic
def traject_start(
    *,
    by,
    signaal: Signaal | None = None,
    persoon=None,
    persoon_data: dict | None = None,
    gemeente=None,
    zorgcoordinator=None,
    opvang_soort: str = "geen",
    gestart_op: date | None = None,
) -> Traject:
    """Start zorgcoördinatie for a victim: opens the linked case (thema mensenhandel, on behalf of the gemeente)
    for casusoverleg and grants, and the empty procedure tracker."""
    _require_team(by)
    if signaal is not None and hasattr(signaal, "traject"):
        raise ValidationError(_("Voor dit signaal loopt al een traject."))
    persoon = persoon or _person(persoon_data) or (signaal.persoon if signaal else None)
    if persoon is None:
        raise ValidationError({"achternaam": _("Vul de gegevens van het slachtoffer in.")})
    gemeente = gemeente or (signaal.gemeente if signaal else None)
    _require_gemeente(gemeente)
    zorgcoordinator = zorgcoordinator or by
    if not is_team_regisseur(zorgcoordinator):
        raise ValidationError({"zorgcoordinator": _("De zorgcoördinator is een procesregisseur van het team.")})
    gestart_op = gestart_op or timezone.localdate()
    casus = casus_open(
        by=by,
        thema=Thema.MENSENHANDEL,
        hoofdpersoon=persoon,
        aanbrengende_partner=gemeente,
        grondslag=Grondslag.WETTELIJKE_TAAK,
        grondslag_toelichting=_("Zorgcoördinatie mensenhandel namens de gemeente (Wmo, Participatiewet)."),
        gemeente=gemeente,
        leefgebieden=["veiligheid"],
        procesregisseur=zorgcoordinator,
        opened_at=None if gestart_op == timezone.localdate() else _start_of(gestart_op),
    )
    traject = Traject(
        persoon=persoon,
        signaal=signaal,
        casus=casus,
        zorgcoordinator=zorgcoordinator,
        opvang_soort=opvang_soort,
        gestart_op=gestart_op,
    )
    traject.full_clean()
    traject.save()
    Procedure.objects.bulk_create(Procedure(traject=traject, soort=soort) for soort in ProcedureSoort.values)
    if signaal is not None and signaal.uitkomst != SignaalUitkomst.ZORGCOORDINATIE:
        signaal_decide(signaal=signaal, by=by, uitkomst=SignaalUitkomst.ZORGCOORDINATIE, reden=_("Traject gestart."))
    return traject


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


@transaction.atomic
def traject_update(*, traject: Traject, by, status: str, opvang_soort: str, zorgcoordinator) -> Traject:
    _require_team(by)
    if not is_team_regisseur(zorgcoordinator):
        raise ValidationError({"zorgcoordinator": _("De zorgcoördinator is een procesregisseur van het team.")})
    traject.status, traject.opvang_soort, traject.zorgcoordinator = status, opvang_soort, zorgcoordinator
    if status == TrajectStatus.AFGESLOTEN and traject.afgesloten_op is None:
        traject.afgesloten_op = timezone.localdate()
    elif status != TrajectStatus.AFGESLOTEN:
        traject.afgesloten_op = None
    traject.full_clean()
    traject.save()
    return traject


@transaction.atomic
def procedure_update(
    *, procedure: Procedure, by, status: str, datum: date | None, einddatum: date | None = None, referentie: str = ""
) -> Procedure:
    """Record the state of one procedure. A bedenktijd without an end runs the full three months."""
    _require_team(by)
    if procedure.soort == ProcedureSoort.BEDENKTIJD and datum and not einddatum:
        einddatum = add_months(datum, BEDENKTIJD_MAANDEN)
    procedure.status, procedure.datum, procedure.einddatum = status, datum, einddatum
    procedure.referentie = (referentie or "").strip()
    if procedure.status not in ProcedureStatus.values:
        raise ValidationError({"status": _("Kies een status.")})
    procedure.full_clean()
    procedure.save()
    return procedure


@transaction.atomic
def opvangadres_set(*, traject: Traject, by, adres: str) -> None:
    """Set or clear the shelter address. Nothing returns it: it is only shown through :func:`opvangadres_reveal`."""
    _require_team(by)
    adres = (adres or "").strip()
    if not adres:
        Opvangadres.objects.filter(traject=traject).delete()
        return
    row = Opvangadres(traject=traject, adres=adres, gewijzigd_door=by)
    row.full_clean(validate_unique=False)
    row.save()


def opvangadres_exists(*, traject: Traject) -> bool:
    return Opvangadres.objects.filter(traject=traject).exists()


@transaction.atomic
def opvangadres_reveal(*, request: HttpRequest, traject: Traject, reden: str) -> str:
    """Show the shelter address to a team member who gives a reason; logged as its own action (REVEAL)."""
    by = request.user
    _require_team(by)
    reden = (reden or "").strip()
    if len(reden) < 5:
        raise ValidationError({"reden": _("Geef aan waarom u het opvangadres nodig heeft.")})
    adres = Opvangadres.objects.filter(traject=traject).values_list("adres", flat=True).first()
    if adres is None:
        raise ValidationError(_("Er is geen opvangadres vastgelegd."))
    AdresInzage.objects.create(traject=traject, door=by, reden=reden)
    access_log_record(
        request=request,
        user=by,
        action=AccessAction.REVEAL,
        object_type=OPVANGADRES,
        object_ids=[traject.pk],
        person_ids=[traject.persoon_id],
    )
    return adres
