"""Editions: the handbook of one moment, in every language it is published in, kept for good."""

from practices.models import HandbookPage

from .building import build, has_content
from .models import BookFormat, HandbookEdition


def languages(handbook):
    """The live handbook pages of every language of this handbook."""
    return (
        HandbookPage.objects.live()
        .filter(translation_key=handbook.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def freeze(edition_id):
    """Build the edition's PDF and EPUB in every language that has chapters; return how many."""
    edition = HandbookEdition.objects.select_related("handbook").filter(pk=edition_id).first()
    if edition is None:
        return 0
    built = 0
    for handbook in languages(edition.handbook):
        if not has_content(handbook):
            continue
        for book_format in BookFormat:
            built += build(handbook, book_format, edition=edition)[1]
    edition.state = HandbookEdition.State.READY
    edition.save(update_fields=["state"])
    return built
