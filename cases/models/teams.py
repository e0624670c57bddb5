from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Thema


class Team(models.Model):
    """A closed group inside the ZVH (e.g. the Weegploeg). Restricted themes are visible to its members only."""

    code = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    leden = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("leden"), related_name="teams", blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


WEEGPLOEG = "weegploeg"

# Theme → team whose members (procesregisseurs) may see cases and aanmeldingen of that theme.
RESTRICTED_THEMES: dict[str, str] = {Thema.RADICALISERING: WEEGPLOEG}
