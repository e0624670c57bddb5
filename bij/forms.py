"""Forms of the BIJ app. Validation of business rules lives in the services; these only parse input."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms import DATE
from zvh.accounts.choices import OrganisationType
from zvh.accounts.models import Organisation

from .choices import Afsluitreden, Gegevenscategorie, Partner18b
from .models import Advies, Melding, Uitwisseling18b
from .services.melding import MELDING_FIELDS

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TEXT = forms.Textarea(attrs={"rows": 3})


def gemeenten():
    return Organisation.objects.filter(type=OrganisationType.GEMEENTE, active=True).order_by("name")


class PersoonForm(forms.Form):
    voornamen = forms.CharField(label=_("Voornamen"), max_length=200)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    bsn = forms.CharField(
        label=_("BSN"), max_length=9, required=False, help_text=_("Negen cijfers; leeg als onbekend.")
    )
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DATE)

    def persoon(self) -> dict:
        data = dict(self.cleaned_data)
        data["bsn"] = data.get("bsn") or None
        return data


class MeldingForm(forms.ModelForm):
    class Meta:
        model = Melding
        fields = MELDING_FIELDS
        widgets = {
            "ontvangen_op": DATE,
            "verwachte_datum": DATE,
            "slachtoffers_nabij": forms.RadioSelect,
            "slachtoffers_toelichting": TEXT,
            "reclasseringsadvies": TEXT,
            "risico_samenvatting": TEXT,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["brp_gemeente"].queryset = gemeenten()
        self.fields["verlof_soort"].help_text = _("Alleen bij verlof.")

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in MELDING_FIELDS}


class TransitionForm(forms.Form):
    stap = forms.CharField(widget=forms.HiddenInput)
    reden = forms.CharField(label=_("Reden"), widget=TEXT, required=False)
    afsluitreden = forms.ChoiceField(
        label=_("Afsluitreden"), choices=[("", "—"), *Afsluitreden.choices], required=False
    )
    casusnummer = forms.CharField(
        label=_("Casusnummer"), max_length=16, required=False, help_text=_("Bij opschalen: bijvoorbeeld ZVH-2022-0001.")
    )


class UitnodigingForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Partnerorganisatie"),
        queryset=Organisation.objects.filter(active=True, convenantpartner=True).exclude(type=OrganisationType.ZVH),
    )
    doel = forms.CharField(label=_("Doel van de uitnodiging"), widget=TEXT)


class AdviesForm(forms.ModelForm):
    class Meta:
        model = Advies
        fields = ("tekst", "datum", "gemeente")
        widgets = {"tekst": forms.Textarea(attrs={"rows": 6}), "datum": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten()
        self.fields["datum"].initial = timezone.localdate()


class BesluitForm(forms.Form):
    besluit_datum = forms.DateField(label=_("Datum besluit"), widget=DATE)
    maatregelen = forms.CharField(label=_("Besluit en maatregelen"), widget=forms.Textarea(attrs={"rows": 5}))


class BijOverlegForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DATE)
    tijd = forms.TimeField(label=_("Begintijd"), widget=TIME)
    locatie = forms.CharField(label=_("Locatie"), max_length=200)

    def datum_tijd(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], self.cleaned_data["tijd"]))


class AgenderenForm(forms.Form):
    melding = forms.ModelChoiceField(label=_("BIJ-melding"), queryset=Melding.objects.none())

    def __init__(self, *args, meldingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].queryset = meldingen if meldingen is not None else Melding.objects.none()
        self.fields["melding"].label_from_instance = self.label

    @staticmethod
    def label(melding: Melding) -> str:
        return f"{melding.nummer} — {melding.persoon.volledige_naam} ({melding.verwachte_datum:%d-%m-%Y})"


class VerslagForm(forms.Form):
    verslag = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    afspraken = forms.CharField(label=_("Afspraken"), widget=TEXT, required=False)


class Uitwisseling18bForm(forms.ModelForm):
    partners = forms.MultipleChoiceField(
        label=_("Partners"), choices=Partner18b.choices, widget=forms.CheckboxSelectMultiple
    )
    gegevenscategorieen = forms.MultipleChoiceField(
        label=_("Categorieën van gegevens"), choices=Gegevenscategorie.choices, widget=forms.CheckboxSelectMultiple
    )
    meldingnummer = forms.IntegerField(
        label=_("BIJ-melding (nummer)"), required=False, min_value=1, help_text=_("Het getal na ‘BIJ-’.")
    )
    casusnummer = forms.CharField(label=_("Casusnummer"), max_length=16, required=False)

    class Meta:
        model = Uitwisseling18b
        fields = ("richting", "partners", "reden", "gegevenscategorieen", "datum", "grondslag", "grondslag_toelichting")
        widgets = {"datum": DATE, "reden": TEXT, "grondslag_toelichting": TEXT, "richting": forms.RadioSelect}
