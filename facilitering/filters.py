import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation
from zvh.core.fields import DateFilter

from .choices import BookingStatus, OverlegType
from .forms import PersonChoiceField
from .models import Booking, Room
from .selectors.bookings import partners_for_booking, secretariaat_medewerkers


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


class BookingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=BookingStatus.choices, empty_label=_("Alle"))
    organisation = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Organisation.objects.none(), empty_label=_("Alle")
    )
    overleg_type = django_filters.ChoiceFilter(
        label=_("Soort overleg"), choices=OverlegType.choices, empty_label=_("Alle")
    )
    room = django_filters.ModelChoiceFilter(label=_("Zaal"), queryset=Room.objects.all(), empty_label=_("Alle"))
    medewerker = PersonFilter(label=_("Medewerker"), queryset=secretariaat_medewerkers(), empty_label=_("Alle"))
    van = DateFilter(
        field_name="date", lookup_expr="gte", label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = DateFilter(
        field_name="date", lookup_expr="lte", label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Booking
        fields = ["status", "organisation", "overleg_type", "room", "medewerker", "van", "tot"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        user = request.user
        self.filters["organisation"].queryset = partners_for_booking(user)
        if not user.has_role(Role.SECRETARIAAT):
            del self.filters["organisation"]
            del self.filters["medewerker"]
