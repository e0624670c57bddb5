import pytest

from zvh.access import conditions


@pytest.fixture(params=[10_000, 0], ids=["weinig-toegangen", "veel-toegangen"])
def grant_shape(request, monkeypatch):
    """Both query shapes of the access layer, whatever the grant counts: below 10,000 a partner's grants drive every
    query (lists and per-person probes); below 0 every query probes the grant index per row."""
    monkeypatch.setattr(conditions, "DRIVE_FROM_GRANTS_BELOW", request.param)
    monkeypatch.setattr(conditions, "PERSONS_DRIVE_FROM_GRANTS_BELOW", request.param)
    return request.param
