from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("account/e-mailmeldingen/", views.preference, name="preference"),
]
