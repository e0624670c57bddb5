"""The BIJ-melding state machine. Every allowed step is listed here; anything else is refused in Dutch."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import GESLOTEN, MeldingStatus

S = MeldingStatus
OPEN = tuple(s for s in S if s not in GESLOTEN)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    manual: bool = True  # offered as a button; the others happen through their own step (agenda, advice, besluit)
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("onderzoeken", _("In onderzoek nemen"), (S.ONTVANGEN,), S.IN_ONDERZOEK),
        Transition("agenderen", _("Agenderen op BIJ-overleg"), (S.ONTVANGEN, S.IN_ONDERZOEK), S.GEAGENDEERD, False),
        Transition(
            "advies_uitbrengen", _("Advies uitbrengen"), (S.IN_ONDERZOEK, S.GEAGENDEERD), S.ADVIES_UITGEBRACHT, False
        ),
        Transition(
            "besluit_registreren", _("Besluit registreren"), (S.ADVIES_UITGEBRACHT,), S.BESLUIT_ONTVANGEN, False
        ),
        Transition("afronden", _("Afronden"), OPEN, S.AFGEROND, needs_reason=True),
        Transition(
            "opschalen",
            _("Opschalen naar een casus"),
            (S.IN_ONDERZOEK, S.GEAGENDEERD, S.ADVIES_UITGEBRACHT, S.BESLUIT_ONTVANGEN),
            S.OPGESCHAALD,
            needs_reason=True,
        ),
        Transition("heropenen", _("Heropenen"), (S.AFGEROND,), S.IN_ONDERZOEK, needs_reason=True),
    )
}


def available(status: str, *, manual_only: bool = False) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources and (t.manual or not manual_only)]


def refusal(status: str, transition: Transition) -> str:
    return str(
        _("Dit kan niet: een BIJ-melding met status ‘%(status)s’ kan niet ‘%(stap)s’. Mogelijk is nu: %(mogelijk)s.")
        % {
            "status": S(status).label,
            "stap": str(transition.label).lower(),
            "mogelijk": ", ".join(str(t.label).lower() for t in available(status)) or _("niets meer"),
        }
    )
