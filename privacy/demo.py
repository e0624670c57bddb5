"""Demo data for the FG: verwerkingsregister, retention terms, DPIA's and protocols (reporting the jaarplan
milestones), a datalek whose 72 hours are running, and AVG requests. Idempotent: skipped when the register exists.

Runs before the case data (INSTALLED_APPS order): nothing here refers to a person. The inzage flow for Jan de Vries
(BSN 999990019) is done by hand or in the browser test: register a request with his BSN and make the export.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from zvh.accounts.models import User

from .choices import DocumentSoort, DocumentStatus, VerzoekSoort, Wijze
from .models import Verwerking
from .services import registers, requests, retention

AMS = ZoneInfo("Europe/Amsterdam")
BEVEILIGING = (
    "Tweefactorauthenticatie voor iedereen; toegang per casus (need-to-know) met einddatum; elke inzage gelogd "
    "(NEN 7513), de log is alleen aan te vullen en met een hashketen verzegeld; versleutelde verbindingen en back-ups."
)
VERWERKINGEN = [
    {
        "naam": "Casusregie complexe casuïstiek",
        "doel": "Regie op de aanpak van complexe casuïstiek met zorg- en veiligheidspartners (casusoverleg, plan van "
        "aanpak, monitoring).",
        "grondslag": "Art. 6 lid 1 sub e AVG (taak van algemeen belang van de aanbrengende partner); UAVG art. 23 en "
        "30 voor strafrechtelijke en bijzondere gegevens; convenant Zorg- en Veiligheidshuis Baronie Breda.",
        "categorieen_betrokkenen": "Hoofdpersonen van een casus en hun betrokkenen (partner, kinderen, ouders).",
        "categorieen_gegevens": "Naam, BSN, geboortedatum, adres; leefgebieden, zorg, justitiële gegevens, "
        "afspraken en logboek.",
        "ontvangers": "De partners die aan een casus deelnemen (per casus, met einddatum).",
        "bewaartermijn": "5 jaar na afsluiten; daarna geanonimiseerd (statistiek blijft).",
        "beveiliging": BEVEILIGING,
        "soorten": {"cases.casus": (60, Wijze.ANONIMISEREN)},
    },
    {
        "naam": "Aanmelding en triage",
        "doel": "Beoordelen of een casus in aanmerking komt voor het Zorg- en Veiligheidshuis (triage).",
        "grondslag": "Art. 6 lid 1 sub e AVG; convenant Zorg- en Veiligheidshuis Baronie Breda.",
        "categorieen_betrokkenen": "Aangemelde personen en hun betrokkenen.",
        "categorieen_gegevens": "Naam, BSN, geboortedatum, adres; aanleiding, leefgebieden, triagebesluit.",
        "ontvangers": "De melder (uitkomst); bij opschalen de deelnemers aan de casus.",
        "bewaartermijn": "1 jaar na het triagebesluit als niet is opgeschaald; anders met de casus.",
        "beveiliging": BEVEILIGING,
        "soorten": {"triage.aanmelding": (12, Wijze.ANONIMISEREN)},
    },
    {
        "naam": "Afhandeling AVG-verzoeken",
        "doel": "Verzoeken van betrokkenen (inzage, rectificatie, verwijdering, beperking, bezwaar) afhandelen.",
        "grondslag": "Art. 6 lid 1 sub c AVG (wettelijke verplichting, art. 12–22 AVG).",
        "categorieen_betrokkenen": "Verzoekers.",
        "categorieen_gegevens": "Identiteit, het verzoek, het besluit en de verstrekte gegevens.",
        "ontvangers": "De verzoeker.",
        "bewaartermijn": "2 jaar na afhandeling.",
        "beveiliging": BEVEILIGING,
        "soorten": {"privacy.avgverzoek": (24, Wijze.VERNIETIGEN)},
    },
    {
        "naam": "Toegangsregistratie en wijzigingslog",
        "doel": "Verantwoording: wie welke persoonsgegevens heeft ingezien of gewijzigd (NEN 7513 naar analogie).",
        "grondslag": "Art. 5 lid 2 en art. 32 AVG.",
        "categorieen_betrokkenen": "Gebruikers en de personen wier gegevens zijn ingezien.",
        "categorieen_gegevens": "Gebruiker, organisatie, rol, moment, actie, objecten en personen (nummers).",
        "ontvangers": "Alleen de functionaris gegevensbescherming.",
        "bewaartermijn": "5 jaar; verzegelde rijen worden daarna verwijderd zonder de keten te breken.",
        "beveiliging": BEVEILIGING,
        "soorten": {"log.toegang": (60, Wijze.VERNIETIGEN), "log.audit": (60, Wijze.VERNIETIGEN)},
    },
]
DOCUMENTEN = [
    # (soort, titel, versie, status, gestart, vastgesteld, mijlpaal in het jaarplan)
    (
        DocumentSoort.DPIA,
        "DPIA informatiesysteem",
        "1.0",
        DocumentStatus.VASTGESTELD,
        date(2021, 11, 1),
        date(2022, 3, 15),
        "DPIA informatiesysteem",
    ),
    (DocumentSoort.DPIA, "DPIA BIJ", "0.9", DocumentStatus.VERVALLEN, date(2022, 2, 1), None, None),
    (
        DocumentSoort.DPIA,
        "DPIA BIJ",
        "1.0",
        DocumentStatus.VASTGESTELD,
        date(2022, 2, 1),
        date(2022, 8, 30),
        "DPIA BIJ",
    ),
    (
        DocumentSoort.PROTOCOL,
        "Privacyprotocol Mensenhandel",
        "1.0",
        DocumentStatus.VASTGESTELD,
        date(2022, 1, 10),
        date(2022, 5, 10),
        "Privacy protocol Mensenhandel",
    ),
    (
        DocumentSoort.PROTOCOL,
        "Privacyprotocol BIJ",
        "0.3",
        DocumentStatus.TER_ADVIES,
        date(2022, 9, 1),
        None,
        "Privacy protocol BIJ",
    ),
]


def seed(stdout=None, **options) -> None:
    fg = User.objects.filter(username="fg").first()
    if fg is None or Verwerking.objects.filter(naam=VERWERKINGEN[0]["naam"]).exists():
        return
    with transaction.atomic():
        _verwerkingen(fg)
        _documenten(fg)
        _datalekken(fg)
        _verzoeken(fg)
    if stdout is not None:
        stdout.write("Privacy: verwerkingsregister, bewaartermijnen, DPIA's, datalekken en AVG-verzoeken.")


def _verwerkingen(fg) -> None:
    for row in VERWERKINGEN:
        data = {k: v for k, v in row.items() if k != "soorten"}
        verwerking = registers.verwerking_save(by=fg, **data)
        for soort, (maanden, wijze) in row["soorten"].items():
            retention.bewaartermijn_set(soort=soort, maanden=maanden, wijze=wijze, by=fg, verwerking=verwerking)
    retention.bewaartermijnen_defaults()  # any type registered later gets its declared default


def _documenten(fg) -> None:
    from reporting.models import Activiteit
    from reporting.seeds import jaarplan_2022
    from reporting.services import jaarplan_load

    jaarplan_load(data=jaarplan_2022)  # idempotent; the reporting demo (later in the order) loads it too

    for soort, titel, versie, status, gestart, vastgesteld, mijlpaal in DOCUMENTEN:
        activiteit = (
            Activiteit.objects.filter(omschrijving=mijlpaal, thema__ontwikkellijn__jaarplan__jaar=2022).first()
            if mijlpaal
            else None
        )
        registers.document_save(
            by=fg,
            soort=soort,
            titel=titel,
            versie=versie,
            status=status,
            gestart_op=gestart,
            vastgesteld_op=vastgesteld,
            mijlpaal=activiteit,
        )


def _datalekken(fg) -> None:
    registers.datalek_register(
        by=fg,
        omschrijving="Agenda van een casusoverleg per e-mail naar een verkeerde ontvanger bij een partner gestuurd.",
        ontdekt_op=timezone.now() - timedelta(hours=20),
        aantal_betrokkenen=3,
    )
    old = registers.datalek_register(
        by=fg,
        omschrijving="Onversleutelde USB-stick met een overzicht van aanmeldingen verloren.",
        ontdekt_op=datetime(2022, 10, 4, 9, 30, tzinfo=AMS),
        aantal_betrokkenen=12,
    )
    registers.datalek_update(
        datalek=old,
        by=fg,
        sluiten=True,
        gemeld_bij_ap=True,
        gemeld_op=datetime(2022, 10, 5, 14, 0, tzinfo=AMS),
        meldingsreden="Gevoelige gegevens onversleuteld; risico voor de betrokkenen.",
        betrokkenen_geinformeerd=True,
        maatregelen="USB-poorten geblokkeerd; gegevens alleen nog in het informatiesysteem.",
    )


def _verzoeken(fg) -> None:
    today = timezone.localdate()
    requests.verzoek_register(
        by=fg,
        soort=VerzoekSoort.BEZWAAR,
        ontvangen_op=today - timedelta(days=40),
        omschrijving="Bezwaar tegen de verwerking in een casus (brief van de advocaat).",
    )
    verwijdering = requests.verzoek_register(
        by=fg,
        soort=VerzoekSoort.VERWIJDERING,
        ontvangen_op=today - timedelta(days=20),
        omschrijving="Verzoek om verwijdering van een afgesloten aanmelding.",
    )
    requests.verzoek_verlengen(
        verzoek=verwijdering, by=fg, reden="Vier partners moeten worden gehoord over hun wettelijke bewaarplicht."
    )
