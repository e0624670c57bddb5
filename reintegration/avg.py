"""AVG declarations of the re-integratie trajecten and ISD-trajecten (privacy.avg): retention, personal data and the
classification of every field. Detention and the ISD measure are strafrechtelijke gegevens (UAVG art. 31/33).

- reintegration.traject: the term runs from ``afgerond_op`` (set on afronden and on opschalen). An opgeschaald
  traject waits while the casus that took it over is still open. Default *anonimiseren*: the jaarplan figure
  "Personen met een re-integratietraject" (reintegration.metrics) counts *distinct* persons, and every person is
  replaced by an anonymous stand-in of their own (privacy.models.Pseudoniem), so the figure and the unique rule
  (persoon, begin_detentie) both hold: two trajecten of one person keep their different detention starts.
- reintegration.isd: no jaarplan figure counts ISD-trajecten, so a closed one is destroyed completely. The model
  has no closing date, so the term runs from the end of the measure (``einddatum``) of an ``afgerond`` traject.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.choices import CasusStatus
from privacy.avg import AvgDossierType, Gegevens, classify, register

from .access import ISD, TRAJECT
from .choices import TrajectStatus
from .models import Basisvoorwaarde, ISDFase, ISDTraject, SignaalMail, Traject, TrajectStap, TrajectToegang

register(
    AvgDossierType(
        key=TRAJECT,
        model=Traject,
        label=_("re-integratietraject"),
        anchor="afgerond_op",
        eligible=Q(status=TrajectStatus.AFGEROND)
        | (Q(status=TrajectStatus.OPGESCHAALD) & (Q(casus__isnull=True) | Q(casus__status=CasusStatus.AFGESLOTEN))),
        default_months=60,
        default_wijze="anonimiseren",  # see the module docstring
        verwerking="Coördinatie re-integratie ex-gedetineerden",
        data=(
            Gegevens(
                Traject,
                person_fields=("persoon",),
                keep=True,
                # What reintegration.metrics.active_between filters on.
                statistiek=("status", "gemeld_op", "afgerond_op"),
            ),
            Gegevens(TrajectToegang, "traject"),
            Gegevens(Basisvoorwaarde, "traject"),
            Gegevens(TrajectStap, "traject"),
        ),
    )
)

register(
    AvgDossierType(
        key=ISD,
        model=ISDTraject,
        label=_("ISD-traject"),
        anchor="einddatum",
        eligible=Q(afgerond=True),
        default_months=60,
        default_wijze="vernietigen",  # no jaarplan figure counts ISD-trajecten
        verwerking="Regie op de ISD-maatregel (aanloop en re-integratie)",
        data=(
            Gegevens(ISDTraject, person_fields=("persoon",)),
            Gegevens(ISDFase, "isd"),
        ),
    )
)

GEEN_ID = ("id",)

classify(
    Traject,
    identificerend=("persoon",),
    bijzonder=(
        # Detention: strafrechtelijke gegevens.
        "begin_detentie",
        "verwachte_vrijlating",
        "werkelijke_vrijlating",
        "zelfde_dag",
        "inrichting",
    ),
    gewoon=(
        "gemeente",  # where the person lives (BRP)
        "gemeld_op",
        "status",
        "afgerond_op",
        "dji_casemanager",
        "dji_contact",
        "aangemaakt_door",
        "aangemaakt_op",
    ),
    geen=(*GEEN_ID, "casus", "bron"),
)
classify(
    TrajectStap,
    bijzonder=("reden",),
    gewoon=("van", "naar", "door", "op"),
    geen=(*GEEN_ID, "traject"),
)
classify(
    Basisvoorwaarde,
    bijzonder=("notitie",),  # free text about care, debts, housing after detention
    gewoon=(
        "soort",
        "status",
        "organisatie",
        "toestemming",
        "toestemming_datum",
        "gewijzigd_door",
        "gewijzigd_op",
    ),
    geen=(*GEEN_ID, "traject"),
)
classify(
    TrajectToegang,
    gewoon=("doel", "geldig_van", "geldig_tot", "verleend_door"),
    geen=(*GEEN_ID, "traject", "organisatie"),
)
classify(
    ISDTraject,
    identificerend=("persoon",),
    bijzonder=("vonnis_datum", "startdatum", "einddatum", "inrichting", "fase", "afgerond"),
    gewoon=("gemeente", "aangemaakt_door", "aangemaakt_op"),
    geen=GEEN_ID,
)
classify(
    ISDFase,
    bijzonder=("soort", "startdatum", "einddatum", "plan"),
    gewoon=("gewijzigd_door", "gewijzigd_op"),
    geen=(*GEEN_ID, "isd"),
)
# Staff only (that the daily signal mail went to a user): no data about a betrokkene, in no dossier.
classify(SignaalMail, gewoon=("ontvanger", "datum", "verzonden_op"), geen=GEEN_ID)
