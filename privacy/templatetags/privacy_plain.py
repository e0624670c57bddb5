from django import template

from .. import plain

register = template.Library()


@register.filter
def actie(entry) -> str:
    return plain.action_text(entry.action, entry.result)


@register.filter
def objectsoort(entry) -> str:
    return plain.object_text(entry.object_type)


@register.filter
def wie(entry) -> str:
    return plain.user_text(entry)


@register.filter
def rol(entry) -> str:
    from zvh.accounts.choices import Role

    return str(dict(Role.choices).get(entry.role, entry.role))
