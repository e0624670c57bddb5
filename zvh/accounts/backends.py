from django.contrib.auth.backends import ModelBackend


class RolePermissionBackend(ModelBackend):
    """Django's model permissions, without the superuser shortcut: a user's rights come from their role (group)
    and nothing else. Together with ``User.has_perm`` this makes ``is_superuser`` grant nothing."""

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, cache_name):
            perms = getattr(self, f"_get_{from_name}_permissions")(user_obj)
            rows = perms.values_list("content_type__app_label", "codename").order_by()
            setattr(user_obj, cache_name, {f"{app_label}.{codename}" for app_label, codename in rows})
        return getattr(user_obj, cache_name)
