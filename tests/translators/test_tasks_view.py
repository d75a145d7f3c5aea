import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.factories import PracticePageFactory
from translators import queue
from translators.models import TranslationTask


@pytest.fixture
def coordinator(django_user_model, net):
    return django_user_model.objects.create_superuser("coordinator", "c@example.org", "secret")


@pytest.fixture
def queued(net):
    queue.refresh()
    return net


def rows(response):
    return list(response.context["object_list"])


def test_translators_see_only_their_languages(client, queued, italian_translator):
    client.force_login(italian_translator)
    response = client.get("/admin/translation-tasks/")
    assert response.status_code == 200
    assert rows(response)
    assert {task.locale.language_code for task in rows(response)} == {"it"}


def test_people_without_a_language_role_are_refused(client, queued, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "secret")
    client.force_login(user)
    assert client.get("/admin/translation-tasks/").status_code in (302, 403)


def test_coordinators_filter_by_language_state_and_partner(client, queued, coordinator, locales):
    client.force_login(coordinator)
    response = client.get(
        "/admin/translation-tasks/",
        {"locale": locales["el"].pk, "state": "missing", "partner": queued.page("partner").pk},
    )
    tasks = rows(response)
    assert tasks
    assert all(task.locale.language_code == "el" for task in tasks)
    assert all(task.state == TranslationTask.State.MISSING for task in tasks)
    assert all(task.partner_id == queued.page("partner").pk for task in tasks)


def test_done_items_are_not_tasks(client, queued, coordinator):
    client.force_login(coordinator)
    assert all(task.state != "done" for task in rows(client.get("/admin/translation-tasks/")))


def test_rows_link_straight_into_the_translation_editor(client, queued, coordinator, locales):
    client.force_login(coordinator)
    page = queued.page("practice", "it")
    task = TranslationTask.objects.get(translation_key=page.translation_key, locale=locales["it"])
    task.state = TranslationTask.State.OUTDATED
    task.save()
    response = client.get("/admin/translation-tasks/", {"state": "outdated"})
    assert f'href="/admin/pages/{page.pk}/edit/"' in response.text


def test_counts_per_state_are_shown(client, queued, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/translation-tasks/")
    counts = dict(response.context["state_counts"])
    assert counts["Missing"] == TranslationTask.objects.filter(state="missing").count()


def test_tasks_export_to_a_spreadsheet(client, queued, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/translation-tasks/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert content.splitlines()[0].startswith("Item,Type,Partner,Language,State")


def test_task_list_needs_the_same_queries_for_10_and_60_rows(client, net, coordinator):
    client.force_login(coordinator)
    for _ in range(2):
        PracticePageFactory(parent=net.page("partner"))
    queue.refresh()
    client.get("/admin/translation-tasks/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/translation-tasks/")
    for _ in range(10):
        PracticePageFactory(parent=net.page("partner"))
    queue.refresh()
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/translation-tasks/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_coverage_grid_gives_each_partners_share_per_language(client, queued, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/translation-tasks/coverage/")
    assert response.status_code == 200
    partner, shares = response.context["rows"][0]
    codes = [locale.language_code for locale in response.context["locales"]]
    italian = TranslationTask.objects.filter(partner=partner, locale__language_code="it")
    italian.filter(title="Market walks").update(state="done")
    response = client.get("/admin/translation-tasks/coverage/")
    partner, shares = response.context["rows"][0]
    done = italian.filter(state="done").count()
    assert shares[codes.index("it")] == round(100 * done / italian.count())
    assert shares[codes.index("el")] == 0


def test_translators_see_their_queue_on_the_dashboard(client, queued, italian_translator):
    client.force_login(italian_translator)
    response = client.get("/admin/")
    assert "Your translation queue" in response.text


def test_starting_a_missing_translation_opens_the_editor(client, net, italian_translator, locales):
    page = PracticePageFactory(parent=net.page("partner"), slug="to-start")
    queue.refresh([page.translation_key])
    task = TranslationTask.objects.get(translation_key=page.translation_key, locale=locales["it"])
    client.force_login(italian_translator)
    response = client.post(f"/admin/translation-tasks/{task.pk}/start/")
    target = page.get_translation(locales["it"])
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{target.pk}/edit/"


def test_a_translator_cannot_start_a_translation_into_another_language(
    client, net, italian_translator, locales
):
    page = PracticePageFactory(parent=net.page("partner"), slug="not-mine")
    queue.refresh([page.translation_key])
    task = TranslationTask.objects.get(translation_key=page.translation_key, locale=locales["ar"])
    client.force_login(italian_translator)
    assert client.post(f"/admin/translation-tasks/{task.pk}/start/").status_code == 403
    assert not page.has_translation(locales["ar"])
