"""BoundedCountPaginator: the first pages and the count come from one query; beyond the limit the count is an
estimate on PostgreSQL and pages are still right."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zvh.core.pagination import BoundedCountPaginator

pytestmark = pytest.mark.django_db


def groups(n: int):
    Group.objects.bulk_create(Group(name=f"Organisatie {i:03d}") for i in range(n))
    return Group.objects.filter(name__startswith="Organisatie ").order_by("name")


@pytest.mark.parametrize("number", [1, 2])
def test_the_first_pages_and_the_count_cost_one_query(number):
    qs = groups(40)
    with CaptureQueriesContext(connection) as ctx:
        page = BoundedCountPaginator(qs, 25).get_page(number)
        names = [o.name for o in page.object_list]
        count = page.paginator.count
    assert len(ctx.captured_queries) == 1
    assert count == 40 and not page.paginator.estimated
    assert names == [f"Organisatie {i:03d}" for i in range((number - 1) * 25, min(number * 25, 40))]


def test_beyond_the_limit_pages_are_right_and_the_count_is_marked_as_an_estimate():
    qs = groups(80)
    paginator = BoundedCountPaginator(qs, 25)
    assert [o.name for o in paginator.get_page(3).object_list] == [f"Organisatie {i:03d}" for i in range(50, 75)]
    assert [o.name for o in paginator.get_page(2).object_list] == [f"Organisatie {i:03d}" for i in range(25, 50)]
    assert paginator.count > 50
    assert paginator.estimated == (connection.vendor == "postgresql")
    if connection.vendor != "postgresql":
        assert paginator.count == 80
