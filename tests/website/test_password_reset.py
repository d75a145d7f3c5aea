"""The admin's password reset sends a few mails per address, then refuses with a 429."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

URL = "/admin/password_reset/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("maria", "maria@example.org", "a-password")


def ask(client, email="maria@example.org", address="10.0.0.1"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def test_a_reset_mail_is_sent_and_links_to_the_admin_address(client, editor, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://convivium.example.org"
    assert ask(client).status_code == 302
    assert len(mail.outbox) == 1
    assert "maria@example.org" in mail.outbox[0].to
    assert "https://convivium.example.org/admin/password_reset/confirm/" in mail.outbox[0].body


def test_the_fourth_reset_for_one_email_within_the_hour_is_refused(client, editor):
    answers = [ask(client, address=f"10.0.0.{number}").status_code for number in range(1, 5)]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_one_address_cannot_ask_for_many_accounts_quickly(client, editor):
    answers = [ask(client, email=f"person{number}@example.org").status_code for number in range(4)]
    assert answers[-1] == 429
    refused = ask(client)
    assert refused.status_code == 429
    assert "Too many password resets" in refused.content.decode()
    assert mail.outbox == []


def test_the_limit_is_configuration(client, editor, settings):
    settings.CONVIVIUM_PASSWORD_RESET_RATE_LIMIT = 1
    assert [ask(client).status_code for _ in range(2)] == [302, 429]
