from django import forms
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import NotificationFrequency


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hoe wilt u e-mailmeldingen ontvangen?"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Meldingen gaan over nieuwe toegang tot een casus, afspraken voor u, uitnodigingen voor een "
            "casusoverleg en afspraken over de deadline. Er staan geen namen of andere persoonsgegevens in."
        ),
    )
