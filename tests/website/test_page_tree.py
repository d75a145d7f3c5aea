from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contributions.models import ConsultationPage, ProposalInboxPage
from events.models import EventIndexPage, EventPage
from partners.models import PartnerIndexPage, PartnerPage
from practices.models import (
    HandbookChapterPage,
    HandbookPage,
    PracticeIndexPage,
    PracticePage,
)
from tests import network
from website.models import HomePage, StandardPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_network_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                PartnerIndexPage,
                PracticeIndexPage,
                EventIndexPage,
                HandbookPage,
                StandardPage,
                ConsultationPage,
                ProposalInboxPage,
            },
        )

    def test_partner_pages_live_under_the_partner_index(self):
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})

    def test_a_partner_holds_its_pages_practices_and_local_events(self):
        self.assertAllowedSubpageTypes(
            PartnerPage, {StandardPage, PracticePage, EventPage, ConsultationPage}
        )

    def test_practices_belong_to_a_partner_and_have_no_children(self):
        # Or, proposed by the public for no partner, in the unpublished proposals inbox.
        self.assertAllowedParentPageTypes(PracticePage, {PartnerPage, ProposalInboxPage})
        self.assertAllowedSubpageTypes(PracticePage, set())

    def test_the_practice_index_aggregates_and_holds_no_pages(self):
        self.assertAllowedSubpageTypes(PracticeIndexPage, set())

    def test_events_are_transnational_under_the_index_or_local_under_a_partner(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, PartnerPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_chapters_live_under_the_handbook(self):
        self.assertAllowedParentPageTypes(HandbookChapterPage, {HandbookPage})
        self.assertAllowedSubpageTypes(HandbookPage, {HandbookChapterPage})
        self.assertAllowedSubpageTypes(HandbookChapterPage, set())

    def test_standard_pages_nest_under_home_partners_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, PartnerPage, StandardPage})


class PageCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            cls.network = network.build()

    def setUp(self):
        self.login()

    def test_editor_can_create_a_practice_under_a_partner(self):
        self.assertCanCreate(
            self.network.page("partner"),
            PracticePage,
            nested_form_data(
                {
                    "title": "Neighbourhood mothers",
                    "slug": "neighbourhood-mothers",
                    "summary": "Mothers of many origins visit families new to the district.",
                    "start_date": "2019-01-01",
                    "ongoing": True,
                    "context": rich_text("<p>Families did not reach the services.</p>"),
                    "approach": rich_text("<p>Forty mothers were trained.</p>"),
                    "results": rich_text(""),
                    "lessons_learned": rich_text(""),
                    "transferability": rich_text(""),
                    "resources": streamfield([]),
                    "practice_themes": {
                        "TOTAL_FORMS": 1,
                        "INITIAL_FORMS": 0,
                        "0-theme": self.network.pages["practice"].practice_themes.get().theme_id,
                        "0-ORDER": 1,
                    },
                    "practice_target_groups": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
                    "adoptions": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
                }
            ),
        )

    def test_editor_can_create_an_event_under_the_event_index(self):
        self.assertCanCreate(
            self.network.page("events"),
            EventPage,
            nested_form_data(
                {
                    "title": "Final conference",
                    "slug": "final-conference",
                    "summary": "The handbook meets policy makers.",
                    "start": "2027-05-10 09:30",
                    "end": "2027-05-11 17:00",
                    "time_zone": "Europe/Paris",
                    "registration_status": "closed",
                    "agenda": streamfield([]),
                    "body": streamfield([]),
                }
            ),
        )

    def test_editor_can_create_a_partner(self):
        self.assertCanCreate(
            self.network.page("partners"),
            PartnerPage,
            nested_form_data(
                {
                    "title": "Leipzig",
                    "slug": "leipzig",
                    "organisation_name": "City of Leipzig",
                    "organisation_type": "municipality",
                    "city": "Leipzig",
                    "country": "DE",
                    "languages": ["de", "en"],
                    "body": streamfield([]),
                }
            ),
        )

    def test_editor_can_create_a_chapter_and_a_standard_page(self):
        self.assertCanCreate(
            self.network.page("handbook"),
            HandbookChapterPage,
            nested_form_data(
                {
                    "title": "Housing",
                    "slug": "housing",
                    "status": "draft",
                    "body": streamfield([]),
                    "cited_practices": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
                }
            ),
        )
        self.assertCanCreate(
            self.network.page("home"),
            StandardPage,
            nested_form_data({"title": "Contact", "slug": "contact", "body": streamfield([])}),
        )
