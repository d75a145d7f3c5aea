import pytest
import wagtail_factories

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory
from practices.models import PracticePageTheme, Theme
from search import indexing


@pytest.fixture
def indexed(net):
    """The shared network with the practice search index built (its English pages
    are created by factories, without the publish signal that indexes them)."""
    indexing.rebuild()
    return net


@pytest.fixture
def add_practices(net):
    """``add_practices(n)``: n more English practices of a new Greek partner, themed
    "integration", with an image."""

    def add(count, partner=None):
        partner = partner or PartnerPageFactory(
            parent=net.page("partners"), country="GR", slug="thessaloniki", title="Thessaloniki"
        )
        theme = Theme.objects.get(slug="integration", locale__language_code="en")
        pages = [
            PracticePageFactory(
                parent=partner,
                featured_image=wagtail_factories.ImageFactory(),
                practice_themes=[PracticePageTheme(theme=theme)],
            )
            for _ in range(count)
        ]
        return partner, pages

    return add
