from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("na-inloggen/", views.landing, name="landing"),
    path("healthz", views.healthz, name="healthz"),
]
