"""The PDF and EPUB of each language: built in the background, kept until the content changes."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import call_command

from handbook import building
from handbook.building import build_current
from handbook.models import BookFile, HandbookEdition
from website import formats


class FakeRenderers:
    """Stand-ins for WeasyPrint and EbookLib (tested on their own): fast, and they count."""

    def __init__(self):
        self.calls = []

    def pdf(self, html):
        self.calls.append("pdf")
        return html.encode()

    def epub(self, book):
        self.calls.append("epub")
        return "|".join(chapter.title for chapter in book.chapters).encode()


@pytest.fixture
def renderers(monkeypatch, settings):
    settings.CONVIVIUM_HANDBOOK_BUILD_ON_PUBLISH = True
    fake = FakeRenderers()
    monkeypatch.setattr(building, "render_pdf", fake.pdf)
    monkeypatch.setattr(building, "render_epub", fake.epub)
    return fake


def publish(page, django_capture_on_commit_callbacks, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def current(handbook, book_format="pdf"):
    return BookFile.objects.get(handbook=handbook, format=book_format, edition=None)


def test_publishing_a_chapter_builds_the_files_of_its_language(
    net, renderers, django_capture_on_commit_callbacks
):
    publish(net.page("chapter"), django_capture_on_commit_callbacks, title="Stigma explained")
    english = net.page("handbook")
    assert b"Stigma explained" in current(english).file.read()
    assert current(english, "epub").file.read() == b"Stigma explained"
    assert not BookFile.objects.filter(handbook=net.page("handbook", "ar")).exists()


def test_files_are_not_built_again_while_the_content_is_the_same(
    net, renderers, django_capture_on_commit_callbacks
):
    chapter = net.page("chapter")
    publish(chapter, django_capture_on_commit_callbacks)
    assert renderers.calls == ["pdf", "epub"]
    publish(chapter, django_capture_on_commit_callbacks)
    assert build_current(net.page("handbook")) == 0
    assert renderers.calls == ["pdf", "epub"]


def test_changed_content_replaces_the_file(net, renderers, django_capture_on_commit_callbacks):
    chapter = net.page("chapter")
    publish(chapter, django_capture_on_commit_callbacks)
    first = current(net.page("handbook"))
    publish(chapter, django_capture_on_commit_callbacks, intro="A new introduction.")
    second = current(net.page("handbook"))
    assert second.pk == first.pk
    assert second.fingerprint != first.fingerprint
    assert b"A new introduction." in second.file.read()
    assert renderers.calls == ["pdf", "epub", "pdf", "epub"]
    if first.file.name != second.file.name:
        assert not default_storage.exists(first.file.name)


def test_publishing_a_cited_practice_rebuilds_the_book_of_its_language(
    net, renderers, django_capture_on_commit_callbacks
):
    build_current(net.page("handbook", "ar"))
    publish(net.page("practice", "ar"), django_capture_on_commit_callbacks, title="جولات السوق")
    assert "جولات السوق".encode() in current(net.page("handbook", "ar")).file.read()
    assert not BookFile.objects.filter(handbook=net.page("handbook")).exists()


def test_download_link_shows_size_and_date_and_leads_to_the_file(client, net, renderers):
    handbook = net.page("handbook", "ar")
    build_current(handbook)
    page = client.get(handbook.url)
    pdf = current(handbook)
    size, date = pdf.human_size, formats.long_date(pdf.built_at, "ar")
    assert f"({size}, " in page.text
    assert date in page.text
    assert "/ar/handbook/pdf/" in page.text
    response = client.get("/ar/handbook/pdf/")
    assert response.status_code == 302
    assert response["Location"] == pdf.file.url


@pytest.mark.parametrize(
    ("language", "message"), [("en", "is being prepared"), ("ar", "يجري إعداد ملف EPUB")]
)
def test_a_request_never_builds_a_missing_file(client, net, renderers, language, message):
    response = client.get(f"/{language}/handbook/epub/")
    assert response.status_code == 200
    assert message in response.text
    assert renderers.calls == []
    assert not BookFile.objects.exists()


def test_unknown_format_is_not_found(client, net):
    assert client.get("/en/handbook/docx/").status_code == 404


def test_build_command_builds_every_language_and_reports_progress(net, renderers, capsys):
    call_command("build_handbook")
    output = capsys.readouterr().out
    assert "[1/6] en PDF: built" in output
    assert "[6/6] ar EPUB: built" in output
    call_command("build_handbook")
    assert "[6/6] ar EPUB: unchanged" in capsys.readouterr().out


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user("coordinator", "c@example.org", "secret")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def publish_edition(client, handbook, django_capture_on_commit_callbacks, number="1.0"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            "/admin/handbook_editions/new/",
            {"handbook": handbook.pk, "number": number, "label": "March 2027"},
        )


def test_coordinator_publishes_an_edition_frozen_in_every_language(
    client, net, renderers, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    response = publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    edition = HandbookEdition.objects.get()
    assert edition.published_by == coordinator
    assert edition.state == HandbookEdition.State.READY
    languages = set(edition.files.values_list("handbook__locale__language_code", "format"))
    assert languages == {(code, kind) for code in ("en", "it", "ar") for kind in ("pdf", "epub")}
    assert (
        b"Edition 1.0, March 2027"
        in edition.files.get(handbook=net.page("handbook"), format="pdf").file.read()
    )


def test_edition_stays_as_it_was_when_chapters_change_afterwards(
    client, net, renderers, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    frozen = HandbookEdition.objects.get().files.get(handbook=net.page("handbook"), format="epub")
    publish(net.page("chapter"), django_capture_on_commit_callbacks, title="Stigma, second look")
    assert current(net.page("handbook"), "epub").file.read() == b"Stigma, second look"
    frozen.refresh_from_db()
    assert frozen.file.read() == b"Understanding stigma"
    page = client.get(net.page("handbook", "ar").url)
    assert "1.0, March 2027" in page.text
    edition = HandbookEdition.objects.get()
    arabic = edition.files.get(handbook=net.page("handbook", "ar"), format="pdf")
    assert arabic.file.url in page.text


def test_an_edition_number_is_used_once(
    client, net, renderers, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    response = publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "already exists" in response.text
    assert HandbookEdition.objects.count() == 1


def test_editions_are_for_coordinators(client, net, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "secret")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.post(
        "/admin/handbook_editions/new/",
        {"handbook": net.page("handbook").pk, "number": "1.0"},
    )
    assert response.status_code in (302, 403)
    assert not HandbookEdition.objects.exists()


def test_coordinator_sees_the_editions_in_the_admin(
    client, net, renderers, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    listing = client.get("/admin/handbook_editions/")
    assert listing.status_code == 200
    assert "1.0, March 2027" in listing.text
    assert client.get("/admin/handbook_editions/new/").status_code == 200


def test_an_editions_handbook_cannot_be_changed_afterwards(
    client, net, renderers, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    publish_edition(client, net.page("handbook"), django_capture_on_commit_callbacks)
    edition = HandbookEdition.objects.get()
    form = client.get(f"/admin/handbook_editions/edit/{edition.pk}/").context["form"]
    assert list(form.fields) == ["number", "label"]


def test_with_the_database_backend_publishing_queues_the_build_for_the_worker(
    net, renderers, django_capture_on_commit_callbacks, settings, monkeypatch
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker renews its connection between tasks; the test's lives in a transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    publish(net.page("chapter"), django_capture_on_commit_callbacks, title="Stigma explained")
    assert renderers.calls == []  # the publishing request built nothing
    assert DBTaskResult.objects.filter(task_path="handbook.tasks.build_handbook_files").exists()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert b"Stigma explained" in current(net.page("handbook")).file.read()
