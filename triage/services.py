"""Writes for aanmeldingen, triage and advies op verzoek."""

import logging
import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import Relatie
from cases.models import Grondslag
from cases.services import casus_open
from zvh.access.models import BeperktThema
from zvh.access.themes import teams_of
from zvh.accounts.choices import OrganisationType, Role
from zvh.persons.models import validate_bsn
from zvh.persons.services import PERSON_FIELDS, persoon_link_or_create
from zvh.queue import enqueue_on_commit

from .choices import ZSM_TEAM, AanmeldingBron, AanmeldingStatus, AdviesAanleiding, Uitkomst
from .models import Aanmelding, AanmeldingBetrokkene, Aanvulling, Advies, TriageBord, TriageSessie, Weging

logger = logging.getLogger(__name__)
BSN_LIKE = re.compile(r"(?<!\d)\d{8,9}(?!\d)")

AANMELDING_FIELDS = (
    "aanleiding",
    "doel",
    "leefgebieden",
    "thema",
    "gemeente",
    "spoed",
    "betrokkene_geinformeerd",
    "reden_niet_geinformeerd",
    "grondslag",
    "grondslag_toelichting",
)
BETROKKENE_FIELDS = ("relatie", *PERSON_FIELDS)


def _require(user, *roles: str) -> None:
    if not user.has_role(*roles):
        raise PermissionDenied(_("U heeft hiervoor niet de juiste rol."))


@transaction.atomic
def aanmelding_save_draft(
    *,
    by,
    data: dict,
    betrokkenen: list[dict],
    voorgestelde_partners=(),
    aanmelding: Aanmelding | None = None,
    namens=None,
) -> Aanmelding:
    """Save what was typed, complete or not. Nothing typed is lost: validation happens at submit."""
    _require(by, Role.KETENPARTNER, Role.PROCESREGISSEUR)
    if aanmelding is not None and aanmelding.status != AanmeldingStatus.CONCEPT:
        raise ValidationError(_("Een ingediende aanmelding kan niet meer worden gewijzigd."))
    if aanmelding is None:
        aanmelding = Aanmelding(ingediend_door=by, bron=bron_for(by))
    if by.has_role(Role.PROCESREGISSEUR):
        if namens is not None:
            aanmelding.aanbrengende_partner = namens
        elif not aanmelding.aanbrengende_partner_id:
            raise ValidationError({"namens": _("Kies namens welke partner u aanmeldt (de aanbrengende partner).")})
    else:
        aanmelding.aanbrengende_partner = by.organisation
    for field in AANMELDING_FIELDS:
        if field in data:
            setattr(aanmelding, field, data[field])
    if aanmelding.leefgebieden is None:
        aanmelding.leefgebieden = []
    aanmelding.save()
    aanmelding.voorgestelde_partners.set(voorgestelde_partners)
    aanmelding.betrokkenen.all().delete()
    AanmeldingBetrokkene.objects.bulk_create(
        AanmeldingBetrokkene(aanmelding=aanmelding, **{f: b.get(f) or _empty(f) for f in BETROKKENE_FIELDS})
        for b in betrokkenen
        if any(b.get(f) for f in ("bsn", "voornamen", "achternaam"))
    )
    return aanmelding


def bron_for(by) -> str:
    """A ZSM partner's account (a ketenpartner in the ZSM team) submits buikpijn-meldingen: bron ZSM."""
    if by.has_role(Role.KETENPARTNER) and ZSM_TEAM in teams_of(by):
        return AanmeldingBron.ZSM
    return AanmeldingBron.PARTNER


def _empty(field: str):
    return None if field == "geboortedatum" else ""


def aanmelding_errors(aanmelding: Aanmelding) -> dict[str, list[str]]:
    """Everything that must be right before submitting, as Dutch messages per field."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not aanmelding.aanleiding.strip():
        add("aanleiding", _("Beschrijf de aanleiding."))
    if not aanmelding.doel.strip():
        add("doel", _("Beschrijf het doel of de hulpvraag."))
    if not aanmelding.leefgebieden:
        add("leefgebieden", _("Kies ten minste één leefgebied."))
    if not aanmelding.thema:
        add("thema", _("Kies een thema."))
    if not aanmelding.gemeente_id:
        add("gemeente", _("Kies de gemeente."))
    if aanmelding.betrokkene_geinformeerd is None:
        add("betrokkene_geinformeerd", _("Geef aan of de betrokkene is geïnformeerd."))
    elif not aanmelding.betrokkene_geinformeerd and not aanmelding.reden_niet_geinformeerd.strip():
        add("reden_niet_geinformeerd", _("Geef de reden waarom de betrokkene niet is geïnformeerd."))
    if not aanmelding.grondslag:
        add("grondslag", _("Kies de grondslag."))
    elif not Grondslag.objects.filter(code=aanmelding.grondslag, actief=True).exists():
        add("grondslag", _("Deze grondslag is niet meer in gebruik. Kies een grondslag uit de lijst."))
    if not aanmelding.grondslag_toelichting.strip():
        add("grondslag_toelichting", _("Licht de grondslag toe."))
    betrokkenen = list(aanmelding.betrokkenen.all())
    hoofd = [b for b in betrokkenen if b.relatie == Relatie.HOOFDPERSOON]
    if len(hoofd) != 1:
        add("betrokkenen", _("Vul precies één hoofdpersoon in."))
    for number, b in enumerate(betrokkenen, start=1):
        label = _("Betrokkene %(n)s") % {"n": number}
        if not (b.voornamen.strip() and b.achternaam.strip()):
            add("betrokkenen", _("%(label)s: vul voornamen en achternaam in.") % {"label": label})
        if b.bsn:
            try:
                validate_bsn(b.bsn)
            except ValidationError as exc:
                add("betrokkenen", f"{label}: {exc.messages[0]}")
    return errors


def _link_persons(aanmelding: Aanmelding) -> list[str]:
    """Link or create the person of every complete betrokkene; the refusals (a BSN that belongs to someone else)
    as messages. Rows that are incomplete or have a wrong BSN are left to ``aanmelding_errors``."""
    conflicts = []
    for number, betrokkene in enumerate(aanmelding.betrokkenen.all(), start=1):
        if not (betrokkene.voornamen.strip() and betrokkene.achternaam.strip()) or not _bsn_ok(betrokkene.bsn):
            continue
        try:
            persoon, _created = persoon_link_or_create(
                **{f: getattr(betrokkene, f) for f in BETROKKENE_FIELDS if f != "relatie"}
            )
        except ValidationError as exc:
            label = _("Betrokkene %(n)s") % {"n": number}
            conflicts += [f"{label}: {message}" for message in exc.messages]
            continue
        betrokkene.persoon = persoon
        betrokkene.save(update_fields=["persoon"])
    return conflicts


def _bsn_ok(bsn: str) -> bool:
    try:
        validate_bsn(bsn) if bsn else None
    except ValidationError:
        return False
    return True


def _submit_errors(aanmelding: Aanmelding) -> dict[str, list[str]]:
    """Everything that stops a submit, in one go: missing fields, wrong input and BSN refusals together."""
    errors = aanmelding_errors(aanmelding)
    conflicts = _link_persons(aanmelding)
    if conflicts:
        errors.setdefault("betrokkenen", []).extend(conflicts)
    return errors


def aanmelding_check(*, aanmelding: Aanmelding) -> dict[str, list[str]]:
    """What submitting would refuse, without submitting or linking anyone (the links are rolled back): for a form
    that has errors of its own, so one answer names every problem."""
    with transaction.atomic():
        errors = _submit_errors(aanmelding)
        transaction.set_rollback(True)
    return errors


@transaction.atomic
def aanmelding_submit(*, aanmelding: Aanmelding, by) -> Aanmelding:
    """Check everything, link or create the persons (an existing BSN links the existing person), submit."""
    if aanmelding.status != AanmeldingStatus.CONCEPT:
        raise ValidationError(_("Deze aanmelding is al ingediend."))
    if aanmelding.ingediend_door_id != by.pk:
        raise PermissionDenied(_("Alleen wie de aanmelding invoerde kan haar indienen."))
    errors = _submit_errors(aanmelding)
    if errors:
        raise ValidationError(errors)  # rolls back every link made by _submit_errors
    aanmelding.status = AanmeldingStatus.INGEDIEND
    aanmelding.ingediend_op = timezone.now()
    aanmelding.save(update_fields=["status", "ingediend_op"])
    return aanmelding


@transaction.atomic
def sessie_get_or_create(*, bord: TriageBord, datum: date, by) -> TriageSessie:
    _require(by, Role.PROCESREGISSEUR)
    _require_board_member(bord, by)
    sessie, _created = TriageSessie.objects.get_or_create(bord=bord, datum=datum)
    return sessie


def _require_board_member(bord: TriageBord, user) -> None:
    if bord.team_id and not bord.team.leden.filter(pk=user.pk).exists():
        raise PermissionDenied(_("Dit triagebord is alleen voor leden van %(team)s.") % {"team": bord.team})


@transaction.atomic
def aanmelding_place(*, aanmelding: Aanmelding, sessie: TriageSessie, by) -> Aanmelding:
    """Put a submitted aanmelding on a triage moment of a board."""
    _require(by, Role.PROCESREGISSEUR)
    _require_board_member(sessie.bord, by)
    if aanmelding.status not in (AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD):
        raise ValidationError(_("Alleen een ingediende aanmelding zonder besluit kan worden geagendeerd."))
    team_id = BeperktThema.objects.filter(thema=aanmelding.thema).values_list("team_id", flat=True).first()
    if team_id is not None and sessie.bord.team_id != team_id:
        raise ValidationError(
            _("Aanmeldingen over %(thema)s worden gewogen op het triagebord van hun team.")
            % {"thema": aanmelding.get_thema_display()}
        )
    aanmelding.sessie = sessie
    aanmelding.status = AanmeldingStatus.GEAGENDEERD
    aanmelding.save(update_fields=["sessie", "status"])
    return aanmelding


@transaction.atomic
def aanvulling_request(*, aanmelding: Aanmelding, by, vraag: str, at=None) -> Aanvulling:
    """Screening: ask the melder for more before weging. The aanmelding leaves its triage moment until answered."""
    _require(by, Role.PROCESREGISSEUR)
    aanmelding = Aanmelding.objects.select_for_update(of=("self",)).select_related("sessie__bord").get(pk=aanmelding.pk)
    if aanmelding.status not in (AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD):
        raise ValidationError(
            _("Alleen bij een ingediende aanmelding zonder besluit kan een aanvulling worden gevraagd.")
        )
    if aanmelding.sessie_id:
        _require_board_member(aanmelding.sessie.bord, by)
    if not vraag.strip():
        raise ValidationError({"vraag": _("Schrijf de vraag aan de melder.")})
    aanvulling = Aanvulling(
        aanmelding=aanmelding, vraag=vraag.strip(), gevraagd_door=by, gevraagd_op=at or timezone.now()
    )
    aanvulling.full_clean()
    aanvulling.save()
    aanmelding.status, aanmelding.sessie = AanmeldingStatus.AANVULLING, None
    aanmelding.save(update_fields=["status", "sessie"])
    return aanvulling


def may_answer(aanmelding: Aanmelding, user) -> bool:
    """The melder answers: who entered the aanmelding, or a partner professional of the aanbrengende partner."""
    if aanmelding.ingediend_door_id == user.pk:
        return True
    return user.has_role(Role.KETENPARTNER) and user.organisation_id == aanmelding.aanbrengende_partner_id


@transaction.atomic
def aanvulling_answer(*, aanmelding: Aanmelding, by, antwoord: str, at=None) -> Aanvulling:
    """The melder answers or adds information; the aanmelding returns to screening (ingediend)."""
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if not may_answer(aanmelding, by):
        raise PermissionDenied(_("Alleen de melder kan de gevraagde aanvulling geven."))
    aanvulling = aanmelding.aanvullingen.filter(beantwoord_op__isnull=True).order_by("-gevraagd_op").first()
    if aanmelding.status != AanmeldingStatus.AANVULLING or aanvulling is None:
        raise ValidationError(_("Er staat geen vraag open bij deze aanmelding."))
    if not antwoord.strip():
        raise ValidationError({"antwoord": _("Schrijf uw antwoord of aanvulling.")})
    aanvulling.antwoord, aanvulling.beantwoord_door = antwoord.strip(), by
    aanvulling.beantwoord_op = at or timezone.now()
    aanvulling.full_clean()
    aanvulling.save(update_fields=["antwoord", "beantwoord_door", "beantwoord_op"])
    aanmelding.status = AanmeldingStatus.INGEDIEND
    aanmelding.save(update_fields=["status"])
    return aanvulling


@transaction.atomic
def triage_decide(
    *,
    aanmelding: Aanmelding,
    by,
    criterium_1: bool,
    criterium_2: bool,
    criterium_3: bool,
    criterium_4: bool,
    uitkomst: str,
    motivering: str,
    doorgeleid_naar=None,
    afwijking_reden: str = "",
    decided_at=None,
) -> Weging:
    """Record the weging. Opschalen opens a case; the melder hears the outcome in the app and by e-mail."""
    _require(by, Role.PROCESREGISSEUR)
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if aanmelding.status != AanmeldingStatus.GEAGENDEERD or aanmelding.sessie_id is None:
        raise ValidationError(_("Agendeer de aanmelding eerst op een triagemoment."))
    _require_board_member(aanmelding.sessie.bord, by)
    weging = Weging(
        aanmelding=aanmelding,
        sessie=aanmelding.sessie,
        criterium_1=criterium_1,
        criterium_2=criterium_2,
        criterium_3=criterium_3,
        criterium_4=criterium_4,
        uitkomst=uitkomst,
        motivering=motivering,
        doorgeleid_naar=doorgeleid_naar,
        afwijking_reden=afwijking_reden,
        besloten_door=by,
        besloten_op=decided_at or timezone.now(),
    )
    errors = {}
    if not motivering.strip():
        errors["motivering"] = _("Motiveer het besluit.")
    if uitkomst == Uitkomst.DOORGELEIDEN and doorgeleid_naar is None:
        errors["doorgeleid_naar"] = _("Kies de partner waarnaar wordt doorgeleid.")
    if uitkomst != Uitkomst.DOORGELEIDEN:
        weging.doorgeleid_naar = None
    if uitkomst == Uitkomst.OPSCHALEN and not weging.voldoet_aan_criteria and not afwijking_reden.strip():
        errors["afwijking_reden"] = _(
            "Opschalen past niet bij de criteria (1 én 2, plus 3 of 4). Geef de reden om toch op te schalen."
        )
    if errors:
        raise ValidationError(errors)
    weging.full_clean()
    weging.save()
    aanmelding.status = AanmeldingStatus.BESLOTEN
    aanmelding.save(update_fields=["status"])
    if uitkomst == Uitkomst.OPSCHALEN:
        _open_case(aanmelding=aanmelding, by=by, at=weging.besloten_op)
    from .tasks import send_triage_outcome

    # The outcome is visible in the app either way; a broker outage only delays nothing but the e-mail.
    enqueue_on_commit(send_triage_outcome, weging.pk, on_error=_mail_not_queued)
    return weging


def _mail_not_queued(exc) -> None:
    logger.warning("Triage-uitkomst: e-mail aan de melder kon niet in de wachtrij (broker onbereikbaar)")


def _open_case(*, aanmelding: Aanmelding, by, at) -> None:
    betrokkenen = list(aanmelding.betrokkenen.select_related("persoon"))
    hoofd = next(b for b in betrokkenen if b.relatie == Relatie.HOOFDPERSOON)
    casus_open(
        by=by,
        thema=aanmelding.thema,
        hoofdpersoon=hoofd.persoon,
        betrokkenen=[(b.persoon, b.relatie) for b in betrokkenen if b is not hoofd],
        aanbrengende_partner=aanmelding.aanbrengende_partner,
        grondslag=aanmelding.grondslag,
        grondslag_toelichting=aanmelding.grondslag_toelichting,
        gemeente=aanmelding.gemeente,
        leefgebieden=aanmelding.leefgebieden,
        aanmelding=aanmelding,
        opened_at=at,
    )


@transaction.atomic
def advies_register(*, by, **data) -> Advies:
    """Advies op verzoek, in under a minute. No BSN: the form has no field for it and digits are refused."""
    _require(by, Role.PROCESREGISSEUR)
    advies = Advies(geregistreerd_door=by, **data)
    if any(ch.isdigit() for ch in advies.betreft_persoon):
        raise ValidationError({"betreft_persoon": _("Alleen een naam, geen BSN of andere nummers.")})
    for field in ("vraag", "advies"):
        if BSN_LIKE.search(getattr(advies, field)):
            raise ValidationError({field: _("Vermeld geen BSN in een advies op verzoek.")})
    if advies.organisatie.type == OrganisationType.ZVH:
        raise ValidationError({"organisatie": _("Kies de partnerorganisatie die om advies vroeg.")})
    advies.vrager = advies.vrager.strip()
    if advies.aanleiding == AdviesAanleiding.GEVRAAGD and not advies.vrager:
        raise ValidationError(
            {"vrager": _("Vul in wie om het advies vroeg (bij ongevraagd advies is dit niet nodig).")}
        )
    advies.full_clean()
    advies.save()
    return advies
