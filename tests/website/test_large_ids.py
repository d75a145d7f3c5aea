"""Ids too large for the database are a 404 (or the form without a default), not a 500."""

import pytest
from django.contrib.auth import get_user_model

TOO_LARGE = "99999999999999999999"  # beyond 64 bits: SQLite raises OverflowError on it


@pytest.fixture
def administrator(db, client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "address",
    [
        f"/admin/pages/{TOO_LARGE}/",
        f"/admin/pages/{TOO_LARGE}/edit/",
        f"/admin/pages/{TOO_LARGE}/history/",
        f"/admin/images/{TOO_LARGE}/",
        f"/admin/documents/edit/{TOO_LARGE}/",
        f"/admin/events/registrations/edit/{TOO_LARGE}/",
        f"/admin/events/participation/edit/{TOO_LARGE}/",
        f"/admin/snippets/website/mainmenu/edit/{TOO_LARGE}/",
    ],
)
def test_an_admin_address_with_an_id_too_large_is_not_found(net, administrator, address):
    assert administrator.get(address, follow=True).status_code == 404


def test_new_figures_for_an_event_id_too_large_open_without_an_event(net, administrator):
    response = administrator.get(f"/admin/events/participation/new/?event={TOO_LARGE}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "address",
    [
        f"/api/v2/pages/{TOO_LARGE}/",
        f"/api/v2/practices/{TOO_LARGE}/",
        f"/api/v2/events/{TOO_LARGE}/",
    ],
)
def test_an_api_address_with_an_id_too_large_is_not_found(net, client, address):
    assert client.get(address, follow=True).status_code == 404
