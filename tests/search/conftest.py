import datetime

import pytest
from django.db import connection
from wagtail.models import Locale

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from practices.models import PracticePageTargetGroup, PracticePageTheme, TargetGroup, Theme
from search import indexing

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming for this language needs PostgreSQL's text-search dictionaries;"
    " SQLite stems English only",
)


@pytest.fixture
def search_index(net):
    """The index rebuilt from the shared network (its English source pages are
    created live by factories, without the publish signal that indexes)."""
    indexing.rebuild()
    return net


def term(model, factory, slug, language):
    found = model.objects.filter(slug=slug, locale__language_code=language).first()
    if found:
        return found
    return factory(slug=slug, name=slug.replace("-", " ").title(), locale=_locale(language))


def _locale(language):
    return Locale.objects.get(language_code=language)


@pytest.fixture
def make_practice(search_index):
    """A live practice, indexed: ``make_practice("Title", language="it", themes=["x"])``."""
    partners = {}

    def make(
        title,
        summary="A practice of the network.",
        language="en",
        themes=(),
        groups=(),
        partner="palermo",
        country="IT",
        organisation_type="municipality",
        start=datetime.date(2020, 3, 1),
        ongoing=True,
        **fields,
    ):
        if partner not in partners:
            existing = search_index.page("partner")
            partners[partner] = (
                existing
                if partner == "palermo"
                else PartnerPageFactory(
                    parent=search_index.page("partners"),
                    title=partner.title(),
                    slug=partner,
                    country=country,
                    organisation_type=organisation_type,
                )
            )
        page = PracticePageFactory(
            parent=partners[partner],
            title=title,
            summary=summary,
            locale=_locale(language),
            start_date=start,
            ongoing=ongoing,
            end_date=None if ongoing else start + datetime.timedelta(days=400),
            practice_themes=[
                PracticePageTheme(theme=term(Theme, ThemeFactory, slug, language))
                for slug in themes
            ],
            practice_target_groups=[
                PracticePageTargetGroup(
                    target_group=term(TargetGroup, TargetGroupFactory, slug, language)
                )
                for slug in groups
            ],
            **fields,
        )
        indexing.update([page.pk])
        return page

    return make
