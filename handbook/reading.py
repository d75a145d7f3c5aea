"""What the handbook page shows besides its contents: states, languages, files and editions."""

from collections import defaultdict

from django.utils.translation import get_language_info

from practices.models import ChapterStatus, HandbookChapterPage
from website.fallbacks import OWN_TEXT

from .models import BookFile


def language_name(code):
    return get_language_info(code)["name_local"]


def handbook_context(handbook, chapters):
    """Context for the handbook page, in a fixed number of queries whatever the chapter count."""
    translated = defaultdict(list)
    for key, code in (
        HandbookChapterPage.objects.live()
        .filter(translation_key__in=[chapter.translation_key for chapter in chapters])
        .exclude(locale_id=handbook.locale_id)
        .filter(OWN_TEXT)  # a fallback shows another language's text
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code")
    ):
        translated[key].append(language_name(code))
    for number, chapter in enumerate(chapters, start=1):
        chapter.number = number
        chapter.other_languages = translated[chapter.translation_key]

    states = [
        (status, label, [chapter for chapter in chapters if chapter.status == status])
        for status, label in ChapterStatus.choices
    ]

    files = list(
        BookFile.objects.filter(handbook=handbook)
        .select_related("edition")
        .order_by("-edition__published_at", "format")
    )
    editions = {}
    for book_file in files:
        if book_file.edition_id:
            editions.setdefault(book_file.edition_id, (book_file.edition, []))[1].append(book_file)
    return {
        "chapter_states": [state for state in states if state[2]],
        "current_files": [book_file for book_file in files if not book_file.edition_id],
        "editions": list(editions.values()),
    }
