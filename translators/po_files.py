"""PO files for translators: a download that any PO editor and msgfmt accept,
and an upload that changes nothing unless the whole file fits the translation."""

import contextlib
import os
import tempfile

import polib
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class POFileError(ValueError):
    pass


def export(translation):
    po = translation.export_po()
    po.metadata.update(
        {
            "Project-Id-Version": f"Convivium {translation.source.get_source_instance()}",
            "Report-Msgid-Bugs-To": "",
            "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
            "Last-Translator": "",
            "Language-Team": translation.target_locale.get_display_name() or "",
            "Language": translation.target_locale.language_code,
            "Content-Transfer-Encoding": "8bit",
        }
    )
    return po


def parse(upload):
    if upload is None:
        raise POFileError(_("Choose a PO file to upload."))
    if upload.size > MAX_UPLOAD_BYTES:
        raise POFileError(_("This file is too large for a PO file (at most 5 MB)."))
    # polib reads a path when given text that names a file: go through a file of our own.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise POFileError(_("This is not a valid PO file: %(error)s") % {"error": error}) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def check(po, translation):
    """Refuse a file made for another translation, language or version of the source."""
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise POFileError(
            _("This file was made for another translation: download the file of this one.")
        )
    language = po.metadata.get("Language", "")
    expected = translation.target_locale.language_code
    if language.replace("_", "-").lower() != expected.lower():
        raise POFileError(
            _("This file is in “%(language)s”, but this translation is into “%(expected)s”.")
            % {"language": language or _("no language"), "expected": expected}
        )
    current = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", "context__path"
        )
    )
    unknown = [
        entry for entry in po if not entry.obsolete and (entry.msgid, entry.msgctxt) not in current
    ]
    if unknown:
        raise POFileError(
            _(
                "%(count)s texts of this file are not in the current version of the source "
                "(the first: “%(text)s”). Download the file again and copy your translations over."
            )
            % {"count": len(unknown), "text": unknown[0].msgid[:80]}
        )
