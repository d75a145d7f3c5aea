import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import (
    ChapterStatus,
    HandbookChapterPage,
    HandbookPage,
    PracticeIndexPage,
    PracticePage,
    TargetGroup,
    Theme,
)


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TargetGroup


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Good practices"
    slug = "practices"
    show_in_menus = True

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "Residents of many origins guide walks through their market."
    start_date = datetime.date(2020, 3, 1)
    ongoing = True
    context = "<p>Prejudice against newcomers was growing in the old town.</p>"
    approach = "<p>Residents were trained as guides and lead walks every month.</p>"
    results = "<p>2,400 people took part in three years.</p>"

    class Meta:
        model = PracticePage


class HandbookPageFactory(wagtail_factories.PageFactory):
    title = "Handbook"
    slug = "handbook"
    show_in_menus = True

    class Meta:
        model = HandbookPage


class HandbookChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chapter {n}")
    slug = factory.Sequence(lambda n: f"chapter-{n}")
    intro = "How prejudice works in cities."
    status = ChapterStatus.APPROVED

    class Meta:
        model = HandbookChapterPage
