"""Uploads are checked: documents are what their extension says, images are images."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


def add_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def a_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n1 0 obj\n"),
        ("minutes.docx", a_zip()),
        ("figures.csv", "city,participants\nPalermo,40\nΘεσσαλονίκη,25\n".encode()),
    ],
)
def test_a_document_whose_content_matches_its_extension_is_saved(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("minutes.docx", b"MZ\x90\x00 a Windows program"),
        ("figures.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
    ],
)
def test_a_document_whose_content_does_not_match_is_refused(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert f"The content of this file is not a .{extension} document." in response.content.decode()
    assert not get_document_model().objects.filter(title=name).exists()


def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.CONVIVIUM_DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = add_document(admin_client, "big.pdf", b"%PDF-1.7\n" + b"0" * 2048)
    assert response.status_code == 200
    assert "a document can be at most 1.0" in response.content.decode()


def test_an_extension_outside_the_list_is_refused(admin_client):
    response = add_document(admin_client, "setup.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="setup.exe").exists()


def add_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_real_image_is_saved(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    assert add_image(admin_client, "square.png", buffer.getvalue()).status_code == 302
    assert get_image_model().objects.filter(title="square.png").exists()


def test_a_file_renamed_to_an_image_is_refused(admin_client):
    response = add_image(admin_client, "photo.jpg", b"<svg onload=alert(1)>")
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="photo.jpg").exists()


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 64).save(buffer, "PNG")
    response = add_image(admin_client, "noise.png", buffer.getvalue())
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="noise.png").exists()
