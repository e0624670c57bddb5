"""The project's URLs plus views whose database connection fails (for test_database_down.py)."""

from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError
from django.urls import path

from zvh.urls import handler500  # noqa: F401  (handler500 is looked up here)
from zvh.urls import urlpatterns as project_urlpatterns


@login_not_required
def dropped(request):
    raise OperationalError("server closed the connection unexpectedly")


@login_not_required
def closed(request):
    raise InterfaceError("connection already closed")


@login_not_required
def broken(request):
    raise ValueError("een echte fout")


urlpatterns = [
    path("test/verbroken/", dropped),
    path("test/gesloten/", closed),
    path("test/fout/", broken),
    *project_urlpatterns,
]
