from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from levensloop.choices import DossierStatus
from levensloop.models import Dossier
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .world import dossier_in_aanpak, gemeente_breda, ggz, new_casus, selectie

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    for name in ("levensloop:dossier_list", "levensloop:monitor"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("two_factor:login") in response["Location"]


def test_wrong_roles_get_403(regisseur):
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    partner = verified_client(make_user(Role.KETENPARTNER))
    assert partner.get(reverse("levensloop:monitor")).status_code == 403
    assert partner.get(reverse("levensloop:selectie_casus", args=[dossier.casus_id])).status_code == 403
    secretariaat = verified_client(make_user(Role.SECRETARIAAT))
    assert secretariaat.get(reverse("levensloop:dossier_list")).status_code == 403


def test_the_casus_page_links_to_the_selectie_instrument(regisseur, regisseur_client):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    page = regisseur_client.get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert reverse("levensloop:selectie_casus", args=[casus.pk]) in page


def test_selectie_besluit_review_uitstroom_through_the_pages(regisseur, regisseur_client):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    today = timezone.localdate()
    url = reverse("levensloop:selectie_casus", args=[casus.pk])
    response = regisseur_client.post(url, {"uitkomst": "inclusie", "motivering": "Voldoet."})
    assert response.status_code == 200
    assert "alle criteria" in response.content.decode()  # a clear Dutch error, nothing stored
    assert not Dossier.objects.exists()
    response = regisseur_client.post(
        url,
        {
            "meerderjarig": "on",
            "gevaarlijk_gedrag": "on",
            "oorzaken": ["lvb", "nah"],
            "justitiecontacten": "on",
            "langdurig_meervoudig": "on",
            "titel": "geen",
            "titel_toelichting": "Vrijwillig in zorg.",
            "uitkomst": "inclusie",
            "motivering": "Voldoet aan alle criteria.",
        },
    )
    dossier = Dossier.objects.get()
    assert response["Location"] == reverse("levensloop:dossier_detail", args=[dossier.pk])
    assert dossier.oorzaken == ["lvb", "nah"] and dossier.status == DossierStatus.AANGEMELD
    response = regisseur_client.post(
        reverse("levensloop:besluit", args=[dossier.pk]),
        {
            "opgenomen": "ja",
            "besloten_op": today.isoformat(),
            "motivering": "Hoog risico.",
            "levensloopaanbieder": ggz().pk,
            "casusregisseur_gemeente": gemeente_breda().pk,
            "casusregisseur_naam": "Mark de Wit",
            "levensloopplan": "Beveiligd wonen.",
            "volgende_review": (today + timedelta(days=90)).isoformat(),
        },
    )
    assert response.status_code == 302
    page = regisseur_client.get(reverse("levensloop:dossier_detail", args=[dossier.pk])).content.decode()
    assert "Beveiligd wonen." in page and "Mark de Wit" in page and "Review vastleggen" in page
    response = regisseur_client.post(
        reverse("levensloop:review_create", args=[dossier.pk]),
        {"gehouden_op": today.isoformat(), "conclusie": "Stabiel.", "volgende_review": ""},
    )
    assert response.status_code == 200 and "Volgende review" in response.content.decode()
    response = regisseur_client.post(
        reverse("levensloop:review_create", args=[dossier.pk]),
        {
            "gehouden_op": today.isoformat(),
            "conclusie": "Stabiel.",
            "volgende_review": (today + timedelta(60)).isoformat(),
        },
    )
    assert response.status_code == 302
    response = regisseur_client.post(
        reverse("levensloop:uitstroom", args=[dossier.pk]),
        {"op": today.isoformat(), "reden": "verhuisd", "toelichting": "Warme overdracht."},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.UITGESTROOMD and dossier.reviews.count() == 1


def test_selectie_for_a_person_already_in_the_approach_links_the_dossier(regisseur, regisseur_client):
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    page = regisseur_client.get(reverse("levensloop:selectie_casus", args=[dossier.casus_id])).content.decode()
    assert reverse("levensloop:dossier_detail", args=[dossier.pk]) in page
    assert 'name="motivering"' not in page


def test_list_flags_overdue_reviews_and_filters_on_them(regisseur, regisseur_client):
    dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)
    dossier_in_aanpak(regisseur, "Otto", "Lammers", review_over=30)
    page = regisseur_client.get(reverse("levensloop:dossier_list")).content.decode()
    assert page.count("review te laat</strong>") == 1
    page = regisseur_client.get(reverse("levensloop:dossier_list") + "?te_laat=1").content.decode()
    assert "Verhoef" in page and "Lammers" not in page


def test_mijn_werk_shows_the_overdue_review(regisseur, regisseur_client):
    dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)
    dossier_in_aanpak(regisseur, "Otto", "Lammers", review_over=30)
    page = regisseur_client.get(reverse("cases:dashboard")).content.decode()
    panel = page[page.index('id="kop-levensloop"') :]
    panel = panel[: panel.index("</section>")]
    assert "Levenslooptafel: review te laat" in panel
    assert "Verhoef" in panel and "7 dagen te laat" in panel and "Lammers" not in panel


def test_list_query_count_does_not_grow_with_rows(regisseur, regisseur_client, django_assert_max_num_queries):
    for i in range(3):
        dossier_in_aanpak(regisseur, f"Piet{i}", "Vos")
    with django_assert_max_num_queries(14) as small:
        regisseur_client.get(reverse("levensloop:dossier_list"))
    for i in range(12):
        dossier_in_aanpak(regisseur, f"Jan{i}", "Bos")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert regisseur_client.get(reverse("levensloop:dossier_list")).status_code == 200


def test_manager_sees_the_monitor_with_figures_and_no_person(regisseur):
    dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)
    selectie(regisseur, new_casus(regisseur, "Gijs", "Mulder"))
    manager = verified_client(make_user(Role.MANAGER))
    response = manager.get(reverse("levensloop:monitor"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Monitor verward gedrag" in page and "Review te laat" in page
    for name in ("Verhoef", "Mulder", "Erik", "Gijs"):
        assert name not in page
    assert manager.get(reverse("levensloop:monitor") + "?jaar=99999999999").status_code == 200
