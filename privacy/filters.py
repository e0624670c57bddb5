import django_filters
from axes.models import AccessFailureLog, AccessLog
from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.core.fields import DateFilter


class _LoginRecordFilter(django_filters.FilterSet):
    username = django_filters.CharFilter(
        label=_("Gebruikersnaam"), lookup_expr="iexact", help_text=_("Exacte gebruikersnaam.")
    )
    van = DateFilter(
        field_name="attempt_time",
        lookup_expr="date__gte",
        label=_("Vanaf"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tot = DateFilter(
        field_name="attempt_time",
        lookup_expr="date__lte",
        label=_("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class LoginFilter(_LoginRecordFilter):
    class Meta:
        model = AccessLog
        fields = ["username", "van", "tot"]


class LoginFailureFilter(_LoginRecordFilter):
    locked_out = django_filters.BooleanFilter(
        label=_("Alleen blokkeringen"),
        widget=forms.CheckboxInput,
        method="filter_locked_out",
    )

    class Meta:
        model = AccessFailureLog
        fields = ["username", "van", "tot", "locked_out"]

    def filter_locked_out(self, queryset, name, value):
        return queryset.filter(locked_out=True) if value else queryset
