"""AVG declarations of the aanmelding (privacy.avg). An aanmelding that was scaled up goes with its case."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy.avg import AvgDossierType, Gegevens, classify, register

from .choices import AanmeldingStatus, Uitkomst
from .models import Aanmelding, AanmeldingBetrokkene, Aanvulling, Advies, TriageBord, TriageSessie, Weging

register(
    AvgDossierType(
        key="triage.aanmelding",
        model=Aanmelding,
        label=_("aanmelding"),
        anchor="weging__besloten_op",
        # Not scaled up: the term runs from the triage decision. Scaled up: destroyed with the case (cases/avg.py).
        eligible=Q(status=AanmeldingStatus.BESLOTEN) & ~Q(weging__uitkomst=Uitkomst.OPSCHALEN),
        default_months=12,
        default_wijze="anonimiseren",
        verwerking="Aanmelding en triage",
        data=(
            Gegevens(
                Aanmelding,
                keep=True,
                statistiek=("status", "thema", "aangemaakt_op", "ingediend_op", "spoed", "bron"),
            ),
            Gegevens(
                Weging,
                "aanmelding",
                keep=True,
                statistiek=(
                    "uitkomst",
                    "besloten_op",
                    "criterium_1",
                    "criterium_2",
                    "criterium_3",
                    "criterium_4",
                ),
            ),
            Gegevens(Aanvulling, "aanmelding"),
            Gegevens(AanmeldingBetrokkene, "aanmelding", person_fields=("persoon",)),
        ),
    )
)

classify(
    Aanmelding,
    bijzonder=("aanleiding", "doel", "leefgebieden", "thema", "reden_niet_geinformeerd", "grondslag_toelichting"),
    gewoon=(
        "status",
        "ingediend_door",
        "spoed",
        "betrokkene_geinformeerd",
        "aangemaakt_op",
        "ingediend_op",
        "gewijzigd_op",
    ),
    geen=("id", "aanbrengende_partner", "bron", "gemeente", "grondslag", "sessie", "voorgestelde_partners"),
)
classify(
    AanmeldingBetrokkene,
    identificerend=("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "persoon"),
    gewoon=("relatie", "geslacht", "straat", "huisnummer", "postcode", "woonplaats", "brp_gemeente"),
    geen=("id", "aanmelding"),
)
classify(
    Weging,
    bijzonder=("motivering", "afwijking_reden"),
    gewoon=(
        "criterium_1",
        "criterium_2",
        "criterium_3",
        "criterium_4",
        "uitkomst",
        "besloten_door",
        "besloten_op",
        "melder_gemaild_op",
    ),
    geen=("id", "aanmelding", "sessie", "doorgeleid_naar"),
)
classify(
    Advies,
    identificerend=("vrager",),
    bijzonder=("vraag", "advies", "betreft_persoon"),
    gewoon=("geregistreerd_door", "aanleiding"),
    geen=("id", "datum", "organisatie", "thema", "tijd_minuten", "vervolg", "geregistreerd_op"),
)
classify(
    Aanvulling,
    bijzonder=("vraag", "antwoord"),
    gewoon=("gevraagd_door", "gevraagd_op", "beantwoord_door", "beantwoord_op"),
    geen=("id", "aanmelding"),
)
classify(TriageBord, geen=("id", "naam", "soort", "frequentie", "team"))
classify(TriageSessie, geen=("id", "bord", "datum"))
