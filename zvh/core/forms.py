from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


class ZvhFormRenderer(TemplatesSetting):
    """Every form field renders through one include that ties label, help and errors together."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


def add_service_errors(form, exc) -> None:
    """Show a service's ValidationError on the form: per field where the field exists, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def posted(request):
    """The POST data for a bound form, or None on GET (an empty POST still binds: it shows the errors)."""
    return request.POST if request.method == "POST" else None


def submit(request, form, call, success) -> tuple[bool, object]:
    """For a posted, valid form: call the service; its ValidationError goes onto the form next to the fields.

    Returns (True, the service's result) after a success message, or (False, None) to render the form again.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        result = call()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False, None
    messages.success(request, success)
    return True, result
