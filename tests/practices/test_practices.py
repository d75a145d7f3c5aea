import datetime

import pytest
from django.core.exceptions import ValidationError

from partners.factories import PartnerPageFactory
from practices.factories import HandbookChapterPageFactory, PracticePageFactory
from practices.models import PracticePage, Theme


def test_practice_belongs_to_the_partner_whose_pages_hold_it(net):
    assert net.page("practice").partner == net.page("partner")


def test_translated_practice_belongs_to_the_translated_partner(net):
    assert net.page("practice", "ar").partner == net.page("partner", "ar")


def test_moving_a_practice_moves_it_to_the_new_partner(net):
    other = PartnerPageFactory(parent=net.page("partners"), title="Leipzig", slug="leipzig")
    practice = PracticePageFactory(parent=net.page("partner"))
    practice.move(other, pos="last-child")
    practice.refresh_from_db()
    assert practice.partner == other


def test_partner_is_not_an_editable_field():
    assert not PracticePage._meta.get_field("partner").editable


def test_an_ongoing_practice_has_no_end_date():
    practice = PracticePage(ongoing=True, end_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="ongoing"):
        practice.clean()


def test_a_practice_cannot_end_before_it_starts():
    practice = PracticePage(
        start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="before the start"):
        practice.clean()


def test_summary_is_at_most_300_characters(net):
    practice = net.page("practice")
    practice.summary = "x" * 301
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert "summary" in error.value.message_dict


def test_themes_exist_in_every_translated_language_with_the_same_slug(net):
    names = dict(
        Theme.objects.filter(slug="integration").values_list("locale__language_code", "name")
    )
    assert names == {"en": "Integration", "it": "Integrazione", "ar": "الاندماج"}


def test_chapters_are_numbered_by_their_place_in_the_handbook(client, net):
    HandbookChapterPageFactory(parent=net.page("handbook"), title="Second chapter")
    response = client.get(net.page("handbook").url)
    assert '<li value="1">' in response.text
    assert '<li value="2">' in response.text
    second = client.get("/en/handbook/").context["chapters"][1][1]
    context = client.get(second.url).context
    assert context["chapter_number"] == 2
    assert context["previous_chapter"].title == "Understanding stigma"
    assert context["next_chapter"] is None


def test_handbook_shows_each_chapters_status(client, net):
    response = client.get(net.page("handbook", "it").url)
    assert "status--approved" in response.text
