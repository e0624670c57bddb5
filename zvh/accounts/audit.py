"""Audit registration: user, organisation and role-membership changes are audited from the start."""

from auditlog.registry import auditlog
from django.contrib.auth.models import Group

from .models import Organisation, User

auditlog.register(User, exclude_fields=["password", "last_login"], m2m_fields={"groups", "user_permissions"})
auditlog.register(Organisation)
auditlog.register(Group, m2m_fields={"permissions"})
