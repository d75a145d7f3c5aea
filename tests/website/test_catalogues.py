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
