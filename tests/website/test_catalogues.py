import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_catalogue_for_every_configured_language():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert {code for code, _name in settings.LANGUAGES} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_catalogue_is_fully_translated(path):
    if path.parent.parent.name == settings.LANGUAGE_CODE:
        pytest.skip("English is the source catalogue")
    catalogue = polib.pofile(str(path))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_compiled_catalogue_matches_its_source(path):
    """Run `make compile-messages` after editing a .po file."""
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    assert {entry.msgid: entry.msgstr for entry in compiled if not entry.msgid_plural} == {
        entry.msgid: entry.msgstr for entry in source.translated_entries() if not entry.msgid_plural
    }


def test_interface_strings_are_in_the_pages_language(client, net):
    response = client.get(net.page("practice", "it").url)
    assert "Vai al contenuto" in response.text
    assert "Contesto e sfida" in response.text


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext's xgettext is not installed")
def test_every_string_the_project_uses_is_translated_in_every_catalogue(tmp_path):
    """Extract the strings afresh, as `make messages` does, and look for each in each catalogue."""
    base = Path(settings.BASE_DIR)
    for package in base.iterdir():
        if (package / "__init__.py").exists() and package.name not in ("tests", "bench"):
            shutil.copytree(
                package, tmp_path / package.name, ignore=shutil.ignore_patterns("media")
            )
    shutil.copy(base / "manage.py", tmp_path)
    (tmp_path / "locale").mkdir()
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"},
        check=True,
        capture_output=True,
    )
    used = {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    }
    for path in CATALOGUES:
        language = path.parent.parent.name
        catalogue = polib.pofile(str(path))
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue if entry.msgid}
        missing = sorted(msgid for _context, msgid in used - known)
        assert not missing, f"{language}: run `make messages` and translate {missing[:5]}"
        if language != settings.LANGUAGE_CODE:
            untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
            assert not untranslated, f"{language}: translate {untranslated[:5]}"
