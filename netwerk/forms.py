from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.accounts.models import Organisation
from zvh.core.fields import DateField, SingleLineField, TextField

from .choices import Maat, Soort, Training

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActiviteitForm(forms.Form):
    datum = DateField(label=_("Datum"), widget=DATE)
    soort = forms.ChoiceField(label=_("Soort"), choices=Soort.choices)
    training = forms.ChoiceField(
        label=_("Training (verplicht bij soort training)"),
        choices=[("", "—"), *Training.choices],
        required=False,
    )
    onderwerp = SingleLineField(label=_("Onderwerp"), max_length=200, help_text=_("Geen namen van personen."))
    omschrijving = TextField(
        label=_("Omschrijving"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("soort") == Soort.TRAINING and not data.get("training"):
            self.add_error("training", _("Kies welke training is gegeven."))
        return data


class DeelnameForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.filter(active=True).order_by("name")
    )
    maat = forms.ChoiceField(
        label=_("Maat"),
        choices=Maat.choices,
        help_text=_("Getraind: volgde de training. Bereikt: woonde de bijeenkomst bij of werd geïnformeerd."),
    )
    aantal = forms.IntegerField(label=_("Aantal deelnemers"), min_value=1, max_value=10000)
    eerder_geteld = forms.IntegerField(
        label=_("Waarvan dit jaar al eerder geteld"),
        min_value=0,
        max_value=10000,
        initial=0,
        required=False,
        help_text=_(
            "Deelnemers die dit jaar al aan dezelfde training (of hetzelfde soort bijeenkomst) deelnamen: zij "
            "tellen niet opnieuw mee in de personen van het jaarplan."
        ),
    )

    def clean(self):
        data = super().clean()
        if "eerder_geteld" not in self.errors:
            data["eerder_geteld"] = data.get("eerder_geteld") or 0  # empty: nobody counted before
        if data.get("aantal") is not None and (data.get("eerder_geteld") or 0) > data["aantal"]:
            self.add_error("eerder_geteld", _("Er kunnen niet meer deelnemers eerder geteld zijn dan er deelnamen."))
        return data


class JaarForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, required=False)
