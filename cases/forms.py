import functools
import re
import time
from datetime import datetime
from datetime import time as clock

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from facilitering.models import Room
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.core.fields import MAX_TEXT, DateField, ModelMultipleChoiceField, SingleLineField
from zvh.persons.matching import normalise_bsn
from zvh.persons.sorting import users_op_naam

from .choices import Afsluitreden, AfspraakStatus, CasusStatus, GrantRol, LogboekSoort, OverlegSoort, Resultaat, Thema
from .models import Casus
from .models.grondslagen import CODE_VALIDATOR
from .states import available

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def partner_organisations():
    return Organisation.objects.filter(active=True).exclude(type=OrganisationType.ZVH).order_by("name")


def users_with_role(*roles: str):
    return users_op_naam(User.objects.filter(is_active=True, groups__name__in=roles).select_related("organisation"))


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.organisation})"


CHOICES_TTL = 300  # seconds; gemeenten and procesregisseurs change rarely, a stale name only shows as a choice


@functools.cache
def _timed_choices(kind: str, slot: int) -> tuple[tuple[str, str], ...]:
    if kind == "gemeente":
        rows = Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("name").values_list("pk", "name")
        return tuple((str(pk), name.removeprefix("Gemeente ")) for pk, name in rows)
    return tuple((str(u.pk), u.display_name) for u in users_with_role(Role.PROCESREGISSEUR))


def cached_choices(kind: str) -> tuple[tuple[str, str], ...]:
    """Filter choices from memory for a few minutes: two queries fewer on the busiest page."""
    slot = int(time.monotonic() // CHOICES_TTL)
    if _timed_choices.cache_info().currsize > 8:  # old time slots
        _timed_choices.cache_clear()
    return _timed_choices(kind, slot)


cached_choices.cache_clear = _timed_choices.cache_clear


class CasusFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CasusStatus.choices, label=_("Status"), empty_label=_("Alle"))
    thema = django_filters.ChoiceFilter(choices=Thema.choices, label=_("Thema"), empty_label=_("Alle"))
    gemeente = django_filters.ChoiceFilter(choices=(), label=_("Gemeente"), empty_label=_("Alle"))
    procesregisseur = django_filters.ChoiceFilter(choices=(), label=_("Procesregisseur"), empty_label=_("Alle"))

    class Meta:
        model = Casus
        fields = ["status", "thema", "gemeente", "procesregisseur"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["gemeente"].extra["choices"] = cached_choices("gemeente")
        if user is not None and not user.has_role(Role.PROCESREGISSEUR):
            del self.filters["procesregisseur"]  # a partner does not choose between ZVH staff
        else:
            self.filters["procesregisseur"].extra["choices"] = cached_choices("procesregisseur")


class TransitionForm(forms.Form):
    stap = forms.ChoiceField(label=_("Stap"), widget=forms.RadioSelect)
    reden = forms.CharField(
        max_length=MAX_TEXT, label=_("Reden / toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    afsluitreden = forms.ChoiceField(
        label=_("Afsluitreden"), choices=[("", "—"), *Afsluitreden.choices], required=False
    )
    resultaat = forms.ChoiceField(label=_("Resultaat"), choices=[("", "—"), *Resultaat.choices], required=False)

    def __init__(self, *args, casus: Casus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stap"].choices = [(t.name, t.label) for t in available(casus.status)]
        self.fields["afsluitreden"].help_text = _("Verplicht bij afsluiten.")
        self.fields["resultaat"].help_text = _("Verplicht bij afsluiten.")


class PlanForm(forms.Form):
    samenvatting = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Samenvatting van de aanpak"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    doelen = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Doelen"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eén doel per regel."),
    )
    casusregisseur_organisatie = forms.ModelChoiceField(
        label=_("Casusregisseur: organisatie"),
        queryset=partner_organisations(),
        required=False,
        help_text=_("De partner die inhoudelijk de leiding heeft."),
    )
    casusregisseur_persoon = UserChoiceField(
        label=_("Casusregisseur: persoon"), queryset=users_with_role(Role.KETENPARTNER), required=False
    )

    def clean_doelen(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["doelen"].splitlines() if line.strip()]


class AfspraakForm(forms.Form):
    actie = SingleLineField(label=_("Actie"), max_length=500)
    eigenaar_organisatie = forms.ModelChoiceField(
        label=_("Uitvoerende organisatie"), queryset=Organisation.objects.filter(active=True), required=False
    )
    eigenaar_persoon = UserChoiceField(
        label=_("Uitvoerende persoon"),
        queryset=users_with_role(Role.KETENPARTNER, Role.PROCESREGISSEUR, Role.SECRETARIAAT),
        required=False,
    )
    deadline = DateField(label=_("Deadline"), widget=DATE)

    def clean(self):
        data = super().clean()
        if not data.get("eigenaar_organisatie") and not data.get("eigenaar_persoon"):
            self.add_error("eigenaar_organisatie", _("Kies een organisatie of persoon die de actie uitvoert."))
        return data


# Where a small afspraak form returns to after its POST: a fixed choice, never a URL from the request.
TERUG = [("casus", _("Casus")), ("mijnwerk", _("Mijn werk"))]


class AfspraakStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AfspraakStatus.choices)
    terug = forms.ChoiceField(choices=TERUG, required=False, widget=forms.HiddenInput)


class AfspraakDeadlineForm(forms.Form):
    deadline = DateField(label=_("Nieuwe deadline"), widget=DATE)
    terug = forms.ChoiceField(choices=TERUG, required=False, widget=forms.HiddenInput)


class LogboekForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=LogboekSoort.choices)
    tekst = forms.CharField(max_length=MAX_TEXT, label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 4}))
    bron = SingleLineField(
        max_length=200, label=_("Bron"), required=False, help_text=_("Bij informatie van een partner: welke.")
    )
    alleen_procesregie = forms.BooleanField(
        label=_("Alleen voor procesregie (niet zichtbaar voor ketenpartners)"), required=False
    )

    def __init__(self, *args, partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if partner:
            for name in ("soort", "bron", "alleen_procesregie"):
                del self.fields[name]
            self.fields["tekst"].label = _("Informatie vanuit uw organisatie")


class GrantForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie (hele organisatie)"), queryset=partner_organisations(), required=False
    )
    user = UserChoiceField(label=_("Of één professional"), queryset=users_with_role(Role.KETENPARTNER), required=False)
    rol = forms.ChoiceField(label=_("Rol"), choices=GrantRol.choices)
    doel = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Doel"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Waarvoor heeft deze partner de gegevens nodig?"),
    )
    geldig_tot = DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=DATE,
        help_text=_("Leeg: tot de afschaling plus de nazorgtermijn."),
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("organisatie")) == bool(data.get("user")):
            raise forms.ValidationError(_("Kies een organisatie óf één professional."))
        return data

    def geldig_tot_moment(self) -> datetime | None:
        day = self.cleaned_data.get("geldig_tot")
        if not day:
            return None
        return timezone.make_aware(datetime.combine(day, clock.max))


class GrantChangeForm(forms.Form):
    rol = GrantForm.base_fields["rol"]
    doel = GrantForm.base_fields["doel"]
    geldig_tot = GrantForm.base_fields["geldig_tot"]
    geldig_tot_moment = GrantForm.geldig_tot_moment


class OverlegForm(forms.Form):
    datum = DateField(label=_("Datum"), widget=DATE)
    tijd = forms.TimeField(label=_("Begintijd"), widget=TIME)
    eindtijd = forms.TimeField(
        label=_("Eindtijd"), widget=TIME, required=False, help_text=_("Leeg: twee uur na de begintijd.")
    )
    zaal = forms.ModelChoiceField(
        label=_("Zaal van het ZVH"),
        queryset=Room.objects.filter(active=True),
        required=False,
        empty_label=_("geen zaal van het ZVH"),
        help_text=_("Zalen staan in dezelfde zaalagenda als de facilitering: een bezette zaal kan niet."),
    )
    locatie = SingleLineField(
        label=_("Locatie"), max_length=200, required=False, help_text=_("Verplicht als u geen zaal van het ZVH kiest.")
    )
    soort = forms.ChoiceField(label=_("Soort"), choices=OverlegSoort.choices)
    voorzitter = UserChoiceField(label=_("Voorzitter"), queryset=users_with_role(Role.PROCESREGISSEUR))
    ondersteuning = ModelMultipleChoiceField(
        label=_("Ondersteuning (secretariaat)"),
        queryset=users_with_role(Role.SECRETARIAAT),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if not data.get("zaal") and not data.get("locatie") and "locatie" not in self.errors:
            self.add_error("locatie", _("Kies een zaal van het ZVH of vul de locatie in."))
        tijd, eindtijd = data.get("tijd"), data.get("eindtijd")
        if tijd and eindtijd and eindtijd <= tijd:
            self.add_error("eindtijd", _("De eindtijd ligt na de begintijd (een overleg eindigt op dezelfde dag)."))
        return data

    def datum_tijd(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], self.cleaned_data["tijd"]))

    def eindigt_op(self) -> datetime | None:
        if not self.cleaned_data.get("eindtijd"):
            return None
        return timezone.make_aware(datetime.combine(self.cleaned_data["datum"], self.cleaned_data["eindtijd"]))


class AgendapuntForm(forms.Form):
    casusnummer = SingleLineField(
        label=_("Casusnummer"), max_length=16, help_text=_("Bijvoorbeeld ZVH-2022-0001."), strip=True
    )

    def clean_casusnummer(self) -> str:
        return self.cleaned_data["casusnummer"].upper()


class CasusChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Casus) -> str:
        return f"{obj.nummer} — {obj.hoofdpersoon.volledige_naam} ({obj.thema_label})"


class WachtendeCasussenForm(forms.Form):
    """Cases waiting for their first casusoverleg, to put on this agenda with one click."""

    casussen = CasusChoiceField(
        label=_("Casussen die wachten op een casusoverleg"),
        queryset=Casus.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, casussen, shown: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["casussen"]
        field.queryset = casussen
        if shown is not None:
            # The cases the page already read: shown without reading them again (a POST checks the queryset).
            field.choices = [(c.pk, field.label_from_instance(c)) for c in shown]


class AgenderenForm(forms.Form):
    """From the case page: which coming casusoverleg (the next one preselected). ``overleggen`` is a list, read once
    by the view, so the case page pays one query for it."""

    overleg = forms.TypedChoiceField(label=_("Casusoverleg"), coerce=int)

    def __init__(self, *args, overleggen: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.overleggen = {o.pk: o for o in overleggen}
        self.fields["overleg"].choices = [(o.pk, f"{o} — {o.locatie}") for o in overleggen]
        if overleggen and not self.is_bound:
            self.initial.setdefault("overleg", overleggen[0].pk)

    def chosen(self):
        return self.overleggen[self.cleaned_data["overleg"]]


class GrondslagForm(forms.Form):
    code = SingleLineField(
        label=_("Code"),
        max_length=32,
        validators=[CODE_VALIDATOR],
        help_text=_("Kleine letters, cijfers en liggende streepjes; ligt vast na het aanmaken."),
    )
    naam = SingleLineField(label=_("Naam"), max_length=200)
    toelichting = forms.CharField(
        max_length=MAX_TEXT,
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wanneer deze grondslag van toepassing is; melders zien deze uitleg bij het aanmelden."),
    )
    volgorde = forms.IntegerField(label=_("Volgorde in de lijst"), min_value=0, max_value=999, initial=0)
    actief = forms.BooleanField(label=_("In gebruik (te kiezen bij nieuwe aanmeldingen)"), required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["code"]


class VerslagForm(forms.Form):
    verslag = forms.CharField(
        max_length=MAX_TEXT, label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    besluiten = forms.CharField(
        max_length=MAX_TEXT, label=_("Besluiten"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DeelnemerForm(forms.Form):
    naam = SingleLineField(label=_("Naam"), max_length=200)
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisation.objects.filter(active=True))
    incidenteel = forms.BooleanField(
        label=_("Incidentele deelnemer (heeft zelf geen toegang tot de casussen)"), required=False
    )
    geheimhouding_geaccepteerd = forms.BooleanField(
        label=_(
            "De deelnemer verklaart alles wat in dit overleg over personen wordt besproken geheim te houden en "
            "alleen te gebruiken voor het doel van dit overleg."
        ),
        required=False,
    )


CASUSNUMMER = re.compile(r"^ZVH-\d{4}-\d{1,6}$", re.IGNORECASE)
DATUM = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
SEARCH_FIELDS = ("zoekterm", "naam", "bsn", "geboortedatum", "casusnummer")


class ZoekForm(forms.Form):
    """Searched by POST: a name, BSN or birth date never ends up in a URL (the terms are kept in the session).

    ``zoekterm`` is the one box in the page header: a BSN (spaces and dots allowed), a case number, a birth date
    (dd-mm-jjjj) or else a name. The other fields are the detailed search on the search page."""

    zoekterm = SingleLineField(
        label=_("Zoekterm"),
        required=False,
        max_length=200,
        help_text=_("Naam, BSN, geboortedatum (dd-mm-jjjj) of casusnummer."),
    )
    naam = SingleLineField(label=_("Naam"), required=False, max_length=200)
    bsn = SingleLineField(label=_("BSN"), required=False, max_length=20, help_text=_("Spaties en punten mogen."))
    geboortedatum = DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    casusnummer = SingleLineField(label=_("Casusnummer"), required=False, max_length=16)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SEARCH_FIELDS:
            # One of them is needed: not labelled "niet verplicht" (templates/includes/field.html).
            self.fields[name].requirement = _("één zoekveld is genoeg")

    def clean_bsn(self) -> str:
        value = normalise_bsn(self.cleaned_data["bsn"])
        if value and not (value.isdigit() and len(value) == 9):
            raise forms.ValidationError(_("Een BSN bestaat uit 9 cijfers (spaties en punten mogen)."))
        return value

    def clean(self):
        data = super().clean()
        term = (data.get("zoekterm") or "").strip()
        if term:
            self._interpret(term, data)
        if not any(data.get(f) for f in SEARCH_FIELDS) and not self.errors:
            raise forms.ValidationError(_("Vul ten minste één zoekveld in."))
        if data.get("naam") and len(data["naam"].strip()) < 2:
            self.add_error("zoekterm" if term else "naam", _("Typ ten minste twee letters."))
        return data

    @staticmethod
    def _interpret(term: str, data: dict) -> None:
        """One box, several kinds of term: what it looks like decides which field it fills."""
        bsn = normalise_bsn(term)
        datum = DATUM.match(term)
        if bsn.isdigit() and len(bsn) == 9:
            data["bsn"] = bsn
        elif CASUSNUMMER.match(term):
            data["casusnummer"] = term.upper()
        elif datum and _valid_date(*map(int, reversed(datum.groups()))):
            data["geboortedatum"] = _valid_date(*map(int, reversed(datum.groups())))
        else:
            data["naam"] = term


def _valid_date(year: int, month: int, day: int):
    try:
        value = datetime(year, month, day).date()
    except ValueError:
        return None
    return value if 1900 <= year <= 2100 else None
