from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms import DATE, UserChoiceField
from triage.choices import AdviesAanleiding
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.persons.choices import Geslacht
from zvh.persons.models import validate_bsn
from zvh.persons.sorting import users_op_naam

from .choices import (
    TEAM,
    OpvangSoort,
    ProcedureStatus,
    SignaalUitkomst,
    SignalerendeOrganisatie,
    TrajectStatus,
    VormUitbuiting,
)


def gemeenten():
    return Organisation.objects.filter(active=True, type=OrganisationType.GEMEENTE).order_by("name")


def team_regisseurs():
    return users_op_naam(
        User.objects.filter(is_active=True, groups__name=Role.PROCESREGISSEUR, teams__code=TEAM).select_related(
            "organisation"
        )
    )


class PersoonFields(forms.Form):
    """The victim (all optional on a signal: anonymous signals name nobody)."""

    voornamen = forms.CharField(label=_("Voornamen"), max_length=200, required=False)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200, required=False)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    geslacht = forms.ChoiceField(label=_("Geslacht"), choices=[("", "—"), *Geslacht.choices], required=False)
    bsn = forms.CharField(label=_("BSN"), max_length=9, required=False, validators=[validate_bsn])

    PERSON = ("voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht", "bsn")

    def persoon_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.PERSON}
        return {k: v for k, v in data.items() if v not in (None, "")}

    def clean(self):
        cleaned = super().clean()
        if any(cleaned.get(n) for n in self.PERSON) and not cleaned.get("achternaam"):
            self.add_error("achternaam", _("Vul de achternaam in, of laat alle persoonsgegevens leeg."))
        return cleaned


class SignaalForm(PersoonFields):
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATE, initial=timezone.localdate)
    signalerende_organisatie = forms.ChoiceField(
        label=_("Signalerende organisatie"), choices=SignalerendeOrganisatie.choices
    )
    vorm = forms.ChoiceField(label=_("Vorm van uitbuiting"), choices=VormUitbuiting.choices)
    minderjarig = forms.BooleanField(label=_("Minderjarig"), required=False)
    nationaliteit = forms.CharField(label=_("Nationaliteit"), max_length=100, required=False)
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=gemeenten())

    field_order = ["ontvangen_op", "signalerende_organisatie", "vorm", "minderjarig", "nationaliteit", "gemeente"]


class UitkomstForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=[c for c in SignaalUitkomst.choices if c[0]])
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}))


class TrajectStartForm(PersoonFields):
    zorgcoordinator = UserChoiceField(label=_("Zorgcoördinator"), queryset=team_regisseurs())
    opvang_soort = forms.ChoiceField(label=_("Soort opvang"), choices=OpvangSoort.choices)

    def __init__(self, *args, signaal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if signaal is not None and signaal.persoon_id:
            for name in self.PERSON:  # the signal already names the person
                del self.fields[name]


class TrajectForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TrajectStatus.choices)
    zorgcoordinator = UserChoiceField(label=_("Zorgcoördinator"), queryset=team_regisseurs())
    opvang_soort = forms.ChoiceField(label=_("Soort opvang"), choices=OpvangSoort.choices)


class OpvangadresForm(forms.Form):
    adres = forms.CharField(
        label=_("Opvangadres"),
        max_length=300,
        required=False,
        help_text=_("Wordt nergens getoond, alleen op verzoek met een reden. Leeg laten verwijdert het adres."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class RevealForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom heeft u het opvangadres nodig?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Uw verzoek en de reden worden vastgelegd in het toegangslog."),
    )


class ProcedureForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProcedureStatus.choices)
    datum = forms.DateField(label=_("Datum"), required=False, widget=DATE)
    einddatum = forms.DateField(
        label=_("Einddatum bedenktijd"),
        required=False,
        widget=DATE,
        help_text=_("Ten hoogste drie maanden na de start; leeg is drie maanden."),
    )
    referentie = forms.CharField(label=_("Kenmerk CoMensha"), max_length=40, required=False)

    def __init__(self, *args, soort: str, **kwargs):
        super().__init__(*args, **kwargs)
        if soort != "bedenktijd":
            del self.fields["einddatum"]
        else:
            self.fields["datum"].label = _("Startdatum bedenktijd")
        if soort != "comensha":
            del self.fields["referentie"]


class OverlegForm(forms.Form):
    overleg = forms.ModelChoiceField(label=_("Casusoverleg"), queryset=None)

    def __init__(self, *args, overleggen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overleg"].queryset = overleggen


class MhAdviesForm(forms.Form):
    """Advies mensenhandel (gevraagd of ongevraagd); no person field: advice is about the approach, not a victim."""

    datum = forms.DateField(label=_("Datum"), widget=DATE, initial=timezone.localdate)
    aanleiding = forms.ChoiceField(label=_("Gevraagd of ongevraagd"), choices=AdviesAanleiding.choices)
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=None)
    vrager = forms.CharField(
        label=_("Professional (verplicht bij gevraagd advies)"),
        max_length=200,
        required=False,
        help_text=_("Naam van de professional die om advies vroeg."),
    )
    vraag = forms.CharField(label=_("Onderwerp (kort)"), widget=forms.Textarea(attrs={"rows": 2}))
    advies = forms.CharField(label=_("Advies (kort)"), widget=forms.Textarea(attrs={"rows": 2}))
    tijd_minuten = forms.IntegerField(label=_("Bestede tijd (minuten)"), min_value=1, max_value=600, initial=15)

    def __init__(self, *args, **kwargs):
        from cases.forms import partner_organisations

        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = partner_organisations()
