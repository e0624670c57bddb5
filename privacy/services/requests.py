"""The AVG-verzoeken register: received, deadline (1 month; once extended by 2 months with a reason), decision."""

import json
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.queue import BrokerUnavailable, enqueue_on_commit, ensure_broker_available

from ..choices import AccessAction, Besluit, ExportStatus, VerzoekSoort, VerzoekStatus
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
    if verzoek.soort == VerzoekSoort.INZAGE and besluit != Besluit.AFGEWEZEN and not verzoek.export_gemaakt_op:
        errors["besluit"] = _("Maak eerst de inzage-export voor de betrokkene.")
    if errors:
        raise ValidationError(errors)
    verzoek.besluit, verzoek.motivering = besluit, motivering.strip()
    verzoek.status, verzoek.afgehandeld_op, verzoek.behandelaar = VerzoekStatus.AFGEHANDELD, timezone.localdate(), by
    verzoek.full_clean()
    verzoek.save()
    return verzoek


EXPORT_BEWAREN = timedelta(days=7)  # a made export not downloaded by then is removed (expire_inzage_exports)
EXPORT_MAX_POGINGEN = 3


@transaction.atomic
def inzage_export_request(*, verzoek: AvgVerzoek, request: HttpRequest) -> AvgVerzoek:
    """One action of the FG: queue the PDF and JSON with everything about the person (tasks.make_inzage_export,
    after commit). Idempotent: a request already in the queue is not queued twice. Logged as an export."""
    from ..tasks import make_inzage_export

    _require_fg(request.user)
    verzoek = AvgVerzoek.objects.select_for_update(of=("self",)).get(pk=verzoek.pk)
    if verzoek.persoon_id is None:
        raise ValidationError({"persoon": _("Koppel eerst de betrokkene aan het verzoek.")})
    if verzoek.status == VerzoekStatus.AFGEHANDELD:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    if verzoek.export_status in (ExportStatus.WACHTRIJ, ExportStatus.BEZIG):
        return verzoek
    ensure_broker_available()
    verzoek.export_status, verzoek.export_aangevraagd_op = ExportStatus.WACHTRIJ, timezone.now()
    verzoek.export_pogingen, verzoek.export_fout = 0, ""
    verzoek.save(update_fields=["export_status", "export_aangevraagd_op", "export_pogingen", "export_fout"])
    enqueue_on_commit(make_inzage_export, verzoek.pk, on_error=lambda exc: _queue_failed(verzoek.pk))
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.inzage",
        object_ids=[verzoek.pk],
        person_ids=[verzoek.persoon_id],
    )
    return verzoek


def _queue_failed(verzoek_id: int) -> None:
    AvgVerzoek.objects.filter(pk=verzoek_id).update(
        export_status=ExportStatus.MISLUKT, export_fout=str(BrokerUnavailable.message)
    )


def inzage_export_build(*, verzoek_id: int) -> AvgVerzoek:
    """The work of the task: idempotent (only a queued or interrupted export is made; a re-delivered task
    overwrites its own files), at most EXPORT_MAX_POGINGEN starts."""
    with transaction.atomic():
        verzoek = AvgVerzoek.objects.select_for_update(of=("self",)).get(pk=verzoek_id)
        if verzoek.export_status not in (ExportStatus.WACHTRIJ, ExportStatus.BEZIG):
            return verzoek
        if verzoek.export_pogingen >= EXPORT_MAX_POGINGEN:
            return inzage_export_fail(verzoek_id=verzoek_id, message=_("Het maken is te vaak onderbroken."))
        verzoek.export_status, verzoek.export_pogingen = ExportStatus.BEZIG, verzoek.export_pogingen + 1
        verzoek.save(update_fields=["export_status", "export_pogingen"])
    return _store_export(verzoek_id)


@transaction.atomic
def _store_export(verzoek_id: int) -> AvgVerzoek:
    from reporting.pdf import render_pdf

    verzoek = AvgVerzoek.objects.select_for_update(of=("self",)).select_related("persoon").get(pk=verzoek_id)
    if verzoek.export_status != ExportStatus.BEZIG or verzoek.persoon_id is None:
        return verzoek
    data = person_export(verzoek.persoon)
    with translation.override("nl"):
        html = render_to_string("privacy/pdf/inzage.html", {"data": data, "verzoek": verzoek})
    pdf = render_pdf(html).pdf
    _remove_files(verzoek)
    verzoek.export_json.save(
        "inzage.json", ContentFile(json.dumps(data, ensure_ascii=False, indent=2).encode()), save=False
    )
    verzoek.export_pdf.save("inzage.pdf", ContentFile(pdf), save=False)
    now = timezone.now()
    verzoek.export_gemaakt_op, verzoek.export_verloopt_op = now, now + EXPORT_BEWAREN
    verzoek.export_status, verzoek.export_fout = ExportStatus.KLAAR, ""
    if verzoek.status == VerzoekStatus.ONTVANGEN:
        verzoek.status = VerzoekStatus.IN_BEHANDELING
    verzoek.save()
    return verzoek


def inzage_export_fail(*, verzoek_id: int, message: str) -> AvgVerzoek:
    AvgVerzoek.objects.filter(pk=verzoek_id).update(export_status=ExportStatus.MISLUKT, export_fout=message)
    return AvgVerzoek.objects.get(pk=verzoek_id)


def _remove_files(verzoek: AvgVerzoek) -> None:
    for field in (verzoek.export_pdf, verzoek.export_json):
        if field:
            field.delete(save=False)


def _forget(field) -> None:
    """Empty the field now and remove the file once the transaction commits (a rollback keeps both)."""
    storage, name = field.storage, field.name
    field.name = ""
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def inzage_export_take(*, verzoek: AvgVerzoek, formaat: str, request: HttpRequest) -> bytes:
    """The FG downloads one file of the export: it is read, logged, and removed from the server (the FG sends
    it on; a new one can be made). When both are taken the export is marked removed."""
    _require_fg(request.user)
    verzoek = AvgVerzoek.objects.select_for_update(of=("self",)).get(pk=verzoek.pk)
    field = {"pdf": verzoek.export_pdf, "json": verzoek.export_json}.get(formaat)
    if verzoek.export_status != ExportStatus.KLAAR or not field:
        raise ValidationError(_("Dit bestand is er niet (meer): het is al gedownload of verlopen."))
    with field.open("rb") as handle:
        content = handle.read()
    _forget(field)
    if not verzoek.export_pdf and not verzoek.export_json:
        verzoek.export_status = ExportStatus.VERWIJDERD
    verzoek.save(update_fields=["export_pdf", "export_json", "export_status"])
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.inzage",
        object_ids=[verzoek.pk],
        person_ids=[verzoek.persoon_id] if verzoek.persoon_id else [],
    )
    return content


def inzage_exports_expire(*, now=None) -> int:
    """Remove the files of every export past EXPORT_BEWAREN (Celery beat, hourly). Idempotent."""
    now = now or timezone.now()
    expired = 0
    for verzoek in AvgVerzoek.objects.filter(export_status=ExportStatus.KLAAR, export_verloopt_op__lt=now):
        with transaction.atomic():
            for field in (verzoek.export_pdf, verzoek.export_json):
                if field:
                    _forget(field)
            verzoek.export_status = ExportStatus.VERWIJDERD
            verzoek.save(update_fields=["export_pdf", "export_json", "export_status"])
        expired += 1
    return expired
