"""Writes on contextverzoeken. Every request and every answer is written to the access log with the requesting
organisation as the party on whose behalf (and to whom) the ZVH looks up and gives context."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.choices import AccessAction
from privacy.services import access_log_record
from zvh.accounts.choices import Role
from zvh.persons.services import BSN_CONFLICT, persoon_link_or_create

from .access import CONTEXTVERZOEK, is_zsm_partner
from .choices import MAX_VRAAG, PARTNER_BY_ORGANISATION_TYPE, ZsmPartner
from .models import Contextverzoek


def _partner(by, partner: str | None, partner_organisatie):
    """The requesting organisation and which ZSM partner it is. A ZSM partner asks for its own organisation."""
    if is_zsm_partner(by):
        partner_organisatie = by.organisation
    elif not by.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een ZSM-partner of een procesregisseur kan een contextverzoek invoeren."))
    if partner_organisatie is None:
        raise ValidationError({"partner_organisatie": _("Kies de organisatie die om context vraagt.")})
    partner = partner or PARTNER_BY_ORGANISATION_TYPE.get(partner_organisatie.type)
    if partner not in ZsmPartner.values:
        raise ValidationError({"partner": _("Kies welke ZSM-partner het verzoek doet.")})
    return partner, partner_organisatie


def _link(suspect: dict):
    """Link the suspect by the register's rules. A BSN that does not fit its registered person links nobody: the
    requester is told nothing about the register (that would say the person is known); the regisseur sees it."""
    try:
        persoon, _created = persoon_link_or_create(**suspect)
    except ValidationError as exc:
        if str(BSN_CONFLICT) in exc.messages:
            return None
        raise
    return persoon


@transaction.atomic
def contextverzoek_create(
    *,
    by,
    voornamen: str,
    achternaam: str,
    minderjarig: bool,
    deadline: datetime,
    tussenvoegsel: str = "",
    geboortedatum: date | None = None,
    bsn: str = "",
    vraag: str = "",
    kenmerk: str = "",
    partner: str | None = None,
    partner_organisatie=None,
    ontvangen_op: datetime | None = None,
    request: HttpRequest | None = None,
) -> Contextverzoek:
    """Register a verzoek (received now, deadline the same day) and log it with the requester as recipient."""
    partner, partner_organisatie = _partner(by, partner, partner_organisatie)
    now = timezone.now()
    ontvangen_op = ontvangen_op or now
    if ontvangen_op > now:
        raise ValidationError({"ontvangen_op": _("Het moment van ontvangst ligt in de toekomst.")})
    if len(vraag) > MAX_VRAAG:
        raise ValidationError({"vraag": _("Houd de vraag kort: ten hoogste %(n)s tekens.") % {"n": MAX_VRAAG}})
    suspect = {
        "voornamen": voornamen.strip(),
        "tussenvoegsel": tussenvoegsel.strip(),
        "achternaam": achternaam.strip(),
        "geboortedatum": geboortedatum,
        "bsn": bsn.strip(),
    }
    verzoek = Contextverzoek(
        partner=partner,
        partner_organisatie=partner_organisatie,
        aangevraagd_door=by,
        kenmerk=kenmerk.strip(),
        vraag=vraag.strip(),
        minderjarig=minderjarig,
        ontvangen_op=ontvangen_op,
        deadline=deadline,
        **suspect,
    )
    verzoek.full_clean(exclude=["persoon"])
    verzoek.persoon = _link(suspect)
    verzoek.save()
    access_log_record(
        request=request,
        user=by,
        action=AccessAction.CREATE,
        object_type=CONTEXTVERZOEK,
        object_ids=[verzoek.pk],
        person_ids=[verzoek.persoon_id] if verzoek.persoon_id else [],
        on_behalf_of_id=partner_organisatie.pk,
    )
    return verzoek


@transaction.atomic
def contextverzoek_answer(
    *, verzoek: Contextverzoek, by, bekend: bool, context: str = "", request: HttpRequest | None = None
) -> Contextverzoek:
    """The procesregisseur answers: known yes/no and, when known, the minimal context ZSM may receive. Logged as
    the disclosure to the requesting organisation."""
    if not by.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een procesregisseur beantwoordt een contextverzoek."))
    verzoek = Contextverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if not verzoek.is_open:
        raise ValidationError(_("Dit verzoek is al beantwoord."))
    verzoek.bekend = bekend
    verzoek.context = context.strip()
    verzoek.beantwoord_op = timezone.now()
    verzoek.beantwoord_door = by
    verzoek.full_clean()
    verzoek.save(update_fields=["bekend", "context", "beantwoord_op", "beantwoord_door"])
    access_log_record(
        request=request,
        user=by,
        action=AccessAction.UPDATE,
        object_type=CONTEXTVERZOEK,
        object_ids=[verzoek.pk],
        person_ids=[verzoek.persoon_id] if verzoek.persoon_id else [],
        on_behalf_of_id=verzoek.partner_organisatie_id,
    )
    return verzoek


def log_verzoeken_shown(
    *, request: HttpRequest, verzoeken: Iterable[Contextverzoek], action: AccessAction = AccessAction.LIST
) -> None:
    """A list names verzoeken of several partners: one entry per requesting organisation, each with it as the
    recipient (one entry with no rows when nothing was shown)."""
    by_partner: dict[int | None, list[Contextverzoek]] = defaultdict(list)
    for verzoek in verzoeken:
        by_partner[verzoek.partner_organisatie_id].append(verzoek)
    for organisation_id, shown in (by_partner or {None: []}).items():
        access_log_record(
            request=request,
            user=request.user,
            action=action,
            object_type=CONTEXTVERZOEK,
            object_ids=[v.pk for v in shown],
            person_ids=[v.persoon_id for v in shown if v.persoon_id],
            on_behalf_of_id=organisation_id,
        )


def log_consulted(*, request: HttpRequest, verzoek: Contextverzoek, dossiers: list, matches: list) -> None:
    """What the regisseur consults to answer (the person's dossiers, same-name persons) is consulted on behalf of,
    and for, the requesting organisation."""
    for dt, objects in dossiers:
        access_log_record(
            request=request,
            user=request.user,
            action=AccessAction.LIST,
            object_type=dt.key,
            object_ids=[o.pk for o in objects],
            person_ids=[verzoek.persoon_id],
            on_behalf_of_id=verzoek.partner_organisatie_id,
        )
    if matches:
        access_log_record(
            request=request,
            user=request.user,
            action=AccessAction.LIST,
            object_type="cases.persoon",
            object_ids=[p.pk for p in matches],
            person_ids=[p.pk for p in matches],
            on_behalf_of_id=verzoek.partner_organisatie_id,
        )
