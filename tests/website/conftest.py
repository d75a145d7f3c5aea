import pytest


@pytest.fixture
def admin_client(client, django_user_model):
    """The test client, signed in as an administrator."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "secret")
    client.force_login(user)
    return client
