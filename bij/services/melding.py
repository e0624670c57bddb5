"""BIJ-meldingen: register, edit, move through the state machine, invite partners, advise, record the besluit."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import OrganisationType
from zvh.persons.services import persoon_link_or_create

from ..access import is_bij_team, is_oov_adviseur
from ..choices import GESLOTEN, MeldingStatus, Soort
from ..models import Advies, Melding, Overgang, Uitnodiging
from ..states import TRANSITIONS, refusal

# What the registration form edits (the person is linked separately, the state only through transitions).
MELDING_FIELDS = (
    "bron",
    "ontvangen_op",
    "categorie",
    "soort",
    "verlof_soort",
    "inrichting",
    "verwachte_datum",
    "brp_gemeente",
    "beoogde_verblijfplaats",
    "slachtoffers_nabij",
    "slachtoffers_toelichting",
    "reclasseringsadvies",
    "risico_samenvatting",
)


def require_bij_team(user) -> None:
    if not is_bij_team(user):
        raise PermissionDenied(_("Alleen procesregisseurs van het BIJ-team behandelen BIJ-meldingen."))


def _check_soort(melding: Melding) -> None:
    if melding.soort == Soort.VERLOF and not melding.verlof_soort:
        raise ValidationError({"verlof_soort": _("Kies de soort verlof.")})
    if melding.soort == Soort.DEFINITIEF:
        melding.verlof_soort = ""


def _check_gemeente(gemeente, field: str) -> None:
    if gemeente is not None and gemeente.type != OrganisationType.GEMEENTE:
        raise ValidationError({field: _("Kies een gemeente.")})


def _mark_duplicate(melding: Melding) -> None:
    """A second melding for the same person and expected date is flagged, never refused: it must not get lost."""
    persoon = melding.persoon
    same_person = Q(persoon_id=persoon.pk)
    if persoon.geboortedatum:  # the same person registered twice without BSN: same name and birth date
        same_person |= Q(persoon__zoeknaam=persoon.zoeknaam, persoon__geboortedatum=persoon.geboortedatum)
    earlier = (
        Melding.objects.filter(same_person, verwachte_datum=melding.verwachte_datum)
        .exclude(pk=melding.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    melding.mogelijk_dubbel = earlier is not None and (melding.pk is None or earlier < melding.pk)
    melding.dubbel_van_id = earlier if melding.mogelijk_dubbel else None


def _record(*, melding: Melding, van: str, stap: str, by, reden: str = "", at: datetime | None = None) -> Overgang:
    return Overgang.objects.create(
        melding=melding, van=van, naar=melding.status, stap=stap, reden=reden, door=by, op=at or timezone.now()
    )


@transaction.atomic
def melding_create(*, by, persoon: dict, data: dict, at: datetime | None = None) -> Melding:
    """Register a melding. The person is linked through the shared register (a BSN only with matching identity)."""
    require_bij_team(by)
    melding = Melding(**{k: v for k, v in data.items() if k in MELDING_FIELDS}, geregistreerd_door=by)
    _check_soort(melding)
    _check_gemeente(melding.brp_gemeente, "brp_gemeente")
    melding.full_clean(exclude=["persoon", "geregistreerd_door"])
    linked, _created = persoon_link_or_create(**persoon)
    melding.persoon = linked
    _mark_duplicate(melding)
    melding.full_clean()
    melding.save()
    _record(
        melding=melding,
        van="",
        stap="registreren",
        by=by,
        reden=_("Melding ontvangen van %s") % melding.get_bron_display(),
        at=at,
    )
    return melding


@transaction.atomic
def melding_update(*, melding: Melding, by, data: dict) -> Melding:
    require_bij_team(by)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.status in GESLOTEN:
        raise ValidationError(
            _("Een afgeronde of opgeschaalde melding kan niet meer worden gewijzigd. Heropen haar eerst.")
        )
    for name, value in data.items():
        if name in MELDING_FIELDS:
            setattr(melding, name, value)
    _check_soort(melding)
    _check_gemeente(melding.brp_gemeente, "brp_gemeente")
    _mark_duplicate(melding)
    melding.full_clean()
    melding.save()
    return melding


def _transition(melding: Melding, *, name: str, by, reden: str = "", at=None) -> Melding:
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Onbekende stap."))
    if melding.status not in transition.sources:
        raise ValidationError(refusal(melding.status, transition))
    if transition.needs_reason and not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor deze stap.")})
    van = melding.status
    melding.status = transition.target
    melding.full_clean()
    melding.save()
    _record(melding=melding, van=van, stap=name, by=by, reden=reden.strip(), at=at)
    return melding


@transaction.atomic
def melding_transition(
    *, melding: Melding, name: str, by, reden: str = "", afsluitreden: str = "", casus=None, at=None
) -> Melding:
    """A manual step (in onderzoek, afronden, opschalen, heropenen). Afronden needs a closing reason, opschalen a
    casus; every step is recorded with who, when and why."""
    require_bij_team(by)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    transition = TRANSITIONS.get(name)
    if transition is None or not transition.manual:
        raise ValidationError(_("Deze stap gaat via een eigen scherm (agenda, advies of besluit)."))
    if name == "afronden":
        if not afsluitreden:
            raise ValidationError({"afsluitreden": _("Kies een afsluitreden.")})
        melding.afsluitreden = afsluitreden
    if name == "opschalen":
        if casus is None:
            raise ValidationError({"casus": _("Kies de casus waarin de aanpak verder gaat.")})
        melding.casus = casus
    if name == "heropenen":
        melding.afsluitreden = ""
    return _transition(melding, name=name, by=by, reden=reden, at=at)


@transaction.atomic
def uitnodiging_create(*, melding: Melding, by, doel: str, organisatie=None, user=None, geldig_tot=None) -> Uitnodiging:
    """Invite one partner (a user or an organisation) to one melding: they see it and its agenda items."""
    require_bij_team(by)
    if melding.status in GESLOTEN:
        raise ValidationError(_("Voor een afgeronde melding worden geen partners meer uitgenodigd."))
    uitnodiging = Uitnodiging(
        melding=melding,
        user=user,
        organisatie=organisatie,
        doel=doel,
        geldig_van=timezone.now(),
        geldig_tot=geldig_tot,
        verleend_door=by,
    )
    uitnodiging.full_clean()
    uitnodiging.save()
    return uitnodiging


@transaction.atomic
def advies_uitbrengen(*, melding: Melding, by, tekst: str, datum: date, gemeente, at=None) -> Advies:
    """Issue the advice to the burgemeester of ``gemeente``; the melding moves to 'advies uitgebracht'."""
    require_bij_team(by)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    _check_gemeente(gemeente, "gemeente")
    if hasattr(melding, "advies"):
        raise ValidationError(_("Voor deze melding is al een advies uitgebracht."))
    advies = Advies(
        melding=melding,
        tekst=tekst,
        datum=datum,
        gemeente=gemeente,
        opgesteld_door=by,
        uitgebracht_op=at or timezone.now(),
    )
    advies.full_clean()
    _transition(
        melding, name="advies_uitbrengen", by=by, reden=_("Advies aan de burgemeester van %s") % gemeente, at=at
    )
    advies.save()
    return advies


@transaction.atomic
def besluit_registreren(*, advies: Advies, by, datum: date, maatregelen: str, at=None) -> Advies:
    """The gemeente's OOV-adviseur records the burgemeester's besluit on the advice addressed to their gemeente."""
    if not is_oov_adviseur(by) or by.organisation_id != advies.gemeente_id:
        raise PermissionDenied(_("Alleen de OOV-adviseur van de gemeente legt het besluit vast."))
    advies = Advies.objects.select_for_update().select_related("melding").get(pk=advies.pk)
    if advies.besluit_geregistreerd_op is not None:
        raise ValidationError(_("Het besluit is al vastgelegd."))
    if not maatregelen.strip():
        raise ValidationError({"maatregelen": _("Beschrijf het besluit en de maatregelen (of: geen maatregelen).")})
    if datum < advies.datum:
        raise ValidationError({"besluit_datum": _("Het besluit kan niet vóór het advies liggen.")})
    advies.besluit_datum, advies.maatregelen, advies.besluit_door = datum, maatregelen.strip(), by
    advies.besluit_geregistreerd_op = at or timezone.now()
    advies.full_clean()
    advies.save()
    melding = Melding.objects.select_for_update().get(pk=advies.melding_id)
    _transition(melding, name="besluit_registreren", by=by, reden=_("Besluit van de burgemeester vastgelegd"), at=at)
    return advies


def melding_status_label(status: str) -> str:
    return str(MeldingStatus(status).label)
