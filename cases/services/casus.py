"""Writes on cases: numbering, opening, the state machine, plan van aanpak, afspraken and logbook."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.notifications.services import notify_afspraak

from ..choices import AfspraakStatus, CasusStatus, LogboekSoort, Relatie
from ..models import (
    Afspraak,
    Betrokkene,
    Casus,
    CasusNummerReeks,
    Doel,
    LogboekEntry,
    PlanVanAanpak,
    StatusWijziging,
)
from ..states import TRANSITIONS, refusal
from . import grants as grant_services


def _require_regisseur(user) -> None:
    if not user.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een procesregisseur kan dit doen."))


def casus_number_next(*, year: int) -> tuple[int, str]:
    """Take the next number of the year. Call inside a transaction: the year's row stays locked until commit."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                reeks, _created = CasusNummerReeks.objects.select_for_update().get_or_create(jaar=year)
            break
        except IntegrityError:  # two first cases of a year at the same moment: the loser retries
            if attempt == 2:
                raise
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return reeks.laatste, f"ZVH-{year}-{reeks.laatste:04d}"


@transaction.atomic
def casus_open(
    *,
    by,
    thema: str,
    hoofdpersoon,
    betrokkenen: list[tuple[object, str]] = (),
    aanbrengende_partner,
    grondslag: str,
    grondslag_toelichting: str,
    gemeente,
    leefgebieden: list[str] = (),
    aanmelding=None,
    procesregisseur=None,
    opened_at: datetime | None = None,
) -> Casus:
    """Open a case (normally by opschalen in triage). The aanbrengende partner gets a grant to follow it."""
    _require_regisseur(by)
    opened_at = opened_at or timezone.now()
    volgnummer, nummer = casus_number_next(year=timezone.localtime(opened_at).year)
    casus = Casus(
        nummer=nummer,
        jaar=timezone.localtime(opened_at).year,
        volgnummer=volgnummer,
        thema=thema,
        hoofdpersoon=hoofdpersoon,
        aanbrengende_partner=aanbrengende_partner,
        grondslag=grondslag,
        grondslag_toelichting=grondslag_toelichting,
        procesregisseur=procesregisseur or by,
        gemeente=gemeente,
        leefgebieden=list(leefgebieden),
        aanmelding=aanmelding,
        aangemaakt_op=opened_at,
    )
    casus.full_clean()
    casus.save()
    Betrokkene.objects.create(casus=casus, persoon=hoofdpersoon, relatie=Relatie.HOOFDPERSOON)
    for persoon, relatie in betrokkenen:
        if persoon.pk != hoofdpersoon.pk:
            Betrokkene.objects.get_or_create(casus=casus, persoon=persoon, defaults={"relatie": relatie})
    StatusWijziging.objects.create(
        casus=casus, van="", naar=CasusStatus.AANGEMAAKT, door=by, op=opened_at, reden=_("Casus geopend")
    )
    if aanbrengende_partner.type != "zvh":
        grant_services.grant_create(
            casus=casus,
            by=by,
            organisatie=aanbrengende_partner,
            rol="deelnemer",
            doel=_("Aanbrengende partner: volgt de casus die zij heeft aangemeld."),
            geldig_van=opened_at,
            notify=False,
        )
    return casus


@transaction.atomic
def casus_transition(
    *,
    casus: Casus,
    name: str,
    by,
    reden: str = "",
    afsluitreden: str = "",
    resultaat: str = "",
    at: datetime | None = None,
) -> Casus:
    """Move a case along the state machine; every step is recorded with who, when and why."""
    _require_regisseur(by)
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Onbekende stap."))
    if casus.status not in transition.sources:
        raise ValidationError(refusal(casus.status, transition))
    errors = {}
    if transition.needs_reason and not reden.strip():
        errors["reden"] = _("Geef een reden op.")
    if transition.needs_closing:
        if not afsluitreden:
            errors["afsluitreden"] = _("Kies een afsluitreden.")
        if not resultaat:
            errors["resultaat"] = _("Kies het resultaat.")
    if name == "plan_vaststellen" and not Doel.objects.filter(plan__casus=casus).exists():
        errors["__all__"] = _("Leg eerst het plan van aanpak vast met ten minste één doel.")
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    previous = casus.status
    casus.status = transition.target
    if name == "afschalen":
        casus.afgeschaald_op = at
        grant_services.grants_set_end_after(casus=casus, moment=at)
    elif transition.target == CasusStatus.AFGESLOTEN:
        casus.afgesloten_op = at
        casus.afsluitreden, casus.resultaat = afsluitreden, resultaat
        if previous != CasusStatus.AFGESCHAALD:
            grant_services.grants_set_end_after(casus=casus, moment=at)
    elif name == "heropenen":
        casus.afgeschaald_op = casus.afgesloten_op = None
        casus.afsluitreden = casus.resultaat = ""
        grant_services.grants_clear_automatic_end(casus=casus, now=at)
    elif name == "plan_vaststellen":
        PlanVanAanpak.objects.filter(casus=casus).update(vastgesteld_op=at)
    casus.full_clean()
    casus.save()
    StatusWijziging.objects.create(casus=casus, van=previous, naar=casus.status, door=by, op=at, reden=reden)
    return casus


@transaction.atomic
def plan_save(
    *,
    casus: Casus,
    by,
    samenvatting: str,
    doelen: list[str],
    casusregisseur_organisatie=None,
    casusregisseur_persoon=None,
) -> PlanVanAanpak:
    """The plan van aanpak: goals and the casusregisseur (the partner who leads the content)."""
    _require_regisseur(by)
    doelen = [d.strip() for d in doelen if d and d.strip()]
    if not doelen:
        raise ValidationError({"doelen": _("Noem ten minste één doel.")})
    if casusregisseur_persoon is not None:
        if casusregisseur_organisatie is None:
            casusregisseur_organisatie = casusregisseur_persoon.organisation
        elif casusregisseur_persoon.organisation_id != casusregisseur_organisatie.pk:
            raise ValidationError({"casusregisseur_persoon": _("De casusregisseur hoort bij de gekozen organisatie.")})
    casus.casusregisseur_organisatie = casusregisseur_organisatie
    casus.casusregisseur_persoon = casusregisseur_persoon
    casus.save(update_fields=["casusregisseur_organisatie", "casusregisseur_persoon", "gewijzigd_op"])
    plan, _created = PlanVanAanpak.objects.get_or_create(casus=casus)
    plan.samenvatting = samenvatting
    plan.full_clean()
    plan.save()
    plan.doelen.all().delete()
    Doel.objects.bulk_create(Doel(plan=plan, omschrijving=d, volgorde=i) for i, d in enumerate(doelen))
    return plan


@transaction.atomic
def afspraak_create(
    *,
    casus: Casus,
    by,
    actie: str,
    deadline: date,
    eigenaar_organisatie=None,
    eigenaar_persoon=None,
    agendapunt=None,
) -> Afspraak:
    if not by.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT):
        raise PermissionDenied(_("Alleen het ZVH legt afspraken vast."))
    if eigenaar_organisatie is None and eigenaar_persoon is None:
        raise ValidationError(
            {"eigenaar_organisatie": _("Geef aan wie de afspraak uitvoert: een organisatie of persoon.")}
        )
    if eigenaar_persoon is not None and eigenaar_organisatie is None:
        eigenaar_organisatie = eigenaar_persoon.organisation
    afspraak = Afspraak(
        casus=casus,
        actie=actie,
        deadline=deadline,
        eigenaar_organisatie=eigenaar_organisatie,
        eigenaar_persoon=eigenaar_persoon,
        agendapunt=agendapunt,
        aangemaakt_door=by,
    )
    afspraak.full_clean()
    afspraak.save()
    notify_afspraak(afspraak=afspraak, by=by)
    return afspraak


@transaction.atomic
def afspraak_set_status(*, afspraak: Afspraak, by, status: str) -> Afspraak:
    """ZVH staff may set any status; a partner may only mark their own organisation's afspraak as done."""
    if status not in AfspraakStatus.values:
        raise ValidationError({"status": _("Onbekende status.")})
    own = afspraak.eigenaar_organisatie_id == by.organisation_id
    if not (by.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT) or (by.has_role(Role.KETENPARTNER) and own)):
        raise PermissionDenied(_("U kunt alleen afspraken van uw eigen organisatie afmelden."))
    if not by.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT) and status != AfspraakStatus.GEREED:
        # The screen offers a partner only "gereed"; a crafted POST gets no more than the screen.
        raise PermissionDenied(_("U kunt een afspraak alleen als gereed afmelden; de procesregisseur wijzigt de rest."))
    afspraak.status = status
    afspraak.gereed_op = timezone.now() if status == AfspraakStatus.GEREED else None
    afspraak.save(update_fields=["status", "gereed_op"])
    return afspraak


@transaction.atomic
def afspraak_set_deadline(*, afspraak: Afspraak, by, deadline: date) -> Afspraak:
    """ZVH staff move the deadline of an open afspraak; a date in the past is refused."""
    if not by.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT):
        raise PermissionDenied(_("Alleen het ZVH verzet de deadline van een afspraak."))
    if afspraak.status != AfspraakStatus.OPEN:
        raise ValidationError({"deadline": _("Alleen een open afspraak krijgt een nieuwe deadline.")})
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("De nieuwe deadline ligt in het verleden.")})
    afspraak.deadline = deadline
    afspraak.full_clean()
    afspraak.save(update_fields=["deadline"])
    return afspraak


@transaction.atomic
def logboek_add(
    *,
    casus: Casus,
    by,
    soort: str,
    tekst: str,
    bron: str = "",
    alleen_procesregie: bool = False,
    datum: datetime | None = None,
) -> LogboekEntry:
    is_regisseur = by.has_role(Role.PROCESREGISSEUR)
    if not is_regisseur:
        # Partners add information from their side; internal notes are the procesregisseur's.
        if not by.has_role(Role.KETENPARTNER):
            raise PermissionDenied(_("U kunt geen logboekregels toevoegen."))
        soort, alleen_procesregie, bron = LogboekSoort.INFORMATIE_PARTNER, False, bron or by.organisation.name
    if soort == LogboekSoort.INFORMATIE_PARTNER and not bron.strip():
        raise ValidationError({"bron": _("Vermeld van welke partner de informatie komt.")})
    entry = LogboekEntry(
        casus=casus,
        datum=datum or timezone.now(),
        soort=soort,
        tekst=tekst,
        bron=bron,
        alleen_procesregie=alleen_procesregie,
        auteur=by,
    )
    entry.full_clean()
    entry.save()
    return entry
