import time

import pytest
from django.contrib.auth.models import Group

from contributions.guard import stamp
from partners.provisioning import PartnerSpec, provision
from practices.models import TargetGroup, Theme


def started_a_minute_ago():
    return stamp(time.time() - 60)


@pytest.fixture
def partners(net, django_capture_on_commit_callbacks):
    """Two provisioned partners, each with its editors' and moderators' groups."""
    with django_capture_on_commit_callbacks(execute=True):
        porto = provision(PartnerSpec("City of Porto", "municipality", "Porto", "PT"))
        girona = provision(PartnerSpec("City of Girona", "municipality", "Girona", "ES"))
    return porto, girona


@pytest.fixture
def person(django_user_model):
    def make(name, group=None, **extra):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "secret", **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def proposal_data(net):
    def make(partner=None, language="en", **overrides):
        data = {
            "title": "Neighbourhood dinners",
            "summary": "Families of every origin cook for each other once a month.",
            "partner": str(partner.pk) if partner else "",
            "place": "" if partner else "Bergamo",
            "themes": [
                str(Theme.objects.get(slug="integration", locale__language_code=language).pk)
            ],
            "target_groups": [
                str(TargetGroup.objects.get(slug="young-people", locale__language_code=language).pk)
            ],
            "start_date": "2025-03-01",
            "context": "Few places where newcomers and old residents meet.",
            "approach": "Monthly dinners in the parish hall.\n\nA cook from each family.",
            "results": "Forty families took part.",
            "name": "Ada Rossi",
            "organisation": "Quartiere Vivo",
            "email": "ada@example.org",
            "consent": "on",
            "website": "",
            "started": started_a_minute_ago(),
        }
        data.update(overrides)
        return data

    return make
