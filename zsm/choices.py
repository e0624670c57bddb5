from django.db import models
from django.utils.translation import gettext_lazy as _

from triage.choices import ZSM_TEAM
from zvh.accounts.choices import OrganisationType

TEAM = ZSM_TEAM  # the team of the ZSM partners' accounts (migration 0002); what they submit to triage is bron ZSM


class ZsmPartner(models.TextChoices):
    OM = "om", _("Openbaar Ministerie")
    POLITIE = "politie", _("Politie")
    RVDK = "rvdk", _("Raad voor de Kinderbescherming")
    RECLASSERING = "reclassering", _("Reclassering")
    SLACHTOFFERHULP = "slachtofferhulp", _("Slachtofferhulp")


# The ZSM partner an organisation is, when its type says so (Slachtofferhulp has no organisation type of its own).
PARTNER_BY_ORGANISATION_TYPE = {
    OrganisationType.OM: ZsmPartner.OM,
    OrganisationType.POLITIE: ZsmPartner.POLITIE,
    OrganisationType.RVDK: ZsmPartner.RVDK,
    OrganisationType.RECLASSERING: ZsmPartner.RECLASSERING,
}

# The answer is minimal by agreement: a few sentences, never the case file.
MAX_CONTEXT = 600
MAX_VRAAG = 600
