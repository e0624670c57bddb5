from django.contrib.admin.apps import AdminConfig


class ZvhAdminConfig(AdminConfig):
    """Django admin with the ZVH site class (2FA required, Dutch 403 for non-staff)."""

    default_site = "zvh.core.admin_site.ZvhAdminSite"
