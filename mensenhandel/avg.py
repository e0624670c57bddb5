"""AVG declarations of mensenhandel (privacy.avg): signalen and zorgcoördinatietrajecten, with the shelter address.

- A traject is kept 60 months after it was closed (like its linked case, which has its own term in cases/avg.py),
  then anonymised: the procedures, the shelter address and the records of who asked to see it are deleted, the
  traject stays as an anonymous skeleton (victim unlinked). The signaal it started from goes with it (follower).
- A signaal without a traject is kept 24 months after it came in, once it has an outcome (open signals stay), then
  anonymised: the jaarplan counts signalen per date received (mensenhandel.metrics), so the row stays without the
  person, the nationality and the reasons; the outcome stays so that a skeleton never shows up as an open signal.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy.avg import AvgDossierType, Gegevens, classify, register, withhold

from .access import SIGNAAL, TRAJECT
from .choices import SignaalUitkomst, TrajectStatus
from .models import AdresInzage, Opvangadres, Procedure, Signaal, Traject

VERWERKING = "Zorgcoördinatie mensenhandel"

register(
    AvgDossierType(
        key=TRAJECT,
        model=Traject,
        label=_("zorgcoördinatietraject"),
        anchor="afgesloten_op",
        eligible=Q(status=TrajectStatus.AFGESLOTEN),
        default_months=60,
        # Anonymised, not destroyed: the signaal that goes with it (below) is counted by the jaarplan figures.
        default_wijze="anonimiseren",
        verwerking=VERWERKING,
        followers=lambda traject: [(SIGNAAL, traject.signaal_id)] if traject.signaal_id else [],
        data=(
            Gegevens(
                Traject, person_fields=("persoon",), keep=True, statistiek=("status", "gestart_op", "afgesloten_op")
            ),
            Gegevens(Procedure, "traject"),
            Gegevens(Opvangadres, "traject"),
            Gegevens(AdresInzage, "traject"),
        ),
    )
)

register(
    AvgDossierType(
        key=SIGNAAL,
        model=Signaal,
        label=_("signaal mensenhandel"),
        anchor="ontvangen_op",
        # Decided signals only; a signaal that led to a traject goes with that traject (its follower).
        eligible=~Q(uitkomst=SignaalUitkomst.OPEN) & Q(traject__isnull=True),
        follows_only=Q(traject__isnull=False),
        default_months=24,
        default_wijze="anonimiseren",  # mensenhandel.signalen counts these rows by ontvangen_op
        verwerking=VERWERKING,
        data=(Gegevens(Signaal, person_fields=("persoon",), keep=True, statistiek=("ontvangen_op", "uitkomst")),),
    )
)

classify(
    Signaal,
    identificerend=("persoon",),
    # The form of exploitation reveals the offence the person is a victim of (and, when sexual, their sex life).
    bijzonder=("vorm", "uitkomst_reden"),
    gewoon=(
        "ontvangen_op",
        "signalerende_organisatie",
        "minderjarig",
        "nationaliteit",
        "uitkomst",
        "geregistreerd_door",
        "geregistreerd_op",
    ),
    geen=("id", "gemeente"),
)
classify(
    Traject,
    identificerend=("persoon",),
    bijzonder=("opvang_soort",),  # e.g. categorale opvang for victims, beschermde opvang for minors
    gewoon=("zorgcoordinator", "status", "gestart_op", "afgesloten_op", "gewijzigd_op"),
    geen=("id", "signaal", "casus"),
)
classify(
    Procedure,
    identificerend=("referentie",),  # the CoMensha kenmerk identifies the victim there
    bijzonder=("soort", "status"),  # aangifte, B8 residence permit: criminal proceedings and residence status
    gewoon=("datum", "einddatum", "gewijzigd_op"),
    geen=("id", "traject"),
)
classify(
    Opvangadres,
    identificerend=("adres",),  # the shielded shelter address
    gewoon=("gewijzigd_door", "gewijzigd_op"),
    geen=("traject",),
)
classify(AdresInzage, bijzonder=("reden",), gewoon=("door", "op"), geen=("id", "traject"))

# Never in an inzage export (art. 15 lid 4 AVG, art. 41 lid 1 sub d/i UAVG): the shelter address would endanger the
# victim and the other residents when the export reaches the wrong hands (e.g. the exploiter). The export says so.
withhold(
    Opvangadres,
    ("adres",),
    reden=_(
        "Het adres van de opvang is weggelaten ter bescherming van de veiligheid van u en van anderen "
        "(artikel 15 lid 4 AVG, artikel 41 UAVG). De functionaris gegevensbescherming kan dit toelichten."
    ),
)
