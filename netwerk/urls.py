from django.urls import path

from . import views

app_name = "netwerk"

urlpatterns = [
    path("", views.activiteit_list, name="activiteit_list"),
    path("nieuw/", views.activiteit_create, name="activiteit_create"),
    path("<int:pk>/", views.activiteit_detail, name="activiteit_detail"),
    path("<int:pk>/wijzigen/", views.activiteit_edit, name="activiteit_edit"),
    path("<int:pk>/deelnemers/", views.deelname_add, name="deelname_add"),
    path("deelnemers/<int:pk>/verwijderen/", views.deelname_remove, name="deelname_remove"),
    path("overzicht/", views.overzicht, name="overzicht"),
]
