from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    name = "translators"
    verbose_name = _("Translators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps
        from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
        from wagtail.signals import page_unpublished
        from wagtail_localize.models import StringTranslation, Translation, TranslationLog

        from . import signals

        post_migrate.connect(signals.roles_for_every_locale, sender=self)
        post_save.connect(signals.roles_for_new_locale, sender=Locale)
        # Sent by every page class: the receiver keeps only new top-level pages.
        post_save.connect(signals.grants_for_new_language_tree, dispatch_uid="translators-tree")

        # The translation queue follows what happens to sources and translations.
        post_save.connect(signals.translatable_changed, dispatch_uid="translators-saved")
        # Deletions only of pages and translatable snippets: a receiver for every
        # model would turn off Django's fast deletes everywhere.
        translatable = [
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
        ]
        for model in [Page, *translatable]:
            post_delete.connect(
                signals.translatable_changed,
                sender=model,
                dispatch_uid=f"translators-deleted-{model._meta.label}",
            )
        page_unpublished.connect(
            signals.translatable_changed, dispatch_uid="translators-unpublished"
        )
        post_save.connect(signals.translation_saved, sender=Translation)
        post_save.connect(signals.log_saved, sender=TranslationLog)
        post_save.connect(signals.string_translated, sender=StringTranslation)
        post_save.connect(signals.review_changed, sender=WorkflowState)
