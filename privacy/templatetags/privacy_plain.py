from django import template
from django.utils.safestring import SafeString, mark_safe

from zvh.core.links import pk_url

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


@register.filter
def persoon_links(person_ids: list[int]) -> SafeString | str:
    """Each person as a link to their own log, without a ``reverse`` per person: an entry of a list or triage page
    holds dozens to hundreds of persons. The ids are integers, so nothing needs escaping."""
    if not person_ids:
        return "—"
    url = pk_url("privacy:person_log")
    return mark_safe(", ".join(f'<a href="{url(pid)}">{int(pid)}</a>' for pid in person_ids))  # noqa: S308
