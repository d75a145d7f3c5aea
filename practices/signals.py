from wagtail.signals import post_page_move

from partners.models import PartnerPage

from .models import PracticePage


def follow_partner_on_move(sender, instance, **kwargs):
    """A practice moved (alone or with its parent) belongs to its new partner."""
    for practice in PracticePage.objects.descendant_of(instance, inclusive=True):
        partner = PartnerPage.holding(practice)
        if partner != practice.partner:
            PracticePage.objects.filter(pk=practice.pk).update(partner=partner)


def connect():
    post_page_move.connect(follow_partner_on_move, dispatch_uid="practices-follow-partner")
