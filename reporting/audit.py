"""Audit registration: jaarplan edits, manual realisations and report requests are audited."""

from auditlog.registry import auditlog

from .models import Activiteit, Jaarplan, Ontwikkellijn, Realisatie, Report, Thema

auditlog.register(Jaarplan)
auditlog.register(Ontwikkellijn)
auditlog.register(Thema)
auditlog.register(Activiteit)
auditlog.register(Realisatie)
auditlog.register(Report, exclude_fields=["task_id"])
