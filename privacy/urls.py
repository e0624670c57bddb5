from django.urls import path

from . import access_views, views

app_name = "privacy"

urlpatterns = [
    path("inlogregistratie/", views.login_records, name="login_records"),
    path("toegang/personen/", access_views.person_lookup, name="person_lookup"),
    path("toegang/personen/<int:pk>/", access_views.person_log, name="person_log"),
    path("toegang/gebruikers/", access_views.user_list, name="user_list"),
    path("toegang/gebruikers/<int:pk>/", access_views.user_log, name="user_log"),
]
