from django.db import transaction

from ..models import Persoon

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


@transaction.atomic
def persoon_link_or_create(**data) -> tuple[Persoon, bool]:
    """An existing BSN links the existing person (address details are filled in where empty); else a new person."""
    data = {k: v for k, v in data.items() if k in PERSON_FIELDS}
    bsn = data.get("bsn") or None
    if bsn:
        existing = Persoon.objects.select_for_update().filter(bsn=bsn).first()
        if existing is not None:
            changed = [f for f, v in data.items() if v and not getattr(existing, f)]
            for field in changed:
                setattr(existing, field, data[field])
            if changed:
                existing.full_clean()
                existing.save()
            return existing, False
    persoon = Persoon(**{**data, "bsn": bsn})
    persoon.full_clean()
    persoon.save()
    return persoon, True


def possible_duplicates(*, voornamen: str, achternaam: str, geboortedatum, exclude_pk=None):
    """Persons with the same name and birth date (only shown to procesregisseurs, who may see them)."""
    if not geboortedatum or not achternaam:
        return Persoon.objects.none()
    qs = Persoon.objects.filter(
        achternaam__iexact=achternaam.strip(), voornamen__iexact=voornamen.strip(), geboortedatum=geboortedatum
    )
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs
