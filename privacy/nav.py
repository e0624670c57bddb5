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
