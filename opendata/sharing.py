"""What a page shows when it is shared or read by a search engine: Open Graph and
Twitter card tags, and schema.org data in JSON-LD where a type fits.

Everything comes from the page and the context its own view already built
(themes, chapters), plus one rendition of its image: the number of queries
does not grow with the content.
"""

from django.conf import settings
from django.utils.translation import get_language, to_locale

from partners.models import OrganisationType, PartnerPage
from practices.models import HandbookChapterPage, HandbookPage, PracticePage
from website.addresses import site_url
from website.fallbacks import original_of

IMAGE_SPEC = "fill-1200x630"


def description_of(page):
    for name in ("search_description", "summary", "intro"):
        text = getattr(page, name, "")
        if text:
            return " ".join(text.split())
    return ""


def image_of(page):
    if isinstance(page, PracticePage):
        return page.featured_image
    if isinstance(page, PartnerPage):
        return page.logo
    return None


def rendition_of(image, request):
    if image is None:
        return None
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except OSError:  # the original file is missing: share without an image
        return None
    return {
        "url": site_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def licence():
    return settings.CONVIVIUM_OPEN_DATA_LICENCE["url"]


def practice_data(page, context, common):
    partner = page.partner
    data = {
        **common,
        "@type": "Article",
        "headline": page.title[:110],
        "identifier": str(page.translation_key),
        "license": licence(),
        "about": [theme.name for theme in context.get("themes", [])],
        "audience": [
            {"@type": "Audience", "audienceType": group.name}
            for group in context.get("target_groups", [])
        ],
        "temporalCoverage": f"{page.start_date:%Y-%m-%d}/"
        + (f"{page.end_date:%Y-%m-%d}" if page.end_date else ".."),
    }
    if partner is not None:
        data["author"] = {
            "@type": organisation_type(partner),
            "name": partner.organisation_name or partner.title,
            "address": {"@type": "PostalAddress", "addressCountry": partner.country.code},
        }
    return data


def organisation_type(partner):
    if partner.organisation_type == OrganisationType.MUNICIPALITY:
        return "GovernmentOrganization"
    return "Organization"


def partner_data(page, context, common, image):
    data = {
        **common,
        "@type": organisation_type(page),
        "name": page.organisation_name or page.title,
        "identifier": str(page.translation_key),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressCountry": page.country.code,
        },
    }
    if page.latitude is not None and page.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            },
        }
    if page.website:
        data["sameAs"] = [page.website]
    if image:
        data["logo"] = image["url"]
    return data


def handbook_data(page, context, common, request):
    chapters = context.get("chapters", [])
    return {
        **common,
        "@type": "Book",
        "identifier": str(page.translation_key),
        "license": licence(),
        "hasPart": [
            {
                "@type": "Chapter",
                "position": number,
                "name": chapter.title,
                "url": chapter.get_full_url(request),
            }
            for number, chapter in chapters
        ],
    }


def sharing(page, context):
    """The sharing card of ``page`` and its JSON-LD (or None)."""
    request = context["request"]
    # A page not yet translated shows another language's text: that version is the original.
    original = original_of(page)
    url = original.get_full_url(request)
    description = description_of(page)
    image = rendition_of(image_of(page), request)
    card = {
        "title": page.seo_title or page.title,
        "description": description,
        "url": url,
        "image": image,
        "type": "article" if isinstance(page, PracticePage | HandbookChapterPage) else "website",
        "locale": to_locale(get_language() or settings.LANGUAGE_CODE),
    }
    if not isinstance(page, PracticePage | PartnerPage | HandbookPage):
        return card, None
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": url,
        "inLanguage": original.locale.language_code,
    }
    if description:
        common["description"] = description
    if page.first_published_at:
        common["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        common["dateModified"] = page.last_published_at.isoformat()
    if image:
        common["image"] = image["url"]
    if isinstance(page, PracticePage):
        return card, practice_data(page, context, common)
    if isinstance(page, PartnerPage):
        return card, partner_data(page, context, common, image)
    return card, handbook_data(page, context, common, request)
