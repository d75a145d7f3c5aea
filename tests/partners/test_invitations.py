import re

import pytest
from django.core import mail

from partners.provisioning import PartnerSpec, provision


@pytest.fixture
def porto(net, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return provision(PartnerSpec("City of Porto", "municipality", "Porto", "PT"))


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser("coordinator", "c@example.org", "secret")


def invite(client, porto, emails, role="editors"):
    return client.post(
        "/admin/partners/invite/",
        {"partner": porto.partner.pk, "role": role, "emails": "\n".join(emails)},
    )


def link_in(message):
    return re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)


def test_invited_people_get_a_link_and_join_the_partners_group(
    client, porto, coordinator, django_user_model
):
    client.force_login(coordinator)
    mail.outbox.clear()
    response = invite(client, porto, ["ana@porto.example.org", "rui@porto.example.org"])
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    ana = django_user_model.objects.get(email="ana@porto.example.org")
    assert ana.groups.filter(pk=porto.editors.pk).exists()
    assert not ana.has_usable_password()


def test_the_link_sets_a_password_and_lands_on_the_partners_pages(client, porto, coordinator):
    client.force_login(coordinator)
    mail.outbox.clear()
    invite(client, porto, ["ana@porto.example.org"])
    client.logout()
    link = link_in(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(
        link, {"new_password1": "a-long-pass-phrase-42", "new_password2": "a-long-pass-phrase-42"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{porto.partner.pk}/"
    assert client.get(f"/admin/pages/{porto.partner.pk}/edit/").status_code == 200


def test_a_used_link_no_longer_works(client, porto, coordinator):
    client.force_login(coordinator)
    mail.outbox.clear()
    invite(client, porto, ["ana@porto.example.org"])
    client.logout()
    link = link_in(mail.outbox[0])
    client.post(
        link, {"new_password1": "a-long-pass-phrase-42", "new_password2": "a-long-pass-phrase-42"}
    )
    client.logout()
    assert client.get(link).status_code == 400


@pytest.mark.parametrize("link", ["/invitations/xx/yy/", "/invitations/MQ/not-a-token/"])
def test_a_broken_link_is_a_clear_400(client, net, link):
    response = client.get(link)
    assert response.status_code == 400
    assert "does not work" in response.text


def test_wrong_addresses_are_refused_with_a_message(client, porto, coordinator):
    client.force_login(coordinator)
    mail.outbox.clear()
    response = invite(client, porto, ["ana@porto.example.org", "not-an-address"])
    assert response.status_code == 200
    assert "not-an-address" in str(response.context["form"].errors)
    assert mail.outbox == []


def test_only_coordinators_invite(client, porto, django_user_model):
    user = django_user_model.objects.create_user("pat", "pat@example.org", "secret")
    client.force_login(user)
    assert invite(client, porto, ["x@example.org"]).status_code in (302, 403)
    assert not django_user_model.objects.filter(email="x@example.org").exists()
