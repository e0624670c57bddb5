"""Forms only parse input; the rules live in the services. Labels and help are Dutch."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zvh.accounts.models import Organisation, User
from zvh.core.fields import MAX_TEXT, DateField, SingleLineField

from .choices import Frequency, OverlegType, SupportKind
from .models import NO_CLIENT_DATA_HELP, Room
from .selectors.bookings import active_rooms, partner_contacts, secretariaat_medewerkers
from .services.bookings import BookingRequest


class HoursField(forms.DecimalField):
    """Hours as Dutch people type them: 2,5 or 2.5."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 5)
        kwargs.setdefault("decimal_places", 2)
        # Text, not type=number: browsers differ in accepting a decimal comma; the server reads both.
        kwargs.setdefault("localize", True)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class RoomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Room) -> str:
        return _("%(name)s (%(n)s personen)") % {"name": obj.name, "n": obj.capacity}


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.organisation})"


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


CONDITIONAL = {
    "until": _("verplicht bij een reeks"),
    "room": _("verplicht als u een zaal reserveert"),
    "over_budget_reason": _("verplicht boven het weekbudget"),
}


class BookingForm(forms.Form):
    """Request (ketenpartner) or book (secretariaat) support; fields for staff are removed for partners."""

    organisation = forms.ModelChoiceField(label=_("Partner"), queryset=Organisation.objects.none())
    overleg_type = forms.ChoiceField(label=_("Soort overleg"), choices=[("", "—")] + OverlegType.choices)
    title = SingleLineField(
        label=_("Titel van het overleg"),
        max_length=200,
        help_text=_("Bijvoorbeeld ‘MaSS casusoverleg Breda-Noord’. Geen namen van cliënten."),
    )
    date = DateField(label=_("Datum"), widget=date_input(), help_text=_("Bij een reeks: de eerste datum."))
    start_time = forms.TimeField(label=_("Begintijd"), widget=time_input())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=time_input())
    frequency = forms.ChoiceField(
        label=_("Herhaling"),
        choices=[("", _("Eenmalig"))] + Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    until = DateField(
        label=_("Herhalen tot en met"),
        required=False,
        widget=date_input(),
        help_text=_("Alleen bij een reeks: de laatste datum (hoogstens een jaar na de eerste)."),
    )
    room = RoomChoiceField(
        label=_("Zaal"),
        queryset=Room.objects.none(),
        required=False,
        empty_label=_("Geen ZVH-zaal nodig"),
        help_text=_("Nodig bij een zaalreservering."),
    )
    participants = forms.IntegerField(label=_("Verwacht aantal deelnemers"), required=False, min_value=1, max_value=500)
    support_kinds = forms.MultipleChoiceField(
        label=_("Soort ondersteuning"), choices=SupportKind.choices, widget=forms.CheckboxSelectMultiple
    )
    planned_hours = HoursField(
        label=_("Geplande uren ondersteuning"),
        required=False,
        help_text=_("Per keer, inclusief voorbereiding en uitwerken. Leeg laten: de duur van het overleg."),
    )
    medewerker = PersonChoiceField(
        label=_("Medewerker secretariaat"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nog niet toewijzen"),
        help_text=_("Met een medewerker is de boeking meteen bevestigd."),
    )
    notes = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Opmerkingen"),
        required=False,
        widget=forms.Textarea,
        help_text=NO_CLIENT_DATA_HELP,
    )
    over_budget_reason = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Reden boven budget"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als de boeking een week boven het budget van de partner brengt."),
    )

    def __init__(self, *args, user: User, partners, staff: bool, series: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = partners
        self.fields["room"].queryset = active_rooms()
        self.fields["medewerker"].queryset = secretariaat_medewerkers()
        if not staff:
            del self.fields["organisation"]
            del self.fields["medewerker"]
            self.fields["date"].widget.attrs["min"] = timezone.localdate().isoformat()
        if not series:
            del self.fields["frequency"]
            del self.fields["until"]
            self.fields["date"].help_text = ""
        # Needed in one case only: said so instead of "(niet verplicht)" (templates/includes/field.html).
        for name, requirement in CONDITIONAL.items():
            if name in self.fields:
                self.fields[name].requirement = requirement

    def booking_request(self) -> BookingRequest:
        data = dict(self.cleaned_data)
        data["organisation"] = data.get("organisation") or self.user.organisation
        data["frequency"] = data.get("frequency") or ""
        return BookingRequest(**data)

    def partial_booking_request(self) -> BookingRequest:
        """After a failed is_valid(): the fields that could be read, the others empty (for the rule checks)."""
        empty = {name: None for name in self.fields}
        empty.update(overleg_type="", title="", notes="", over_budget_reason="", frequency="", support_kinds=[])
        cleaned = getattr(self, "cleaned_data", {})
        data = {**empty, **cleaned}
        if "organisation" in self.fields:
            data["organisation"] = cleaned.get("organisation")
        else:
            data["organisation"] = self.user.organisation
        data["frequency"] = data.get("frequency") or ""
        return BookingRequest(**data)


class ConfirmForm(forms.Form):
    medewerker = PersonChoiceField(
        label=_("Medewerker secretariaat"),
        queryset=User.objects.none(),
        help_text=_("Deze medewerker geeft de ondersteuning en mag op dat moment niet al ingepland zijn."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = secretariaat_medewerkers()


class RealiseForm(forms.Form):
    realised_hours = HoursField(
        label=_("Gerealiseerde uren"), help_text=_("De uren die de ondersteuning werkelijk kostte, bijvoorbeeld 2,5.")
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Reden van annulering"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld ‘overleg vervalt wegens vakantie’. Geen cliëntgegevens."),
    )


class SeriesCancelForm(CancelForm):
    from_date = DateField(
        label=_("Vervalt vanaf"),
        widget=date_input(),
        help_text=_("Alle nog niet uitgevoerde boekingen op of na deze datum worden geannuleerd."),
    )
    field_order = ["from_date", "reason"]


class AgreementForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Partner"), queryset=Organisation.objects.filter(active=True))
    overleg_types = forms.MultipleChoiceField(
        label=_("Ondersteunde overleggen"), choices=OverlegType.choices, widget=forms.CheckboxSelectMultiple
    )
    hours_per_week = HoursField(label=_("Budget in uren per week"), help_text=_("Volgens het jaarplan."))
    valid_from = DateField(label=_("Geldig vanaf"), widget=date_input())
    valid_until = DateField(
        label=_("Geldig tot en met"), required=False, widget=date_input(), help_text=_("Leeg laten: doorlopend.")
    )
    contact = ContactChoiceField(
        label=_("Contactpersoon bij de partner"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nog niet bekend"),
        help_text=_("Een ketenpartner-gebruiker van deze organisatie."),
    )
    notes = forms.CharField(
        max_length=MAX_TEXT, label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = partner_contacts()
        if editing:
            del self.fields["organisation"]


class CalendarForm(forms.Form):
    """GET parameters of the calendar; bad values fall back to defaults with a form error, never a 500."""

    periode = forms.ChoiceField(
        label=_("Periode"), choices=[("week", _("Week")), ("maand", _("Maand"))], required=False
    )
    weergave = forms.ChoiceField(
        label=_("Weergave"), choices=[("rooster", _("Rooster")), ("lijst", _("Lijst"))], required=False
    )
    per = forms.ChoiceField(
        label=_("Indelen per"),
        choices=[("zaal", _("Zaal")), ("medewerker", _("Medewerker")), ("partner", _("Partner"))],
        required=False,
    )
    datum = DateField(label=_("Datum"), required=False, widget=date_input())
    zaal = forms.ModelChoiceField(label=_("Zaal"), queryset=Room.objects.none(), required=False, empty_label=_("Alle"))
    medewerker = PersonChoiceField(
        label=_("Medewerker"), queryset=User.objects.none(), required=False, empty_label=_("Alle")
    )
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Organisation.objects.none(), required=False, empty_label=_("Alle")
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zaal"].queryset = Room.objects.order_by("name")
        self.fields["medewerker"].queryset = secretariaat_medewerkers()
        self.fields["partner"].queryset = partners

    def value(self, name: str, default=None):
        """The cleaned value of one parameter, or ``default`` when it is missing or invalid."""
        if not self.is_bound:
            return default
        self.is_valid()
        return self.cleaned_data.get(name) or default


class BudgetForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"), coerce=int, choices=[(q, _("Kwartaal %(q)s") % {"q": q}) for q in range(1, 5)]
    )
