from django.urls import path

from . import views

app_name = "triage"

urlpatterns = [
    path("aanmeldingen/", views.aanmelding_list, name="aanmelding_list"),
    path("aanmeldingen/nieuw/", views.aanmelding_edit, name="aanmelding_create"),
    path("aanmeldingen/<int:pk>/", views.aanmelding_detail, name="aanmelding_detail"),
    path("aanmeldingen/<int:pk>/bewerken/", views.aanmelding_edit, name="aanmelding_edit"),
    path("aanmeldingen/<int:pk>/agenderen/", views.aanmelding_place, name="aanmelding_place"),
    path("aanmeldingen/<int:pk>/weging/", views.weging_create, name="weging_create"),
    path("aanmeldingen/<int:pk>/aanvulling/", views.aanvulling_request, name="aanvulling_request"),
    path("aanmeldingen/<int:pk>/aanvulling/antwoord/", views.aanvulling_answer, name="aanvulling_answer"),
    path("triage/", views.board_list, name="board_list"),
    path("triage/borden/<int:pk>/sessies/", views.sessie_create, name="sessie_create"),
    path("triage/sessies/<int:pk>/", views.sessie_detail, name="sessie_detail"),
    path("triage/sessies/<int:pk>/aanmeldingen/", views.sessie_add, name="sessie_add"),
    path("advies/", views.advies_list, name="advies_list"),
]
