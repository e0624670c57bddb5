from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms import DATE, partner_organisations
from zvh.accounts.choices import OrganisationType
from zvh.accounts.models import Organisation
from zvh.core.fields import DateField, SingleLineField, TextField

from .choices import Oorzaak, SelectieUitkomst, Titel, UitstroomReden


def gemeenten():
    return Organisation.objects.filter(active=True, type=OrganisationType.GEMEENTE).order_by("name")


class SelectieForm(forms.Form):
    """The selectie-instrument: the criteria of the Ketenveldnorm levensloopfunctie, then the outcome."""

    meerderjarig = forms.BooleanField(label=_("De persoon is 18 jaar of ouder"), required=False)
    gevaarlijk_gedrag = forms.BooleanField(label=_("Gevaarlijk gedrag voor zichzelf of anderen"), required=False)
    oorzaken = forms.MultipleChoiceField(
        label=_("Het gedrag komt voort uit"),
        choices=Oorzaak.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    justitiecontacten = forms.BooleanField(
        label=_("Contacten met justitie (politie, OM, reclassering)"), required=False
    )
    langdurig_meervoudig = forms.BooleanField(label=_("Langdurige problemen op meerdere leefgebieden"), required=False)
    titel = forms.ChoiceField(label=_("Juridische titel"), choices=Titel.choices, required=False)
    titel_toelichting = TextField(
        label=_("Toelichting op de titel"),
        required=False,
        max_length=2000,
        help_text=_("Verplicht als er geen titel is: waarom niet?"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=SelectieUitkomst.choices, widget=forms.RadioSelect)
    motivering = TextField(label=_("Motivering"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class BesluitForm(forms.Form):
    """The inclusietafel: opgenomen in de levensloopaanpak, or not."""

    opgenomen = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("ja", _("opgenomen in de levensloopaanpak")), ("nee", _("niet opgenomen"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    besloten_op = DateField(label=_("Datum inclusietafel"), widget=DATE, initial=timezone.localdate)
    motivering = TextField(label=_("Motivering"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    levensloopaanbieder = forms.ModelChoiceField(
        label=_("Levensloopaanbieder"), queryset=Organisation.objects.none(), required=False
    )
    casusregisseur_gemeente = forms.ModelChoiceField(
        label=_("Gemeente van de casusregisseur"), queryset=Organisation.objects.none(), required=False
    )
    casusregisseur_naam = SingleLineField(label=_("Gemeentelijke casusregisseur (naam)"), required=False)
    levensloopplan = TextField(label=_("Levensloopplan"), required=False, max_length=10000)
    volgende_review = DateField(label=_("Eerste review"), widget=DATE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["levensloopaanbieder"].queryset = partner_organisations()
        self.fields["casusregisseur_gemeente"].queryset = gemeenten()


class ReviewForm(forms.Form):
    gehouden_op = DateField(label=_("Gehouden op"), widget=DATE, initial=timezone.localdate)
    conclusie = TextField(label=_("Conclusie"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    volgende_review = DateField(label=_("Volgende review"), widget=DATE)
    levensloopplan = TextField(
        label=_("Levensloopplan (bijgewerkt)"),
        required=False,
        max_length=10000,
        help_text=_("Leeg laten houdt het huidige plan."),
    )


class UitstroomForm(forms.Form):
    op = DateField(label=_("Datum besluit uitstroom"), widget=DATE, initial=timezone.localdate)
    reden = forms.ChoiceField(label=_("Reden van uitstroom"), choices=UitstroomReden.choices)
    toelichting = TextField(label=_("Toelichting"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class MonitorForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100)
