"""The FG's registers: verwerkingen (art. 30), DPIA's and privacy protocols (reporting the jaarplan milestones),
datalekken (72 hours to the Autoriteit Persoonsgegevens)."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.core.dates import datum_tekst

from ..choices import DatalekStatus, DocumentStatus
from ..models import Datalek, PrivacyDocument, Verwerking

VERWERKING_FIELDS = (
    "naam",
    "doel",
    "grondslag",
    "categorieen_betrokkenen",
    "categorieen_gegevens",
    "ontvangers",
    "bewaartermijn",
    "beveiliging",
)
DOCUMENT_FIELDS = (
    "soort",
    "titel",
    "versie",
    "status",
    "gestart_op",
    "vastgesteld_op",
    "herzien_voor",
    "mijlpaal",
    "opmerking",
)
DATALEK_FIELDS = (
    "omschrijving",
    "ontdekt_op",
    "gemeld_bij_ap",
    "gemeld_op",
    "meldingsreden",
    "aantal_betrokkenen",
    "betrokkenen_geinformeerd",
    "maatregelen",
)


def _require_fg(user) -> None:
    if not user.has_role(Role.FG):
        raise PermissionDenied


def _fill(obj, fields: tuple[str, ...], data: dict):
    for name in fields:
        if name in data:
            value = data[name]
            setattr(obj, name, value.strip() if isinstance(value, str) else value)
    return obj


@transaction.atomic
def verwerking_save(*, by, verwerking: Verwerking | None = None, **data) -> Verwerking:
    _require_fg(by)
    verwerking = _fill(verwerking or Verwerking(), VERWERKING_FIELDS, data)
    verwerking.full_clean()
    verwerking.save()
    return verwerking


@transaction.atomic
def document_save(*, by, document: PrivacyDocument | None = None, **data) -> PrivacyDocument:
    """A version of a DPIA or protocol. Set to 'vastgesteld', it reports its jaarplan milestone as done in the
    quarter of the date it was adopted (reporting.Realisatie, like a manual entry by the FG)."""
    _require_fg(by)
    document = _fill(document or PrivacyDocument(), DOCUMENT_FIELDS, data)
    if document.status == DocumentStatus.VASTGESTELD and not document.vastgesteld_op:
        raise ValidationError({"vastgesteld_op": _("Vul de datum van vaststelling in.")})
    if document.vastgesteld_op and document.gestart_op and document.vastgesteld_op < document.gestart_op:
        raise ValidationError({"vastgesteld_op": _("De vaststelling ligt vóór de start.")})
    if document.mijlpaal_id and document.mijlpaal.soort != "mijlpaal":
        raise ValidationError({"mijlpaal": _("Kies een mijlpaal uit het jaarplan.")})
    document.full_clean()
    document.save()
    if document.status == DocumentStatus.VASTGESTELD and document.mijlpaal_id:
        _report_milestone(document, by)
    return document


def _report_milestone(document: PrivacyDocument, by) -> None:
    from reporting.registry import find_metric
    from reporting.services import realisatie_save

    activiteit = document.mijlpaal
    jaar = activiteit.thema.ontwikkellijn.jaarplan.jaar
    if document.vastgesteld_op.year != jaar:
        return  # adopted in another year than the plan's: the plan's milestone is not reported from it
    kwartaal = (document.vastgesteld_op.month - 1) // 3 + 1
    realisatie_save(
        activiteit=activiteit,
        kwartaal=kwartaal,
        user=by,
        # A milestone bound to privacy.vastgesteld is reported from this register live; it only gets the note.
        gereed=find_metric(activiteit.metric_key) is None,
        toelichting=_("%(titel)s versie %(versie)s vastgesteld op %(datum)s (register van de FG).")
        % {"titel": document.titel, "versie": document.versie, "datum": datum_tekst(document.vastgesteld_op)},
    )


@transaction.atomic
def datalek_register(*, by, omschrijving: str, ontdekt_op: datetime, **data) -> Datalek:
    _require_fg(by)
    if ontdekt_op and ontdekt_op > timezone.now():
        raise ValidationError({"ontdekt_op": _("Het moment van ontdekken ligt in de toekomst.")})
    lek = _fill(
        Datalek(geregistreerd_door=by), DATALEK_FIELDS, {"omschrijving": omschrijving, "ontdekt_op": ontdekt_op, **data}
    )
    _check_datalek(lek)
    lek.full_clean()
    lek.save()
    return lek


@transaction.atomic
def datalek_update(*, datalek: Datalek, by, sluiten: bool = False, **data) -> Datalek:
    _require_fg(by)
    datalek = _fill(Datalek.objects.select_for_update().get(pk=datalek.pk), DATALEK_FIELDS, data)
    _check_datalek(datalek)
    if sluiten:
        if datalek.gemeld_bij_ap is None:
            raise ValidationError({"gemeld_bij_ap": _("Leg vast of het lek bij de AP is gemeld voordat u het sluit.")})
        if not datalek.maatregelen:
            raise ValidationError({"maatregelen": _("Beschrijf de maatregelen voordat u het lek sluit.")})
        datalek.status = DatalekStatus.GESLOTEN
    datalek.full_clean()
    datalek.save()
    return datalek


def _check_datalek(lek: Datalek) -> None:
    errors = {}
    if lek.gemeld_bij_ap is not None and not lek.meldingsreden:
        errors["meldingsreden"] = _("Geef de reden waarom het lek wel of niet is gemeld.")
    if lek.gemeld_bij_ap and not lek.gemeld_op:
        errors["gemeld_op"] = _("Vul in wanneer het lek bij de AP is gemeld.")
    if lek.gemeld_bij_ap is False:
        lek.gemeld_op = None
    if lek.gemeld_op and lek.ontdekt_op and lek.gemeld_op < lek.ontdekt_op:
        errors["gemeld_op"] = _("De melding ligt vóór de ontdekking.")
    if errors:
        raise ValidationError(errors)


def datalek_te_laat(lek: Datalek, now: datetime | None = None) -> bool:
    """Reported (or still unreported) after the 72 hours."""
    if lek.gemeld_bij_ap:
        return bool(lek.gemeld_op and lek.gemeld_op > lek.ap_deadline)
    return lek.gemeld_bij_ap is None and (now or timezone.now()) > lek.ap_deadline


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1
