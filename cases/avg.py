"""AVG declarations of the case dossier (privacy.avg): retention anchor, personal data, field classification."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bij.models import Uitwisseling18b
from privacy.avg import AvgDossierType, Gegevens, classify, register

from .choices import CasusStatus
from .models import (
    Afspraak,
    Agendapunt,
    Betrokkene,
    Casus,
    CasusGroupObjectPermission,
    CasusNummerReeks,
    Casusoverleg,
    CasusUserObjectPermission,
    Deelnemer,
    Doel,
    Grant,
    Grondslag,
    LogboekEntry,
    PlanVanAanpak,
    StatusWijziging,
)

register(
    AvgDossierType(
        key="cases.casus",
        model=Casus,
        label=_("casus"),
        number_field="nummer",
        anchor="afgesloten_op",
        eligible=Q(status=CasusStatus.AFGESLOTEN),
        default_months=60,
        default_wijze="anonimiseren",  # the jaarplan figures count these rows (see privacy.services.retention)
        verwerking="Casusregie complexe casuïstiek",
        # The aanmelding a case came from goes with the case.
        followers=lambda casus: [("triage.aanmelding", casus.aanmelding_id)] if casus.aanmelding_id else [],
        data=(
            Gegevens(
                Casus,
                person_fields=("hoofdpersoon",),
                keep=True,
                # What the jaarplan figures count (cases.metrics): kept on anonymisation, no person left to link.
                statistiek=(
                    "status",
                    "thema",
                    "aangemaakt_op",
                    "afgeschaald_op",
                    "afgesloten_op",
                    "afsluitreden",
                    "resultaat",
                ),
            ),
            Gegevens(CasusUserObjectPermission, "content_object"),
            Gegevens(CasusGroupObjectPermission, "content_object"),
            Gegevens(Grant, "casus"),
            Gegevens(Afspraak, "casus"),
            Gegevens(Agendapunt, "casus"),
            Gegevens(Doel, "plan__casus"),
            Gegevens(PlanVanAanpak, "casus"),
            Gegevens(LogboekEntry, "casus"),
            Gegevens(StatusWijziging, "casus"),
            Gegevens(Betrokkene, "casus", person_fields=("persoon",)),
            # An art. 18b exchange about the case alone (none about a BIJ-melding: that one goes with the melding;
            # the retention job empties its link to a destroyed case). Kept without free text on anonymisation.
            Gegevens(
                Uitwisseling18b,
                "casus",
                keep=True,
                statistiek=("richting", "partners", "gegevenscategorieen", "datum", "grondslag"),
                only=Q(melding__isnull=True),
            ),
        ),
    )
)

GEEN_ID = ("id",)

classify(
    Casus,
    identificerend=("hoofdpersoon",),
    bijzonder=("thema", "leefgebieden", "grondslag_toelichting"),
    gewoon=(
        "procesregisseur",
        "casusregisseur_persoon",
        "status",
        "aangemaakt_op",
        "afgeschaald_op",
        "afgesloten_op",
        "afsluitreden",
        "resultaat",
        "gewijzigd_op",
    ),
    geen=(
        *GEEN_ID,
        "nummer",
        "jaar",
        "volgnummer",
        "aanbrengende_partner",
        "grondslag",
        "casusregisseur_organisatie",
        "gemeente",
        "aanmelding",
    ),
)
classify(Betrokkene, identificerend=("persoon",), gewoon=("relatie",), geen=(*GEEN_ID, "casus"))
classify(StatusWijziging, gewoon=("van", "naar", "op", "reden", "door"), geen=(*GEEN_ID, "casus"))
classify(PlanVanAanpak, bijzonder=("samenvatting",), gewoon=("vastgesteld_op",), geen=(*GEEN_ID, "casus"))
classify(Doel, bijzonder=("omschrijving",), geen=(*GEEN_ID, "plan", "volgorde"))
classify(
    Afspraak,
    bijzonder=("actie",),
    gewoon=("eigenaar_persoon", "deadline", "status", "aangemaakt_door", "aangemaakt_op", "gereed_op"),
    geen=(*GEEN_ID, "casus", "agendapunt", "eigenaar_organisatie"),
)
classify(
    LogboekEntry,
    bijzonder=("tekst",),
    gewoon=("datum", "soort", "bron", "alleen_procesregie", "auteur", "aangemaakt_op"),
    geen=(*GEEN_ID, "casus"),
)
classify(
    Grant,
    gewoon=(
        "user",
        "rol",
        "doel",
        "geldig_van",
        "geldig_tot",
        "geldig_tot_automatisch",
        "verleend_door",
        "verleend_op",
        "ingetrokken_op",
        "ingetrokken_door",
    ),
    geen=(*GEEN_ID, "casus", "organisatie"),
)
for permission_model in (CasusUserObjectPermission, CasusGroupObjectPermission):
    classify(
        permission_model,
        gewoon=("user",) if permission_model is CasusUserObjectPermission else (),
        geen=(
            *GEEN_ID,
            "permission",
            "grant",
            "geldig_van",
            "geldig_tot",
            "content_object",
            *(("group",) if permission_model is CasusGroupObjectPermission else ()),
        ),
    )
classify(
    Casusoverleg,
    gewoon=("voorzitter", "ondersteuning", "aangemaakt_door"),
    geen=(*GEEN_ID, "datum_tijd", "eindigt_op", "locatie", "zaal", "soort", "aangemaakt_op"),
)
classify(
    Grondslag,
    gewoon=("gewijzigd_door",),
    geen=(*GEEN_ID, "code", "naam", "toelichting", "actief", "volgorde", "gewijzigd_op"),
)
classify(Agendapunt, bijzonder=("verslag", "besluiten"), geen=(*GEEN_ID, "overleg", "casus", "volgorde"))
classify(
    Deelnemer,
    identificerend=("naam",),
    gewoon=("incidenteel", "geheimhouding_geaccepteerd_op", "geregistreerd_door"),
    geen=(*GEEN_ID, "overleg", "organisatie"),
)
classify(CasusNummerReeks, geen=("jaar", "laatste"))
