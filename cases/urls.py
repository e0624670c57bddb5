from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("mijn-werk/", views.dashboard, name="dashboard"),
    path("casussen/", views.casus_list, name="casus_list"),
    path("casussen/<int:pk>/", views.casus_detail, name="casus_detail"),
    path("casussen/<int:pk>/status/", views.casus_transition, name="casus_transition"),
    path("casussen/<int:pk>/plan/", views.plan_edit, name="plan_edit"),
    path("casussen/<int:pk>/afspraken/nieuw/", views.afspraak_create, name="afspraak_create"),
    path("casussen/<int:pk>/logboek/nieuw/", views.logboek_create, name="logboek_create"),
    path("casussen/<int:pk>/toegang/", views.grant_list, name="grant_list"),
    path("casussen/<int:pk>/agenderen/", views.casus_agenderen, name="casus_agenderen"),
    path("afspraken/<int:pk>/status/", views.afspraak_status, name="afspraak_status"),
    path("afspraken/<int:pk>/deadline/", views.afspraak_deadline, name="afspraak_deadline"),
    path("toegang/<int:pk>/wijzigen/", views.grant_change, name="grant_change"),
    path("toegang/<int:pk>/intrekken/", views.grant_revoke, name="grant_revoke"),
    path("zoeken/", views.search, name="search"),
    path("personen/<int:pk>/", views.persoon_detail, name="persoon_detail"),
    path("overleggen/", views.overleg_list, name="overleg_list"),
    path("overleggen/nieuw/", views.overleg_create, name="overleg_create"),
    path("overleggen/<int:pk>/", views.overleg_detail, name="overleg_detail"),
    path("overleggen/<int:pk>/afdrukken/", views.overleg_print, name="overleg_print"),
    path("overleggen/<int:pk>/agenda.pdf", views.overleg_pdf, name="overleg_pdf"),
    path("overleggen/<int:pk>/agenda.ics", views.overleg_ics, name="overleg_ics"),
    path("overleggen/<int:pk>/agendapunten/", views.agendapunt_add, name="agendapunt_add"),
    path("overleggen/<int:pk>/agendapunten/wachtend/", views.agendapunt_add_waiting, name="agendapunt_add_waiting"),
    path("overleggen/<int:pk>/deelnemers/", views.deelnemer_add, name="deelnemer_add"),
    path("grondslagen/", views.grondslag_list, name="grondslag_list"),
    path("grondslagen/nieuw/", views.grondslag_create, name="grondslag_create"),
    path("grondslagen/<int:pk>/wijzigen/", views.grondslag_edit, name="grondslag_edit"),
    path("agendapunten/<int:pk>/verslag/", views.agendapunt_verslag, name="agendapunt_verslag"),
    path("agendapunten/<int:pk>/afspraken/", views.agendapunt_afspraak, name="agendapunt_afspraak"),
]
