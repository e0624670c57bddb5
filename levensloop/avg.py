"""AVG declarations of the levensloopaanpak (privacy.avg). Health data (psychische stoornis, LVB, verslaving, NAH)
and justice contacts: bijzondere and strafrechtelijke gegevens.

The term runs from ``afgesloten_op``: the day of geen inclusie, of niet opgenomen, or of the uitstroom decision.
A dossier in the approach never ends by itself ("niet loslaten"), so it is never eligible. Default *vernietigen*:
the jaarplan figures count distinct persons (levensloop.metrics), which anonymised rows (all pointing at the one
"(geanonimiseerd)" placeholder) cannot keep; the quarterly reports already compiled are kept as PDFs.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy.avg import AvgDossierType, Gegevens, classify, register

from .access import DOSSIER
from .choices import DossierStatus
from .models import Dossier, Review

register(
    AvgDossierType(
        key=DOSSIER,
        model=Dossier,
        label=_("levensloopdossier"),
        anchor="afgesloten_op",
        eligible=Q(status__in=(DossierStatus.GEEN_INCLUSIE, DossierStatus.NIET_OPGENOMEN, DossierStatus.UITGESTROOMD)),
        default_months=60,
        default_wijze="vernietigen",
        verwerking="Levensloopaanpak personen met verward gedrag met een hoog veiligheidsrisico",
        data=(
            Gegevens(
                Dossier,
                person_fields=("persoon",),
                keep=True,
                statistiek=("status", "geselecteerd_op", "besloten_op", "uitstroom_op", "uitstroom_reden"),
            ),
            Gegevens(Review, "dossier"),
        ),
    )
)

classify(
    Dossier,
    identificerend=("persoon",),
    bijzonder=(
        "gevaarlijk_gedrag",
        "oorzaken",
        "justitiecontacten",
        "langdurig_meervoudig",
        "titel",
        "titel_toelichting",
        "selectie_motivering",
        "besluit_motivering",
        "levensloopplan",
        "uitstroom_toelichting",
    ),
    gewoon=(
        "meerderjarig",
        "selectie_uitkomst",
        "geselecteerd_door",
        "geselecteerd_op",
        "status",
        "besloten_op",
        "levensloopaanbieder",
        "casusregisseur_gemeente",
        "casusregisseur_naam",
        "volgende_review",
        "eerste_review",
        "uitstroom_op",
        "uitstroom_reden",
        "afgesloten_op",
        "gewijzigd_op",
    ),
    geen=("id", "aanmelding", "casus"),
)
classify(
    Review,
    bijzonder=("conclusie",),
    gewoon=("gehouden_op", "volgende_review", "vastgelegd_door", "vastgelegd_op"),
    geen=("id", "dossier"),
)
