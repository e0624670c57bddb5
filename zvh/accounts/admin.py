from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import services
from .choices import Role
from .models import Organisation, RoleChangeRequest, User

# Nobody changes these on their own account (no self-promotion, no moving to another organisation).
OWN_ACCOUNT_READONLY = ("groups", "organisation", "is_staff", "is_superuser", "is_active", "user_permissions")


def _error_text(exc: Exception) -> str:
    return " ".join(getattr(exc, "messages", None) or [str(exc)])


class UserAddForm(forms.ModelForm):
    """A new user gets no password from the beheerder: an unusable one, and a one-time link by e-mail."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "organisation")


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
    actions = ["deactivate", "reset_two_factor", "reset_password"]
    fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email", "organisation", "function_title")}),
        (_("Rol en status"), {"fields": ("groups", "is_active", "is_staff")}),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "first_name", "last_name", "email", "organisation"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    add_form = UserAddForm

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
        if obj is not None and obj.pk == request.user.pk:
            fields.extend(f for f in OWN_ACCOUNT_READONLY if f not in fields)
        return fields

    def get_urls(self):
        # No "set password" page: a beheerder who could set a password (and see the TOTP secret) could become
        # anyone. Passwords are reset with a one-time link to the user (action "reset_password").
        return [url for url in super().get_urls() if not (url.name or "").endswith("_password_change")]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            # Only roles are chosen here; organisation groups follow the organisation automatically.
            kwargs["queryset"] = Group.objects.filter(name__in=Role.values)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        user = form.instance
        chosen = None
        if "groups" in form.cleaned_data:
            chosen = [g.name for g in form.cleaned_data["groups"] if g.name in Role.values]
            # Roles never change through the form itself: a role change is a request (four eyes for privileged
            # roles), so the groups are saved as they are and the request applies the change afterwards.
            form.cleaned_data["groups"] = list(user.groups.all())
        super().save_related(request, form, formsets, change)
        if chosen is not None:
            self._request_role_change(request, user, chosen)
        services.user_sync_organisation_group(user=user)

    def _request_role_change(self, request, user: User, chosen: list[str]) -> None:
        current = user.role.value if user.role else None
        if len(chosen) > 1:
            self.message_user(request, _("Een gebruiker heeft één rol: de rol is niet gewijzigd."), messages.ERROR)
            return
        if not chosen or chosen[0] == current:
            return
        try:
            change = services.role_change_request(user=user, new_role=chosen[0], by=request.user)
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, _error_text(exc), messages.ERROR)
            return
        if change.status == RoleChangeRequest.Status.PENDING:
            self.message_user(
                request,
                _("De rol ‘%(role)s’ wacht op goedkeuring door een tweede beheerder.")
                % {"role": change.get_new_role_display()},
                messages.WARNING,
            )

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            services.user_end_sessions(user=obj)
        if not change and obj.email:
            transaction.on_commit(lambda: services._send_reset_link(user=obj, request=request))

    @admin.action(description=_("Wachtwoord herstellen (eenmalige link per e-mail)"), permissions=["change"])
    def reset_password(self, request, queryset) -> None:
        for user in queryset:
            try:
                services.user_reset_password(user=user, by=request.user, request=request)
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(request, f"{user}: {_error_text(exc)}", messages.ERROR)
        self.message_user(
            request,
            _(
                "Voor de overige gebruikers: sessies beëindigd, authenticator verwijderd en een eenmalige link "
                "verstuurd. Zij kiezen zelf een wachtwoord en stellen de authenticator opnieuw in."
            ),
            messages.SUCCESS,
        )

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


@admin.register(RoleChangeRequest)
class RoleChangeRequestAdmin(admin.ModelAdmin):
    """Pending role changes: a second beheerder approves or refuses them."""

    list_display = ("user", "old_role", "new_role", "status", "requested_by", "requested_at", "decided_by")
    list_filter = ("status", "new_role")
    list_select_related = ("user", "requested_by", "decided_by")
    actions = ["approve", "refuse"]

    def has_add_permission(self, request) -> bool:
        return False  # a request comes from changing a user's role

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request, obj)  # list and actions only

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _decide(self, request, queryset, service, done) -> None:
        for change in queryset:
            try:
                service(change=change, by=request.user)
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(
                    request, f"{change}: {' '.join(getattr(exc, 'messages', [str(exc)]))}", messages.ERROR
                )
            else:
                self.message_user(request, f"{change}: {done}", messages.SUCCESS)

    @admin.action(description=_("Goedkeuren (tweede beheerder)"), permissions=["view"])
    def approve(self, request, queryset) -> None:
        self._decide(request, queryset, services.role_change_approve, _("goedgekeurd"))

    @admin.action(description=_("Afwijzen"), permissions=["view"])
    def refuse(self, request, queryset) -> None:
        self._decide(request, queryset, services.role_change_refuse, _("afgewezen"))
