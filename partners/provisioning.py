"""Everything a new partner needs, made in one step (admin form or `add_partner`).

The partner page, its media collection, its editors' and moderators' groups
with rights on that subtree and collection only, its moderation workflow, its
menus and, with a hostname, its own Wagtail Site: all in one transaction, and
found again rather than duplicated when the same partner is submitted twice.
Translations of the partner page into its languages follow once that
transaction has committed, one transaction each, as wagtail-localize needs.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import Translation, TranslationSource
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from website.models import SiteBranding

from .models import OrganisationType, PartnerIndexPage, PartnerPage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# The network's coordinators approve every partner's pages too.
COORDINATORS = "Moderators"


@dataclass
class PartnerSpec:
    organisation_name: str
    organisation_type: str
    city: str
    country: str
    languages: list = field(default_factory=list)
    contact_email: str = ""
    website: str = ""
    logo: object = None
    hostname: str = ""
    intro: str = ""

    @property
    def slug(self):
        return slugify(self.city) or slugify(self.organisation_name)

    def validate(self):
        errors = {}
        if not self.organisation_name.strip():
            errors["organisation_name"] = _("Give the organisation's name.")
        if self.organisation_type not in OrganisationType.values:
            errors["organisation_type"] = _("Choose municipality, association/NGO or other.")
        if not self.slug:
            errors["city"] = _("Give the city, in letters that make an address.")
        known = set(Locale.objects.values_list("language_code", flat=True))
        unknown = [code for code in self.languages if code not in known]
        if unknown:
            errors["languages"] = _("Unknown languages: %(codes)s.") % {"codes": ", ".join(unknown)}
        if self.hostname:
            taken = Site.objects.filter(hostname=self.hostname).exclude(root_page__slug=self.slug)
            if taken.exists():
                errors["hostname"] = _("Another site already answers at %(host)s.") % {
                    "host": self.hostname
                }
        if errors:
            raise ValidationError(errors)


@dataclass
class Provisioned:
    partner: PartnerPage
    collection: Collection
    editors: Group
    moderators: Group
    workflow: Workflow
    site: Site | None
    created: bool


def provision(spec, user=None):
    spec.validate()
    with transaction.atomic():
        result = provision_in_transaction(spec, user)
    for code in spec.languages:
        translate_partner(result.partner, code, user)
    return result


def provision_in_transaction(spec, user):
    source = Locale.get_default()
    index = PartnerIndexPage.objects.filter(locale=source).first()
    if index is None:
        raise ValidationError(_("The network has no partner index page to add partners to."))
    partner = index.get_children().filter(slug=spec.slug).specific().first()
    created = partner is None
    if created:
        partner = PartnerPage(
            title=spec.city,
            slug=spec.slug,
            organisation_name=spec.organisation_name,
            organisation_type=spec.organisation_type,
            city=spec.city,
            country=spec.country,
            languages=list(spec.languages),
            contact_email=spec.contact_email,
            website=spec.website,
            logo=spec.logo,
            intro=spec.intro,
        )
        index.add_child(instance=partner)
        partner.save_revision(user=user).publish(user=user)

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=spec.organisation_name).first()
    if collection is None:
        collection = root.add_child(name=spec.organisation_name)
    if spec.logo is not None and spec.logo.collection_id != collection.pk:
        spec.logo.collection = collection
        spec.logo.save(update_fields=["collection"])

    editors = role_group(
        f"{spec.organisation_name} editors", partner, collection, EDITOR_PAGE_PERMISSIONS
    )
    moderators = role_group(
        f"{spec.organisation_name} moderators", partner, collection, MODERATOR_PAGE_PERMISSIONS
    )
    workflow = moderation_workflow(spec.organisation_name, partner, moderators)
    site = own_site(spec, partner) if spec.hostname else None
    return Provisioned(partner, collection, editors, moderators, workflow, site, created)


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def role_group(name, partner, collection, page_permissions):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=partner, permission=permission("wagtailcore", codename)
        )
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )
    return group


def moderation_workflow(name, partner, moderators):
    workflow, _created = Workflow.objects.get_or_create(name=f"{name} moderation")
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=f"{name} approval")
        task.groups.add(moderators, *Group.objects.filter(name=COORDINATORS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=partner, defaults={"workflow": workflow})
    return workflow


def own_site(spec, partner):
    """The partner's Site, on the port the network's default Site is served on."""
    default = Site.objects.filter(is_default_site=True).first()
    site, _created = Site.objects.get_or_create(
        hostname=spec.hostname,
        defaults={
            "port": default.port if default else 80,
            "root_page": partner,
            "site_name": spec.organisation_name,
        },
    )
    branding = SiteBranding.for_site(site)
    if branding.site_title != spec.organisation_name:
        branding.site_title = spec.organisation_name
        branding.logo = spec.logo
        branding.save()
    main = MainMenu.get_for_site(site)
    if not main.get_menu_items_manager().exists():
        MainMenuItem.objects.create(menu=main, link_page=partner, link_text="", sort_order=0)
    footer, _created = FlatMenu.objects.get_or_create(
        site=site, handle="footer", defaults={"title": f"{spec.organisation_name} footer"}
    )
    if not footer.get_menu_items_manager().exists():
        FlatMenuItem.objects.create(menu=footer, link_page=partner, sort_order=0)
    return site


def translate_partner(partner, code, user):
    """A synced translation of the partner page, for the partner's translators to complete."""
    locale = Locale.objects.get(language_code=code)
    # An alias only shows the source until someone translates it: it is translated here.
    translated = partner.get_translations().filter(locale=locale, alias_of__isnull=True)
    if locale.pk == partner.locale_id or translated.exists():
        return
    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(partner)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=user, publish=True)
