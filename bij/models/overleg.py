"""The BIJ-overleg (every two weeks) reuses the casusoverleg: date, place, chair and support live in
``cases.Casusoverleg``; this app marks it as a BIJ-overleg and keeps its own agenda items of meldingen."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .melding import Melding


class BijOverleg(models.Model):
    overleg = models.OneToOneField("cases.Casusoverleg", on_delete=models.PROTECT, primary_key=True, related_name="bij")

    class Meta:
        verbose_name = _("BIJ-overleg")
        verbose_name_plural = _("BIJ-overleggen")

    def __str__(self) -> str:
        return _("BIJ-overleg %(datum)s") % {"datum": f"{timezone.localtime(self.overleg.datum_tijd):%d-%m-%Y %H:%M}"}


class BijAgendapunt(models.Model):
    """One melding on a BIJ-overleg, with its own minutes. Who takes part follows from the melding's invitations."""

    bij_overleg = models.ForeignKey(BijOverleg, on_delete=models.PROTECT, related_name="agendapunten")
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="agendapunten")
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    verslag = models.TextField(_("verslag"), blank=True)
    afspraken = models.TextField(_("afspraken"), blank=True)

    class Meta:
        verbose_name = _("BIJ-agendapunt")
        verbose_name_plural = _("BIJ-agendapunten")
        ordering = ["volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["bij_overleg", "melding"], name="bij_agendapunt_uniek")]

    def __str__(self) -> str:
        return f"{self.bij_overleg} #{self.volgorde}"
