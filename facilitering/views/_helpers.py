from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form

from zvh.accounts.choices import Role

STAFF = (Role.SECRETARIAAT,)
BOOKERS = (Role.SECRETARIAAT, Role.KETENPARTNER)
BUDGET_READERS = (Role.SECRETARIAAT, Role.MANAGER)


def add_service_errors(form: Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, else at the top of the form."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for name, errors in exc.message_dict.items():
        target = name if name in form.fields else None
        for message in errors:
            form.add_error(target if name != NON_FIELD_ERRORS else None, message)


def add_missing_errors(form: Form, messages: dict[str, list[str]]) -> None:
    """Add the rule errors of fields the form did not already refuse: one round shows every problem once."""
    for name, errors in messages.items():
        target = name if name in form.fields else None
        if name == NON_FIELD_ERRORS:
            target = None
        if target is not None and form.errors.get(target):
            continue
        for message in errors:
            form.add_error(target, message)
