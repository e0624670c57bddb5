"""Authorization matrix for the FG's screens (the world comes from tests/cases/authz.py, plus the FG's registers)."""

from datetime import date, timedelta

from tests.authz import NOT_ALLOWED, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

F = Role.FG


def build_world(world: dict) -> None:
    from django.test import RequestFactory
    from django.utils import timezone

    from privacy.choices import DocumentSoort, VerzoekSoort
    from privacy.services import registers, requests, retention

    fg = world["users"][F]
    world["verzoek"] = requests.verzoek_register(
        by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=date.today(), persoon=world["p_granted"]
    )
    request = RequestFactory().post("/")
    request.user = fg
    requests.inzage_export_request(verzoek=world["verzoek"], request=request)
    requests.inzage_export_build(verzoek_id=world["verzoek"].pk)
    world["datalek"] = registers.datalek_register(
        by=fg, omschrijving="E-mail met een agenda aan de verkeerde ontvanger.", ontdekt_op=timezone.now()
    )
    world["verwerking"] = registers.verwerking_save(
        by=fg,
        naam="Casusregie",
        doel="Regie",
        grondslag="Art. 6 lid 1 e",
        categorieen_betrokkenen="Betrokkenen",
        categorieen_gegevens="NAW, BSN",
        ontvangers="Partners",
        bewaartermijn="5 jaar",
        beveiliging="2FA, logging",
    )
    world["document"] = registers.document_save(
        by=fg,
        soort=DocumentSoort.DPIA,
        titel="DPIA informatiesysteem",
        versie="1.0",
        status="concept",
        gestart_op=date.today() - timedelta(days=30),
    )
    world["hold"] = retention.legal_hold_place(
        soort="cases.casus", dossier_id=world["casus_granted"].pk, reden="Klacht loopt.", by=fg
    )


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def post_only(name: str | None = None, data=None) -> Variants:
    kwargs = pk(name) if name else None
    return Variants(
        {
            "post": only(F, allowed=REDIRECT, kwargs=kwargs, method="post", data=data),
            "get": expect(default=NOT_ALLOWED, kwargs=kwargs),
        }
    )


MATRIX = {
    "privacy:person_lookup": only(F),
    "privacy:person_log": only(F, kwargs=lambda w: {"pk": w["p_granted"].pk}),
    "privacy:person_log_csv": only(F, kwargs=lambda w: {"pk": w["p_granted"].pk}),
    "privacy:user_list": only(F),
    "privacy:user_log_csv": only(F, kwargs=lambda w: {"pk": w["users"]["ketenpartner"].pk}),
    "privacy:user_log": only(F, kwargs=lambda w: {"pk": w["users"]["ketenpartner"].pk}),
    "privacy:verzoek_list": only(F),
    "privacy:verzoek_create": only(F),
    "privacy:verzoek_detail": only(F, kwargs=pk("verzoek")),
    "privacy:verzoek_verlengen": post_only("verzoek", data=lambda w: {"verlenging_reden": "Complex verzoek."}),
    "privacy:verzoek_afhandelen": post_only("verzoek", data=lambda w: {"besluit": "toegewezen", "motivering": "Ja."}),
    "privacy:verzoek_export": post_only("verzoek"),
    "privacy:verzoek_export_status": only(F, kwargs=pk("verzoek")),
    "privacy:verzoek_download": only(F, kwargs=lambda w: {"pk": w["verzoek"].pk, "formaat": "json"}),
    "privacy:bewaartermijnen": only(F),
    "privacy:bewaartermijn_edit": only(F, kwargs=lambda w: {"soort": "cases.casus"}),
    "privacy:legal_hold_create": only(F),
    "privacy:legal_hold_lift": post_only("hold"),
    "privacy:vernietigingsregister": only(F),
    "privacy:logs": only(F),
    "privacy:verwerking_list": only(F),
    "privacy:verwerking_create": only(F),
    "privacy:verwerking_edit": only(F, kwargs=pk("verwerking")),
    "privacy:document_list": only(F),
    "privacy:document_create": only(F),
    "privacy:document_edit": only(F, kwargs=pk("document")),
    "privacy:datalek_list": only(F),
    "privacy:datalek_create": only(F),
    "privacy:datalek_detail": only(F, kwargs=pk("datalek")),
    "privacy:autorisaties": only(F),
    "privacy:autorisaties_csv": only(F),
}
