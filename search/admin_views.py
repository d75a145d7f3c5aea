"""The editors' screens of the search that are not reports: its synonyms."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    # In Settings, after wagtail.contrib.search_promotions' "Promoted search results" (900).
    add_to_settings_menu = True
    menu_name = "search-synonyms"
    menu_order = 910
    list_display = [
        "term",
        Column(
            "equivalents",
            label=capfirst(_("equivalents")),  # as Wagtail labels the field columns
            accessor=lambda synonym: ", ".join(synonym.equivalent_lines()),
        ),
        "locale",
    ]
    # The filter by language is Wagtail's own for translatable snippets (?locale=ar).
    # list_filter = ["locale"] would replace it with one by the Locale's id, which
    # Wagtail's views read from the same parameter as a language code: it filters nothing.
    search_fields = ["term", "equivalents"]
    ordering = ["term"]
