import pytest

from translators.models import LanguageRole


def member(django_user_model, username, *roles):
    """A user in the language groups given as ("it", "translator"), ("ar", "reviewer") …"""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "secret")
    for code, role in roles:
        language_role = LanguageRole.objects.get(locale__language_code=code, role=role)
        user.groups.add(language_role.group)
    return user


@pytest.fixture
def italian_translator(django_user_model, net):
    return member(django_user_model, "giulia", ("it", "translator"))


@pytest.fixture
def italian_reviewer(django_user_model, net):
    return member(django_user_model, "marco", ("it", "reviewer"))
