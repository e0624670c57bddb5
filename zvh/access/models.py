"""Data the access layer decides on: closed teams and the restricted themes only their members may see."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    """A closed group inside the ZVH (e.g. the Weegploeg). Restricted themes are visible to its members only."""

    code = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leden"),
        related_name="teams",
        blank=True,
        db_table="cases_team_leden",
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        # Moved from the cases app without touching the table (migration access/0001).
        db_table = "cases_team"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class BeperktThema(models.Model):
    """A theme whose dossiers only the members of one team may see, in every role and every channel.

    Edited by the beheerder. A dossier type names the theme of each dossier (a field, or one theme for the whole
    type, e.g. every BIJ-melding); the access layer adds "and the user is in the team" to every condition.
    """

    thema = models.SlugField(
        _("thema"), max_length=32, unique=True, help_text=_("De code van het thema, bijvoorbeeld radicalisering.")
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="themas")
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("beperkt thema")
        verbose_name_plural = _("beperkte thema's")
        ordering = ["thema"]

    def __str__(self) -> str:
        return f"{self.thema} → {self.team}"


WEEGPLOEG = "weegploeg"
