"""One Dutch date style, names sorted without tussenvoegsel, users shown by full name (issue 16)."""

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

from zvh.accounts.choices import Role
from zvh.accounts.models import User
from zvh.core.dates import datum_tabel, datum_tekst
from zvh.persons.sorting import naam_sorteersleutel, users_op_naam, zonder_tussenvoegsel

from ..conftest import make_user

AMS = ZoneInfo("Europe/Amsterdam")
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def render(source: str, **context) -> str:
    with translation.override("nl"):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "opties", "expected"),
    [
        (date(2026, 12, 18), "", "18 dec. 2026"),
        (date(2026, 5, 4), "", "4 mei 2026"),
        (date(2022, 3, 11), "", "11 mrt. 2022"),
        (date(2026, 12, 18), "dag", "vrijdag 18 dec. 2026"),
        (date(2026, 12, 18), "zonder_jaar", "18 dec."),
        (datetime(2026, 12, 18, 14, 30, tzinfo=AMS), "tijd", "18 dec. 2026, 14:30"),
        (datetime(2026, 12, 18, 14, 30, tzinfo=AMS), "dag tijd", "vrijdag 18 dec. 2026, 14:30"),
        (date(2026, 12, 18), "tijd", "18 dec. 2026"),  # a date has no time to show
        (None, "", ""),
    ],
)
def test_datum_tekst(value, opties, expected):
    assert datum_tekst(value, opties) == expected


@pytest.mark.parametrize(
    ("value", "opties", "expected"),
    [
        (date(2026, 10, 4), "", "04-10-2026"),
        (date(2026, 10, 7), "", "07-10-2026"),
        (date(2026, 1, 4), "dag", "zo 04-01-2026"),
        (date(2026, 1, 4), "dag zonder_jaar", "zo 04-01"),
        (datetime(2026, 1, 4, 9, 5, 7, tzinfo=AMS), "tijd", "04-01-2026 09:05"),
        (datetime(2026, 1, 4, 9, 5, 7, tzinfo=AMS), "seconden", "04-01-2026 09:05:07"),
        (None, "", ""),
    ],
)
def test_datum_tabel(value, opties, expected):
    assert datum_tabel(value, opties) == expected


def test_aware_datetimes_are_shown_in_amsterdam_time():
    utc = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))  # 1 January 00:30 in Amsterdam
    assert datum_tabel(utc, "tijd") == "01-01-2027 00:30"
    assert datum_tekst(utc) == "1 jan. 2027"


def test_unknown_option_is_an_error_not_a_silent_default():
    with pytest.raises(ValueError, match="kort"):
        datum_tekst(date(2026, 1, 1), "kort")


def test_filters_are_builtin_and_default_works_for_empty_values():
    moment = timezone.make_aware(datetime(2026, 12, 18, 14, 30), AMS)
    html = render(
        '{{ d|datum }}|{{ d|datum_kort }}|{{ m|datum:"dag tijd" }}|{{ m|datum_kort:"tijd" }}|'
        '{{ leeg|datum|default:"—" }}',
        d=date(2026, 12, 18),
        m=moment,
        leeg=None,
    )
    assert html == "18 dec. 2026|18-12-2026|vrijdag 18 dec. 2026, 14:30|18-12-2026 14:30|—"


def test_a_value_that_is_not_a_date_renders_empty_like_django_date():
    assert render("[{{ s|datum }}][{{ s|datum_kort }}][{{ n|datum }}]", s="2026-12-18", n=None) == "[][][]"


def test_a_date_without_filter_is_in_table_style():
    assert render("{{ d }} {{ m }}", d=date(2026, 10, 4), m=datetime(2026, 10, 4, 9, 5, tzinfo=AMS)) == (
        "04-10-2026 04-10-2026 09:05"
    )


ALLOWED_DATE_FORMATS = {"F Y", "F", "l", "j", "c", "H:i"}  # month headings, weekdays, day numbers, ISO, times


def test_no_template_formats_a_date_itself():
    """Dates go through ``datum``/``datum_kort``; a ``|date:"j-n-Y"`` or ``"j M Y"`` would bring the old styles back."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        for match in re.finditer(r"""\|date:["']([^"']*)["']""", path.read_text()):
            if match.group(1) not in ALLOWED_DATE_FORMATS:
                found.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("achternaam", "expected"),
    [
        ("de Vries", "Vries"),
        ("van der Berg", "Berg"),
        ("Van Den Heuvel", "Heuvel"),
        ("in 't Veld", "Veld"),
        ("ter Horst", "Horst"),
        ("Jansen", "Jansen"),
        ("Vandermeer", "Vandermeer"),
        ("Van", "Van"),
        ("Devries", "Devries"),
    ],
)
def test_zonder_tussenvoegsel(achternaam, expected):
    assert zonder_tussenvoegsel(achternaam) == expected


def test_names_sort_on_the_surname_without_tussenvoegsel():
    names = [("van der Berg", "Anna"), ("Bakker", "Petra"), ("de Vries", "Jan"), ("Aarts", "Kim"), ("de Boer", "Bo")]
    ordered = sorted(names, key=lambda n: naam_sorteersleutel(*n))
    assert [n[0] for n in ordered] == ["Aarts", "Bakker", "van der Berg", "de Boer", "de Vries"]


@pytest.mark.django_db
def test_users_are_ordered_by_surname_without_tussenvoegsel_in_the_database():
    for first, last in [("Jan", "de Vries"), ("Anna", "van der Berg"), ("Petra", "Bakker"), ("Wim", "Willems")]:
        make_user(Role.SECRETARIAAT, first_name=first, last_name=last)
    users = users_op_naam(User.objects.filter(groups__name=Role.SECRETARIAAT))
    assert [u.last_name for u in users] == ["Bakker", "van der Berg", "de Vries", "Willems"]
    # the same order as the Python key, so lists sorted in Python and in SQL agree
    assert list(users) == sorted(users, key=lambda u: naam_sorteersleutel(u.last_name, u.first_name))


@pytest.mark.django_db
def test_the_sql_sort_key_strips_the_same_prefix_as_the_orm_expression_it_replaces():
    from django.db.models import Case, F, When
    from django.db.models.functions import Lower, Substr

    from zvh.persons.sorting import TUSSENVOEGSELS, achternaam_sortering

    surnames = ["Van der Berg", "van den Broek", "VAN 'T HOF", "in 't Veld", "de Vries", "Devries", "Van", "ter Horst"]
    surnames += ["van Dijk", "Vandermeer", "d'Ancona", "El Amrani", "Le Roux", "op den Akker", "Jansen", "van de "]
    for n, last in enumerate(surnames):
        make_user(Role.SECRETARIAAT, username=f"naam{n}", first_name="A", last_name=last)
    reference = Lower(
        Case(
            *[When(last_name__istartswith=f"{p} ", then=Substr("last_name", len(p) + 2)) for p in TUSSENVOEGSELS],
            default=F("last_name"),
        )
    )
    users = User.objects.filter(username__startswith="naam")
    new = dict(users.annotate(key=achternaam_sortering()).values_list("last_name", "key"))
    old = dict(users.annotate(key=reference).values_list("last_name", "key"))
    assert new == old and new["Van der Berg"] == "berg" and new["VAN 'T HOF"] == "hof" and new["Van"] == "van"


@pytest.mark.django_db
def test_a_user_is_shown_by_full_name_with_the_username_as_fallback():
    named = make_user(Role.SECRETARIAAT, first_name="Sanne", last_name="de Smit")
    unnamed = make_user(Role.SECRETARIAAT, first_name="", last_name="")
    assert str(named) == "Sanne de Smit"
    assert str(unnamed) == unnamed.username
    assert render("{{ u }}", u=named) == "Sanne de Smit"
