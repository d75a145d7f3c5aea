"""Which languages a user may work in."""

from wagtail.models import Locale

from .models import LanguageRole

EVERY_LANGUAGE = "translators.edit_every_language"


def is_language_restricted(user):
    """True for people whose editing rights come from language roles alone."""
    if not user.is_authenticated or user.is_superuser or user.has_perm(EVERY_LANGUAGE):
        return False
    return bool(user_locale_ids(user))


def user_locale_ids(user):
    if not hasattr(user, "_convivium_locale_ids"):
        user._convivium_locale_ids = set(
            LanguageRole.objects.filter(group__user=user).values_list("locale_id", flat=True)
        )
    return user._convivium_locale_ids


def may_work_in(user, locale_id):
    return not is_language_restricted(user) or locale_id in user_locale_ids(user)


def work_language_codes(user):
    """The codes of the languages of ``user``'s language roles."""
    return set(
        Locale.objects.filter(pk__in=user_locale_ids(user)).values_list("language_code", flat=True)
    )
