import factory
import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Convivium"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "A network of European cities against ethnic stigma."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"About {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "What this page is about."
    show_in_menus = True

    class Meta:
        model = StandardPage
