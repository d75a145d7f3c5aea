from wagtail.signals import post_page_move

from .models import EventPage


def follow_tree_on_move(sender, instance, **kwargs):
    """A moved event takes its kind and host from its new place in the tree."""
    for event in EventPage.objects.descendant_of(instance, inclusive=True):
        event.save(update_fields=["kind", "host_partner"])


def connect():
    post_page_move.connect(follow_tree_on_move, dispatch_uid="events-follow-tree")
