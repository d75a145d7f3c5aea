import datetime
import decimal

import factory
import wagtail_factories

from .models import OrganisationType, PartnerIndexPage, PartnerPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"
    show_in_menus = True

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    organisation_name = factory.LazyAttribute(lambda page: f"Municipality of {page.title}")
    organisation_type = OrganisationType.MUNICIPALITY
    city = factory.LazyAttribute(lambda page: page.title)
    country = "IT"
    latitude = decimal.Decimal("38.115700")
    longitude = decimal.Decimal("13.361500")
    languages = factory.LazyFunction(lambda: ["it", "en"])
    intro = "A partner city of the network."
    contact_email = "office@city.example.org"
    member_since = datetime.date(2025, 1, 15)

    class Meta:
        model = PartnerPage
