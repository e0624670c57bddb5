from django.urls import path

from . import views

app_name = "mensenhandel"

urlpatterns = [
    path("signalen/", views.signaal_list, name="signaal_list"),
    path("signalen/nieuw/", views.signaal_create, name="signaal_create"),
    path("signalen/<int:pk>/", views.signaal_detail, name="signaal_detail"),
    path("signalen/<int:pk>/uitkomst/", views.signaal_decide, name="signaal_decide"),
    path("signalen/<int:pk>/traject/", views.traject_start, name="traject_start"),
    path("trajecten/", views.traject_list, name="traject_list"),
    path("trajecten/<int:pk>/", views.traject_detail, name="traject_detail"),
    path("trajecten/<int:pk>/bewerken/", views.traject_edit, name="traject_edit"),
    path("trajecten/<int:pk>/opvangadres/", views.opvangadres_edit, name="opvangadres_edit"),
    path("trajecten/<int:pk>/opvangadres/tonen/", views.opvangadres_reveal, name="opvangadres_reveal"),
    path("trajecten/<int:pk>/casusoverleg/", views.overleg_add, name="overleg_add"),
    path("procedures/<int:pk>/", views.procedure_edit, name="procedure_edit"),
    path("advies/", views.advies_list, name="advies_list"),
]
