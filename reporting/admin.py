"""Admin for the beheerder (view only by role). Reports are not here: their files are served only by a checked view."""

from django.contrib import admin

from .models import Activiteit, Jaarplan, Realisatie


@admin.register(Jaarplan)
class JaarplanAdmin(admin.ModelAdmin):
    list_display = ("jaar", "titel", "vastgesteld_op")


@admin.register(Activiteit)
class ActiviteitAdmin(admin.ModelAdmin):
    list_display = ("omschrijving", "thema", "soort", "prognose", "metric_key")
    list_filter = ("thema__ontwikkellijn__jaarplan", "soort")
    search_fields = ("omschrijving",)
    list_select_related = ("thema",)


@admin.register(Realisatie)
class RealisatieAdmin(admin.ModelAdmin):
    list_display = ("activiteit", "kwartaal", "waarde", "gereed", "bijgewerkt_op")
    list_filter = ("activiteit__thema__ontwikkellijn__jaarplan", "kwartaal")
    list_select_related = ("activiteit",)
