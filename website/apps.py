from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signals import (
            connect_fallbacks,
            connect_menu_invalidation,
            connect_page_cache_invalidation,
            create_locales,
        )

        post_migrate.connect(create_locales, sender=self)
        connect_menu_invalidation()
        connect_page_cache_invalidation()
        connect_fallbacks()
