"""The FG's list of grondslagen: names and explanations change, codes never (dossiers refer to them)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role

from ..models import Grondslag


def _require_fg(user) -> None:
    if not user.has_role(Role.FG):
        raise PermissionDenied(_("Alleen de FG beheert de lijst van grondslagen."))


@transaction.atomic
def grondslag_create(
    *, by, code: str, naam: str, toelichting: str, actief: bool = True, volgorde: int = 0
) -> Grondslag:
    _require_fg(by)
    grondslag = Grondslag(
        code=code.strip().lower(),
        naam=naam.strip(),
        toelichting=toelichting.strip(),
        actief=actief,
        volgorde=volgorde,
        gewijzigd_door=by,
    )
    grondslag.full_clean()
    grondslag.save()
    return grondslag


@transaction.atomic
def grondslag_update(
    *, grondslag: Grondslag, by, naam: str, toelichting: str, actief: bool, volgorde: int = 0
) -> Grondslag:
    """Change the name, explanation, order or use of a grondslag; the code stays, so references keep working."""
    _require_fg(by)
    grondslag = Grondslag.objects.select_for_update().get(pk=grondslag.pk)
    grondslag.naam, grondslag.toelichting = naam.strip(), toelichting.strip()
    grondslag.actief, grondslag.volgorde, grondslag.gewijzigd_door = actief, volgorde, by
    grondslag.full_clean()
    grondslag.save()
    return grondslag
