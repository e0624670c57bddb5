from .access_log import AccessLogEntry, AccessLogPerson, AppendOnlyError, AppendOnlyModel, AppendOnlyQuerySet
from .registers import Datalek, PrivacyDocument, Verwerking
from .requests import AvgVerzoek
from .retention import Bewaartermijn, GeanonimiseerdDossier, LegalHold, Pseudoniem, Vernietigingsregel
from .seals import LogCheckpoint, LogPrune, LogSeal

__all__ = [
    "AccessLogEntry",
    "AccessLogPerson",
    "AppendOnlyError",
    "AppendOnlyModel",
    "AppendOnlyQuerySet",
    "AvgVerzoek",
    "Bewaartermijn",
    "Datalek",
    "GeanonimiseerdDossier",
    "LegalHold",
    "LogCheckpoint",
    "LogPrune",
    "LogSeal",
    "PrivacyDocument",
    "Pseudoniem",
    "Vernietigingsregel",
    "Verwerking",
]
