"""The case state machine. Every allowed step is listed here; anything else is refused with a Dutch message."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import OPEN_STATUSES, CasusStatus

S = CasusStatus


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    needs_reason: bool = False
    needs_closing: bool = False  # afsluitreden + resultaat


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("overleg_plannen", _("Casusoverleg gepland"), (S.AANGEMAAKT,), S.OVERLEG_GEPLAND),
        Transition("plan_vaststellen", _("Plan van aanpak vaststellen"), (S.OVERLEG_GEPLAND,), S.PLAN_VASTGESTELD),
        Transition("uitvoeren", _("Start uitvoering en monitoring"), (S.PLAN_VASTGESTELD,), S.IN_UITVOERING),
        Transition("afschalen", _("Afschalen"), (S.IN_UITVOERING,), S.AFGESCHAALD, needs_reason=True),
        Transition("afsluiten", _("Afsluiten"), (S.AFGESCHAALD,), S.AFGESLOTEN, needs_closing=True),
        Transition(
            "voortijdig_afsluiten",
            _("Voortijdig afsluiten"),
            tuple(OPEN_STATUSES),
            S.AFGESLOTEN,
            needs_reason=True,
            needs_closing=True,
        ),
        Transition("heropenen", _("Heropenen"), (S.AFGESCHAALD, S.AFGESLOTEN), S.IN_UITVOERING, needs_reason=True),
    )
}


def available(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources]


def refusal(status: str, transition: Transition) -> str:
    return str(
        _("Dit kan niet: een casus met status ‘%(status)s’ kan niet ‘%(stap)s’. Mogelijk is nu: %(mogelijk)s.")
        % {
            "status": S(status).label,
            "stap": transition.label.lower(),
            "mogelijk": ", ".join(str(t.label).lower() for t in available(status)) or _("niets meer"),
        }
    )
