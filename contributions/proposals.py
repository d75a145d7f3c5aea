"""A proposed practice becomes a draft page, never a live one, where its editors work.

Under the chosen partner's page in the working language (where its editors'
rights are granted, whatever language the proposal is written in; the proposal
records that language) or, for a practice elsewhere, in the network's proposals
inbox, where only coordinators have rights. Page permissions then decide who
sees the proposal, as for any other page.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import get_language, override
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from practices.models import PracticePage, PracticePageTargetGroup, PracticePageTheme

from .models import PracticeProposal, ProposalInboxPage


def free_slug(parent, title):
    base = slugify(title)[:60].strip("-") or "proposal"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def rich_text(text):
    """Plain text typed by the public, escaped and split into paragraphs."""
    return linebreaks(text.strip(), autoescape=True) if text.strip() else ""


def working_page(partner):
    """The partner's page in the working language: its editors' rights are granted there."""
    return partner.get_translation_or_none(Locale.get_default()) or partner


def create_proposal(data, notify=True):
    partner = data["partner"]
    if partner is not None:
        partner = working_page(partner)
    parent = partner if partner is not None else ProposalInboxPage.for_network()
    with transaction.atomic():
        # Proposals under one parent one at a time: two with the same title sent at
        # once would otherwise both take the free slug (and the same tree path).
        Page.objects.select_for_update().filter(pk=parent.pk).first()
        page = PracticePage(
            title=data["title"],
            slug=free_slug(parent, data["title"]),
            summary=data["summary"],
            start_date=data["start_date"],
            ongoing=True,
            context=rich_text(data["context"]),
            approach=rich_text(data["approach"]),
            results=rich_text(data["results"]),
            live=False,
            has_unpublished_changes=True,
        )
        page.practice_themes = [PracticePageTheme(theme=theme) for theme in data["themes"]]
        page.practice_target_groups = [
            PracticePageTargetGroup(target_group=group) for group in data["target_groups"]
        ]
        parent.add_child(instance=page)
        page.save_revision(log_action=True)
        proposal = PracticeProposal.objects.create(
            page=page,
            title=data["title"],
            partner=partner,
            place=data["place"] if partner is None else "",
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            language=get_language(),
        )
    if notify:
        transaction.on_commit(lambda: notify_received(proposal, parent))
    return proposal


def editors_of(page):
    """Active people who may edit pages there, with an email address."""
    users = PagePermissionPolicy(Page).users_with_any_permission_for_instance(
        ["change", "publish"], page
    )
    return sorted({user.email for user in users if user.is_active and user.email})


def notify_received(proposal, parent):
    context = {"proposal": proposal, "admin_base": settings.WAGTAILADMIN_BASE_URL}
    with override(proposal.language):
        send_mail(
            render_to_string("contributions/email/proposal_received_subject.txt", context).strip(),
            render_to_string("contributions/email/proposal_received.txt", context),
            None,
            [proposal.email],
        )
    recipients = editors_of(parent)
    if recipients:
        with override(settings.LANGUAGE_CODE):
            send_mail(
                render_to_string(
                    "contributions/email/proposal_to_editors_subject.txt", context
                ).strip(),
                render_to_string("contributions/email/proposal_to_editors.txt", context),
                None,
                recipients,
            )


def notify_published(page):
    """Tell the proposer, once, where their practice is now published."""
    pending = PracticeProposal.objects.filter(page_id=page.pk, published_notice_sent_at=None)
    for proposal in pending.exclude(email=""):
        context = {"proposal": proposal, "url": page.get_full_url()}
        with override(proposal.language):
            send_mail(
                render_to_string(
                    "contributions/email/proposal_published_subject.txt", context
                ).strip(),
                render_to_string("contributions/email/proposal_published.txt", context),
                None,
                [proposal.email],
            )
    from django.utils import timezone

    pending.update(published_notice_sent_at=timezone.now())


def visible_proposals(user):
    """The proposals whose draft pages this user may edit: nobody else's."""
    pages = PagePermissionPolicy(Page).instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return PracticeProposal.objects.filter(page__in=pages.values("pk"))


def moderated_page_ids(user, page_ids):
    """Of these pages, those the user may publish: their contact data is for moderators."""
    pages = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "publish")
    return set(pages.filter(pk__in=page_ids).values_list("pk", flat=True))
