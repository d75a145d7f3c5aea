"""The proposer of a practice hears when it is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from practices.models import PracticePage

from .proposals import notify_published


@receiver(page_published, sender=PracticePage)
def tell_the_proposer(sender, instance, **kwargs):
    notify_published(instance)
