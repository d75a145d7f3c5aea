"""Where each language version of a page lives, for the switcher, hreflang links and breadcrumbs."""

from dataclasses import dataclass, field

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models import F
from wagtail.models import Page, Site


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    full_url: str
    title: str
    is_translation: bool
    is_current: bool
    # Not a translation, but this very page in another language's text (a fallback).
    is_fallback_of_page: bool = False


@dataclass
class Lineage:
    links: list = field(default_factory=list)
    ancestors: list = field(default_factory=list)


def _is_fallback(version):
    # An alias, or a translation in review that shows its original's text meanwhile.
    return bool(version.alias_of_id or version.in_review_of)


def lineage(page, request):
    """The language links and the breadcrumbs of ``page``, from one query.

    The query finds every live version, in every language, of the page and of
    its ancestors. The page's own versions give the language links; where a
    language has none (or only an alias that shows the source text), the link
    goes to the nearest ancestor in that language and is flagged, so that the
    switcher can say so. The ancestors in the page's language are the
    breadcrumbs. Languages without even a home page on this site are left out.
    """
    cache = request.__dict__.setdefault("_convivium_lineage", {})
    if page.pk in cache:
        return cache[page.pk]

    lineage_paths = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    versions = (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(path__in=lineage_paths).values(
                "translation_key"
            )
        )
        .select_related("locale")
        .only("id", "title", "url_path", "path", "depth", "translation_key", "alias_of", "locale")
        .annotate(in_review_of=F("in_review__shows"))
        .order_by("depth")
    )
    by_language = {}
    for version in versions:
        by_language.setdefault(version.locale.language_code, []).append(version)

    result = Lineage()
    current_language = next(
        (code for code, pages in by_language.items() if any(p.pk == page.pk for p in pages)),
        settings.LANGUAGE_CODE,
    )
    # Breadcrumbs stay on this site: a partner's microsite starts at the partner.
    site = Site.find_for_request(request)
    top_depth = site.root_page.depth if site else 2
    result.ancestors = [
        p for p in by_language.get(current_language, []) if p.pk != page.pk and p.depth >= top_depth
    ]
    for code, _name in settings.LANGUAGES:
        # Only this site's pages: on a microsite, the network above it is another host.
        pages = [p for p in by_language.get(code, []) if p.depth >= top_depth]
        if not pages:
            continue
        exact = next(
            (
                p
                for p in pages
                if p.translation_key == page.translation_key
                and (p.pk == page.pk or not _is_fallback(p))
            ),
            None,
        )
        target = exact or pages[-1]
        result.links.append(
            LanguageLink(
                code=code,
                name=LANG_INFO[code]["name_local"],
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                title=target.title,
                # A fallback shows another language's text: not a translation.
                is_translation=exact is not None and not _is_fallback(exact),
                is_current=code == current_language,
                is_fallback_of_page=target.translation_key == page.translation_key,
            )
        )
    cache[page.pk] = result
    return result
