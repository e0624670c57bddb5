from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("inlogregistratie/", views.login_records, name="login_records"),
]
