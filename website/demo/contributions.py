"""Demo contributions: an open and a closed consultation with answers, two pending
proposals and feedback on a past event (content in content/contributions.toml)."""

import datetime

from django.utils import timezone, translation

from contributions.models import (
    ConsultationAnswer,
    ConsultationPage,
    EventFeedback,
    PracticeProposal,
)
from contributions.proposals import create_proposal
from events.models import EventPage
from practices.models import TargetGroup, Theme

from . import content


class DemoContributions:
    def __init__(self, network):
        self.network = network
        self.data = content.load("contributions.toml")

    def load(self):
        for item in self.network.step("consultations", self.data["consultations"]):
            self.load_consultation(item)
        for item in self.network.step("proposals", self.data["proposals"]):
            self.load_proposal(item)
        self.load_feedback(self.data["feedback"])

    def load_consultation(self, item):
        parent = (
            self.network.home
            if item["parent"] == "network"
            else self.network.partners.get(item["parent"])
        )
        if parent is None:
            return
        now = timezone.now()
        text = item["en"]
        page, created = self.network.child(
            parent,
            ConsultationPage,
            item["slug"],
            title=text["title"],
            intro=text["intro"],
            question=text["question"],
            body=content.body_blocks(text["body"]),
            opens_at=now - datetime.timedelta(days=item["opened_days_ago"]),
            closes_at=now + datetime.timedelta(days=item["closes_in_days"]),
            answers_summary=content.paragraphs_html(text.get("summary", [])),
        )
        self.network.translate_page(page, item)
        if not created and ConsultationAnswer.objects.filter(consultation=page).exists():
            return
        for number, answer in enumerate(item["answers"]):
            ConsultationAnswer.objects.create(
                consultation=page,
                text=answer["text"],
                language=answer["language"],
                country=answer["country"],
                status=answer["status"],
                name="Demo respondent",
                email=f"respondent{number}@example.org",
                submitted_at=page.opens_at + datetime.timedelta(days=number + 1),
                moderated_at=None if answer["status"] == "pending" else now,
            )
            self.network.created += 1

    def load_proposal(self, item):
        if PracticeProposal.objects.filter(title=item["title"]).exists():
            return
        partner = self.network.partners.get(item["partner"]) if item["partner"] else None
        if item["partner"] and partner is None:
            return  # that partner was not loaded
        english = self.network.locale("en")
        # Proposals land in the working language, where the partner's editors work.
        with translation.override(item["language"]):
            create_proposal(
                {
                    **{key: item[key] for key in ("title", "summary", "place", "name")},
                    **{key: item[key] for key in ("context", "approach", "results", "email")},
                    "organisation": item["organisation"],
                    "partner": partner,
                    "start_date": datetime.date.fromisoformat(item["start_date"]),
                    "themes": list(Theme.objects.filter(locale=english)[:1]),
                    "target_groups": list(TargetGroup.objects.filter(locale=english)[:1]),
                },
                notify=False,
            )
        self.network.created += 1

    def load_feedback(self, item):
        event = EventPage.objects.filter(slug=item["event"], locale__language_code="en").first()
        if event is None or EventFeedback.objects.filter(event_key=event.translation_key).exists():
            return
        for answer in item["answers"]:
            EventFeedback.objects.create(event=event, submitted_at=event.end, **answer)
            self.network.created += 1
        self.network.out.write(f"  event feedback: {len(item['answers'])} answers")
