from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms import DATE, TIME
from zvh.accounts.choices import OrganisationType
from zvh.accounts.models import Organisation
from zvh.core.fields import DateField, SingleLineField, TextField
from zvh.persons.models import validate_bsn

from .choices import MAX_CONTEXT, MAX_VRAAG, PARTNER_BY_ORGANISATION_TYPE, ZsmPartner

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
LEEFTIJD = [("minderjarig", _("Minderjarig (jonger dan 18)")), ("meerderjarig", _("Meerderjarig (18 of ouder)"))]
ZSM_ORGANISATION_TYPES = (*PARTNER_BY_ORGANISATION_TYPE, OrganisationType.OVERIG)


def default_deadline() -> str:
    """Three hours from now, on the same day."""
    now = timezone.localtime()
    later = min(now + timedelta(hours=3), now.replace(hour=23, minute=45, second=0, microsecond=0))
    return later.replace(minute=later.minute - later.minute % 15).strftime("%H:%M")


class ContextverzoekForm(forms.Form):
    namens = forms.ModelChoiceField(
        label=_("Verzoekende organisatie"),
        queryset=Organisation.objects.filter(active=True, type__in=ZSM_ORGANISATION_TYPES).order_by("name"),
        required=False,
        help_text=_("De organisatie die om context vraagt en het antwoord ontvangt."),
    )
    partner = forms.ChoiceField(label=_("ZSM-partner"), choices=ZsmPartner.choices)
    voornamen = SingleLineField(label=_("Voornamen van de verdachte"), max_length=200)
    tussenvoegsel = SingleLineField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = SingleLineField(label=_("Achternaam"), max_length=200)
    geboortedatum = DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    bsn = SingleLineField(label=_("BSN"), max_length=9, required=False, validators=[validate_bsn])
    leeftijd = forms.ChoiceField(label=_("Minderjarig of meerderjarig"), choices=LEEFTIJD, widget=forms.RadioSelect)
    deadline = forms.TimeField(
        label=_("Deadline (vandaag)"),
        widget=TIME,
        initial=default_deadline,
        help_text=_("Het tijdstip vandaag waarop ZSM het antwoord nodig heeft."),
    )
    kenmerk = SingleLineField(label=_("Kenmerk van ZSM"), max_length=50, required=False)
    vraag = TextField(
        label=_("Waarvoor is de context nodig?"),
        max_length=MAX_VRAAG,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kort, bijvoorbeeld: afdoeningsbeslissing vandaag, voorgeleiding."),
    )

    def __init__(self, *args, on_behalf: bool = False, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if on_behalf:
            self.fields["namens"].required = True
        else:
            del self.fields["namens"]
            known = PARTNER_BY_ORGANISATION_TYPE.get(getattr(organisation, "type", None))
            if known:
                self.fields["partner"].initial = known

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        today = timezone.localdate()
        deadline = timezone.make_aware(datetime.combine(today, data["deadline"]))
        return {
            "partner": data["partner"],
            "partner_organisatie": data.get("namens"),
            "voornamen": data["voornamen"],
            "tussenvoegsel": data["tussenvoegsel"],
            "achternaam": data["achternaam"],
            "geboortedatum": data["geboortedatum"],
            "bsn": data["bsn"],
            "minderjarig": data["leeftijd"] == "minderjarig",
            "deadline": deadline,
            "kenmerk": data["kenmerk"],
            "vraag": data["vraag"],
        }


class AntwoordForm(forms.Form):
    bekend = forms.ChoiceField(label=_("Is de verdachte bekend bij het ZVH?"), choices=JA_NEE, widget=forms.RadioSelect)
    context = TextField(
        label=_("Minimale context"),
        max_length=MAX_CONTEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Alleen bij ‘ja’, en alleen wat ZSM mag ontvangen: bijvoorbeeld dat er regie is bij het ZVH en wie de "
            "contactpersoon is. Nooit de inhoud van een casus."
        ),
    )
