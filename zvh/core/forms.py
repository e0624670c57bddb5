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
