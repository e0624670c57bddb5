"""BIJ pages: registering, the late flag, steps, the agenda, the OOV-adviseur's besluit, the 18b register."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from bij.choices import MeldingStatus
from bij.models import Melding, Uitwisseling18b
from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .world import advised, bij_regisseur, gemeente, melding, oov_adviseur

pytestmark = pytest.mark.django_db


@pytest.fixture
def regisseur():
    return bij_regisseur()


def test_registering_a_melding_through_the_form(regisseur):
    breda = gemeente()
    response = verified_client(regisseur).post(
        reverse("bij:melding_create"),
        {
            "persoon-voornamen": "Hendrik",
            "persoon-achternaam": "Visser",
            "persoon-bsn": "999990056",
            "persoon-geboortedatum": "1968-03-14",
            "bron": "dji_justid",
            "ontvangen_op": date.today().isoformat(),
            "categorie": "zeden",
            "soort": "verlof",
            "verlof_soort": "begeleid",
            "inrichting": "PI Vught",
            "verwachte_datum": (date.today() + timedelta(days=10)).isoformat(),
            "brp_gemeente": breda.pk,
            "slachtoffers_nabij": "ja",
            "slachtoffers_toelichting": "Slachtoffer woont in dezelfde wijk.",
        },
    )
    m = Melding.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("bij:melding_detail", args=[m.pk])
    assert (m.persoon.bsn, m.verlof_soort, m.slachtoffers_nabij) == ("999990056", "begeleid", "ja")


def test_a_form_error_is_shown_in_dutch_not_a_500(regisseur):
    response = verified_client(regisseur).post(reverse("bij:melding_create"), {"persoon-voornamen": "H"})
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Melding.objects.exists()


def test_list_flags_late_meldingen_and_filters_on_them(regisseur, settings):
    settings.ZVH_BIJ_TERMIJN_DAGEN = 14
    late = melding(regisseur, persoon={"voornamen": "Laat", "achternaam": "Eerst"}, days=10)
    melding(regisseur, persoon={"voornamen": "Op", "achternaam": "Tijd"}, days=30)
    client = verified_client(regisseur)
    page = client.get(reverse("bij:melding_list")).content.decode()
    assert page.count("te laat</span>") == 1
    assert page.index("Eerst") < page.index("Tijd")
    filtered = client.get(reverse("bij:melding_list"), {"te_laat": "1"}).content.decode()
    assert "Eerst" in filtered and "Tijd" not in filtered
    entry = AccessLogEntry.objects.filter(object_type="bij.melding", action="list").latest("pk")
    assert str(late.pk) in entry.object_ids


def test_a_shorter_term_setting_unflags(regisseur, settings):
    settings.ZVH_BIJ_TERMIJN_DAGEN = 5
    melding(regisseur, days=10)
    assert "te laat</span>" not in verified_client(regisseur).get(reverse("bij:melding_list")).content.decode()


def test_mijn_werk_shows_the_late_melding_to_the_bij_team_only(regisseur):
    melding(regisseur, persoon={"voornamen": "Hendrik", "achternaam": "Visser"}, days=10)
    page = verified_client(regisseur).get(reverse("cases:dashboard")).content.decode()
    assert "BIJ-meldingen zonder advies" in page and "Visser" in page
    outsider = make_user(Role.PROCESREGISSEUR)
    page = verified_client(outsider).get(reverse("cases:dashboard")).content.decode()
    assert "BIJ-meldingen zonder advies" not in page and "Visser" not in page


def test_steps_through_the_detail_page_record_the_reason(regisseur):
    m = melding(regisseur)
    client = verified_client(regisseur)
    client.post(reverse("bij:melding_transition", args=[m.pk]), {"stap": "onderzoeken"})
    response = client.post(
        reverse("bij:melding_transition", args=[m.pk]),
        {"stap": "afronden", "reden": "Geen terugkeer naar Breda", "afsluitreden": "geen_terugkeer"},
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == MeldingStatus.AFGEROND
    page = client.get(reverse("bij:melding_detail", args=[m.pk])).content.decode()
    assert "Geen terugkeer naar Breda" in page


def test_a_refused_step_shows_a_message(regisseur):
    m = melding(regisseur)
    response = verified_client(regisseur).post(
        reverse("bij:melding_transition", args=[m.pk]), {"stap": "heropenen", "reden": "x"}, follow=True
    )
    assert "kan niet" in response.content.decode()


def test_advice_form_issues_the_advice(regisseur):
    m = melding(regisseur)
    client = verified_client(regisseur)
    client.post(reverse("bij:melding_transition", args=[m.pk]), {"stap": "onderzoeken"})
    response = client.post(
        reverse("bij:melding_advies", args=[m.pk]),
        {"tekst": "Burgemeester informeren.", "datum": date.today().isoformat(), "gemeente": gemeente().pk},
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == MeldingStatus.ADVIES_UITGEBRACHT and m.advies.tekst == "Burgemeester informeren."


def test_the_oov_adviseur_reads_the_advice_and_records_the_besluit(regisseur):
    oov = oov_adviseur()
    m = melding(regisseur)
    advies = advised(regisseur, m, gemeente_org=oov.organisation)
    client = verified_client(oov)
    listing = client.get(reverse("bij:advies_list")).content.decode()
    assert "Visser" in listing
    assert "Hoog recidiverisico" not in client.get(reverse("bij:advies_detail", args=[advies.pk])).content.decode()
    response = client.post(
        reverse("bij:advies_detail", args=[advies.pk]),
        {"besluit_datum": date.today().isoformat(), "maatregelen": "Gebiedsverbod"},
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == MeldingStatus.BESLUIT_ONTVANGEN
    assert client.get(reverse("bij:melding_detail", args=[m.pk])).status_code == 404


def test_an_oov_adviseur_of_another_gemeente_gets_404(regisseur):
    advies = advised(regisseur, melding(regisseur), gemeente_org=gemeente("Gemeente Breda"))
    client = verified_client(oov_adviseur("Gemeente Zundert"))
    assert client.get(reverse("bij:advies_detail", args=[advies.pk])).status_code == 404
    assert "Visser" not in client.get(reverse("bij:advies_list")).content.decode()


def test_agenda_shows_only_invited_items_to_a_partner(regisseur):
    from django.utils import timezone

    from bij import services

    invited = melding(regisseur, persoon={"voornamen": "Hendrik", "achternaam": "Visser"})
    other = melding(regisseur, persoon={"voornamen": "Gerrit", "achternaam": "Zwart"})
    politie = make_user(Role.KETENPARTNER)
    services.uitnodiging_create(melding=invited, by=regisseur, organisatie=politie.organisation, doel="Risico")
    overleg = services.bij_overleg_create(
        by=regisseur, datum_tijd=timezone.now() + timedelta(days=3), locatie="ZVH", voorzitter=regisseur
    )
    client = verified_client(regisseur)
    for m in (invited, other):
        client.post(reverse("bij:agendapunt_add", args=[overleg.pk]), {"melding": m.pk})
    invited.refresh_from_db()
    assert invited.status == MeldingStatus.GEAGENDEERD
    page = verified_client(politie).get(reverse("bij:overleg_detail", args=[overleg.pk])).content.decode()
    assert "Visser" in page and "Zwart" not in page and "niet voor u" in page


def test_minutes_per_item(regisseur):
    from django.utils import timezone

    from bij import services

    m = melding(regisseur)
    overleg = services.bij_overleg_create(by=regisseur, datum_tijd=timezone.now(), locatie="ZVH", voorzitter=regisseur)
    punt = services.bij_agendapunt_add(bij_overleg=overleg, melding=m, by=regisseur)
    verified_client(regisseur).post(
        reverse("bij:agendapunt_verslag", args=[punt.pk]),
        {"verslag": "Besproken.", "afspraken": "Politie checkt adres."},
    )
    punt.refresh_from_db()
    assert (punt.verslag, punt.afspraken) == ("Besproken.", "Politie checkt adres.")


def test_18b_register_is_kept_by_the_team_and_read_by_the_fg(regisseur):
    m = melding(regisseur)
    response = verified_client(regisseur).post(
        reverse("bij:register_create"),
        {
            "richting": "verstrekt",
            "partners": ["politie", "gemeente"],
            "reden": "Risico op een zedendelict.",
            "gegevenscategorieen": ["detentie", "risico"],
            "datum": date.today().isoformat(),
            "grondslag": "pbw_18b",
            "meldingnummer": m.pk,
        },
    )
    assert response.status_code == 302
    assert Uitwisseling18b.objects.get().melding == m
    fg_page = verified_client(make_user(Role.FG)).get(reverse("bij:register_list")).content.decode()
    assert "politie, gemeente" in fg_page and f"BIJ-{m.pk}" in fg_page and "Visser" not in fg_page


def test_18b_needs_a_link_and_an_unknown_melding_is_a_dutch_error(regisseur):
    data = {
        "richting": "ontvangen",
        "partners": ["dji"],
        "reden": "Risico.",
        "gegevenscategorieen": ["detentie"],
        "datum": date.today().isoformat(),
        "grondslag": "pbw_18b",
    }
    client = verified_client(regisseur)
    assert "Koppel de uitwisseling" in client.post(reverse("bij:register_create"), data).content.decode()
    page = client.post(reverse("bij:register_create"), {**data, "meldingnummer": 999999}).content.decode()
    assert "geen toegang" in page
    assert not Uitwisseling18b.objects.exists()


def test_list_query_count_does_not_grow_with_the_data(regisseur, django_assert_max_num_queries):
    for i in range(3):
        melding(regisseur, persoon={"voornamen": "A", "achternaam": f"Naam{i}"}, days=i)
    client = verified_client(regisseur)
    client.get(reverse("bij:melding_list"))
    with django_assert_max_num_queries(14) as ctx:
        client.get(reverse("bij:melding_list"))
    small = len(ctx.captured_queries)
    for i in range(10):
        melding(regisseur, persoon={"voornamen": "B", "achternaam": f"Naam{i}"}, days=i)
    with django_assert_max_num_queries(small):
        client.get(reverse("bij:melding_list"))


def test_the_agenda_page_logs_the_meldingen_it_offers(regisseur):
    from django.utils import timezone

    from bij import services

    m = melding(regisseur)
    overleg = services.bij_overleg_create(by=regisseur, datum_tijd=timezone.now(), locatie="ZVH", voorzitter=regisseur)
    page = verified_client(regisseur).get(reverse("bij:overleg_detail", args=[overleg.pk])).content.decode()
    assert "Visser" in page
    entry = AccessLogEntry.objects.filter(object_type="bij.melding", action="list").latest("pk")
    assert entry.object_ids == [str(m.pk)]
