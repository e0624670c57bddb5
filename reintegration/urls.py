from django.urls import path

from . import views

app_name = "reintegration"

urlpatterns = [
    path("", views.traject_list_view, name="traject_list"),
    path("nieuw/", views.traject_create, name="traject_create"),
    path("<int:pk>/", views.traject_detail, name="traject_detail"),
    path("<int:pk>/status/", views.traject_transition, name="traject_transition"),
    path("<int:pk>/vrijlating/", views.traject_dates, name="traject_dates"),
    path("<int:pk>/toegang/", views.toegang_create, name="toegang_create"),
    path("<int:pk>/toegang/<int:tpk>/beeindigen/", views.toegang_end, name="toegang_end"),
    path("<int:pk>/voorwaarden/<int:vpk>/", views.voorwaarde_edit, name="voorwaarde_edit"),
    path("<int:pk>/voorwaarden/<int:vpk>/toestemming/", views.voorwaarde_consent, name="voorwaarde_consent"),
    path("importeren/", views.import_upload, name="import_upload"),
    path("importeren/bevestigen/", views.import_confirm, name="import_confirm"),
    path("isd/", views.isd_list_view, name="isd_list"),
    path("isd/nieuw/", views.isd_create, name="isd_create"),
    path("isd/<int:pk>/", views.isd_detail, name="isd_detail"),
    path("isd/<int:pk>/afronden/", views.isd_close, name="isd_close"),
    path("isd/<int:pk>/fasen/<int:fpk>/", views.isd_fase_edit, name="isd_fase_edit"),
]
