import io

import pytest
from django.db import transaction
from django.test import TestCase

from tests import network as shared_network
from website.demo import content
from website.demo.network import DemoNetwork


@pytest.fixture(scope="module")
def palermo_demo(django_db_setup, django_db_blocker):
    """The demo network with one partner, for a module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        # The suite's shared network may already be committed: the demo would take
        # its home page for its own and keep that network's titles.
        shared_network.clear()
        files = [content.CONTENT_DIR / "partner-palermo.toml"]
        with TestCase.captureOnCommitCallbacks(execute=True):
            DemoNetwork(io.StringIO(), partner_files=files).load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def admin_client(client, django_user_model):
    """The test client, signed in as an administrator."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "secret")
    client.force_login(user)
    return client
