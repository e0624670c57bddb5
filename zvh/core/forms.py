from django.forms.renderers import TemplatesSetting


class ZvhFormRenderer(TemplatesSetting):
    """Every form field renders through one include that ties label, help and errors together."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"
