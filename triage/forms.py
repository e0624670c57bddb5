from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import Geslacht, Leefgebied, Relatie, Thema
from cases.forms import DATE, partner_organisations
from cases.selectors import grondslag_choices
from zvh.accounts.choices import OrganisationType
from zvh.accounts.models import Organisation
from zvh.core.fields import MAX_TEXT, DateField, ModelMultipleChoiceField, SingleLineField
from zvh.persons.models import postcode_validator, validate_bsn

from .choices import CRITERIA, AdviesAanleiding, Uitkomst, Vervolg

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


def _grondslag_choices() -> list[tuple[str, str]]:
    return [("", "—"), *grondslag_choices()]  # the FG's list, read when the form is made


class AanmeldingForm(forms.Form):
    """Everything optional here: a draft may be incomplete. Completeness is checked by the submit service."""

    namens = forms.ModelChoiceField(
        label=_("Namens (aanbrengende partner)"),
        queryset=partner_organisations(),
        required=False,
        help_text=_("De partner die de casus inbrengt en onder wiens verantwoordelijkheid het ZVH verwerkt."),
    )
    thema = forms.ChoiceField(label=_("Thema"), choices=[("", "—"), *Thema.choices], required=False)
    aanleiding = forms.CharField(
        max_length=MAX_TEXT, label=_("Aanleiding"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    doel = forms.CharField(
        max_length=MAX_TEXT, label=_("Doel / hulpvraag"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    leefgebieden = forms.MultipleChoiceField(
        label=_("Leefgebieden waarop problemen spelen"),
        choices=Leefgebied.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Organisation.objects.filter(type=OrganisationType.GEMEENTE, active=True).order_by("name"),
        required=False,
    )
    voorgestelde_partners = ModelMultipleChoiceField(
        label=_("Partners die zouden moeten aansluiten"),
        queryset=partner_organisations(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    spoed = forms.BooleanField(label=_("Spoed"), required=False)
    betrokkene_geinformeerd = forms.ChoiceField(
        label=_("Is de betrokkene geïnformeerd over deze aanmelding?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        required=False,
    )
    reden_niet_geinformeerd = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Zo nee: waarom niet?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Bijvoorbeeld: lopend strafonderzoek, of de veiligheid van betrokkenen."),
    )
    grondslag = forms.ChoiceField(label=_("Grondslag"), choices=_grondslag_choices, required=False)
    grondslag_toelichting = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Toelichting op de grondslag"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    REQUIRED_TO_SUBMIT = (
        "namens",
        "thema",
        "aanleiding",
        "doel",
        "leefgebieden",
        "gemeente",
        "betrokkene_geinformeerd",
        "grondslag",
        "grondslag_toelichting",
    )

    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not on_behalf:
            del self.fields["namens"]
        # Optional for a draft, needed to submit: not labelled "niet verplicht".
        for name in self.REQUIRED_TO_SUBMIT:
            if name in self.fields:
                self.fields[name].required_to_submit = True
        # Needed only after "Nee": said so, not "(niet verplicht)".
        self.fields["reden_niet_geinformeerd"].requirement = _("verplicht bij ‘nee’")

    @property
    def grondslag_uitleg(self):
        """The FG's explanation of each grondslag that can be chosen (shown next to the field)."""
        from cases.models import Grondslag

        return Grondslag.objects.filter(actief=True)

    def service_data(self) -> dict:
        """The valid fields for the draft (after is_valid(); fields with an error are left as they were)."""
        data = dict(self.cleaned_data)
        if "betrokkene_geinformeerd" in data:
            data["betrokkene_geinformeerd"] = {"ja": True, "nee": False}.get(data["betrokkene_geinformeerd"])
        data.pop("namens", None)
        data.pop("voorgestelde_partners", None)
        return data


class BetrokkeneForm(forms.Form):
    relatie = forms.ChoiceField(label=_("Relatie tot de hoofdpersoon"), choices=Relatie.choices)
    voornamen = SingleLineField(label=_("Voornamen"), max_length=200, required=False)
    tussenvoegsel = SingleLineField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = SingleLineField(label=_("Achternaam"), max_length=200, required=False)
    bsn = SingleLineField(label=_("BSN"), max_length=9, required=False, validators=[validate_bsn])
    geboortedatum = DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    geslacht = forms.ChoiceField(label=_("Geslacht"), choices=[("", "—"), *Geslacht.choices], required=False)
    straat = SingleLineField(label=_("Straat"), max_length=200, required=False)
    huisnummer = SingleLineField(label=_("Huisnummer"), max_length=20, required=False)
    postcode = SingleLineField(label=_("Postcode"), max_length=7, required=False, help_text=_("1234 AB"))
    woonplaats = SingleLineField(label=_("Woonplaats"), max_length=100, required=False)
    brp_gemeente = SingleLineField(label=_("BRP-gemeente"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("voornamen", "achternaam"):
            self.fields[name].required_to_submit = True

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip().upper()
        if len(value) == 6 and value[:4].isdigit():
            value = f"{value[:4]} {value[4:]}"  # 1234AB → 1234 AB
        if value:
            postcode_validator(value)
        return value

    def clean_geboortedatum(self):
        value = self.cleaned_data["geboortedatum"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return value

    def draft_values(self) -> dict:
        """What to keep in the draft, also when a field has an error: the valid values, and for text fields with
        an error what was typed (checked again at submit). Call after is_valid()."""
        values = {}
        for name, field in self.fields.items():
            if name in self.cleaned_data:
                values[name] = self.cleaned_data[name]
            elif isinstance(field, forms.CharField) and not isinstance(field, forms.DateField):
                raw = (self.data.get(self.add_prefix(name)) or "").strip()
                values[name] = raw[: field.max_length] if field.max_length else raw
        return values

    def has_person(self) -> bool:
        values = self.draft_values()
        return any(values.get(f) for f in ("bsn", "voornamen", "achternaam"))


BetrokkeneFormSet = formset_factory(BetrokkeneForm, extra=0, max_num=20, validate_max=True)


def betrokkenen_formset(data=None, initial=None) -> forms.BaseFormSet:
    """Existing rows plus two empty ones, so more persons can be added without JavaScript."""
    initial = list(initial or [{"relatie": Relatie.HOOFDPERSOON}])
    initial += [{"relatie": Relatie.OVERIG}, {"relatie": Relatie.OVERIG}]
    return BetrokkeneFormSet(data=data, initial=initial, prefix="betrokkenen")


class PlaatsenForm(forms.Form):
    sessie = forms.ModelChoiceField(label=_("Triagemoment"), queryset=None, empty_label=None)

    def __init__(self, *args, sessies, selected=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessie"].queryset = sessies
        if selected is not None:
            self.initial["sessie"] = selected


class SessieForm(forms.Form):
    datum = DateField(label=_("Datum van het triagemoment"), widget=DATE)

    def __init__(self, *args, upcoming: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.upcoming = upcoming

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if self.upcoming and datum < timezone.localdate():
            raise forms.ValidationError(
                _("Kies vandaag of een latere datum: een aanmelding wacht op een komend moment.")
            )
        return datum


class AanmeldingChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        hoofd = obj.hoofdpersoon
        naam = hoofd.volledige_naam if hoofd else "—"
        return _("Aanmelding %(nr)s — %(naam)s (%(thema)s, %(partner)s)") % {
            "nr": obj.pk,
            "naam": naam,
            "thema": obj.thema_label,
            "partner": obj.aanbrengende_partner,
        }


class WachtendeAanmeldingenForm(forms.Form):
    """From a triage moment: the submitted aanmeldingen that wait for a moment and fit this board."""

    aanmeldingen = AanmeldingChoiceField(
        label=_("Aanmeldingen die wachten op triage"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, aanmeldingen, shown: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["aanmeldingen"]
        field.queryset = aanmeldingen
        if shown is not None:
            # The aanmeldingen the page already read: shown without reading them again (a POST checks the queryset).
            field.choices = [(a.pk, field.label_from_instance(a)) for a in shown]


class AanvullingVraagForm(forms.Form):
    vraag = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Vraag aan de melder"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat ontbreekt er voor de weging? De melder ziet de vraag bij de aanmelding."),
    )


class AanvullingAntwoordForm(forms.Form):
    antwoord = forms.CharField(
        max_length=MAX_TEXT, label=_("Uw antwoord of aanvulling"), widget=forms.Textarea(attrs={"rows": 5})
    )


class WegingForm(forms.Form):
    criterium_1 = forms.BooleanField(label=CRITERIA["criterium_1"], required=False)
    criterium_2 = forms.BooleanField(label=CRITERIA["criterium_2"], required=False)
    criterium_3 = forms.BooleanField(label=CRITERIA["criterium_3"], required=False)
    criterium_4 = forms.BooleanField(label=CRITERIA["criterium_4"], required=False)
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=Uitkomst.choices, widget=forms.RadioSelect)
    doorgeleid_naar = forms.ModelChoiceField(
        label=_("Doorgeleid naar"), queryset=partner_organisations(), required=False, help_text=_("Bij doorgeleiden.")
    )
    motivering = forms.CharField(max_length=MAX_TEXT, label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}))
    afwijking_reden = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Reden om af te wijken van de criteria"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Alleen nodig als u opschaalt terwijl niet aan de criteria is voldaan."),
    )


class AdviesForm(forms.Form):
    datum = DateField(label=_("Datum"), widget=DATE, initial=timezone.localdate)
    organisatie = forms.ModelChoiceField(label=_("Vragende organisatie"), queryset=partner_organisations())
    aanleiding = forms.ChoiceField(
        label=_("Gevraagd of ongevraagd"),
        choices=AdviesAanleiding.choices,
        initial=AdviesAanleiding.GEVRAAGD,
        required=False,
        help_text=_("Leeg: gevraagd."),
    )
    vrager = SingleLineField(
        label=_("Vraagsteller (verplicht bij gevraagd advies)"),
        max_length=200,
        required=False,
        help_text=_("Naam van de professional die om advies vroeg."),
    )
    thema = forms.ChoiceField(label=_("Thema"), choices=Thema.choices)
    vraag = forms.CharField(max_length=MAX_TEXT, label=_("Vraag (kort)"), widget=forms.Textarea(attrs={"rows": 2}))
    advies = forms.CharField(max_length=MAX_TEXT, label=_("Advies (kort)"), widget=forms.Textarea(attrs={"rows": 2}))
    tijd_minuten = forms.IntegerField(label=_("Bestede tijd (minuten)"), min_value=1, max_value=600, initial=15)
    vervolg = forms.ChoiceField(label=_("Vervolg"), choices=Vervolg.choices, initial=Vervolg.GEEN)
    betreft_persoon = SingleLineField(
        label=_("Betreft persoon (naam)"),
        max_length=200,
        required=False,
        help_text=_("Alleen als het advies over een persoon gaat. Geen BSN."),
    )

    def clean(self):
        data = super().clean()
        data["aanleiding"] = data.get("aanleiding") or AdviesAanleiding.GEVRAAGD
        # Unsolicited advice has nobody who asked; asked advice names the professional.
        if data["aanleiding"] == AdviesAanleiding.GEVRAAGD and not data.get("vrager") and "vrager" not in self.errors:
            self.add_error("vrager", forms.ValidationError(self.fields["vrager"].error_messages["required"]))
        return data
