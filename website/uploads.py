"""Documents are what their name says they are, and not too big.

Wagtail checks an upload's extension against WAGTAILDOCS_EXTENSIONS and opens
images to make sure they are images; a document's content is never looked
at. Here the first bytes must match the kind of file its extension names, so
that a renamed program or page cannot be offered to visitors as a PDF.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_CONTAINERS = {"docx", "xlsx", "pptx", "odt", "ods", "zip"}
TEXT_FORMATS = {"csv", "txt"}


def content_matches_extension(upload, extension):
    upload.seek(0)
    head = upload.read(64 * 1024)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ZIP_CONTAINERS:
        try:
            return zipfile.is_zipfile(upload)
        finally:
            upload.seek(0)
    if extension in TEXT_FORMATS:
        return b"\x00" not in head
    return True


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or upload == self.original_file:
            return upload
        limit = settings.CONVIVIUM_DOCUMENT_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("This file is %(size)s; a document can be at most %(limit)s."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        extension = upload.name.rsplit(".", 1)[-1].lower()
        if not content_matches_extension(upload, extension):
            raise ValidationError(
                _("The content of this file is not a .%(extension)s document."),
                params={"extension": extension},
                code="content_does_not_match",
            )
        return upload
