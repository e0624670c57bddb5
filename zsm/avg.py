"""AVG declarations of zsm (privacy.avg): the contextverzoek.

Context for ZSM is given for a decision on the same day; the verzoek is kept 12 months after it came in, once
answered (an open one stays), then anonymised: the names, BSN, birth date, the question, the context text and the
link to the person go; partner, minor/adult, times and known yes/no stay for the figures (zsm.metrics).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy.avg import AvgDossierType, Gegevens, classify, register

from .access import CONTEXTVERZOEK
from .models import Contextverzoek

register(
    AvgDossierType(
        key=CONTEXTVERZOEK,
        model=Contextverzoek,
        label=_("contextverzoek ZSM"),
        anchor="ontvangen_op",
        eligible=Q(beantwoord_op__isnull=False),
        default_months=12,
        default_wijze="anonimiseren",
        verwerking="Contextinformatie aan ZSM",
        data=(
            Gegevens(
                Contextverzoek,
                person_fields=("persoon",),
                keep=True,
                statistiek=("partner", "minderjarig", "ontvangen_op", "deadline", "bekend", "beantwoord_op"),
            ),
        ),
    )
)

classify(
    Contextverzoek,
    identificerend=("voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "bsn", "persoon", "kenmerk"),
    # Being a suspect at ZSM, and what the ZVH knows about them: criminal-justice data.
    bijzonder=("vraag", "context", "bekend"),
    gewoon=("minderjarig", "ontvangen_op", "deadline", "beantwoord_op", "aangevraagd_door", "beantwoord_door"),
    geen=("id", "partner", "partner_organisatie"),
)
