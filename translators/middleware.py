"""Language limits, checked before any admin view that changes content.

Wagtail's page permissions already keep a translator to their language's
tree, but refuse with a redirect and a general message; wagtail-localize's
views check only that the user may edit objects of a model, in any language.
Here every such view learns which languages it is about, and a translator of
other languages gets a 403 that says why.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from .access import is_language_restricted, may_work_in

PAGE_ACTIONS = {
    "add",
    "add_subpage",
    "edit",
    "delete",
    "unpublish",
    "convert_alias",
    "move",
    "move_confirm",
    "set_page_position",
    "copy",
    "workflow_action",
    "set_privacy",
    "lock",
    "unlock",
    "revisions_revert",
    "revisions_unschedule",
}


class LanguageRolesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith("/admin/"):
            return None
        if not is_language_restricted(request.user):
            return None
        for locale_id in target_locales(request, match, view_kwargs):
            if not may_work_in(request.user, locale_id):
                return refusal(request)
        return None


def refusal(request):
    return TemplateResponse(
        request,
        "translators/not_your_language.html",
        {"message": _("You translate into other languages: this one is not yours to change.")},
        status=403,
    )


# wagtail-localize's views, and ours that replace some of them at the same addresses.
LOCALIZE_NAMESPACES = {"wagtail_localize", "translators_localize"}


def target_locales(request, match, kwargs):
    if LOCALIZE_NAMESPACES & set(match.namespaces):
        return wagtail_localize_locales(request, match, kwargs)
    if "wagtailadmin_pages" in match.namespaces and match.url_name in PAGE_ACTIONS:
        page_id = (
            kwargs.get("page_id") or kwargs.get("page_to_move_id") or kwargs.get("parent_page_id")
        )
        return list(Page.objects.filter(pk=page_id).values_list("locale_id", flat=True))
    return []


def wagtail_localize_locales(request, match, kwargs):
    if match.url_name in ("submit_page_translation", "submit_snippet_translation"):
        if request.method != "POST":
            return []
        return [int(value) for value in request.POST.getlist("locales") if value.isdigit()]
    if "translation_id" in kwargs:
        return list(
            Translation.objects.filter(pk=kwargs["translation_id"]).values_list(
                "target_locale_id", flat=True
            )
        )
    if "translation_source_id" in kwargs:
        # Updating a source refreshes its translations in every language.
        return list(
            TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).values_list(
                "translations__target_locale_id", flat=True
            )
        )
    if "page_id" in kwargs:
        return list(Page.objects.filter(pk=kwargs["page_id"]).values_list("locale_id", flat=True))
    return []
