from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    CREATE = "create", _("aanmaken")
    READ = "read", _("inzien")
    UPDATE = "update", _("wijzigen")
    DELETE = "delete", _("verwijderen")
    EXPORT = "export", _("exporteren")
    LIST = "list", _("in een lijst getoond")
    REVEAL = "reveal", _("afgeschermd gegeven getoond")
    SEARCH = "search", _("zoeken")


class AccessResult(models.TextChoices):
    ALLOWED = "allowed", _("toegestaan")
    DENIED = "denied", _("geweigerd")


class Wijze(models.TextChoices):
    VERNIETIGEN = "vernietigen", _("vernietigen (alles verwijderen)")
    ANONIMISEREN = "anonimiseren", _("anonimiseren (anonieme gegevens voor de statistiek blijven)")


class LogSoort(models.TextChoices):
    TOEGANG = "toegang", _("toegangsregistratie")
    AUDIT = "audit", _("wijzigingslog")


class VerzoekSoort(models.TextChoices):
    INZAGE = "inzage", _("inzage (art. 15)")
    RECTIFICATIE = "rectificatie", _("rectificatie (art. 16)")
    VERWIJDERING = "verwijdering", _("verwijdering (art. 17)")
    BEPERKING = "beperking", _("beperking (art. 18)")
    BEZWAAR = "bezwaar", _("bezwaar (art. 21)")


class VerzoekStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    AFGEHANDELD = "afgehandeld", _("afgehandeld")


class Besluit(models.TextChoices):
    TOEGEWEZEN = "toegewezen", _("toegewezen")
    DEELS = "deels", _("deels toegewezen")
    AFGEWEZEN = "afgewezen", _("afgewezen")


class DocumentSoort(models.TextChoices):
    DPIA = "dpia", _("DPIA")
    PROTOCOL = "protocol", _("privacyprotocol")


class DocumentStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    TER_ADVIES = "ter_advies", _("ter advies bij de FG")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    VERVALLEN = "vervallen", _("vervallen")


class DatalekStatus(models.TextChoices):
    OPEN = "open", _("open")
    GESLOTEN = "gesloten", _("gesloten")


class ExportStatus(models.TextChoices):
    GEEN = "geen", _("nog niet gemaakt")
    WACHTRIJ = "wachtrij", _("in de wachtrij")
    BEZIG = "bezig", _("wordt gemaakt")
    KLAAR = "klaar", _("klaar om te downloaden")
    MISLUKT = "mislukt", _("mislukt")
    VERWIJDERD = "verwijderd", _("gedownload of verlopen en verwijderd")
