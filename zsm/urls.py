from django.urls import path

from . import views

app_name = "zsm"

urlpatterns = [
    path("verzoeken/", views.verzoek_list, name="verzoek_list"),
    path("verzoeken/nieuw/", views.verzoek_create, name="verzoek_create"),
    path("verzoeken/<int:pk>/", views.verzoek_detail, name="verzoek_detail"),
    path("verzoeken/<int:pk>/antwoord/", views.verzoek_answer, name="verzoek_answer"),
]
