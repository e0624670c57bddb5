"""Forms of the FG's registers, AVG requests and retention screens (the services validate the rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .avg.registry import avg_types
from .choices import Besluit, VerzoekSoort
from .forms import DATE
from .models import Bewaartermijn, Datalek, PrivacyDocument, Verwerking
from .services.retention import LOG_TERMS

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
YES_NO = [("", _("nog niet besloten")), ("ja", _("ja")), ("nee", _("nee"))]


def soort_choices() -> list[tuple[str, str]]:
    types = [(t.key, str(t.label)) for t in avg_types()]
    logs = [("log.toegang", _("toegangsregistratie (log)")), ("log.audit", _("wijzigingslog"))]
    return [*types, *[(k, v) for k, v in logs if k in LOG_TERMS]]


class VerzoekForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort verzoek"), choices=VerzoekSoort.choices)
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATE)
    bsn = forms.CharField(
        label=_("BSN van de betrokkene"),
        max_length=9,
        required=False,
        help_text=_("Koppelt het verzoek aan de persoon in het personenregister (nodig voor de inzage-export)."),
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class VerlengenForm(forms.Form):
    verlenging_reden = forms.CharField(label=_("Reden van de verlenging"), widget=forms.Textarea(attrs={"rows": 3}))


class AfhandelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Besluit.choices)
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}))


class BewaartermijnForm(forms.ModelForm):
    class Meta:
        model = Bewaartermijn
        fields = ["maanden", "wijze", "verwerking", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}


class LegalHoldForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort dossier"))
    dossier_id = forms.IntegerField(label=_("Dossier (intern nummer)"), min_value=1)
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [(t.key, str(t.label)) for t in avg_types()]


class VerwerkingForm(forms.ModelForm):
    class Meta:
        model = Verwerking
        fields = [
            "naam",
            "doel",
            "grondslag",
            "categorieen_betrokkenen",
            "categorieen_gegevens",
            "ontvangers",
            "bewaartermijn",
            "beveiliging",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in fields if name not in ("naam", "bewaartermijn")}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = PrivacyDocument
        fields = [
            "soort",
            "titel",
            "versie",
            "status",
            "gestart_op",
            "vastgesteld_op",
            "herzien_voor",
            "mijlpaal",
            "opmerking",
        ]
        widgets = {
            "gestart_op": DATE,
            "vastgesteld_op": DATE,
            "herzien_voor": DATE,
            "opmerking": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from reporting.models import Activiteit

        self.fields["mijlpaal"].queryset = Activiteit.objects.filter(soort="mijlpaal").select_related(
            "thema__ontwikkellijn__jaarplan"
        )
        self.fields["mijlpaal"].label_from_instance = lambda a: (
            f"{a.thema.ontwikkellijn.jaarplan.jaar}: {a.omschrijving}"
        )


class DatalekForm(forms.ModelForm):
    gemeld = forms.ChoiceField(label=_("Gemeld bij de Autoriteit Persoonsgegevens"), choices=YES_NO, required=False)
    geinformeerd = forms.ChoiceField(label=_("Betrokkenen geïnformeerd"), choices=YES_NO, required=False)

    class Meta:
        model = Datalek
        fields = ["omschrijving", "ontdekt_op", "gemeld_op", "meldingsreden", "aantal_betrokkenen", "maatregelen"]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "ontdekt_op": DATETIME,
            "gemeld_op": DATETIME,
            "meldingsreden": forms.Textarea(attrs={"rows": 2}),
            "maatregelen": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "omschrijving",
        "ontdekt_op",
        "aantal_betrokkenen",
        "gemeld",
        "gemeld_op",
        "meldingsreden",
        "geinformeerd",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["gemeld"] = _yes_no(self.instance.gemeld_bij_ap)
            self.initial["geinformeerd"] = _yes_no(self.instance.betrokkenen_geinformeerd)

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("gemeld", "geinformeerd")}
        data["gemeld_bij_ap"] = _bool(self.cleaned_data.get("gemeld"))
        data["betrokkenen_geinformeerd"] = _bool(self.cleaned_data.get("geinformeerd"))
        return {k: ("" if v is None and k in ("meldingsreden", "maatregelen") else v) for k, v in data.items()}


def _yes_no(value) -> str:
    return "" if value is None else ("ja" if value else "nee")


def _bool(value: str):
    return {"ja": True, "nee": False}.get(value or "")


class GrantFilterForm(forms.Form):
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from zvh.accounts.models import Organisation

        self.fields["organisatie"].queryset = Organisation.objects.order_by("name")
