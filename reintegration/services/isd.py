"""ISD-trajecten: the measure lasts at most two years; the ZVH plans the aanloop- and re-integratiefase."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zvh.accounts.models import Organisation
from zvh.core.dates import datum_tekst

from ..choices import ISDFaseSoort
from ..models import ISDFase, ISDTraject
from .traject import _check_gemeente, persoon_match, require_director

MAX_JAREN = 2


def isd_max_einde(startdatum: date) -> date:
    """Two years after the start (29 February starts end on 28 February)."""
    try:
        return startdatum.replace(year=startdatum.year + MAX_JAREN)
    except ValueError:
        return startdatum.replace(year=startdatum.year + MAX_JAREN, day=28)


TOO_LONG = _("Een ISD-maatregel duurt ten hoogste twee jaar: het einde mag niet na %(max)s liggen.")


@transaction.atomic
def isd_create(
    *,
    by,
    persoon: dict,
    gemeente: Organisation,
    vonnis_datum: date,
    startdatum: date,
    inrichting: str,
    einddatum: date | None = None,
) -> ISDTraject:
    """An ISD-traject; the end is computed as two years after the start unless an earlier end is given. A longer
    period is refused. The three phases are created empty, the first (aanloop) current."""
    require_director(by=by)
    _check_gemeente(by=by, gemeente=gemeente)
    if startdatum < vonnis_datum:
        raise ValidationError({"startdatum": _("De maatregel kan niet vóór het vonnis beginnen.")})
    maximum = isd_max_einde(startdatum)
    einddatum = einddatum or maximum
    if einddatum > maximum:
        raise ValidationError({"einddatum": TOO_LONG % {"max": datum_tekst(maximum)}})
    if einddatum <= startdatum:
        raise ValidationError({"einddatum": _("Het einde moet na de start liggen.")})
    linked, _created = persoon_match(persoon)
    isd = ISDTraject(
        persoon=linked,
        gemeente=gemeente,
        vonnis_datum=vonnis_datum,
        startdatum=startdatum,
        einddatum=einddatum,
        inrichting=inrichting.strip(),
        aangemaakt_door=by,
    )
    isd.full_clean()
    isd.save()
    ISDFase.objects.bulk_create(ISDFase(isd=isd, soort=s) for s in ISDFaseSoort.values)
    isd.fasen.filter(soort=ISDFaseSoort.AANLOOP).update(startdatum=startdatum)
    return isd


@transaction.atomic
def isd_fase_update(
    *, fase: ISDFase, by, startdatum: date | None, einddatum: date | None, plan: str, huidig: bool = False
) -> ISDFase:
    """Dates and plan of one phase; ``huidig`` makes it the current phase of the measure."""
    isd = fase.isd
    require_director(by=by, gemeente_id=isd.gemeente_id)
    for field, value in (("startdatum", startdatum), ("einddatum", einddatum)):
        if value and not (isd.startdatum <= value <= isd.einddatum):
            raise ValidationError({field: _("Een fase valt binnen de looptijd van de maatregel.")})
    if startdatum and einddatum and einddatum < startdatum:
        raise ValidationError({"einddatum": _("Het einde van de fase ligt vóór de start.")})
    fase.startdatum, fase.einddatum, fase.plan, fase.gewijzigd_door = startdatum, einddatum, plan.strip(), by
    fase.full_clean()
    fase.save()
    if huidig and isd.fase != fase.soort:
        isd.fase = fase.soort
        isd.save(update_fields=["fase"])
    return fase


@transaction.atomic
def isd_close(*, isd: ISDTraject, by) -> ISDTraject:
    require_director(by=by, gemeente_id=isd.gemeente_id)
    isd.afgerond = True
    isd.save(update_fields=["afgerond"])
    return isd
