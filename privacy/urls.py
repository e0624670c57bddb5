from django.urls import path

from . import access_views, avg_views, register_views, views

app_name = "privacy"

urlpatterns = [
    path("inlogregistratie/", views.login_records, name="login_records"),
    path("toegang/personen/", access_views.person_lookup, name="person_lookup"),
    path("toegang/personen/<int:pk>/", access_views.person_log, name="person_log"),
    path("toegang/personen/<int:pk>/toegang.csv", access_views.person_log_csv, name="person_log_csv"),
    path("toegang/gebruikers/", access_views.user_list, name="user_list"),
    path("toegang/gebruikers/<int:pk>/", access_views.user_log, name="user_log"),
    path("toegang/gebruikers/<int:pk>/toegang.csv", access_views.user_log_csv, name="user_log_csv"),
    # AVG-verzoeken
    path("verzoeken/", avg_views.verzoek_list, name="verzoek_list"),
    path("verzoeken/nieuw/", avg_views.verzoek_create, name="verzoek_create"),
    path("verzoeken/<int:pk>/", avg_views.verzoek_detail, name="verzoek_detail"),
    path("verzoeken/<int:pk>/verlengen/", avg_views.verzoek_verlengen, name="verzoek_verlengen"),
    path("verzoeken/<int:pk>/afhandelen/", avg_views.verzoek_afhandelen, name="verzoek_afhandelen"),
    path("verzoeken/<int:pk>/export/", avg_views.verzoek_export, name="verzoek_export"),
    path("verzoeken/<int:pk>/export/status/", avg_views.verzoek_export_status, name="verzoek_export_status"),
    path("verzoeken/<int:pk>/inzage.<str:formaat>", avg_views.verzoek_download, name="verzoek_download"),
    # Retention and logs
    path("bewaartermijnen/", register_views.bewaartermijnen, name="bewaartermijnen"),
    path("bewaartermijnen/<str:soort>/", register_views.bewaartermijn_edit, name="bewaartermijn_edit"),
    path("bewaarplicht/nieuw/", register_views.legal_hold_create, name="legal_hold_create"),
    path("bewaarplicht/<int:pk>/opheffen/", register_views.legal_hold_lift, name="legal_hold_lift"),
    path("vernietigingsregister/", register_views.vernietigingsregister, name="vernietigingsregister"),
    path("logs/", register_views.logs, name="logs"),
    # Registers
    path("verwerkingen/", register_views.verwerking_list, name="verwerking_list"),
    path("verwerkingen/nieuw/", register_views.verwerking_edit, name="verwerking_create"),
    path("verwerkingen/<int:pk>/", register_views.verwerking_edit, name="verwerking_edit"),
    path("documenten/", register_views.document_list, name="document_list"),
    path("documenten/nieuw/", register_views.document_edit, name="document_create"),
    path("documenten/<int:pk>/", register_views.document_edit, name="document_edit"),
    path("datalekken/", register_views.datalek_list, name="datalek_list"),
    path("datalekken/nieuw/", register_views.datalek_create, name="datalek_create"),
    path("datalekken/<int:pk>/", register_views.datalek_detail, name="datalek_detail"),
    path("autorisaties/", register_views.autorisaties, name="autorisaties"),
    path("autorisaties.csv", register_views.autorisaties_csv, name="autorisaties_csv"),
]
