from axes.models import AccessFailureLog, AccessLog
from django.db.models import QuerySet


def login_records() -> QuerySet[AccessLog]:
    return AccessLog.objects.only("username", "ip_address", "attempt_time", "logout_time").order_by("-attempt_time")


def login_failures() -> QuerySet[AccessFailureLog]:
    return AccessFailureLog.objects.only("username", "ip_address", "attempt_time", "locked_out").order_by(
        "-attempt_time"
    )
