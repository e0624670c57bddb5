"""Writes of the activities register. Kept by the secretariaat and the procesregisseurs."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation

from .choices import Maat, Soort
from .models import Deelname, Netwerkactiviteit

REGISTER_ROLES = (Role.SECRETARIAAT, Role.PROCESREGISSEUR)


def _require(by) -> None:
    if not by.has_role(*REGISTER_ROLES):
        raise PermissionDenied(_("Alleen het secretariaat en de procesregisseurs houden het activiteitenregister bij."))


def _check_activiteit(activiteit: Netwerkactiviteit) -> None:
    if activiteit.soort == Soort.TRAINING and not activiteit.training:
        raise ValidationError({"training": _("Kies welke training is gegeven.")})
    if activiteit.soort != Soort.TRAINING:
        activiteit.training = ""
    activiteit.full_clean()


@transaction.atomic
def activiteit_create(
    *, by, datum: date, soort: str, onderwerp: str, training: str = "", omschrijving: str = ""
) -> Netwerkactiviteit:
    _require(by)
    activiteit = Netwerkactiviteit(
        datum=datum,
        soort=soort,
        training=training,
        onderwerp=onderwerp.strip(),
        omschrijving=omschrijving.strip(),
        geregistreerd_door=by,
    )
    _check_activiteit(activiteit)
    activiteit.save()
    return activiteit


@transaction.atomic
def activiteit_update(
    *,
    activiteit: Netwerkactiviteit,
    by,
    datum: date,
    soort: str,
    onderwerp: str,
    training: str = "",
    omschrijving: str = "",
) -> Netwerkactiviteit:
    _require(by)
    activiteit.datum, activiteit.soort, activiteit.training = datum, soort, training
    activiteit.onderwerp, activiteit.omschrijving = onderwerp.strip(), omschrijving.strip()
    _check_activiteit(activiteit)
    if soort != Soort.TRAINING and activiteit.deelnames.filter(maat=Maat.GETRAIND).exists():
        raise ValidationError(
            {
                "soort": _(
                    "Er zijn getrainde deelnemers geregistreerd: alleen een training telt getrainde professionals."
                )
            }
        )
    activiteit.save()
    return activiteit


@transaction.atomic
def deelname_add(
    *, activiteit: Netwerkactiviteit, by, organisatie: Organisation, maat: str, aantal: int, eerder_geteld: int = 0
) -> Deelname:
    """Participants of one organisation. Never counted twice: one row per organisation and measure, and the
    participants already counted this year are recorded apart so the year's total holds only new persons."""
    _require(by)
    errors = {}
    if maat == Maat.GETRAIND and activiteit.soort != Soort.TRAINING:
        errors["maat"] = _("Alleen bij een training worden professionals getraind; kies ‘bereikt’.")
    if eerder_geteld > aantal:
        errors["eerder_geteld"] = _("Er kunnen niet meer deelnemers eerder geteld zijn dan er deelnamen.")
    if Deelname.objects.filter(activiteit=activiteit, organisatie=organisatie, maat=maat).exists():
        errors["organisatie"] = _(
            "Deze organisatie staat al met deze maat bij de activiteit. Verwijder die regel eerst als het aantal "
            "anders moet zijn."
        )
    if errors:
        raise ValidationError(errors)
    deelname = Deelname(
        activiteit=activiteit, organisatie=organisatie, maat=maat, aantal=aantal, eerder_geteld=eerder_geteld
    )
    deelname.full_clean()
    deelname.save()
    return deelname


@transaction.atomic
def deelname_remove(*, deelname: Deelname, by) -> None:
    _require(by)
    deelname.delete()
