import datetime

import pytest

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory
from practices.models import PracticeAdoption


@pytest.fixture
def girona(net):
    return PartnerPageFactory(parent=net.page("partners"), title="Girona", slug="girona")


@pytest.fixture
def adopted(net, girona):
    practice = PracticePageFactory(
        parent=net.page("partner"), title="Anti-rumour agents", slug="agents"
    )
    PracticeAdoption.objects.create(
        page=practice,
        partner=girona,
        kind="adapted",
        started=datetime.date(2025, 3, 1),
        result="Forty agents trained in the first year.",
    )
    return practice


def test_the_practice_shows_who_took_it_up(client, adopted):
    response = client.get(adopted.url)
    assert "Taken up by other partners" in response.text
    assert 'href="/en/partners/girona/"' in response.text
    assert "Adapted, since 1 March 2025" in response.text
    assert "Forty agents trained" in response.text


def test_the_adopting_partner_shows_what_it_took_from_others(client, adopted, girona):
    response = client.get(girona.url)
    assert "What we took from other partners" in response.text
    assert f'href="{adopted.url}"' in response.text
    assert "(<bdi>Palermo</bdi>)" in response.text


def test_a_partner_that_took_nothing_shows_no_such_section(client, net, adopted):
    assert "What we took from other partners" not in client.get(net.page("partner").url).text


def test_partner_pages_with_adoptions_stay_within_the_query_budget(
    client, adopted, girona, django_assert_max_num_queries
):
    client.get(girona.url)
    with django_assert_max_num_queries(15):
        client.get(girona.url)
