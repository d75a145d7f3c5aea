import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import AnswerStatus, ConsultationAnswer, ConsultationPage, EventFeedback


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    question = "What should the local action plan do first?"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))

    class Meta:
        model = ConsultationPage


class ConsultationAnswerFactory(DjangoModelFactory):
    consultation = factory.SubFactory(ConsultationPageFactory)
    text = "More places where neighbours meet."
    language = "en"
    country = "IT"
    name = "Ada Rossi"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    status = AnswerStatus.PENDING

    class Meta:
        model = ConsultationAnswer


class EventFeedbackFactory(DjangoModelFactory):
    rating = 4
    take_home = "Ideas for our market walks."
    to_change = "Longer breaks."
    language = "en"

    class Meta:
        model = EventFeedback
