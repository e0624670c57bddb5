from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from . import services
from .choices import Role
from .models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "type", "convenantpartner", "active")
    list_filter = ("type", "convenantpartner", "active")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # organisations are deactivated, never deleted: cases refer to them

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if obj.group_id is None:
            obj.group = Group.objects.create(name=f"organisatie:{obj.pk}")
            obj.save(update_fields=["group"])


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "last_name", "first_name", "organisation", "role_label", "is_active")
    list_filter = ("is_active", "groups", "organisation")
    search_fields = ("username", "first_name", "last_name", "email")
    list_select_related = ("organisation",)
    actions = ["deactivate", "reset_two_factor"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email", "organisation", "function_title")}),
        (_("Rol en status"), {"fields": ("groups", "is_active", "is_staff")}),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "organisation", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("rol"))
    def role_label(self, obj: User) -> str:
        role = obj.role
        return role.label if role else "—"

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # users are deactivated, never deleted: logs refer to them

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("is_superuser")
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            # Only roles are chosen here; organisation groups follow the organisation automatically.
            kwargs["queryset"] = Group.objects.filter(name__in=Role.values)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        # The form only offers roles; keep the organisation group in the set so saving does not churn it.
        organisation_group = form.instance.organisation.group_id
        if "groups" in form.cleaned_data and organisation_group:
            form.cleaned_data["groups"] = [*form.cleaned_data["groups"], Group.objects.get(pk=organisation_group)]
        super().save_related(request, form, formsets, change)
        services.user_sync_organisation_group(user=form.instance)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            services.user_end_sessions(user=obj)

    @admin.action(description=_("Geselecteerde gebruikers deactiveren (en uitloggen)"), permissions=["change"])
    def deactivate(self, request, queryset) -> None:
        for user in queryset:
            services.user_deactivate(user=user)
        self.message_user(request, _("Gebruikers gedeactiveerd en uitgelogd."), messages.SUCCESS)

    @admin.action(description=_("Tweestapsverificatie opnieuw laten instellen"), permissions=["change"])
    def reset_two_factor(self, request, queryset) -> None:
        for user in queryset:
            services.user_reset_two_factor(user=user)
        self.message_user(
            request,
            _("De gebruikers stellen bij de volgende keer inloggen opnieuw een authenticator in."),
            messages.SUCCESS,
        )
