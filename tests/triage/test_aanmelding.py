"""Aanmelding: drafts, submitting with Dutch errors next to the field, persons (BSN, duplicates) and scope."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.choices import Relatie, Thema
from privacy.choices import AccessAction, AccessResult
from privacy.models import AccessLogEntry
from tests.cases.world import make_person
from tests.conftest import make_user, verified_client
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import AanmeldingStatus
from triage.models import Aanmelding
from zvh.accounts.choices import Role
from zvh.persons.models import Persoon

from .helpers import complete_fields, field_errors, form_data, gemeente, text
from .world import COMPLETE, person, submitted

pytestmark = pytest.mark.django_db
CREATE = reverse("triage:aanmelding_create")
LIST = reverse("triage:aanmelding_list")
BAD_BSN = "999990008"  # one digit off 999990007: fails the 11-proof


def detail_url(aanmelding) -> str:
    return reverse("triage:aanmelding_detail", kwargs={"pk": aanmelding.pk})


def edit_url(aanmelding) -> str:
    return reverse("triage:aanmelding_edit", kwargs={"pk": aanmelding.pk})


def draft(by, **data):
    return services.aanmelding_save_draft(
        by=by, data={**COMPLETE, "gemeente": gemeente(), **data}, betrokkenen=[person()]
    )


# --- Drafts and who the aanbrengende partner is -------------------------------------------------------------------


def test_partner_may_save_an_incomplete_draft_for_their_own_organisation(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(by=partner, data={"aanleiding": "Half af"}, betrokkenen=[])
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.CONCEPT and aanmelding.ingediend_op is None
    assert aanmelding.aanleiding == "Half af" and aanmelding.doel == ""
    assert aanmelding.aanbrengende_partner == partner.organisation and aanmelding.ingediend_door == partner


def test_partner_cannot_submit_on_behalf_of_another_organisation(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    other = OrganisationFactory(reclassering=True)
    aanmelding = services.aanmelding_save_draft(by=partner, data={}, betrokkenen=[], namens=other)
    assert aanmelding.aanbrengende_partner == partner.organisation


def test_partner_form_has_no_namens_field_and_a_posted_one_is_ignored(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    assert 'name="namens"' not in client.get(CREATE).content.decode()
    other = OrganisationFactory(reclassering=True)
    client.post(CREATE, form_data(opslaan="1", aanleiding="Concept", namens=str(other.pk)))
    assert Aanmelding.objects.get().aanbrengende_partner == partner.organisation


def test_procesregisseur_must_choose_on_whose_behalf(user_factory):
    regisseur = user_factory(Role.PROCESREGISSEUR)
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_save_draft(by=regisseur, data={"aanleiding": "x"}, betrokkenen=[])
    assert exc.value.message_dict == {"namens": ["Kies namens welke partner u aanmeldt (de aanbrengende partner)."]}
    assert not Aanmelding.objects.exists()
    politie = OrganisationFactory(politie=True)
    aanmelding = services.aanmelding_save_draft(by=regisseur, data={}, betrokkenen=[], namens=politie)
    assert aanmelding.aanbrengende_partner == politie and aanmelding.ingediend_door == regisseur


def test_procesregisseur_without_namens_gets_the_error_next_to_the_field_and_keeps_the_input(client_for):
    client, _regisseur = client_for(Role.PROCESREGISSEUR)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"}]
    response = client.post(CREATE, form_data(rows=rows, opslaan="1", aanleiding="Melding van de wijkagent"))
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_namens") == "Fout: Kies namens welke partner u aanmeldt (de aanbrengende partner)."
    assert "Melding van de wijkagent" in page and 'value="Mertens"' in page


def test_procesregisseur_submits_on_behalf_of_the_chosen_partner(client_for):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    politie = OrganisationFactory(politie=True)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"}]
    response = client.post(
        CREATE, form_data(rows=rows, indienen="1", namens=str(politie.pk), **complete_fields(gemeente()))
    )
    aanmelding = Aanmelding.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(aanmelding)
    assert aanmelding.status == AanmeldingStatus.INGEDIEND
    assert aanmelding.aanbrengende_partner == politie and aanmelding.ingediend_door == regisseur


@pytest.mark.parametrize("role", [Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER])
def test_other_roles_cannot_save_an_aanmelding(user_factory, role):
    with pytest.raises(PermissionDenied):
        services.aanmelding_save_draft(by=user_factory(role), data={}, betrokkenen=[])


def test_anonymous_is_sent_to_the_login(client):
    for url in (CREATE, LIST):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('two_factor:login')}?next={url}"


# --- Submitting: completeness, in Dutch --------------------------------------------------------------------------


def test_a_complete_aanmelding_is_submitted_with_everything_typed(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    veilig_thuis = OrganisationFactory(veilig_thuis=True)
    reclassering = OrganisationFactory(reclassering=True)
    aanmelding = services.aanmelding_save_draft(
        by=partner,
        data={**COMPLETE, "gemeente": gemeente(), "spoed": True, "leefgebieden": ["huisvesting", "justitie"]},
        betrokkenen=[
            person("Sven", "Mertens", bsn="999990007", geboortedatum=date(1990, 5, 1)),
            person("Anna", "Mertens", relatie=Relatie.PARTNER, geboortedatum=date(1991, 2, 3)),
            person("Tim", "Mertens", relatie=Relatie.KIND),
        ],
        voorgestelde_partners=[veilig_thuis, reclassering],
    )
    services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.INGEDIEND and aanmelding.ingediend_op is not None
    assert aanmelding.spoed is True and aanmelding.leefgebieden == ["huisvesting", "justitie"]
    assert set(aanmelding.voorgestelde_partners.all()) == {veilig_thuis, reclassering}
    rows = {b.voornamen: b for b in aanmelding.betrokkenen.select_related("persoon")}
    assert {n: b.relatie for n, b in rows.items()} == {
        "Sven": Relatie.HOOFDPERSOON,
        "Anna": Relatie.PARTNER,
        "Tim": Relatie.KIND,
    }
    assert all(b.persoon_id for b in rows.values())
    assert rows["Sven"].persoon.bsn == "999990007" and rows["Anna"].persoon.geboortedatum == date(1991, 2, 3)
    assert aanmelding.hoofdpersoon.voornamen == "Sven"


MISSING = [
    ("aanleiding", {"aanleiding": "  "}, "Beschrijf de aanleiding."),
    ("doel", {"doel": ""}, "Beschrijf het doel of de hulpvraag."),
    ("leefgebieden", {"leefgebieden": []}, "Kies ten minste één leefgebied."),
    ("thema", {"thema": ""}, "Kies een thema."),
    ("gemeente", {"gemeente": None}, "Kies de gemeente."),
    ("betrokkene_geinformeerd", {"betrokkene_geinformeerd": None}, "Geef aan of de betrokkene is geïnformeerd."),
    (
        "reden_niet_geinformeerd",
        {"betrokkene_geinformeerd": False, "reden_niet_geinformeerd": " "},
        "Geef de reden waarom de betrokkene niet is geïnformeerd.",
    ),
    ("grondslag", {"grondslag": ""}, "Kies de grondslag."),
    ("grondslag_toelichting", {"grondslag_toelichting": ""}, "Licht de grondslag toe."),
]


@pytest.mark.parametrize(("field", "data", "message"), MISSING, ids=[m[0] for m in MISSING])
def test_submit_refuses_an_incomplete_aanmelding_with_a_dutch_message(user_factory, field, data, message):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = draft(partner, **data)
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert exc.value.message_dict == {field: [message]}
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.CONCEPT and aanmelding.ingediend_op is None
    assert not Persoon.objects.exists()  # no person is created for a refused aanmelding


def test_not_informed_is_accepted_with_a_reason(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = draft(partner, betrokkene_geinformeerd=False, reden_niet_geinformeerd="Lopend strafonderzoek.")
    services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert aanmelding.status == AanmeldingStatus.INGEDIEND


@pytest.mark.parametrize(
    "persons",
    [
        [person("Anna", "Mertens", relatie=Relatie.PARTNER)],
        [person("Sven", "Mertens"), person("Anna", "Mertens")],
        [],
    ],
    ids=["geen-hoofdpersoon", "twee-hoofdpersonen", "niemand"],
)
def test_exactly_one_hoofdpersoon(user_factory, persons):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(
        by=partner, data={**COMPLETE, "gemeente": gemeente()}, betrokkenen=persons
    )
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert "Vul precies één hoofdpersoon in." in exc.value.message_dict["betrokkenen"]


def test_every_betrokkene_needs_first_and_last_name(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(
        by=partner,
        data={**COMPLETE, "gemeente": gemeente()},
        betrokkenen=[person(), {"relatie": Relatie.KIND, "voornamen": "", "achternaam": "Mertens"}],
    )
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert exc.value.message_dict == {"betrokkenen": ["Betrokkene 2: vul voornamen en achternaam in."]}


def test_only_who_typed_the_aanmelding_may_submit_it(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    colleague = user_factory(Role.KETENPARTNER)
    aanmelding = draft(partner)
    with pytest.raises(PermissionDenied):
        services.aanmelding_submit(aanmelding=aanmelding, by=colleague)
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.CONCEPT


# --- Persons: BSN linking, 11-proof, duplicates -------------------------------------------------------------------


def test_an_existing_bsn_links_the_existing_person(user_factory):
    existing = make_person("Sven", "Mertens", bsn="999990019", geboortedatum=date(1990, 5, 1))
    partner = user_factory(Role.KETENPARTNER)
    born = date(1990, 5, 1)
    aanmelding = submitted(
        partner, persons=[person("Sven", "Mertens", bsn="999990019", geboortedatum=born, woonplaats="Breda")]
    )
    [betrokkene] = aanmelding.betrokkenen.all()
    assert betrokkene.persoon_id == existing.pk
    assert Persoon.objects.count() == 1
    existing.refresh_from_db()
    assert existing.woonplaats == ""  # what a melder typed never changes the register
    with pytest.raises(ValidationError):  # "S." is not the registered name: refused, nothing linked
        submitted(
            user_factory(Role.KETENPARTNER), persons=[person("S.", "Mertens", bsn="999990019", geboortedatum=born)]
        )
    assert Persoon.objects.count() == 1


def test_a_person_without_bsn_is_created_new(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = submitted(partner, persons=[person("Sven", "Mertens")])
    assert Persoon.objects.get().pk == aanmelding.betrokkenen.get().persoon_id


def test_a_bsn_failing_the_11_proof_is_refused_at_submit(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(
        by=partner, data={**COMPLETE, "gemeente": gemeente()}, betrokkenen=[person(bsn=BAD_BSN)]
    )
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert exc.value.message_dict == {"betrokkenen": ["Betrokkene 1: Dit is geen geldig BSN (de elfproef klopt niet)."]}
    assert not Persoon.objects.exists()


def test_a_bsn_failing_the_11_proof_gives_a_dutch_error_next_to_the_field(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens", "bsn": BAD_BSN}]
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_betrokkenen-0-bsn") == "Fout: Dit is geen geldig BSN (de elfproef klopt niet)."
    # What was typed is shown again.
    assert f'value="{BAD_BSN}"' in page and 'value="Mertens"' in page
    assert "Escalerende burenruzie met bedreigingen." in page
    assert not Persoon.objects.exists()


ROW_ERRORS = [
    ("bsn", BAD_BSN, "Dit is geen geldig BSN (de elfproef klopt niet)."),
    ("postcode", "12345", "Vul de postcode in als 1234 AB (vier cijfers, spatie, twee hoofdletters)."),
    ("geboortedatum", "2099-01-01", "De geboortedatum ligt in de toekomst."),
]


@pytest.mark.parametrize(("field", "value", "message"), ROW_ERRORS, ids=[e[0] for e in ROW_ERRORS])
def test_a_betrokkene_form_error_is_dutch_next_to_the_field_and_the_input_stays(client_for, field, value, message):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens", field: value}]
    response = client.post(CREATE, form_data(rows=rows, opslaan="1", aanleiding="Mijn verhaal"))
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, f"id_betrokkenen-0-{field}") == f"Fout: {message}"
    assert f'value="{value}"' in page and 'value="Mertens"' in page and "Mijn verhaal" in page


@pytest.mark.parametrize(
    ("field", "value", "button"),
    [("bsn", BAD_BSN, "indienen"), ("bsn", BAD_BSN, "opslaan"), ("postcode", "12345", "opslaan")]
    + [("geboortedatum", "2099-01-01", "opslaan")],
)
def test_a_betrokkene_form_error_still_saves_the_draft(client_for, field, value, button):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens", field: value}]
    client.post(CREATE, form_data(rows=rows, **{button: "1"}, **complete_fields(gemeente())))
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.status == AanmeldingStatus.CONCEPT
    assert aanmelding.aanleiding == "Escalerende burenruzie met bedreigingen."
    assert aanmelding.betrokkenen.get().achternaam == "Mertens"


def betrokkenen_fieldset(page: str) -> str:
    start = page.index("<legend>Betrokkenen</legend>")
    return page[start : page.index('<fieldset class="form-section">', start)]


def test_a_betrokkene_error_at_submit_is_shown_in_dutch_and_the_draft_kept(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [
        {"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"},
        {"relatie": Relatie.KIND, "voornamen": "", "achternaam": "Mertens"},
    ]
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    assert response.status_code == 200
    assert "Betrokkene 2: vul voornamen en achternaam in." in text(response.content.decode())
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.status == AanmeldingStatus.CONCEPT and aanmelding.betrokkenen.count() == 2


def test_a_betrokkene_error_at_submit_is_shown_with_the_betrokkenen(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [
        {"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"},
        {"relatie": Relatie.KIND, "voornamen": "", "achternaam": "Mertens"},
    ]
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    assert "Betrokkene 2: vul voornamen en achternaam in." in text(betrokkenen_fieldset(response.content.decode()))


def test_a_possible_duplicate_is_shown_to_the_procesregisseur_only(client_for, user_factory):
    from tests.cases.world import open_case

    existing = make_person("Sven", "Mertens", geboortedatum=date(1990, 5, 1))
    owner = user_factory(Role.PROCESREGISSEUR)
    open_case(regisseur=owner, partner=owner.organisation, persoon=existing)
    partner_client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner, persons=[person("Sven", "Mertens", geboortedatum=date(1990, 5, 1))])
    new_person = aanmelding.betrokkenen.get().persoon
    assert new_person.pk != existing.pk  # no BSN: nothing to link on, a second person exists
    existing_link = reverse("cases:persoon_detail", kwargs={"pk": existing.pk})

    regisseur_page = verified_client(user_factory(Role.PROCESREGISSEUR)).get(detail_url(aanmelding)).content.decode()
    assert "Mogelijk dubbele personen" in regisseur_page and existing_link in regisseur_page

    partner_page = partner_client.get(detail_url(aanmelding)).content.decode()
    assert "Mogelijk dubbele personen" not in partner_page and "Dezelfde naam en geboortedatum" not in partner_page
    assert existing_link not in partner_page and "/personen/" not in partner_page


def test_no_duplicate_warning_for_a_different_birth_date(client_for, user_factory):
    make_person("Sven", "Mertens", geboortedatum=date(1990, 5, 2))
    aanmelding = submitted(
        user_factory(Role.KETENPARTNER), persons=[person("Sven", "Mertens", geboortedatum=date(1990, 5, 1))]
    )
    client, _ = client_for(Role.PROCESREGISSEUR)
    assert "Mogelijk dubbele personen" not in client.get(detail_url(aanmelding)).content.decode()


# --- The form through the view: nothing typed is lost -------------------------------------------------------------


def test_partner_submits_through_the_form(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    veilig_thuis = OrganisationFactory(veilig_thuis=True)
    rows = [
        {
            "relatie": Relatie.HOOFDPERSOON,
            "voornamen": "Sven",
            "achternaam": "Mertens",
            "bsn": "999990007",
            "geboortedatum": "1990-05-01",
            "postcode": "4811ab",
        },
        {"relatie": Relatie.PARTNER, "voornamen": "Anna", "achternaam": "Mertens"},
    ]
    fields = complete_fields(gemeente(), spoed="on", voorgestelde_partners=[str(veilig_thuis.pk)])
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **fields))
    aanmelding = Aanmelding.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(aanmelding)
    assert aanmelding.status == AanmeldingStatus.INGEDIEND and aanmelding.aanbrengende_partner == partner.organisation
    assert aanmelding.spoed and aanmelding.betrokkene_geinformeerd is True
    assert list(aanmelding.voorgestelde_partners.all()) == [veilig_thuis]
    hoofd = aanmelding.hoofdpersoon.persoon
    assert (hoofd.bsn, hoofd.postcode, hoofd.geboortedatum) == ("999990007", "4811 AB", date(1990, 5, 1))
    assert aanmelding.betrokkenen.get(relatie=Relatie.PARTNER).persoon.voornamen == "Anna"
    page = client.get(detail_url(aanmelding)).content.decode()
    assert "Uw aanmelding is ingediend" in page


def test_an_incomplete_draft_is_saved_through_the_form_and_shown_again(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"}]
    response = client.post(CREATE, form_data(rows=rows, opslaan="1", aanleiding="Eerste aanzet"))
    aanmelding = Aanmelding.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(aanmelding)
    assert aanmelding.status == AanmeldingStatus.CONCEPT and aanmelding.aanleiding == "Eerste aanzet"
    page = client.get(edit_url(aanmelding)).content.decode()
    assert "Uw aanmelding is als concept opgeslagen." in page
    assert "Eerste aanzet" in page and 'value="Sven"' in page and 'value="Mertens"' in page


def test_submit_errors_are_dutch_next_to_the_field_and_nothing_typed_is_lost(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    breda = gemeente()
    rows = [
        {"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens", "bsn": "999990007"},
        {"relatie": Relatie.KIND, "voornamen": "Tim", "achternaam": "Mertens"},
    ]
    fields = complete_fields(
        breda, doel="", grondslag="", betrokkene_geinformeerd="nee", reden_niet_geinformeerd="", spoed="on"
    )
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Controleer de aanmelding" in page
    assert field_errors(page, "id_doel") == "Fout: Beschrijf het doel of de hulpvraag."
    assert field_errors(page, "id_grondslag") == "Fout: Kies de grondslag."
    assert (
        field_errors(page, "id_reden_niet_geinformeerd")
        == "Fout: Geef de reden waarom de betrokkene niet is geïnformeerd."
    )
    assert field_errors(page, "id_aanleiding") == ""
    assert "Uw gegevens zijn als concept bewaard." in text(page)
    # Re-rendered: every value typed.
    assert "Escalerende burenruzie met bedreigingen." in page and "Politietaak (Politiewet art. 3)." in page
    for value in ("Sven", "Tim", "Mertens", "999990007"):
        assert f'value="{value}"' in page
    assert re.search(r'name="leefgebieden" value="psychisch"[^>]*checked', page)
    assert re.search(r'name="betrokkene_geinformeerd" value="nee"[^>]*checked', page)
    assert re.search(rf'<option value="{breda.pk}" selected>', page)
    # And saved as a draft.
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.status == AanmeldingStatus.CONCEPT and aanmelding.ingediend_door == partner
    assert aanmelding.aanleiding == "Escalerende burenruzie met bedreigingen." and aanmelding.spoed
    assert aanmelding.leefgebieden == ["huisvesting", "psychisch"] and aanmelding.betrokkene_geinformeerd is False
    assert [(b.voornamen, b.relatie) for b in aanmelding.betrokkenen.all()] == [
        ("Sven", Relatie.HOOFDPERSOON),
        ("Tim", Relatie.KIND),
    ]


def test_correcting_a_refused_new_aanmelding_submits_the_same_draft(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"}]
    first = client.post(CREATE, form_data(rows=rows, indienen="1", **complete_fields(gemeente(), doel="")))
    assert first.status_code == 200
    # The browser posts the re-rendered form to its action (or, without one, back to where it came from).
    action = re.search(r'<form method="post" novalidate class="form"(?: action="([^"]+)")?', first.content.decode())
    target = action.group(1) if action and action.group(1) else first.request["PATH_INFO"]
    client.post(target, form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    assert Aanmelding.objects.count() == 1
    assert Aanmelding.objects.get().status == AanmeldingStatus.INGEDIEND


def test_correcting_a_saved_draft_submits_it(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens"}]
    client.post(CREATE, form_data(rows=rows, opslaan="1", aanleiding="Eerste aanzet"))
    aanmelding = Aanmelding.objects.get()
    response = client.post(edit_url(aanmelding), form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    assert response.status_code == 302
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.INGEDIEND and Aanmelding.objects.count() == 1


def test_a_submitted_aanmelding_can_no_longer_be_edited(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner)
    response = client.get(edit_url(aanmelding))
    assert response.status_code == 302 and response["Location"] == detail_url(aanmelding)
    response = client.post(edit_url(aanmelding), form_data(opslaan="1", aanleiding="Achteraf gewijzigd"))
    assert response.status_code == 302 and response["Location"] == detail_url(aanmelding)
    assert "kan niet meer worden gewijzigd" in client.get(detail_url(aanmelding)).content.decode()
    aanmelding.refresh_from_db()
    assert aanmelding.aanleiding == COMPLETE["aanleiding"] and aanmelding.status == AanmeldingStatus.INGEDIEND
    with pytest.raises(ValidationError, match="Een ingediende aanmelding kan niet meer worden gewijzigd."):
        services.aanmelding_save_draft(by=partner, aanmelding=aanmelding, data={"aanleiding": "x"}, betrokkenen=[])
    with pytest.raises(ValidationError, match="Deze aanmelding is al ingediend."):
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    assert aanmelding.betrokkenen.count() == 1


# --- Scope: a partner sees their own organisation's aanmeldingen only ---------------------------------------------


def test_partner_lists_only_their_organisations_aanmeldingen(client_for, user_factory):
    client, partner = client_for(Role.KETENPARTNER)
    colleague = user_factory(Role.KETENPARTNER)  # also Politie
    outsider = make_user(Role.KETENPARTNER, organisation=OrganisationFactory(reclassering=True))
    submitted(partner, persons=[person("Eigen", "Melding")])
    submitted(colleague, persons=[person("Collega", "Melding")])
    services.aanmelding_save_draft(by=colleague, data={}, betrokkenen=[person("Concept", "Collega")])
    submitted(outsider, persons=[person("Andere", "Organisatie")])
    page = client.get(LIST).content.decode()
    assert "Eigen Melding" in page and "Collega Melding" in page
    assert "Concept Collega" not in page and "Andere Organisatie" not in page


def test_another_organisations_aanmelding_is_404_and_the_attempt_is_logged(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    reclassering = OrganisationFactory(reclassering=True)
    foreign = submitted(make_user(Role.KETENPARTNER, organisation=reclassering))
    for url, action in ((detail_url(foreign), AccessAction.READ), (edit_url(foreign), AccessAction.UPDATE)):
        assert client.get(url).status_code == 404
        entry = AccessLogEntry.objects.filter(user=partner).latest("id")
        assert (entry.result, entry.action, entry.object_type) == (AccessResult.DENIED, action, "triage.aanmelding")
        assert entry.object_ids == [str(foreign.pk)] and entry.on_behalf_of == reclassering
    assert "Mertens" not in client.get(detail_url(foreign)).content.decode()


def test_a_colleagues_draft_is_404_for_the_partner(client_for, user_factory):
    client, _partner = client_for(Role.KETENPARTNER)
    concept = services.aanmelding_save_draft(by=user_factory(Role.KETENPARTNER), data={}, betrokkenen=[person()])
    assert client.get(detail_url(concept)).status_code == 404
    assert client.get(edit_url(concept)).status_code == 404


def test_a_missing_aanmelding_is_404_and_logs_nothing(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    before = AccessLogEntry.objects.count()
    assert client.get(reverse("triage:aanmelding_detail", kwargs={"pk": 987654})).status_code == 404
    assert AccessLogEntry.objects.count() == before


def test_opening_an_aanmelding_is_logged_with_its_persons(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner, persons=[person("Sven", "Mertens"), person("Tim", "Mertens", relatie="kind")])
    assert client.get(detail_url(aanmelding)).status_code == 200
    entry = AccessLogEntry.objects.filter(user=partner).latest("id")
    assert (entry.result, entry.action, entry.object_ids) == (AccessResult.ALLOWED, "read", [str(aanmelding.pk)])
    assert set(entry.persons.values_list("person_id", flat=True)) == set(
        aanmelding.betrokkenen.values_list("persoon_id", flat=True)
    )


def test_the_list_does_not_query_per_aanmelding(client_for, user_factory, django_assert_max_num_queries):
    client, partner = client_for(Role.KETENPARTNER)
    for n in range(12):
        submitted(partner, persons=[person(f"Persoon{n}", "Mertens"), person("Kind", f"K{n}", relatie="kind")])
    with django_assert_max_num_queries(15):  # 13 today, flat in the number of rows
        page = client.get(LIST).content.decode()
    assert page.count("Persoon") >= 12


def test_a_restricted_theme_is_visible_to_the_partner_that_submitted_it(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner, thema=Thema.RADICALISERING)
    assert client.get(detail_url(aanmelding)).status_code == 200


def test_no_duplicate_warning_about_a_person_in_a_restricted_case(client_for, user_factory):
    from tests.cases.world import open_case

    regisseur = user_factory(Role.PROCESREGISSEUR)
    hidden = make_person("Karel", "Willems", geboortedatum=date(1996, 5, 9))
    open_case(regisseur=regisseur, partner=regisseur.organisation, persoon=hidden, thema="radicalisering")
    partner_client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner, persons=[person("Karel", "Willems", geboortedatum=date(1996, 5, 9))])
    page = verified_client(regisseur).get(detail_url(aanmelding)).content.decode()
    assert "Mogelijk dubbele personen" not in page


def test_a_long_list_is_newest_first_with_an_estimated_count(client_for, monkeypatch):
    from django.db import connection

    from zvh.core.pagination import BoundedCountPaginator

    monkeypatch.setattr(BoundedCountPaginator, "exact_limit", 2)
    client, partner = client_for(Role.KETENPARTNER)
    for n in range(4):
        submitted(partner, persons=[person(f"Persoon{n}", "Mertens")])
    page = client.get(LIST).content.decode()
    assert [page.index(f"Persoon{n}") for n in (3, 2, 1, 0)] == sorted(page.index(f"Persoon{n}") for n in range(4))
    if connection.vendor == "postgresql":
        assert re.search(r"ongeveer \d+ aanmeldingen", page)
    else:
        assert "4 aanmeldingen" in page
    filtered = client.get(LIST, {"status": AanmeldingStatus.INGEDIEND}).content.decode()
    assert all(f"Persoon{n}" in filtered for n in range(4))
    assert "Persoon0" not in client.get(LIST, {"status": AanmeldingStatus.BESLOTEN}).content.decode()
