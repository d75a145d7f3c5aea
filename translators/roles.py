"""Groups, page permissions and review workflows for each content language.

Every locale gets two groups, "Translators (<language>)" and "Reviewers
(<language>)". Both get page permissions on that language's tree only (its
top-level pages), so Wagtail itself refuses them the pages of other languages;
reviewers may also publish. A workflow per language sends translations to
that language's reviewers, while the source pages keep their own moderation.
"""

from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext, override
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import LanguageRole

PAGE_PERMISSIONS = {
    LanguageRole.Role.TRANSLATOR: ["add_page", "change_page"],
    LanguageRole.Role.REVIEWER: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
}
MODEL_PERMISSIONS = {
    LanguageRole.Role.TRANSLATOR: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("practices", "change_theme"),
        ("practices", "change_targetgroup"),
        ("search", "change_searchsynonym"),
    ],
    LanguageRole.Role.REVIEWER: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("practices", "change_theme"),
        ("practices", "change_targetgroup"),
        ("practices", "publish_theme"),
        ("practices", "publish_targetgroup"),
        ("search", "change_searchsynonym"),
    ],
}
GROUP_NAMES = {
    LanguageRole.Role.TRANSLATOR: "Translators ({language})",
    LanguageRole.Role.REVIEWER: "Reviewers ({language})",
}


def language_name(locale):
    """The language's English name, for group names that every coordinator reads."""
    info = LANG_INFO.get(locale.language_code, {})
    with override("en"):
        return gettext(info.get("name", locale.language_code))


@transaction.atomic
def ensure_roles(locale):
    """The groups of ``locale`` with their permissions, grants and workflow (idempotent)."""
    roles = {}
    for role in LanguageRole.Role:
        existing = LanguageRole.objects.filter(locale=locale, role=role).select_related("group")
        language_role = existing.first()
        if language_role is None:
            name = GROUP_NAMES[role].format(language=language_name(locale))
            group, _created = Group.objects.get_or_create(name=name)
            language_role = LanguageRole.objects.create(locale=locale, role=role, group=group)
        permissions = [
            permission
            for app_label, codename in MODEL_PERMISSIONS[role]
            if (permission := find_permission(app_label, codename))
        ]
        language_role.group.permissions.add(*permissions)
        roles[role] = language_role
    grant_language_tree(locale, roles)
    return roles


def find_permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def review_workflow(locale, reviewers):
    name = f"Translation review ({language_name(locale)})"
    workflow, _created = Workflow.objects.get_or_create(name=name)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=f"Review ({language_name(locale)})")
        task.groups.add(reviewers.group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def grant_language_tree(locale, roles=None):
    """Page permissions and the review workflow on the top pages of ``locale``'s tree."""
    if roles is None:
        roles = {role.role: role for role in LanguageRole.objects.filter(locale=locale)}
    if not roles:
        return
    if locale.language_code == Locale.get_default().language_code:
        return  # source pages are edited by editors, under the site's own moderation
    tops = list(Page.objects.filter(depth=2, locale=locale))
    if not tops:
        return
    for role, language_role in roles.items():
        for codename in PAGE_PERMISSIONS[role]:
            permission = find_permission("wagtailcore", codename)
            for page in tops:
                GroupPagePermission.objects.get_or_create(
                    group=language_role.group, page=page, permission=permission
                )
    workflow = review_workflow(locale, roles[LanguageRole.Role.REVIEWER])
    for page in tops:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
