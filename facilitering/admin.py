from django.contrib import admin

from .models import Room


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    """ZVH rooms are a code list of the functioneel beheerder. Rooms are taken out of use, never deleted."""

    list_display = ("name", "capacity", "location", "active")
    list_filter = ("active",)
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
