from django.contrib import admin

from .models import BeperktThema, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("naam", "code")
    filter_horizontal = ("leden",)
    search_fields = ("naam", "code")


@admin.register(BeperktThema)
class BeperktThemaAdmin(admin.ModelAdmin):
    list_display = ("thema", "team")
    list_select_related = ("team",)
