"""A consultation's dates as each language writes them (CLDR), whatever the suite's instant."""

import datetime

import pytest

from contributions.factories import ConsultationPageFactory
from website.demo.translation import translate


@pytest.fixture
def open_until_2030(net, locales, django_capture_on_commit_callbacks):
    consultation = ConsultationPageFactory(
        parent=net.page("home"),
        title="The local action plan",
        slug="action-plan",
        opens_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2030, 1, 1, 10, 0, tzinfo=datetime.UTC),
    )
    with django_capture_on_commit_callbacks(execute=True):
        translations = {
            language: translate(consultation, locales[language], {}) for language in ("it", "ar")
        }
    return {"en": consultation, **translations}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "open until 1 January 2030"),
        ("it", "aperta fino al 1° gennaio 2030"),
        ("ar", "مفتوحة حتى 1 يناير 2030"),
    ],
)
def test_an_open_consultation_gives_its_closing_day_in_the_readers_language(
    client, open_until_2030, language, expected
):
    response = client.get(open_until_2030[language].url)
    assert response.status_code == 200
    assert expected in response.text
