"""The hash chain over the logs: one seal per log row, checkpoints, and the anchor after the log's own term."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import LogSoort


class LogSeal(models.Model):
    """hash = sha256(previous hash + the row's canonical content). Written by the sealing job, in id order."""

    id = models.BigAutoField(primary_key=True)  # the chain's order (a row committed late is chained late)
    log = models.CharField(max_length=8, choices=LogSoort.choices)
    row_id = models.BigIntegerField()
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("logzegel")
        verbose_name_plural = _("logzegels")
        constraints = [models.UniqueConstraint(fields=["log", "row_id"], name="logseal_uniek")]

    def __str__(self) -> str:
        return f"{self.log} {self.row_id}"


class LogCheckpoint(models.Model):
    """The last sealed row and its hash at a moment: kept by the FG (and outside the database) to detect a cut-off
    tail."""

    log = models.CharField(max_length=8, choices=LogSoort.choices)
    gemaakt_op = models.DateTimeField(_("gemaakt op"))
    seal_id = models.BigIntegerField(_("laatste zegel"))
    row_id = models.BigIntegerField(_("laatste rij"))
    hash = models.CharField(_("hash"), max_length=64)
    aantal = models.BigIntegerField(_("aantal verzegelde rijen"))

    class Meta:
        verbose_name = _("controlepunt")
        verbose_name_plural = _("controlepunten")
        ordering = ["-gemaakt_op", "log"]

    def __str__(self) -> str:
        return f"{self.log} {self.row_id} {self.hash[:12]}"


class LogPrune(models.Model):
    """Rows sealed up to ``seal_id`` were removed after the log's own term; verification starts from ``hash``."""

    log = models.CharField(max_length=8, choices=LogSoort.choices)
    op = models.DateTimeField()
    seal_id = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    aantal = models.BigIntegerField()

    class Meta:
        verbose_name = _("logopschoning")
        verbose_name_plural = _("logopschoningen")
        ordering = ["-seal_id"]

    def __str__(self) -> str:
        return f"{self.log} ≤ {self.seal_id}"
