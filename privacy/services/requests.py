"""The AVG-verzoeken register: received, deadline (1 month; once extended by 2 months with a reason), decision."""

import json
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role

from ..choices import AccessAction, Besluit, VerzoekSoort, VerzoekStatus
from ..models import AvgVerzoek
from .access_log import access_log_record
from .inzage import person_export
from .retention import months_before

TERMIJN_MAANDEN = 1
VERLENGING_MAANDEN = 2


def _require_fg(user) -> None:
    if not user.has_role(Role.FG):
        raise PermissionDenied


def months_after(day: date, months: int) -> date:
    return months_before(day, -months)


@transaction.atomic
def verzoek_register(*, by, soort: str, ontvangen_op: date, persoon=None, omschrijving: str = "") -> AvgVerzoek:
    _require_fg(by)
    if ontvangen_op and ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": _("De ontvangstdatum ligt in de toekomst.")})
    verzoek = AvgVerzoek(
        soort=soort, ontvangen_op=ontvangen_op, persoon=persoon, omschrijving=omschrijving.strip(), behandelaar=by
    )
    if ontvangen_op:
        verzoek.termijn = months_after(ontvangen_op, TERMIJN_MAANDEN)
    verzoek.full_clean()
    verzoek.save()
    return verzoek


@transaction.atomic
def verzoek_verlengen(*, verzoek: AvgVerzoek, by, reden: str) -> AvgVerzoek:
    """Art. 12(3): once, by at most two months, with the reason (the betrokkene is told within the first month)."""
    _require_fg(by)
    verzoek = AvgVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status == VerzoekStatus.AFGEHANDELD:
        raise ValidationError(_("Een afgehandeld verzoek kan niet meer worden verlengd."))
    if verzoek.verlengd_tot:
        raise ValidationError(_("De termijn is al verlengd; dat kan maar één keer."))
    if not reden.strip():
        raise ValidationError({"verlenging_reden": _("Geef de reden van de verlenging op.")})
    verzoek.verlengd_tot = months_after(verzoek.termijn, VERLENGING_MAANDEN)
    verzoek.verlenging_reden = reden.strip()
    verzoek.full_clean()
    verzoek.save()
    return verzoek


@transaction.atomic
def verzoek_afhandelen(*, verzoek: AvgVerzoek, by, besluit: str, motivering: str) -> AvgVerzoek:
    """Erasure, restriction and objection are decisions with reasons, not buttons: the FG records the decision."""
    _require_fg(by)
    verzoek = AvgVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status == VerzoekStatus.AFGEHANDELD:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    errors = {}
    if besluit not in Besluit.values:
        errors["besluit"] = _("Kies het besluit.")
    if not motivering.strip():
        errors["motivering"] = _("Motiveer het besluit.")
    if verzoek.soort == VerzoekSoort.INZAGE and besluit != Besluit.AFGEWEZEN and not verzoek.export_pdf:
        errors["besluit"] = _("Maak eerst de inzage-export voor de betrokkene.")
    if errors:
        raise ValidationError(errors)
    verzoek.besluit, verzoek.motivering = besluit, motivering.strip()
    verzoek.status, verzoek.afgehandeld_op, verzoek.behandelaar = VerzoekStatus.AFGEHANDELD, timezone.localdate(), by
    verzoek.full_clean()
    verzoek.save()
    return verzoek


@transaction.atomic
def inzage_export_make(*, verzoek: AvgVerzoek, request: HttpRequest) -> AvgVerzoek:
    """One action of the FG: the PDF and the JSON with everything about the person, and who saw it. Logged."""
    from reporting.pdf import render_pdf

    _require_fg(request.user)
    verzoek = AvgVerzoek.objects.select_for_update(of=("self",)).select_related("persoon").get(pk=verzoek.pk)
    if verzoek.persoon_id is None:
        raise ValidationError({"persoon": _("Koppel eerst de betrokkene aan het verzoek.")})
    if verzoek.status == VerzoekStatus.AFGEHANDELD:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    data = person_export(verzoek.persoon)
    with translation.override("nl"):
        html = render_to_string("privacy/pdf/inzage.html", {"data": data, "verzoek": verzoek})
    pdf = render_pdf(html).pdf
    for field in (verzoek.export_pdf, verzoek.export_json):
        if field:
            field.delete(save=False)
    verzoek.export_json.save(
        "inzage.json", ContentFile(json.dumps(data, ensure_ascii=False, indent=2).encode()), save=False
    )
    verzoek.export_pdf.save("inzage.pdf", ContentFile(pdf), save=False)
    verzoek.export_gemaakt_op = timezone.now()
    if verzoek.status == VerzoekStatus.ONTVANGEN:
        verzoek.status = VerzoekStatus.IN_BEHANDELING
    verzoek.save()
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.inzage",
        object_ids=[verzoek.pk],
        person_ids=[verzoek.persoon_id],
    )
    return verzoek
