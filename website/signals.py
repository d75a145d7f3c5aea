from django.conf import settings


def create_locales(sender, **kwargs):
    """Every configured language has its Wagtail locale: the set is configuration."""
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        Locale(language_code=code) for code, _name in settings.LANGUAGES if code not in existing
    )
