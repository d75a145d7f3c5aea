"""PO round trip: download, translate in any PO editor, upload."""

import shutil
import subprocess

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


@pytest.fixture
def translation(net):
    source = TranslationSource.objects.get_for_instance(net.page("practice"))
    return Translation.objects.get(source=source, target_locale__language_code="it")


def download(client, translation):
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, content, name="translation.po"):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile(name, content), "next": "/admin/"},
    )


def snapshot(translation):
    return sorted(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list("id", "data")
    )


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_downloaded_file_passes_msgfmt_check(client, translation, italian_translator, tmp_path):
    client.force_login(italian_translator)
    path = tmp_path / "practice-it.po"
    path.write_text(str(download(client, translation)), encoding="utf-8")
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_downloaded_file_names_its_language(client, translation, italian_translator):
    client.force_login(italian_translator)
    assert download(client, translation).metadata["Language"] == "it"


def test_edited_file_uploads_and_the_published_translation_shows_the_edit(
    client, net, translation, italian_translator, django_capture_on_commit_callbacks
):
    client.force_login(italian_translator)
    po = download(client, translation)
    entry = next(entry for entry in po if entry.msgctxt == "summary")
    entry.msgstr = "Residenti di molte origini guidano passeggiate nel loro mercato."
    response = upload(client, translation, str(po).encode())
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    page = client.get(net.page("practice", "it").url)
    assert "Residenti di molte origini guidano passeggiate" in page.text


@pytest.mark.parametrize(
    "content",
    [b"\x00\xff\xfe not a po file at all", b'msgid "unterminated', b""],
    ids=["binary", "syntax", "empty"],
)
def test_malformed_file_is_refused_and_changes_nothing(
    client, translation, italian_translator, content
):
    client.force_login(italian_translator)
    before = snapshot(translation)
    response = upload(client, translation, content)
    assert response.status_code == 400
    assert "Nothing was changed" in response.text
    assert snapshot(translation) == before


def test_file_of_another_translation_is_refused(client, net, translation, italian_translator):
    client.force_login(italian_translator)
    other_source = TranslationSource.objects.get_for_instance(net.page("event"))
    other = Translation.objects.get(source=other_source, target_locale__language_code="it")
    po = download(client, other)
    response = upload(client, translation, str(po).encode())
    assert response.status_code == 400
    assert "made for another translation" in response.text


def test_file_in_another_language_is_refused(client, translation, italian_translator):
    client.force_login(italian_translator)
    po = download(client, translation)
    po.metadata["Language"] = "el"
    before = snapshot(translation)
    response = upload(client, translation, str(po).encode())
    assert response.status_code == 400
    assert "is in “el”" in response.text
    assert snapshot(translation) == before


def test_file_for_an_older_version_of_the_source_is_refused(
    client, translation, italian_translator
):
    client.force_login(italian_translator)
    po = download(client, translation)
    po.append(polib.POEntry(msgid="A text that is not on the page", msgctxt="summary", msgstr="x"))
    before = snapshot(translation)
    response = upload(client, translation, str(po).encode())
    assert response.status_code == 400
    assert "not in the current version of the source" in response.text
    assert snapshot(translation) == before


def test_upload_without_a_file_is_refused(client, translation, italian_translator):
    client.force_login(italian_translator)
    response = client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/")
    assert response.status_code == 400
    assert "Choose a PO file" in response.text
