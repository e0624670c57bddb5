"""Writes to the person register. Persons are never changed or revealed by a BSN match."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Persoon, normalise_name

PERSON_FIELDS = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "brp_gemeente",
)

# Said whatever differs, so the message reveals nothing about the person already registered under the BSN.
BSN_CONFLICT = _(
    "Het BSN past niet bij de naam en geboortedatum die u invulde. Controleer het BSN, de naam en de "
    "geboortedatum. Klopt alles, laat het BSN dan leeg en meld het in de aanleiding: de procesregisseur "
    "zoekt het uit."
)


def identity(*, voornamen: str, tussenvoegsel: str = "", achternaam: str, geboortedatum) -> tuple:
    """What must agree before a BSN may link to an existing person: full name (case, accents and spacing
    ignored; tussenvoegsel and achternaam as one) and birth date."""
    return (
        normalise_name(voornamen),
        normalise_name(tussenvoegsel or "", achternaam),
        geboortedatum,
    )


def same_person(persoon: Persoon, data: dict) -> bool:
    return identity(
        voornamen=persoon.voornamen,
        tussenvoegsel=persoon.tussenvoegsel,
        achternaam=persoon.achternaam,
        geboortedatum=persoon.geboortedatum,
    ) == identity(
        voornamen=data.get("voornamen") or "",
        tussenvoegsel=data.get("tussenvoegsel") or "",
        achternaam=data.get("achternaam") or "",
        geboortedatum=data.get("geboortedatum"),
    )


@transaction.atomic
def persoon_link_or_create(**data) -> tuple[Persoon, bool]:
    """Link the person registered under this BSN when name and birth date agree; a new person without a BSN
    match. A BSN whose person has another name or birth date is refused (``ValidationError`` on "bsn") with a
    message that reveals nothing about that person. An existing person is never changed from here: what a
    melder typed does not overwrite the register."""
    data = {k: v for k, v in data.items() if k in PERSON_FIELDS}
    bsn = data.get("bsn") or None
    if bsn:
        existing = Persoon.objects.filter(bsn=bsn).first()
        if existing is not None:
            if not same_person(existing, data):
                raise ValidationError({"bsn": BSN_CONFLICT}, code="bsn_conflict")
            return existing, False
    persoon = Persoon(**{**data, "bsn": bsn})
    persoon.full_clean()
    persoon.save()
    return persoon, True


def possible_duplicates(*, voornamen: str, achternaam: str, geboortedatum, exclude_pk=None):
    """Persons with the same name and birth date, unscoped: callers narrow this to what the user may see
    (``zvh.access``) before showing anything."""
    if not geboortedatum or not achternaam:
        return Persoon.objects.none()
    qs = Persoon.objects.filter(
        achternaam__iexact=achternaam.strip(), voornamen__iexact=voornamen.strip(), geboortedatum=geboortedatum
    )
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs
