from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        # Registers the check that each offered language can be served.
        from . import checks  # noqa: F401
