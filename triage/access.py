"""Who may see an aanmelding: the role rule of the dossier type "triage.aanmelding" (the layer adds themes).

- procesregisseur: every submitted aanmelding, and their own drafts;
- ketenpartner: their organisation's submitted aanmeldingen, and their own drafts;
- everyone else: none.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zvh.access import DossierType, PersonLink, register
from zvh.access.registry import NOTHING
from zvh.accounts.choices import Role

from .choices import AanmeldingStatus

AANMELDING = "triage.aanmelding"


def aanmelding_role_condition(user, prefix: str = "") -> Q:
    concept = Q(**{f"{prefix}status": AanmeldingStatus.CONCEPT})
    own_draft = concept & Q(**{f"{prefix}ingediend_door": user.pk})
    if user.has_role(Role.PROCESREGISSEUR):
        return ~concept | own_draft
    if user.has_role(Role.KETENPARTNER):
        return (~concept & Q(**{f"{prefix}aanbrengende_partner": user.organisation_id})) | own_draft
    return NOTHING


def register_aanmelding() -> None:
    from .models import Aanmelding, AanmeldingBetrokkene

    register(
        DossierType(
            key=AANMELDING,
            model=Aanmelding,
            label=_("aanmelding"),
            condition=aanmelding_role_condition,
            persons=(PersonLink(AanmeldingBetrokkene, "aanmelding__", "persoon"),),
            person_ids=lambda a: [b.persoon_id for b in a.betrokkenen.all() if b.persoon_id],
            on_behalf_of="aanbrengende_partner",
            theme_field="thema",
            # The melder follows what they submitted themselves, whatever its theme (they wrote it).
            theme_exempt=lambda user, prefix: Q(**{f"{prefix}ingediend_door": user.pk}),
            detail_url_name="triage:aanmelding_detail",
        )
    )
