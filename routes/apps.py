from django.apps import AppConfig


class RoutesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "routes"
    verbose_name = "Routes and organisations"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .cache import content_changed
        from .models import CodeParagraph, Organisation, Route, RouteOrganisation, Step

        for model in (Route, Step, Organisation, CodeParagraph, RouteOrganisation):
            post_save.connect(
                content_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}"
            )
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"cache-delete-{model.__name__}"
            )
        m2m_changed.connect(
            content_changed, sender=Route.citations.through, dispatch_uid="cache-citations"
        )
