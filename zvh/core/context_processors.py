from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .navigation import items_for


def shell(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    verified = bool(user and user.is_authenticated and user.is_verified())
    items = items_for(user) if verified else []
    menu = []
    search_url = next((item.url for item in items if item.header_search), "")
    for item in items:
        if not item.in_menu:
            continue
        url = item.url
        active = request.path == url or (url != "/" and request.path.startswith(url))
        menu.append({"label": item.label, "url": url, "active": active})
    return {
        "zvh_name": settings.ZVH_NAME,
        "zvh_environment": settings.ZVH_ENVIRONMENT,
        "nav_items": menu,
        "header_search_url": search_url,
        "today": timezone.localdate(),
    }
