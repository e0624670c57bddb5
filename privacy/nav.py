from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

FG = frozenset({Role.FG})

NAV_ITEMS = [
    NavItem(
        _("Inzage per persoon"),
        "privacy:person_lookup",
        FG,
        _("Wie heeft het dossier van een persoon ingezien, wanneer en namens wie."),
        order=700,
    ),
    NavItem(
        _("Inzage per gebruiker"),
        "privacy:user_list",
        FG,
        _("Welke persoonsgegevens een gebruiker heeft ingezien of gewijzigd."),
        order=705,
    ),
    NavItem(
        _("Inlogregistratie"),
        "privacy:login_records",
        FG,
        _("Wie wanneer heeft ingelogd of uitgelogd, mislukte pogingen en blokkeringen."),
        order=710,
    ),
]

NAV_ITEMS += [
    NavItem(
        _("AVG-verzoeken"),
        "privacy:verzoek_list",
        FG,
        _("Inzage, rectificatie, verwijdering, beperking en bezwaar: termijnen, besluiten en de inzage-export."),
        order=715,
    ),
    NavItem(
        _("Datalekken"),
        "privacy:datalek_list",
        FG,
        _("Datalekken met de termijn van 72 uur voor de melding aan de Autoriteit Persoonsgegevens."),
        order=720,
    ),
    NavItem(
        _("Verwerkingsregister"),
        "privacy:verwerking_list",
        FG,
        _("Verwerkingen (art. 30 AVG) met doel, grondslag, ontvangers, bewaartermijn en beveiliging."),
        order=725,
    ),
    NavItem(
        _("DPIA's en protocollen"),
        "privacy:document_list",
        FG,
        _("DPIA's en privacyprotocollen met versies; vastgestelde documenten melden hun mijlpaal in het jaarplan."),
        order=730,
    ),
    NavItem(
        _("Bewaartermijnen"),
        "privacy:bewaartermijnen",
        FG,
        _("Bewaartermijn per soort dossier, bewaarplichten, en het vernietigingsregister."),
        order=735,
    ),
    NavItem(
        _("Autorisaties"),
        "privacy:autorisaties",
        FG,
        _("Alle toegangen per organisatie en gebruiker, met doel en laatste gebruik; te downloaden als CSV."),
        order=740,
    ),
    NavItem(
        _("Controlepunten logs"),
        "privacy:logs",
        FG,
        _("De dagelijkse hash van de verzegelde logs: bewaar die buiten het systeem."),
        order=745,
    ),
]
