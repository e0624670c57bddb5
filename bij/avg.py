"""AVG declarations of BIJ (privacy.avg): the BIJ-melding and the advice to the burgemeester.

Retention anchor: a melding has no closing-date field; its ``gewijzigd_op`` (auto_now) is the moment it was closed,
because a closed melding cannot be changed any more (``melding_update`` refuses it; reopening and closing again
moves the moment forward, which only delays destruction). A melding that was scaled up waits for its case to be
closed.

Wijze: the jaarplan figure ``bij.personen`` (bij/metrics.py) counts distinct persons, so the default is
anonimiseren (each person becomes an anonymous stand-in of their own: the count stays). On PostgreSQL the database
refuses to DELETE a melding and to UPDATE or DELETE a recorded state transition (migration 0003), except a DELETE by
the retention job (migration 0004): *vernietigen* removes the melding with its transitions. On anonymisation the
transitions are kept as recorded (listed for the inzage; nothing in them is changed by the retention job).
A melding that was scaled up to a case that was destroyed first (its link emptied by the retention job) counts
as closed.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from cases.choices import CasusStatus
from privacy.avg import AvgDossierType, Gegevens, classify, register
from privacy.models import LegalHold

from .access import ADVIES, MELDING
from .choices import MeldingStatus
from .models import (
    Advies,
    BijAgendapunt,
    BijOverleg,
    Dagmelding,
    Melding,
    Overgang,
    Uitnodiging,
    Uitwisseling18b,
)

VERWERKING = "Bestuurlijke informatievoorziening justitiabelen (BIJ)"


def _closed(prefix: str = "") -> Q:
    """Closed meldingen: afgerond, or opgeschaald and the case it went to is closed too."""
    return Q(**{f"{prefix}status": MeldingStatus.AFGEROND}) | (
        Q(**{f"{prefix}status": MeldingStatus.OPGESCHAALD})
        & (Q(**{f"{prefix}casus__isnull": True}) | Q(**{f"{prefix}casus__status": CasusStatus.AFGESLOTEN}))
    )


def _on_hold(soort: str, dossier: str) -> Q:
    return Q(Exists(LegalHold.objects.filter(soort=soort, opgeheven_op__isnull=True, dossier_id=OuterRef(dossier))))


# The advice is part of the melding (it goes with it), and a dossier type of its own (a shorter term can be set for
# it). A legal hold on either one keeps both.
_ADVIES_ON_HOLD = Q(
    Exists(
        Advies.objects.filter(
            melding=OuterRef("pk"),
            pk__in=LegalHold.objects.filter(soort=ADVIES, opgeheven_op__isnull=True).values("dossier_id"),
        )
    )
)

register(
    AvgDossierType(
        key=MELDING,
        model=Melding,
        label=_("BIJ-melding"),
        number_field="nummer",
        anchor="gewijzigd_op",
        eligible=_closed() & ~_ADVIES_ON_HOLD,
        default_months=60,
        default_wijze="anonimiseren",  # bij.personen counts these rows (bij/metrics.py)
        verwerking=VERWERKING,
        data=(
            Gegevens(
                Melding,
                person_fields=("persoon",),
                keep=True,
                # What bij.personen counts (the person itself cannot stay: see the report), and the anchor.
                statistiek=("ontvangen_op", "status", "gewijzigd_op"),
            ),
            Gegevens(Uitnodiging, "melding"),
            Gegevens(BijAgendapunt, "melding"),
            Gegevens(Advies, "melding"),
            # The art. 18b register is the FG's disclosure register: the exchange stays, without its free text.
            Gegevens(
                Uitwisseling18b,
                "melding",
                keep=True,
                statistiek=("richting", "partners", "gegevenscategorieen", "datum", "grondslag"),
            ),
            # Append-only (a PostgreSQL trigger refuses UPDATE and DELETE): kept as recorded, listed for the inzage.
            # Every personal field is listed here so that the retention job never issues an UPDATE for these rows.
            Gegevens(Overgang, "melding", keep=True, statistiek=("van", "naar", "stap", "reden", "door", "op")),
        ),
    )
)

register(
    AvgDossierType(
        key=ADVIES,
        model=Advies,
        label=_("advies aan de burgemeester (BIJ)"),
        anchor="melding__gewijzigd_op",
        eligible=_closed("melding__") & ~_on_hold(MELDING, "melding_id"),
        default_months=60,
        default_wijze="vernietigen",  # no figure counts the advice; at the latest it goes with its melding
        verwerking=VERWERKING,
        data=(Gegevens(Advies),),
    )
)

classify(
    Melding,
    identificerend=("persoon", "beoogde_verblijfplaats"),
    bijzonder=(
        "categorie",
        "soort",
        "verlof_soort",
        "inrichting",
        "verwachte_datum",
        "slachtoffers_nabij",
        "slachtoffers_toelichting",
        "reclasseringsadvies",
        "risico_samenvatting",
    ),
    gewoon=(
        "bron",
        "ontvangen_op",
        "brp_gemeente",
        "casus",
        "status",
        "afsluitreden",
        "mogelijk_dubbel",
        "dubbel_van",
        "geregistreerd_door",
        "geregistreerd_op",
        "gewijzigd_op",
    ),
    geen=("id",),
)
classify(
    Overgang,
    bijzonder=("reden",),
    gewoon=("van", "naar", "stap", "door", "op"),
    geen=("id", "melding"),
)
classify(
    Uitnodiging,
    bijzonder=("doel",),
    gewoon=("user", "organisatie", "geldig_van", "geldig_tot", "verleend_door", "verleend_op"),
    geen=("id", "melding"),
)
classify(
    Advies,
    bijzonder=("tekst", "maatregelen"),
    gewoon=(
        "datum",
        "gemeente",
        "opgesteld_door",
        "uitgebracht_op",
        "besluit_datum",
        "besluit_door",
        "besluit_geregistreerd_op",
    ),
    geen=("id", "melding"),
)
classify(BijOverleg, geen=("overleg",))
classify(
    BijAgendapunt,
    bijzonder=("verslag", "afspraken"),
    geen=("id", "bij_overleg", "melding", "volgorde"),
)
classify(
    Uitwisseling18b,
    bijzonder=("reden", "grondslag_toelichting"),
    gewoon=(
        "richting",
        "partners",
        "gegevenscategorieen",
        "datum",
        "grondslag",
        "geregistreerd_door",
        "geregistreerd_op",
    ),
    geen=("id", "melding", "casus"),
)
classify(Dagmelding, geen=("id", "datum", "aantal", "verzonden_op"))
