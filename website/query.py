from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def private_pages():
    """True for a page under a view restriction (its own or an ancestor's)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        # Wagtail's public() first loads every view restriction with a query of
        # its own; this asks the same question inside the page query.
        return self.exclude(private_pages())
