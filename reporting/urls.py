from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("overzicht/", views.dashboard, name="dashboard"),
    path("cijfers.csv", views.figures_csv, name="figures_csv"),
    path("rapportages/", views.report_list, name="report_list"),
    path("rapportages/<int:pk>/", views.report_detail, name="report_detail"),
    path("rapportages/<int:pk>/status/", views.report_status, name="report_status"),
    path("rapportages/<int:pk>/download/", views.report_download, name="report_download"),
    path("jaarplannen/", views.jaarplan_list, name="jaarplan_list"),
    path("jaarplannen/<int:jaar>/", views.jaarplan_detail, name="jaarplan_detail"),
    path("jaarplannen/<int:jaar>/kopieren/", views.jaarplan_copy, name="jaarplan_copy"),
    path("activiteiten/<int:pk>/wijzigen/", views.activiteit_update, name="activiteit_update"),
    path("activiteiten/<int:pk>/realisatie/<int:kwartaal>/", views.realisatie_edit, name="realisatie_edit"),
]
