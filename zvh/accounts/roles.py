"""Role permissions, applied by data migrations.

Every app that adds models adds its permissions to the role groups in its own data migration with
:func:`add_role_permissions`, so that a fresh database and an upgraded one end up the same.
"""

from collections.abc import Mapping, Sequence

from django.contrib.auth.management import create_permissions

RolePermissions = Mapping[str, Sequence[str]]  # role name -> ["app_label.codename", ...]


def add_role_permissions(apps, role_permissions: RolePermissions) -> None:
    """Create the role groups if needed and give them the listed model permissions (migration-safe)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    _ensure_permissions_exist(apps)
    for role, perms in role_permissions.items():
        group, _ = Group.objects.get_or_create(name=role)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def _ensure_permissions_exist(apps) -> None:
    # Permissions are normally created after all migrations (post_migrate); a data migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
