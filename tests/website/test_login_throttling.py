"""Sign-ins are throttled per account and address: guessing passwords gets nowhere."""

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="right-password")  # noqa: S106


def sign_in(client, password, address="203.0.113.7", **extra):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        **extra,
    )


def test_five_wrong_passwords_lock_the_account_from_that_address(axes_on, editor, client):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    response = sign_in(client, "wrong")
    assert response.status_code == 429
    assert b"Too many failed sign-ins" in response.content
    assert b"15 minutes" in response.content
    assert sign_in(client, "right-password").status_code == 429


def test_the_same_account_from_another_address_can_still_sign_in(axes_on, editor, client):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, "right-password", address="198.51.100.2").status_code == 302


def test_a_success_forgets_earlier_failures(axes_on, editor, client):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, "right-password").status_code == 302
    client.logout()
    assert sign_in(client, "wrong").status_code == 200


def test_behind_a_proxy_the_forwarded_address_counts(axes_on, editor, client, settings):
    settings.CONVIVIUM_TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        sign_in(client, "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # Another visitor behind the same proxy is not locked out.
    other = sign_in(
        client, "right-password", address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other.status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(axes_on, editor, client, settings):
    settings.CONVIVIUM_TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        sign_in(
            client,
            "wrong",
            address="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.7",
        )
    response = sign_in(
        client, "right-password", address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7"
    )
    assert response.status_code == 429
