from django.apps import AppConfig


class RoutesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "routes"
    verbose_name = "Routes and organisations"

    def ready(self):
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_save,
            pre_delete,
            pre_save,
        )

        from . import checks  # noqa: F401
        from .models import ContentVersion, content_models
        from .versions import register_content_versions

        # Every content model, with the rows on its page, is versioned as a whole page.
        register_content_versions()

        def content_changing(**kwargs):
            ContentVersion.lock()

        def content_changed(**kwargs):
            ContentVersion.move_on()

        def links_changed(action, **kwargs):
            if action.startswith("pre_"):
                ContentVersion.lock()
            else:
                ContentVersion.move_on()

        # Every content model and each of its many-to-many tables: a save of any of them, in the
        # admin, a shell or loaddata, locks the content version before it writes (one lock order
        # for every save) and moves it on in the same transaction.
        for model in content_models():
            label = model._meta.label_lower
            for signal, receiver, name in (
                (pre_save, content_changing, "lock"),
                (pre_delete, content_changing, "lock-delete"),
                (post_save, content_changed, "move"),
                (post_delete, content_changed, "move-delete"),
            ):
                signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"{name}-{label}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    links_changed,
                    sender=field.remote_field.through,
                    weak=False,
                    dispatch_uid=f"links-{label}-{field.name}",
                )
