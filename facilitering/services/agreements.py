"""Writes of facilitering agreements (secretariaat)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User

from ..choices import ACTIVE_STATUSES, OverlegType
from ..models import Agreement, Booking
from . import checks
from .checks import Errors


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    organisation: Organisation,
    overleg_types: list[str],
    hours_per_week: Decimal | None,
    valid_from: date | None,
    valid_until: date | None = None,
    contact: User | None = None,
    notes: str = "",
) -> Agreement:
    agreement = Agreement(organisation=organisation)
    return _apply(actor, agreement, overleg_types, hours_per_week, valid_from, valid_until, contact, notes)


@transaction.atomic
def agreement_update(
    *,
    actor: User,
    agreement: Agreement,
    overleg_types: list[str],
    hours_per_week: Decimal | None,
    valid_from: date | None,
    valid_until: date | None = None,
    contact: User | None = None,
    notes: str = "",
) -> Agreement:
    agreement = Agreement.objects.select_for_update().select_related("organisation").get(pk=agreement.pk)
    return _apply(actor, agreement, overleg_types, hours_per_week, valid_from, valid_until, contact, notes)


def _apply(actor, agreement, overleg_types, hours_per_week, valid_from, valid_until, contact, notes) -> Agreement:
    if not actor.has_role(Role.SECRETARIAAT):
        raise PermissionDenied(_("Alleen het secretariaat legt faciliteringsafspraken vast."))
    organisation = agreement.organisation
    checks.lock_agreements(organisation)
    errors = Errors()
    if not overleg_types:
        errors.add("overleg_types", _("Kies minstens één overleg dat het ZVH ondersteunt."))
    elif set(overleg_types) - set(OverlegType.values):
        errors.add("overleg_types", _("Kies bestaande soorten overleg."))
    if hours_per_week is None or not (Decimal("0.25") <= hours_per_week <= Decimal("168")):
        errors.add("hours_per_week", _("Vul het budget in uren per week in: tussen 0,25 en 168."))
    if valid_from is None:
        errors.add("valid_from", _("Vul in vanaf wanneer de afspraak geldt."))
    elif valid_until is not None and valid_until < valid_from:
        errors.add("valid_until", _("De einddatum ligt op of na de begindatum."))
    if contact is not None and not (contact.has_role(Role.KETENPARTNER) and contact.organisation_id == organisation.pk):
        errors.add(
            "contact",
            _("De contactpersoon is een ketenpartner van %(partner)s.") % {"partner": organisation.name},
        )
    if valid_from is not None and not errors:
        _check_overlap(errors, agreement, valid_from, valid_until)
        _check_bookings_stay_covered(errors, agreement, valid_from, valid_until)
    errors.raise_if_any()
    agreement.overleg_types = [t for t in OverlegType.values if t in overleg_types]
    agreement.hours_per_week, agreement.valid_from, agreement.valid_until = hours_per_week, valid_from, valid_until
    agreement.contact, agreement.notes = contact, (notes or "").strip()
    agreement.full_clean()
    agreement.save()
    return agreement


def _others(agreement: Agreement):
    return Agreement.objects.filter(organisation=agreement.organisation).exclude(pk=agreement.pk)


def _check_overlap(errors: Errors, agreement: Agreement, valid_from: date, valid_until: date | None) -> None:
    overlapping = _others(agreement).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=valid_from))
    if valid_until is not None:
        overlapping = overlapping.filter(valid_from__lte=valid_until)
    other = overlapping.first()
    if other is not None:
        until = checks.fmt_day(other.valid_until) if other.valid_until else _("doorlopend")
        errors.add(
            "valid_from",
            _("Er is al een afspraak met %(partner)s voor deze periode (vanaf %(start)s, tot en met %(until)s).")
            % {"partner": agreement.organisation.name, "start": checks.fmt_day(other.valid_from), "until": until},
        )


def _check_bookings_stay_covered(
    errors: Errors, agreement: Agreement, valid_from: date, valid_until: date | None
) -> None:
    """Shrinking a period may not leave active bookings without any agreement."""
    if agreement.pk is None:
        return
    others = list(_others(agreement))
    outside = Booking.objects.filter(organisation=agreement.organisation, status__in=ACTIVE_STATUSES).filter(
        Q(date__lt=valid_from) | (Q(date__gt=valid_until) if valid_until else Q(pk__in=[]))
    )
    uncovered = [d for d in outside.values_list("date", flat=True).distinct() if not any(a.covers(d) for a in others)]
    if uncovered:
        errors.add(
            "valid_from",
            _("Er staan boekingen buiten de nieuwe periode, bijvoorbeeld op %(day)s. Annuleer of verplaats die eerst.")
            % {"day": checks.fmt_day(min(uncovered))},
        )
