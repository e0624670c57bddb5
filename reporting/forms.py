from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.core.fields import MAX_TEXT, SingleLineField

from . import registry
from .choices import KWARTALEN, Soort
from .models import Activiteit, Jaarplan


class PeriodForm(forms.Form):
    """Which jaarplan and quarter: for the dashboard, the CSV and a report request."""

    jaar = forms.TypedChoiceField(label=_("Jaarplan"), coerce=int, choices=())
    kwartaal = forms.TypedChoiceField(label=_("Kwartaal"), coerce=int, choices=KWARTALEN)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(jp.jaar, jp.titel) for jp in Jaarplan.objects.only("jaar", "titel")]
        self.fields["jaar"].error_messages["invalid_choice"] = _("Er is geen jaarplan voor dit jaar.")
        self.fields["kwartaal"].error_messages["invalid_choice"] = _("Kies een kwartaal van 1 tot en met 4.")

    def jaarplan(self) -> Jaarplan:
        return Jaarplan.objects.get(jaar=self.cleaned_data["jaar"])


class JaarplanCopyForm(forms.Form):
    jaar = forms.IntegerField(
        label=_("Voor het jaar"), min_value=2000, max_value=2100, help_text=_("Bijvoorbeeld 2023.")
    )
    titel = SingleLineField(label=_("Titel"), max_length=200)


class ActiviteitForm(forms.ModelForm):
    metric_key = forms.ChoiceField(
        label=_("Bron van de realisatie"),
        required=False,
        help_text=_("Een meting uit de registratie, of handmatige invoer per kwartaal."),
    )
    metric_params = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Parameters van de meting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Eén per regel, als naam=waarde, bijvoorbeeld bord=mass_vt."),
    )

    class Meta:
        model = Activiteit
        fields = [
            "omschrijving",
            "prognose",
            "prognose_tekst",
            "mijlpaal_kwartaal",
            "spreiding",
            "prognose_vorig_jaar",
            "prognose_vorig_jaar_tekst",
            "resultaat_eerder",
            "resultaat_eerder_tekst",
            "metric_key",
            "metric_params",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Handmatig per kwartaal"))]
        choices += [(key, f"{m.label} ({key})") for key, m in sorted(registry.all_metrics().items()) if not m.breakdown]
        current = self.instance.metric_key
        if current and current not in dict(choices):
            choices.append((current, _("%(key)s (nog niet beschikbaar in deze installatie)") % {"key": current}))
        self.fields["metric_key"].choices = choices
        self.initial["metric_params"] = "\n".join(f"{k}={v}" for k, v in (self.instance.metric_params or {}).items())
        if self.instance.soort != Soort.MIJLPAAL:
            del self.fields["mijlpaal_kwartaal"]
        else:
            for name in ("prognose", "prognose_tekst", "spreiding", "metric_key", "metric_params"):
                del self.fields[name]

    def clean_metric_params(self) -> dict:
        params = {}
        for line in self.cleaned_data["metric_params"].splitlines():
            if not line.strip():
                continue
            name, sep, value = line.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise forms.ValidationError(_("Schrijf elke parameter als naam=waarde op een eigen regel."))
            params[name.strip()] = value.strip()
        return params


class RealisatieForm(forms.Form):
    waarde = forms.DecimalField(
        label=_("Realisatie in dit kwartaal"), required=False, min_value=0, max_digits=9, decimal_places=1
    )
    gereed = forms.BooleanField(label=_("De mijlpaal is in dit kwartaal gereed gekomen"), required=False)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Komt in de kwartaalrapportage. Geen namen of andere persoonsgegevens."),
    )

    def __init__(self, *args, activiteit: Activiteit, measured: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if activiteit.soort == Soort.MIJLPAAL:
            del self.fields["waarde"]
            if measured:  # reported from a register (e.g. the FG's DPIA's): only an explanation here
                del self.fields["gereed"]
        else:
            del self.fields["gereed"]
            if activiteit.soort == Soort.KWALITATIEF or measured:
                del self.fields["waarde"]
            elif activiteit.eenheid:
                self.fields["waarde"].help_text = _("In %(eenheid)s.") % {"eenheid": activiteit.eenheid}
                if activiteit.soort == Soort.UREN_PER_WEEK:
                    self.fields["waarde"].help_text = _("Gemiddeld aantal uur per week in dit kwartaal.")
                if activiteit.soort in (Soort.PERSONEN, Soort.PROFESSIONALS):
                    # The year's figure is the sum of the quarters: only new persons keep it a count of persons.
                    self.fields["waarde"].label = _("Nieuwe %(eenheid)s in dit kwartaal") % {
                        "eenheid": activiteit.eenheid
                    }
                    self.fields["waarde"].help_text = _(
                        "Alleen %(eenheid)s die dit jaar nog niet eerder zijn geteld: wie in een vorig kwartaal al "
                        "meetelde, telt niet opnieuw."
                    ) % {"eenheid": activiteit.eenheid}
