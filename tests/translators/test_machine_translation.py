"""Machine translation pre-fills translations; providers are configured from the environment."""

import json
import os
import subprocess
import sys
from unittest import mock

import pytest
import requests
from django.conf import settings
from django.test import override_settings
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from practices.factories import PracticePageFactory

from .conftest import member


def configured_translator(**environment):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.dev", **environment}
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL"):
        if name not in environment:
            env.pop(name, None)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_no_machine_translation_without_configuration():
    assert configured_translator() == "None"


def test_deepl_is_used_with_a_key():
    assert configured_translator(DEEPL_API_KEY="secret:fx").endswith("DeepLTranslator")


def test_libretranslate_is_used_with_a_server_address():
    assert configured_translator(LIBRETRANSLATE_URL="http://127.0.0.1:5000").endswith(
        "LibreTranslator"
    )


@pytest.fixture
def page(net):
    return PracticePageFactory(parent=net.page("partner"), title="Language cafés", slug="cafes")


def test_translator_prefills_a_page_into_all_their_missing_languages(
    client, net, page, django_user_model, locales
):
    user = member(django_user_model, "ana", ("it", "translator"), ("ar", "translator"))
    client.force_login(user)
    response = client.post(f"/admin/translation-tasks/prefill/{page.pk}/")
    assert response.status_code == 302
    for code in ("it", "ar"):
        target = page.get_translation(locales[code])
        assert not target.live  # a draft, for the translator to revise
        machine = StringTranslation.objects.filter(
            locale=locales[code],
            translation_type="machine",
            context__object_id=page.translation_key,
        )
        assert machine.filter(data="cafés Language").exists()  # the test translator reverses words
    assert not page.has_translation(locales["el"])


def test_prefill_is_offered_only_when_a_machine_translator_is_configured(
    client, net, page, italian_translator
):
    client.force_login(italian_translator)
    assert client.get(f"/admin/translation-tasks/prefill/{page.pk}/").status_code == 200
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        response = client.get(f"/admin/translation-tasks/prefill/{page.pk}/", follow=True)
        assert response.status_code == 404


class FakeResponse:
    def __init__(self, payload):
        self.payload = payload

    def json(self):
        return self.payload

    def raise_for_status(self):
        return None


def test_deepl_requests_are_built_as_its_api_expects(locales):
    config = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret:fx"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        translator = get_machine_translator()
    strings = [StringValue.from_plaintext("Good practices")]
    with mock.patch(
        "wagtail_localize.machine_translators.deepl.requests.post",
        return_value=FakeResponse({"translations": [{"text": "Buone pratiche"}]}),
    ) as post:
        result = translator.translate(locales["en"], locales["it"], strings)
    url, parameters = post.call_args.args
    assert url == "https://api-free.deepl.com/v2/translate"
    assert parameters["target_lang"] == "IT"
    assert post.call_args.kwargs["headers"]["Authorization"] == "DeepL-Auth-Key secret:fx"
    assert result[strings[0]].data == "Buone pratiche"


def test_libretranslate_requests_are_built_as_its_api_expects(locales):
    config = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000", "API_KEY": ""},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        translator = get_machine_translator()
    strings = [StringValue.from_plaintext("Events")]
    with mock.patch(
        "wagtail_localize.machine_translators.libretranslate.requests.post",
        return_value=FakeResponse({"translatedText": ["الفعاليات"]}),
    ) as post:
        result = translator.translate(locales["en"], locales["ar"], strings)
    assert post.call_args.args[0] == "http://127.0.0.1:5000/translate"
    body = json.loads(post.call_args.kwargs["data"])
    assert body["source"] == "en" and body["target"] == "ar"
    assert result[strings[0]].data == "الفعاليات"


def test_a_failing_provider_says_so_and_keeps_the_started_translations(
    client, net, page, django_user_model, locales
):
    user = member(django_user_model, "ana", ("it", "translator"))
    client.force_login(user)
    with mock.patch(
        "wagtail_localize.machine_translators.dummy.DummyTranslator.translate",
        side_effect=requests.ConnectionError("provider unreachable"),
    ):
        response = client.post(f"/admin/translation-tasks/prefill/{page.pk}/", follow=True)
    assert response.status_code == 200
    assert "did not answer for Italian" in response.content.decode()
    assert page.has_translation(locales["it"])  # started, for the translator to go on by hand
