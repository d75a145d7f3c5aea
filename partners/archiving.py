"""A partner leaves the network: its microsite goes offline and its people lose
access, but nothing is deleted, and a coordinator can bring it all back."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Revision

from .models import PartnerArchive


def partner_pages(partner):
    """The partner's pages in every language."""
    keys = Page.objects.descendant_of(partner, inclusive=True).values("translation_key")
    return Page.objects.filter(translation_key__in=keys).order_by("-depth")


def partner_groups(partner):
    return Group.objects.filter(
        pk__in=GroupPagePermission.objects.filter(page=partner).values("group")
    )


def active_archive(partner):
    return partner.archives.filter(restored_at__isnull=True).first()


@transaction.atomic
def archive(partner, user=None):
    existing = active_archive(partner)
    if existing is not None:
        return existing
    live = {}
    for page in partner_pages(partner).filter(live=True).specific():
        # A page made live without a revision (a fresh translation) gets one to return to.
        live[str(page.pk)] = page.live_revision_id or page.save_revision(user=user).pk
    memberships = {
        str(group.pk): list(group.user_set.values_list("pk", flat=True))
        for group in partner_groups(partner)
    }
    record = PartnerArchive.objects.create(
        partner=partner, archived_by=user, live_revisions=live, memberships=memberships
    )
    for page in partner_pages(partner).filter(live=True).specific():
        page.unpublish(user=user)
    for group in partner_groups(partner):
        group.user_set.clear()
    return record


@transaction.atomic
def restore(partner, user=None):
    record = active_archive(partner)
    if record is None:
        return None
    # Parents first, each page as it was when archived.
    revisions = Revision.objects.filter(pk__in=[pk for pk in record.live_revisions.values() if pk])
    by_page = {int(page_id): revision_id for page_id, revision_id in record.live_revisions.items()}
    for page in Page.objects.filter(pk__in=list(by_page)).order_by("depth"):
        revision = next((r for r in revisions if r.pk == by_page[page.pk]), None)
        if revision is not None:
            revision.publish(user=user)
    for group_id, user_ids in record.memberships.items():
        group = Group.objects.filter(pk=group_id).first()
        if group is not None:
            group.user_set.add(*user_ids)
    record.restored_at = timezone.now()
    record.save(update_fields=["restored_at"])
    return record
