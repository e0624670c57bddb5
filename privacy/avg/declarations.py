"""The privacy app's own models in the AVG registry: the AVG requests are personal data too."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import VerzoekStatus
from ..models import (
    AccessLogEntry,
    AccessLogPerson,
    AvgVerzoek,
    Bewaartermijn,
    Datalek,
    GeanonimiseerdDossier,
    LegalHold,
    LogCheckpoint,
    LogPrune,
    LogSeal,
    PrivacyDocument,
    Pseudoniem,
    Vernietigingsregel,
    Verwerking,
)
from .registry import AvgDossierType, Gegevens, classify, register

register(
    AvgDossierType(
        key="privacy.avgverzoek",
        model=AvgVerzoek,
        label=_("AVG-verzoek"),
        anchor="afgehandeld_op",
        eligible=Q(status=VerzoekStatus.AFGEHANDELD),
        default_months=24,
        verwerking="Afhandeling AVG-verzoeken",
        data=(Gegevens(AvgVerzoek, person_fields=("persoon",)),),
    )
)

classify(
    AvgVerzoek,
    identificerend=("persoon",),
    bijzonder=("omschrijving", "motivering", "export_pdf", "export_json"),
    gewoon=(
        "soort",
        "ontvangen_op",
        "termijn",
        "verlengd_tot",
        "verlenging_reden",
        "status",
        "besluit",
        "afgehandeld_op",
        "behandelaar",
        "export_gemaakt_op",
        "geregistreerd_op",
    ),
    geen=("id", "export_status", "export_aangevraagd_op", "export_pogingen", "export_fout", "export_verloopt_op"),
)
classify(
    AccessLogEntry,
    gewoon=("user", "username", "role", "ip_address", "timestamp", "action", "result", "view_name", "object_ids"),
    geen=("id", "organisation", "on_behalf_of", "object_type", "correlation_id"),
)
classify(AccessLogPerson, identificerend=("person_id",), gewoon=("timestamp",), geen=("id", "entry"))
classify(
    Datalek,
    gewoon=("geregistreerd_door",),
    geen=(
        "id",
        "omschrijving",
        "ontdekt_op",
        "status",
        "gemeld_bij_ap",
        "gemeld_op",
        "meldingsreden",
        "aantal_betrokkenen",
        "betrokkenen_geinformeerd",
        "maatregelen",
        "geregistreerd_op",
    ),
)
classify(
    Bewaartermijn,
    gewoon=("gewijzigd_door",),
    geen=("id", "soort", "maanden", "wijze", "verwerking", "toelichting", "gewijzigd_op"),
)
classify(
    LegalHold,
    gewoon=("geplaatst_door", "opgeheven_door"),
    geen=("id", "soort", "dossier_id", "reden", "geplaatst_op", "opgeheven_op"),
)
classify(
    Vernietigingsregel,
    geen=(
        "id",
        "run",
        "uitgevoerd_op",
        "soort",
        "wijze",
        "maanden",
        "peildatum",
        "dossiernummers",
        "aantal_dossiers",
        "aantal_personen",
        "aantallen",
        "aantal_mislukt",
        "mislukt",
        "uitgevoerd_door",
    ),
)
# The link between a person and their anonymous stand-in: removed together with the person.
classify(Pseudoniem, identificerend=("persoon_id",), geen=("id", "anoniem_id"))
classify(GeanonimiseerdDossier, geen=("id", "soort", "dossier_id", "op"))
classify(LogSeal, geen=("id", "log", "row_id", "hash"))
classify(LogCheckpoint, geen=("id", "log", "gemaakt_op", "seal_id", "row_id", "hash", "aantal"))
classify(LogPrune, geen=("id", "log", "op", "seal_id", "hash", "aantal"))
classify(
    Verwerking,
    geen=(
        "id",
        "naam",
        "doel",
        "grondslag",
        "categorieen_betrokkenen",
        "categorieen_gegevens",
        "ontvangers",
        "bewaartermijn",
        "beveiliging",
        "gewijzigd_op",
    ),
)
classify(
    PrivacyDocument,
    geen=(
        "id",
        "soort",
        "titel",
        "versie",
        "status",
        "gestart_op",
        "vastgesteld_op",
        "herzien_voor",
        "mijlpaal",
        "opmerking",
    ),
)
