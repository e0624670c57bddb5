from django import template

from ..formatting import nl_date, nl_datetime, nl_number, nl_percent

register = template.Library()

register.filter("nl_number", nl_number)
register.filter("nl_percent", nl_percent)
register.filter("nl_date", nl_date)
register.filter("nl_datetime", nl_datetime)

from ..figures import small_cell  # noqa: E402

register.filter("small_cell", small_cell)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)
