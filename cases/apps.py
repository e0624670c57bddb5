"""Cases (casus), persons, grants, plan van aanpak, afspraken, logboek and casusoverleg meetings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Casussen")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        for model in (m.Casus, m.Betrokkene, m.PlanVanAanpak, m.Doel, m.Afspraak, m.LogboekEntry):
            auditlog.register(model)
        auditlog.register(m.Grant)  # granting, changing and revoking access are audited
        auditlog.register(m.Casusoverleg, m2m_fields={"ondersteuning"})
        auditlog.register(m.Agendapunt)
        auditlog.register(m.Deelnemer)

        from .access import register_casus

        register_casus()
