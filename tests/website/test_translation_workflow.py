import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from practices.models import Theme

from .test_rendering import PAGE_NAMES


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_translation_editor_opens_for_every_page_type(admin_client, net, name):
    translation = net.page(name, "it")
    response = admin_client.get(f"/admin/pages/{translation.id}/edit/")
    assert response.status_code == 200
    assert "w-translation-editor" in response.text or "translation-editor" in response.text


def test_translation_editor_opens_for_a_theme(admin_client, net):
    theme = Theme.objects.get(slug="integration", locale__language_code="it")
    response = admin_client.get(f"/admin/snippets/practices/theme/edit/{theme.id}/")
    assert response.status_code == 200
    assert "translation-editor" in response.text


def test_stream_field_blocks_become_translatable_segments(net):
    source = TranslationSource.objects.get_for_instance(net.page("event"))
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert "title" in paths
    assert "summary" in paths


@pytest.mark.parametrize("field", ["start_date", "latitude", "start", "time_zone", "country"])
def test_dates_coordinates_and_zones_are_never_translation_segments(net, field):
    for name in ("practice", "partner", "event"):
        source = TranslationSource.objects.get_for_instance(net.page(name))
        paths = StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
        assert field not in paths


def test_dates_are_synchronised_into_translations_on_update(
    net, django_capture_on_commit_callbacks
):
    practice = net.page("practice")
    practice.start_date = datetime.date(2011, 5, 1)
    practice.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(practice)
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        Translation.objects.get(source=source, target_locale__language_code="it").save_target()
    assert net.page("practice", "it").start_date == datetime.date(2011, 5, 1)


def test_demo_style_translations_are_complete_in_the_editor(net):
    it = Locale.objects.get(language_code="it")
    source = TranslationSource.objects.get_for_instance(net.page("partners"))
    translation = Translation.objects.get(source=source, target_locale=it)
    total, done = translation.get_progress()
    assert total == done
