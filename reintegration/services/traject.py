"""Writes for trajecten: a melding in (by hand or from an import), status changes, partner access."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation
from zvh.persons.models import Persoon
from zvh.persons.services import persoon_link_or_create, possible_duplicates

from ..access import is_coordinator, is_director
from ..choices import Bron, TrajectStatus, VoorwaardeSoort
from ..models import Basisvoorwaarde, Traject, TrajectStap, TrajectToegang

S = TrajectStatus


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    reason_required: bool = False


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("voorbereiden", _("Voorbereiding starten"), (S.GEMELD,), S.VOORBEREIDING),
        Transition("vrijlaten", _("Vrijgelaten: nazorg starten"), (S.GEMELD, S.VOORBEREIDING), S.NAZORG),
        Transition(
            "zelfde_dag", _("Vrijgelaten op de dag van de melding"), (S.GEMELD,), S.NAZORG, reason_required=True
        ),
        Transition("afronden", _("Nazorg afronden"), (S.NAZORG,), S.AFGEROND),
        Transition(
            "opschalen",
            _("Opschalen naar een casus"),
            (S.GEMELD, S.VOORBEREIDING, S.NAZORG),
            S.OPGESCHAALD,
            reason_required=True,
        ),
    )
}


def available_transitions(traject: Traject) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if traject.status in t.sources]


def require_director(*, by, gemeente_id: int | None = None) -> None:
    """Only the procesregisseur, or the coördinator of the traject's own gemeente, runs a traject."""
    if not is_director(by):
        raise PermissionDenied(_("Alleen de procesregisseur of de coördinator re-integratie mag dit doen."))
    if gemeente_id is not None and not by.has_role(Role.PROCESREGISSEUR) and by.organisation_id != gemeente_id:
        raise PermissionDenied(_("Dit traject hoort bij een andere gemeente."))


def _check_gemeente(*, by, gemeente: Organisation) -> None:
    if gemeente.type != OrganisationType.GEMEENTE:
        raise ValidationError({"gemeente": _("Kies een gemeente.")})
    if is_coordinator(by) and not by.has_role(Role.PROCESREGISSEUR) and gemeente.pk != by.organisation_id:
        raise ValidationError({"gemeente": _("U kunt alleen meldingen voor inwoners van uw eigen gemeente invoeren.")})


AMBIGUOUS = _(
    "Er zijn meerdere personen met deze naam en geboortedatum. Vul het BSN in om de juiste persoon te kiezen."
)


def persoon_match(persoon: dict) -> tuple[Persoon, bool]:
    """The person rules of the register: a BSN links only when name and birth date agree; without a BSN, name
    and birth date link one existing person (several: refused, the BSN must decide). Nothing is changed."""
    if not persoon.get("bsn") and persoon.get("geboortedatum"):
        found = list(
            possible_duplicates(
                voornamen=persoon.get("voornamen") or "",
                achternaam=persoon.get("achternaam") or "",
                geboortedatum=persoon["geboortedatum"],
            ).filter(tussenvoegsel__iexact=(persoon.get("tussenvoegsel") or "").strip())[:2]
        )
        if len(found) > 1:
            raise ValidationError({"bsn": AMBIGUOUS}, code="ambiguous")
        if found:
            return found[0], False
    return persoon_link_or_create(**persoon)


DUPLICATE = _("Deze detentie is al gemeld: er is al een traject met deze persoon en deze begindatum.")


@transaction.atomic
def traject_create(
    *,
    by,
    persoon: dict,
    gemeente: Organisation,
    begin_detentie: date,
    verwachte_vrijlating: date,
    inrichting: str,
    dji_casemanager: str = "",
    dji_contact: str = "",
    bron: str = Bron.HANDMATIG,
    gemeld_op: date | None = None,
) -> Traject:
    """A detentiemelding: links or registers the person (BSN only with matching name and birth date) and opens
    a traject with the five basisvoorwaarden, all "onbekend"."""
    require_director(by=by)
    _check_gemeente(by=by, gemeente=gemeente)
    linked, _created = persoon_match(persoon)
    if Traject.objects.filter(persoon=linked, begin_detentie=begin_detentie).exists():
        raise ValidationError(DUPLICATE, code="duplicate")
    traject = Traject(
        persoon=linked,
        gemeente=gemeente,
        begin_detentie=begin_detentie,
        verwachte_vrijlating=verwachte_vrijlating,
        inrichting=inrichting.strip(),
        dji_casemanager=dji_casemanager.strip(),
        dji_contact=dji_contact.strip(),
        bron=bron,
        gemeld_op=gemeld_op or timezone.localdate(),
        aangemaakt_door=by,
    )
    if verwachte_vrijlating and begin_detentie and verwachte_vrijlating < begin_detentie:
        raise ValidationError(
            {"verwachte_vrijlating": _("De verwachte vrijlating ligt vóór het begin van de detentie.")}
        )
    traject.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            traject.save()
    except IntegrityError:  # a concurrent import of the same detention
        raise ValidationError(DUPLICATE, code="duplicate") from None
    Basisvoorwaarde.objects.bulk_create(Basisvoorwaarde(traject=traject, soort=s) for s in VoorwaardeSoort.values)
    TrajectStap.objects.create(traject=traject, van="", naar=S.GEMELD, door=by, reden=str(Bron(bron).label))
    return traject


@transaction.atomic
def traject_update_dates(*, traject: Traject, by, verwachte_vrijlating: date) -> Traject:
    require_director(by=by, gemeente_id=traject.gemeente_id)
    if verwachte_vrijlating < traject.begin_detentie:
        raise ValidationError(
            {"verwachte_vrijlating": _("De verwachte vrijlating ligt vóór het begin van de detentie.")}
        )
    traject.verwachte_vrijlating = verwachte_vrijlating
    traject.full_clean()
    traject.save(update_fields=["verwachte_vrijlating"])
    return traject


@transaction.atomic
def traject_transition(
    *, traject: Traject, by, name: str, reden: str = "", datum: date | None = None, casus=None
) -> Traject:
    """Move the traject along; every step records who, when and why."""
    require_director(by=by, gemeente_id=traject.gemeente_id)
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    transition = TRANSITIONS.get(name)
    if transition is None or traject.status not in transition.sources:
        raise ValidationError(_("Deze stap kan niet vanuit de status '%(status)s'.") % {"status": traject.status_label})
    reden = (reden or "").strip()
    if transition.reason_required and not reden:
        raise ValidationError({"reden": _("Geef een reden voor deze stap.")})
    today = timezone.localdate()
    datum = datum or today
    if name in ("vrijlaten", "zelfde_dag"):
        if datum > today:
            raise ValidationError({"datum": _("De vrijlating kan niet in de toekomst liggen.")})
        if datum < traject.begin_detentie:
            raise ValidationError({"datum": _("De vrijlating ligt vóór het begin van de detentie.")})
        traject.werkelijke_vrijlating = datum
        traject.zelfde_dag = name == "zelfde_dag"
    if name in ("afronden", "opschalen"):
        traject.afgerond_op = datum  # the traject ends here (opgeschaald: the casus takes over)
    if name == "opschalen" and casus is not None:
        traject.casus = casus
    van = traject.status
    traject.status = transition.target
    traject.full_clean()
    traject.save()
    TrajectStap.objects.create(traject=traject, van=van, naar=traject.status, door=by, reden=reden)
    return traject


@transaction.atomic
def toegang_grant(*, traject: Traject, by, organisatie: Organisation, doel: str, geldig_tot=None) -> TrajectToegang:
    require_director(by=by, gemeente_id=traject.gemeente_id)
    if not (doel or "").strip():
        raise ValidationError({"doel": _("Geef aan waarvoor deze partner de gegevens nodig heeft.")})
    toegang = TrajectToegang(
        traject=traject,
        organisatie=organisatie,
        doel=doel.strip(),
        geldig_van=timezone.now(),
        geldig_tot=geldig_tot,
        verleend_door=by,
    )
    toegang.full_clean()
    toegang.save()
    return toegang


@transaction.atomic
def toegang_end(*, toegang: TrajectToegang, by) -> TrajectToegang:
    require_director(by=by, gemeente_id=toegang.traject.gemeente_id)
    now = timezone.now()
    if toegang.geldig_tot is None or toegang.geldig_tot > now:
        toegang.geldig_tot = now
        toegang.save(update_fields=["geldig_tot"])
    return toegang
