from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation

from .choices import Toestemming, TrajectStatus, VoorwaardeStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PERSON_FIELDS = ("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum")


def gemeenten_for(user):
    qs = Organisation.objects.filter(active=True, type=OrganisationType.GEMEENTE).order_by("name")
    return qs if user.has_role(Role.PROCESREGISSEUR) else qs.filter(pk=user.organisation_id)


def partner_organisations():
    return Organisation.objects.filter(active=True).exclude(type=OrganisationType.ZVH).order_by("name")


class PersoonFields(forms.Form):
    bsn = forms.CharField(label=_("BSN"), max_length=9, required=False, help_text=_("Negen cijfers, als bekend."))
    voornamen = forms.CharField(label=_("Voornamen"), max_length=200)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DATE)

    def persoon(self) -> dict:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class TrajectForm(PersoonFields):
    gemeente = forms.ModelChoiceField(label=_("Gemeente (woonplaats)"), queryset=Organisation.objects.none())
    begin_detentie = forms.DateField(label=_("Begin detentie"), widget=DATE)
    verwachte_vrijlating = forms.DateField(label=_("Verwachte vrijlating"), widget=DATE)
    inrichting = forms.CharField(label=_("Penitentiaire inrichting"), max_length=200)
    dji_casemanager = forms.CharField(label=_("Casemanager DJI"), max_length=200, required=False)
    dji_contact = forms.CharField(
        label=_("Contact casemanager DJI"), max_length=200, required=False, help_text=_("Telefoon of e-mail.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_for(user)


class TransitionForm(forms.Form):
    stap = forms.ChoiceField(label=_("Stap"), widget=forms.RadioSelect)
    datum = forms.DateField(
        label=_("Datum"), widget=DATE, required=False, help_text=_("Datum van vrijlating of afronding; leeg: vandaag.")
    )
    reden = forms.CharField(
        label=_("Reden / toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Verplicht bij opschalen en bij vrijlating op de dag van de melding."),
    )

    def __init__(self, *args, transitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stap"].choices = [(t.name, t.label) for t in transitions]


class VoorwaardeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=VoorwaardeStatus.choices)
    organisatie = forms.ModelChoiceField(
        label=_("Uitvoerende organisatie"), queryset=Organisation.objects.none(), required=False
    )
    notitie = forms.CharField(label=_("Korte notitie"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = partner_organisations()


class ConsentForm(forms.Form):
    toestemming = forms.ChoiceField(
        label=_("Toestemming van de persoon"),
        choices=[(Toestemming.GEGEVEN, _("Gegeven")), (Toestemming.INGETROKKEN, _("Ingetrokken"))],
        widget=forms.RadioSelect,
    )
    toestemming_datum = forms.DateField(label=_("Datum"), widget=DATE, required=False, help_text=_("Leeg: vandaag."))


class ToegangForm(forms.Form):
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisation.objects.none())
    doel = forms.CharField(
        label=_("Doel"), max_length=300, help_text=_("Waarvoor heeft deze partner de gegevens nodig?")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = partner_organisations()


class DatesForm(forms.Form):
    verwachte_vrijlating = forms.DateField(label=_("Verwachte vrijlating"), widget=DATE)


class ListFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Lopend")), *TrajectStatus.choices])
    signaal = forms.BooleanField(label=_("Alleen met signaal"), required=False)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand met detentiemeldingen"),
        help_text=_("Kolommen gescheiden door puntkomma's; zie de uitleg hieronder. Ten hoogste 1 MB."),
    )


class ISDForm(PersoonFields):
    gemeente = forms.ModelChoiceField(label=_("Gemeente (woonplaats)"), queryset=Organisation.objects.none())
    vonnis_datum = forms.DateField(label=_("Datum vonnis"), widget=DATE)
    startdatum = forms.DateField(label=_("Start maatregel"), widget=DATE)
    einddatum = forms.DateField(
        label=_("Einde maatregel"),
        widget=DATE,
        required=False,
        help_text=_("Leeg: twee jaar na de start. Langer dan twee jaar kan niet."),
    )
    inrichting = forms.CharField(label=_("Inrichting"), max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_for(user)


class ISDFaseForm(forms.Form):
    startdatum = forms.DateField(label=_("Start fase"), widget=DATE, required=False)
    einddatum = forms.DateField(label=_("Einde fase"), widget=DATE, required=False)
    plan = forms.CharField(label=_("Plan voor deze fase"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    huidig = forms.BooleanField(label=_("Dit is de huidige fase"), required=False)
