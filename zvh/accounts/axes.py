"""django-axes glue: the login wizard posts ``auth-username``; authenticate() receives ``username``."""

from django.http import HttpRequest


def get_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    if credentials and credentials.get("username"):
        return credentials["username"]
    return request.POST.get("auth-username")
