"""With Redis down, a proposal is still saved and the rate limit still holds."""

import pytest
from django.test import override_settings

from contributions.models import PracticeProposal
from tests.faults.redis_server import fail_safe_caches, free_port

URL = "/en/contribute/practice/"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = fail_safe_caches(f"redis://127.0.0.1:{free_port()}/0", settings.CACHES)
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 600
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 600


def test_a_proposal_sent_while_redis_is_down_is_saved(
    redis_down, client, net, proposal_data, django_capture_on_commit_callbacks
):
    assert client.get(URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, proposal_data(net.page("partner")))
    assert response.status_code == 302
    assert PracticeProposal.objects.get().page.title == "Neighbourhood dinners"


@override_settings(CONVIVIUM_CONTRIBUTION_RATE_LIMIT=2)
def test_the_rate_limit_is_counted_by_each_server_while_redis_is_down(
    redis_down, client, net, proposal_data, django_capture_on_commit_callbacks
):
    def form():
        return proposal_data(net.page("partner"))

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, form()).status_code == 302
        assert client.post(URL, form()).status_code == 302
    assert client.post(URL, form()).status_code == 429
    assert PracticeProposal.objects.count() == 2
