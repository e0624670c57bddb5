"""django-axes glue: one username key for the lock check, the failure records and the reset after success.

Axes calls this with different credentials at different moments: the authentication backend passes
``{"auth-username": ...}`` (``AXES_USERNAME_FORM_FIELD``), the ``user_login_failed`` signal passes
``{"username": ...}``, and some paths pass nothing (then the login wizard's POST field is read). Every one of them is
normalised the same way (``zvh.accounts.usernames.lockout_key``), so a spelling variant can never dodge a lock.
"""

from django.conf import settings
from django.http import HttpRequest

from .usernames import lockout_key


def get_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    credentials = credentials or {}
    for key in ("username", settings.AXES_USERNAME_FORM_FIELD):
        if credentials.get(key):
            return lockout_key(credentials[key])
    posted = request.POST.get(settings.AXES_USERNAME_FORM_FIELD) if request is not None else None
    return lockout_key(posted)
