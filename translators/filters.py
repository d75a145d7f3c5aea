import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from partners.models import PartnerPage

from .access import is_language_restricted, user_locale_ids
from .models import TranslationTask


def languages(request):
    locales = Locale.objects.exclude(pk=Locale.get_default().pk)
    if request and is_language_restricted(request.user):
        locales = locales.filter(pk__in=user_locale_ids(request.user))
    return locales


def partners(request):
    return PartnerPage.objects.filter(locale=Locale.get_default()).order_by("title")


def content_types(request):
    used = TranslationTask.objects.values_list("content_type", flat=True).distinct()
    return ContentType.objects.filter(pk__in=used)


class TranslationTaskFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=languages)
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), queryset=partners)
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[
            choice
            for choice in TranslationTask.State.choices
            if choice[0] != TranslationTask.State.DONE
        ],
    )
    content_type = django_filters.ModelChoiceFilter(label=_("Type"), queryset=content_types)

    class Meta:
        model = TranslationTask
        fields = ["locale", "partner", "state", "content_type"]
