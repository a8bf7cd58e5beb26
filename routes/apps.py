from django.apps import AppConfig


class RoutesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "routes"
    verbose_name = "Routes and organisations"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import ContentVersion, content_models

        def content_changed(**kwargs):
            ContentVersion.move_on()

        # Every content model and each of its many-to-many tables: a save of any of them, in the
        # admin, a shell or loaddata, moves the content version on in the same transaction.
        for model in content_models():
            label = model._meta.label_lower
            post_save.connect(content_changed, sender=model, weak=False, dispatch_uid=f"v-{label}")
            post_delete.connect(
                content_changed, sender=model, weak=False, dispatch_uid=f"d-{label}"
            )
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    content_changed,
                    sender=field.remote_field.through,
                    weak=False,
                    dispatch_uid=f"m-{label}-{field.name}",
                )
