"""Need-to-know for levensloopdossiers: procesregisseurs all, partners only through a grant on the linked case."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.choices import Thema
from levensloop.access import DOSSIER
from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from zvh.access import conditions
from zvh.accounts.choices import Role

from .world import dossier_in_aanpak

pytestmark = pytest.mark.django_db


def _grant(dossier, regisseur, organisation, **extra):
    return case_services.grant_create(
        casus=dossier.casus, by=regisseur, organisatie=organisation, rol="deelnemer", doel="Levenslooptafel.", **extra
    )


def test_partner_without_grant_gets_404_and_the_attempt_is_logged(regisseur, partner):
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    client = verified_client(partner)
    assert client.get(reverse("levensloop:dossier_detail", args=[dossier.pk])).status_code == 404
    denied = AccessLogEntry.objects.get(object_type=DOSSIER, result="denied", user=partner)
    assert denied.object_ids == [dossier.pk] or denied.object_ids == [str(dossier.pk)]
    listed = client.get(reverse("levensloop:dossier_list")).content.decode()
    assert "Verhoef" not in listed
    assert not conditions.persons_visible(partner).filter(pk=dossier.persoon_id).exists()


def test_partner_with_an_active_grant_on_the_case_sees_the_dossier(regisseur, partner):
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    _grant(dossier, regisseur, partner.organisation)
    client = verified_client(partner)
    page = client.get(reverse("levensloop:dossier_detail", args=[dossier.pk]))
    assert page.status_code == 200
    assert "Verhoef" in page.content.decode()
    assert "Review vastleggen" not in page.content.decode()  # reading only
    assert client.get(reverse("levensloop:review_create", args=[dossier.pk])).status_code == 403


def test_an_expired_grant_closes_the_dossier_again(regisseur, partner):
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    _grant(
        dossier,
        regisseur,
        partner.organisation,
        geldig_van=timezone.now() - timedelta(days=10),
        geldig_tot=timezone.now() - timedelta(days=1),
    )
    assert not conditions.visible(partner, DOSSIER).filter(pk=dossier.pk).exists()


@pytest.mark.parametrize("role", [Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER])
def test_other_roles_see_no_dossier(regisseur, role):
    dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    assert not conditions.visible(make_user(role), DOSSIER).exists()


def test_a_dossier_on_a_restricted_theme_case_stays_with_that_team(regisseur):
    dossier = dossier_in_aanpak(regisseur, "Karel", "Willems", thema=Thema.RADICALISERING)
    assert not conditions.visible(regisseur, DOSSIER).filter(pk=dossier.pk).exists()
    other = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    assert conditions.visible(regisseur, DOSSIER).filter(pk=other.pk).exists()
