"""Every admin address, as every role: the answer each role gets is the one intended.

The walk covers every admin URL without parameters (listings, reports, add
forms, choosers); pages and objects of one partner against another are
covered by tests/partners/test_isolation.py.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver

from partners.models import PartnerPage
from partners.provisioning import PartnerSpec, provision
from practices.factories import PracticePageFactory
from translators.models import LanguageRole

# Not walked: Wagtail's own test addresses for its error pages, logging out, and
# endpoints that only answer a POST or need chosen ids.
NOT_WALKED = {
    "admin/failwhale/",
    "admin/test404/",
    "admin/logout/",
    "admin/dismissibles/",
    "admin/block-preview/",
    "admin/redirects/import/process/",
}
PUBLIC = {
    "admin/login/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/complete/",
    "admin/jsi18n/",
    "admin/sprite/",
}
# Wagtail's own choosers, open to everyone in the admin (they list names, not content).
OPEN_CHOOSERS = ("admin/searchpicks/queries/chooser/", "admin/workflows/task_chooser/")
# Answers come from the public: the admin never adds one. Every snippet has a
# menu of its own, so Wagtail's list of snippet types sends people home.
NOT_OFFERED = (
    "admin/consultation-answers/new/",
    "admin/consultation-answer-chooser/create/",
    "admin/snippets/",
)


def admin_addresses():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return sorted(
        address
        for address in set(walk(get_resolver().url_patterns))
        if address.startswith("admin/")
        and not any(mark in address for mark in "<(^$")
        and address not in NOT_WALKED
        and not address.endswith("chosen-multiple/")
    )


# Only administrators manage people, sites, languages, workflows and redirects.
ADMINISTRATORS_ONLY = (
    "admin/users/",
    "admin/groups/",
    "admin/sites/",
    "admin/locales/",
    "admin/workflows/",
    "admin/redirects/",
    "admin/searchpicks/",
    # wagtailmenus makes each site's main menu itself: coordinators edit it, never add one.
    "admin/wagtailmenus/mainmenu/add/",
)
# Coordinators (the Moderators group) run the network: partners, the programme,
# registrations and participation figures, the handbook's editions and the menus.
COORDINATORS = (
    "admin/partners/",
    "admin/wagtailmenus/",
    "admin/reports/programme",
    "admin/handbook_editions/",
    "admin/events/",
)


@pytest.fixture
def people(net, django_user_model, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        provision(PartnerSpec("City of Porto", "municipality", "Porto", "PT"))

    def person(name, *groups):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "secret")
        user.groups.add(*groups)
        return user

    italian = LanguageRole.objects.get(locale__language_code="it", role="translator").group
    italian_reviewers = LanguageRole.objects.get(locale__language_code="it", role="reviewer").group
    return {
        "administrator": django_user_model.objects.create_superuser(
            "root", "root@example.org", "secret"
        ),
        "coordinator": person("coco", Group.objects.get(name="Moderators")),
        "partner moderator": person("pm", Group.objects.get(name="City of Porto moderators")),
        "partner editor": person("pe", Group.objects.get(name="City of Porto editors")),
        "translator": person("tr", italian),
        "reviewer": person("re", italian_reviewers),
    }


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_walk_covers_the_admin():
    assert len(admin_addresses()) > 120


def test_anonymous_visitors_are_sent_to_sign_in(net, client):
    for address in admin_addresses():
        response = client.get(f"/{address}")
        if address in PUBLIC:
            assert response.status_code == 200, address
        else:
            assert response.status_code == 302, address
            assert response["Location"].startswith("/admin/login/"), address


ROLES = ["administrator", "coordinator", "partner moderator", "partner editor", "translator"]


@pytest.mark.parametrize("role", [*ROLES, "reviewer"])
def test_every_role_gets_the_answer_meant_for_it(client, people, role):
    client.force_login(people[role])
    wrong = []
    for address in admin_addresses():
        if address == "admin/login/":
            continue
        try:
            response = client.get(f"/{address}")
        except Exception as error:  # noqa: BLE001 - a 500 in production, listed with its cause
            wrong.append((address, repr(error)[:120]))
            continue
        if response.status_code >= 500:
            wrong.append((address, response.status_code))
            continue
        if address in NOT_OFFERED:
            meant = "refused"
        elif role == "administrator" or address in PUBLIC or address.startswith(OPEN_CHOOSERS):
            meant = "allowed"
        elif address.startswith(ADMINISTRATORS_ONLY):
            meant = "refused"
        elif address.startswith(COORDINATORS):
            meant = "allowed" if role == "coordinator" else "refused"
        else:
            meant = None  # open to every signed-in role, filtered to what each may see
        got = "refused" if refused(response) else "allowed"
        if meant and got != meant:
            wrong.append((address, response.status_code, got))
    assert wrong == [], "\n".join(map(str, wrong))


# Deleting a live page: its partner's moderators, coordinators, administrators; never
# on language roles alone, though reviewers may publish in their language.
DELETES_LIVE = {
    "porto": {"administrator", "coordinator", "partner moderator"},
    "italian": {"administrator", "coordinator"},
}


@pytest.fixture
def live_pages(net, people):
    porto = PartnerPage.objects.get(slug="porto", locale__language_code="en")
    return {
        "porto": PracticePageFactory(parent=porto, title="Porto walks", slug="porto-walks"),
        "italian": PracticePageFactory(
            parent=net.page("partner", "it"), title="Passeggiate", slug="passeggiate"
        ),
    }


@pytest.mark.parametrize("place", ["porto", "italian"])
@pytest.mark.parametrize("role", [*ROLES, "reviewer"])
def test_who_may_delete_a_live_page(client, people, live_pages, role, place):
    client.force_login(people[role])
    page = live_pages[place]
    allowed = role in DELETES_LIVE[place]
    response = client.get(f"/admin/pages/{page.pk}/delete/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        client.post(f"/admin/pages/{page.pk}/delete/")
        page.refresh_from_db()
        assert page.live
