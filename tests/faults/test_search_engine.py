"""Elasticsearch unreachable: searches and downloads say so, publishing never fails.

No Elasticsearch runs here: the real client is given an HTTP node that cannot connect
(tests.search.test_elasticsearch), then one that records what a cluster would get.
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from search import indexing
from search.models import PracticeEntry
from tests.search.test_elasticsearch import ELASTICSEARCH, RecordingNode, UnreachableNode

ENGINE = "search.backends.elasticsearch.ElasticsearchBackend"


def cluster(node_class):
    return override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {**ELASTICSEARCH["default"], "OPTIONS": {"node_class": node_class}}
        },
        CONVIVIUM_SEARCH_BACKEND=ENGINE,
        CONVIVIUM_SEARCH_INDEX_PREFIX="convivium-practices",
    )


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    """Background work queued in the database, as in production (django-tasks-db)."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker renews its connection between tasks; the test's lives in a transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DBTaskResult.objects.filter(task_path="search.tasks.sync_engine")


def run_due_tasks():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_a_download_with_a_query_answers_503_that_says_so(client, net, extension):
    with cluster(UnreachableNode):
        response = client.get(f"/en/open-data/practices.{extension}?q=market")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "search engine does not answer" in response.json()["message"]


def test_publishing_succeeds_and_keeps_the_entry_while_the_engine_is_down(
    net, queued_tasks, django_capture_on_commit_callbacks
):
    practice = net.page("practice")
    practice.title = "Market walks, autumn"
    with cluster(UnreachableNode), django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    practice.refresh_from_db()
    assert practice.live and practice.title == "Market walks, autumn"
    assert PracticeEntry.objects.get(page=practice).title == "Market walks, autumn"
    (queued,) = queued_tasks
    assert queued.args_kwargs["args"] == [[practice.pk], 0]


def test_the_engine_gets_the_entry_once_it_answers_again(
    net, queued_tasks, django_capture_on_commit_callbacks
):
    practice = net.page("practice")
    with cluster(UnreachableNode), django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    RecordingNode.requests = []
    with cluster(RecordingNode):
        run_due_tasks()
    bulk = [lines for _method, target, lines in RecordingNode.requests if "/_bulk" in target]
    assert bulk and bulk[0][1]["page_id"] == practice.pk


def test_an_engine_still_down_is_tried_again_later_and_later(
    net, queued_tasks, django_capture_on_commit_callbacks
):
    with cluster(UnreachableNode):
        with django_capture_on_commit_callbacks(execute=True):
            net.page("practice").save_revision().publish()
        run_due_tasks()
    waiting = queued_tasks.filter(status="READY").get()
    assert waiting.args_kwargs["args"][1] == 1
    assert waiting.run_after > timezone.now() + datetime.timedelta(seconds=20)


def test_the_repair_command_reports_and_writes_what_the_engine_lacks(net, capsys):
    indexing.rebuild()  # in the database's own index, which the engine is compared with
    RecordingNode.requests, RecordingNode.hits = [], []
    with cluster(RecordingNode):  # a cluster that holds nothing
        call_command("repair_search_index", "--dry-run")
        assert not [r for r in RecordingNode.requests if "/_bulk" in r[1]]
        call_command("repair_search_index")
    report = capsys.readouterr().out
    count = PracticeEntry.objects.count()
    assert f"{count:>6} entries the search engine lacks" in report
    assert "run without --dry-run" in report
    written = {
        line["page_id"]
        for _method, target, lines in RecordingNode.requests
        if "/_bulk" in target
        for line in lines
        if "page_id" in line
    }
    assert written == set(PracticeEntry.objects.values_list("page_id", flat=True))


def test_the_repair_command_says_so_when_the_engine_does_not_answer(net):
    with cluster(UnreachableNode), pytest.raises(Exception, match="does not answer"):
        call_command("repair_search_index")


def test_the_repair_command_puts_back_a_practice_missing_from_the_database_index(net, capsys):
    indexing.rebuild()
    practice = net.page("practice")
    PracticeEntry.objects.filter(page=practice).delete()
    call_command("repair_search_index")
    assert "1 live public practices without an index entry" in capsys.readouterr().out
    assert PracticeEntry.objects.filter(page=practice).exists()
