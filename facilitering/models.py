"""Facilitering: agreements with partners, ZVH rooms, bookings of administrative support and recurring series.

Bookings hold no client data: they say which partner overleg is supported, when, where and by whom.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .choices import ACTIVE_STATUSES, BookingStatus, Frequency, OverlegType, SupportKind
from .validators import validate_no_client_data

HOURS_VALIDATORS = [MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))]
NO_CLIENT_DATA_HELP = _(
    "Geen cliëntgegevens: noem geen namen, BSN's, geboortedata of adressen van betrokkenen. "
    "Alleen praktische afspraken over de ondersteuning."
)


class Room(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    capacity = models.PositiveSmallIntegerField(
        _("capaciteit"), validators=[MinValueValidator(1)], help_text=_("Aantal personen dat er kan vergaderen.")
    )
    location = models.CharField(_("locatie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld de verdieping."))
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("zaal")
        verbose_name_plural = _("zalen")
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=Q(capacity__gte=1), name="fac_room_capacity_positive")]

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    """A facilitering agreement: which overleggen of a partner the ZVH supports, with a weekly budget in hours."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="facilitering_agreements",
    )
    overleg_types = models.JSONField(_("ondersteunde overleggen"), default=list)
    hours_per_week = models.DecimalField(
        _("budget (uur per week)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0.25"))]
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contactpersoon bij de partner"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    notes = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("faciliteringsafspraak")
        verbose_name_plural = _("faciliteringsafspraken")
        ordering = ["organisation__name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="fac_agreement_period_order",
            ),
            models.CheckConstraint(condition=Q(hours_per_week__gt=0), name="fac_agreement_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.hours_per_week} uur per week vanaf {self.valid_from:%d-%m-%Y}"

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def supports(self, overleg_type: str) -> bool:
        return overleg_type in self.overleg_types

    @property
    def overleg_type_labels(self) -> list[str]:
        return [str(OverlegType(value).label) for value in self.overleg_types if value in OverlegType.values]


class Series(models.Model):
    """A recurring overleg: the rule (weekly or every two weeks until a date). Occurrences are Booking rows."""

    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    overleg_type = models.CharField(_("soort overleg"), max_length=40, choices=OverlegType.choices)
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_client_data])
    frequency = models.CharField(_("herhaling"), max_length=16, choices=Frequency.choices)
    first_date = models.DateField(_("eerste datum"))
    until_date = models.DateField(_("herhalen tot en met"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    room = models.ForeignKey(Room, verbose_name=_("zaal"), on_delete=models.PROTECT, null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        ordering = ["first_date", "start_time"]
        constraints = [
            models.CheckConstraint(condition=Q(until_date__gte=F("first_date")), name="fac_series_period_order"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_frequency_display().lower()} tot en met {self.until_date:%d-%m-%Y})"


class Booking(models.Model):
    """Administrative support for one partner overleg on one date: requested, confirmed, carried out or cancelled."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="facilitering_bookings",
    )
    series = models.ForeignKey(
        Series, verbose_name=_("reeks"), on_delete=models.PROTECT, null=True, blank=True, related_name="bookings"
    )
    overleg_type = models.CharField(_("soort overleg"), max_length=40, choices=OverlegType.choices)
    title = models.CharField(_("titel van het overleg"), max_length=200, validators=[validate_no_client_data])
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    # Derived from date and times in Europe/Amsterdam by the services; used for overlap checks and iCalendar.
    starts_at = models.DateTimeField(_("begint om"), editable=False)
    ends_at = models.DateTimeField(_("eindigt om"), editable=False)
    room = models.ForeignKey(
        Room, verbose_name=_("zaal"), on_delete=models.PROTECT, null=True, blank=True, related_name="bookings"
    )
    participants = models.PositiveSmallIntegerField(_("verwacht aantal deelnemers"), null=True, blank=True)
    support_kinds = models.JSONField(_("soort ondersteuning"), default=list)
    planned_hours = models.DecimalField(
        _("geplande uren ondersteuning"), max_digits=5, decimal_places=2, validators=HOURS_VALIDATORS
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker secretariaat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="facilitering_assignments",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.AANGEVRAAGD
    )
    realised_hours = models.DecimalField(
        _("gerealiseerde uren"), max_digits=5, decimal_places=2, null=True, blank=True, validators=HOURS_VALIDATORS
    )
    over_budget_reason = models.TextField(_("reden boven budget"), blank=True, validators=[validate_no_client_data])
    cancel_reason = models.TextField(_("reden van annulering"), blank=True, validators=[validate_no_client_data])
    notes = models.TextField(
        _("opmerkingen"), blank=True, help_text=NO_CLIENT_DATA_HELP, validators=[validate_no_client_data]
    )
    deviates_from_series = models.BooleanField(_("afwijkend van de reeks"), default=False)
    sequence = models.PositiveIntegerField(_("versie (iCalendar)"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    realised_at = models.DateTimeField(_("uitvoering gemeld op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["room", "starts_at"], name="fac_booking_room_time"),
            models.Index(fields=["medewerker", "starts_at"], name="fac_booking_medewerker_time"),
            models.Index(fields=["organisation", "date"], name="fac_booking_partner_date"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="fac_booking_ends_after_start"),
            models.CheckConstraint(
                condition=~Q(status=BookingStatus.UITGEVOERD) | Q(realised_hours__isnull=False),
                name="fac_booking_realised_has_hours",
            ),
            models.CheckConstraint(
                condition=~Q(status=BookingStatus.GEANNULEERD) | ~Q(cancel_reason=""),
                name="fac_booking_cancel_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[BookingStatus.BEVESTIGD, BookingStatus.UITGEVOERD])
                | Q(medewerker__isnull=False),
                name="fac_booking_confirmed_has_medewerker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.date:%d-%m-%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def support_kind_labels(self) -> list[str]:
        return [str(SupportKind(value).label) for value in self.support_kinds if value in SupportKind.values]

    @property
    def status_tag(self) -> str:
        """CSS modifier of the status tag."""
        return {
            BookingStatus.AANGEVRAAGD: "warning",
            BookingStatus.BEVESTIGD: "",
            BookingStatus.UITGEVOERD: "success",
            BookingStatus.GEANNULEERD: "error",
        }[BookingStatus(self.status)]


class CalendarFeed(models.Model):
    """A personal iCalendar feed. Only the SHA-256 of the token is stored; the user can revoke or regenerate it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(_("vingerafdruk van de sleutel"), max_length=64, unique=True)
    # The token is an HMAC of this salt under SECRET_KEY, so the owner can be shown the address again; the database
    # alone (salt and fingerprint) does not give it. Empty for feeds made before: those cannot be shown again.
    token_salt = models.CharField(_("zout van de sleutel"), max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self) -> str:
        return f"agenda-abonnement van {self.user}"
