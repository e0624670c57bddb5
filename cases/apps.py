"""Cases (casus), persons, grants, plan van aanpak, afspraken, logboek and casusoverleg meetings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Casussen")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        for model in (m.Persoon, m.Casus, m.Betrokkene, m.PlanVanAanpak, m.Doel, m.Afspraak, m.LogboekEntry):
            auditlog.register(model)
        auditlog.register(m.Grant)  # granting, changing and revoking access are audited
        auditlog.register(m.Casusoverleg, m2m_fields={"ondersteuning"})
        auditlog.register(m.Agendapunt)
        auditlog.register(m.Deelnemer)
        auditlog.register(m.Team, m2m_fields={"leden"})
        _register_team_memberships()


def _register_team_memberships() -> None:
    """Team memberships load with the user's groups (one query per request), as "team:<code>"."""
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Concat

    from zvh.accounts.models import User

    from .models import Team

    def teams(user):
        return (
            Team.objects.filter(leden=user)
            .annotate(label=Concat(Value("team:"), F("code"), output_field=CharField()))
            .values_list("label", flat=True)
        )

    if teams.__qualname__ not in {source.__qualname__ for source in User.membership_sources}:
        User.membership_sources.append(teams)
