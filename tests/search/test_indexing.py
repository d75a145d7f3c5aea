import io

from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search.models import EntryTerm, PracticeEntry
from search.query import PracticeQuery


def found(text, language="en"):
    query = PracticeQuery(language=language, text=text, sort="relevance")
    return list(query.matching().values_list("title", flat=True))


def test_published_translations_are_indexed_in_their_language(search_index):
    languages = set(
        PracticeEntry.objects.filter(
            title__in=["Market walks", "Passeggiate al mercato"]
        ).values_list("language", flat=True)
    )
    assert languages == {"en", "it"}


def test_entry_carries_the_facet_values_of_its_practice(search_index):
    entry = PracticeEntry.objects.get(language="en", title="Market walks")
    assert entry.partner_slug == "palermo"
    assert entry.start_year == 2020
    assert set(entry.terms.values_list("kind", "slug")) == {
        (EntryTerm.Kind.THEME, "integration"),
        (EntryTerm.Kind.TARGET_GROUP, "young-people"),
    }


def test_publishing_a_practice_indexes_it(make_practice, net):
    page = make_practice("Neighbourhood mothers")
    page.title = "Neighbourhood mothers and fathers"
    page.save_revision().publish()
    assert found("fathers") == ["Neighbourhood mothers and fathers"]


def test_unpublishing_a_practice_removes_it(make_practice):
    page = make_practice("Neighbourhood mothers")
    page.unpublish()
    assert found("mothers") == []


def test_deleting_a_practice_removes_it(make_practice):
    page = make_practice("Neighbourhood mothers")
    page.delete()
    assert found("mothers") == []
    assert not PracticeEntry.objects.filter(page_id=page.pk).exists()


def test_a_private_practice_is_not_found(make_practice):
    page = make_practice("Neighbourhood mothers")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert found("mothers") == []


def test_moving_a_practice_to_another_partner_updates_its_partner_facet(make_practice, net):
    make_practice("Other partner's practice", partner="cork", country="IE")
    page = make_practice("Neighbourhood mothers")
    cork = PracticeEntry.objects.get(title="Other partner's practice").page.get_parent()
    page.move(cork, pos="last-child")
    assert PracticeEntry.objects.get(page_id=page.pk).partner_slug == "cork"


def test_rebuild_command_reports_progress_and_count(search_index):
    out = io.StringIO()
    call_command("rebuild_practice_index", stdout=out)
    expected = PracticeEntry.objects.count()
    assert f"practices: {expected}/{expected}" in out.getvalue()
    assert f"Indexed {expected} practices" in out.getvalue()
