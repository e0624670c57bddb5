from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from two_factor.admin import AdminSiteOTPRequired


class ZvhAdminSite(AdminSiteOTPRequired):
    """The beheerder's admin: same login and second factor as the rest; others get the Dutch 403 page."""

    site_header = _("ZVH Casusregie — beheer")
    site_title = _("ZVH Casusregie — beheer")
    index_title = _("Functioneel beheer")

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            # Logged in without staff rights is not a login problem but a permission one.
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return guarded
