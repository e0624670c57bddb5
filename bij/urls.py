from django.urls import path

from . import views

app_name = "bij"

urlpatterns = [
    path("", views.melding_list, name="melding_list"),
    path("nieuw/", views.melding_create, name="melding_create"),
    path("<int:pk>/", views.melding_detail, name="melding_detail"),
    path("<int:pk>/wijzigen/", views.melding_edit, name="melding_edit"),
    path("<int:pk>/status/", views.melding_transition, name="melding_transition"),
    path("<int:pk>/uitnodigen/", views.melding_uitnodigen, name="melding_uitnodigen"),
    path("<int:pk>/advies/", views.melding_advies, name="melding_advies"),
    path("overleg/", views.overleg_list, name="overleg_list"),
    path("overleg/nieuw/", views.overleg_create, name="overleg_create"),
    path("overleg/<int:pk>/", views.overleg_detail, name="overleg_detail"),
    path("overleg/<int:pk>/agenderen/", views.agendapunt_add, name="agendapunt_add"),
    path("agendapunt/<int:pk>/verslag/", views.agendapunt_verslag, name="agendapunt_verslag"),
    path("adviezen/", views.advies_list, name="advies_list"),
    path("adviezen/<int:pk>/", views.advies_detail, name="advies_detail"),
    path("18b/", views.register_list, name="register_list"),
    path("18b/nieuw/", views.register_create, name="register_create"),
]
