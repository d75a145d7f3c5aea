"""Where each language version of a page lives, for the switcher and hreflang links."""

from dataclasses import dataclass

from django.conf import settings
from django.conf.locale import LANG_INFO
from wagtail.models import Page


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    full_url: str
    title: str
    is_translation: bool
    is_current: bool


def language_links(page, request):
    """One link per configured language, in the order of settings.LANGUAGES.

    Where the page is translated, the link goes to the translation; where it is
    not, to the nearest ancestor that is, flagged so the switcher can say so.
    Languages where not even the home page exists are left out. One query.
    """
    cache = request.__dict__.setdefault("_convivium_language_links", {})
    if page.pk in cache:
        return cache[page.pk]

    steplen = Page.steplen
    lineage_paths = [page.path[: steplen * depth] for depth in range(2, page.depth + 1)]
    candidates = (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(path__in=lineage_paths).values(
                "translation_key"
            )
        )
        .select_related("locale")
        .only("id", "title", "url_path", "path", "depth", "translation_key", "locale")
    )
    by_language = {}
    for candidate in candidates:
        by_language.setdefault(candidate.locale.language_code, []).append(candidate)

    links = []
    current_language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    for code, _name in settings.LANGUAGES:
        versions = by_language.get(code)
        if not versions:
            continue
        exact = next((p for p in versions if p.translation_key == page.translation_key), None)
        target = exact or max(versions, key=lambda p: p.depth)
        links.append(
            LanguageLink(
                code=code,
                name=LANG_INFO[code]["name_local"],
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                title=target.title,
                is_translation=exact is not None,
                is_current=code == current_language,
            )
        )
    cache[page.pk] = links
    return links
