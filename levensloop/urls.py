from django.urls import path

from . import views

app_name = "levensloop"

urlpatterns = [
    path("", views.dossier_list, name="dossier_list"),
    path("monitor/", views.monitor, name="monitor"),
    path("selectie/aanmelding/<int:pk>/", views.selectie_aanmelding, name="selectie_aanmelding"),
    path("selectie/casus/<int:pk>/", views.selectie_casus, name="selectie_casus"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/inclusietafel/", views.besluit, name="besluit"),
    path("dossiers/<int:pk>/review/", views.review_create, name="review_create"),
    path("dossiers/<int:pk>/uitstroom/", views.uitstroom, name="uitstroom"),
]
