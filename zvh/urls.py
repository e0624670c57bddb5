from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("zvh.accounts.urls")),
    path("", include("zvh.core.urls")),
    path("", include("cases.urls")),
    path("", include("triage.urls")),
    path("", include("zvh.notifications.urls")),
    path("privacy/", include("privacy.urls")),
    path("rapportage/", include("reporting.urls")),
    path("facilitering/", include("facilitering.urls")),
    path("bij/", include("bij.urls")),
    path("mensenhandel/", include("mensenhandel.urls")),
    path("netwerk/", include("netwerk.urls")),
    path("reintegratie/", include("reintegration.urls")),
    path("zsm/", include("zsm.urls")),
    path("levensloop/", include("levensloop.urls")),
    path("beheer/", admin.site.urls),
]

# A dropped or unreachable database answers a Dutch 503 (zvh.core.errors); anything else the 500 page.
handler500 = "zvh.core.errors.server_error"
