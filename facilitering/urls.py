from django.urls import path

from .views import agreements, bookings, budget, calendar, feeds, series

app_name = "facilitering"

urlpatterns = [
    path("", bookings.booking_list, name="booking_list"),
    path("boekingen/nieuw/", bookings.booking_create, name="booking_create"),
    path("boekingen/<int:pk>/", bookings.booking_detail, name="booking_detail"),
    path("boekingen/<int:pk>/wijzigen/", bookings.booking_update, name="booking_update"),
    path("boekingen/<int:pk>/bevestigen/", bookings.booking_confirm, name="booking_confirm"),
    path("boekingen/<int:pk>/uitgevoerd/", bookings.booking_realise, name="booking_realise"),
    path("boekingen/<int:pk>/annuleren/", bookings.booking_cancel, name="booking_cancel"),
    path("boekingen/<int:pk>/agenda.ics", bookings.booking_ics, name="booking_ics"),
    path("reeksen/<int:pk>/", series.series_detail, name="series_detail"),
    path("reeksen/<int:pk>/bevestigen/", series.series_confirm, name="series_confirm"),
    path("reeksen/<int:pk>/annuleren/", series.series_cancel, name="series_cancel"),
    path("agenda/", calendar.calendar, name="calendar"),
    path("budget/", budget.budget_overview, name="budget_overview"),
    path("afspraken/", agreements.agreement_list, name="agreement_list"),
    path("afspraken/nieuw/", agreements.agreement_create, name="agreement_create"),
    path("afspraken/<int:pk>/wijzigen/", agreements.agreement_update, name="agreement_update"),
    path("agenda-abonnement/", feeds.feed_settings, name="feed_settings"),
    path("feed/<slug:token>.ics", feeds.feed, name="feed"),
]
