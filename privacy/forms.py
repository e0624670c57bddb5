from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zvh.core.fields import DateField, SingleLineField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    periode = forms.ChoiceField(
        label=_("Periode"),
        required=False,
        choices=[("", _("alles, of zelf kiezen")), ("maand", _("laatste maand")), ("week", _("laatste week"))],
    )
    van = DateField(label=_("Vanaf"), required=False, widget=DATE)
    tot = DateField(label=_("Tot en met"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        if data.get("periode") == "maand":
            data["van"], data["tot"] = months_before_day(today, 1), today
        elif data.get("periode") == "week":
            data["van"], data["tot"] = today - timedelta(days=7), today
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            raise forms.ValidationError(_("‘Vanaf’ ligt na ‘tot en met’."))
        return data


def months_before_day(day: date, months: int) -> date:
    from .services.retention import months_before

    return months_before(datetime.combine(day, time(12)), months).date()


class PersonLookupForm(forms.Form):
    """Posted, so the BSN or name the FG looks up never appears in a URL."""

    bsn = SingleLineField(label=_("BSN"), max_length=9, required=False)
    achternaam = SingleLineField(label=_("Achternaam"), max_length=200, required=False)
    geboortedatum = DateField(label=_("Geboortedatum"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if not (data.get("bsn") or data.get("achternaam")):
            raise forms.ValidationError(_("Vul een BSN of een achternaam in."))
        return data
