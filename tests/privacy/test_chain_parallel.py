"""Parallel verification finds what the sequential pass finds (committed data: each worker has its connection)."""

import pytest
from django.db import connection

from privacy.models import LogSeal
from privacy.services import chain
from privacy.services.verify import verify
from privacy.services.verify_parallel import verify_parallel

from .test_chain import raw, write

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the hash chain is PostgreSQL only"),
]


@pytest.fixture
def user(transactional_db):
    from tests.conftest import make_user
    from zvh.accounts.choices import Role

    return make_user(Role.PROCESREGISSEUR)


def test_parallel_and_sequential_agree_on_a_whole_chain(user):
    write(user, 25)
    chain.seal(chain.ACCESS)
    write(user, 3)  # not sealed yet
    for workers in (1, 2, 4):
        result = verify_parallel(chain.ACCESS, workers=workers)
        assert result.ok and result.rows == 25 and result.unsealed_tail == 3, workers
    assert verify(chain.ACCESS).rows == 25


@pytest.mark.parametrize("index", [0, 11, 24])
def test_parallel_names_the_changed_row(user, index):
    entries = write(user, 25)
    chain.seal(chain.ACCESS)
    raw("UPDATE privacy_accesslogentry SET view_name = 'vervalst' WHERE id = %s", [entries[index].pk])
    assert verify_parallel(chain.ACCESS, workers=3).first.row_id == entries[index].pk


def test_parallel_handles_a_row_sealed_late_in_another_segment(user):
    entries = write(user, 12)
    late = entries[2]
    with connection.cursor() as cursor:
        chain.canonical_session(cursor)
        cursor.execute(chain.ACCESS.rows_sql("r.id <> %(late)s"), {"low": 0, "late": late.pk})
        previous = chain.GENESIS
        for row_id, content in cursor.fetchall():
            previous = chain.link(previous, content)
            LogSeal.objects.create(log="toegang", row_id=row_id, hash=previous)
    assert chain.seal(chain.ACCESS) == 1
    result = verify_parallel(chain.ACCESS, workers=3)
    assert result.ok and result.rows == 12 and result.unsealed_tail == 0


def test_logs_verify_uses_two_connections_by_default_and_names_the_row(user):
    from .test_chain import _command_output

    entries = write(user, 10)
    chain.seal(chain.ACCESS)
    assert "toegang: in orde" in _command_output("--log", "toegang")
    raw("UPDATE privacy_accesslogentry SET role = 'fg' WHERE id = %s", [entries[7].pk])
    assert f"FOUT bij rij {entries[7].pk}" in _command_output("--log", "toegang")
