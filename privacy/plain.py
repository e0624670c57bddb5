"""The access log in plain words for the FG (issue 16): what a user did, on what, for which organisation."""

from django.utils.translation import gettext_lazy as _

from .choices import AccessAction, AccessResult

ACTIONS = {
    AccessAction.READ: _("opende het dossier"),
    AccessAction.LIST: _("zag de naam in een lijst"),
    AccessAction.SEARCH: _("vond de persoon bij het zoeken"),
    AccessAction.EXPORT: _("exporteerde of downloadde de gegevens"),
    AccessAction.CREATE: _("legde gegevens vast"),
    AccessAction.UPDATE: _("wijzigde gegevens"),
    AccessAction.DELETE: _("verwijderde gegevens"),
    AccessAction.REVEAL: _("bekeek een afgeschermd gegeven"),
}
OBJECTS = {
    "privacy.toegangsregistratie": _("toegangsregistratie"),
    "privacy.inzage": _("inzage-export (AVG)"),
    "privacy.avgverzoek": _("AVG-verzoek"),
    "privacy.autorisaties": _("overzicht autorisaties"),
    "persons.persoon": _("personenregister"),
    "reporting.report": _("kwartaalrapportage"),
}


def action_text(action: str, result: str) -> str:
    """ "opende het dossier", or "probeerde: opende het dossier (geweigerd)" when access was refused."""
    text = str(ACTIONS.get(action, action))
    if result == AccessResult.DENIED:
        return str(_("probeerde: %(actie)s (geweigerd)") % {"actie": text})
    return text


def object_text(object_type: str) -> str:
    """The dossier type's own name ("casus", "BIJ-melding"), never a technical key."""
    from zvh.access.registry import dossier_types

    labels = {t.key: t.label for t in dossier_types()}
    return str(labels.get(object_type) or OBJECTS.get(object_type) or object_type)


def user_text(entry) -> str:
    """Full name and organisation instead of a username."""
    name = entry.user.display_name if entry.user_id else entry.username
    return f"{name} ({entry.organisation})" if entry.organisation_id else name
