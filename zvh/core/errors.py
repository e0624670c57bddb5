"""The handler for unhandled exceptions (handler500): a database that is unreachable or dropped the connection
(PostgreSQL restarting, failing over) is a temporary outage, answered with a Dutch 503 and Retry-After instead of a
500. The page is rendered without the request context: nothing in it may touch the database again."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)
DATABASE_DOWN = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_DOWN):
        logger.warning("database onbereikbaar: %s", type(exc).__name__)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
